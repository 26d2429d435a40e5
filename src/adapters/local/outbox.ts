/**
 * The outbox of Teams mode: the writes Graph has not confirmed yet, kept in IndexedDB so a
 * decision captured during a lost connection is not lost (ARCHITECTURE.md, "No sensitive data in
 * browser storage in production": nothing but these pending writes, with a time limit, cleared
 * on sign-out).
 *
 * Its own small database, `helhed-outbox`, separate from the standalone store `helhed` (db.ts):
 * in production it is the only thing the app keeps in IndexedDB, and signing out deletes its
 * rows without touching anything else.
 *
 * SCHEMA CHANGES: version(1) is frozen once shipped (STYLE.md statement 11); a change is a new
 * `this.version(n)` block with an upgrade. Payloads are parsed with zod on every read, so a row
 * written by an older build that no longer fits is reported as a conflict, never sent blindly.
 *
 * Ordering: `id` is auto-incremented, and the outbox is strictly first in, first out (see
 * OutboxPlanStore.flush). Instants are stored as epoch milliseconds so they index and compare
 * numerically (docs/footguns.md, "ISO instants do not sort as text").
 */
import Dexie, { type DexieOptions, type Table } from 'dexie';
import { z } from 'zod';
import {
  ActionSchema,
  ActionStatusSchema,
  DecisionDraftSchema,
  DecisionSchema,
  IdSchema,
  MinutesSchema,
  TeamMeetingSchema,
  type Id,
  type TeamMeeting,
} from '../../domain/model';
import type { Clock } from '../../ports/clock';
import { draftKey } from '../../ports/write-status';

export const OUTBOX_DB_NAME = 'helhed-outbox';

/** 72 hours: a weekend without a connection, not longer (ARCHITECTURE.md: "with a time limit"). */
export const DEFAULT_OUTBOX_MAX_AGE_MS = 72 * 60 * 60 * 1000;

/**
 * The writes that may wait in the outbox: only those the PlanStore port makes idempotent, so a
 * replay after a write that landed but whose answer was lost changes nothing
 * (src/ports/plan-store.ts): `appendDecisions` by decision and action id, `saveMeeting` and
 * `setActionStatus` are replaces, `writeMinutes` keeps one entry per meeting; `saveDraft` and
 * `deleteDraft` replace or remove the one draft per meeting and author (a draft typed while the
 * connection is gone must survive a reload too: rule 7).
 *
 * Adding a kind needs no schema version: the table's indexes do not change, and an older build
 * that meets an unknown kind keeps the row as a conflict (see the header).
 */
export const OutboxWriteSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('appendDecisions'),
    payload: z.object({ decisions: z.array(DecisionSchema), actions: z.array(ActionSchema) }),
  }),
  z.object({ kind: z.literal('saveMeeting'), payload: z.object({ meeting: TeamMeetingSchema }) }),
  z.object({
    kind: z.literal('writeMinutes'),
    payload: z.object({ minutes: MinutesSchema.omit({ version: true, id: true }) }),
  }),
  z.object({
    kind: z.literal('setActionStatus'),
    payload: z.object({ actionId: IdSchema, status: ActionStatusSchema }),
  }),
  z.object({ kind: z.literal('saveDraft'), payload: z.object({ draft: DecisionDraftSchema }) }),
  z.object({ kind: z.literal('deleteDraft'), payload: z.object({ meetingId: IdSchema, authorId: IdSchema }) }),
]);
export type OutboxWrite = z.infer<typeof OutboxWriteSchema>;
export type OutboxKind = OutboxWrite['kind'];

/** `pending` is still being retried; `conflict` was refused for good and waits for the user. */
export type OutboxState = 'pending' | 'conflict';

/** What is kept of an error: enough for the UI to explain it, never a request or response body. */
export interface OutboxErrorInfo {
  name: string;
  code: string | null;
  status: number | null;
  message: string;
}

export interface OutboxRow {
  id: number;
  /**
   * The signed-in account that made the write (e.g. MSAL `homeAccountId`). A write is only ever
   * sent, shown or listed for its own author: on a shared PC the next user must neither send
   * it with their token nor see it.
   */
  owner: string;
  state: OutboxState;
  kind: string;
  /** Parsed with OutboxWriteSchema on read. */
  payload: unknown;
  /** Epoch milliseconds (Clock), when the write was made. */
  createdAt: number;
  attempts: number;
  /** Epoch milliseconds before which the entry is not retried (exponential back-off). */
  nextAttemptAt: number;
  lastError: OutboxErrorInfo | null;
}

export type OutboxInsert = Omit<OutboxRow, 'id'>;

/** A row whose payload parsed: what the rest of the code works with. */
export type OutboxEntry = Omit<OutboxRow, 'kind' | 'payload'> & { write: OutboxWrite };

