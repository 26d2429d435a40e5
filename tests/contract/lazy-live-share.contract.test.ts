import type { ILiveShareHost } from '@microsoft/live-share';
import { describe, expect, it } from 'vitest';
import { describeMeetingChannelContract } from './meeting-channel.contract';
import { BroadcastMeetingChannel } from '../../src/adapters/local/broadcast-meeting-channel';
import type { MeetingChannelSession, MeetingSignal } from '../../src/ports/meeting-channel';
import { LazyLiveShareMeetingChannel, type ObservableMeetingChannel } from '../../src/adapters/liveshare/lazy-live-share-meeting-channel';

/** The loader is what is lazy; the transport underneath is any MeetingChannel (BroadcastChannel here). */
const host = {} as ILiveShareHost;
const broadcast = (): ObservableMeetingChannel => {
  const inner = new BroadcastMeetingChannel();
  const sessions: MeetingChannelSession[] = [];
  return {
    join: (m, p) => {
      const session = inner.join(m, p);
      sessions.push(session);
      return session;
    },
    state: 'connected',
    onStateChange: () => () => {},
    dispose: () => {
      for (const session of sessions.splice(0)) session.close();
    },
  };
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

  it('Teams app caching resumed in another meeting: the old channel is let go, its sessions close, the next join loads a new one', async () => {
    const loaded: { disposed: boolean }[] = [];
    const lazy = new LazyLiveShareMeetingChannel(host, undefined, undefined, () =>
      later(() => {
        const channel = broadcast();
        const record = { disposed: false };
        loaded.push(record);
        return {
          ...channel,
          dispose: () => {
            record.disposed = true;
            channel.dispose();
          },
        };
      }),
    );
    // Nothing joined yet: nothing to let go.
    lazy.hostMeetingChanged();
    expect(loaded).toHaveLength(0);

    const old = lazy.join('m-1', 'p-tove');
    await later(() => undefined, 30);
    expect(lazy.state).toBe('connected');
    const heardOld: MeetingSignal[] = [];
    old.subscribe((s) => heardOld.push(s));

    lazy.hostMeetingChanged();
    expect(lazy.state).toBe('idle');
    await later(() => undefined, 10);
    expect(loaded.map((c) => c.disposed)).toStrictEqual([true]);

    const next = lazy.join('m-2', 'p-tove');
    await later(() => undefined, 30);
    expect(loaded.map((c) => c.disposed)).toStrictEqual([true, false]);
    expect(lazy.state).toBe('connected');
    // The new meeting's session talks; the old one, closed with its channel, hears nothing.
    const other = new BroadcastMeetingChannel().join('m-2', 'p-bent');
    const heardNew: MeetingSignal[] = [];
    other.subscribe((s) => heardNew.push(s));
    next.publish({ type: 'meeting-updated' });
    await later(() => undefined, 30);
    expect(heardNew).toStrictEqual([{ type: 'meeting-updated' }]);
    expect(heardOld).toStrictEqual([]);
    other.close();
    next.close();
  });

  it('a channel still loading when the host changed meeting is disposed when it arrives, never used', async () => {
    const disposed: boolean[] = [];
    const lazy = new LazyLiveShareMeetingChannel(host, undefined, undefined, () =>
      later(() => ({ ...broadcast(), dispose: () => disposed.push(true) }), 20),
    );
    lazy.join('m-1', 'p-tove');
    lazy.hostMeetingChanged();
    await later(() => undefined, 40);
    expect(disposed).toStrictEqual([true]);
    expect(lazy.state).toBe('idle');
  });

  it('says failed when the chunk does not load, and publish() does not throw', async () => {
    const lazy = new LazyLiveShareMeetingChannel(host, undefined, undefined, () => Promise.reject(new Error('chunk gone')));
    const session = lazy.join('m-1', 'p-tove');
    expect(() => session.publish({ type: 'meeting-updated' })).not.toThrow();
    await later(() => undefined);
    expect(lazy.state).toBe('failed');
  });
});
