import type { Calendar } from './calendar';
import type { Clock } from './clock';
import type { Directory } from './directory';
import type { Ids } from './ids';
import type { MeetingChannel } from './meeting-channel';
import type { Notifier } from './notifier';
import type { PlanStore } from './plan-store';
import type { WriteStatus } from './write-status';

/** The ports a use case may need, as one bundle; the composition root (src/app) picks the adapters. */
export interface Services {
  store: PlanStore;
  calendar: Calendar;
  directory: Directory;
  channel: MeetingChannel;
  clock: Clock;
  ids: Ids;
  /**
   * What the store has not confirmed yet (Teams mode's outbox). Optional: absent where every
   * write is confirmed when it resolves (standalone), and then nothing ever waits.
   */
  writeStatus?: WriteStatus;
  /**
   * Tells the person made responsible for a decision's action (Teams: activity feed;
   * standalone: recorded locally). Optional: where it is absent nobody is told, and
   * recordDecision says so (`notification: null`).
   */
  notifier?: Notifier;
}
