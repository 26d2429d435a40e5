import { describe, expect, it } from 'vitest';
import type { TeamMember } from '../model';
import { assessMandate, checkCitizenPosition, mandateCoverage, standingDecisions } from './decision-mandate';

function member(personId: string, departmentId: string, maxAmountDkk: number | null): TeamMember {
  return {
    personId,
    displayName: `Person ${personId}`,
    email: `${personId}@kommune.dk`,
    departmentId,
    role: 'member',
    mandate: maxAmountDkk === null ? null : { departmentId, description: 'Bevilge indsatser', maxAmountDkk },
  };
}

// Social: two holders (limits 10 000 and 25 000) and one member without a mandate.
// Health: one holder (limit 0: may commit effort, no extra spending).
const team: TeamMember[] = [
  member('p-social-1', 'dep-social', 10_000),
  member('p-social-2', 'dep-social', 25_000),
  member('p-social-3', 'dep-social', null),
  member('p-health', 'dep-health', 0),
  member('p-school', 'dep-education', 5_000),
];
const everyone = new Set(team.map((m) => m.personId));

describe('assessMandate (rule 6)', () => {
  it('[R6] a commitment within a present holder\'s mandate is decided, backed by that holder', () => {
    expect(assessMandate([{ departmentId: 'dep-health', amountDkk: 0 }], team, everyone)).toEqual({
      status: 'decided',
      escalations: [],
      findings: [],
      backedBy: ['p-health'],
    });
  });

  it('[R6] MANDATE_MISSING when the department\'s mandate holder is absent', () => {
    const present = new Set(['p-social-1', 'p-school']);
    expect(assessMandate([{ departmentId: 'dep-health', amountDkk: 0 }], team, present)).toEqual({
      status: 'requires-leader-follow-up',
      escalations: [{ code: 'MANDATE_MISSING', departmentId: 'dep-health' }],
      findings: [{ code: 'MANDATE_MISSING', departmentId: 'dep-health', limitDkk: null, amountDkk: 0 }],
      backedBy: [],
    });
  });

  it('[R6] MANDATE_MISSING when only a member without a mandate from the department is present', () => {
    const present = new Set(['p-social-3']);
    const a = assessMandate([{ departmentId: 'dep-social', amountDkk: 1_000 }], team, present);
    expect(a.status).toBe('requires-leader-follow-up');
    expect(a.escalations).toEqual([{ code: 'MANDATE_MISSING', departmentId: 'dep-social' }]);
    expect(a.backedBy).toEqual([]);
  });

  it('[R6] MANDATE_MISSING for a department with no member in the team at all', () => {
    const a = assessMandate([{ departmentId: 'dep-employment', amountDkk: 0 }], team, everyone);
    expect(a.escalations).toEqual([{ code: 'MANDATE_MISSING', departmentId: 'dep-employment' }]);
  });

  it('[R6] MANDATE_EXCEEDED when the amount is over the limit of the present holder', () => {
    const present = new Set(['p-social-1']);
    expect(assessMandate([{ departmentId: 'dep-social', amountDkk: 10_001 }], team, present)).toEqual({
      status: 'requires-leader-follow-up',
      escalations: [{ code: 'MANDATE_EXCEEDED', departmentId: 'dep-social' }],
      findings: [{ code: 'MANDATE_EXCEEDED', departmentId: 'dep-social', limitDkk: 10_000, amountDkk: 10_001 }],
      backedBy: ['p-social-1'],
    });
  });

  it('[R6] an amount exactly at the limit is within the mandate', () => {
    const present = new Set(['p-social-1']);
    expect(assessMandate([{ departmentId: 'dep-social', amountDkk: 10_000 }], team, present).status).toBe('decided');
  });

  it('[R6] any spending over a zero limit is MANDATE_EXCEEDED', () => {
    const a = assessMandate([{ departmentId: 'dep-health', amountDkk: 1 }], team, everyone);
    expect(a.findings).toEqual([{ code: 'MANDATE_EXCEEDED', departmentId: 'dep-health', limitDkk: 0, amountDkk: 1 }]);
  });

  it('[R6] the limit is the largest among several present holders, and all of them back it', () => {
    const a = assessMandate([{ departmentId: 'dep-social', amountDkk: 25_000 }], team, everyone);
    expect(a).toEqual({ status: 'decided', escalations: [], findings: [], backedBy: ['p-social-1', 'p-social-2'] });
    const over = assessMandate([{ departmentId: 'dep-social', amountDkk: 25_001 }], team, everyone);
    expect(over.findings).toEqual([{ code: 'MANDATE_EXCEEDED', departmentId: 'dep-social', limitDkk: 25_000, amountDkk: 25_001 }]);
  });

  it('[R6] only present holders count towards the limit', () => {
    const present = new Set(['p-social-1', 'p-social-3']);
    const a = assessMandate([{ departmentId: 'dep-social', amountDkk: 20_000 }], team, present);
    expect(a.findings).toEqual([{ code: 'MANDATE_EXCEEDED', departmentId: 'dep-social', limitDkk: 10_000, amountDkk: 20_000 }]);
    expect(a.backedBy).toEqual(['p-social-1']);
  });

  it('[R6] reports every department of a joint decision, in commitment order, and backers once each', () => {
    const present = new Set(['p-social-1', 'p-social-2', 'p-school']);
    const a = assessMandate(
      [
        { departmentId: 'dep-education', amountDkk: 6_000 },
        { departmentId: 'dep-health', amountDkk: 0 },
        { departmentId: 'dep-social', amountDkk: 5_000 },
        { departmentId: 'dep-social', amountDkk: 1_000 },
      ],
      team,
      present,
    );
    expect(a).toEqual({
      status: 'requires-leader-follow-up',
      escalations: [
        { code: 'MANDATE_EXCEEDED', departmentId: 'dep-education' },
        { code: 'MANDATE_MISSING', departmentId: 'dep-health' },
      ],
      findings: [
        { code: 'MANDATE_EXCEEDED', departmentId: 'dep-education', limitDkk: 5_000, amountDkk: 6_000 },
        { code: 'MANDATE_MISSING', departmentId: 'dep-health', limitDkk: null, amountDkk: 0 },
      ],
      backedBy: ['p-school', 'p-social-1', 'p-social-2'],
    });
  });
});

