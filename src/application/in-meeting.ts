import {
  ActionSchema,
  DecisionSchema,
  type Action,
  type AttendanceRecord,
  type CitizenPosition,
  type Commitment,
  type DateOnly,
  type Decision,
  type DecisionDraft,
  type Id,
  type TeamMeeting,
} from '../domain/model';
import type { Violation } from '../domain/result';
import { checkConsentValid, checkMembersInScope } from '../domain/rules/consent';
import { assessMandate, checkCitizenPosition, type MandateAssessment } from '../domain/rules/decision-mandate';
import type { NotifyOutcome } from '../ports/notifier';
import { NotFoundError } from '../ports/plan-store';
import { todayFor } from './consent';
import { RuleViolationError } from './errors';
import { requirePathway } from './pathways';
import type { Services } from './services';

export async function requireMeeting(s: Services, id: Id): Promise<TeamMeeting> {
  const m = await s.store.getMeeting(id);
  if (!m) throw new NotFoundError('meeting', id);
  return m;
}

/**
 * The meeting a change in the meeting builds on: as stored, or, when the store cannot be reached
 * just now (`WriteStatus.isTransient`: no connection in the middle of a meeting), the meeting the
 * screen shows. The change then goes to the outbox and is sent when the connection is back,
 * instead of being refused (rule 7: what is captured in the meeting survives a lost connection).
 */
async function meetingToChange(s: Services, meetingId: Id, shown: TeamMeeting | undefined): Promise<TeamMeeting> {
  try {
    return await requireMeeting(s, meetingId);
  } catch (error) {
    if (shown !== undefined && shown.id === meetingId && s.writeStatus?.isTransient(error) === true) return shown;
    throw error;
  }
}

/**
 * Records who is present (rule 2: mødepligt) and whether the citizen is; the meeting is then
 * held. `shown`: the meeting on screen, used when the stored one cannot be read (offline).
 */
export async function checkIn(
  s: Services,
  meetingId: Id,
  attendance: AttendanceRecord[],
  citizenPresent: boolean | null,
  shown?: TeamMeeting,
): Promise<TeamMeeting> {
  const meeting = await meetingToChange(s, meetingId, shown);
  const updated: TeamMeeting = {
    ...meeting,
    attendance,
    citizenPresent,
    status: meeting.status === 'planned' ? 'held' : meeting.status,
  };
  await s.store.saveMeeting(updated);
  return updated;
}

/** The citizen's own view of their situation, noted first in the meeting (rule 5). `shown`: as for checkIn. */
export async function saveCitizenView(s: Services, meetingId: Id, text: string, shown?: TeamMeeting): Promise<TeamMeeting> {
  const meeting = await meetingToChange(s, meetingId, shown);
  const updated = { ...meeting, citizenView: text };
  await s.store.saveMeeting(updated);
  return updated;
}

export interface DecisionInput {
  /** Generated when the draft starts, so a retry after a crash stores the decision once. */
  decisionId: Id;
  meetingId: Id;
  text: string;
  goalId: Id | null;
  commitments: Commitment[];
  responsibleId: Id;
  dueDate: DateOnly;
  citizenPosition: CitizenPosition | null;
  /** A correction names the decision it replaces (decisions are never edited in place). */
  supersedes: Id | null;
}

/** What rule 6 will make of the decision, before it is saved (shown in the form). */
export async function assessDecision(
  s: Services,
  meetingId: Id,
  commitments: readonly Commitment[],
): Promise<MandateAssessment> {
  const meeting = await requireMeeting(s, meetingId);
  const pathway = await requirePathway(s, meeting.pathwayId);
  return assessMandate(commitments, pathway.team.members, presentIds(meeting));
}

function presentIds(meeting: TeamMeeting): Set<Id> {
  return new Set(meeting.attendance.filter((r) => r.present).map((r) => r.personId));
}

/**
 * Records a joint decision and the action it creates. Rule 6: the citizen's position is
 * required, and a decision beyond a present mandate is stored as an escalation. Rule 7:
 * append-only and idempotent on `decisionId`. Rule 8: refused without valid consent, or when
 * it commits a department the consent no longer covers. Other participants are told to re-read.
 */
