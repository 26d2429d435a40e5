import {
  checkDepartments,
  directoryNamesOf,
  type Department,
  type DepartmentArea,
  type DepartmentLeader,
  type Id,
} from '../../domain';

/** The department form's values, as typed (the directory texts one per line). */
export interface DepartmentDraft {
  name: string;
  area: DepartmentArea;
  directoryNames: string;
  leaders: DepartmentLeader[];
}

/** What the form says next to a field; the screen words each kind. */
export type DraftError =
  | { field: 'name'; code: 'NAME_REQUIRED' }
  | { field: 'name'; code: 'DEPARTMENT_NAME_TAKEN'; name: string }
  | { field: 'directoryNames'; code: 'DIRECTORY_NAME_TAKEN'; directoryName: string; otherId: Id };

/** The form's start: empty for a new department, the stored values (texts one per line) for an edit. */
export function draftOf(department: Department | null): DepartmentDraft {
  if (department === null) return { name: '', area: 'social', directoryNames: '', leaders: [] };
  return {
    name: department.name,
    area: department.area,
    directoryNames: directoryNamesOf(department).join('\n'),
    leaders: [...(department.leaders ?? [])],
  };
}

/**
 * The department the draft describes. The directory texts are always stored explicitly: an empty
 * field means the name (as the hint says), and repeated lines are kept once.
 */
export function departmentFromDraft(id: Id, draft: DepartmentDraft): Department {
  const name = draft.name.trim();
  const lines = draft.directoryNames
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  // The first spelling of a repeated text is kept (matching ignores case, as the directory does).
  const unique = lines.filter((line, i) => lines.findIndex((other) => other.toLocaleLowerCase('da') === line.toLocaleLowerCase('da')) === i);
  return { id, name, area: draft.area, directoryNames: unique.length > 0 ? unique : [name], leaders: draft.leaders };
}

/**
 * `departments` with `department` added or put in place of the one of the same id, or the
 * errors that refuse it. Only problems that involve this department count: the administrator
 * is editing this one.
 */
export function applyDraft(
  departments: readonly Department[],
  department: Department,
): { ok: true; departments: Department[] } | { ok: false; errors: DraftError[] } {
  if (department.name === '') return { ok: false, errors: [{ field: 'name', code: 'NAME_REQUIRED' }] };
  const exists = departments.some((d) => d.id === department.id);
  const next = exists ? departments.map((d) => (d.id === department.id ? department : d)) : [...departments, department];
  const check = checkDepartments(next);
  if (check.ok) return { ok: true, departments: next };
  const errors: DraftError[] = [];
  for (const problem of check.problems) {
    if (!problem.departmentIds.includes(department.id)) continue;
    if (problem.code === 'DEPARTMENT_NAME_TAKEN') errors.push({ field: 'name', code: problem.code, name: problem.name });
    else {
      const otherId = problem.departmentIds.find((id) => id !== department.id) ?? department.id;
      errors.push({ field: 'directoryNames', code: problem.code, directoryName: problem.directoryName, otherId });
    }
  }
  return errors.length === 0 ? { ok: true, departments: next } : { ok: false, errors };
}
