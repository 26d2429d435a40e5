import type { Calendar } from './calendar';
import type { Clock } from './clock';
import type { Directory } from './directory';
import type { Ids } from './ids';
import type { MeetingChannel } from './meeting-channel';
import type { PlanStore } from './plan-store';

/** The ports a use case may need, as one bundle; the composition root (src/app) picks the adapters. */
export interface Services {
  store: PlanStore;
  calendar: Calendar;
  directory: Directory;
  channel: MeetingChannel;
  clock: Clock;
  ids: Ids;
}
