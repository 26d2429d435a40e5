import type { AgendaItem, CitizenInvitation, CitizenPlan, Consent, DateOnly, MeetingWindow, Pathway } from '../model';
import { OK, collect, fail, type Validation } from '../result';
import { checkAgenda } from './agenda';
import { checkCitizenInvited } from './citizen-invited';
import { checkConsentValid, checkMembersInScope } from './consent';
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
  /** Rule 8: the consent as it holds now (null: none recorded). */
  consent: Consent | null;
  /** Today in the municipality's time zone: the consent must hold on the day of booking. */
  today: DateOnly;
}

/**
 * Every rule that applies when a team meeting is booked (rules 1-5 and 8), all checked at once so
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
    checkConsentValid(req.consent, req.today),
    checkMembersInScope(req.pathway.team.members, req.consent, req.today),
  ]);
  const calendar = checkCalendarText(
    { subject: req.subject, body: req.body, location: req.location },
    { citizen: req.pathway.citizen },
  );
  const violations = [...(basics.ok ? [] : basics.violations), ...(calendar.ok ? [] : calendar.violations)];
  return violations.length === 0 ? OK : { ok: false, violations };
}
