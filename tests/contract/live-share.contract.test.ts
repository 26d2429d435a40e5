/**
 * The MeetingChannel contract against the Live Share adapter on a real local Fluid service
 * (tinylicious, started on a free port for this file). Every participant is their own
 * LiveShareMeetingChannel, so their own LiveShareClient and Fluid connection: a signal crosses
 * the service to reach anyone.
 *
 * settle() polls instead of sleeping a fixed time: it waits until every participant is
 * connected (Live Share signals are not stored, so a participant still connecting would miss
 * them) and until every delivery the published signals call for has arrived, then waits a short
 * quiet period so a duplicate or a signal for the wrong meeting would have time to show.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LiveShareMeetingChannel } from '../../src/adapters/liveshare/live-share-meeting-channel';
import type { MeetingChannel, MeetingChannelSession, MeetingSignal } from '../../src/ports/meeting-channel';
import { describeMeetingChannelContract, type MeetingChannelFixture } from './meeting-channel.contract';
import { freePort, LocalLiveShareMeeting, startTinylicious, type Tinylicious } from './support/tinylicious';

// Joining a Fluid container takes a few hundred ms here and longer on a loaded 2-core machine.
vi.setConfig({ testTimeout: 20_000, hookTimeout: 40_000 });

/** After every expected delivery arrived: time for an unexpected one (duplicate, wrong meeting) to arrive too. */
const QUIET_MS = 250;
/** settle() gives up (and says why) after this long. */
const SETTLE_LIMIT_MS = 10_000;
const POLL_MS = 10;

let service: Tinylicious;

beforeAll(async () => {
  service = await startTinylicious();
});

afterAll(async () => {
  await service?.stop();
});

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What the fixture knows about one joined session, to count expected and actual deliveries. */
interface Tracked {
  meetingId: string;
  open: boolean;
}

describeMeetingChannelContract('Live Share (LiveEvent) over tinylicious', async () => {
  const meeting = new LocalLiveShareMeeting(service.endpoint);
  // The container is made once, before the participants join: the test host has no
  // "someone else is creating it, retry" answer that Teams' host gives, so participants joining
  // at the same moment would each create their own.
  const creator = new LiveShareMeetingChannel(meeting.host(), meeting.options('creator'));
  await creator.connect();
  creator.dispose();

  const channels: LiveShareMeetingChannel[] = [];
  const sessions: Tracked[] = [];
  let expected = 0;
  let delivered = 0;

  const track = (inner: MeetingChannelSession, meetingId: string): MeetingChannelSession => {
    const tracked: Tracked = { meetingId, open: true };
    sessions.push(tracked);
    inner.subscribe(() => {
      delivered += 1;
    });
    return {
      publish(signal: MeetingSignal) {
        if (tracked.open) expected += sessions.filter((s) => s !== tracked && s.open && s.meetingId === meetingId).length;
        inner.publish(signal);
      },
      subscribe: (listener) => inner.subscribe(listener),
      close() {
        tracked.open = false;
        inner.close();
      },
    };
  };

  const fixture: MeetingChannelFixture = {
    channelFor(participantId: string): MeetingChannel {
      const channel = new LiveShareMeetingChannel(meeting.host(), meeting.options(participantId));
      channels.push(channel);
      return { join: (meetingId, participant) => track(channel.join(meetingId, participant), meetingId) };
    },
    async settle() {
      const started = Date.now();
      while (!(channels.every((c) => c.state === 'connected') && delivered >= expected)) {
        if (Date.now() - started > SETTLE_LIMIT_MS) {
          throw new Error(
            `settle(): after ${SETTLE_LIMIT_MS} ms, states [${channels.map((c) => c.state).join(', ')}], ` +
              `${delivered} of ${expected} deliveries`,
          );
        }
        await sleep(POLL_MS);
      }
      await sleep(QUIET_MS);
    },
    async cleanup() {
      for (const channel of channels) channel.dispose();
    },
  };
  return fixture;
});

/** What the contract cannot see: the queue before the connection, the state, a failed service. */
describe('LiveShareMeetingChannel beyond the contract', () => {
  const waitFor = async (condition: () => boolean, what: string) => {
    const started = Date.now();
    while (!condition()) {
      if (Date.now() - started > SETTLE_LIMIT_MS) throw new Error(`timed out waiting for ${what}`);
      await sleep(POLL_MS);
    }
  };

  it('queues what is published before the connection is up and sends it, in order, once it is', async () => {
    const meeting = new LocalLiveShareMeeting(service.endpoint);
    const bent = new LiveShareMeetingChannel(meeting.host(), meeting.options('p-bent'));
    const tove = new LiveShareMeetingChannel(meeting.host(), meeting.options('p-tove'));
    try {
      const states: string[] = [];
      tove.onStateChange((s) => states.push(s));
      const received: MeetingSignal[] = [];
      bent.join('m-1', 'p-bent').subscribe((s) => received.push(s));
      await bent.connect();

      expect(tove.state).toBe('idle');
      const session = tove.join('m-1', 'p-tove');
      expect(tove.state).toBe('connecting');
      session.publish({ type: 'typing', participantId: 'p-tove' });
      session.publish({ type: 'decision-saved', decisionId: 'd-1' });
      await waitFor(() => received.length >= 2, 'the queued signals');
      await sleep(QUIET_MS);
      expect(received).toStrictEqual([
        { type: 'typing', participantId: 'p-tove' },
        { type: 'decision-saved', decisionId: 'd-1' },
      ]);
      expect(states).toStrictEqual(['connecting', 'connected']);
    } finally {
      bent.dispose();
      tove.dispose();
    }
  });

  it('ignores messages that are not signals of this build, and strips extra fields before sending', async () => {
    const meeting = new LocalLiveShareMeeting(service.endpoint);
    const bent = new LiveShareMeetingChannel(meeting.host(), meeting.options('p-bent'));
    const tove = new LiveShareMeetingChannel(meeting.host(), meeting.options('p-tove'));
    try {
      const received: MeetingSignal[] = [];
      bent.join('m-1', 'p-bent').subscribe((s) => received.push(s));
      await bent.connect();
      const session = tove.join('m-1', 'p-tove');
      await tove.connect();
      // A newer build's signal, and case data someone tried to attach: neither gets through.
      session.publish({ type: 'agenda-reordered' } as unknown as MeetingSignal);
      session.publish({ type: 'meeting-updated', note: 'Borgerens diagnose ...' } as unknown as MeetingSignal);
      await waitFor(() => received.length >= 1, 'the valid signal');
      await sleep(QUIET_MS);
      expect(received).toStrictEqual([{ type: 'meeting-updated' }]);
    } finally {
      bent.dispose();
      tove.dispose();
    }
  });

  it('reports a service it cannot reach as failed, and publish() does not throw', async () => {
    const meeting = new LocalLiveShareMeeting(`http://localhost:${await freePort()}`);
    // Fluid retries an unreachable service without end: the adapter's own time limit decides.
    const channel = new LiveShareMeetingChannel(meeting.host(), meeting.options('p-tove'), { connectTimeoutMs: 1_500 });
    try {
      const session = channel.join('m-1', 'p-tove');
      expect(() => session.publish({ type: 'meeting-updated' })).not.toThrow();
      await expect(channel.connect()).rejects.toBeDefined();
      expect(channel.state).toBe('failed');
      expect(() => session.publish({ type: 'meeting-updated' })).not.toThrow();
    } finally {
      channel.dispose();
    }
  });
});
