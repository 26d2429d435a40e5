/**
 * Booking through the real use cases (src/application) with the Graph calendar and directory
 * over the fake Graph, the plan store local: round trips per booking, the event as sent, and
 * rule 4 over 1,000 generated meetings.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  GraphCalendar,
  HELHED_MEETING_ID_PROPERTY,
  SendGuardPayloadTooLargeError,
  outlookCustomPropertiesId,
} from '../../../src/adapters/graph/graph-calendar';
import { SEND_GUARD_PROPERTY_NAME, decodeSendGuardPayload, type SendGuardPayload } from '../../../src/domain/send-guard-payload';
import { GraphDirectory } from '../../../src/adapters/graph/graph-directory';
import { BroadcastMeetingChannel } from '../../../src/adapters/local/broadcast-meeting-channel';
import { openHelhedDb, type HelhedDb } from '../../../src/adapters/local/db';
import { FixedClock } from '../../../src/adapters/local/fixed-clock';
import { LocalPlanStore } from '../../../src/adapters/local/local-plan-store';
import { SequentialIds } from '../../../src/adapters/local/sequential-ids';
import { bookMeeting, createPathway, RuleViolationError, suggestMeetingTimes, type Services } from '../../../src/application';
import type { Citizen, TeamMember } from '../../../src/domain/model';
import { findCprNumbers, findSensitive } from '../../../src/domain/rules/sensitive-data';
import { harness, listen, type Harness } from '../../support/fake-graph/graph-harness';
import type { FakeUser, RecordedRequest } from '../../support/fake-graph/fake-graph';

listen(beforeAll, afterAll);

const ADD_IN_ID = '{6B1E5A7C-4F1D-4C5B-9B0E-2D3F4A5B6C7D}';

const users: FakeUser[] = [
  { id: 'anna', displayName: 'Anna Holm', mail: 'anna@kommune.dk', userPrincipalName: 'anna@kommune.dk', department: 'Socialafdelingen', jobTitle: 'Socialrådgiver' },
  { id: 'bo', displayName: 'Bo Lund', mail: 'bo@kommune.dk', userPrincipalName: 'bo@kommune.dk', department: 'Sundhed', jobTitle: null },
  { id: 'carl', displayName: 'Carl Juhl', mail: 'carl@kommune.dk', userPrincipalName: 'carl@kommune.dk', department: 'Jobcenter', jobTitle: null },
];

const team: TeamMember[] = [
  { personId: 'anna', displayName: 'Anna Holm', email: 'anna@kommune.dk', departmentId: 'dep-social', role: 'member', mandate: { departmentId: 'dep-social', description: 'Sociale indsatser', maxAmountDkk: 10_000 } },
  { personId: 'bo', displayName: 'Bo Lund', email: 'bo@kommune.dk', departmentId: 'dep-health', role: 'member', mandate: { departmentId: 'dep-health', description: 'Sundhedsplejens indsats', maxAmountDkk: 5_000 } },
  { personId: 'carl', displayName: 'Carl Juhl', email: 'carl@kommune.dk', departmentId: 'dep-employment', role: 'member', mandate: null },
];

let db: HelhedDb;
let h: Harness;
let s: Services;
let clock: FixedClock;
let dbCounter = 0;

beforeEach(async () => {
  dbCounter += 1;
  db = openHelhedDb(`helhed-graph-booking-${dbCounter}-${crypto.randomUUID()}`);
  h = harness({ me: users[0], users, scopes: ['Calendars.ReadWrite', 'User.ReadBasic.All'] });
  clock = new FixedClock('2026-11-24T09:00:00.000Z');
  const store = new LocalPlanStore(db);
  s = {
    store,
    calendar: new GraphCalendar(h.api, { outlookAddInId: ADD_IN_ID }),
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
  await store.saveSettings({
    meetingWindows: [
      { weekday: 2, start: '09:00', end: '12:00' },
      { weekday: 4, start: '09:00', end: '12:00' },
    ],
    timeZone: 'Europe/Copenhagen',
    meetingMinutes: 60,
  });
});

afterEach(async () => {
  expect(h.fake.schemaViolations).toStrictEqual([]);
  db.close();
  await db.delete();
});

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function newPathway(citizen: Citizen, goals: string[]) {
  const now = clock.now().getTime();
  return createPathway(s, {
    citizen,
    team,
    goals,
    consent: {
      givenOn: day(now - 86_400_000),
      form: 'written',
      scope: { departmentIds: ['dep-social', 'dep-health', 'dep-employment'], replacedPlans: ['jobplan'] },
      reviewDate: day(now + 365 * 86_400_000),
    },
  });
}

/** Suggest times, then book the first: what the booking screen does. */
async function book(pathwayId: string, citizen: Citizen, extraAgenda: string[] = []) {
  const [slot] = await suggestMeetingTimes(s, pathwayId);
  if (slot === undefined) throw new Error('no free slot');
  return bookMeeting(s, {
    pathwayId,
    start: slot.start,
    citizenInvitation: citizen.email === null ? { mode: 'in-person' } : { mode: 'email', email: citizen.email },
    outsideWindowReason: null,
    extraAgenda,
  });
}