/** A row whose payload no longer parses (hand-edited, or an older build's shape). */
export interface InvalidOutboxRow {
  row: OutboxRow;
  issues: readonly z.core.$ZodIssue[];
}

/** Reported when an entry outlived the time limit and was dropped unsent. */
export interface ExpiredOutboxEntry {
  id: number;
  kind: string;
  state: OutboxState;
  createdAt: number;
  attempts: number;
  /** The entity ids the write concerned, for the UI to name what was lost (no content). */
  entityIds: Id[];
  lastError: OutboxErrorInfo | null;
}

export class OutboxDb extends Dexie {
  declare pending: Table<OutboxRow, number, OutboxInsert>;

  constructor(name: string = OUTBOX_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      // Rows of one owner and state come back in primary-key (= FIFO) order from the index.
      pending: '++id, [owner+state], createdAt',
    });
  }
}

/** Opens (lazily, on first use) the outbox database; tests pass their own fake-indexeddb. */
export function openOutboxDb(name: string = OUTBOX_DB_NAME, options?: DexieOptions): OutboxDb {
  return new OutboxDb(name, options);
}

/** The entity ids a write concerns: what `pendingIds()` exposes and what an expiry report names. */
export function entityIdsOf(write: OutboxWrite): Id[] {
  switch (write.kind) {
    case 'appendDecisions':
      return [...write.payload.decisions.map((d) => d.id), ...write.payload.actions.map((a) => a.id)];
    case 'saveMeeting':
      return [write.payload.meeting.id];
    case 'writeMinutes':
      return [write.payload.minutes.meetingId];
    case 'setActionStatus':
      return [write.payload.actionId];
    case 'saveDraft':
      return [draftKey(write.payload.draft.meetingId, write.payload.draft.authorId)];
    case 'deleteDraft':
      return [draftKey(write.payload.meetingId, write.payload.authorId)];
  }
}

/** Draft writes of one meeting and author replace each other; every other write stands alone. */
function draftKeyOf(write: OutboxWrite): string | null {
  return write.kind === 'saveDraft' || write.kind === 'deleteDraft' ? (entityIdsOf(write)[0] ?? null) : null;
}

/** Best effort on a row that may not parse: the ids, never the content. */
function entityIdsOfRow(row: OutboxRow): Id[] {
  const parsed = OutboxWriteSchema.safeParse({ kind: row.kind, payload: row.payload });
  return parsed.success ? entityIdsOf(parsed.data) : [];
}

export function errorInfo(error: unknown): OutboxErrorInfo {
  const record = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const name = typeof record.name === 'string' ? record.name : 'Error';
  const code = typeof record.code === 'string' ? record.code : null;
  const status = typeof record.status === 'number' ? record.status : null;
  const message = error instanceof Error ? error.message : String(error);
  // Messages are short by design (graph-errors.ts carries the operation, not the body); cap anyway.
  return { name, code, status, message: message.slice(0, 500) };
}

export interface OutboxOptions {
  /** The signed-in account; see OutboxRow.owner. */
  owner: string;
  /** Entries older than this are dropped (and reported) by `dropExpired`. Default 72 h. */
  maxAgeMs?: number;
}

/**
 * The storage half of the outbox: rows in, rows out, no sending (OutboxPlanStore does that).
 * Every method is one IndexedDB operation or transaction; nothing here calls the inner store.
 */
export class Outbox {
  readonly maxAgeMs: number;
  readonly owner: string;

  constructor(
    private readonly db: OutboxDb,
    private readonly clock: Clock,
    options: OutboxOptions,
  ) {
    this.owner = IdSchema.parse(options.owner);
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_OUTBOX_MAX_AGE_MS;
    if (!(this.maxAgeMs > 0)) throw new RangeError(`Outbox: maxAgeMs must be positive, got ${this.maxAgeMs}`);
  }

  /** Validates and stores a write; returns its id. Invalid input throws (ZodError) and stores nothing. */
  async add(write: OutboxWrite): Promise<number> {
    const parsed = OutboxWriteSchema.parse(write);
    const now = this.clock.now().getTime();
    const key = draftKeyOf(parsed);
    if (key !== null) {
      // One waiting draft write per meeting and author: typing offline for an hour must not
      // queue a write per pause, and only the newest draft matters (each one replaces the last).
      return this.db.transaction('rw', this.db.pending, async () => {
        const older = (await this.mine('pending').toArray()).filter((row) => {
          const entry = parseRow(row);
          return 'write' in entry && draftKeyOf(entry.write) === key;
        });
        await this.db.pending.bulkDelete(older.map((row) => row.id));
        return this.db.pending.add(this.newRow(parsed, now));
      });
    }
    return this.db.pending.add(this.newRow(parsed, now));
  }

