import type { Action, DateOnly, Decision, Id, Instant, Pathway, TeamMeeting } from '../domain/model';
import { standingDecisions } from '../domain/rules/decision-mandate';
import { localParts } from '../domain/time';
import type { Services } from './services';

export interface ReviewFilter {
  /** Empty: every department the leader leads. */
  departmentIds: Id[];
  status: 'all' | Decision['status'];
  from: Instant | null;
  to: Instant | null;
  responsibleId: Id | null;
  onlyOverdue: boolean;
}

export interface ReviewRow {
  decision: Decision;
  pathway: Pick<Pathway, 'id'> & { initials: string; caseRef: string };
  responsibleName: string;
  action: Action | null;
  overdue: boolean;
}

export interface AttendanceRow {
  departmentId: Id;
  invited: number;
  present: number;
  absentWithNotice: number;
  absentWithoutNotice: number;
}

export interface LeaderReview {
  rows: ReviewRow[];
  escalations: ReviewRow[];
  overdue: ReviewRow[];
  attendance: AttendanceRow[];
  meetingsWithoutCitizen: { meeting: TeamMeeting; initials: string; caseRef: string }[];
}

/**
 * Decisions across the pathways of the leader's departments, with escalations (rule 6),
 * overdue actions, mandatory attendance per department (rule 2) and meetings held without the
 * citizen (rule 1). Superseded decisions are left out: a correction stands in their place.
 */
export async function reviewDecisions(s: Services, filter: ReviewFilter): Promise<LeaderReview> {
  const me = await s.directory.me();
  const settings = await s.store.getSettings();
  const departmentIds = filter.departmentIds.length > 0 ? filter.departmentIds : me.leaderOf;
  const today: DateOnly = localParts(s.clock.now(), settings.timeZone).date;
  const [decisions, pathways, meetings] = await Promise.all([
    s.store.listDecisions({
      departmentIds,
      ...(filter.status === 'all' ? {} : { status: filter.status }),
      ...(filter.from ? { from: filter.from } : {}),
      ...(filter.to ? { to: filter.to } : {}),
    }),
    s.store.listPathways(),
    s.store.listMeetings({ ...(filter.from ? { from: filter.from } : {}), ...(filter.to ? { to: filter.to } : {}) }),
  ]);
  const pathwayById = new Map(pathways.map((p) => [p.id, p]));
  const standing = standingDecisions(decisions).filter(
    (d) => filter.responsibleId === null || d.responsibleId === filter.responsibleId,
  );
  const actions = await s.store.listActions({ decisionIds: standing.map((d) => d.id) });
  const actionByDecision = new Map(actions.map((a) => [a.decisionId, a]));
  const names = new Map<Id, string>();
  for (const p of pathways) for (const m of p.team.members) names.set(m.personId, m.displayName);

  const rows: ReviewRow[] = [];
  for (const d of standing) {
    const p = pathwayById.get(d.pathwayId);
    if (!p) continue;
    const action = actionByDecision.get(d.id) ?? null;
    const overdue = action !== null && action.status === 'open' && action.dueDate < today;
    if (filter.onlyOverdue && !overdue) continue;
    rows.push({
      decision: d,
      pathway: { id: p.id, initials: p.citizen.initials, caseRef: p.citizen.caseRef },
      responsibleName: names.get(d.responsibleId) ?? d.responsibleId,
      action,
      overdue,
    });
  }
  rows.sort((a, b) => b.decision.createdAt.localeCompare(a.decision.createdAt) || a.decision.id.localeCompare(b.decision.id));

  const inScope = (m: TeamMeeting) =>
    (m.status === 'held' || m.status === 'minuted') &&
    m.requiredAttendees.some((a) => departmentIds.includes(a.departmentId));
  const held = meetings.filter(inScope);
  return {
    rows,
    escalations: rows.filter((r) => r.decision.status === 'requires-leader-follow-up'),
    overdue: rows.filter((r) => r.overdue),
    attendance: attendanceByDepartment(held, departmentIds),
    meetingsWithoutCitizen: held
      .filter((m) => m.citizenPresent === false)
      .map((m) => {
        const p = pathwayById.get(m.pathwayId);
        return { meeting: m, initials: p?.citizen.initials ?? '', caseRef: p?.citizen.caseRef ?? '' };
      }),
  };
}

/** Rule 2, mødepligt, per department: who was invited and who came. */
export function attendanceByDepartment(meetings: readonly TeamMeeting[], departmentIds: readonly Id[]): AttendanceRow[] {
  const rows = new Map<Id, AttendanceRow>(
    departmentIds.map((id) => [id, { departmentId: id, invited: 0, present: 0, absentWithNotice: 0, absentWithoutNotice: 0 }]),
  );
  for (const m of meetings) {
    const records = new Map(m.attendance.map((r) => [r.personId, r]));
    for (const a of m.requiredAttendees) {
      const row = rows.get(a.departmentId);
      if (!row) continue;
      row.invited++;
      const r = records.get(a.personId);
      if (r?.present) row.present++;
      else if (r?.notice) row.absentWithNotice++;
      else row.absentWithoutNotice++;
    }
  }
  return [...rows.values()];
}
