/**
 * GraphDirectory composed from the administrator's departments (directoryMappingFor), over the
 * fake Graph: several Entra ID department texts for one department, and the leaders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphDirectory, directoryMappingFor } from '../../../src/adapters/graph';
import type { Department } from '../../../src/domain/model';
import type { FakeUser } from '../../support/fake-graph/fake-graph';
import { ORGANISER, harness, listen } from '../../support/fake-graph/graph-harness';

listen(beforeAll, afterAll);

const user = (id: string, displayName: string, department: string | null): FakeUser => ({
  id,
  displayName,
  mail: `${id}@kommune.example`,
  userPrincipalName: `${id}@kommune.example`,
  department,
  jobTitle: null,
});

const DEPARTMENTS: Department[] = [
  { id: 'd-job', name: 'Jobcenter', area: 'employment', directoryNames: ['Jobcenter', "Job og Uddannelse (Øst's)"], leaders: [{ personId: 'u-lone', displayName: 'Lone Bak' }] },
  // Stored before directory texts and leaders existed: found by its name, no leaders.
  { id: 'd-social', name: 'Socialafdelingen', area: 'social' },
];

describe('GraphDirectory over the stored departments', () => {
  it('maps every Entra ID text of a department, finds its people with one `in` query, and gives its leader leaderOf', async () => {
    const people = [
      user('u-lone', 'Lone Bak', "Job og Uddannelse (Øst's)"),
      user('u-sara', 'Sara Nielsen', 'jobcenter'),
      user('u-ali', 'Ali Khan', 'Økonomi'),
    ];
    const h = harness({ me: ORGANISER, users: [ORGANISER, ...people] });
    const directory = new GraphDirectory(h.api, directoryMappingFor(DEPARTMENTS));

    expect((await directory.listByDepartment('d-job')).map((p) => [p.id, p.departmentId, p.leaderOf])).toStrictEqual([
      ['u-lone', 'd-job', ['d-job']],
      ['u-sara', 'd-job', []],
    ]);
    expect(h.fake.requestsTo('GET', /^\/users$/).map((r) => r.url.searchParams.get('$filter'))).toStrictEqual([
      "department in ('Jobcenter','Job og Uddannelse (Øst''s)')",
    ]);
    expect(await directory.me()).toMatchObject({ id: ORGANISER.id, departmentId: 'd-social', leaderOf: [] });
    expect(await directory.getPerson('u-ali')).toMatchObject({ departmentId: null, leaderOf: [] });
  });
});
