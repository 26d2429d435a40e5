import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, formatLeaderQuery, parseLeaderQuery, periodIsValid, toReviewFilter } from './leader-query';

const LEADS = ['dept-social', 'dept-health'];

describe('leader review query', () => {
  it('reads every filter from the query', () => {
    expect(
      parseLeaderQuery('dept=dept-health&status=requires-leader-follow-up&from=2026-01-01&to=2026-03-31&responsible=staff-sofie&overdue=1', LEADS),
    ).toEqual({
      departmentId: 'dept-health',
      status: 'requires-leader-follow-up',
      from: '2026-01-01',
      to: '2026-03-31',
      responsibleId: 'staff-sofie',
      onlyOverdue: true,
    });
  });

  it('falls back to the default for values that do not parse, and ignores departments the user does not lead', () => {
    expect(parseLeaderQuery('dept=dept-employment&status=maybe&from=1.1.2026&to=&overdue=yes', LEADS)).toEqual(DEFAULT_FILTERS);
  });

  it('writes only what differs from the defaults, and reads back what it wrote', () => {
    const filters = { ...DEFAULT_FILTERS, status: 'decided' as const, onlyOverdue: true, from: '2026-02-01' };
    expect(formatLeaderQuery(filters)).toBe('status=decided&from=2026-02-01&overdue=1');
    expect(parseLeaderQuery(formatLeaderQuery(filters), LEADS)).toEqual(filters);
    expect(formatLeaderQuery(DEFAULT_FILTERS)).toBe('');
  });

  it('turns the period into whole days in Copenhagen, the upper bound exclusive', () => {
    const filter = toReviewFilter({ ...DEFAULT_FILTERS, from: '2026-03-01', to: '2026-03-31' }, 'Europe/Copenhagen');
    // 1 March is winter time (UTC+1); 1 April is summer time (UTC+2).
    expect([filter.from, filter.to]).toEqual(['2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z']);
    expect(filter.departmentIds).toEqual([]);
  });

  it('rejects a period that ends before it starts', () => {
    expect(periodIsValid({ ...DEFAULT_FILTERS, from: '2026-03-02', to: '2026-03-01' })).toBe(false);
    expect(periodIsValid({ ...DEFAULT_FILTERS, from: '2026-03-01', to: '2026-03-01' })).toBe(true);
  });
});
