/**
 * An in-memory Microsoft Graph for the Graph adapters' tests (msw 2, Node environment). It holds
 * events and users, computes getSchedule from the events, and answers in the documented shapes
 * (https://learn.microsoft.com/graph/api/resources/event, .../calendar-getschedule,
 * .../user-list). Every request body is checked against Graph's OpenAPI description; a body that
 * does not conform gets 400, as Graph would, and is recorded in `schemaViolations`.
 */
import { HttpResponse, http, type HttpHandler } from 'msw';
import { FakeSharePoint } from './fake-sharepoint';
import { graphSchemaErrors, type GRAPH_SCHEMAS } from './graph-openapi';

export const GRAPH_BASE = 'https://graph.microsoft.com/v1.0';

export interface FakeUser {
  id: string;
  displayName: string;
  mail: string | null;
  userPrincipalName: string;
  department: string | null;
  jobTitle: string | null;
}

export interface RecordedRequest {
  method: string;
  /** Path after /v1.0, decoded. */
  path: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

type GraphResponseType = 'none' | 'organizer' | 'tentativelyAccepted' | 'accepted' | 'declined' | 'notResponded';

interface StoredAttendee {
  type: 'required' | 'optional' | 'resource';
  address: string;
  name: string;
  response: GraphResponseType;
}

interface StoredEvent {
  id: string;
  transactionId: string | null;
  subject: string;
  body: string;
  bodyType: 'text' | 'html';
  location: string;
  startMs: number;
  endMs: number;
  attendees: StoredAttendee[];
  sensitivity: string;
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  isCancelled: boolean;
  singleValueExtendedProperties: { id: string; value: string }[];
  joinUrl: string | null;
  createdMs: number;
}

/** One participant in a seeded attendance report (https://learn.microsoft.com/graph/api/resources/attendancerecord). */
export interface FakeAttendanceRecord {
  emailAddress: string | null;
  displayName?: string;
  role?: 'Organizer' | 'Presenter' | 'Attendee' | 'None';
  /** Join/leave pairs, ms since the epoch; totalAttendanceInSeconds is their sum. */
  intervals: readonly { joinMs: number; leaveMs: number }[];
}

interface StoredOnlineMeeting {
  id: string;
  joinWebUrl: string;
  eventId: string;
  reports: { id: string; startMs: number; endMs: number; records: FakeAttendanceRecord[] }[];
}

/** A scripted failure: the next `times` requests matching `method`/`path` get it. */
export interface Fault {
  method?: string;
  path?: RegExp;
  times?: number;
  status?: number;
  headers?: Record<string, string>;
  code?: string;
  /** No response at all (a dropped connection); with afterCommit, after the request was processed. */
  drop?: boolean;
  /** Process the request, then answer `status` anyway (committed-then-504). */
  afterCommit?: boolean;
}

const MEETING_URL = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_';
const EVENT_ID_PREFIX = 'AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAiIsqMbYjsT5e-T7KzowPTAAAAAAENAAAiIsqMbYjsT5e-T7KzowPTAAA';
const JSON_HEADERS = { 'Content-Type': 'application/json' };

const pad2 = (n: number) => String(n).padStart(2, '0');
/** Graph writes dateTime with seven fractional digits and no offset. */
function graphDateTime(ms: number): { dateTime: string; timeZone: string } {
  return { dateTime: `${new Date(ms).toISOString().slice(0, 19)}.0000000`, timeZone: 'UTC' };
}
function parseDateTime(value: unknown): number | null {
  if (value === null || typeof value !== 'object') return null;
  const { dateTime, timeZone } = value as { dateTime?: unknown; timeZone?: unknown };
  if (typeof dateTime !== 'string' || timeZone !== 'UTC') return null;
  const ms = Date.parse(`${dateTime.slice(0, 23)}Z`);
  return Number.isNaN(ms) ? null : ms;
}

function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return HttpResponse.json(
    { error: { code, message, innerError: { date: '2031-03-11T08:00:00', 'request-id': `req-${status}-${code}`, 'client-request-id': 'c-1' } } },
    { status, headers: { ...headers, 'request-id': `req-${status}-${code}` } },
  );
}

const lower = (s: string) => s.toLowerCase();

