/**
 * OutboxPlanStore: a PlanStore decorator that keeps every idempotent write in the outbox
 * (./outbox.ts) until the inner store (the Graph one in production) has confirmed it, and
 * retries it, network errors included, so a decision captured during a lost connection arrives
 * exactly once.
 *
 * - A write is stored in the outbox first, then sent. Success removes it. A retryable failure
 *   (no connection, 429, 502/503/504) keeps it with exponential back-off; the void writes then
 *   resolve (the UI shows "Venter på forbindelse" from `pendingIds()`), `writeMinutes`, which
 *   must return the stored version, throws `WriteQueuedError`. Any other failure (409, 412,
 *   validation, not found) is thrown to the caller AND kept as a conflict the UI can show:
 *   never dropped silently, never retried blindly, never overwritten.
 * - Exactly once: the outbox is first in, first out (a later write never overtakes an earlier
 *   one, so a replace cannot be undone by an older replay), an entry is removed only after the
 *   inner store confirmed it, and nothing ever re-creates an entry. A write that landed but
 *   whose answer was lost is sent again, and the port's idempotency (same decision id and
 *   content = no-op) absorbs it.
 * - Only writes the port makes idempotent go through the outbox (see OutboxWriteSchema); the
 *   others (`savePlan` with its expected version, consent events, settings, ...) and every read
 *   pass straight through. `listDecisions` adds the pending decisions, so their author still
 *   sees them while offline.
 * - Entries older than the time limit are dropped and reported (`onExpired`). `clear()` is for
 *   sign-out.
 * - Drafts go through the outbox too (the newest per meeting and author replaces older waiting
 *   ones), and `getDraft` answers from a waiting draft write first: a draft typed without a
 *   connection survives a reload.
 * - It is the WriteStatus port (src/ports/write-status.ts): `snapshot()` names what waits and
 *   what conflicts, `subscribe` is told after every write queued and every flush.
 *
 * Time comes from the injected Clock, timers from `startSync`'s arguments.
 */
import type { Action, Decision, DecisionDraft, Id, Minutes, TeamMeeting } from '../../domain/model';
import type { Clock } from '../../ports/clock';
import type { DecisionQuery, PlanStore } from '../../ports/plan-store';
import { decisionQueryFilter, inDecisionOrder } from '../decision-query';
import { PlanStoreDecorator } from '../plan-store-decorator';
import type { WriteStatus, WriteStatusSnapshot } from '../../ports/write-status';
import {
  entityIdsOf,
  parseRow,
  type ExpiredOutboxEntry,
  type InvalidOutboxRow,
  type Outbox,
  type OutboxEntry,
  type OutboxKind,
  type OutboxWrite,
} from './outbox';

/** A write is safe in the outbox and will be retried; it has not been confirmed yet. */
export class WriteQueuedError extends Error {
  constructor(
    readonly outboxId: number,
    readonly kind: OutboxKind,
    options?: { cause?: unknown },
  ) {
    super(`${kind}: not confirmed yet, kept in the outbox (entry ${outboxId}) and retried`, options);
    this.name = 'WriteQueuedError';
  }
}

