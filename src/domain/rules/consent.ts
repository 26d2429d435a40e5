import type {
  Consent,
  ConsentEvent,
  DateOnly,
  Id,
  Instant,
  MinutesConsent,
  TeamMeeting,
  TeamMember,
} from '../model';
import { OK, fail, type RuleResult } from '../result';
import { daysBetween } from '../time';

/**
 * Rule 8, consent first (PRODUCT.md): the one plan and the sharing between departments rest on
 * the citizen's consent. A helhedsorienteret plan may replace the sector plans only with it (lov
 * om en aktiv beskæftigelsesindsats § 30 b, sygedagpengeloven § 13 e).
 */

/** The tovholder is reminded this many days before the review date. */
export const CONSENT_REMINDER_DAYS = 30;

/**
 * The consent after the events of `history` (any order; folded by version). A renewal replaces
 * the scope and the review date and ends earlier withdrawals; a withdrawal before any consent
 * is ignored (the store refuses to append one). Null: no consent was ever given.
 */
export function consentFromHistory(history: readonly ConsentEvent[]): Consent | null {
  const events = [...history].sort((a, b) => a.version - b.version);
  let consent: Consent | null = null;
  for (const e of events) {
    if (e.kind === 'given' || e.kind === 'renewed') {
      consent = {
        pathwayId: e.pathwayId,
        givenOn: e.grant.givenOn,
        form: e.grant.form,
        recordedBy: e.recordedBy,
        scope: { departmentIds: [...e.grant.scope.departmentIds], replacedPlans: [...e.grant.scope.replacedPlans] },
        reviewDate: e.grant.reviewDate,
        withdrawals: [],
        version: e.version,
      };
    } else if (consent !== null) {
      const before: Consent = consent;
      consent = {
        ...before,
        withdrawals: [
          ...before.withdrawals,
          { departmentId: e.departmentId, withdrawnOn: e.withdrawnOn, recordedBy: e.recordedBy },
        ],
        version: e.version,
      };
    }
  }
  return consent;
}

/** The consent as it held at `instant`: the fold of the events recorded up to then. */
export function consentAsOf(history: readonly ConsentEvent[], instant: Instant): Consent | null {
  const at = Date.parse(instant);
  return consentFromHistory(history.filter((e) => Date.parse(e.recordedAt) <= at));
}

export type ConsentState =
  | { status: 'missing' }
  | { status: 'withdrawn'; consent: Consent; withdrawnOn: DateOnly }
  | { status: 'expired'; consent: Consent }
  | {
      status: 'valid';
      consent: Consent;
      /** The scope's departments minus those withdrawn. */
      coveredDepartmentIds: Id[];
      daysToReview: number;
      /** Rule 8: remind the tovholder within 30 days of the review date. */
      reviewSoon: boolean;
    };

/** Where the consent stands on `today` (a calendar day in the municipality's time zone). */
export function consentState(consent: Consent | null, today: DateOnly): ConsentState {
  if (consent === null) return { status: 'missing' };
  const whole = consent.withdrawals.find((w) => w.departmentId === null);
  if (whole !== undefined) return { status: 'withdrawn', consent, withdrawnOn: whole.withdrawnOn };
  // The review date is the last day the consent holds.
  if (today > consent.reviewDate) return { status: 'expired', consent };
  const withdrawn = new Set(consent.withdrawals.map((w) => w.departmentId));
  const daysToReview = daysBetween(today, consent.reviewDate);
  return {
    status: 'valid',
    consent,
    coveredDepartmentIds: consent.scope.departmentIds.filter((d) => !withdrawn.has(d)),
    daysToReview,
    reviewSoon: daysToReview <= CONSENT_REMINDER_DAYS,
  };
}

/** The departments that may share and take part today (none unless the consent is valid). */
export function coveredDepartments(consent: Consent | null, today: DateOnly): Id[] {
  const state = consentState(consent, today);
  return state.status === 'valid' ? state.coveredDepartmentIds : [];
}

export type ConsentValidityViolation =
  | { code: 'CONSENT_MISSING' }
  | { code: 'CONSENT_EXPIRED' }
  | { code: 'CONSENT_WITHDRAWN' };

/** [R8] A team meeting may be booked, and the plan shared, only with valid consent. */
export function checkConsentValid(consent: Consent | null, today: DateOnly): RuleResult<ConsentValidityViolation> {
  const state = consentState(consent, today);
  switch (state.status) {
    case 'missing':
      return fail({ code: 'CONSENT_MISSING' });
    case 'withdrawn':
      return fail({ code: 'CONSENT_WITHDRAWN' });
    case 'expired':
      return fail({ code: 'CONSENT_EXPIRED' });
    case 'valid':
      return OK;
  }
}

export type OutsideConsentViolation = { code: 'DEPARTMENT_OUTSIDE_CONSENT'; departmentIds: Id[]; personIds: Id[] };