export class FakeGraph {
  readonly requests: RecordedRequest[] = [];
  private readonly ownViolations: string[] = [];
  readonly sharePoint = new FakeSharePoint();
  /** Steps inside `$batch` calls (each call is one entry in `requests`). */
  readonly batchSteps: RecordedRequest[] = [];
  /** Scripted failure per batch step (Graph does not retry inside a batch). */
  stepFault: ((step: RecordedRequest) => Fault | undefined) | null = null;
  /** Scripted failure per HTTP request, after the queued `inject` faults. */
  requestFault: ((request: RecordedRequest) => Fault | undefined) | null = null;
  /** Tokens Graph refuses with 401 (expired or revoked). */
  readonly rejectedTokens = new Set<string>();
  /** Rewrites the next JSON answer (a test of the adapter's response parsing). */
  corruptNext: ((json: Record<string, unknown>) => Record<string, unknown>) | null = null;
  /** Graph-side clock for createdDateTime and response times. */
  nowMs = Date.parse('2031-03-01T08:00:00Z');

  private readonly events = new Map<string, StoredEvent>();
  /** The Teams meeting Exchange creates with every teamsForBusiness event, by join URL. */
  private readonly onlineMeetings = new Map<string, StoredOnlineMeeting>();
  private readonly faults: Fault[] = [];
  private nextEvent = 1;
  private readonly users: FakeUser[];
  private readonly mailboxes: Set<string>;

  /**
   * @param options.meByToken Who `/me` is for a bearer token (several signed-in people against one
   *   Graph, e.g. three browser contexts); tokens not in it are `me`.
   */
  constructor(
    private readonly options: { me: FakeUser; users?: readonly FakeUser[]; mailboxes?: readonly string[]; meByToken?: ReadonlyMap<string, FakeUser> },
  ) {
    this.users = [...(options.users ?? [options.me])];
    this.mailboxes = new Set([
      ...this.users.map((u) => lower(u.mail ?? u.userPrincipalName)),
      ...(options.mailboxes ?? []).map(lower),
    ]);
  }

  handlers(): HttpHandler[] {
    return [http.all(`${GRAPH_BASE}/*`, ({ request }) => this.handle(request))];
  }

