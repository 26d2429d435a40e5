import { z } from 'zod';
import type { Id, Instant, Rsvp } from '../../domain/model';
import { customPropertiesExtendedPropertyId, encodeCustomProperties } from '../../domain/send-guard-payload';
import {
  CalendarEventNotFoundError,
  type AttendeeKind,
  type BusyInterval,
  type Calendar,
  type CalendarEvent,
  type CalendarEventInput,
  type MeetingAttendance,
} from '../../ports/calendar';
import type { GraphApi } from './graph-api';
import { GraphBadRequestError, GraphNotFoundError } from './graph-errors';
import { readAllPages } from './graph-pages';
import { DateTimeTimeZoneSchema, PREFER_UTC, fromGraphDateTime, toGraphDateTime } from './graph-time';

/**
 * Helhed's MAPI property namespace. The named property `helhedMeetingId` in it marks an event
 * as a Helhed team meeting for Graph-side lookups (`$filter` on singleValueExtendedProperties).
 * https://learn.microsoft.com/graph/api/resources/extended-properties-overview
 */
export const HELHED_PROPERTY_SET = 'dd02cf2d-112a-46a7-8c0b-d959de0346b8';
export const HELHED_MEETING_ID_PROPERTY = `String {${HELHED_PROPERTY_SET}} Name helhedMeetingId`;

/**
 * Office.js `item.loadCustomPropertiesAsync` reads only the add-in's own property:
 * PS_PUBLIC_STRINGS, name `cecp-<add-in id>`, value a JSON object of name/value pairs
 * ([MS-OXCEXT] 2.2.5). The domain owns that encoding (src/domain/send-guard-payload.ts), which
 * the Outlook send guard decodes; this adapter only writes it (docs/footguns.md).
 */
export const outlookCustomPropertiesId = customPropertiesExtendedPropertyId;

/** The Outlook custom properties could not be written: the invitation would go out unguarded. */
export class SendGuardPayloadTooLargeError extends Error {
  readonly code = 'SEND_GUARD_PAYLOAD_TOO_LARGE';
  constructor(readonly length: number) {
    super(`the send guard's custom properties are ${length} characters; Outlook keeps at most 2,500`);
    this.name = 'SendGuardPayloadTooLargeError';
  }
}

/** `Prefer` values: UTC times, and the body as text (Exchange stores HTML and converts on read). */
const PREFER = `${PREFER_UTC}, outlook.body-content-type="text"`;

const RESPONSE_TO_RSVP: Record<string, Rsvp> = {
  none: 'none',
  notResponded: 'none',
  organizer: 'accepted',
  accepted: 'accepted',
  tentativelyAccepted: 'tentative',
  declined: 'declined',
};

/** The part of Graph's `event` Helhed reads (https://learn.microsoft.com/graph/api/resources/event). */
const GraphEventSchema = z.object({
  id: z.string().min(1),
  subject: z.string().nullable(),
  body: z.object({ contentType: z.enum(['text', 'html']), content: z.string().nullable() }).nullable(),
  location: z.object({ displayName: z.string().nullable().optional() }).nullable().optional(),
  start: DateTimeTimeZoneSchema,
  end: DateTimeTimeZoneSchema,
  attendees: z.array(
    z.object({
      type: z.enum(['required', 'optional', 'resource']),
      status: z.object({ response: z.enum(['none', 'organizer', 'tentativelyAccepted', 'accepted', 'declined', 'notResponded']) }).nullable().optional(),
      emailAddress: z.object({ address: z.string(), name: z.string().nullable().optional() }),
    }),
  ),
  onlineMeeting: z.object({ joinUrl: z.string().nullable().optional() }).nullable().optional(),
  sensitivity: z.enum(['normal', 'personal', 'private', 'confidential']),
  isCancelled: z.boolean(),
  // Helhed reads only events it created, and it always sets a transactionId.
  transactionId: z.string().min(1),
});
type GraphEvent = z.infer<typeof GraphEventSchema>;

const ScheduleInformationSchema = z.object({
  scheduleId: z.string(),
  scheduleItems: z
    .array(
      z.object({
        status: z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']),
        start: DateTimeTimeZoneSchema,
        end: DateTimeTimeZoneSchema,
      }),
    )
    .nullable()
    .optional(),
  error: z.object({ message: z.string().nullable().optional(), responseCode: z.string().nullable().optional() }).nullable().optional(),
});
const GetScheduleResponseSchema = z.object({ value: z.array(ScheduleInformationSchema) });

/** Free/busy statuses that block a meeting (tentative too: the slot is promised elsewhere). */
const BUSY_STATUSES: ReadonlySet<string> = new Set(['busy', 'tentative', 'oof']);

