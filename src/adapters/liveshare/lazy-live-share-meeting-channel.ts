import type { ILiveShareClientOptions, ILiveShareHost } from '@microsoft/live-share';
import type { Id } from '../../domain/model';
import type { MeetingChannel, MeetingChannelSession, MeetingSignal } from '../../ports/meeting-channel';
import { ConnectionStateCell, type LiveShareConnectionState } from './connection-state';
import type { LiveShareMeetingChannelSettings } from './live-share-meeting-channel';

/** A MeetingChannel whose connection can be watched (LiveShareMeetingChannel, or a test double). */
export interface ObservableMeetingChannel extends MeetingChannel {
  readonly state: LiveShareConnectionState;
  onStateChange(listener: (state: LiveShareConnectionState) => void): () => void;
  /** Closes every session and the connection (LiveShareMeetingChannel.dispose). */
  dispose(): void;
}

/** A session handed out before the real channel is loaded; it forwards once it is. */
class LazySession implements MeetingChannelSession {
  private readonly listeners = new Set<(signal: MeetingSignal) => void>();
  private inner: MeetingChannelSession | null = null;
  private pending: MeetingSignal[] = [];
  private closed = false;

  constructor(channel: Promise<MeetingChannel | null>, meetingId: Id, participantId: Id) {
    void channel.then((loaded) => {
      if (this.closed || loaded === null) {
        this.pending = [];
        return;
      }
      const inner = loaded.join(meetingId, participantId);
      this.inner = inner;
      inner.subscribe((signal) => {
        for (const listener of [...this.listeners]) listener(signal);
      });
      for (const signal of this.pending) inner.publish(signal);
      this.pending = [];
    });
  }

  publish(signal: MeetingSignal): void {
    if (this.closed) return;
    if (this.inner === null) this.pending.push(signal);
    else this.inner.publish(signal);
  }

  subscribe(listener: (signal: MeetingSignal) => void): () => void {
    if (this.closed) return () => {};
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  close(): void {
    this.closed = true;
    this.listeners.clear();
    this.pending = [];
    this.inner?.close();
  }
}

/**
 * The Live Share MeetingChannel without Fluid in the chunk that composes it: the adapter
 * (live-share-meeting-channel.ts, with @microsoft/live-share and fluid-framework, about 350 KB
 * gzipped) is loaded with `import()` at the first `join()`, so after the side panel's first
 * screen. Until then sessions queue publishes (in order) and keep their listeners; `state` is
 * `connecting` from the first join, `failed` if the chunk cannot be loaded.
 */
export class LazyLiveShareMeetingChannel implements ObservableMeetingChannel {
  private readonly connectionState = new ConnectionStateCell();
  private loading: Promise<ObservableMeetingChannel | null> | null = null;
  /** Bumped when the loaded channel is let go: a load or a state change of an older one is ignored. */
  private generation = 0;

  /**
   * @param load Makes the real channel; by default imports the Live Share adapter over `host`.
   */
  constructor(
    host: ILiveShareHost,
    options?: ILiveShareClientOptions,
    settings?: LiveShareMeetingChannelSettings,
    private readonly load: () => Promise<ObservableMeetingChannel> = async () => {
      const { LiveShareMeetingChannel } = await import('./live-share-meeting-channel');
      return new LiveShareMeetingChannel(host, options, settings);
    },
  ) {}

  /** `idle` before the first join, then the loaded channel's state (`failed` if it did not load). */
  get state(): LiveShareConnectionState {
    return this.connectionState.current;
  }

  /** Calls `listener` on every change of `state`; returns the unsubscribe function. */
  onStateChange(listener: (state: LiveShareConnectionState) => void): () => void {
    return this.connectionState.subscribe(listener);
  }

  join(meetingId: Id, participantId: Id): MeetingChannelSession {
    this.loading ??= this.start();
    return new LazySession(this.loading, meetingId, participantId);
  }

  /**
   * Teams app caching resumed the panel in another meeting: the loaded channel is joined to the
   * old meeting's container, so it is disposed (its sessions close) and the next join loads a
   * channel for the meeting the host shows now (LiveShareClient asks the host which one).
   */
  hostMeetingChanged(): void {
    const previous = this.loading;
    if (previous === null) return;
    this.generation += 1;
    this.loading = null;
    this.connectionState.set('idle');
    void previous.then((channel) => channel?.dispose());
  }

  /** Closes every session and the loaded channel's connection. */
  dispose(): void {
    const previous = this.loading;
    this.generation += 1;
    this.loading = null;
    void previous?.then((channel) => channel?.dispose());
    this.connectionState.clear();
  }

  private async start(): Promise<ObservableMeetingChannel | null> {
    const generation = this.generation;
    this.connectionState.set('connecting');
    try {
      const channel = await this.load();
      // Let go (hostMeetingChanged) while it loaded: it belongs to the old meeting.
      if (generation !== this.generation) {
        channel.dispose();
        return null;
      }
      channel.onStateChange((state) => {
        if (generation === this.generation) this.connectionState.set(state);
      });
      if (channel.state !== 'idle') this.connectionState.set(channel.state);
      return channel;
    } catch {
      // The chunk did not load (offline, a new deployment removed it): no live signals; the
      // UI keeps re-reading the PlanStore. The next join tries again.
      if (generation === this.generation) {
        this.loading = null;
        this.connectionState.set('failed');
      }
      return null;
    }
  }
}
