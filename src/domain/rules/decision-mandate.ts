import type { CitizenPosition, Commitment, Decision, DecisionStatus, Escalation, Id, TeamMember } from '../model';
import { OK, fail, type EscalationFinding, type RuleResult } from '../result';

/**
 * Rule 6, "decisions need a mandate and the citizen's voice" (Ikast-Brande: staff come to
 * coordinating meetings with a mandate; Ballerup principle 9: the team decides together with
 * the citizen). A decision that commits a department whose mandate holder is absent, or that
 * exceeds the declared mandate, is not refused: it is recorded as requiring leader follow-up
 * (an escalation), so nothing is silently accepted and the meeting can still move on.
 */
export interface MandateAssessment {
  status: DecisionStatus;
  escalations: Escalation[];
  findings: EscalationFinding[];
  /** The present mandate holders of the committed departments. */
  backedBy: Id[];
}

export function assessMandate(
  commitments: readonly Commitment[],
  team: readonly TeamMember[],
  presentPersonIds: ReadonlySet<Id>,
): MandateAssessment {
  const findings: EscalationFinding[] = [];
  const backedBy: Id[] = [];
  for (const c of commitments) {
    const holders = team.filter(
      (m) => m.mandate !== null && m.mandate.departmentId === c.departmentId && presentPersonIds.has(m.personId),
    );
    if (holders.length === 0) {
      findings.push({ code: 'MANDATE_MISSING', departmentId: c.departmentId, limitDkk: null, amountDkk: c.amountDkk });
      continue;
    }
    for (const h of holders) if (!backedBy.includes(h.personId)) backedBy.push(h.personId);
    const limit = Math.max(...holders.map((h) => h.mandate?.maxAmountDkk ?? 0));
    if (c.amountDkk > limit) {
      findings.push({ code: 'MANDATE_EXCEEDED', departmentId: c.departmentId, limitDkk: limit, amountDkk: c.amountDkk });
    }
  }
  return {
    status: findings.length === 0 ? 'decided' : 'requires-leader-follow-up',
    escalations: findings.map(({ code, departmentId }) => ({ code, departmentId })),
    findings,
    backedBy,
  };
}

/** Which departments have a mandate holder present, per department of the team (for the meeting screen). */
export function mandateCoverage(
  team: readonly TeamMember[],
  presentPersonIds: ReadonlySet<Id>,
): { departmentId: Id; holders: TeamMember[]; present: TeamMember[] }[] {
  const departments = [...new Set(team.map((m) => m.departmentId))];
  return departments.map((departmentId) => {
    const holders = team.filter((m) => m.mandate?.departmentId === departmentId);
    return { departmentId, holders, present: holders.filter((h) => presentPersonIds.has(h.personId)) };
  });
}

/** R6: the citizen's position is recorded on every decision. */
export function checkCitizenPosition(position: CitizenPosition | null): RuleResult {
  return position ? OK : fail({ code: 'CITIZEN_POSITION_MISSING' });
}

/**
 * Rule 7, decisions are append-only: the decisions that stand, i.e. those no other decision
 * supersedes. Order is kept.
 */
export function standingDecisions<D extends Pick<Decision, 'id' | 'supersedes'>>(decisions: readonly D[]): D[] {
  const superseded = new Set(decisions.map((d) => d.supersedes).filter((id): id is Id => id !== null));
  return decisions.filter((d) => !superseded.has(d.id));
}
