import { describe, expect, it } from 'vitest';
import type { ConsentEvent, ConsentGrant, TeamMeeting } from '../model';
import {
  changedConsentFields,
  checkConsentValid,
  checkMembersInScope,
  consentAsOf,
  consentFlags,
  consentFromHistory,
  consentReminder,
  consentState,
  minutesConsent,
} from './consent';

// Synthetic people and departments only.

const grant: ConsentGrant = {
  givenOn: '2026-01-10',
  form: 'written',
  scope: { departmentIds: ['dep-social', 'dep-health', 'dep-job'], replacedPlans: ['handleplan-serviceloven', 'jobplan'] },
  reviewDate: '2026-12-31',
};

const given: ConsentEvent = {
  kind: 'given',
  pathwayId: 'pw1',
  version: 1,
  recordedAt: '2026-01-10T09:00:00.000Z',
  recordedBy: 'anna',
  grant,
};

const withdrawHealth: ConsentEvent = {
  kind: 'withdrawn',
  pathwayId: 'pw1',
  version: 2,
  recordedAt: '2026-05-04T10:00:00.000Z',
  recordedBy: 'anna',
  withdrawnOn: '2026-05-04',
  departmentId: 'dep-health',
};

const renewal: ConsentEvent = {
  kind: 'renewed',
  pathwayId: 'pw1',
  version: 3,
  recordedAt: '2026-06-01T10:00:00.000Z',
  recordedBy: 'bo',
  grant: { ...grant, givenOn: '2026-06-01', form: 'oral', reviewDate: '2027-06-01' },
};

const members = [
  { personId: 'anna', departmentId: 'dep-social' },
  { personId: 'bo', departmentId: 'dep-health' },
  { personId: 'carl', departmentId: 'dep-job' },
];

function meeting(id: string, status: TeamMeeting['status'], departmentIds: string[]) {
  return {
    id,
    status,
    requiredAttendees: departmentIds.map((d, i) => ({ personId: `p${i}`, displayName: `P${i}`, email: `p${i}@kommune.dk`, departmentId: d })),
  };
}

describe('consent history (rule 8)', () => {
  it('[R8] no history means no consent', () => {
    expect(consentFromHistory([])).toBeNull();
    expect(consentState(null, '2026-02-01')).toEqual({ status: 'missing' });
  });

  it('[R8] withdrawal for one department keeps the rest of the consent and the earlier record', () => {
    const consent = consentFromHistory([withdrawHealth, given]);
    expect(consent).toEqual({
      pathwayId: 'pw1',
      givenOn: '2026-01-10',
      form: 'written',
      recordedBy: 'anna',
      scope: grant.scope,
      reviewDate: '2026-12-31',
      withdrawals: [{ departmentId: 'dep-health', withdrawnOn: '2026-05-04', recordedBy: 'anna' }],
      version: 2,
    });
    expect(consentState(consent, '2026-05-05')).toMatchObject({ status: 'valid', coveredDepartmentIds: ['dep-social', 'dep-job'] });
    // The history still says what held before the withdrawal.
    expect(consentAsOf([given, withdrawHealth], '2026-05-01T00:00:00.000Z')?.withdrawals).toEqual([]);
  });

  it('[R8] renewal replaces scope, form and review date and ends earlier withdrawals', () => {
    const consent = consentFromHistory([given, withdrawHealth, renewal]);
    expect(consent).toMatchObject({ givenOn: '2026-06-01', form: 'oral', recordedBy: 'bo', reviewDate: '2027-06-01', withdrawals: [], version: 3 });
    expect(consentState(consent, '2026-06-02')).toMatchObject({ status: 'valid', coveredDepartmentIds: ['dep-social', 'dep-health', 'dep-job'] });
  });

  it('[R8] expiry: the consent holds through its review date and is expired the day after', () => {
    const consent = consentFromHistory([given]);
    expect(consentState(consent, '2026-12-31').status).toBe('valid');
    expect(consentState(consent, '2027-01-01')).toEqual({ status: 'expired', consent });
  });

  it('[R8] a whole withdrawal makes the consent withdrawn from then on', () => {
    const whole: ConsentEvent = { ...withdrawHealth, departmentId: null };
    const consent = consentFromHistory([given, whole]);
    expect(consentState(consent, '2026-05-05')).toEqual({ status: 'withdrawn', consent, withdrawnOn: '2026-05-04' });
  });

  it('[R8] a withdrawal before any consent is ignored', () => {
    expect(consentFromHistory([{ ...withdrawHealth, version: 1 }])).toBeNull();
  });
});