describe('mandateCoverage (rule 6)', () => {
  it('[R6] lists per department its mandate holders and which of them are present', () => {
    const coverage = mandateCoverage(team, new Set(['p-social-2', 'p-social-3']));
    expect(
      coverage.map((c) => ({
        departmentId: c.departmentId,
        holders: c.holders.map((h) => h.personId),
        present: c.present.map((h) => h.personId),
      })),
    ).toEqual([
      { departmentId: 'dep-social', holders: ['p-social-1', 'p-social-2'], present: ['p-social-2'] },
      { departmentId: 'dep-health', holders: ['p-health'], present: [] },
      { departmentId: 'dep-education', holders: ['p-school'], present: [] },
    ]);
  });
});

describe('checkCitizenPosition (rule 6)', () => {
  it('[R6] refuses a decision without the citizen\'s position', () => {
    expect(checkCitizenPosition(null)).toEqual({ ok: false, code: 'CITIZEN_POSITION_MISSING' });
  });

  it('[R6] accepts every recorded position, including disagreement and absence', () => {
    for (const p of ['agrees', 'disagrees', 'wants-time', 'not-present'] as const) {
      expect(checkCitizenPosition(p)).toEqual({ ok: true });
    }
  });
});

describe('standingDecisions (rule 7)', () => {
  it('[R7] leaves out decisions that a later decision supersedes, keeping order', () => {
    const decisions = [
      { id: 'd1', supersedes: null },
      { id: 'd2', supersedes: null },
      { id: 'd3', supersedes: 'd1' },
      { id: 'd4', supersedes: 'd3' },
      { id: 'd5', supersedes: null },
    ];
    expect(standingDecisions(decisions)).toEqual([
      { id: 'd2', supersedes: null },
      { id: 'd4', supersedes: 'd3' },
      { id: 'd5', supersedes: null },
    ]);
  });

  it('[R7] keeps every decision when none is superseded', () => {
    const decisions = [
      { id: 'd1', supersedes: null },
      { id: 'd2', supersedes: null },
    ];
    expect(standingDecisions(decisions)).toEqual(decisions);
  });
});