/**
 * [R8] No department outside the consent's scope (or withdrawn from it) joins the team or is
 * invited. Checks the members against the covered departments; with no valid consent, use
 * `checkConsentValid` first (this rule then reports nobody: there is no scope to be outside of).
 */
export function checkMembersInScope(
  members: readonly Pick<TeamMember, 'personId' | 'departmentId'>[],
  consent: Consent | null,
  today: DateOnly,
): RuleResult<OutsideConsentViolation> {
  const state = consentState(consent, today);
  if (state.status !== 'valid') return OK;
  const covered = new Set(state.coveredDepartmentIds);
  const outside = members.filter((m) => !covered.has(m.departmentId));
  if (outside.length === 0) return OK;
  return fail({
    code: 'DEPARTMENT_OUTSIDE_CONSENT',
    departmentIds: [...new Set(outside.map((m) => m.departmentId))],
    personIds: outside.map((m) => m.personId),
  });
}

/** A planned meeting or a team member the consent no longer covers, to show the tovholder at once. */
export type ConsentFlag =
  | { code: 'MEMBER_NOT_COVERED'; personId: Id; departmentId: Id }
  | {
      code: 'MEETING_NOT_COVERED';
      meetingId: Id;
      /** Why: the consent as a whole, or the departments of invited members it no longer covers. */
      reason: ConsentValidityViolation['code'] | 'DEPARTMENT_OUTSIDE_CONSENT';
      departmentIds: Id[];
    };

/**
 * [R8] After a withdrawal or expiry: the team members and the planned meetings the consent no
 * longer covers. Members are flagged only while the consent otherwise holds (a missing, expired
 * or withdrawn consent flags every planned meeting instead).
 */
export function consentFlags(
  consent: Consent | null,
  today: DateOnly,
  members: readonly Pick<TeamMember, 'personId' | 'departmentId'>[],
  meetings: readonly Pick<TeamMeeting, 'id' | 'status' | 'requiredAttendees'>[],
): ConsentFlag[] {
  const planned = meetings.filter((m) => m.status === 'planned');
  const validity = checkConsentValid(consent, today);
  if (!validity.ok) {
    return planned.map((m) => ({ code: 'MEETING_NOT_COVERED', meetingId: m.id, reason: validity.code, departmentIds: [] }));
  }
  const covered = new Set(coveredDepartments(consent, today));
  const flags: ConsentFlag[] = members
    .filter((m) => !covered.has(m.departmentId))
    .map((m) => ({ code: 'MEMBER_NOT_COVERED', personId: m.personId, departmentId: m.departmentId }));
  for (const m of planned) {
    const outside = [...new Set(m.requiredAttendees.map((a) => a.departmentId).filter((d) => !covered.has(d)))];
    if (outside.length > 0) {
      flags.push({ code: 'MEETING_NOT_COVERED', meetingId: m.id, reason: 'DEPARTMENT_OUTSIDE_CONSENT', departmentIds: outside });
    }
  }
  return flags;
}

/** [R8] The reminder 30 days before the review date (none when not valid: that is a flag instead). */
export type ConsentReminder = { due: false } | { due: true; reviewDate: DateOnly; daysLeft: number };

export function consentReminder(consent: Consent | null, today: DateOnly): ConsentReminder {
  const state = consentState(consent, today);
  if (state.status !== 'valid' || !state.reviewSoon) return { due: false };
  return { due: true, reviewDate: state.consent.reviewDate, daysLeft: state.daysToReview };
}

/** [R8] The consent that held at a meeting, as the minutes record it. */
export function minutesConsent(consent: Consent | null, meetingDay: DateOnly): MinutesConsent | null {
  const state = consentState(consent, meetingDay);
  if (state.status === 'missing') return null;
  const c = state.consent;
  return {
    status: state.status,
    givenOn: c.givenOn,
    form: c.form,
    departmentIds: state.status === 'valid' ? state.coveredDepartmentIds : [],
    replacedPlans: [...c.scope.replacedPlans],
    reviewDate: c.reviewDate,
  };
}

/**
 * The names of the fields an event changes, for the audit trail (who, when, what changed; no
 * content). Compares with the consent before the event.
 */
export function changedConsentFields(before: Consent | null, event: ConsentEvent): string[] {
  if (event.kind === 'withdrawn') return ['withdrawals'];
  if (before === null) return ['givenOn', 'form', 'scope.departmentIds', 'scope.replacedPlans', 'reviewDate'];
  const g = event.grant;
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
  const fields: string[] = [];
  if (g.givenOn !== before.givenOn) fields.push('givenOn');
  if (g.form !== before.form) fields.push('form');
  if (!same(g.scope.departmentIds, before.scope.departmentIds)) fields.push('scope.departmentIds');
  if (!same(g.scope.replacedPlans, before.scope.replacedPlans)) fields.push('scope.replacedPlans');
  if (g.reviewDate !== before.reviewDate) fields.push('reviewDate');
  if (before.withdrawals.length > 0) fields.push('withdrawals');
  return fields;
}
