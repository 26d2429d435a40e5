import { describe, expect, it } from 'vitest';
import { checkDepartments, directoryNamesOf, leadersByPerson, pathwaysUsingDepartment, withDepartmentLeadership } from './departments';
import type { Department, Pathway, Person } from './model';

const lone = { personId: 'p-lone', displayName: 'Lone Bak' };
const social: Department = { id: 'd-social', name: 'Socialafdelingen', area: 'social', directoryNames: ['Social', 'Børn og Unge'], leaders: [lone] };
const job: Department = { id: 'd-job', name: 'Jobcenter', area: 'employment', leaders: [lone, { personId: 'p-kim', displayName: 'Kim' }] };
const legacy: Department = { id: 'd-health', name: 'Sundhed', area: 'health' };

const person = (id: string, leaderOf: string[]): Person => ({ id, displayName: id, email: `${id}@kommune.example`, departmentId: null, jobTitle: null, leaderOf });

describe('departments', () => {
  it('a department stored without directory texts is found by its own name', () => {
    expect(directoryNamesOf(legacy)).toStrictEqual(['Sundhed']);
    expect(directoryNamesOf(social)).toStrictEqual(['Social', 'Børn og Unge']);
  });

  it('leadersByPerson: each leader with the departments they lead', () => {
    expect(leadersByPerson([social, job, legacy])).toStrictEqual({ 'p-lone': ['d-social', 'd-job'], 'p-kim': ['d-job'] });
  });

  it('withDepartmentLeadership: configured departments decide, unconfigured ones keep the directory’s answer', () => {
    expect(withDepartmentLeadership(person('p-kim', ['d-social', 'd-health']), [social, job, legacy]).leaderOf).toStrictEqual(['d-health', 'd-job']);
    expect(withDepartmentLeadership(person('p-lone', []), [social, job, legacy]).leaderOf).toStrictEqual(['d-social', 'd-job']);
  });

  it('pathwaysUsingDepartment: a member of the department or a mandate for it', () => {
    const member = (departmentId: string, mandateFor: string | null) => ({
      personId: 'x',
      displayName: 'X',
      email: 'x@kommune.example',
      departmentId,
      role: 'member' as const,
      mandate: mandateFor === null ? null : { departmentId: mandateFor, description: 'm', maxAmountDkk: 0 },
    });
    const pathway = (id: string, members: ReturnType<typeof member>[]) => ({ id, team: { members } }) as unknown as Pathway;
    const pathways = [pathway('a', [member('d-social', null)]), pathway('b', [member('d-job', 'd-health')]), pathway('c', [member('d-job', null)])];
    expect(pathwaysUsingDepartment(pathways, 'd-health').map((p) => p.id)).toStrictEqual(['b']);
    expect(pathwaysUsingDepartment(pathways, 'd-job').map((p) => p.id)).toStrictEqual(['b', 'c']);
    expect(pathwaysUsingDepartment(pathways, 'd-other')).toStrictEqual([]);
  });

  it('checkDepartments: a name twice, or one Entra ID text for two departments, is refused (ignoring case)', () => {
    expect(checkDepartments([social, job, legacy])).toStrictEqual({ ok: true });
    expect(checkDepartments([social, { ...legacy, directoryNames: ['social'] }, { ...job, name: 'SUNDHED' }])).toStrictEqual({
      ok: false,
      problems: [
        { code: 'DEPARTMENT_NAME_TAKEN', name: 'Sundhed', departmentIds: ['d-health', 'd-job'] },
        { code: 'DIRECTORY_NAME_TAKEN', directoryName: 'Social', departmentIds: ['d-social', 'd-health'] },
      ],
    });
  });
});
