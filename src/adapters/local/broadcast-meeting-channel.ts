import { z } from 'zod';
import { IdSchema, type Id } from '../../domain/model';
import type { Ids } from '../../ports/ids';
import { MeetingSignalSchema, type MeetingChannel, type MeetingChannelSession, type MeetingSignal } from '../../ports/meeting-channel';
import { CryptoIds } from './crypto-ids';

/** Messages come from other tabs, which may run another build: parsed with the port's schema. */
const EnvelopeSchema = z.object({ sessionId: z.string().min(1), signal: MeetingSignalSchema });
type Envelope = z.infer<typeof EnvelopeSchema>;

export const meetingChannelName = (meetingId: Id): string => `helhed-meeting-${meetingId}`;

/** One participant's connection; owns one BroadcastChannel. */
class BroadcastMeetingSession implements MeetingChannelSession {
  private readonly listeners = new Set<(signal: MeetingSignal) => void>();
  private channel: BroadcastChannel | null;

  constructor(
    name: string,
    private readonly sessionId: string,
  ) {
    this.channel = new BroadcastChannel(name);
    this.channel.onmessage = (event: MessageEvent<unknown>) => this.receive(event.data);
  }

  publish(signal: MeetingSignal): void {
    if (this.channel === null) return;
    const envelope: Envelope = { sessionId: this.sessionId, signal: MeetingSignalSchema.parse(signal) };
    this.channel.postMessage(envelope);
  }

  subscribe(listener: (signal: MeetingSignal) => void): () => void {
    if (this.channel === null) return () => {};
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  close(): void {
    this.listeners.clear();
    this.channel?.close();
    this.channel = null;
  }

  private receive(data: unknown): void {
    const parsed = EnvelopeSchema.safeParse(data);
    // BroadcastChannel already skips the posting object; the tag keeps "never echoed to the
    // sender" true should the transport change (e.g. one shared channel per tab).
    if (!parsed.success || parsed.data.sessionId === this.sessionId) return;
    for (const listener of [...this.listeners]) listener(parsed.data.signal);
  }
}

/**
 * MeetingChannel of standalone mode: tabs of the same browser talk over BroadcastChannel
 * (`helhed-meeting-<meetingId>`). Node 20 has a global BroadcastChannel, so the contract suite
 * runs it in Node too.
 */
export class BroadcastMeetingChannel implements MeetingChannel {
  /** Session ids must be unique across tabs: keep the random default outside tests. */
  constructor(private readonly ids: Ids = new CryptoIds()) {}

  join(meetingId: Id, participantId: Id): MeetingChannelSession {
    IdSchema.parse(participantId);
    return new BroadcastMeetingSession(meetingChannelName(IdSchema.parse(meetingId)), this.ids.newId());
  }
}