  inject(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  /** An attendee answers in Outlook. */
  respond(eventId: string, email: string, response: GraphResponseType): void {
    const event = this.events.get(eventId);
    const attendee = event?.attendees.find((a) => lower(a.address) === lower(email));
    if (attendee === undefined) throw new Error(`no attendee ${email} on ${eventId}`);
    attendee.response = response;
  }

  /**
   * A session of the online meeting ended: Teams publishes an attendance report (one per
   * session). `joinUrl` is the event's onlineMeeting.joinUrl.
   */
  seedAttendanceReport(joinUrl: string, records: readonly FakeAttendanceRecord[]): string {
    const meeting = this.onlineMeetings.get(joinUrl);
    if (meeting === undefined) throw new Error(`no online meeting with join URL ${joinUrl}`);
    const event = this.events.get(meeting.eventId);
    const id = `${meeting.id.slice(0, 8)}-report-${meeting.reports.length + 1}`;
    meeting.reports.push({ id, startMs: event?.startMs ?? this.nowMs, endMs: event?.endMs ?? this.nowMs, records: [...records] });
    return id;
  }

  /** What Graph holds (for privacy assertions over stored data). */
  storedEvents(): readonly Readonly<StoredEvent>[] {
    return [...this.events.values()];
  }

  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  /** The whole server: answers one Graph request (msw's handler, or a browser test's route). */
  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = decodeURIComponent(url.pathname.replace(/^\/v1\.0/, ''));
    const text = await request.text();
    let body: unknown = undefined;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        return graphError(400, 'BadRequest', 'Unable to read JSON request payload.');
      }
    }
    const recorded: RecordedRequest = { method: request.method, path, url, headers: request.headers, body };
    this.requests.push(recorded);

    const fault = this.takeFault(recorded) ?? this.requestFault?.(recorded);
    if (fault?.drop && !fault.afterCommit) return HttpResponse.error();
    if (fault !== undefined && !fault.afterCommit) return this.faultResponse(fault);

    const auth = request.headers.get('Authorization') ?? '';
    const token = auth.replace(/^Bearer /, '');
    if (!auth.startsWith('Bearer ') || token === '') return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    if (this.rejectedTokens.has(token)) return graphError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');

    const response = recorded.method === 'POST' && path === '/$batch' ? await this.batch(recorded) : this.route(recorded);
    // Committed, then the connection dropped or the gateway timed out: the client never learns.
    if (fault?.drop) return HttpResponse.error();
    return fault !== undefined ? this.faultResponse(fault) : response;
  }

  get schemaViolations(): string[] {
    return [...this.ownViolations, ...this.sharePoint.schemaViolations];
  }

  /** JSON batching: https://learn.microsoft.com/graph/json-batching (at most 20 steps, relative URLs). */
  private async batch(outer: RecordedRequest): Promise<Response> {
    const requests = (outer.body as { requests?: unknown }).requests;
    if (!Array.isArray(requests) || requests.length === 0) return graphError(400, 'BadRequest', 'Invalid batch payload format.');
    if (requests.length > 20) return graphError(400, 'BadRequest', 'Number of batch request steps exceeds the maximum of 20.');
    const steps = requests as { id?: unknown; method?: unknown; url?: unknown; headers?: Record<string, string>; body?: unknown }[];
    const ids = steps.map((r) => String(r.id));
    if (new Set(ids).size !== ids.length) return graphError(400, 'BadRequest', 'Batch request ids must be unique.');
    const responses = [];
    for (const step of steps) {
      const id = String(step.id);
      const url = typeof step.url === 'string' ? step.url : '';
      if (url.startsWith('/v1.0/') || url.startsWith('v1.0/') || /^https?:/.test(url)) {
        // A step URL is relative to the version: graph-client 3.0.7's /v1.0 steps get this 400.
        responses.push({ id, status: 400, body: { error: { code: 'BadRequest', message: 'Invalid request URI.' } } });
        continue;
      }
      if (step.body !== undefined && !Object.keys(step.headers ?? {}).some((h) => h.toLowerCase() === 'content-type')) {
        responses.push({ id, status: 400, body: { error: { code: 'BadRequest', message: 'Content-Type header is required when a body is given.' } } });
        continue;
      }
      const stepUrl = new URL(`${GRAPH_BASE}${url.startsWith('/') ? url : `/${url}`}`);
      const headers = new Headers(step.headers ?? {});
      headers.set('Authorization', outer.headers.get('Authorization') ?? '');
      const req: RecordedRequest = {
        method: String(step.method).toUpperCase(),
        path: decodeURIComponent(stepUrl.pathname.replace(/^\/v1\.0/, '')),
        url: stepUrl,
        headers,
        body: step.body,
      };
      this.batchSteps.push(req);
      const fault = this.stepFault?.(req);
      let response = fault !== undefined && !fault.afterCommit ? this.faultResponse(fault) : this.route(req);
      if (fault?.afterCommit) response = this.faultResponse(fault);
      const text = await response.text();
      const out: Record<string, string> = {};
      for (const name of ['Retry-After', 'Content-Type', 'request-id', 'ETag']) {
        const value = response.headers.get(name);
        if (value !== null) out[name] = value;
      }
      responses.push({ id, status: response.status, headers: out, body: text === '' ? undefined : (JSON.parse(text) as unknown) });
    }
    return HttpResponse.json({ responses }, { headers: JSON_HEADERS });
  }

  private takeFault(req: RecordedRequest): Fault | undefined {
    const index = this.faults.findIndex((f) => (f.method === undefined || f.method === req.method) && (f.path === undefined || f.path.test(req.path)));
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    return fault;
  }

  private faultResponse(fault: Fault): Response {
    const status = fault.status ?? 503;
    const code = fault.code ?? (status === 429 ? 'TooManyRequests' : status === 401 ? 'InvalidAuthenticationToken' : 'ServiceNotAvailable');
    return graphError(status, code, `injected ${status}`, fault.headers);
  }

  private invalid(schema: keyof typeof GRAPH_SCHEMAS, req: RecordedRequest): Response | null {
    const errors = graphSchemaErrors(schema, req.body);
    if (errors.length === 0) return null;
    this.ownViolations.push(`${req.method} ${req.path}: ${errors.join('; ')}`);
    return graphError(400, 'RequestBodyRead', errors.join('; '));
  }

  private route(req: RecordedRequest): Response {
    const { method, path } = req;
    if (method === 'POST' && path === '/me/calendar/getSchedule') return this.getSchedule(req);
    if (method === 'POST' && path === '/me/events') return this.createEvent(req);
    const eventMatch = /^\/me\/events\/([^/]+)(\/cancel)?$/.exec(path);
    if (eventMatch !== null) {
      const [, id = '', cancel] = eventMatch;
      if (!id.startsWith('AAMk')) return graphError(400, 'ErrorInvalidIdMalformed', 'Id is malformed.');
      const event = this.events.get(id);
      if (event === undefined) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      if (cancel !== undefined && method === 'POST') return this.cancelEvent(req, event);
      if (cancel === undefined && method === 'GET') return this.eventResponse(req, event, 200);
      if (cancel === undefined && method === 'PATCH') return this.patchEvent(req, event);
    }
    if (method === 'GET' && path.startsWith('/me/onlineMeetings')) return this.onlineMeetingRoute(req);
    if (method === 'GET' && path === '/me') return this.userResponse(req, this.meFor(req));
    const userMatch = /^\/users\/([^/]+)$/.exec(path);
    if (method === 'GET' && userMatch !== null) {
      const user = this.users.find((u) => u.id === userMatch[1] || lower(u.userPrincipalName) === lower(userMatch[1] ?? ''));
      if (user === undefined) return graphError(404, 'Request_ResourceNotFound', `Resource '${userMatch[1]}' does not exist or one of its queried reference-property objects are not present.`);
      return this.userResponse(req, user);
    }
    if (method === 'GET' && path === '/users') return this.listUsers(req);
    const sharePoint = this.sharePoint.route(req);
    if (sharePoint !== null) return sharePoint;
    return graphError(400, 'BadRequest', `Resource not found for the segment '${path}'.`);
  }

  // ---------------------------------------------------------------------------------------------
  // Calendar
  // ---------------------------------------------------------------------------------------------

  private meFor(req: RecordedRequest): FakeUser {
    const token = (req.headers.get('Authorization') ?? '').replace(/^Bearer /, '');
    return this.options.meByToken?.get(token) ?? this.options.me;
  }

  private getSchedule(req: RecordedRequest): Response {
    const bad = this.invalid('getScheduleBody', req);
    if (bad) return bad;
    const body = req.body as { Schedules?: unknown; StartTime?: unknown; EndTime?: unknown; AvailabilityViewInterval?: unknown };
    const fromMs = parseDateTime(body.StartTime);
    const toMs = parseDateTime(body.EndTime);
    if (!Array.isArray(body.Schedules) || fromMs === null || toMs === null || !(fromMs < toMs)) {
      return graphError(400, 'ErrorInvalidParameter', 'Schedules, StartTime and EndTime are required.');
    }
    const interval = typeof body.AvailabilityViewInterval === 'number' ? body.AvailabilityViewInterval : 30;
    const me = lower(this.options.me.mail ?? this.options.me.userPrincipalName);
    const value = (body.Schedules as string[]).map((scheduleId) => {
      const address = lower(scheduleId);
      if (!this.mailboxes.has(address)) {
        return { scheduleId, error: { message: `The requested user '${scheduleId}' is invalid.`, responseCode: 'ErrorInvalidRecipients' } };
      }
      const items = [...this.events.values()]
        .filter((e) => !e.isCancelled && e.startMs < toMs && e.endMs > fromMs)
        .flatMap((e) => {
          if (address === me) return [{ e, status: 'busy' }];
          const attendee = e.attendees.find((a) => lower(a.address) === address);
          if (attendee === undefined || attendee.response === 'declined') return [];
          return [{ e, status: attendee.response === 'tentativelyAccepted' ? 'tentative' : 'busy' }];
        })
        .sort((a, b) => a.e.startMs - b.e.startMs)
        .map(({ e, status }) => ({
          isPrivate: e.sensitivity === 'private',
          status,
          // Private items show no subject or location to anyone else.
          subject: e.sensitivity === 'private' ? '' : e.subject,
          location: e.sensitivity === 'private' ? '' : e.location,
          isMeeting: true,
          isRecurring: false,
          isException: false,
          isReminderSet: true,
          start: graphDateTime(e.startMs),
          end: graphDateTime(e.endMs),
        }));
      const slots = Math.ceil((toMs - fromMs) / (interval * 60_000));
      let view = '';
      for (let s = 0; s < slots; s += 1) {
        const a = fromMs + s * interval * 60_000;
        const b = a + interval * 60_000;
        const hit = items.filter((i) => parseDateTime(i.start)! < b && parseDateTime(i.end)! > a);
        view += hit.length === 0 ? '0' : hit.some((i) => i.status === 'busy') ? '2' : '1';
      }
      return {
        scheduleId,
        availabilityView: view,
        scheduleItems: items,
        workingHours: {
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          startTime: '08:00:00.0000000',
          endTime: '16:00:00.0000000',
          timeZone: { name: 'Romance Standard Time' },
        },
      };
    });
    for (const info of value) {
      const errors = graphSchemaErrors('scheduleInformation', info);
      if (errors.length > 0) throw new Error(`fake getSchedule fixture does not match the Graph description: ${errors.join('; ')}`);
    }
    return HttpResponse.json({ '@odata.context': `${GRAPH_BASE}/$metadata#Collection(microsoft.graph.scheduleInformation)`, value }, { headers: JSON_HEADERS });
  }

  private createEvent(req: RecordedRequest): Response {
    const bad = this.invalid('event', req);
    if (bad) return bad;
    const body = req.body as Record<string, unknown>;
    const transactionId = typeof body.transactionId === 'string' ? body.transactionId : null;
    if (transactionId !== null) {
      // Graph uses transactionId "to avoid redundant POST operations in case of client retries":
      // the retried create answers with the event that exists.
      const existing = [...this.events.values()].find((e) => e.transactionId === transactionId);
      if (existing !== undefined) return this.eventResponse(req, existing, 201);
    }
    const startMs = parseDateTime(body.start);
    const endMs = parseDateTime(body.end);
    if (startMs === null || endMs === null) return graphError(400, 'ErrorInvalidRequest', 'start and end are required (UTC in this fake).');
    if (!(startMs < endMs)) return graphError(400, 'ErrorInvalidRequest', 'Your request can\'t be completed. The meeting end time must be later than its start time.');
    const n = this.nextEvent++;
    const id = `${EVENT_ID_PREFIX}${String(n).padStart(6, '0')}=`;
    const onlineProvider = typeof body.onlineMeetingProvider === 'string' ? body.onlineMeetingProvider : 'unknown';
    const isOnline = body.isOnlineMeeting === true;
    const event: StoredEvent = {
      id,
      transactionId,
      subject: typeof body.subject === 'string' ? body.subject : '',
      ...this.bodyOf(body.body),
      location: this.locationOf(body.location) ?? '',
      startMs,
      endMs,
      attendees: this.attendeesOf(body.attendees, new Map()),
      sensitivity: typeof body.sensitivity === 'string' ? body.sensitivity : 'normal',
      isOnlineMeeting: isOnline,
      onlineMeetingProvider: onlineProvider,
      isCancelled: false,
      singleValueExtendedProperties: Array.isArray(body.singleValueExtendedProperties)
        ? (body.singleValueExtendedProperties as { id: string; value: string }[]).map((p) => ({ id: p.id, value: p.value }))
        : [],
      joinUrl: isOnline && onlineProvider === 'teamsForBusiness' ? `${MEETING_URL}${pad2(n)}%40thread.v2/0?context=%7b%7d` : null,
      createdMs: this.nowMs,
    };
    this.events.set(id, event);
    if (event.joinUrl !== null) {
      this.onlineMeetings.set(event.joinUrl, { id: `MSpkYzE3Njc0Yy04MWQ5LTRhZGItYmZi${pad2(n)}`, joinWebUrl: event.joinUrl, eventId: id, reports: [] });
    }
    return this.eventResponse(req, event, 201);
  }

  private patchEvent(req: RecordedRequest, event: StoredEvent): Response {
    const bad = this.invalid('event', req);
    if (bad) return bad;
    const body = req.body as Record<string, unknown>;
    const startMs = body.start === undefined ? event.startMs : parseDateTime(body.start);
    const endMs = body.end === undefined ? event.endMs : parseDateTime(body.end);
    if (startMs === null || endMs === null || !(startMs < endMs)) return graphError(400, 'ErrorInvalidRequest', 'invalid start or end');
    const moved = startMs !== event.startMs || endMs !== event.endMs;
    if (typeof body.subject === 'string') event.subject = body.subject;
    if (body.body !== undefined) Object.assign(event, this.bodyOf(body.body));
    if (body.location !== undefined) event.location = this.locationOf(body.location) ?? '';
    // Exchange asks everyone to answer again when the time moves.
    const previous = new Map(event.attendees.map((a) => [lower(a.address), moved ? ('none' as const) : a.response]));
    if (body.attendees !== undefined) event.attendees = this.attendeesOf(body.attendees, previous);
    else if (moved) event.attendees = event.attendees.map((a) => ({ ...a, response: 'none' }));
    event.startMs = startMs;
    event.endMs = endMs;
    return this.eventResponse(req, event, 200);
  }

  private cancelEvent(req: RecordedRequest, event: StoredEvent): Response {
    const bad = this.invalid('cancelBody', req);
    if (bad) return bad;
    event.isCancelled = true;
    // "If successful, this method returns 202 Accepted" (event-cancel); the item goes to Deleted Items.
    return new HttpResponse(null, { status: 202 });
  }

  private bodyOf(value: unknown): { body: string; bodyType: 'text' | 'html' } {
    const b = value as { contentType?: string; content?: string } | undefined;
    return { body: b?.content ?? '', bodyType: b?.contentType === 'html' ? 'html' : 'text' };
  }

  private locationOf(value: unknown): string | null {
    const l = value as { displayName?: string } | null | undefined;
    return l?.displayName ?? null;
  }

  private attendeesOf(value: unknown, previous: Map<string, GraphResponseType>): StoredAttendee[] {
    if (!Array.isArray(value)) return [];
    return (value as { type?: string; emailAddress?: { address?: string; name?: string } }[]).map((a) => {
      const address = a.emailAddress?.address ?? '';
      return {
        type: a.type === 'optional' || a.type === 'resource' ? a.type : 'required',
        address,
        name: a.emailAddress?.name ?? address,
        response: previous.get(lower(address)) ?? 'none',
      };
    });
  }

  private eventResponse(req: RecordedRequest, event: StoredEvent, status: number): Response {
    const prefer = req.headers.get('Prefer') ?? '';
    const asText = /outlook\.body-content-type="?text"?/.test(prefer);
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const content = asText
      ? event.bodyType === 'text' ? event.body : event.body.replace(/<[^>]+>/g, '')
      : event.bodyType === 'html' ? event.body : `<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n${escape(event.body)}\r\n</body>\r\n</html>\r\n`;
    const me = this.options.me;
    const created = `${new Date(event.createdMs).toISOString().slice(0, 19)}.0000000Z`;
    const json = {
      '@odata.context': `${GRAPH_BASE}/$metadata#users('${me.id}')/events/$entity`,
      '@odata.etag': `W/"DwAAABYAAAAiIsqMbYjsT5e/T7KzowPTAAA${pad2(this.nextEvent)}"`,
      id: event.id,
      createdDateTime: created,
      lastModifiedDateTime: created,
      changeKey: 'IiLKjG2I7E+Xvk+ys6MD0wAAAAA',
      categories: [],
      transactionId: event.transactionId,
      originalStartTimeZone: 'UTC',
      originalEndTimeZone: 'UTC',
      iCalUId: `040000008200E00074C5B7101A82E00800000000${event.id.slice(-12)}`,
      reminderMinutesBeforeStart: 15,
      isReminderOn: true,
      hasAttachments: false,
      subject: event.subject,
      bodyPreview: event.body.slice(0, 255),
      importance: 'normal',
      sensitivity: event.sensitivity,
      isAllDay: false,
      isCancelled: event.isCancelled,
      isOrganizer: true,
      responseRequested: true,
      seriesMasterId: null,
      showAs: 'busy',
      type: 'singleInstance',
      webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(event.id)}&exvsurl=1&path=/calendar/item`,
      onlineMeetingUrl: null,
      isOnlineMeeting: event.isOnlineMeeting,
      onlineMeetingProvider: event.onlineMeetingProvider,
      allowNewTimeProposals: true,
      isDraft: false,
      hideAttendees: false,
      responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
      body: { contentType: asText ? 'text' : 'html', content },
      start: graphDateTime(event.startMs),
      end: graphDateTime(event.endMs),
      location: { displayName: event.location, locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} },
      locations: event.location === '' ? [] : [{ displayName: event.location, locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} }],
      recurrence: null,
      attendees: event.attendees.map((a) => ({
        type: a.type,
        status: { response: a.response, time: '0001-01-01T00:00:00Z' },
        emailAddress: { name: a.name, address: a.address },
      })),
      organizer: { emailAddress: { name: me.displayName, address: me.mail ?? me.userPrincipalName } },
      onlineMeeting: event.joinUrl === null ? null : { joinUrl: event.joinUrl },
    };
    const select = req.url.searchParams.get('$select');
    const out = select === null ? json : Object.fromEntries(Object.entries(json).filter(([k]) => k.startsWith('@') || k === 'id' || select.split(',').includes(k)));
    const errors = graphSchemaErrors('event', out);
    if (errors.length > 0) throw new Error(`fake event fixture does not match the Graph description: ${errors.join('; ')}`);
    const corrupt = this.corruptNext;
    this.corruptNext = null;
    return HttpResponse.json(corrupt === null ? out : corrupt(out), { status, headers: JSON_HEADERS });
  }

  // ---------------------------------------------------------------------------------------------
  // Online meetings and attendance reports (https://learn.microsoft.com/graph/api/resources/meetingattendancereport)
  // ---------------------------------------------------------------------------------------------

  private onlineMeetingRoute(req: RecordedRequest): Response {
    const params = req.url.searchParams;
    if (req.path === '/me/onlineMeetings') {
      // Delegated list works only as "get by joinWebUrl" (onlinemeeting-get, example 3).
      const filter = /^JoinWebUrl eq '((?:[^']|'')*)'$/i.exec(params.get('$filter') ?? '');
      if (filter === null) return graphError(400, 'BadRequest', "Filter on JoinWebUrl is required: $filter=JoinWebUrl eq '{joinWebUrl}'.");
      const meeting = this.onlineMeetings.get((filter[1] ?? '').replace(/''/g, "'"));
      const event = meeting === undefined ? undefined : this.events.get(meeting.eventId);
      const value =
        meeting === undefined
          ? []
          : [
              {
                id: meeting.id,
                creationDateTime: `${new Date(event?.createdMs ?? this.nowMs).toISOString().slice(0, 19)}.0000000Z`,
                startDateTime: new Date(event?.startMs ?? this.nowMs).toISOString(),
                endDateTime: new Date(event?.endMs ?? this.nowMs).toISOString(),
                joinWebUrl: meeting.joinWebUrl,
                subject: event?.subject ?? null,
                isBroadcast: false,
              },
            ];
      return this.validatedJson('onlineMeetingCollection', { '@odata.context': `${GRAPH_BASE}/$metadata#users('${this.options.me.id}')/onlineMeetings`, value });
    }
    const match = /^\/me\/onlineMeetings\/([^/]+)\/attendanceReports(?:\/([^/]+)(\/attendanceRecords)?)?$/.exec(req.path);
    const meeting = [...this.onlineMeetings.values()].find((m) => m.id === match?.[1]);
    if (match === null || meeting === undefined) return graphError(404, 'NotFound', 'The requested resource was not found.');
    const reportJson = (r: StoredOnlineMeeting['reports'][number]) => ({
      id: r.id,
      totalParticipantCount: r.records.length,
      meetingStartDateTime: new Date(r.startMs).toISOString(),
      meetingEndDateTime: new Date(r.endMs).toISOString(),
    });
    const recordJson = (rec: FakeAttendanceRecord, i: number) => ({
      id: rec.emailAddress ?? `anonymous-${i}`,
      emailAddress: rec.emailAddress,
      totalAttendanceInSeconds: rec.intervals.reduce((sum, x) => sum + Math.round((x.leaveMs - x.joinMs) / 1000), 0),
      role: rec.role ?? 'Attendee',
      identity: { id: rec.emailAddress === null ? null : `aad-${rec.emailAddress}`, displayName: rec.displayName ?? rec.emailAddress ?? 'Guest' },
      attendanceIntervals: rec.intervals.map((x) => ({
        joinDateTime: new Date(x.joinMs).toISOString(),
        leaveDateTime: new Date(x.leaveMs).toISOString(),
        durationInSeconds: Math.round((x.leaveMs - x.joinMs) / 1000),
      })),
    });
    const [, , reportId, records] = match;
    if (reportId === undefined) {
      return this.validatedJson('attendanceReportCollection', { '@odata.context': `${GRAPH_BASE}/$metadata#users('${this.options.me.id}')/onlineMeetings('${meeting.id}')/attendanceReports`, value: meeting.reports.map(reportJson) });
    }
    const report = meeting.reports.find((r) => r.id === reportId);
    if (report === undefined) return graphError(404, 'NotFound', 'The requested resource was not found.');
    if (records !== undefined) return this.validatedJson('attendanceRecordCollection', { value: report.records.map(recordJson) });
    const expandParam = params.get('$expand');
    if (expandParam !== null) {
      const expand = expandParam.split(',');
      const errors = graphSchemaErrors('attendanceReportExpand', expand);
      if (errors.length > 0) {
        this.ownViolations.push(`${req.method} ${req.path}?$expand=${expandParam}: ${errors.join('; ')}`);
        return graphError(400, 'BadRequest', `Could not find a property named '${expandParam}'.`);
      }
    }
    const expanded = expandParam !== null;
    return this.validatedJson('meetingAttendanceReport', { ...reportJson(report), ...(expanded ? { attendanceRecords: report.records.map(recordJson) } : {}) });
  }

  private validatedJson(schema: keyof typeof GRAPH_SCHEMAS, json: Record<string, unknown>): Response {
    const errors = graphSchemaErrors(schema, json);
    if (errors.length > 0) throw new Error(`fake ${schema} fixture does not match the Graph description: ${errors.join('; ')}`);
    return HttpResponse.json(json, { headers: JSON_HEADERS });
  }

  // ---------------------------------------------------------------------------------------------
  // Directory
  // ---------------------------------------------------------------------------------------------

  private userJson(req: RecordedRequest, user: FakeUser): Record<string, unknown> {
    // Without $select, /users returns a default set that does not include department.
    const all: Record<string, unknown> = { ...user, businessPhones: [], givenName: null, surname: null, mobilePhone: null, officeLocation: null, preferredLanguage: null };
    const select = req.url.searchParams.get('$select');
    const keys = select === null ? ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id'] : select.split(',');
    const out = Object.fromEntries(keys.filter((k) => k in all).map((k) => [k, all[k]]));
    const errors = graphSchemaErrors('user', out);
    if (errors.length > 0) throw new Error(`fake user fixture does not match the Graph description: ${errors.join('; ')}`);
    return out;
  }

  private userResponse(req: RecordedRequest, user: FakeUser): Response {
    return HttpResponse.json(
      { '@odata.context': `${GRAPH_BASE}/$metadata#users/$entity`, ...this.userJson(req, user) },
      { headers: JSON_HEADERS },
    );
  }

  private listUsers(req: RecordedRequest): Response {
    const params = req.url.searchParams;
    const search = params.get('$search');
    const filter = params.get('$filter');
    const advanced = req.headers.get('ConsistencyLevel') === 'eventual';
    // $search, endsWith and $count on directory objects are advanced queries.
    if ((search !== null || params.has('$count') || (filter !== null && /endsWith/i.test(filter))) && !advanced) {
      return graphError(400, 'Request_UnsupportedQuery', 'Request with $search query parameter only works through MSGraph with a special request header: \'ConsistencyLevel: eventual\'');
    }
    let matches = [...this.users];
    if (search !== null) {
      const clauses = [...search.matchAll(/"(\w+):((?:[^"\\]|\\.)*)"/g)].map((m) => ({ prop: m[1] ?? '', value: lower((m[2] ?? '').replace(/\\(.)/g, '$1')) }));
      if (clauses.length === 0) return graphError(400, 'Request_UnsupportedQuery', 'Syntax error: invalid $search.');
      matches = matches.filter((u) =>
        clauses.some(({ prop, value }) => {
          if (prop === 'displayName') {
            // displayName is tokenized: every word of the query must start a word of the name.
            const tokens = lower(u.displayName).split(/[\s\-_.,;:()'"]+/u);
            return value.split(/\s+/u).every((w) => tokens.some((t) => t.startsWith(w)));
          }
          if (prop === 'mail' || prop === 'userPrincipalName') return lower(String(u[prop] ?? '')).startsWith(value);
          return false;
        }),
      );
    }
    if (filter !== null) {
      const endsWith = /^endsWith\((mail|userPrincipalName),'((?:[^']|'')*)'\)$/i.exec(filter);
      const eq = /^department eq '((?:[^']|'')*)'$/.exec(filter);
      // `department in ('a','b')`: one department of several directory texts (graph-directory.ts).
      const inList = /^department in \(((?:'(?:[^']|'')*',?)+)\)$/.exec(filter);
      if (endsWith !== null) {
        const prop = endsWith[1] === 'mail' ? 'mail' : 'userPrincipalName';
        const value = lower((endsWith[2] ?? '').replace(/''/g, "'"));
        matches = matches.filter((u) => lower(u[prop] ?? '').endsWith(value));
      } else if (inList !== null) {
        const values = [...(inList[1] ?? '').matchAll(/'((?:[^']|'')*)'/g)].map((m) => lower((m[1] ?? '').replace(/''/g, "'")));
        matches = matches.filter((u) => u.department !== null && values.includes(lower(u.department)));
      } else if (eq !== null) {
        const value = (eq[1] ?? '').replace(/''/g, "'");
        matches = matches.filter((u) => u.department !== null && lower(u.department) === lower(value));
      } else {
        return graphError(400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause specified.`);
      }
    }
    const top = Number(params.get('$top') ?? '100');
    const skip = Number(params.get('$skiptoken')?.replace(/^s/, '') ?? '0');
    const page = matches.slice(skip, skip + top);
    const next = skip + top < matches.length ? new URL(req.url) : null;
    next?.searchParams.set('$skiptoken', `s${skip + top}`);
    return HttpResponse.json(
      {
        '@odata.context': `${GRAPH_BASE}/$metadata#users`,
        ...(params.get('$count') === 'true' ? { '@odata.count': matches.length } : {}),
        ...(next !== null ? { '@odata.nextLink': next.toString() } : {}),
        value: page.map((u) => this.userJson(req, u)),
      },
      { headers: JSON_HEADERS },
    );
  }
}
