import { z } from 'zod';
import { IdSchema, type Id } from '../domain/model';

/**
 * Live signals between participants of one meeting. Signals only, never case data: in Teams
 * the relay (Live Share) may keep messages for up to 24 hours, so a participant who hears
 * "decision saved" re-reads the decision from the PlanStore.
 *
 * The schema is part of the port: messages come from other tabs or Teams clients, which may run
 * another build of the app, so every adapter parses what it receives with it and ignores anything
 * else (a signal only prompts a re-read, so skipping one loses no data). Adapters also parse what
 * they publish: anything beyond the ids is stripped, which keeps case data off the wire.
 */
export const MeetingSignalSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('decision-saved'), decisionId: IdSchema }),
  z.object({ type: z.literal('meeting-updated') }),
  z.object({ type: z.literal('minutes-approved') }),
  z.object({ type: z.literal('presence'), participantId: IdSchema, state: z.enum(['here', 'left']) }),
  z.object({ type: z.literal('typing'), participantId: IdSchema }),
  z.object({
    type: z.literal('presenter'),
    participantId: IdSchema,
    agendaItemId: IdSchema.nullable(),
    decisionId: IdSchema.nullable(),
  }),
]);
export type MeetingSignal = z.infer<typeof MeetingSignalSchema>;

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
  /**
   * The host now shows another meeting (Teams app caching resumed the side panel there). A
   * channel bound to the host's meeting (Live Share: its Fluid container) lets the old one go,
   * closing its sessions, and the next `join` connects to the meeting the host shows now.
   * Channels not bound to a host meeting leave it out.
   */
  hostMeetingChanged?(): void;
}