describe('checkConsentValid (rule 8)', () => {
  it('[R8] CONSENT_MISSING without consent', () => {
    expect(checkConsentValid(null, '2026-02-01')).toEqual({ ok: false, code: 'CONSENT_MISSING' });
  });
  it('[R8] CONSENT_EXPIRED after the review date', () => {
    expect(checkConsentValid(consentFromHistory([given]), '2027-01-01')).toEqual({ ok: false, code: 'CONSENT_EXPIRED' });
  });
  it('[R8] CONSENT_WITHDRAWN after a whole withdrawal', () => {
    const consent = consentFromHistory([given, { ...withdrawHealth, departmentId: null }]);
    expect(checkConsentValid(consent, '2026-05-05')).toEqual({ ok: false, code: 'CONSENT_WITHDRAWN' });
  });
  it('[R8] ok with valid consent', () => {
    expect(checkConsentValid(consentFromHistory([given]), '2026-02-01')).toEqual({ ok: true });
  });
});

describe('checkMembersInScope (rule 8)', () => {
  it('[R8] a member of a department outside the scope cannot join or be invited', () => {
    const consent = consentFromHistory([given]);
    const school = { personId: 'dora', departmentId: 'dep-school' };
    expect(checkMembersInScope([...members, school], consent, '2026-02-01')).toEqual({
      ok: false,
      code: 'DEPARTMENT_OUTSIDE_CONSENT',
      departmentIds: ['dep-school'],
      personIds: ['dora'],
    });
  });
  it('[R8] a department withdrawn from the consent is outside it', () => {
    const consent = consentFromHistory([given, withdrawHealth]);
    expect(checkMembersInScope(members, consent, '2026-05-05')).toEqual({
      ok: false,
      code: 'DEPARTMENT_OUTSIDE_CONSENT',
      departmentIds: ['dep-health'],
      personIds: ['bo'],
    });
  });
  it('[R8] the whole team inside the scope is ok', () => {
    expect(checkMembersInScope(members, consentFromHistory([given]), '2026-02-01')).toEqual({ ok: true });
  });
});

describe('consentFlags (rule 8)', () => {
  const meetings = [meeting('m-planned', 'planned', ['dep-social', 'dep-health']), meeting('m-held', 'held', ['dep-health'])];

  it('[R8] after a withdrawal for one department, its members and the planned meetings inviting them are flagged', () => {
    const consent = consentFromHistory([given, withdrawHealth]);
    expect(consentFlags(consent, '2026-05-05', members, meetings)).toEqual([
      { code: 'MEMBER_NOT_COVERED', personId: 'bo', departmentId: 'dep-health' },
      { code: 'MEETING_NOT_COVERED', meetingId: 'm-planned', reason: 'DEPARTMENT_OUTSIDE_CONSENT', departmentIds: ['dep-health'] },
    ]);
  });

  it('[R8] after expiry every planned meeting is flagged', () => {
    expect(consentFlags(consentFromHistory([given]), '2027-01-01', members, meetings)).toEqual([
      { code: 'MEETING_NOT_COVERED', meetingId: 'm-planned', reason: 'CONSENT_EXPIRED', departmentIds: [] },
    ]);
  });

  it('[R8] nothing is flagged while the consent covers everyone', () => {
    expect(consentFlags(consentFromHistory([given]), '2026-02-01', members, meetings)).toEqual([]);
  });
});

describe('consentReminder (rule 8)', () => {
  const consent = consentFromHistory([given]);
  it('[R8] reminds the tovholder 30 days before the review date', () => {
    expect(consentReminder(consent, '2026-12-01')).toEqual({ due: true, reviewDate: '2026-12-31', daysLeft: 30 });
    expect(consentReminder(consent, '2026-12-31')).toEqual({ due: true, reviewDate: '2026-12-31', daysLeft: 0 });
  });
  it('[R8] no reminder earlier than 30 days, nor once expired', () => {
    expect(consentReminder(consent, '2026-11-30')).toEqual({ due: false });
    expect(consentReminder(consent, '2027-01-01')).toEqual({ due: false });
  });
});

describe('minutesConsent and audit fields (rule 8)', () => {
  it('[R8] the minutes record the covered departments at the meeting', () => {
    expect(minutesConsent(consentFromHistory([given, withdrawHealth]), '2026-05-05')).toEqual({
      status: 'valid',
      givenOn: '2026-01-10',
      form: 'written',
      departmentIds: ['dep-social', 'dep-job'],
      replacedPlans: ['handleplan-serviceloven', 'jobplan'],
      reviewDate: '2026-12-31',
    });
    expect(minutesConsent(null, '2026-05-05')).toBeNull();
  });

  it('[R8] the audit names only the changed fields', () => {
    const before = consentFromHistory([given, withdrawHealth]);
    expect(changedConsentFields(null, given)).toEqual(['givenOn', 'form', 'scope.departmentIds', 'scope.replacedPlans', 'reviewDate']);
    expect(changedConsentFields(before, renewal)).toEqual(['givenOn', 'form', 'reviewDate', 'withdrawals']);
    expect(changedConsentFields(before, withdrawHealth)).toEqual(['withdrawals']);
  });
});