/** A stored outbox row no longer parses; it is kept as a conflict rather than sent or dropped. */
export class OutboxEntryInvalidError extends Error {
  constructor(
    readonly outboxId: number,
    readonly issues: InvalidOutboxRow['issues'],
  ) {
    super(`outbox entry ${outboxId} is invalid: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    this.name = 'OutboxEntryInvalidError';
  }
}

const RETRYABLE_STATUS = new Set([408, 429, 502, 503, 504]);
const RETRYABLE_CODES = new Set(['GRAPH_THROTTLED', 'GRAPH_SERVICE_UNAVAILABLE', 'GRAPH_NETWORK', 'ETIMEDOUT', 'ECONNRESET', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const RETRYABLE_NAMES = new Set(['NetworkError', 'TimeoutError', 'GraphThrottledError', 'GraphServiceUnavailableError', 'GraphNetworkError']);
/** What fetch throws when no response arrived: Chromium, Firefox, Safari, Node (undici). */
const FETCH_FAILED = /failed to fetch|networkerror|load failed|fetch failed|network request failed/i;

/**
 * The default: retry only what is known to be transient. Reads `retryable` (the Graph adapter's
 * typed errors carry it, src/adapters/graph/graph-errors.ts), then `status`, `code` and `name`,
 * and fetch's TypeError. Everything else (409, 412, 400, a bug) is a conflict for a human.
 * Duck-typed on purpose: this file must not import src/adapters/graph.
 */
export function isRetryableByDefault(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as Record<string, unknown>;
  if (typeof e.retryable === 'boolean') return e.retryable;
  if (typeof e.status === 'number') return RETRYABLE_STATUS.has(e.status);
  if (typeof e.statusCode === 'number') return RETRYABLE_STATUS.has(e.statusCode);
  if (typeof e.code === 'string' && RETRYABLE_CODES.has(e.code)) return true;
  if (typeof e.name === 'string' && RETRYABLE_NAMES.has(e.name)) return true;
  return error instanceof TypeError && FETCH_FAILED.test(error.message);
}

export interface FlushReport {
  sent: number;
  /** Entries that failed retryably in this flush (at most one: the head of the line waits). */
  retrying: number;
  /** Entries moved to the conflict state in this flush. */
  conflicts: number;
  expired: ExpiredOutboxEntry[];
  /** Entries still pending after this flush. */
  remaining: number;
}

export interface OutboxPlanStoreOptions {
  /** Which failures a later retry may cure. Default: isRetryableByDefault. */
  isRetryable?: (error: unknown) => boolean;
  /** First back-off delay; doubles per attempt. Default 2 s. */
  baseDelayMs?: number;
  /** Cap on the back-off. Default 5 min. */
  maxDelayMs?: number;
  /**
   * Serialises flushes across tabs. In the browser pass
   * `(work) => navigator.locks.request('helhed-outbox', work)`; the default serialises only
   * within this instance.
   */
  lock?: <T>(work: () => Promise<T>) => Promise<T>;
  onConflict?: (entry: OutboxEntry | InvalidOutboxRow, error: unknown) => void;
  onExpired?: (entries: ExpiredOutboxEntry[]) => void;
  /** A background flush (timer, 'online') failed outright, e.g. IndexedDB is unavailable. */
  onError?: (error: unknown) => void;
}

export interface OutboxTimers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** `window` fits: it fires 'online' when the browser regains a connection. */
export interface OnlineSignal {
  addEventListener(type: 'online', listener: () => void): void;
  removeEventListener(type: 'online', listener: () => void): void;
}

type Outcome = { status: 'sent'; result: unknown } | { status: 'retrying'; error: unknown } | { status: 'conflict'; error: unknown };

/** How many rows one read of the outbox fetches while flushing. */
const FLUSH_BATCH = 50;


export class OutboxPlanStore extends PlanStoreDecorator implements PlanStore, WriteStatus {
  private readonly isRetryable: (error: unknown) => boolean;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  /** In-instance serialisation: one flush at a time, in call order. */
  private tail: Promise<unknown> = Promise.resolve();
  /** Outcomes of entries a caller is waiting for (its own write). */
  private readonly outcomes = new Map<number, Outcome>();
  private readonly waiting = new Set<number>();
  private readonly listeners = new Set<() => void>();

  constructor(
    inner: PlanStore,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly options: OutboxPlanStoreOptions = {},
  ) {
    super(inner);
    this.isRetryable = options.isRetryable ?? isRetryableByDefault;
    this.baseDelayMs = options.baseDelayMs ?? 2_000;
    this.maxDelayMs = options.maxDelayMs ?? 5 * 60_000;
  }

  // ------------------------------------------------------------------------------------------
  // The outbox itself
  // ------------------------------------------------------------------------------------------

  /**
   * Sends what is due, oldest first, and stops at the first retryable failure or at an entry
   * whose back-off has not run out (first in, first out: nothing overtakes it). Drops expired
   * entries first. Safe to call at any time; calls are serialised. `ignoreBackoff`: the browser
   * said the connection is back (startSync's 'online'), so the line is tried now.
   */
  flush(options: { ignoreBackoff?: boolean } = {}): Promise<FlushReport> {
    const ignoreBackoff = options.ignoreBackoff === true;
    const run = (): Promise<FlushReport> =>
      this.options.lock ? this.options.lock(() => this.flushNow(ignoreBackoff)) : this.flushNow(ignoreBackoff);
    const next = this.tail.then(run, run);
    this.tail = next.catch(() => undefined);
    // Whatever the flush did (or failed to do), the UI reads the outbox again.
    void next.then(
      () => this.notify(),
      () => this.notify(),
    );
    return next;
  }

  /** WriteStatus: what waits for the connection and what was refused for good, by entity id. */
  async snapshot(): Promise<WriteStatusSnapshot> {
    const [pending, conflicts] = await Promise.all([this.outbox.pendingIds(), this.outbox.conflicts()]);
    return { pending, conflicts: new Set(conflicts.flatMap((c) => ('write' in c ? entityIdsOf(c.write) : []))) };
  }

  /** WriteStatus: called after every write queued and every flush. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** WriteStatus: the same test the outbox uses to decide whether to retry. */
  isTransient(error: unknown): boolean {
    return this.isRetryable(error);
  }

  /**
   * WriteStatus: this user's conflicts back in line, then sent. Two kinds stay conflicts: a row
   * that no longer parses (it cannot be sent), and a write of an entity that a later write (waiting
   * or refused) also changes: sent now, the older one would undo the newer (a meeting, a draft and
   * an action status are whole overwrites).
   */
  async retryConflicts(): Promise<void> {
    const conflicts = (await this.outbox.conflicts()).filter((c): c is OutboxEntry => 'write' in c);
    const others = [...conflicts, ...(await this.outbox.pending())];
    for (const conflict of conflicts) {
      const ids = new Set(entityIdsOf(conflict.write));
      const replaced = others.some((o) => o.id > conflict.id && entityIdsOf(o.write).some((id) => ids.has(id)));
      if (!replaced) await this.outbox.retryConflict(conflict.id);
    }
    this.notify();
    await this.flush({ ignoreBackoff: true });
  }

  /** WriteStatus: every conflict of this user dropped unsent. */
  async dismissConflicts(): Promise<void> {
    for (const conflict of await this.outbox.conflicts()) {
      await this.outbox.dismissConflict('write' in conflict ? conflict.id : conflict.row.id);
    }
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /**
   * Flushes now, on every `intervalMs` and whenever the browser comes back online. Background
   * failures go to `onError`, never to an unhandled rejection. Returns the function that stops it.
   */
  startSync(timers: OutboxTimers, online: OnlineSignal | null, intervalMs = 30_000): () => void {
    const tick = (): void => {
      this.flush().catch((error: unknown) => this.options.onError?.(error));
    };
    const handle = timers.setInterval(tick, intervalMs);
    // The connection is back: what waited goes now, not when its back-off (up to 5 min) runs out.
    const onOnline = (): void => {
      this.flush({ ignoreBackoff: true }).catch((error: unknown) => this.options.onError?.(error));
    };
    online?.addEventListener('online', onOnline);
    tick();
    return () => {
      timers.clearInterval(handle);
      online?.removeEventListener('online', onOnline);
    };
  }

  /** Entity ids (decisions, actions, meetings, minutes by meeting) with an unconfirmed write. */
  pendingIds(): Promise<Set<Id>> {
    return this.outbox.pendingIds();
  }

  conflicts(): Promise<Array<OutboxEntry | InvalidOutboxRow>> {
    return this.outbox.conflicts();
  }

  /** Sign-out: forgets every pending write and conflict. */
  clear(): Promise<void> {
    return this.outbox.clear();
  }

  private backoffMs(attempts: number, error: unknown): number {
    const exponential = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** Math.max(0, attempts - 1));
    const retryAfter = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
    return typeof retryAfter === 'number' && retryAfter > exponential ? retryAfter : exponential;
  }

  private async flushNow(ignoreBackoff = false): Promise<FlushReport> {
    const report: FlushReport = { sent: 0, retrying: 0, conflicts: 0, expired: [], remaining: 0 };
    report.expired = await this.outbox.dropExpired();
    if (report.expired.length > 0) this.options.onExpired?.(report.expired);

    drain: for (;;) {
      const rows = await this.outbox.pendingRows(FLUSH_BATCH);
      if (rows.length === 0) break;
      for (const row of rows) {
        if (!ignoreBackoff && row.nextAttemptAt > this.clock.now().getTime()) break drain;
        const entry = parseRow(row);
        const attempts = row.attempts + 1;
        if (!('write' in entry)) {
          const error = new OutboxEntryInvalidError(row.id, entry.issues);
          await this.outbox.markConflict(row.id, row.attempts, error);
          this.record(row.id, { status: 'conflict', error });
          this.options.onConflict?.(entry, error);
          report.conflicts += 1;
          continue;
        }
        let result: unknown;
        try {
          result = await this.send(entry.write);
        } catch (error) {
          if (this.isRetryable(error)) {
            const at = this.clock.now().getTime() + this.backoffMs(attempts, error);
            await this.outbox.markRetry(row.id, attempts, at, error);
            this.record(row.id, { status: 'retrying', error });
            report.retrying += 1;
            break drain;
          }
          await this.outbox.markConflict(row.id, attempts, error);
          this.record(row.id, { status: 'conflict', error });
          this.options.onConflict?.({ ...entry, state: 'conflict', attempts }, error);
          report.conflicts += 1;
          continue;
        }
        await this.outbox.remove(row.id);
        this.record(row.id, { status: 'sent', result });
        report.sent += 1;
      }
    }
    report.remaining = await this.outbox.pendingCount();
    return report;
  }

  private record(id: number, outcome: Outcome): void {
    if (this.waiting.has(id)) this.outcomes.set(id, outcome);
  }

  private send(write: OutboxWrite): Promise<unknown> {
    switch (write.kind) {
      case 'appendDecisions':
        return this.inner.appendDecisions(write.payload.decisions, write.payload.actions);
      case 'saveMeeting':
        return this.inner.saveMeeting(write.payload.meeting);
      case 'writeMinutes':
        return this.inner.writeMinutes(write.payload.minutes);
      case 'setActionStatus':
        return this.inner.setActionStatus(write.payload.actionId, write.payload.status);
      case 'saveDraft':
        return this.inner.saveDraft(write.payload.draft);
      case 'deleteDraft':
        return this.inner.deleteDraft(write.payload.meetingId, write.payload.authorId);
    }
  }

  /**
   * Outbox first, then one flush. Returns the inner store's result if this write was confirmed,
   * `queued` if it waits (offline, throttled, or behind an older entry); throws the inner
   * store's error if it was refused for good (and keeps it as a conflict).
   */
  private async submit(write: OutboxWrite): Promise<{ status: 'sent'; result: unknown } | { status: 'queued'; id: number; error: unknown }> {
    const id = await this.outbox.add(write);
    this.notify();
    this.waiting.add(id);
    try {
      await this.flush();
      const outcome = this.outcomes.get(id);
      if (outcome?.status === 'sent') return outcome;
      if (outcome?.status === 'conflict') throw outcome.error;
      return { status: 'queued', id, error: outcome?.error };
    } finally {
      this.waiting.delete(id);
      this.outcomes.delete(id);
    }
  }

  // ------------------------------------------------------------------------------------------
  // Writes through the outbox
  // ------------------------------------------------------------------------------------------

  override async appendDecisions(decisions: readonly Decision[], actions: readonly Action[]): Promise<void> {
    await this.submit({ kind: 'appendDecisions', payload: { decisions: [...decisions], actions: [...actions] } });
  }

  override async saveMeeting(meeting: TeamMeeting): Promise<void> {
    await this.submit({ kind: 'saveMeeting', payload: { meeting } });
  }

  override async setActionStatus(actionId: Id, status: Action['status']): Promise<void> {
    await this.submit({ kind: 'setActionStatus', payload: { actionId, status } });
  }

  override async writeMinutes(minutes: Omit<Minutes, 'version' | 'id'>): Promise<Minutes> {
    const outcome = await this.submit({ kind: 'writeMinutes', payload: { minutes } });
    if (outcome.status === 'queued') throw new WriteQueuedError(outcome.id, 'writeMinutes', { cause: outcome.error });
    return outcome.result as Minutes;
  }

  // ------------------------------------------------------------------------------------------
  // Reads (listDecisions adds what is pending) and writes that pass straight through
  // ------------------------------------------------------------------------------------------

  override async listDecisions(query: DecisionQuery): Promise<Decision[]> {
    const [confirmed, pending] = await Promise.all([this.inner.listDecisions(query), this.outbox.pending()]);
    if (query.departmentIds !== undefined && query.departmentIds.length === 0) return confirmed;
    const known = new Set(confirmed.map((d) => d.id));
    const matches = decisionQueryFilter(query);
    const unconfirmed = pending
      .flatMap((entry) => (entry.write.kind === 'appendDecisions' ? entry.write.payload.decisions : []))
      .filter((d) => !known.has(d.id) && matches(d))
      .filter((d, i, all) => all.findIndex((other) => other.id === d.id) === i);
    if (unconfirmed.length === 0) return confirmed;
    return inDecisionOrder([...confirmed, ...unconfirmed]);
  }

  override async saveDraft(draft: DecisionDraft): Promise<void> {
    await this.submit({ kind: 'saveDraft', payload: { draft } });
  }
  /**
   * A waiting write of the meeting is newer than what the inner store holds: the next change
   * (check-in, the citizen's perspective) builds on it, so two changes made offline never undo
   * each other when they are sent.
   */
  override async getMeeting(id: Id): Promise<TeamMeeting | null> {
    return (await this.outbox.pendingMeeting(id)) ?? this.inner.getMeeting(id);
  }

  /** A waiting draft write is newer than anything the inner store holds. */
  override async getDraft(meetingId: Id, authorId: Id): Promise<DecisionDraft | null> {
    const waiting = await this.outbox.pendingDraft(meetingId, authorId);
    if (waiting?.kind === 'saveDraft') return waiting.payload.draft;
    if (waiting?.kind === 'deleteDraft') return null;
    return this.inner.getDraft(meetingId, authorId);
  }
  override async deleteDraft(meetingId: Id, authorId: Id): Promise<void> {
    await this.submit({ kind: 'deleteDraft', payload: { meetingId, authorId } });
  }
}

