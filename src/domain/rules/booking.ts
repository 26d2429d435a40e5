import type { AgendaItem, CitizenInvitation, CitizenPlan, MeetingWindow, Pathway } from '../model';
import { OK, collect, fail, type Validation } from '../result';
import { checkAgenda } from './agenda';
import { checkCitizenInvited } from './citizen-invited';
import { checkMandatoryAttendance } from './mandatory-attendance';
import { checkMeetingWindow } from './meeting-window';
import { checkCalendarText } from './sensitive-data';

export interface BookingRequest {
  pathway: Pathway;
  plan: Pick<CitizenPlan, 'goals'>;
  start: Date;
  end: Date;
  /** E-mail addresses of the required attendees as they will be sent. */
  requiredEmails: readonly string[];
  citizenInvitation: CitizenInvitation | null;
  subject: string;
  body: string;
  location: string | null;
  agenda: readonly AgendaItem[];
  windows: readonly MeetingWindow[];
  timeZone: string;
  outsideWindowReason: string | null;
}

/**
 * Every rule that applies when a team meeting is booked (rules 1-5), all checked at once so
 * the coordinator sees every problem together. Order of violations is stable.
 */
export function validateBooking(req: BookingRequest): Validation {
  const basics = collect([
    req.pathway.status === 'active' ? OK : fail({ code: 'PATHWAY_CLOSED' }),
    req.end > req.start ? OK : fail({ code: 'INVALID_TIME' }),
    req.pathway.team.members.length > 0 ? OK : fail({ code: 'TEAM_EMPTY' }),
    checkCitizenInvited(req.citizenInvitation),
    checkMandatoryAttendance(req.pathway.team.members, req.requiredEmails),
    req.end > req.start
      ? checkMeetingWindow(req.start, req.end, req.windows, req.timeZone, req.outsideWindowReason)
      : OK,
    checkAgenda(req.agenda, req.plan),
  ]);
  const calendar = checkCalendarText(
    { subject: req.subject, body: req.body, location: req.location },
    { citizen: req.pathway.citizen },
  );
  const violations = [...(basics.ok ? [] : basics.violations), ...(calendar.ok ? [] : calendar.violations)];
  return violations.length === 0 ? OK : { ok: false, violations };
}
