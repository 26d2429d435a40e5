import { describe, expect, it } from 'vitest';
import {
  decisionsByMonth,
  localMonthOf,
  meetingsByMonth,
  overdueByDepartment,
  type ReviewRow,
} from '../../../src/application/leader-review';
import type { Decision, TeamMeeting } from '../../../src/domain/model';
import { decision, meeting } from '../../contract/support/builders';

const row = (d: Partial<Decision> & { id: string }, overdue = false): ReviewRow => ({
  decision: decision(d),
  pathway: { id: 'pw-1', initials: 'AB', caseRef: 'SAG-1' },
  responsibleName: 'Anna',
  action: null,
  overdue,
});
const commits = (...ids: string[]) => ids.map((departmentId) => ({ departmentId, amountDkk: 0 }));

describe('the leader review\'s pictures (issue 6)', () => {
  it('puts an instant in its month in Copenhagen, not in UTC\'s', () => {
    const monthOf = localMonthOf('Europe/Copenhagen');
    // 23:30Z on 31 October is 00:30 on 1 November in Copenhagen (CET, +01:00).
    expect(monthOf('2026-10-31T23:30:00.000Z')).toBe('2026-11');
    expect(monthOf('2026-10-31T22:59:59.000Z')).toBe('2026-10');
    // Summer time: 22:00Z on 31 May is midnight on 1 June (CEST, +02:00).
    expect(monthOf('2026-05-31T22:00:00.000Z')).toBe('2026-06');
    expect(monthOf('2026-05-31T21:59:59.999Z')).toBe('2026-05');
    expect(monthOf('2026-12-31T23:00:00.000Z')).toBe('2027-01');
    // Instants with an offset, and a local month that starts in the previous UTC year.
    expect(monthOf('2026-11-01T00:30:00+01:00')).toBe('2026-11');
    expect(monthOf('2027-01-01T00:59:59+01:00')).toBe('2027-01');
    expect(monthOf('2026-12-31T22:59:59.999Z')).toBe('2026-12');
  });

  it('[R6] counts decisions and escalations per led department and month, a two-department decision in both', () => {
    const rows = [
      row({ id: 'a', createdAt: '2026-10-05T09:00:00.000Z', commitments: commits('social', 'health') }),
      row({ id: 'b', createdAt: '2026-10-20T09:00:00.000Z', status: 'requires-leader-follow-up', commitments: commits('social') }),
      row({ id: 'c', createdAt: '2026-11-02T09:00:00.000Z', status: 'requires-leader-follow-up', commitments: commits('health', 'job') }),
    ];
    expect(decisionsByMonth(rows, ['social', 'health'], localMonthOf('Europe/Copenhagen'))).toEqual([
      { month: '2026-10', departmentId: 'social', decisions: 2, escalations: 1 },
      { month: '2026-10', departmentId: 'health', decisions: 1, escalations: 0 },
      { month: '2026-11', departmentId: 'health', decisions: 1, escalations: 1 },
    ]);
  });

  it('counts overdue actions per led department, zero included', () => {
    const rows = [
      row({ id: 'a', commitments: commits('social', 'health') }, true),
      row({ id: 'b', commitments: commits('social') }, true),
      row({ id: 'c', commitments: commits('health') }, false),
    ];
    expect(overdueByDepartment(rows, ['social', 'health', 'job'])).toEqual([
      { departmentId: 'social', overdue: 2 },
      { departmentId: 'health', overdue: 1 },
      { departmentId: 'job', overdue: 0 },
    ]);
  });

  it('[R1] counts held meetings per month and those without the citizen', () => {
    const held: TeamMeeting[] = [
      meeting({ id: 'm1', pathwayId: 'p', start: '2026-10-06T08:00:00.000Z', status: 'held', citizenPresent: true }),
      meeting({ id: 'm2', pathwayId: 'p', start: '2026-10-08T08:00:00.000Z', status: 'minuted', citizenPresent: false }),
      meeting({ id: 'm3', pathwayId: 'p', start: '2026-11-03T08:00:00.000Z', status: 'held', citizenPresent: false }),
    ];
    expect(meetingsByMonth(held, localMonthOf('Europe/Copenhagen'))).toEqual([
      { month: '2026-10', held: 2, withoutCitizen: 1 },
      { month: '2026-11', held: 1, withoutCitizen: 1 },
    ]);
  });
});