/**
 * Addresses per getSchedule call. The reference (https://learn.microsoft.com/graph/api/calendar-getschedule)
 * states no limit; Helhed splits at 20 so one call stays small (a team plus the citizen fits in
 * one, keeping booking at two round trips). Not a documented Graph number: see docs/footguns.md.
 */
const SCHEDULES_PER_CALL = 20;

const EVENT_SELECT = 'id,subject,body,location,start,end,attendees,onlineMeeting,sensitivity,isCancelled,transactionId';

/** https://learn.microsoft.com/graph/api/resources/onlinemeeting (only the id is read). */
const OnlineMeetingSchema = z.object({ id: z.string().min(1) });
/** https://learn.microsoft.com/graph/api/resources/meetingattendancereport (one per session of the meeting). */
const AttendanceReportSchema = z.object({ id: z.string().min(1) });
/** https://learn.microsoft.com/graph/api/resources/attendancerecord */
const AttendanceRecordSchema = z.object({
  emailAddress: z.string().nullable().optional(),
  totalAttendanceInSeconds: z.number().int().nullable().optional(),
  attendanceIntervals: z
    .array(z.object({ joinDateTime: z.string().nullable().optional(), durationInSeconds: z.number().int().nullable().optional() }).nullable())
    .nullable()
    .optional(),
});
type GraphAttendanceRecord = z.infer<typeof AttendanceRecordSchema>;
const AttendanceReportWithRecordsSchema = z.object({ id: z.string().min(1), attendanceRecords: z.array(AttendanceRecordSchema) });

type EventPatch = Partial<Pick<CalendarEventInput, 'subject' | 'body' | 'location' | 'start' | 'end' | 'attendees'>>;

/**
 * Graph <-> domain, both ways, in one place (STYLE.md statement 4). Nothing else in this file
 * knows Graph's field names.
 */
const mapping = {
  toGraph(input: EventPatch): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    if (input.subject !== undefined) body.subject = input.subject;
    if (input.body !== undefined) body.body = { contentType: 'text', content: input.body };
    // Graph clears a location with an empty displayName; null is not accepted for complex properties on PATCH.
    if (input.location !== undefined) body.location = { displayName: input.location ?? '' };
    if (input.start !== undefined) body.start = toGraphDateTime(input.start);
    if (input.end !== undefined) body.end = toGraphDateTime(input.end);
    if (input.attendees !== undefined) {
      body.attendees = input.attendees.map((a) => ({ emailAddress: { address: a.email, name: a.name }, type: a.kind }));
    }
    return body;
  },

  toGraphCreate(input: CalendarEventInput, outlookAddInId: string | null): Record<string, unknown> {
    const extended = [{ id: HELHED_MEETING_ID_PROPERTY, value: input.helhedMeetingId }];
    if (outlookAddInId !== null) {
      const others = { helhedMeetingId: input.helhedMeetingId };
      let value = JSON.stringify(others);
      if (input.sendGuard !== undefined) {
        const encoded = encodeCustomProperties(input.sendGuard, others);
        // Checked before anything is sent: an event without its guard data would pass Outlook unchecked.
        if (!encoded.ok) throw new SendGuardPayloadTooLargeError(encoded.length);
        value = encoded.value;
      }
      extended.push({ id: customPropertiesExtendedPropertyId(outlookAddInId), value });
    }
    const fields = mapping.toGraph(input);
    // On create, no location means none is sent (an empty one is only for clearing on PATCH).
    if (input.location === null) delete fields.location;
    return {
      ...fields,
      // Rule 4: a team meeting about a citizen is always private (PRODUCT.md).
      sensitivity: 'private',
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      responseRequested: true,
      transactionId: input.transactionId,
      singleValueExtendedProperties: extended,
    };
  },

  toDomain(event: GraphEvent): CalendarEvent {
    const location = event.location?.displayName ?? '';
    return {
      id: event.id,
      subject: event.subject ?? '',
      // Exchange may end a text body with a line break it added; the text itself is ours.
      body: (event.body?.content ?? '').replace(/\s+$/u, ''),
      location: location === '' ? null : location,
      start: fromGraphDateTime(event.start),
      end: fromGraphDateTime(event.end),
      attendees: event.attendees.map((a) => ({
        email: a.emailAddress.address,
        name: a.emailAddress.name ?? a.emailAddress.address,
        kind: a.type satisfies AttendeeKind,
        response: RESPONSE_TO_RSVP[a.status?.response ?? 'none'] ?? 'none',
      })),
      joinUrl: event.onlineMeeting?.joinUrl ?? null,
      isPrivate: event.sensitivity === 'private',
      cancelled: event.isCancelled,
      transactionId: event.transactionId,
    };
  },
};

