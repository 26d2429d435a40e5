import { z } from 'zod';
import { IdSchema, PersonSchema, type Id, type Person } from '../../domain/model';
import type { Directory } from '../../ports/directory';
import { NotFoundError } from '../../ports/plan-store';
import type { HelhedDb } from './db';
import { parseStored } from './stored-record';

const CURRENT_USER_KEY = 'currentUserId';

/** Graph's people search returns a page of this size by default; the picker shows no more. */
export const DEFAULT_SEARCH_LIMIT = 10;

const danish = new Intl.Collator('da');
const fold = (text: string): string => text.toLocaleLowerCase('da');
const byName = (a: Person, b: Person): number => danish.compare(a.displayName, b.displayName) || (a.id < b.id ? -1 : 1);

/**
 * The Directory of standalone mode: a fixed staff list (the demo staff), and a "signed-in"
 * user chosen in the app and kept in the `session` table so a reload keeps the same person.
 */
export class LocalDirectory implements Directory {
  private readonly people: readonly Person[];
  private readonly byId: ReadonlyMap<Id, Person>;

  /** `defaultUserId` is `me()` until `setCurrentUser` picks someone else. */
  constructor(
    private readonly db: HelhedDb,
    people: readonly Person[],
    private readonly defaultUserId: Id,
  ) {
    this.people = z.array(PersonSchema).parse(people).sort(byName);
    this.byId = new Map(this.people.map((p) => [p.id, p]));
    if (!this.byId.has(defaultUserId)) throw new NotFoundError('person', defaultUserId);
  }

  async me(): Promise<Person> {
    const row = await this.db.session.get(CURRENT_USER_KEY);
    const id = row === undefined ? this.defaultUserId : parseStored(IdSchema, 'session', CURRENT_USER_KEY, row.value);
    // A stored id of someone no longer in the staff list falls back to the default user, who exists.
    return structuredClone(this.byId.get(id) ?? this.person(this.defaultUserId));
  }

  async getPerson(id: Id): Promise<Person | null> {
    const person = this.byId.get(id);
    return person === undefined ? null : structuredClone(person);
  }

  async search(query: string, limit: number = DEFAULT_SEARCH_LIMIT): Promise<Person[]> {
    const needle = fold(query.trim());
    if (needle === '' || limit <= 0) return [];
    return this.people
      .filter((p) => fold(p.displayName).includes(needle) || fold(p.email).includes(needle))
      .slice(0, limit)
      .map((p) => structuredClone(p));
  }

  async listByDepartment(departmentId: Id): Promise<Person[]> {
    return this.people.filter((p) => p.departmentId === departmentId).map((p) => structuredClone(p));
  }

  /** The demo's "sign in as": switches who `me()` is, across reloads. */
  async setCurrentUser(id: Id): Promise<Person> {
    const person = this.byId.get(id);
    if (person === undefined) throw new NotFoundError('person', id);
    await this.db.session.put({ key: CURRENT_USER_KEY, value: id });
    return structuredClone(person);
  }

  /** Everyone, sorted by name (the demo's user switcher). */
  async listAll(): Promise<Person[]> {
    return this.people.map((p) => structuredClone(p));
  }

  private person(id: Id): Person {
    const person = this.byId.get(id);
    if (person === undefined) throw new NotFoundError('person', id);
    return person;
  }
}
