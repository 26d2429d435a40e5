import type { Id, Person } from '../domain/model';

/**
 * Who the user is and who they can add to a team.
 *
 * Invariants (tests/contract/directory.contract.ts):
 * - `me()` is the signed-in person and is also returned by `getPerson(me.id)`.
 * - `search('')` returns nothing; `search(q)` matches name or e-mail case-insensitively,
 *   ignoring Danish diacritics folding (æ, ø, å match themselves), at most `limit` people,
 *   sorted by display name.
 * - `getPerson` of an unknown id returns null.
 */
export interface Directory {
  me(): Promise<Person>;
  getPerson(id: Id): Promise<Person | null>;
  search(query: string, limit?: number): Promise<Person[]>;
  /** Everyone in the given departments (for picking a team). */
  listByDepartment(departmentId: Id): Promise<Person[]>;
}
