import type { CitizenPlan, Consent, Id, Instant, MinutesContent, MinutesPerson, Pathway } from '../../domain/model';
import type { Formatters } from '../../ui/i18n';
import type { Strings } from '../../ui/strings/da';
import { redactCpr } from './redact';

/** One block of a filed document: the PDF and the Word builders render the same list. */
export type DocBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; emphasis?: 'quote' | 'meta' }
  | { kind: 'bullet'; text: string };

/** The plan with the minutes, ready to render: title, subject and blocks in reading order. */
export interface PlanDocument {
  title: string;
  /** Citizen initials and case reference: what the case system files it under (never a CPR number). */
  subject: string;
  language: 'da' | 'en';
  blocks: DocBlock[];
}

export interface PlanDocumentInput {
  pathway: Pick<Pathway, 'citizen' | 'team' | 'coordinatorId'>;
  plan: CitizenPlan;
  consent: Consent | null;
  minutes: MinutesContent;
  generatedAt: Instant;
}

export interface PlanDocumentOptions {
  t: Strings;
  fmt: Pick<Formatters, 'date' | 'dateTime' | 'weekdayDateTime' | 'amount'>;
  language: 'da' | 'en';
  departmentName: (id: Id) => string;
}

/**
 * The citizen's plan (goals in the citizen's own words, interventions, transitions, team and
 * mandates, consent) followed by the minutes of one meeting (citizen's view first, attendance,
 * decisions, actions, escalations, next meeting), for filing in the municipality's case system.
 * Pure and deterministic: the same input gives the same blocks. The citizen is named by
 * initials and case reference only, and every free text is passed through `redactCpr`.
 */
export function planDocument(input: PlanDocumentInput, options: PlanDocumentOptions): PlanDocument {
  const { t, fmt, departmentName } = options;
  const d = t.export.doc;
  const clean = (text: string) => redactCpr(text, t.export.cprRemoved);
  const { citizen, team } = input.pathway;
  const { plan, consent, minutes } = input;
  const blocks: DocBlock[] = [];
  const h = (level: 1 | 2 | 3, text: string) => blocks.push({ kind: 'heading', level, text: clean(text) });
  const p = (text: string, emphasis?: 'quote' | 'meta') => blocks.push(emphasis ? { kind: 'paragraph', text: clean(text), emphasis } : { kind: 'paragraph', text: clean(text) });
  const li = (text: string) => blocks.push({ kind: 'bullet', text: clean(text) });
  const subject = d.subtitle(citizen.initials, citizen.caseRef);

  h(1, d.title);
  p(subject, 'meta');
  p(d.generated(fmt.dateTime(input.generatedAt)), 'meta');

  h(2, d.planHeading);
  p(d.planVersion(plan.version, fmt.date(plan.updatedAt)), 'meta');
  h(3, d.goalsHeading);
  if (plan.goals.length === 0) p(d.goalsEmpty);
  const quote = (text: string) => (options.language === 'da' ? `„${text}“` : `“${text}”`);
  for (const g of plan.goals) p(quote(g.text), 'quote');

  h(3, d.interventionsHeading);
  if (plan.interventions.length === 0) p(d.interventionsEmpty);
  for (const i of plan.interventions) {
    const to = i.endDate === null ? null : fmt.date(i.endDate);
    li(`${i.title}: ${d.intervention(departmentName(i.departmentId), t.pathways.interventionStatus[i.status], fmt.date(i.startDate), to)}`);
  }

  h(3, d.transitionsHeading);
  if (plan.transitions.length === 0) p(d.transitionsEmpty);
  for (const tr of [...plan.transitions].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))) {
    li(`${fmt.date(tr.date)}: ${tr.title} (${tr.departmentIds.map(departmentName).join(', ')})`);
  }

  h(3, d.teamHeading);
  if (team.members.length === 0) p(d.teamEmpty);
  for (const m of team.members) {
    const role = m.role === 'coordinator' ? d.coordinator : d.member;
    const mandate = m.mandate === null ? d.noMandate : d.mandate(m.mandate.description, fmt.amount(m.mandate.maxAmountDkk));
    li(`${m.displayName}, ${departmentName(m.departmentId)} (${role}): ${mandate}`);
  }

  h(3, d.consentHeading);
  if (consent === null) p(d.consentMissing);
  else {
    p(d.consentLine(fmt.date(consent.givenOn), t.consent.form[consent.form].toLocaleLowerCase(options.language), fmt.date(consent.reviewDate)));
    li(`${t.consent.scope}: ${consent.scope.departmentIds.map(departmentName).join(', ')}`);
    const replaced = consent.scope.replacedPlans.map((r) => t.consent.replacedPlan[r]);
    li(`${t.consent.replacedPlans}: ${replaced.length === 0 ? t.consent.noReplacedPlans : replaced.join(', ')}`);
    for (const w of consent.withdrawals) {
      li(d.consentWithdrawn(fmt.date(w.withdrawnOn), w.departmentId === null ? d.consentWhole : departmentName(w.departmentId)));
    }
  }

  appendMinutes(minutes, options, { h, p, li });
  return { title: d.title, subject, language: options.language, blocks };
}

