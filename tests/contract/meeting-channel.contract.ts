/**
 * The MeetingChannel contract (src/ports/meeting-channel.ts), adapter-agnostic.
 *
 * `channelFor(participant)` gives each participant their own channel, as separate tabs or
 * Teams clients have. Delivery is asynchronous everywhere, so the fixture's `settle()` waits
 * long enough for the transport to deliver (a few ms for BroadcastChannel, longer for a relay);
 * "exactly once" and "never" are checked after it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MeetingChannel, MeetingChannelSession, MeetingSignal } from '../../src/ports/meeting-channel';

export interface MeetingChannelFixture {
  channelFor(participantId: string): MeetingChannel;
  settle(): Promise<void>;
  cleanup(): Promise<void>;
}

interface Joined {
  session: MeetingChannelSession;
  received: MeetingSignal[];
}

const saved = (decisionId: string): MeetingSignal => ({ type: 'decision-saved', decisionId });

export function describeMeetingChannelContract(name: string, factory: () => Promise<MeetingChannelFixture>): void {
  describe(`MeetingChannel contract: ${name}`, () => {
    let fixture: MeetingChannelFixture;
    let open: MeetingChannelSession[];

    const join = (meetingId: string, participantId: string): Joined => {
      const session = fixture.channelFor(participantId).join(meetingId, participantId);
      open.push(session);
      const received: MeetingSignal[] = [];
      session.subscribe((signal) => received.push(signal));
      return { session, received };
    };

    beforeEach(async () => {
      fixture = await factory();
      open = [];
    });
    afterEach(async () => {
      for (const session of open) session.close();
      await fixture.cleanup();
    });

    it('[R7] a signal reaches every other open session of the same meeting exactly once', async () => {
      const tove = join('m-1', 'p-tove');
      const bent = join('m-1', 'p-bent');
      const borger = join('m-1', 'p-borger');
      await fixture.settle();
      tove.session.publish(saved('d-1'));
      await fixture.settle();
      expect(bent.received).toStrictEqual([saved('d-1')]);
      expect(borger.received).toStrictEqual([saved('d-1')]);
    });

    it('the sender does not receive its own signal', async () => {
      const tove = join('m-1', 'p-tove');
      const bent = join('m-1', 'p-bent');
      await fixture.settle();
      tove.session.publish({ type: 'typing', participantId: 'p-tove' });
      await fixture.settle();
      expect(tove.received).toStrictEqual([]);
      expect(bent.received).toStrictEqual([{ type: 'typing', participantId: 'p-tove' }]);
    });

    it('no session of another meeting receives the signal', async () => {
      const tove = join('m-1', 'p-tove');
      const elsewhere = join('m-2', 'p-bent');
      await fixture.settle();
      tove.session.publish({ type: 'meeting-updated' });
      await fixture.settle();
      expect(elsewhere.received).toStrictEqual([]);
    });

    it('signals from one sender arrive in the order they were published', async () => {
      const tove = join('m-1', 'p-tove');
      const bent = join('m-1', 'p-bent');
      await fixture.settle();
      const signals: MeetingSignal[] = [
        { type: 'presence', participantId: 'p-tove', state: 'here' },
        { type: 'presenter', participantId: 'p-tove', agendaItemId: 'a-1', decisionId: null },
        saved('d-1'),
        { type: 'minutes-approved' },
      ];
      for (const s of signals) tove.session.publish(s);
      await fixture.settle();
      expect(bent.received).toStrictEqual(signals);
    });

    it('after close() a session neither sends nor receives', async () => {
      const tove = join('m-1', 'p-tove');
      const bent = join('m-1', 'p-bent');
      await fixture.settle();
      bent.session.close();
      tove.session.publish(saved('d-1'));
      bent.session.publish(saved('d-2'));
      await fixture.settle();
      expect(bent.received).toStrictEqual([]);
      expect(tove.received).toStrictEqual([]);
    });

    it('an unsubscribed listener hears nothing more; other listeners still do', async () => {
      const tove = join('m-1', 'p-tove');
      const bent = join('m-1', 'p-bent');
      const second: MeetingSignal[] = [];
      const unsubscribe = bent.session.subscribe((s) => second.push(s));
      await fixture.settle();
      unsubscribe();
      tove.session.publish({ type: 'meeting-updated' });
      await fixture.settle();
      expect(second).toStrictEqual([]);
      expect(bent.received).toStrictEqual([{ type: 'meeting-updated' }]);
    });
  });
}