export async function recordDecision(
  s: Services,
  input: DecisionInput,
): Promise<{ decision: Decision; action: Action; notification?: NotifyOutcome | null }> {
  const position = checkCitizenPosition(input.citizenPosition);
  if (!position.ok) {
    const { ok: _ok, ...v } = position;
    throw new RuleViolationError([v as Violation]);
  }
  const meeting = await requireMeeting(s, input.meetingId);
  const pathway = await requirePathway(s, meeting.pathwayId);
  const me = await s.directory.me();
  const assessment = assessMandate(input.commitments, pathway.team.members, presentIds(meeting));
  const existing = (await s.store.listDecisions({ meetingId: meeting.id })).find((d) => d.id === input.decisionId);
  if (existing) {
    const action = (await s.store.listActions({ decisionIds: [existing.id] }))[0];
    if (action) return { decision: existing, action };
  }
  // Rule 8: nothing new is shared with a department the consent no longer covers.
  const consent = await s.store.getConsent(pathway.id);
  const today = await todayFor(s);
  const validity = checkConsentValid(consent, today);
  if (!validity.ok) throw new RuleViolationError([{ code: validity.code }]);
  const committed = [...new Set(input.commitments.map((c) => c.departmentId))];
  const scope = checkMembersInScope(
    committed.map((departmentId) => ({ personId: departmentId, departmentId })),
    consent,
    today,
  );
  if (!scope.ok) {
    const outside = new Set(scope.departmentIds);
    throw new RuleViolationError([
      {
        code: 'DEPARTMENT_OUTSIDE_CONSENT',
        departmentIds: scope.departmentIds,
        personIds: pathway.team.members.filter((m) => outside.has(m.departmentId)).map((m) => m.personId),
      },
    ]);
  }
  const decision = DecisionSchema.parse({
    id: input.decisionId,
    pathwayId: pathway.id,
    meetingId: meeting.id,
    text: input.text.trim(),
    goalId: input.goalId,
    commitments: input.commitments,
    backedBy: assessment.backedBy,
    responsibleId: input.responsibleId,
    dueDate: input.dueDate,
    citizenPosition: input.citizenPosition,
    status: assessment.status,
    escalations: assessment.escalations,
    supersedes: input.supersedes,
    createdAt: s.clock.now().toISOString(),
    createdBy: me.id,
  });
  const action = ActionSchema.parse({
    id: `${decision.id}:action`,
    pathwayId: pathway.id,
    decisionId: decision.id,
    title: decision.text,
    ownerId: decision.responsibleId,
    dueDate: decision.dueDate,
    status: 'open',
  });
  await s.store.appendDecisions([decision], [action]);
  await s.store.deleteDraft(meeting.id, me.id);
  return { decision, action, notification: await notifyResponsible(s, decision, pathway.citizen.initials, me.id) };
}

/**
 * Tells the responsible person about the new action (Teams activity feed). Runs after the save
 * and never fails it: a failed notice is returned as `{ status: 'failed' }` for the UI to report.
 * A retried save of a stored decision returns early above, so it does not notify twice.
 */
async function notifyResponsible(s: Services, decision: Decision, initials: string, meId: Id): Promise<NotifyOutcome | null> {
  if (s.notifier === undefined) return null;
  if (decision.responsibleId === meId) return { status: 'not-needed' };
  try {
    return await s.notifier.notifyActionAssigned({
      decisionId: decision.id,
      pathwayId: decision.pathwayId,
      recipientId: decision.responsibleId,
      initials,
      dueDate: decision.dueDate,
      decidedAt: decision.createdAt,
    });
  } catch (error) {
    return { status: 'failed', error };
  }
}

export async function saveDraft(s: Services, draft: Omit<DecisionDraft, 'updatedAt'>): Promise<void> {
  await s.store.saveDraft({ ...draft, updatedAt: s.clock.now().toISOString() });
}
