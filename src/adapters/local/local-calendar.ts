import { z } from 'zod';
import { EmailSchema, IdSchema, InstantSchema, RsvpSchema, type Id, type Instant, type Rsvp } from '../../domain/model';
import { NotFoundError } from '../../ports/plan-store';
import {
  CalendarEventNotFoundError,
  type BusyInterval,
  type Calendar,
  type CalendarAttendee,
  type CalendarEvent,
  type CalendarEventInput,
} from '../../ports/calendar';
import type { Ids } from '../../ports/ids';
import type { BusyBlockRow, CalendarEventRow, HelhedDb } from './db';
import { CryptoIds } from './crypto-ids';
import { withPortErrors } from './dexie-errors';
import { parseStored } from './stored-record';

/**
 * The `.invalid` top-level domain is reserved (RFC 2606) and never resolves: the link is
 * visibly a demo and cannot be mistaken for a Teams meeting.
 */
export const DEMO_JOIN_URL_BASE = 'https://helhed.invalid/demo-meeting/';

const AttendeeInputSchema = z.object({
  email: EmailSchema,
  name: z.string().min(1),
  kind: z.enum(['required', 'optional']),
});

const EventInputSchema = z.object({
  subject: z.string().min(1).max(255),
  body: z.string(),
  location: z.string().nullable(),
  start: InstantSchema,
  end: InstantSchema,
  attendees: z.array(AttendeeInputSchema),
  transactionId: IdSchema,
  helhedMeetingId: IdSchema,
});

const PatchSchema = EventInputSchema.pick({
  subject: true,
  body: true,
  location: true,
  start: true,
  end: true,
  attendees: true,
}).partial();

const StoredEventSchema = z.object({
  id: IdSchema,
  subject: z.string(),
  body: z.string(),
  location: z.string().nullable(),
  start: InstantSchema,
  end: InstantSchema,
  attendees: z.array(
    z.object({
      email: z.string(),
      name: z.string(),
      kind: z.enum(['required', 'optional', 'resource']),
      response: RsvpSchema,
    }),
  ),
  joinUrl: z.url().nullable(),
  isPrivate: z.boolean(),
  cancelled: z.boolean(),
  transactionId: IdSchema,
});

const BusyBlockInputSchema = z
  .object({ id: IdSchema, email: EmailSchema, start: InstantSchema, end: InstantSchema })
  .refine((b) => Date.parse(b.start) < Date.parse(b.end), { message: 'start must be before end' });
export type BusyBlockInput = z.input<typeof BusyBlockInputSchema>;

/** The event's time or attendees are not a valid meeting (end before start, bad address). */
export class InvalidCalendarEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCalendarEventError';
  }
}

const lower = (email: string): string => email.toLocaleLowerCase('en');

function checkTimes(startMs: number, endMs: number): void {
  if (!(startMs < endMs)) throw new InvalidCalendarEventError('the event must end after it starts');
}

function toEvent(row: CalendarEventRow): CalendarEvent {
  return parseStored(StoredEventSchema, 'calendarEvents', row.id, row);
}

function mergeIntervals(intervals: { startMs: number; endMs: number }[]): BusyInterval[] {
  const sorted = [...intervals].sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const merged: { startMs: number; endMs: number }[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    // Touching intervals are merged too: for free/busy, [9,10) + [10,11) is one busy hour-pair.
    if (last !== undefined && interval.startMs <= last.endMs) last.endMs = Math.max(last.endMs, interval.endMs);
    else merged.push({ ...interval });
  }
  return merged.map((i) => ({ start: new Date(i.startMs).toISOString(), end: new Date(i.endMs).toISOString() }));
}

/**
 * The Calendar of standalone mode: events live in the `calendarEvents` table, and free/busy is
 * derived from them plus seeded busy blocks (the demo staff's other appointments).
 */
export class LocalCalendar implements Calendar {
  constructor(
    private readonly db: HelhedDb,
    private readonly ids: Ids = new CryptoIds(),
  ) {}

  async getBusy(emails: readonly string[], from: Instant, to: Instant): Promise<Map<string, BusyInterval[]>> {
    const fromMs = Date.parse(InstantSchema.parse(from));
    const toMs = Date.parse(InstantSchema.parse(to));
    const wanted = [...new Set(emails.map(lower))];
    const overlaps = (r: { startMs: number; endMs: number }) => r.startMs < toMs && r.endMs > fromMs;

    const [events, blocks] = await this.db.transaction('r', this.db.calendarEvents, this.db.busyBlocks, () =>
      Promise.all([
        this.db.calendarEvents
          .where('attendeeEmails')
          .anyOf(wanted)
          .distinct()
          .filter((r) => !r.cancelled && overlaps(r))
          .toArray(),
        this.db.busyBlocks.where('email').anyOf(wanted).filter(overlaps).toArray(),
      ]),
    );

    const byEmail = new Map<string, { startMs: number; endMs: number }[]>(wanted.map((e) => [e, []]));
    for (const event of events) {
      for (const attendee of event.attendees) {
        // Exchange removes a declined meeting from the attendee's calendar; it is not busy time.
        if (attendee.response === 'declined') continue;
        byEmail.get(lower(attendee.email))?.push({ startMs: event.startMs, endMs: event.endMs });
      }
    }
    for (const block of blocks) byEmail.get(block.email)?.push({ startMs: block.startMs, endMs: block.endMs });

    return new Map(emails.map((email) => [email, mergeIntervals(byEmail.get(lower(email)) ?? [])]));
  }

