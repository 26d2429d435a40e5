import type { EscalationCode, Id } from './model';

/**
 * Everything the rules can object to. The UI maps each `code` to Danish and English text
 * (src/ui/strings); rules never return bare booleans or strings (STYLE.md statement 5).
 */
export type SensitiveKind = 'cpr' | 'health' | 'social' | 'citizen-name' | 'contact';
export type CalendarField = 'subject' | 'body' | 'location';

export type Violation =
  /** R1: the citizen is neither invited by e-mail nor recorded as attending in person/by phone. */
  | { code: 'CITIZEN_NOT_INVITED' }
  /** R2: team members missing from the required attendees (or made optional). */
  | { code: 'MEMBER_NOT_REQUIRED'; personIds: Id[] }
  /** R3: the time lies outside every meeting window and no reason was given. */
  | { code: 'OUTSIDE_MEETING_WINDOW' }
  /** R4: a calendar field contains a CPR number or other sensitive text. */
  | { code: 'SENSITIVE_DATA_IN_CALENDAR'; field: CalendarField; kinds: SensitiveKind[] }
  /** R5: the agenda does not start with the citizen's perspective and goals. */
  | { code: 'AGENDA_NOT_CITIZEN_FIRST' }
  /** Booking input that no rule allows: end before start, no team. */
  | { code: 'INVALID_TIME' }
  | { code: 'TEAM_EMPTY' }
  /** R6: the citizen's position must be recorded for every decision. */
  | { code: 'CITIZEN_POSITION_MISSING' }
  | { code: 'PATHWAY_CLOSED' }
  /** R8: no consent has been recorded for the pathway. */
  | { code: 'CONSENT_MISSING' }
  /** R8: the consent's review date has passed without renewal. */
  | { code: 'CONSENT_EXPIRED' }
  /** R8: the citizen withdrew the whole consent. */
  | { code: 'CONSENT_WITHDRAWN' }
  /** R8: team members whose department lies outside the consent's scope (or was withdrawn). */
  | { code: 'DEPARTMENT_OUTSIDE_CONSENT'; departmentIds: Id[]; personIds: Id[] };

export type ViolationCode = Violation['code'];

export type RuleResult<V extends Violation = Violation> = { ok: true } | ({ ok: false } & V);

export type Validation = { ok: true } | { ok: false; violations: Violation[] };

export const OK = { ok: true } as const;

export function fail<V extends Violation>(violation: V): { ok: false } & V {
  return { ok: false, ...violation };
}

/** Collects the failed rule results into one validation. */
export function collect(results: readonly RuleResult[]): Validation {
  const violations: Violation[] = [];
  for (const r of results) {
    if (!r.ok) {
      const { ok: _ok, ...violation } = r;
      violations.push(violation as Violation);
    }
  }
  return violations.length === 0 ? OK : { ok: false, violations };
}

/** R6: why a decision needs leader follow-up, per department. */
export interface EscalationFinding {
  code: EscalationCode;
  departmentId: Id;
  /** For MANDATE_EXCEEDED: the largest amount a present holder may commit. */
  limitDkk: number | null;
  amountDkk: number;
}
