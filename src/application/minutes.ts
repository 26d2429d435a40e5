import type { AttendanceRecord, Id, Minutes, MinutesContent, TeamMeeting } from '../domain/model';
import type { Violation } from '../domain/result';
import { consentAsOf, minutesConsent } from '../domain/rules/consent';
import { generateMinutes } from '../domain/rules/minutes';
import { localParts } from '../domain/time';
import { checkLiveInvitation } from './book-meeting';
import { requireMeeting } from './in-meeting';
import { requirePathway, requirePlan } from './pathways';
import type { Services } from './services';

export interface MinutesDraft {
  content: MinutesContent;
  /** Rules 1 and 2 re-checked on the real calendar event before the minutes are written. */
  invitationViolations: Violation[];
  /** The version already in the plan, or null if the minutes have not been approved yet. */
  approvedVersion: number | null;
  /**
   * Where present/absent came from: the check-in alone, or the check-in with the gaps filled
   * from the online meeting's attendance report (`filledFromReport` people had no check-in and
   * joined online). `report` is 'none' when the calendar offers no reports (standalone) or the
   * meeting has no join link, 'pending' when no report exists yet, 'used' when one was read,
   * 'unavailable' when it could not be read (no permission, service down): the report only fills
   * gaps, so the minutes never wait for it.
   */
  attendance: MinutesAttendanceSource;
}

export interface MinutesAttendanceSource {
  report: 'none' | 'pending' | 'used' | 'unavailable';
  filledFromReport: Id[];
}

/**
 * Check-in wins; the attendance report fills the gaps: an invitee with no check-in record who
 * joined the online meeting counts as present. Someone not in the report is not marked absent
 * by it (they may have been in the room), so without a check-in they stay "absent without
 * notice", as before. A report that cannot be read (403 without OnlineMeetingArtifact.Read.All,
 * consent not granted, Graph down) leaves the check-in alone and says so: it never blocks the
 * minutes.
 */
async function withReportedAttendance(s: Services, meeting: TeamMeeting): Promise<{ meeting: TeamMeeting; source: MinutesAttendanceSource }> {
  if (s.calendar.getAttendance === undefined || meeting.joinUrl === null) return { meeting, source: { report: 'none', filledFromReport: [] } };
  let report: Awaited<ReturnType<NonNullable<Services['calendar']['getAttendance']>>>;
  try {
    report = await s.calendar.getAttendance(meeting.joinUrl);
  } catch {
    return { meeting, source: { report: 'unavailable', filledFromReport: [] } };
  }
  if (report === null) return { meeting, source: { report: 'pending', filledFromReport: [] } };
  const joined = new Set(report.filter((r) => r.present).map((r) => r.email.toLowerCase()));
  const checkedIn = new Set(meeting.attendance.map((r) => r.personId));
  const filled: AttendanceRecord[] = meeting.requiredAttendees
    .filter((a) => !checkedIn.has(a.personId) && joined.has(a.email.toLowerCase()))
    .map((a) => ({ personId: a.personId, present: true, notice: false }));
  return {
    meeting: { ...meeting, attendance: [...meeting.attendance, ...filled] },
    source: { report: 'used', filledFromReport: filled.map((r) => r.personId) },
  };
}

async function buildContent(s: Services, meetingId: Id): Promise<{ content: MinutesContent; attendance: MinutesAttendanceSource }> {
  const checkedIn = await requireMeeting(s, meetingId);
  const { meeting, source } = await withReportedAttendance(s, checkedIn);
  const pathway = await requirePathway(s, meeting.pathwayId);
  const plan = await requirePlan(s, meeting.pathwayId);
  const decisions = await s.store.listDecisions({ meetingId });
  const actions = await s.store.listActions({ decisionIds: decisions.map((d) => d.id) });
  const next = (await s.store.listMeetings({ pathwayId: pathway.id, from: meeting.end })).find(
    (m) => m.status === 'planned' && m.id !== meeting.id,
  );
  const names = new Map<Id, string>(pathway.team.members.map((m) => [m.personId, m.displayName]));
  for (const id of new Set([...decisions.map((d) => d.responsibleId)])) {
    if (!names.has(id)) {
      const person = await s.directory.getPerson(id);
      if (person) names.set(id, person.displayName);
    }
  }
  // Rule 8: the consent as it held when the meeting ended, not as it holds now.
  const [history, settings] = await Promise.all([s.store.listConsentHistory(pathway.id), s.store.getSettings()]);
  const consent = minutesConsent(consentAsOf(history, meeting.end), localParts(new Date(meeting.start), settings.timeZone).date);
  const content = generateMinutes({ meeting, plan, decisions, actions, names, nextMeeting: next?.start ?? null, consent });
  return { content, attendance: source };
}

/** The minutes as they would be written now, for the coordinator to review. */
export async function draftMinutes(s: Services, meetingId: Id): Promise<MinutesDraft> {
  const [{ content, attendance }, check, existing] = await Promise.all([
    buildContent(s, meetingId),
    checkLiveInvitation(s, meetingId),
    s.store.getMinutes(meetingId),
  ]);
  return { content, invitationViolations: check.violations, approvedVersion: existing?.version ?? null, attendance };
}

/**
 * The coordinator approves: the minutes are written into the plan, once per meeting (rule 7);
 * approving again writes a new version of the same entry.
 */
export async function approveMinutes(s: Services, meetingId: Id): Promise<Minutes> {
  const meeting = await requireMeeting(s, meetingId);
  const me = await s.directory.me();
  const { content } = await buildContent(s, meetingId);
  const minutes = await s.store.writeMinutes({
    pathwayId: meeting.pathwayId,
    meetingId,
    content,
    approvedAt: s.clock.now().toISOString(),
    approvedBy: me.id,
  });
  if (meeting.status !== 'minuted') await s.store.saveMeeting({ ...meeting, status: 'minuted' });
  return minutes;
}
