import type { AgendaItem, CitizenPlan, DateOnly } from '../model';
import { OK, fail, type RuleResult } from '../result';
import { daysBetween } from '../time';

/** Transitions this close to the meeting go on the agenda automatically (rule 5). */
export const TRANSITION_HORIZON_DAYS = 90;

/**
 * Rule 5, "start with the citizen": every agenda opens with "Borgerens perspektiv", then the
 * citizen's goals, then the transitions due within 90 days of the meeting. `extra` items
 * (typed by the coordinator) follow.
 */
export function buildAgenda(
  plan: Pick<CitizenPlan, 'goals' | 'transitions'>,
  meetingDate: DateOnly,
  newId: () => string,
  extra: readonly string[] = [],
): AgendaItem[] {
  const items: AgendaItem[] = [
    { id: newId(), kind: 'citizen-perspective', title: 'Borgerens perspektiv', refId: null },
  ];
  for (const goal of plan.goals) items.push({ id: newId(), kind: 'goal', title: goal.text, refId: goal.id });
  const due = plan.transitions
    .filter((t) => {
      const days = daysBetween(meetingDate, t.date);
      return days >= 0 && days <= TRANSITION_HORIZON_DAYS;
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  for (const t of due) items.push({ id: newId(), kind: 'transition', title: t.title, refId: t.id });
  for (const title of extra.map((e) => e.trim()).filter((e) => e.length > 0)) {
    items.push({ id: newId(), kind: 'other', title, refId: null });
  }
  return items;
}

/** Rule 5 on an agenda as it stands: the citizen's perspective first, then every goal. */
export function checkAgenda(
  agenda: readonly AgendaItem[],
  plan: Pick<CitizenPlan, 'goals'>,
): RuleResult {
  if (agenda[0]?.kind !== 'citizen-perspective') return fail({ code: 'AGENDA_NOT_CITIZEN_FIRST' });
  const goalIds = agenda.slice(1, 1 + plan.goals.length).map((a) => (a.kind === 'goal' ? a.refId : null));
  const allGoalsNext = plan.goals.every((g) => goalIds.includes(g.id));
  return allGoalsNext ? OK : fail({ code: 'AGENDA_NOT_CITIZEN_FIRST' });
}