  /** The newest waiting draft write of this meeting and author, or null when none waits. */
  async pendingDraft(meetingId: Id, authorId: Id): Promise<Extract<OutboxWrite, { kind: 'saveDraft' | 'deleteDraft' }> | null> {
    const key = draftKey(meetingId, authorId);
    const entries = await this.pending();
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const write = entries[i]?.write;
      if (write && (write.kind === 'saveDraft' || write.kind === 'deleteDraft') && draftKeyOf(write) === key) return write;
    }
    return null;
  }

  /** The newest waiting write of this meeting (`saveMeeting`), or null when none waits. */
  async pendingMeeting(meetingId: Id): Promise<TeamMeeting | null> {
    const entries = await this.pending();
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const write = entries[i]?.write;
      if (write?.kind === 'saveMeeting' && write.payload.meeting.id === meetingId) return write.payload.meeting;
    }
    return null;
  }

  private newRow(parsed: OutboxWrite, now: number): OutboxInsert {
    return {
      owner: this.owner,
      state: 'pending',
      kind: parsed.kind,
      payload: parsed.payload,
      createdAt: now,
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
    };
  }

  /** The oldest pending rows, first in first out. */
  async pendingRows(limit = Infinity): Promise<OutboxRow[]> {
    const collection = this.mine('pending');
    return Number.isFinite(limit) ? collection.limit(limit).toArray() : collection.toArray();
  }

  /** Every pending entry that parses, oldest first (rows that do not parse are left to `flush`). */
  async pending(): Promise<OutboxEntry[]> {
    return (await this.pendingRows()).flatMap((row) => {
      const parsed = parseRow(row);
      return 'write' in parsed ? [parsed] : [];
    });
  }

  /** Entity ids (decision, action, meeting) with a write still waiting: "Venter på forbindelse". */
  async pendingIds(): Promise<Set<Id>> {
    return new Set((await this.pending()).flatMap((entry) => entityIdsOf(entry.write)));
  }

  /** Writes refused for good (409, 412, validation): the UI shows them until the user acts. */
  async conflicts(): Promise<Array<OutboxEntry | InvalidOutboxRow>> {
    const rows = await this.mine('conflict').toArray();
    return rows.map(parseRow);
  }

  async pendingCount(): Promise<number> {
    return this.mine('pending').count();
  }

  async remove(id: number): Promise<void> {
    await this.db.pending.delete(id);
  }

  async markRetry(id: number, attempts: number, nextAttemptAt: number, error: unknown): Promise<void> {
    await this.db.pending.update(id, { attempts, nextAttemptAt, lastError: errorInfo(error) });
  }

  async markConflict(id: number, attempts: number, error: unknown): Promise<void> {
    await this.db.pending.update(id, { state: 'conflict', attempts, lastError: errorInfo(error) });
  }

  /** The user chose to try a conflicting write again (e.g. after fixing the cause): back in line. */
  async retryConflict(id: number): Promise<void> {
    const nextAttemptAt = this.clock.now().getTime();
    await this.myConflict(id).modify({ state: 'pending', nextAttemptAt });
  }

  /** The user saw the conflict and let the write go. The only way a conflict leaves, short of expiry or sign-out. */
  async dismissConflict(id: number): Promise<void> {
    await this.myConflict(id).delete();
  }

  /**
   * Drops every entry (pending or conflict, of any owner: the limit is the device's, not the
   * user's) older than the time limit, and says which.
   */
  async dropExpired(): Promise<ExpiredOutboxEntry[]> {
    const cutoff = this.clock.now().getTime() - this.maxAgeMs;
    return this.db.transaction('rw', this.db.pending, async () => {
      const rows = await this.db.pending.where('createdAt').below(cutoff).toArray();
      await this.db.pending.bulkDelete(rows.map((row) => row.id));
      return rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        state: row.state,
        createdAt: row.createdAt,
        attempts: row.attempts,
        entityIds: entityIdsOfRow(row),
        lastError: row.lastError,
      }));
    });
  }

  /** Sign-out: nothing stays behind, whoever's it was. */
  async clear(): Promise<void> {
    await this.db.pending.clear();
  }

  close(): void {
    this.db.close();
  }

  /**
   * Not `where({ id, owner, state })`: Dexie runs that only on a compound index of exactly those
   * keys and otherwise throws SchemaError at run time (docs/footguns.md).
   */
  private myConflict(id: number) {
    return this.db.pending
      .where('id')
      .equals(id)
      .filter((row) => row.owner === this.owner && row.state === 'conflict');
  }

  private mine(state: OutboxState) {
    return this.db.pending.where('[owner+state]').equals([this.owner, state]);
  }
}

export function parseRow(row: OutboxRow): OutboxEntry | InvalidOutboxRow {
  const parsed = OutboxWriteSchema.safeParse({ kind: row.kind, payload: row.payload });
  if (!parsed.success) return { row, issues: parsed.error.issues };
  const { kind: _kind, payload: _payload, ...rest } = row;
  return { ...rest, write: parsed.data };
}
