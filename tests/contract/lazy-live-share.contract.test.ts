import type { ILiveShareHost } from '@microsoft/live-share';
import { describe, expect, it } from 'vitest';
import { describeMeetingChannelContract } from './meeting-channel.contract';
import { BroadcastMeetingChannel } from '../../src/adapters/local/broadcast-meeting-channel';
import type { MeetingSignal } from '../../src/ports/meeting-channel';
import { LazyLiveShareMeetingChannel, type ObservableMeetingChannel } from '../../src/adapters/liveshare/lazy-live-share-meeting-channel';

/** The loader is what is lazy; the transport underneath is any MeetingChannel (BroadcastChannel here). */
const host = {} as ILiveShareHost;
const broadcast = (): ObservableMeetingChannel => {
  const inner = new BroadcastMeetingChannel();
  return { join: (m, p) => inner.join(m, p), state: 'connected', onStateChange: () => () => {} };
};
const later = <T>(value: () => T, ms = 5) => new Promise<T>((resolve) => setTimeout(() => resolve(value()), ms));

describeMeetingChannelContract('LazyLiveShareMeetingChannel (loader delayed, BroadcastChannel underneath)', async () => ({
  channelFor: () => new LazyLiveShareMeetingChannel(host, undefined, undefined, () => later(broadcast)),
  settle: () => new Promise((resolve) => setTimeout(resolve, 30)),
  cleanup: async () => {},
}));

describe('LazyLiveShareMeetingChannel', () => {
  it('loads the channel at the first join, not before, and forwards what was published while loading', async () => {
    let loads = 0;
    const lazy = new LazyLiveShareMeetingChannel(host, undefined, undefined, () => {
      loads += 1;
      return later(broadcast);
    });
    expect(loads).toBe(0);
    expect(lazy.state).toBe('idle');
    const receiver = new BroadcastMeetingChannel().join('m-1', 'p-bent');
    const received: MeetingSignal[] = [];
    receiver.subscribe((s) => received.push(s));
    const session = lazy.join('m-1', 'p-tove');
    lazy.join('m-1', 'p-tove-2');
    expect(lazy.state).toBe('connecting');
    session.publish({ type: 'meeting-updated' });
    await later(() => undefined, 50);
    expect(loads).toBe(1);
    expect(lazy.state).toBe('connected');
    expect(received).toStrictEqual([{ type: 'meeting-updated' }]);
    receiver.close();
    session.close();
  });

  it('says failed when the chunk does not load, and publish() does not throw', async () => {
    const lazy = new LazyLiveShareMeetingChannel(host, undefined, undefined, () => Promise.reject(new Error('chunk gone')));
    const session = lazy.join('m-1', 'p-tove');
    expect(() => session.publish({ type: 'meeting-updated' })).not.toThrow();
    await later(() => undefined);
    expect(lazy.state).toBe('failed');
  });
});
