import type { AgendaItem, CitizenInvitation, Id, Instant, TeamMeeting } from '../domain/model';
import { TeamMeetingSchema } from '../domain/model';
import { sendGuardPayloadFor } from '../domain/send-guard-payload';
import type { Validation, Violation } from '../domain/result';
import { buildAgenda } from '../domain/rules/agenda';
import { validateBooking } from '../domain/rules/booking';
import { checkCitizenInvited } from '../domain/rules/citizen-invited';
import { checkMandatoryAttendance } from '../domain/rules/mandatory-attendance';
import { suggestSlots, type SlotSuggestion } from '../domain/rules/meeting-window';
import { neutralBody, neutralSubject } from '../domain/rules/sensitive-data';
import { localParts } from '../domain/time';
import { NotFoundError } from '../ports/plan-store';
import { RuleViolationError } from './errors';
import { requirePathway, requirePlan } from './pathways';
import type { Services } from './services';

/** How far ahead time suggestions look: three weeks covers six Tuesday/Thursday windows. */
export const SUGGESTION_DAYS = 21;

/** Suggested times inside the meeting windows from the team's free/busy (rule 3). */
export async function suggestMeetingTimes(
  s: Services,
  pathwayId: Id,
  options: { days?: number; max?: number } = {},
): Promise<SlotSuggestion[]> {
  const pathway = await requirePathway(s, pathwayId);
  const settings = await s.store.getSettings();
  const now = s.clock.now();
  const days = options.days ?? SUGGESTION_DAYS;
  const to = new Date(now.getTime() + (days + 1) * 86_400_000);
  const busy = await s.calendar.getBusy(
    pathway.team.members.map((m) => m.email),
    now.toISOString(),
    to.toISOString(),
  );
  return suggestSlots({
    windows: settings.meetingWindows,
    timeZone: settings.timeZone,
    busy,
    notBefore: now,
    days,
    durationMinutes: settings.meetingMinutes,
    stepMinutes: 30,
    max: options.max ?? 8,
  });
}

export interface BookingInput {
  pathwayId: Id;
  start: Instant;
  /** Defaults to the configured meeting length. */
  end?: Instant;
  citizenInvitation: CitizenInvitation | null;
  outsideWindowReason: string | null;
  /** Agenda items typed by the coordinator, after the ones rule 5 puts first. */
  extraAgenda: string[];
}

export interface BookingPreview {
  start: Instant;
  end: Instant;
  subject: string;
  body: string;
  agenda: AgendaItem[];
  validation: Validation;
}

/** Everything the booking would send, checked against rules 1-5 and 8, without sending it. */
export async function previewBooking(s: Services, input: BookingInput): Promise<BookingPreview> {
  const pathway = await requirePathway(s, input.pathwayId);
  const plan = await requirePlan(s, input.pathwayId);
  const settings = await s.store.getSettings();
  const start = new Date(input.start);
  const end = input.end ? new Date(input.end) : new Date(start.getTime() + settings.meetingMinutes * 60_000);
  let counter = 0;
  const agenda = buildAgenda(plan, localParts(start, settings.timeZone).date, () => `agenda-${++counter}`, input.extraAgenda);
  const subject = neutralSubject(pathway.citizen);
  const body = neutralBody();
  const consent = await s.store.getConsent(input.pathwayId);
  const validation = validateBooking({
    pathway,
    plan,
    start,
    end,
    requiredEmails: pathway.team.members.map((m) => m.email),
    citizenInvitation: input.citizenInvitation,
    subject,
    body,
    location: null,
    agenda,
    windows: settings.meetingWindows,
    timeZone: settings.timeZone,
    outsideWindowReason: input.outsideWindowReason,
    consent,
    today: localParts(s.clock.now(), settings.timeZone).date,
  });
  return { start: start.toISOString(), end: end.toISOString(), subject, body, agenda, validation };
}

/**
 * Books a team meeting: one calendar event with a Teams meeting (team members required, the
 * citizen invited), then the meeting in the plan store. Refused with RuleViolationError when a
 * rule objects; nothing is sent then.
 */
