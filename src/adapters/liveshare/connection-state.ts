/** The Live Share connection's state, as both meeting channels report it (and the UI watches). */
export type LiveShareConnectionState = 'idle' | 'connecting' | 'connected' | 'failed';

/**
 * A connection state and its listeners: `set` tells them of a change, never of the same state
 * twice. Shared by LiveShareMeetingChannel and LazyLiveShareMeetingChannel; no Fluid in it, so
 * the lazy channel's chunk stays small.
 */
export class ConnectionStateCell {
  private readonly listeners = new Set<(state: LiveShareConnectionState) => void>();
  private value: LiveShareConnectionState = 'idle';

  get current(): LiveShareConnectionState {
    return this.value;
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: (state: LiveShareConnectionState) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  set(state: LiveShareConnectionState): void {
    if (this.value === state) return;
    this.value = state;
    for (const listener of [...this.listeners]) listener(state);
  }

  /** Forgets every listener (the channel is disposed). */
  clear(): void {
    this.listeners.clear();
  }
}