/**
 * Attendance records of every session -> one entry per address (Graph -> domain, STYLE.md
 * statement 4). Records without an address (anonymous or PSTN participants) cannot be matched
 * to an invitee and are left out.
 */
export function attendanceFromRecords(records: readonly GraphAttendanceRecord[]): MeetingAttendance[] {
  const byEmail = new Map<string, MeetingAttendance>();
  for (const record of records) {
    const email = record.emailAddress?.trim() ?? '';
    if (email === '') continue;
    const intervals = (record.attendanceIntervals ?? []).filter((i) => i !== null);
    const seconds = record.totalAttendanceInSeconds ?? intervals.reduce((sum, i) => sum + (i.durationInSeconds ?? 0), 0);
    const present = seconds > 0 || intervals.some((i) => (i.joinDateTime ?? null) !== null);
    const key = email.toLowerCase();
    const seen = byEmail.get(key);
    if (seen === undefined) byEmail.set(key, { email, present, seconds });
    else byEmail.set(key, { email: seen.email, present: seen.present || present, seconds: seen.seconds + seconds });
  }
  return [...byEmail.values()].sort((a, b) => a.email.toLowerCase().localeCompare(b.email.toLowerCase()));
}

/** A string literal in an OData `$filter`: single quotes doubled. */
const odataString = (value: string) => `'${value.replace(/'/g, "''")}'`;

function merge(intervals: { startMs: number; endMs: number }[]): BusyInterval[] {
  const sorted = [...intervals].sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const merged: { startMs: number; endMs: number }[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && interval.startMs <= last.endMs) last.endMs = Math.max(last.endMs, interval.endMs);
    else merged.push({ ...interval });
  }
  return merged.map((i) => ({ start: new Date(i.startMs).toISOString(), end: new Date(i.endMs).toISOString() }));
}

/** A malformed id is 400 ErrorInvalidIdMalformed, not 404 (docs/footguns.md); both mean "no such event". */
function isMissingEvent(error: unknown): boolean {
  return error instanceof GraphNotFoundError || (error instanceof GraphBadRequestError && error.graphCode === 'ErrorInvalidIdMalformed');
}

export interface GraphCalendarOptions {
  /**
   * The Outlook add-in id (the app's manifest `id`), so Office.js custom properties can read the
   * Helhed meeting id (see outlookCustomPropertiesId); null writes only Helhed's own property.
   */
  outlookAddInId: string | null;
  /**
   * The Graph client for attendance reports: its token carries OnlineMeetings.Read and
   * OnlineMeetingArtifact.Read.All (graph-session.ts asks for them separately, so a tenant that
   * has not consented to them can still sign in and book). Default: the calendar's own client.
   */
  reports?: GraphApi;
}

/**
 * The organiser's Exchange calendar over Microsoft Graph (delegated Calendars.ReadWrite).
 * Booking is two round trips: getSchedule (free/busy) and POST /me/events.
 */
export class GraphCalendar implements Calendar {
  constructor(
    private readonly graph: GraphApi,
    private readonly options: GraphCalendarOptions = { outlookAddInId: null },
  ) {}

  private get reportsGraph(): GraphApi {
    return this.options.reports ?? this.graph;
  }

  async getBusy(emails: readonly string[], from: Instant, to: Instant): Promise<Map<string, BusyInterval[]>> {
    const fromMs = Date.parse(from);
    const toMs = Date.parse(to);
    const unique = [...new Map(emails.map((e) => [e.toLowerCase(), e])).values()];
    const busy = new Map<string, { startMs: number; endMs: number }[]>(unique.map((e) => [e.toLowerCase(), []]));
    for (let i = 0; i < unique.length; i += SCHEDULES_PER_CALL) {
      const chunk = unique.slice(i, i + SCHEDULES_PER_CALL);
      const response = await this.graph.call({
        method: 'POST',
        path: '/me/calendar/getSchedule',
        headers: { Prefer: PREFER_UTC },
        // Parameter names as in Graph's OpenAPI description and the free/busy guide (PascalCase);
        // the API reference's example writes them camelCase, so Graph reads both.
        body: { Schedules: chunk, StartTime: toGraphDateTime(from), EndTime: toGraphDateTime(to), AvailabilityViewInterval: 15 },
        schema: GetScheduleResponseSchema,
        replaySafe: true,
      });
      for (const info of response.value) {
        const list = busy.get(info.scheduleId.toLowerCase());
        // An address Exchange cannot resolve (or an external one) carries `error` instead of items:
        // the port's "unknown address maps to an empty list".
        if (list === undefined || info.error) continue;
        for (const item of info.scheduleItems ?? []) {
          if (!BUSY_STATUSES.has(item.status)) continue;
          const startMs = Date.parse(fromGraphDateTime(item.start));
          const endMs = Date.parse(fromGraphDateTime(item.end));
          if (startMs < toMs && endMs > fromMs) list.push({ startMs, endMs });
        }
      }
    }
    return new Map(emails.map((email) => [email, merge(busy.get(email.toLowerCase()) ?? [])]));
  }

