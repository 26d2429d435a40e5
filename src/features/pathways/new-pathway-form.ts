import type { z } from 'zod';
import type { NewPathway } from '../../application/pathways';
import {
  CitizenSchema,
  GoalSchema,
  TeamMemberSchema,
  type AttendanceMode,
  type Citizen,
  type Person,
  type TeamMember,
  type TeamRole,
} from '../../domain/model';
import { containsCpr } from '../../domain/rules/sensitive-data';

/**
 * The new-pathway form as typed, and its check against the domain's schemas (STYLE.md
 * statement 7: form input is parsed with a schema). Errors are codes; the screen maps them to
 * Danish or English text.
 */

export interface CitizenForm {
  displayName: string;
  initials: string;
  caseRef: string;
  email: string;
  phone: string;
  attendance: AttendanceMode;
  /** One goal per line, in the citizen's own words. */
  goals: string;
}

export type CitizenField = keyof CitizenForm;

export interface MemberForm {
  person: Pick<Person, 'id' | 'displayName' | 'email' | 'jobTitle'>;
  role: TeamRole;
  /** '' until a department is chosen. */
  departmentId: string;
  hasMandate: boolean;
  mandateDescription: string;
  /** As typed in the number field. */
  mandateMax: string;
}

export type MemberField = 'departmentId' | 'mandateDescription' | 'mandateMax';

export type FieldError =
  | { code: 'required' }
  | { code: 'too-long'; max: number }
  | { code: 'cpr' }
  | { code: 'cpr-text' }
  | { code: 'email' }
  | { code: 'email-for-teams' }
  | { code: 'goals' }
  | { code: 'amount' }
  | { code: 'department' };

export interface FormErrors {
  citizen: Partial<Record<CitizenField, FieldError>>;
  /** By person id. */
  members: Record<string, Partial<Record<MemberField, FieldError>>>;
}

export type FormResult = { ok: true; value: NewPathway } | { ok: false; errors: FormErrors };

export function emptyCitizenForm(): CitizenForm {
  return { displayName: '', initials: '', caseRef: '', email: '', phone: '', attendance: 'teams', goals: '' };
}

export function memberFormFor(person: Person, role: TeamRole): MemberForm {
  return {
    person: { id: person.id, displayName: person.displayName, email: person.email, jobTitle: person.jobTitle },
    role,
    departmentId: person.departmentId ?? '',
    hasMandate: false,
    mandateDescription: '',
    mandateMax: '0',
  };
}

/** The goals as separate lines, trimmed, without empty lines. */
export function goalLines(goals: string): string[] {
  return goals
    .split(/\r?\n/)
    .map((g) => g.trim())
    .filter((g) => g.length > 0);
}

function fromIssue(issue: z.core.$ZodIssue): FieldError {
  switch (issue.code) {
    case 'too_big':
      return { code: 'too-long', max: Number(issue.maximum) };
    case 'invalid_format':
      return issue.format === 'email' ? { code: 'email' } : { code: 'required' };
    default:
      return { code: 'required' };
  }
}

function citizenErrors(form: CitizenForm): { citizen: Citizen | null; errors: FormErrors['citizen'] } {
  const candidate = {
    displayName: form.displayName.trim(),
    initials: form.initials.trim(),
    caseRef: form.caseRef.trim(),
    email: form.email.trim() === '' ? null : form.email.trim(),
    phone: form.phone.trim() === '' ? null : form.phone.trim(),
    attendance: form.attendance,
  };
  const errors: FormErrors['citizen'] = {};
  const parsed = CitizenSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && field in form && !errors[field as CitizenField]) {
        errors[field as CitizenField] = fromIssue(issue);
      }
    }
  }
  // PRODUCT.md: no CPR number is ever stored; the case reference is where people type one.
  if (containsCpr(candidate.caseRef)) errors.caseRef = { code: 'cpr' };
  if (containsCpr(candidate.displayName)) errors.displayName = { code: 'cpr-text' };
  if (containsCpr(candidate.initials)) errors.initials = { code: 'cpr-text' };
  if (candidate.attendance === 'teams' && candidate.email === null) errors.email = { code: 'email-for-teams' };
  return { citizen: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null, errors };
}

function goalErrors(form: CitizenForm): FieldError | null {
  const goals = goalLines(form.goals);
  if (goals.length === 0) return { code: 'goals' };
  if (goals.some(containsCpr)) return { code: 'cpr-text' };
  const max = GoalSchema.shape.text.maxLength ?? Infinity;
  return goals.some((g) => g.length > max) ? { code: 'too-long', max } : null;
}

function memberErrors(m: MemberForm): { member: TeamMember | null; errors: Partial<Record<MemberField, FieldError>> } {
  const errors: Partial<Record<MemberField, FieldError>> = {};
  const amountText = m.mandateMax.trim();
  const amountOk = /^\d+$/.test(amountText);
  const candidate = {
    personId: m.person.id,
    displayName: m.person.displayName,
    email: m.person.email,
    departmentId: m.departmentId,
    role: m.role,
    mandate: m.hasMandate
      ? { departmentId: m.departmentId, description: m.mandateDescription.trim(), maxAmountDkk: amountOk ? Number(amountText) : -1 }
      : null,
  };
  const parsed = TeamMemberSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, second] = issue.path;
      if (first === 'departmentId') errors.departmentId = { code: 'department' };
      else if (first === 'mandate' && second === 'description') errors.mandateDescription ??= fromIssue(issue);
      else if (first === 'mandate' && second === 'maxAmountDkk') errors.mandateMax = { code: 'amount' };
    }
  }
  if (m.hasMandate && containsCpr(candidate.mandate?.description ?? '')) errors.mandateDescription = { code: 'cpr-text' };
  return { member: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null, errors };
}

/** Checks the whole form; on success returns the input of `createPathway`. */
export function validateNewPathway(form: CitizenForm, members: readonly MemberForm[]): FormResult {
  const { citizen, errors } = citizenErrors(form);
  const goals = goalErrors(form);
  if (goals) errors.goals = goals;
  const team: TeamMember[] = [];
  const memberErrs: FormErrors['members'] = {};
  for (const m of members) {
    const r = memberErrors(m);
    if (r.member) team.push(r.member);
    if (Object.keys(r.errors).length > 0) memberErrs[m.person.id] = r.errors;
  }
  if (!citizen || goals || Object.keys(memberErrs).length > 0) {
    return { ok: false, errors: { citizen: errors, members: memberErrs } };
  }
  return { ok: true, value: { citizen, team, goals: goalLines(form.goals) } };
}
