/**
 * The municipality's departments as the administrator keeps them (src/features/departments):
 * how Entra ID's free-text department maps to them, who leads them, and when one may be removed.
 * Pure: the directory adapters and the composition root apply these, the screen checks with them.
 */
import type { Department, Id, Pathway, Person } from './model';

const fold = (text: string): string => text.trim().toLocaleLowerCase('da');

/**
 * The texts of Entra ID's `user.department` that put a person in `department`. A department
 * stored before `directoryNames` existed is found by its own name, as it always was.
 */
export function directoryNamesOf(department: Department): string[] {
  return department.directoryNames ?? [department.name];
}

/** Person id -> the departments they lead, in the order of `departments`. */
export function leadersByPerson(departments: readonly Department[]): Record<Id, Id[]> {
  const leaders: Record<Id, Id[]> = {};
  for (const department of departments) {
    for (const { personId } of department.leaders ?? []) {
      const led = (leaders[personId] ??= []);
      if (!led.includes(department.id)) led.push(department.id);
    }
  }
  return leaders;
}

/**
 * `person` with `leaderOf` as the departments say: a department with `leaders` decides whether
 * the person leads it; one without (not configured) leaves the directory's own answer, which is
 * how the demo's staff lead until an administrator names leaders.
 */
export function withDepartmentLeadership(person: Person, departments: readonly Department[]): Person {
  const configured = new Map(departments.filter((d) => d.leaders !== undefined).map((d) => [d.id, d.leaders ?? []]));
  const kept = person.leaderOf.filter((id) => !configured.has(id));
  const named = [...configured].filter(([, leaders]) => leaders.some((l) => l.personId === person.id)).map(([id]) => id);
  return { ...person, leaderOf: [...new Set([...kept, ...named])] };
}

/**
 * The pathways whose team uses the department (a member of it, or a mandate for it), closed
 * ones included: their history names the department. Such a department may not be removed.
 */
export function pathwaysUsingDepartment(pathways: readonly Pathway[], departmentId: Id): Pathway[] {
  return pathways.filter((p) =>
    p.team.members.some((m) => m.departmentId === departmentId || m.mandate?.departmentId === departmentId),
  );
}

/** What the administrator's set of departments can be refused for; the UI words each code. */
export type DepartmentProblem =
  /** Two departments of the same name (ignoring case) could not be told apart in any list. */
  | { code: 'DEPARTMENT_NAME_TAKEN'; name: string; departmentIds: Id[] }
  /** One Entra department text may put people in one department only. */
  | { code: 'DIRECTORY_NAME_TAKEN'; directoryName: string; departmentIds: Id[] };

/** Checks a whole set of departments before it is saved (the store replaces the set). */
export function checkDepartments(departments: readonly Department[]): { ok: true } | { ok: false; problems: DepartmentProblem[] } {
  const problems: DepartmentProblem[] = [];
  const byName = new Map<string, { name: string; ids: Id[] }>();
  const byDirectoryName = new Map<string, { name: string; ids: Id[] }>();
  for (const d of departments) {
    const entry = byName.get(fold(d.name)) ?? { name: d.name.trim(), ids: [] };
    entry.ids.push(d.id);
    byName.set(fold(d.name), entry);
    for (const text of new Set(directoryNamesOf(d).map(fold))) {
      const original = directoryNamesOf(d).find((n) => fold(n) === text) ?? text;
      const owners = byDirectoryName.get(text) ?? { name: original.trim(), ids: [] };
      owners.ids.push(d.id);
      byDirectoryName.set(text, owners);
    }
  }
  for (const { name, ids } of byName.values()) {
    if (ids.length > 1) problems.push({ code: 'DEPARTMENT_NAME_TAKEN', name, departmentIds: ids });
  }
  for (const { name, ids } of byDirectoryName.values()) {
    if (ids.length > 1) problems.push({ code: 'DIRECTORY_NAME_TAKEN', directoryName: name, departmentIds: ids });
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