const CITIZEN: Citizen = {
  displayName: 'Mette Hansen',
  initials: 'MH',
  email: 'mette@borger.example',
  phone: '20304050',
  attendance: 'teams',
  caseRef: 'SAG-2026-0412',
};

describe('booking over Graph', () => {
  it('[round trips] booking = 2 Graph requests: getSchedule, then POST /me/events', async () => {
    await s.directory.me(); // the signed-in user is read once per session, not per booking
    const pathway = await newPathway(CITIZEN, ['Jeg vil have et fritidsjob']);
    h.fake.requests.length = 0;
    const meeting = await book(pathway.id, CITIZEN);
    expect(h.fake.requests.map((r) => `${r.method} ${r.path}`)).toStrictEqual(['POST /me/calendar/getSchedule', 'POST /me/events']);
    expect(meeting.calendarEventId).toBe(h.fake.storedEvents()[0]?.id);
    expect(meeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
  });

  it('[R2][R4] sends a private Teams meeting: members and citizen required, neutral text, transactionId, the Helhed id for Graph and for Office.js', async () => {
    const pathway = await newPathway(CITIZEN, ['Jeg vil have et fritidsjob']);
    const meeting = await book(pathway.id, CITIZEN);
    const [create] = h.fake.requestsTo('POST', /^\/me\/events$/);
    expect(create?.body).toStrictEqual({
      subject: 'Tværfagligt teammøde (MH)',
      body: { contentType: 'text', content: 'Tværfagligt teammøde med borgeren. Dagsorden, borgerens plan og referat findes i Helhed.' },
      start: { dateTime: meeting.start.slice(0, 23), timeZone: 'UTC' },
      end: { dateTime: meeting.end.slice(0, 23), timeZone: 'UTC' },
      attendees: [
        { emailAddress: { address: 'anna@kommune.dk', name: 'Anna Holm' }, type: 'required' },
        { emailAddress: { address: 'bo@kommune.dk', name: 'Bo Lund' }, type: 'required' },
        { emailAddress: { address: 'carl@kommune.dk', name: 'Carl Juhl' }, type: 'required' },
        // The citizen is named by initials only.
        { emailAddress: { address: 'mette@borger.example', name: 'MH' }, type: 'required' },
      ],
      sensitivity: 'private',
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      responseRequested: true,
      transactionId: meeting.id,
      singleValueExtendedProperties: [
        { id: `String {dd02cf2d-112a-46a7-8c0b-d959de0346b8} Name helhedMeetingId`, value: meeting.id },
        {
          id: 'String {00020329-0000-0000-C000-000000000046} Name cecp-6b1e5a7c-4f1d-4c5b-9b0e-2d3f4a5b6c7d',
          // bookMeeting hands the calendar what the Outlook send guard re-checks: the citizen's
          // invitation and the team's e-mail addresses, no names.
          value: JSON.stringify({
            helhedMeetingId: meeting.id,
            [SEND_GUARD_PROPERTY_NAME]: JSON.stringify({
              v: 1,
              citizen: { mode: 'email', email: 'mette@borger.example' },
              members: pathway.team.members.map((m) => ({ id: m.personId, email: m.email })),
            }),
          }),
        },
      ],
    });
    expect(create?.headers.get('Prefer')).toBe('outlook.timezone="UTC", outlook.body-content-type="text"');
    expect(HELHED_MEETING_ID_PROPERTY).toBe('String {dd02cf2d-112a-46a7-8c0b-d959de0346b8} Name helhedMeetingId');
    expect(outlookCustomPropertiesId('urn:uuid:ABC-1')).toBe('String {00020329-0000-0000-C000-000000000046} Name cecp-abc-1');
  });

  it('[send guard] the Outlook guard payload is written where Office.js reads it, and decodes to what was given', async () => {
    const calendar = new GraphCalendar(h.api, { outlookAddInId: ADD_IN_ID });
    const sendGuard: SendGuardPayload = {
      v: 1,
      citizen: { mode: 'email', email: 'mette@borger.example' },
      members: team.map((m) => ({ id: m.personId, email: m.email })),
    };
    await calendar.createEvent({
      subject: 'Tværfagligt teammøde (MH)',
      body: 'Tværfagligt teammøde med borgeren.',
      location: null,
      start: '2026-12-01T08:00:00.000Z',
      end: '2026-12-01T09:00:00.000Z',
      attendees: team.map((m) => ({ email: m.email, name: m.displayName, kind: 'required' as const })),
      transactionId: 'tx-guard',
      helhedMeetingId: 'm-guard',
      sendGuard,
    });
    const [event] = h.fake.storedEvents();
    const property = event?.singleValueExtendedProperties.find((p) => p.id === outlookCustomPropertiesId(ADD_IN_ID));
    // What Office.js `customProperties.get(name)` returns is the value under `name` in this JSON object.
    const customProperties = JSON.parse(property?.value ?? '{}') as Record<string, unknown>;
    expect(customProperties.helhedMeetingId).toBe('m-guard');
    expect(decodeSendGuardPayload(customProperties[SEND_GUARD_PROPERTY_NAME])).toStrictEqual({ ok: true, payload: sendGuard });
  });

  it('[send guard] a payload too large for Outlook is refused before anything is sent', async () => {
    const calendar = new GraphCalendar(h.api, { outlookAddInId: ADD_IN_ID });
    const members = Array.from({ length: 40 }, (_, n) => ({ id: `member-${n}-${'x'.repeat(40)}`, email: `member.${n}.${'y'.repeat(20)}@kommune.dk` }));
    h.fake.requests.length = 0;
    const attempt = calendar.createEvent({
      subject: 'Tværfagligt teammøde (MH)',
      body: 'x',
      location: null,
      start: '2026-12-01T08:00:00.000Z',
      end: '2026-12-01T09:00:00.000Z',
      attendees: [],
      transactionId: 'tx-big',
      helhedMeetingId: 'm-big',
      sendGuard: { v: 1, citizen: { mode: 'phone' }, members },
    });
    await expect(attempt).rejects.toBeInstanceOf(SendGuardPayloadTooLargeError);
    expect(h.fake.requests).toStrictEqual([]);
  });

  it('[R4] over 1,000 generated meetings, no CPR number or sensitive text reaches Graph, and every event is private', { timeout: 240_000 }, async () => {
    await s.directory.me();
    const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPRSTUVWÆØÅ');
    const cpr = fc
      .record({ d: fc.integer({ min: 1, max: 28 }), m: fc.integer({ min: 1, max: 12 }), y: fc.integer({ min: 0, max: 99 }), rest: fc.integer({ min: 0, max: 9999 }), dash: fc.boolean() })
      .map(({ d, m, y, rest, dash }) => `${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y).padStart(2, '0')}${dash ? '-' : ''}${String(rest).padStart(4, '0')}`);
    const sensitive = fc.constantFrom('depression', 'misbrug', 'anbringelse', 'kontanthjælp', 'psykiatrisk udredning', 'gæld', 'hjemløs');
    const name = fc.tuple(fc.constantFrom('Mette', 'Søren', 'Åse', 'Ali', 'Jens'), fc.constantFrom('Hansen', 'Ørsted', 'Nielsen', 'Kaya')).map(([a, b]) => `${a} ${b}`);
    const citizen = fc.record({
      displayName: name,
      initials: fc.tuple(letter, letter).map(([a, b]) => `${a}${b}`),
      email: fc.option(fc.integer({ min: 1, max: 1e6 }).map((n) => `borger${n}@borger.example`), { nil: null, freq: 5 }),
      phone: fc.option(fc.integer({ min: 20_000_000, max: 99_999_999 }).map(String), { nil: null }),
      attendance: fc.constant('teams' as const),
      caseRef: fc.integer({ min: 1, max: 9999 }).map((n) => `SAG-2026-${String(n).padStart(4, '0')}`),
    });
    const goal = fc.tuple(cpr, sensitive).map(([c, w]) => `Mit CPR er ${c}; jeg har ${w}`);

    let booked = 0;
    await fc.assert(
      fc.asyncProperty(citizen, fc.array(goal, { minLength: 1, maxLength: 3 }), fc.array(goal, { maxLength: 2 }), async (c, goals, extra) => {
        clock.advance(7 * 86_400_000);
        const pathway = await newPathway(c, goals);
        h.fake.requests.length = 0;
        try {
          await book(pathway.id, c, extra);
        } catch (error) {
          // A refused booking sends nothing to the calendar.
          if (!(error instanceof RuleViolationError)) throw error;
          expect(h.fake.requestsTo('POST', /^\/me\/events$/)).toStrictEqual([]);
          return;
        }
        booked += 1;
        expect(h.fake.requests).toHaveLength(2);
        for (const r of h.fake.requests) expectNothingSensitive(r, c);
      }),
      { numRuns: 1000, seed: 20311 },
    );
    // The property is about bookings that went out: most generated meetings must have been booked.
    expect(booked).toBeGreaterThan(900);
    expect(h.fake.storedEvents()).toHaveLength(booked);
    for (const e of h.fake.storedEvents()) expect(e.sensitivity).toBe('private');
  });
});

function expectNothingSensitive(r: RecordedRequest, citizen: Citizen): void {
  const all = `${r.url.toString()} ${JSON.stringify(r.body)}`;
  expect(findCprNumbers(all)).toStrictEqual([]);
  if (r.path !== '/me/events') return;
  const body = r.body as { subject: string; body: { content: string }; location?: { displayName: string }; sensitivity: string };
  expect(body.sensitivity).toBe('private');
  for (const text of [body.subject, body.body.content, body.location?.displayName ?? '']) {
    expect(findSensitive(text, { citizen })).toStrictEqual([]);
  }
}
