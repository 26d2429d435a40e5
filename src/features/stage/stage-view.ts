import { addDays } from '../../domain/time';
import type { AgendaItem, CitizenPlan, CitizenPosition, Decision, DecisionDraft, Department, Id, Pathway } from '../../domain/model';

/**
 * What the meeting stage may show: the citizen's plan and the decisions, in words meant for the
 * citizen. Built field by field (never by spreading a stored record) so that nothing internal
 * reaches the shared screen: no case reference, no amounts or mandates, no escalations, no
 * attendance, no staff notes (ARCHITECTURE.md, "Citizen-facing screens live on the meeting stage").
 */
export interface StageView {
  citizenName: string;
  goals: { id: Id; text: string }[];
  interventions: { id: Id; title: string; departmentName: string; status: 'planned' | 'active' | 'ended' }[];
  transitions: { id: Id; title: string; date: string }[];
  decisions: { id: Id; text: string; responsibleName: string; dueDate: string; citizenPosition: CitizenPosition }[];
}

/** Transitions further away than this are not "soon" (rule 5 puts the same 90 days on the agenda). */
const SOON_DAYS = 90;

export function toStageView(input: {
  pathway: Pathway;
  plan: CitizenPlan;
  decisions: readonly Decision[];
  departments: readonly Department[];
  today: string;
}): StageView {
  const { pathway, plan, decisions, departments, today } = input;
  const departmentName = (id: Id) => departments.find((d) => d.id === id)?.name ?? id;
  const memberName = (id: Id) => pathway.team.members.find((m) => m.personId === id)?.displayName ?? '';
  const superseded = new Set(decisions.map((d) => d.supersedes).filter((id): id is Id => id !== null));
  const horizon = addDays(today, SOON_DAYS);
  return {
    citizenName: pathway.citizen.displayName,
    goals: plan.goals.map((g) => ({ id: g.id, text: g.text })),
    interventions: plan.interventions
      .filter((i) => i.status !== 'ended')
      .map((i) => ({ id: i.id, title: i.title, departmentName: departmentName(i.departmentId), status: i.status })),
    transitions: plan.transitions
      .filter((tr) => tr.date >= today && tr.date <= horizon)
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((tr) => ({ id: tr.id, title: tr.title, date: tr.date })),
    decisions: decisions
      .filter((d) => !superseded.has(d.id))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((d) => ({
        id: d.id,
        text: d.text,
        responsibleName: memberName(d.responsibleId),
        dueDate: d.dueDate,
        citizenPosition: d.citizenPosition,
      })),
  };
}

/**
 * What the presenter put on the stage ("Det taler vi om nu"): a proposal still being typed
 * (a draft) or a decision already recorded, with the citizen's answer to "Er du enig?" as the
 * tovholder wrote it down, and/or an agenda item. Field by field, like StageView: the text and
 * the answer, never amounts, mandates, escalations or who backed it.
 */
export interface StageFocus {
  agendaItem: { id: Id; title: string } | null;
  decision: { id: Id; text: string; kind: 'proposal' | 'agreed'; citizenPosition: CitizenPosition | null } | null;
}

export function toStageFocus(input: {
  agendaItemId: Id | null;
  decisionId: Id | null;
  agenda: readonly AgendaItem[];
  decisions: readonly Decision[];
  /** The presenter's draft, when the decision is not recorded yet. */
  draft: DecisionDraft | null;
}): StageFocus | null {
  const { agendaItemId, decisionId, agenda, decisions, draft } = input;
  const item = agendaItemId === null ? undefined : agenda.find((a) => a.id === agendaItemId);
  const recorded = decisionId === null ? undefined : decisions.find((d) => d.id === decisionId);
  const proposal = decisionId !== null && draft !== null && draft.decisionId === decisionId && draft.text.trim() !== '' ? draft : null;
  const decision = recorded
    ? { id: recorded.id, text: recorded.text, kind: 'agreed' as const, citizenPosition: recorded.citizenPosition }
    : proposal
      ? { id: proposal.decisionId, text: proposal.text.trim(), kind: 'proposal' as const, citizenPosition: proposal.citizenPosition }
      : null;
  const agendaItem = item ? { id: item.id, title: item.title } : null;
  return decision === null && agendaItem === null ? null : { agendaItem, decision };
}
