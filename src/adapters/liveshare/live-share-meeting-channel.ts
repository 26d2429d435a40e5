import { LiveEvent, LiveShareClient, type ILiveShareClientOptions, type ILiveShareHost } from '@microsoft/live-share';
import { ConnectionState, type ContainerSchema, type IFluidContainer } from 'fluid-framework';
import { z } from 'zod';
import { IdSchema, type Id } from '../../domain/model';
import { MeetingSignalSchema, type MeetingChannel, type MeetingChannelSession, type MeetingSignal } from '../../ports/meeting-channel';
import { ConnectionStateCell, type LiveShareConnectionState } from './connection-state';

/**
 * What travels through Live Share: the meeting id (so two meeting ids never cross, even if they
 * ever shared a container), the sending session (so the sender never hears itself, also when two
 * sessions share one connection) and the signal. Ids and a signal type only, never case data:
 * Microsoft's relay may keep Live Share data for up to 24 hours.
 */
const EnvelopeSchema = z.object({ meetingId: IdSchema, sessionId: z.string().min(1), signal: MeetingSignalSchema });
type Envelope = z.infer<typeof EnvelopeSchema>;

/**
 * - `idle`: nothing joined yet, no connection asked for;
 * - `connecting`: joining the meeting's Fluid container (or reconnecting after a drop):
 *   publishes are queued, and signals others send meanwhile are not heard;
 * - `connected`: signals flow;
 * - `failed`: the container could not be joined (queued publishes were dropped); `connect()`
 *   or the next `join()` tries again. The UI says "Venter på forbindelse" and keeps re-reading the
 *   PlanStore on an interval, as it does where Live Share is not available.
 */
export type { LiveShareConnectionState };

/** Options of the adapter itself (LiveShareClient's own options are the second argument). */
export interface LiveShareMeetingChannelSettings {
  /** How long joining the container may take before `state` says `failed`. Default 30 000. */
  connectTimeoutMs?: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;

const ignore = (): void => undefined;

/** The Fluid container's one object: the event bus every signal goes through. */
const CONTAINER_SCHEMA = { initialObjects: { signals: LiveEvent } } satisfies ContainerSchema;

interface Connection {
  container: IFluidContainer;
  events: LiveEvent<unknown>;
}

/** One participant's session of one meeting, over the channel's shared connection. */
class LiveShareMeetingSession implements MeetingChannelSession {
  private readonly listeners = new Set<(signal: MeetingSignal) => void>();
  private open = true;

  constructor(
    readonly meetingId: Id,
    readonly sessionId: string,
    private readonly channel: LiveShareMeetingChannel,
  ) {}

  publish(signal: MeetingSignal): void {
    if (!this.open) return;
    // Parsing strips anything a caller added beyond the signal's fields: nothing else leaves.
    const parsed = MeetingSignalSchema.safeParse(signal);
    if (!parsed.success) return;
    this.channel.send({ meetingId: this.meetingId, sessionId: this.sessionId, signal: parsed.data });
  }

  subscribe(listener: (signal: MeetingSignal) => void): () => void {
    if (!this.open) return () => {};
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  close(): void {
    this.open = false;
    this.listeners.clear();
    this.channel.leave(this);
  }

  deliver(signal: MeetingSignal): void {
    for (const listener of [...this.listeners]) listener(signal);
  }
}

/**
 * MeetingChannel of Teams meetings, over Live Share (`LiveEvent` in the meeting's Fluid
 * container). Live Share gives each meeting its own container; the envelope's meeting id keeps
 * other meeting ids apart as well.
 *
 * - `join()` is synchronous: the first one connects (lazily, once per channel); publishes made
 *   before the connection is up are queued and sent, in order, once it is. A session that is
 *   still connecting does not hear what others send meanwhile (Live Share signals are not
 *   stored), which is why the UI re-reads the PlanStore until `state` is `connected`.
 * - Incoming messages are parsed with zod; unknown ones are ignored. The sender never receives
 *   its own signal; other sessions of the same channel and meeting do.
 * - `publish()` never throws: a failed connection or send drops the signal (the PlanStore holds
 *   the data; a signal only prompts a re-read) and shows in `state`.
 * - One channel holds one Fluid connection until `dispose()`.
 *
 * Loaded with `import()` only (Fluid is large): see tests/unit/auth/lazy-imports.test.ts.
 */
export class LiveShareMeetingChannel implements MeetingChannel {
  private readonly sessions = new Set<LiveShareMeetingSession>();
  private readonly connectionState = new ConnectionStateCell();
  private connecting: Promise<void> | null = null;
  private connection: Connection | null = null;
  private queue: Envelope[] = [];
  /** Sends are chained so one sender's signals leave in the order they were published. */
  private sending: Promise<void> = Promise.resolve();
  private disposed = false;

  /** Which connection attempt is current: a late answer to an abandoned one is disposed. */
  private attempt = 0;