  async createEvent(input: CalendarEventInput): Promise<CalendarEvent> {
    const parsed = EventInputSchema.parse(input);
    const startMs = Date.parse(parsed.start);
    const endMs = Date.parse(parsed.end);
    checkTimes(startMs, endMs);
    return this.db.transaction('rw', this.db.calendarEvents, async () => {
      const earlier = await this.db.calendarEvents.where('transactionId').equals(parsed.transactionId).first();
      if (earlier !== undefined) return toEvent(earlier);
      const id = this.ids.newId();
      const attendees: CalendarAttendee[] = parsed.attendees.map((a) => ({ ...a, response: 'none' }));
      const row: CalendarEventRow = {
        id,
        transactionId: parsed.transactionId,
        helhedMeetingId: parsed.helhedMeetingId,
        subject: parsed.subject,
        body: parsed.body,
        location: parsed.location,
        start: parsed.start,
        end: parsed.end,
        startMs,
        endMs,
        attendees,
        attendeeEmails: attendees.map((a) => lower(a.email)),
        joinUrl: `${DEMO_JOIN_URL_BASE}${encodeURIComponent(id)}`,
        // Rule 4: a team meeting about a citizen is always private.
        isPrivate: true,
        cancelled: false,
        cancelComment: null,
      };
      await this.db.calendarEvents.add(row);
      return toEvent(row);
    });
  }

  async getEvent(id: Id): Promise<CalendarEvent> {
    const row = await this.db.calendarEvents.get(id);
    if (row === undefined) throw new CalendarEventNotFoundError(id);
    return toEvent(row);
  }

  async updateEvent(
    id: Id,
    patch: Partial<Pick<CalendarEventInput, 'subject' | 'body' | 'location' | 'start' | 'end' | 'attendees'>>,
  ): Promise<CalendarEvent> {
    const parsed = PatchSchema.parse(patch);
    return this.db.transaction('rw', this.db.calendarEvents, async () => {
      const row = await this.db.calendarEvents.get(id);
      if (row === undefined) throw new CalendarEventNotFoundError(id);
      const start = parsed.start ?? row.start;
      const end = parsed.end ?? row.end;
      const startMs = Date.parse(start);
      const endMs = Date.parse(end);
      checkTimes(startMs, endMs);
      // Moving the meeting asks everyone to answer again, as Exchange does for a new time.
      const moved = startMs !== row.startMs || endMs !== row.endMs;
      const previous = new Map(row.attendees.map((a) => [lower(a.email), a.response]));
      const attendees: CalendarAttendee[] = (parsed.attendees ?? row.attendees).map((a) => ({
        email: a.email,
        name: a.name,
        kind: a.kind,
        response: moved ? 'none' : (previous.get(lower(a.email)) ?? 'none'),
      }));
      const updated: CalendarEventRow = {
        ...row,
        subject: parsed.subject ?? row.subject,
        body: parsed.body ?? row.body,
        location: parsed.location === undefined ? row.location : parsed.location,
        start,
        end,
        startMs,
        endMs,
        attendees,
        attendeeEmails: attendees.map((a) => lower(a.email)),
      };
      await this.db.calendarEvents.put(updated);
      return toEvent(updated);
    });
  }

  async cancelEvent(id: Id, comment: string): Promise<void> {
    await this.db.transaction('rw', this.db.calendarEvents, async () => {
      const row = await this.db.calendarEvents.get(id);
      if (row === undefined) throw new CalendarEventNotFoundError(id);
      await this.db.calendarEvents.update(id, { cancelled: true, cancelComment: comment });
    });
  }

  /** Demo and test hook: an attendee answers the invitation (in Teams, they do it in Outlook). */
  async respond(eventId: Id, email: string, response: Rsvp): Promise<CalendarEvent> {
    const parsedResponse = RsvpSchema.parse(response);
    const work = this.db.transaction('rw', this.db.calendarEvents, async () => {
      const row = await this.db.calendarEvents.get(eventId);
      if (row === undefined) throw new CalendarEventNotFoundError(eventId);
      if (!row.attendeeEmails.includes(lower(email))) throw new NotFoundError('attendee', email);
      const updated: CalendarEventRow = {
        ...row,
        attendees: row.attendees.map((a) => (lower(a.email) === lower(email) ? { ...a, response: parsedResponse } : a)),
      };
      await this.db.calendarEvents.put(updated);
      return toEvent(updated);
    });
    return withPortErrors(work);
  }

  /** Other appointments that make people busy (seeded for the demo); put by id, so re-seeding is harmless. */
  async putBusyBlocks(blocks: readonly BusyBlockInput[]): Promise<void> {
    const rows: BusyBlockRow[] = blocks.map((b) => {
      const parsed = BusyBlockInputSchema.parse(b);
      return {
        id: parsed.id,
        email: lower(parsed.email),
        start: parsed.start,
        end: parsed.end,
        startMs: Date.parse(parsed.start),
        endMs: Date.parse(parsed.end),
      };
    });
    await this.db.busyBlocks.bulkPut(rows);
  }
}
