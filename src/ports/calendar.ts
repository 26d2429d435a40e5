import type { Id, Instant, Rsvp } from '../domain/model';
import type { BusyInterval } from '../domain/rules/meeting-window';
import type { SendGuardPayload } from '../domain/send-guard-payload';

/** A busy interval of one attendee, half-open [start, end). */
export type { BusyInterval };

export type AttendeeKind = 'required' | 'optional' | 'resource';

export interface CalendarAttendee {
  email: string;
  name: string;
  kind: AttendeeKind;
  response: Rsvp;
}

/**
 * What Helhed asks the calendar to create. Rule 4: `subject` and `body` are neutral (checked
 * by the domain's sensitive-data detector before they reach an adapter).
 */
export interface CalendarEventInput {
  subject: string;
  /** Plain text; adapters escape it for their format. */
  body: string;
  location: string | null;
  start: Instant;
  end: Instant;
  attendees: readonly { email: string; name: string; kind: Exclude<AttendeeKind, 'resource'> }[];
  /** Client-generated; a retried create with the same id must not create a second event. */
  transactionId: Id;
  /** Marks the event as a Helhed team meeting (read back by the Outlook send guard). */
  helhedMeetingId: Id;
  /**
   * What the Outlook send guard re-checks (src/domain/send-guard-payload.ts). Adapters that reach
   * Exchange store it with the add-in's custom properties; optional because standalone mode has
   * no Outlook.
   */
  sendGuard?: SendGuardPayload;
}

/** The event as it stands in the calendar now (people edit invitations in Outlook). */
export interface CalendarEvent {
  id: Id;
  subject: string;
  body: string;
  location: string | null;
  start: Instant;
  end: Instant;
  attendees: CalendarAttendee[];
  joinUrl: string | null;
  isPrivate: boolean;
  cancelled: boolean;
  transactionId: Id;
}

/**
 * One person's attendance at an online meeting, as the meeting service measured it (Teams'
 * attendance report). Only people who joined are listed; absence is not reported.
 */
export interface MeetingAttendance {
  /** As the report gives it; compare case-insensitively. */
  email: string;
  /** Joined for at least a moment (seconds > 0 or a join interval recorded). */
  present: boolean;
  /** Total time in the meeting, over every session of it. */
  seconds: number;
}

export class CalendarEventNotFoundError extends Error {
  constructor(readonly eventId: Id) {
    super(`calendar event ${eventId} not found`);
    this.name = 'CalendarEventNotFoundError';
  }
}

/**
 * The organiser's calendar.
 *
 * Invariants (tests/contract/calendar.contract.ts):
 * - `getBusy` returns, for every requested e-mail, the intervals overlapping [from, to), sorted
 *   by start and merged where they overlap; an unknown address maps to an empty list.
 * - `createEvent` is idempotent on `transactionId`: the same id returns the first event.
 * - Every created event is private and has a join link (an online meeting).
 * - `getEvent` returns the event as it stands now, including attendee responses; an unknown id
 *   throws `CalendarEventNotFoundError`.
 * - `updateEvent` changes only the fields given; `cancelEvent` marks it cancelled, after which
 *   it no longer counts as busy time.
 */
export interface Calendar {
  getBusy(emails: readonly string[], from: Instant, to: Instant): Promise<Map<string, BusyInterval[]>>;
  createEvent(input: CalendarEventInput): Promise<CalendarEvent>;
  getEvent(id: Id): Promise<CalendarEvent>;
  updateEvent(
    id: Id,
    patch: Partial<Pick<CalendarEventInput, 'subject' | 'body' | 'location' | 'start' | 'end' | 'attendees'>>,
  ): Promise<CalendarEvent>;
  cancelEvent(id: Id, comment: string): Promise<void>;
  /**
   * Who joined the online meeting behind `joinUrl`, from its attendance report(s), one entry
   * per e-mail address (sessions summed; participants without an address, e.g. anonymous
   * guests, are left out).
   *
   * - `null`: the meeting exists but has no report yet (reports appear only after it ends).
   * - Throws when it cannot be read (meeting not found, permission missing, ...): a typed error
   *   of the adapter, never an empty list.
   * - Optional: a calendar without online meetings (standalone) leaves it undefined, and the
   *   minutes then rest on the check-in alone.
   */
  getAttendance?(joinUrl: string): Promise<MeetingAttendance[] | null>;
}
