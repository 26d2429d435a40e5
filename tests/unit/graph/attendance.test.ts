/**
 * The Teams attendance report feeds the minutes: GraphCalendar.getAttendance over the fake Graph
 * (requests as documented, responses checked against Graph's OpenAPI description), its mapping,
 * and the merge in draftMinutes/approveMinutes (check-in wins, the report fills the gaps).
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphApi } from '../../../src/adapters/graph/graph-api';
import { GraphCalendar, attendanceFromRecords } from '../../../src/adapters/graph/graph-calendar';
import { GraphForbiddenError, GraphNotFoundError } from '../../../src/adapters/graph/graph-errors';
import { GraphDirectory } from '../../../src/adapters/graph/graph-directory';
import { BroadcastMeetingChannel } from '../../../src/adapters/local/broadcast-meeting-channel';
import { openHelhedDb, type HelhedDb } from '../../../src/adapters/local/db';
import { FixedClock } from '../../../src/adapters/local/fixed-clock';
import { LocalPlanStore } from '../../../src/adapters/local/local-plan-store';
import { SequentialIds } from '../../../src/adapters/local/sequential-ids';
import { approveMinutes, bookMeeting, checkIn, createPathway, draftMinutes, suggestMeetingTimes, type Services } from '../../../src/application';
import type { Citizen, TeamMeeting, TeamMember } from '../../../src/domain/model';
import type { FakeUser } from '../../support/fake-graph/fake-graph';
import { harness, listen, type Harness } from '../../support/fake-graph/graph-harness';

listen(beforeAll, afterAll);

const users: FakeUser[] = [
  { id: 'anna', displayName: 'Anna Holm', mail: 'anna@kommune.dk', userPrincipalName: 'anna@kommune.dk', department: 'Socialafdelingen', jobTitle: null },
  { id: 'bo', displayName: 'Bo Lund', mail: 'bo@kommune.dk', userPrincipalName: 'bo@kommune.dk', department: 'Sundhed', jobTitle: null },
  { id: 'carl', displayName: 'Carl Juhl', mail: 'carl@kommune.dk', userPrincipalName: 'carl@kommune.dk', department: 'Jobcenter', jobTitle: null },
];
const team: TeamMember[] = [
  { personId: 'anna', displayName: 'Anna Holm', email: 'anna@kommune.dk', departmentId: 'dep-social', role: 'member', mandate: null },
  { personId: 'bo', displayName: 'Bo Lund', email: 'bo@kommune.dk', departmentId: 'dep-health', role: 'member', mandate: null },
  { personId: 'carl', displayName: 'Carl Juhl', email: 'carl@kommune.dk', departmentId: 'dep-employment', role: 'member', mandate: null },
];
const CITIZEN: Citizen = { displayName: 'Mette Hansen', initials: 'MH', email: 'mette@borger.example', phone: null, attendance: 'teams', caseRef: 'SAG-2026-0412' };

let db: HelhedDb;
let h: Harness;
let s: Services;
let calendar: GraphCalendar;
let dbCounter = 0;

beforeEach(async () => {
  dbCounter += 1;
  db = openHelhedDb(`helhed-graph-attendance-${dbCounter}-${crypto.randomUUID()}`);
  h = harness({ me: users[0], users, scopes: ['Calendars.ReadWrite', 'OnlineMeetings.Read', 'OnlineMeetingArtifact.Read.All', 'User.ReadBasic.All'] });
  const clock = new FixedClock('2026-11-24T09:00:00.000Z');
  const store = new LocalPlanStore(db);
  calendar = new GraphCalendar(h.api);
  s = {
    store,
    calendar,
    directory: new GraphDirectory(h.api, {
      departments: [
        { id: 'dep-social', directoryName: 'Socialafdelingen' },
        { id: 'dep-health', directoryName: 'Sundhed' },
        { id: 'dep-employment', directoryName: 'Jobcenter' },
      ],
      leaders: {},
    }),
    channel: new BroadcastMeetingChannel(new SequentialIds('session')),
    clock,
    ids: new SequentialIds('id'),
  };
  await store.saveSettings({ meetingWindows: [{ weekday: 2, start: '09:00', end: '12:00' }], timeZone: 'Europe/Copenhagen', meetingMinutes: 60 });
});

afterEach(async () => {
  expect(h.fake.schemaViolations).toStrictEqual([]);
  db.close();
  await db.delete();
});

async function bookedMeeting(): Promise<TeamMeeting> {
  const pathway = await createPathway(s, {
    citizen: CITIZEN,
    team,
    goals: ['Jeg vil have et fritidsjob'],
    consent: { givenOn: '2026-11-01', form: 'written', scope: { departmentIds: ['dep-social', 'dep-health', 'dep-employment'], replacedPlans: [] }, reviewDate: '2027-11-01' },
  });
  const [slot] = await suggestMeetingTimes(s, pathway.id);
  if (slot === undefined) throw new Error('no free slot');
  return bookMeeting(s, { pathwayId: pathway.id, start: slot.start, citizenInvitation: { mode: 'email', email: 'mette@borger.example' }, outsideWindowReason: null, extraAgenda: [] });
}

const minutesMs = (meeting: TeamMeeting, m: number) => Date.parse(meeting.start) + m * 60_000;
const ids = (people: readonly { personId: string }[]) => people.map((p) => p.personId);

describe('GraphCalendar.getAttendance', () => {
  it('[requests] finds the meeting by JoinWebUrl, lists its reports, reads each with $expand=attendanceRecords', async () => {
    const meeting = await bookedMeeting();
    const joinUrl = meeting.joinUrl ?? '';
    const reportId = h.fake.seedAttendanceReport(joinUrl, [
      { emailAddress: 'anna@kommune.dk', role: 'Organizer', intervals: [{ joinMs: minutesMs(meeting, 0), leaveMs: minutesMs(meeting, 60) }] },
    ]);
    h.fake.requests.length = 0;
    await calendar.getAttendance(joinUrl);
    const [find, list, get] = h.fake.requests;
    expect(h.fake.requests.map((r) => `${r.method} ${r.path}`)).toStrictEqual([
      'GET /me/onlineMeetings',
      expect.stringMatching(/^GET \/me\/onlineMeetings\/[^/]+\/attendanceReports$/),
      expect.stringMatching(/^GET \/me\/onlineMeetings\/[^/]+\/attendanceReports\/[^/]+$/),
    ]);
    expect(find?.url.searchParams.get('$filter')).toBe(`JoinWebUrl eq '${joinUrl}'`);
    // The join URL's own escapes survive: encoded once more on the wire (`%3a` -> `%253a`).
    expect(find?.url.search).toContain('19%253ameeting_');
    expect(list?.url.search).toBe('');
    expect(get?.path.endsWith(`/attendanceReports/${reportId}`)).toBe(true);
    expect(get?.url.searchParams.get('$expand')).toBe('attendanceRecords');
  });

  it('[mapping] one entry per address over every session; seconds summed; no address left out', async () => {
    const meeting = await bookedMeeting();
    const joinUrl = meeting.joinUrl ?? '';
    h.fake.seedAttendanceReport(joinUrl, [
      { emailAddress: 'anna@kommune.dk', role: 'Organizer', intervals: [{ joinMs: minutesMs(meeting, 0), leaveMs: minutesMs(meeting, 30) }] },
      { emailAddress: 'Bo@Kommune.dk', intervals: [{ joinMs: minutesMs(meeting, 5), leaveMs: minutesMs(meeting, 10) }, { joinMs: minutesMs(meeting, 20), leaveMs: minutesMs(meeting, 30) }] },
      { emailAddress: null, displayName: 'Guest', intervals: [{ joinMs: minutesMs(meeting, 0), leaveMs: minutesMs(meeting, 30) }] },
    ]);
    // The meeting was restarted after a break: a second session, a second report.
    h.fake.seedAttendanceReport(joinUrl, [{ emailAddress: 'anna@kommune.dk', intervals: [{ joinMs: minutesMs(meeting, 40), leaveMs: minutesMs(meeting, 60) }] }]);
    expect(await calendar.getAttendance(joinUrl)).toStrictEqual([
      { email: 'anna@kommune.dk', present: true, seconds: 50 * 60 },
      { email: 'Bo@Kommune.dk', present: true, seconds: 15 * 60 },
    ]);
    expect(h.fake.requests.filter((r) => /\/attendanceReports\/[^/]+$/.test(r.path))).toHaveLength(2);
  });

  it('[mapping] a record with no time and no interval is not present; intervals count when the total is missing', () => {
    expect(
      attendanceFromRecords([
        { emailAddress: 'a@x.dk', totalAttendanceInSeconds: 0, attendanceIntervals: [] },
        { emailAddress: 'b@x.dk', totalAttendanceInSeconds: null, attendanceIntervals: [{ joinDateTime: '2026-12-01T08:00:00Z', durationInSeconds: 42 }] },
        { emailAddress: '  ', totalAttendanceInSeconds: 10 },
      ]),
    ).toStrictEqual([
      { email: 'a@x.dk', present: false, seconds: 0 },
      { email: 'b@x.dk', present: true, seconds: 42 },
    ]);
  });

  it('no report yet (the meeting has not ended) is null, not []', async () => {
    const meeting = await bookedMeeting();
    expect(await calendar.getAttendance(meeting.joinUrl ?? '')).toBeNull();
  });

  it('[typed errors] an unknown join URL is GraphNotFoundError; 403 (no OnlineMeetingArtifact.Read.All) is GraphForbiddenError', async () => {
    await expect(calendar.getAttendance("https://teams.microsoft.com/l/meetup-join/19%3ameeting_x'y%40thread.v2/0")).rejects.toBeInstanceOf(GraphNotFoundError);
    const meeting = await bookedMeeting();
    h.fake.inject({ method: 'GET', path: /\/attendanceReports$/, status: 403, code: 'Forbidden' });
    await expect(calendar.getAttendance(meeting.joinUrl ?? '')).rejects.toBeInstanceOf(GraphForbiddenError);
  });
  it('[scopes] with a reports client, the reports are read with its own token (OnlineMeetings.Read, OnlineMeetingArtifact.Read.All)', async () => {
    const reportScopes = ['OnlineMeetings.Read', 'OnlineMeetingArtifact.Read.All'];
    calendar = new GraphCalendar(h.api, { outlookAddInId: null, reports: new GraphApi({ tokens: h.tokens, scopes: reportScopes }) });
    s = { ...s, calendar };
    const meeting = await bookedMeeting();
    h.tokens.asked.length = 0;
    await calendar.getAttendance(meeting.joinUrl ?? '');
    expect(h.tokens.asked.map((a) => a.scopes)).toStrictEqual([reportScopes, reportScopes]);
  });
});

describe('the minutes with the attendance report', () => {
  it('[merge] check-in wins; a not-checked-in attendee who joined online is present; absent in both stays absent without notice', async () => {
    const meeting = await bookedMeeting();
    // Check-in: Anna present, Bo sent apologies; Carl not recorded.
    await checkIn(s, meeting.id, [
      { personId: 'anna', present: true, notice: false },
      { personId: 'bo', present: false, notice: true },
    ], true);
    h.fake.seedAttendanceReport(meeting.joinUrl ?? '', [
      // Bo joined online briefly, but the check-in (sent apologies) wins.
      { emailAddress: 'bo@kommune.dk', intervals: [{ joinMs: minutesMs(meeting, 0), leaveMs: minutesMs(meeting, 2) }] },
      { emailAddress: 'mette@borger.example', intervals: [{ joinMs: minutesMs(meeting, 0), leaveMs: minutesMs(meeting, 60) }] },
    ]);
    let draft = await draftMinutes(s, meeting.id);
    expect(ids(draft.content.present)).toStrictEqual(['anna']);
    expect(ids(draft.content.absentWithNotice)).toStrictEqual(['bo']);
    expect(ids(draft.content.absentWithoutNotice)).toStrictEqual(['carl']);
    expect(draft.attendance).toStrictEqual({ report: 'used', filledFromReport: [] });

    // Carl, not checked in by hand, was in the Teams meeting for 45 minutes.
    h.fake.seedAttendanceReport(meeting.joinUrl ?? '', [{ emailAddress: 'CARL@kommune.dk', intervals: [{ joinMs: minutesMs(meeting, 15), leaveMs: minutesMs(meeting, 60) }] }]);
    draft = await draftMinutes(s, meeting.id);
    expect(ids(draft.content.present)).toStrictEqual(['anna', 'carl']);
    expect(ids(draft.content.absentWithoutNotice)).toStrictEqual([]);
    expect(draft.attendance).toStrictEqual({ report: 'used', filledFromReport: ['carl'] });

    const approved = await approveMinutes(s, meeting.id);
    expect(approved.content).toStrictEqual(draft.content);
    // The meeting's own check-in record is not rewritten by the report.
    expect((await s.store.getMeeting(meeting.id))?.attendance.map((r) => r.personId)).toStrictEqual(['anna', 'bo']);
  });

  it('no report yet: the minutes rest on the check-in alone, and say so', async () => {
    const meeting = await bookedMeeting();
    await checkIn(s, meeting.id, [{ personId: 'anna', present: true, notice: false }], true);
    const draft = await draftMinutes(s, meeting.id);
    expect(ids(draft.content.present)).toStrictEqual(['anna']);
    expect(ids(draft.content.absentWithoutNotice)).toStrictEqual(['bo', 'carl']);
    expect(draft.attendance).toStrictEqual({ report: 'pending', filledFromReport: [] });
  });

  it('a report that cannot be read (403: no consent for the artifacts) leaves the check-in alone, says so, and the minutes are approved', async () => {
    const meeting = await bookedMeeting();
    await checkIn(s, meeting.id, [{ personId: 'anna', present: true, notice: false }], true);
    h.fake.seedAttendanceReport(meeting.joinUrl ?? '', [{ emailAddress: 'carl@kommune.dk', intervals: [{ joinMs: minutesMs(meeting, 0), leaveMs: minutesMs(meeting, 60) }] }]);
    h.fake.inject({ method: 'GET', path: /\/attendanceReports$/, status: 403, code: 'Forbidden', times: 2 });
    const draft = await draftMinutes(s, meeting.id);
    expect(draft.attendance).toStrictEqual({ report: 'unavailable', filledFromReport: [] });
    expect(ids(draft.content.absentWithoutNotice)).toStrictEqual(['bo', 'carl']);
    const approved = await approveMinutes(s, meeting.id);
    expect(approved.version).toBe(1);
    expect(ids(approved.content.present)).toStrictEqual(['anna']);
  });

  it('a calendar without attendance reports (standalone): check-in only, no report asked for', async () => {
    const meeting = await bookedMeeting();
    await checkIn(s, meeting.id, [{ personId: 'anna', present: true, notice: false }], true);
    const { getBusy, createEvent, getEvent, updateEvent, cancelEvent } = calendar;
    s = {
      ...s,
      calendar: {
        getBusy: getBusy.bind(calendar),
        createEvent: createEvent.bind(calendar),
        getEvent: getEvent.bind(calendar),
        updateEvent: updateEvent.bind(calendar),
        cancelEvent: cancelEvent.bind(calendar),
      },
    };
    h.fake.requests.length = 0;
    const draft = await draftMinutes(s, meeting.id);
    expect(draft.attendance).toStrictEqual({ report: 'none', filledFromReport: [] });
    expect(ids(draft.content.present)).toStrictEqual(['anna']);
    expect(h.fake.requests.some((r) => r.path.startsWith('/me/onlineMeetings'))).toBe(false);
  });

});
