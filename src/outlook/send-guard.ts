// The send guard (issue 7, PRODUCT.md "In Outlook, at send time"): when an appointment is sent
// from Outlook (Smart Alerts, OnAppointmentSend), re-check a Helhed team meeting against rules 1,
// 2 and 4 as the invitation now stands. Pure: Office.js stays behind `AppointmentReader`
// (office-adapter.ts), so this runs the same under Vitest, in a browser and in Outlook.
//
// How an appointment is recognised: Helhed's Graph adapter writes the event's extended property
// `String {00020329-0000-0000-C000-000000000046} Name cecp-<app id>` (PS_PUBLIC_STRINGS; <app id>
// = the manifest `id`, lower-case, no braces) holding `{"helhedTeamMeeting":"<payload JSON>"}`;
// that property is where Office.js keeps an add-in's custom properties (MS-OXCEXT 2.2.5), so
// `loadCustomPropertiesAsync` + `customProperties.get('helhedTeamMeeting')` returns the payload
// (src/domain/send-guard-payload.ts). No property: not a Helhed meeting, sent untouched.
//
// Never allow on doubt: a failed Office.js read or an unreadable payload blocks with a message.
import { checkCitizenInvited } from '../domain/rules/citizen-invited';
import { checkMandatoryAttendance } from '../domain/rules/mandatory-attendance';
import { checkCalendarText } from '../domain/rules/sensitive-data';
import type { CitizenInvitation } from '../domain/model';
import type { CalendarField, SensitiveKind } from '../domain/result';
import {
  SEND_GUARD_PROPERTY_NAME,
  decodeSendGuardPayload,
  type SendGuardPayload,
} from '../domain/send-guard-payload';

/** The parts of the appointment being sent that the guard reads. */
export type AppointmentPart =
  | 'customProperties'
  | 'requiredAttendees'
  | 'optionalAttendees'
  | 'subject'
  | 'location'
  | 'body';

/** Office.js reported a failure (`asyncResult.status` failed) while reading one part. */
export class AppointmentReadError extends Error {
  override readonly name = 'AppointmentReadError';
  constructor(
    readonly part: AppointmentPart,
    /** Office.js's `asyncResult.error.message`, for diagnostics; the user sees which part failed. */
    readonly detail: string,
  ) {
    super(`Could not read ${part}: ${detail}`);
  }
}

/**
 * Reads the appointment in compose mode. Every method rejects with `AppointmentReadError` when
 * Office.js reports a failure; none of them may turn a failure into '' or [] (STYLE.md 6).
 */
export interface AppointmentReader {
  /** The add-in's custom property `name`, or undefined when the item has none. */
  customProperty(name: string): Promise<unknown>;
  /** E-mail addresses of the required attendees. */
  requiredAttendees(): Promise<string[]>;
  /** E-mail addresses of the optional attendees. */
  optionalAttendees(): Promise<string[]>;
  subject(): Promise<string>;
  location(): Promise<string>;
  /** The body as plain text. */
  bodyText(): Promise<string>;
}

export type SendGuardProblem =
  /** R1: the citizen was removed from the invitation. */
  | { code: 'CITIZEN_NOT_INVITED'; citizenEmail: string }
  /** R2: team members removed or made optional. */
  | { code: 'MEMBER_NOT_REQUIRED'; emails: string[] }
  /** R4: sensitive text in a calendar field. */
  | { code: 'SENSITIVE_DATA_IN_CALENDAR'; field: CalendarField; kinds: SensitiveKind[] }
  /** Office.js could not read part of the invitation. */
  | { code: 'READ_FAILED'; part: AppointmentPart }
  /** The custom property is there but is not a payload this guard understands. */
  | { code: 'PAYLOAD_INVALID' };

export type SendGuardDecision =
  | { allow: true; reason: 'not-a-helhed-meeting' | 'rules-met' }
  | { allow: false; problems: SendGuardProblem[] };

// Links are not typed by people: a Teams join link carries tenant and thread ids whose hex runs
// can look like a CPR number (ten digits, a valid date), which would block every send.
const URL_PATTERN = /\bhttps?:\/\/\S+/giu;

function withoutLinks(text: string): string {
  return text.replace(URL_PATTERN, ' ');
}

function readFailed(error: unknown): SendGuardDecision {
  // Anything but a reported Office.js failure is a bug in the guard: still never a silent allow.
  const part: AppointmentPart = error instanceof AppointmentReadError ? error.part : 'customProperties';
  return { allow: false, problems: [{ code: 'READ_FAILED', part }] };
}

/** The domain's invitation; the payload leaves out the phone number, which rule 1 does not need. */
function invitationOf(citizen: SendGuardPayload['citizen']): CitizenInvitation {
  switch (citizen.mode) {
    case 'email':
      return { mode: 'email', email: citizen.email };
    case 'phone':
      return { mode: 'phone', phone: null };
    case 'in-person':
      return { mode: 'in-person' };
  }
}

/** Applies rules 1, 2 and 4 to the invitation as it stands. */
function check(
  payload: SendGuardPayload,
  invitation: { required: string[]; optional: string[]; subject: string; location: string; body: string },
): SendGuardDecision {
  const problems: SendGuardProblem[] = [];

  const citizen = payload.citizen;
  // Invited is invited, required or optional: rule 1 asks for the citizen's presence, not mødepligt.
  const citizenResult = checkCitizenInvited(invitationOf(citizen), [...invitation.required, ...invitation.optional]);
  if (!citizenResult.ok && citizen.mode === 'email') problems.push({ code: 'CITIZEN_NOT_INVITED', citizenEmail: citizen.email });

  const members = payload.members.map((m) => ({ personId: m.id, email: m.email }));
  const attendance = checkMandatoryAttendance(members, invitation.required);
  if (!attendance.ok && attendance.code === 'MEMBER_NOT_REQUIRED') {
    const missing = new Set(attendance.personIds);
    problems.push({ code: 'MEMBER_NOT_REQUIRED', emails: members.filter((m) => missing.has(m.personId)).map((m) => m.email) });
  }

  const text = checkCalendarText({
    subject: invitation.subject,
    location: invitation.location,
    body: withoutLinks(invitation.body),
  });
  if (!text.ok) {
    for (const v of text.violations) {
      if (v.code === 'SENSITIVE_DATA_IN_CALENDAR') problems.push({ code: v.code, field: v.field, kinds: v.kinds });
    }
  }

  return problems.length === 0 ? { allow: true, reason: 'rules-met' } : { allow: false, problems };
}

/**
 * Decides whether the appointment may be sent. Reads the custom property first and nothing else
 * for an appointment that is not a Helhed team meeting.
 */
export async function decideAppointmentSend(reader: AppointmentReader): Promise<SendGuardDecision> {
  let raw: unknown;
  try {
    raw = await reader.customProperty(SEND_GUARD_PROPERTY_NAME);
  } catch (error) {
    return readFailed(error);
  }
  if (raw === undefined || raw === null) return { allow: true, reason: 'not-a-helhed-meeting' };

  const decoded = decodeSendGuardPayload(raw);
  if (!decoded.ok) return { allow: false, problems: [{ code: 'PAYLOAD_INVALID' }] };

  let invitation;
  try {
    const [required, optional, subject, location, body] = await Promise.all([
      reader.requiredAttendees(),
      reader.optionalAttendees(),
      reader.subject(),
      reader.location(),
      reader.bodyText(),
    ]);
    invitation = { required, optional, subject, location, body };
  } catch (error) {
    return readFailed(error);
  }
  return check(decoded.payload, invitation);
}