function appendMinutes(
  m: MinutesContent,
  options: PlanDocumentOptions,
  put: { h: (level: 1 | 2 | 3, text: string) => void; p: (text: string, emphasis?: 'quote' | 'meta') => void; li: (text: string) => void },
): void {
  const { t, fmt, departmentName } = options;
  const { h, p, li } = put;
  const people = (list: readonly MinutesPerson[]) =>
    list.length === 0 ? t.minutes.nobody : list.map((x) => `${x.displayName} (${departmentName(x.departmentId)})`).join(', ');

  h(2, t.export.doc.minutesHeading(fmt.date(m.meetingStart)));
  li(`${t.minutes.date}: ${fmt.weekdayDateTime(m.meetingStart)}`);
  li(`${t.minutes.citizenInvitedBy}: ${t.minutes.citizenInvitation[m.citizenInvitation.mode]}`);
  li(`${t.minutes.citizenAttendance}: ${m.citizenPresent === null ? t.minutes.citizenUnknown : m.citizenPresent ? t.minutes.citizenPresent : t.minutes.citizenAbsent}`);

  // Rule 5: the citizen's own view comes first in the minutes.
  h(3, t.minutes.citizenViewHeading);
  p(m.citizenView === '' ? t.minutes.citizenViewEmpty : m.citizenView, m.citizenView === '' ? undefined : 'quote');

  h(3, t.minutes.attendanceHeading);
  li(`${t.minutes.invited}: ${people(m.invited)}`);
  li(`${t.minutes.present}: ${people(m.present)}`);
  li(`${t.minutes.absentWithNotice}: ${people(m.absentWithNotice)}`);
  li(`${t.minutes.absentWithoutNotice}: ${people(m.absentWithoutNotice)}`);

  h(3, t.minutes.decisionsHeading);
  if (m.decisions.length === 0) p(t.minutes.decisionsEmpty);
  for (const dec of m.decisions) {
    li(dec.text);
    const line = t.export.doc.decisionLine(
      dec.departmentIds.map(departmentName).join(', '),
      dec.responsibleName,
      fmt.date(dec.dueDate),
      t.citizenPosition[dec.citizenPosition],
    );
    p(dec.goalText === null ? line : `${t.minutes.goal}: ${dec.goalText}. ${line}`, 'meta');
  }

  h(3, t.minutes.actionsHeading);
  if (m.actions.length === 0) p(t.minutes.actionsEmpty);
  for (const a of m.actions) li(`${a.title} (${t.minutes.actionMeta(a.ownerName, fmt.date(a.dueDate))})`);

  h(3, t.minutes.escalationsHeading);
  if (m.escalations.length === 0) p(t.minutes.escalationsEmpty);
  const textOf = new Map(m.decisions.map((x) => [x.decisionId, x.text]));
  for (const e of m.escalations) li(`${textOf.get(e.decisionId) ?? e.decisionId}: ${t.escalation[e.code](departmentName(e.departmentId))}`);

  h(3, t.minutes.nextMeetingHeading);
  p(m.nextMeeting === null ? t.minutes.noNextMeeting : fmt.weekdayDateTime(m.nextMeeting));
}