  async createEvent(input: CalendarEventInput): Promise<CalendarEvent> {
    const event = await this.graph.call({
      method: 'POST',
      path: '/me/events',
      headers: { Prefer: PREFER },
      body: mapping.toGraphCreate(input, this.options.outlookAddInId),
      schema: GraphEventSchema,
      // transactionId makes a replayed create return the first event instead of a second one.
      replaySafe: true,
    });
    return mapping.toDomain(event);
  }

  async getEvent(id: Id): Promise<CalendarEvent> {
    try {
      const event = await this.graph.call({
        method: 'GET',
        path: `/me/events/${encodeURIComponent(id)}`,
        query: { $select: EVENT_SELECT },
        headers: { Prefer: PREFER },
        schema: GraphEventSchema,
      });
      return mapping.toDomain(event);
    } catch (error) {
      if (isMissingEvent(error)) throw Object.assign(new CalendarEventNotFoundError(id), { cause: error });
      throw error;
    }
  }

  async updateEvent(id: Id, patch: EventPatch): Promise<CalendarEvent> {
    try {
      const event = await this.graph.call({
        method: 'PATCH',
        path: `/me/events/${encodeURIComponent(id)}`,
        headers: { Prefer: PREFER },
        body: mapping.toGraph(patch),
        schema: GraphEventSchema,
      });
      return mapping.toDomain(event);
    } catch (error) {
      if (isMissingEvent(error)) throw Object.assign(new CalendarEventNotFoundError(id), { cause: error });
      throw error;
    }
  }

  async cancelEvent(id: Id, comment: string): Promise<void> {
    try {
      await this.graph.call({
        method: 'POST',
        path: `/me/events/${encodeURIComponent(id)}/cancel`,
        body: { Comment: comment },
        schema: z.unknown(),
        // A replayed cancel of one that landed answers 404: do not replay blindly.
        replaySafe: false,
      });
    } catch (error) {
      if (isMissingEvent(error)) throw Object.assign(new CalendarEventNotFoundError(id), { cause: error });
      throw error;
    }
  }

  /**
   * The Teams attendance report(s) of the meeting behind `joinUrl` (delegated
   * OnlineMeetings.Read to find it, OnlineMeetingArtifact.Read.All for the reports; only the
   * organiser can read them). 2 + R round trips for R sessions:
   * GET /me/onlineMeetings?$filter=JoinWebUrl eq '...', GET .../attendanceReports, and
   * GET .../attendanceReports/{id}?$expand=attendanceRecords per report.
   * No meeting with that link is a GraphNotFoundError; 403 stays a GraphForbiddenError.
   */
  async getAttendance(joinUrl: string): Promise<MeetingAttendance[] | null> {
    // The join URL holds percent escapes of its own (`19%3ameeting_…`): the whole filter is
    // percent-encoded once more, as in the reference's example. graph-client's query() leaves
    // `%` alone, which would turn `%3a` into `:` on Graph's side and match nothing.
    const filter = encodeURIComponent(`JoinWebUrl eq ${odataString(joinUrl)}`);
    const meetings = await readAllPages(this.reportsGraph, { path: `/me/onlineMeetings?$filter=${filter}` }, OnlineMeetingSchema);
    const [meeting] = meetings;
    if (meeting === undefined) {
      throw new GraphNotFoundError('no online meeting of the signed-in user has this join URL', {
        status: 404,
        graphCode: null,
        requestId: null,
        operation: 'GET /me/onlineMeetings',
      });
    }
    const base = `/me/onlineMeetings/${encodeURIComponent(meeting.id)}/attendanceReports`;
    const reports = await readAllPages(this.reportsGraph, { path: base }, AttendanceReportSchema);
    // Reports appear only after the meeting has ended (online meeting artifacts).
    if (reports.length === 0) return null;
    const records: GraphAttendanceRecord[] = [];
    for (const report of reports) {
      const full = await this.reportsGraph.call({
        method: 'GET',
        path: `${base}/${encodeURIComponent(report.id)}`,
        query: { $expand: 'attendanceRecords' },
        schema: AttendanceReportWithRecordsSchema,
      });
      records.push(...full.attendanceRecords);
    }
    return attendanceFromRecords(records);
  }
}
