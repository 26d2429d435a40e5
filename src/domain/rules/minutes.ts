import type {
  Action,
  CitizenPlan,
  Decision,
  Id,
  Instant,
  MinutesConsent,
  MinutesContent,
  MinutesPerson,
  TeamMeeting,
} from '../model';
import { standingDecisions } from './decision-mandate';

export interface MinutesInput {
  meeting: TeamMeeting;
  plan: Pick<CitizenPlan, 'goals'>;
  /** Every decision recorded in this meeting, in any order. */
  decisions: readonly Decision[];
  /** The actions those decisions created. */
  actions: readonly Action[];
  /** Display names of everyone who may be named (team, responsible people). */
  names: ReadonlyMap<Id, string>;
  /** Start of the next planned meeting of the pathway, if one is booked. */
  nextMeeting: Instant | null;
  /** Rule 8: the consent that held at the meeting (null: none was recorded). */
  consent: MinutesConsent | null;
}

/**
 * Minutes generated from the meeting (PRODUCT.md, "referat"): who was invited, who came, who
 * was missing without notice (rule 2, mødepligt); the citizen's own view first (rule 5);
 * decisions with the citizen's position and the actions they create (rule 6); escalations;
 * the next meeting; the consent that held (rule 8). Deterministic: the same meeting and decisions give the same minutes, in the
 * same order, whatever order the store returned them in.
 */
export function generateMinutes(input: MinutesInput): MinutesContent {
  const { meeting, plan, names, nextMeeting } = input;
  const byId = (a: { id: Id }, b: { id: Id }) => a.id.localeCompare(b.id);
  const sortedDecisions = [...input.decisions]
    .filter((d) => d.meetingId === meeting.id)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || byId(a, b));
  const decisions = standingDecisions(sortedDecisions);
  const decisionIds = new Set(decisions.map((d) => d.id));
  const order = new Map(decisions.map((d, i) => [d.id, i]));
  const actions = input.actions
    .filter((a) => decisionIds.has(a.decisionId))
    .sort((a, b) => (order.get(a.decisionId) ?? 0) - (order.get(b.decisionId) ?? 0) || byId(a, b));

  const records = new Map(meeting.attendance.map((r) => [r.personId, r]));
  const invited: MinutesPerson[] = meeting.requiredAttendees.map((a) => ({
    personId: a.personId,
    displayName: a.displayName,
    departmentId: a.departmentId,
  }));
  const present = invited.filter((p) => records.get(p.personId)?.present === true);
  const absentWithNotice = invited.filter((p) => {
    const r = records.get(p.personId);
    return r !== undefined && !r.present && r.notice;
  });
  const absentWithoutNotice = invited.filter((p) => {
    const r = records.get(p.personId);
    return r === undefined || (!r.present && !r.notice);
  });
  const goals = new Map(plan.goals.map((g) => [g.id, g.text]));
  const name = (id: Id) => names.get(id) ?? id;

  return {
    meetingStart: meeting.start,
    citizenInvitation: meeting.citizenInvitation,
    citizenPresent: meeting.citizenPresent,
    invited,
    present,
    absentWithNotice,
    absentWithoutNotice,
    citizenView: meeting.citizenView.trim(),
    decisions: decisions.map((d) => ({
      decisionId: d.id,
      text: d.text,
      goalText: d.goalId ? (goals.get(d.goalId) ?? null) : null,
      departmentIds: d.commitments.map((c) => c.departmentId),
      responsibleName: name(d.responsibleId),
      dueDate: d.dueDate,
      citizenPosition: d.citizenPosition,
      escalated: d.status === 'requires-leader-follow-up',
      supersedes: d.supersedes,
    })),
    actions: actions.map((a) => ({ actionId: a.id, title: a.title, ownerName: name(a.ownerId), dueDate: a.dueDate })),
    escalations: decisions.flatMap((d) =>
      d.escalations.map((e) => ({ decisionId: d.id, code: e.code, departmentId: e.departmentId })),
    ),
    nextMeeting,
    consent: input.consent,
  };
}
