import { z } from 'zod';
import { directoryNamesOf, leadersByPerson } from '../../domain/departments';
import type { Department, Id, Person } from '../../domain/model';
import type { Directory } from '../../ports/directory';
import type { GraphApi } from './graph-api';
import { readAllPages } from './graph-pages';
import { GraphNotFoundError } from './graph-errors';

/** The picker shows at most this many, as in standalone mode (src/adapters/local/local-directory.ts). */
export const DEFAULT_SEARCH_LIMIT = 10;
/** Candidates fetched per query before Helhed's own matching and Danish ordering. */
const CANDIDATES = 50;

const USER_SELECT = 'id,displayName,mail,userPrincipalName,department,jobTitle';

/** The part of Graph's `user` Helhed reads (https://learn.microsoft.com/graph/api/resources/user). */
const GraphUserSchema = z.object({
  id: z.string().min(1),
  displayName: z.string().nullable(),
  mail: z.string().nullable().optional(),
  userPrincipalName: z.string(),
  department: z.string().nullable().optional(),
  jobTitle: z.string().nullable().optional(),
});
type GraphUser = z.infer<typeof GraphUserSchema>;

const UserPageSchema = z.object({
  value: z.array(GraphUserSchema),
  '@odata.nextLink': z.string().optional(),
});

/**
 * Entra ID knows a department only as free text (`user.department`); Helhed's departments have
 * ids and leaders chosen by the administrator (setup). This is that mapping.
 */
export interface DirectoryMapping {
  departments: readonly { id: Id; directoryName: string }[];
  /** Person id -> the departments whose decisions they review. */
  leaders: Readonly<Record<Id, readonly Id[]>>;
}

/**
 * The mapping as the administrator configured it in the stored departments
 * (src/features/departments): each department's directory texts and its leaders.
 */
export function directoryMappingFor(departments: readonly Department[]): DirectoryMapping {
  return {
    departments: departments.flatMap((d) => directoryNamesOf(d).map((directoryName) => ({ id: d.id, directoryName }))),
    leaders: leadersByPerson(departments),
  };
}

const danish = new Intl.Collator('da');
const fold = (text: string): string => text.toLocaleLowerCase('da');
const byName = (a: Person, b: Person): number => danish.compare(a.displayName, b.displayName) || (a.id < b.id ? -1 : 1);

/** OData string literal: a single quote is doubled. */
const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;
/** $search clause `"property:text"`: a double quote or backslash in the text is escaped so it cannot end the clause. */
const searchClause = (property: string, value: string): string => `"${property}:${value.replace(/["\\]/g, '\\$&')}"`;

/**
 * The directory over Microsoft Graph: `/me` and `/users` (delegated User.ReadBasic.All).
 *
 * The people picker uses `/users` with `$search` rather than `/me/people`: /me/people ranks by
 * the signed-in user's own communication and may leave out a colleague from another department
 * they never wrote to, which is exactly whom a coordinator assembles a team from. `$search`,
 * `endsWith` and `$count` on users are advanced queries: they need `ConsistencyLevel: eventual`
 * (https://learn.microsoft.com/graph/aad-advanced-queries), else Graph answers 400.
 */
export class GraphDirectory implements Directory {
  private readonly departmentByName: ReadonlyMap<string, Id>;
  private readonly namesByDepartment: ReadonlyMap<Id, readonly string[]>;

  constructor(
    private readonly graph: GraphApi,
    private readonly mapping: DirectoryMapping,
  ) {
    this.departmentByName = new Map(mapping.departments.map((d) => [fold(d.directoryName), d.id]));
    const names = new Map<Id, string[]>();
    for (const d of mapping.departments) names.set(d.id, [...(names.get(d.id) ?? []), d.directoryName]);
    this.namesByDepartment = names;
  }

  /**
   * The signed-in user does not change during an adapter's life (a new sign-in builds new
   * adapters), so /me is read once: booking stays at two round trips. A failed read is not kept.
   */
  async me(): Promise<Person> {
    this.meRead ??= this.graph
      .call({ method: 'GET', path: '/me', query: { $select: USER_SELECT }, schema: GraphUserSchema })
      .then((user) => this.toPerson(user));
    try {
      return structuredClone(await this.meRead);
    } catch (error) {
      this.meRead = undefined;
      throw error;
    }
  }

  private meRead: Promise<Person> | undefined;

  async getPerson(id: Id): Promise<Person | null> {
    try {
      const user = await this.graph.call({
        method: 'GET',
        path: `/users/${encodeURIComponent(id)}`,
        query: { $select: USER_SELECT },
        schema: GraphUserSchema,
      });
      return this.toPerson(user);
    } catch (error) {
      if (error instanceof GraphNotFoundError) return null;
      throw error;
    }
  }

  async search(query: string, limit: number = DEFAULT_SEARCH_LIMIT): Promise<Person[]> {
    const text = query.trim();
    if (text === '' || limit <= 0) return [];
    const queries: Record<string, string>[] = [
      { $search: `${searchClause('displayName', text)} OR ${searchClause('mail', text)}` },
    ];
    // $search matches words of the name and the start of the address; part of a domain
    // ("kommune.dk") needs endsWith.
    if (/[.@]/.test(text)) queries.push({ $filter: `endsWith(mail,${odataString(text)})` });
    const found = new Map<Id, Person>();
    for (const q of queries) {
      const page = await this.graph.call({
        method: 'GET',
        path: '/users',
        query: { ...q, $count: 'true', $top: String(CANDIDATES), $select: USER_SELECT },
        headers: { ConsistencyLevel: 'eventual' },
        schema: UserPageSchema,
      });
      for (const user of page.value) {
        const person = this.toPerson(user);
        found.set(person.id, person);
      }
    }
    // Graph's matching is looser (word prefixes, and maybe diacritics folding); the port's is
    // case-insensitive substring with æ, ø, å as themselves.
    const needle = fold(text);
    return [...found.values()]
      .filter((p) => fold(p.displayName).includes(needle) || fold(p.email).includes(needle))
      .sort(byName)
      .slice(0, limit);
  }

  async listByDepartment(departmentId: Id): Promise<Person[]> {
    const names = this.namesByDepartment.get(departmentId) ?? [];
    // A department Helhed does not map to the directory has nobody in it (not a failure).
    if (names.length === 0) return [];
    // `department` supports `in` (https://learn.microsoft.com/graph/api/resources/user, advanced query).
    const filter = names.length === 1 ? `department eq ${odataString(names[0] ?? '')}` : `department in (${names.map(odataString).join(',')})`;
    const users = await readAllPages(
      this.graph,
      {
        path: '/users',
        query: { $filter: filter, $count: 'true', $select: USER_SELECT },
        headers: { ConsistencyLevel: 'eventual' },
      },
      GraphUserSchema,
    );
    const people = users.map((u) => this.toPerson(u));
    return people.sort(byName);
  }

  /** Graph `user` -> domain `Person`, the one place that knows both. */
  private toPerson(user: GraphUser): Person {
    const email = user.mail ?? user.userPrincipalName;
    const departmentId = user.department == null ? null : (this.departmentByName.get(fold(user.department)) ?? null);
    return {
      id: user.id,
      displayName: user.displayName ?? email,
      email,
      departmentId,
      jobTitle: user.jobTitle ?? null,
      leaderOf: [...(this.mapping.leaders[user.id] ?? [])],
    };
  }
}