  /**
   * @param host `LiveShareHost.create()` from teams-js in a meeting's side panel or stage;
   *   `TestLiveShareHost.create(...)` in tests.
   * @param options LiveShareClient options, e.g. `connection` to a local Fluid service (tinylicious).
   * @param settings `connectTimeoutMs`: how long joining may take before `state` says `failed`
   *   (Fluid itself retries an unreachable service without end). Default 30 s.
   */
  constructor(
    private readonly host: ILiveShareHost,
    private readonly options?: ILiveShareClientOptions,
    private readonly settings: LiveShareMeetingChannelSettings = {},
  ) {}

  /** The connection's state now. */
  get state(): LiveShareConnectionState {
    return this.connectionState.current;
  }

  /** Calls `listener` on every change of `state`; returns the unsubscribe function. */
  onStateChange(listener: (state: LiveShareConnectionState) => void): () => void {
    return this.connectionState.subscribe(listener);
  }

  join(meetingId: Id, participantId: Id): MeetingChannelSession {
    IdSchema.parse(participantId);
    const session = new LiveShareMeetingSession(IdSchema.parse(meetingId), globalThis.crypto.randomUUID(), this);
    this.sessions.add(session);
    void this.connect();
    return session;
  }

  /**
   * Joins the meeting's container if that has not happened (or failed before). Resolves when
   * connected; rejects when joining failed (and `state` is `failed`). `join()` calls it itself.
   */
  connect(): Promise<void> {
    if (this.disposed) return Promise.reject(new Error('LiveShareMeetingChannel is disposed'));
    if (this.connecting !== null) return this.connecting;
    this.connectionState.set('connecting');
    const token = ++this.attempt;
    const limit = this.settings.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Live Share: not connected after ${limit} ms`)), limit);
    });
    const attempt = Promise.race([this.open(token), timeout])
      .finally(() => clearTimeout(timer))
      .catch((error: unknown) => {
        if (this.attempt === token) {
          this.attempt += 1; // abandons the attempt: open() disposes whatever it still gets
          this.connecting = null;
          this.queue = [];
          const stale = this.connection;
          this.connection = null;
          stale?.container.dispose();
          if (!this.disposed) this.connectionState.set('failed');
        }
        throw error;
      });
    this.connecting = attempt;
    // join() does not wait for this; failures show in `state`.
    attempt.catch(() => {});
    return attempt;
  }

  /** Closes every session and the Fluid connection. */
  dispose(): void {
    this.disposed = true;
    for (const session of [...this.sessions]) session.close();
    this.queue = [];
    this.connection?.container.dispose();
    this.connection = null;
    this.connectionState.clear();
  }

  /** @internal Called by a session's publish(). */
  send(envelope: Envelope): void {
    // Failed: dropped now rather than queued without bound (the PlanStore has the data).
    if (this.disposed || this.connectionState.current === 'failed') return;
    const events = this.connection?.events;
    if (events === undefined || this.connectionState.current !== 'connected') {
      this.queue.push(envelope);
      return;
    }
    // Not delivered (dropped connection, disposed container): a lost signal only delays a
    // re-read, and is never an exception in the caller.
    const deliver = () => events.send(envelope).then(ignore, ignore);
    this.sending = this.sending.then(deliver);
  }

  /** @internal Called by a session's close(). */
  leave(session: LiveShareMeetingSession): void {
    this.sessions.delete(session);
  }

  private async open(token: number): Promise<void> {
    const abandoned = () => this.disposed || this.attempt !== token;
    const client = new LiveShareClient(this.host, this.options);
    const { container } = await client.joinContainer(CONTAINER_SCHEMA);
    if (abandoned()) {
      container.dispose();
      return;
    }
    const events = container.initialObjects.signals as LiveEvent<unknown>;
    // Listeners before initialize(), as Live Share asks, so nothing is missed.
    events.on('received', (data: unknown) => {
      if (this.connection?.container === container) this.receive(data);
    });
    await events.initialize();
    if (abandoned()) {
      container.dispose();
      return;
    }
    this.connection = { container, events };
    container.on('connected', () => this.connected());
    container.on('disconnected', () => {
      if (!this.disposed) this.connectionState.set('connecting');
    });
    container.on('disposed', () => {
      if (this.disposed || this.connection?.container !== container) return;
      this.connection = null;
      this.connecting = null;
      this.connectionState.set('failed');
    });
    if (container.connectionState === ConnectionState.Connected) this.connected();
    else await new Promise<void>((resolve) => container.once('connected', () => resolve()));
  }

  private connected(): void {
    if (this.disposed || this.connectionState.current === 'connected') return;
    this.connectionState.set('connected');
    const queued = this.queue;
    this.queue = [];
    for (const envelope of queued) this.send(envelope);
  }

  private receive(data: unknown): void {
    const parsed = EnvelopeSchema.safeParse(data);
    if (!parsed.success) return;
    const { meetingId, sessionId, signal } = parsed.data;
    // Live Share also reports the local client's own sends (`local`): they reach this client's
    // other sessions of the meeting, never the sending session.
    for (const session of [...this.sessions]) {
      if (session.meetingId === meetingId && session.sessionId !== sessionId) session.deliver(signal);
    }
  }
}
