import type { Id } from '../domain/model';

/**
 * Live signals between participants of one meeting. Signals only, never case data: in Teams
 * the relay (Live Share) may keep messages for up to 24 hours, so a participant who hears
 * "decision saved" re-reads the decision from the PlanStore.
 */
export type MeetingSignal =
  | { type: 'decision-saved'; decisionId: Id }
  | { type: 'meeting-updated' }
  | { type: 'minutes-approved' }
  | { type: 'presence'; participantId: Id; state: 'here' | 'left' }
  | { type: 'typing'; participantId: Id }
  | { type: 'presenter'; participantId: Id; agendaItemId: Id | null; decisionId: Id | null };

export interface MeetingChannelSession {
  /** Sends to every other participant of the meeting (not echoed to the sender). */
  publish(signal: MeetingSignal): void;
  /** Returns an unsubscribe function. */
  subscribe(listener: (signal: MeetingSignal) => void): () => void;
  close(): void;
}

/**
 * Invariants (tests/contract/meeting-channel.contract.ts):
 * - A signal published in a session reaches every other open session of the same meeting id
 *   exactly once, and no session of another meeting.
 * - The sender does not receive its own signal.
 * - After `close()` a session neither sends nor receives.
 */
export interface MeetingChannel {
  join(meetingId: Id, participantId: Id): MeetingChannelSession;
}