export async function bookMeeting(s: Services, input: BookingInput): Promise<TeamMeeting> {
  const preview = await previewBooking(s, input);
  if (!preview.validation.ok) throw new RuleViolationError(preview.validation.violations);
  const pathway = await requirePathway(s, input.pathwayId);
  const me = await s.directory.me();
  const id = s.ids.newId();
  const agenda = preview.agenda.map((a) => ({ ...a, id: s.ids.newId() }));
  const invitation = input.citizenInvitation;
  const attendees = [
    ...pathway.team.members.map((m) => ({ email: m.email, name: m.displayName, kind: 'required' as const })),
    ...(invitation?.mode === 'email'
      ? [{ email: invitation.email, name: pathway.citizen.initials, kind: 'required' as const }]
      : []),
  ];
  // Parsed before anything is sent: a record the store would refuse (e.g. an over-long reason)
  // must not leave behind an invitation that went out to everyone.
  const draft = TeamMeetingSchema.parse({
    id,
    pathwayId: pathway.id,
    start: preview.start,
    end: preview.end,
    subject: preview.subject,
    calendarEventId: null,
    joinUrl: null,
    requiredAttendees: pathway.team.members.map((m) => ({
      personId: m.personId,
      displayName: m.displayName,
      email: m.email,
      departmentId: m.departmentId,
    })),
    citizenInvitation: invitation,
    rsvp: Object.fromEntries(pathway.team.members.map((m) => [m.personId, 'none'])),
    agenda,
    outsideWindowReason: input.outsideWindowReason?.trim() || null,
    status: 'planned',
    attendance: [],
    citizenPresent: null,
    citizenView: '',
    createdAt: s.clock.now().toISOString(),
    createdBy: me.id,
  });
  const event = await s.calendar.createEvent({
    subject: preview.subject,
    body: preview.body,
    location: null,
    start: preview.start,
    end: preview.end,
    attendees,
    transactionId: id,
    helhedMeetingId: id,
    // What the Outlook send guard needs to re-check rules 1 and 2 when someone edits the
    // invitation (src/outlook): no names, only the invitation mode and e-mail addresses.
    ...(invitation ? { sendGuard: sendGuardPayloadFor(invitation, pathway.team.members) } : {}),
  });
  const meeting = TeamMeetingSchema.parse({ ...draft, calendarEventId: event.id, joinUrl: event.joinUrl });
  await s.store.saveMeeting(meeting);
  return meeting;
}

export interface InvitationCheck {
  meeting: TeamMeeting;
  /** Rules 1 and 2 against the invitation as it stands in the calendar now. */
  violations: Violation[];
}

/**
 * Re-reads the real calendar event (people edit invitations in Outlook), stores who has
 * accepted, and re-checks rules 1 and 2 against it.
 */
export async function checkLiveInvitation(s: Services, meetingId: Id): Promise<InvitationCheck> {
  const meeting = await s.store.getMeeting(meetingId);
  if (!meeting) throw new NotFoundError('meeting', meetingId);
  if (!meeting.calendarEventId || meeting.status === 'cancelled') return { meeting, violations: [] };
  const pathway = await requirePathway(s, meeting.pathwayId);
  const event = await s.calendar.getEvent(meeting.calendarEventId);
  const byEmail = new Map(event.attendees.map((a) => [a.email.toLocaleLowerCase('da'), a]));
  const rsvp = Object.fromEntries(
    meeting.requiredAttendees.map((a) => [a.personId, byEmail.get(a.email.toLocaleLowerCase('da'))?.response ?? 'none']),
  );
  const updated = { ...meeting, rsvp };
  if (JSON.stringify(rsvp) !== JSON.stringify(meeting.rsvp)) await s.store.saveMeeting(updated);
  const violations: Violation[] = [];
  for (const r of [
    checkCitizenInvited(meeting.citizenInvitation, event.attendees.map((a) => a.email)),
    checkMandatoryAttendance(
      pathway.team.members,
      event.attendees.filter((a) => a.kind === 'required').map((a) => a.email),
    ),
  ]) {
    if (!r.ok) {
      const { ok: _ok, ...v } = r;
      violations.push(v as Violation);
    }
  }
  return { meeting: updated, violations };
}

/** Cancels a planned meeting in the calendar and in the plan store. */
export async function cancelMeeting(s: Services, meetingId: Id, comment: string): Promise<TeamMeeting> {
  const meeting = await s.store.getMeeting(meetingId);
  if (!meeting) throw new NotFoundError('meeting', meetingId);
  if (meeting.calendarEventId) await s.calendar.cancelEvent(meeting.calendarEventId, comment);
  const cancelled = { ...meeting, status: 'cancelled' as const };
  await s.store.saveMeeting(cancelled);
  return cancelled;
}

