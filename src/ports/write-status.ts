import type { Id } from '../domain/model';

/**
 * What the store behind the PlanStore has not confirmed yet (Teams mode: the outbox of writes
 * Graph has not answered, src/adapters/local/outbox-plan-store.ts). The side panel shows it as
 * "Gemt", "Venter på forbindelse" or "Konflikt" (rule 7: a decision captured in the meeting
 * survives a lost connection, and the people in the meeting can see that it does).
 *
 * Ids name the entities a waiting write concerns: decisions, actions, meetings, and drafts as
 * `draftKey(meetingId, authorId)`. Ids only, never content.
 *
 * Invariants:
 * - An id is in `pending` from the moment its write was accepted until the store behind
 *   confirmed it; a write that resolved while its id is pending is kept safely (IndexedDB) and
 *   is sent exactly once, in order, when the connection returns.
 * - An id is in `conflicts` when its write was refused for good (409, 412, invalid): it is never
 *   retried blindly and never dropped silently; it stays until the user acts (`retryConflicts`,
 *   `dismissConflicts`) or it expires.
 * - `subscribe` listeners are called after every change of either set (a write queued, sent,
 *   refused, expired); they then read `snapshot()` again.
 * - `isTransient(error)` is true when a failed call may succeed later by itself (no connection,
 *   throttled, service unavailable): the caller keeps what it has and tries again.
 *
 * Absent from Services where every write is confirmed when it resolves (the standalone store).
 */
export interface WriteStatus {
  snapshot(): Promise<WriteStatusSnapshot>;
  /** Returns the function that unsubscribes. */
  subscribe(listener: () => void): () => void;
  isTransient(error: unknown): boolean;
  /**
   * The user tries every write refused for good again (after fixing what was wrong): they go
   * back in line and are sent now. A refusal that still holds makes them conflicts again.
   */
  retryConflicts(): Promise<void>;
  /** The user lets every write refused for good go: they are dropped and never sent. */
  dismissConflicts(): Promise<void>;
}

/** The ids with a write waiting for the connection, and those refused for good. */
export interface WriteStatusSnapshot {
  pending: ReadonlySet<Id>;
  conflicts: ReadonlySet<Id>;
}

/** The id a draft's waiting write is known by in a WriteStatusSnapshot. */
export function draftKey(meetingId: Id, authorId: Id): string {
  return `draft:${meetingId}/${authorId}`;
}
