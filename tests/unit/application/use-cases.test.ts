import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BroadcastMeetingChannel } from '../../../src/adapters/local/broadcast-meeting-channel';
import { openHelhedDb, type HelhedDb } from '../../../src/adapters/local/db';
import { FixedClock } from '../../../src/adapters/local/fixed-clock';
import { LocalCalendar } from '../../../src/adapters/local/local-calendar';
import { LocalDirectory } from '../../../src/adapters/local/local-directory';
import { LocalPlanStore } from '../../../src/adapters/local/local-plan-store';
import { SequentialIds } from '../../../src/adapters/local/sequential-ids';
import {
  addTeamMember,
  approveMinutes,
  bookMeeting,
  changePlan,
  checkIn,
  checkLiveInvitation,
  createPathway,
  draftMinutes,
  getConsentOverview,
  recordConsent,
  recordDecision,
  reviewConsent,
  reviewDecisions,
  RuleViolationError,
  saveCitizenView,
  saveDraft,
  suggestMeetingTimes,
  withdrawConsent,
  type BookingInput,
  type DecisionInput,
  type ReviewFilter,
  type Services,
} from '../../../src/application';
import type { Citizen, Person, TeamMeeting, TeamMember } from '../../../src/domain/model';
import type { ActionNotice, Notifier } from '../../../src/ports/notifier';
import { neutralBody } from '../../../src/domain/rules/sensitive-data';

// Synthetic people only. Tuesday 1 December 2026, 09:00 in Copenhagen (CET) is 08:00Z.

const people: Person[] = [
  { id: 'anna', displayName: 'Anna Holm', email: 'anna@kommune.dk', departmentId: 'dep-social', jobTitle: 'Socialrådgiver', leaderOf: [] },
  { id: 'bo', displayName: 'Bo Lund', email: 'bo@kommune.dk', departmentId: 'dep-health', jobTitle: 'Sundhedsplejerske', leaderOf: [] },
  { id: 'carl', displayName: 'Carl Juhl', email: 'carl@kommune.dk', departmentId: 'dep-employment', jobTitle: 'Jobkonsulent', leaderOf: [] },
  {
    id: 'lene',
    displayName: 'Lene Krogh',
    email: 'lene@kommune.dk',
    departmentId: 'dep-social',
    jobTitle: 'Afdelingsleder',
    leaderOf: ['dep-social', 'dep-health', 'dep-employment'],
  },
];

const team: TeamMember[] = [
  {
    personId: 'anna', displayName: 'Anna Holm', email: 'anna@kommune.dk', departmentId: 'dep-social', role: 'member',
    mandate: { departmentId: 'dep-social', description: 'Bevilge sociale indsatser', maxAmountDkk: 10_000 },
  },
  {
    personId: 'bo', displayName: 'Bo Lund', email: 'bo@kommune.dk', departmentId: 'dep-health', role: 'member',
    mandate: { departmentId: 'dep-health', description: 'Sundhedsplejens indsats', maxAmountDkk: 5_000 },
  },
  {
    personId: 'carl', displayName: 'Carl Juhl', email: 'carl@kommune.dk', departmentId: 'dep-employment', role: 'member',
    mandate: { departmentId: 'dep-employment', description: 'Jobcentrets indsats', maxAmountDkk: 0 },
  },
];
const teamEmails = team.map((m) => m.email);

const citizen: Citizen = {
  displayName: 'Mette Hansen',
  initials: 'MH',
  email: 'mette@example.dk',
  phone: null,
  attendance: 'teams',
  caseRef: 'SAG-2026-0412',
};

interface Harness {
  s: Services;
  db: HelhedDb;
  calendar: LocalCalendar;
  directory: LocalDirectory;
  store: LocalPlanStore;
  clock: FixedClock;
}

let dbCounter = 0;
let h: Harness;

beforeEach(async () => {
  dbCounter += 1;
  const db = openHelhedDb(`helhed-application-test-${dbCounter}-${crypto.randomUUID()}`);
  const store = new LocalPlanStore(db);
  const calendar = new LocalCalendar(db, new SequentialIds('ev'));
  const directory = new LocalDirectory(db, people, 'anna');
  const clock = new FixedClock('2026-11-24T09:00:00.000Z');
  const s: Services = {
    store,
    calendar,
    directory,
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
  h = { s, db, calendar, directory, store, clock };
});

afterEach(async () => {
  h.db.close();
  await h.db.delete();
});

function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}`);
  return value;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

async function newPathway() {
  return createPathway(h.s, {
    citizen,
    team,
    goals: ['  Jeg vil have et fritidsjob ', '', 'Jeg vil bo i egen lejlighed'],
    // Rule 8: the citizen's consent covers the whole team.
    consent: {
      givenOn: '2026-11-01',
      form: 'written',
      scope: { departmentIds: [...new Set(team.map((m) => m.departmentId))], replacedPlans: ['jobplan'] },
      reviewDate: '2027-11-01',
    },
  });
}

function booking(pathwayId: string, overrides: Partial<BookingInput> = {}): BookingInput {
  return {
    pathwayId,
    start: '2026-12-01T08:00:00.000Z',
    citizenInvitation: { mode: 'email', email: 'mette@example.dk' },
    outsideWindowReason: null,
    extraAgenda: [],
    ...overrides,
  };
}

async function bookedMeeting(): Promise<TeamMeeting> {
  const pathway = await newPathway();
  return bookMeeting(h.s, booking(pathway.id));
}

function decisionInput(meetingId: string, overrides: Partial<DecisionInput> = {}): DecisionInput {
  return {
    decisionId: 'dec-1',
    meetingId,
    text: 'Sundhedsplejen laver en plan for søvn sammen med borgeren',
    goalId: null,
    commitments: [{ departmentId: 'dep-health', amountDkk: 0 }],
    responsibleId: 'bo',
    dueDate: '2026-12-15',
    citizenPosition: 'agrees',
    supersedes: null,
    ...overrides,
  };
}

const allDecisions: ReviewFilter = {
  departmentIds: [],
  status: 'all',
  from: null,
  to: null,
  responsibleId: null,
  onlyOverdue: false,
};

// ---------------------------------------------------------------------------------------------

describe('createPathway', () => {
  it('creates the pathway with the signed-in user as tovholder and the one plan as version 1', async () => {
    const pathway = await newPathway();
    expect(pathway).toEqual({
      id: 'id-0001',
      citizen,
      coordinatorId: 'anna',
      team: { members: [{ ...team[0], role: 'coordinator' }, team[1], team[2]] },
      status: 'active',
      createdAt: '2026-11-24T09:00:00.000Z',
      updatedAt: '2026-11-24T09:00:00.000Z',
    });
    expect(await h.store.getPathway('id-0001')).toEqual(pathway);
    const versions = await h.store.listPlanVersions('id-0001');
    expect(versions).toEqual([
      {
        pathwayId: 'id-0001',
        version: 1,
        goals: [
          { id: 'id-0002', text: 'Jeg vil have et fritidsjob', createdAt: '2026-11-24T09:00:00.000Z' },
          { id: 'id-0003', text: 'Jeg vil bo i egen lejlighed', createdAt: '2026-11-24T09:00:00.000Z' },
        ],
        interventions: [],
        transitions: [],
        updatedAt: '2026-11-24T09:00:00.000Z',
        updatedBy: 'anna',
      },
    ]);
  });

  it('[R7] a change to the plan is a new version; earlier versions are kept', async () => {
    const pathway = await newPathway();
    const v2 = await changePlan(h.s, pathway.id, { kind: 'add-goal', text: ' Jeg vil lære at cykle ' });
    expect(v2.version).toBe(2);
    expect(v2.goals.map((g) => g.text)).toEqual(['Jeg vil have et fritidsjob', 'Jeg vil bo i egen lejlighed', 'Jeg vil lære at cykle']);
    expect((await h.store.listPlanVersions(pathway.id)).map((p) => [p.version, p.goals.length])).toEqual([
      [1, 2],
      [2, 3],
    ]);
  });
});

describe('suggestMeetingTimes', () => {
  it('[R3] suggests times inside the windows from the team\'s free/busy, free slots first', async () => {
    const pathway = await newPathway();
    // Now is Tuesday 24 November 2026, 10:00 CET; Anna is busy 10:00-11:00 CET.
    await h.calendar.putBusyBlocks([
      { id: 'busy-1', email: 'anna@kommune.dk', start: '2026-11-24T09:00:00.000Z', end: '2026-11-24T10:00:00.000Z' },
    ]);
    expect(await suggestMeetingTimes(h.s, pathway.id, { days: 3, max: 10 })).toEqual([
      { start: '2026-11-24T10:00:00.000Z', end: '2026-11-24T11:00:00.000Z', busy: [] },
      { start: '2026-11-26T08:00:00.000Z', end: '2026-11-26T09:00:00.000Z', busy: [] },
      { start: '2026-11-26T08:30:00.000Z', end: '2026-11-26T09:30:00.000Z', busy: [] },
      { start: '2026-11-26T09:00:00.000Z', end: '2026-11-26T10:00:00.000Z', busy: [] },
      { start: '2026-11-26T09:30:00.000Z', end: '2026-11-26T10:30:00.000Z', busy: [] },
      { start: '2026-11-26T10:00:00.000Z', end: '2026-11-26T11:00:00.000Z', busy: [] },
      { start: '2026-11-24T09:00:00.000Z', end: '2026-11-24T10:00:00.000Z', busy: ['anna@kommune.dk'] },
      { start: '2026-11-24T09:30:00.000Z', end: '2026-11-24T10:30:00.000Z', busy: ['anna@kommune.dk'] },
    ]);
  });
});

describe('bookMeeting', () => {
  it('[R1] refuses to book without the citizen, and sends no invitation', async () => {
    const pathway = await newPathway();
    const error = await rejection(bookMeeting(h.s, booking(pathway.id, { citizenInvitation: null })));
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error instanceof RuleViolationError ? error.violations : null).toEqual([{ code: 'CITIZEN_NOT_INVITED' }]);
    // No calendar event: nobody in the team became busy, and no meeting was stored.
    const busy = await h.calendar.getBusy(teamEmails, '2026-11-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z');
    expect([...busy.values()]).toEqual([[], [], []]);
    expect(await h.store.listMeetings({ pathwayId: pathway.id })).toEqual([]);
  });

  it('[R1][R2][R4][R5] books a private event with the team required, the citizen invited, a neutral subject, and an agenda that starts with the citizen', async () => {
    const pathway = await newPathway();
    await changePlan(h.s, pathway.id, {
      kind: 'add-transition',
      transition: { title: 'Overgang til ungdomsuddannelse', date: '2027-01-15', departmentIds: ['dep-education'] },
    });
    await changePlan(h.s, pathway.id, {
      kind: 'add-transition',
      transition: { title: 'Flytter hjemmefra', date: '2027-06-01', departmentIds: ['dep-social'] },
    });

    const meeting = await bookMeeting(h.s, booking(pathway.id, { extraAgenda: ['Eventuelt'] }));

    const event = await h.calendar.getEvent(must(meeting.calendarEventId, 'a calendar event id'));
    expect(event).toMatchObject({
      subject: 'Tværfagligt teammøde (MH)',
      body: neutralBody(),
      location: null,
      start: '2026-12-01T08:00:00.000Z',
      end: '2026-12-01T09:00:00.000Z',
      isPrivate: true,
      cancelled: false,
      joinUrl: meeting.joinUrl,
    });
    expect(event.attendees).toEqual([
      { email: 'anna@kommune.dk', name: 'Anna Holm', kind: 'required', response: 'none' },
      { email: 'bo@kommune.dk', name: 'Bo Lund', kind: 'required', response: 'none' },
      { email: 'carl@kommune.dk', name: 'Carl Juhl', kind: 'required', response: 'none' },
      { email: 'mette@example.dk', name: 'MH', kind: 'required', response: 'none' },
    ]);

    expect(meeting.agenda.map((a) => [a.kind, a.title])).toEqual([
      ['citizen-perspective', 'Borgerens perspektiv'],
      ['goal', 'Jeg vil have et fritidsjob'],
      ['goal', 'Jeg vil bo i egen lejlighed'],
      ['transition', 'Overgang til ungdomsuddannelse'],
      ['other', 'Eventuelt'],
    ]);
    expect(meeting).toMatchObject({
      pathwayId: pathway.id,
      start: '2026-12-01T08:00:00.000Z',
      end: '2026-12-01T09:00:00.000Z',
      subject: 'Tværfagligt teammøde (MH)',
      citizenInvitation: { mode: 'email', email: 'mette@example.dk' },
      rsvp: { anna: 'none', bo: 'none', carl: 'none' },
      outsideWindowReason: null,
      status: 'planned',
      attendance: [],
      citizenPresent: null,
      citizenView: '',
      createdAt: '2026-11-24T09:00:00.000Z',
      createdBy: 'anna',
    });
    expect(meeting.requiredAttendees.map((a) => a.personId)).toEqual(['anna', 'bo', 'carl']);
    expect(await h.store.getMeeting(meeting.id)).toEqual(meeting);
  });

  it('[R1] books a citizen who attends in person without putting them on the invitation', async () => {
    const pathway = await newPathway();
    const meeting = await bookMeeting(h.s, booking(pathway.id, { citizenInvitation: { mode: 'in-person' } }));
    const event = await h.calendar.getEvent(must(meeting.calendarEventId, 'a calendar event id'));
    expect(event.attendees.map((a) => a.email)).toEqual(teamEmails);
    expect(meeting.citizenInvitation).toEqual({ mode: 'in-person' });
  });

  it('[R3] refuses a time outside the meeting windows without a reason, and books it with one', async () => {
    const pathway = await newPathway();
    // Wednesday 2 December 2026, 14:00 CET.
    const wednesday = booking(pathway.id, { start: '2026-12-02T13:00:00.000Z' });
    const error = await rejection(bookMeeting(h.s, wednesday));
    expect(error instanceof RuleViolationError ? error.violations : error).toEqual([{ code: 'OUTSIDE_MEETING_WINDOW' }]);

    const meeting = await bookMeeting(h.s, { ...wednesday, outsideWindowReason: '  Borgeren er i praktik tirsdag og torsdag ' });
    expect(meeting.outsideWindowReason).toBe('Borgeren er i praktik tirsdag og torsdag');
  });

  it('[R3] refuses an over-long reason before any invitation is sent', async () => {
    const pathway = await newPathway();
    const input = booking(pathway.id, { start: '2026-12-02T13:00:00.000Z', outsideWindowReason: 'x'.repeat(501) });
    await rejection(bookMeeting(h.s, input));
    const busy = await h.calendar.getBusy(teamEmails, '2026-11-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z');
    expect([...busy.values()]).toEqual([[], [], []]);
    expect(await h.store.listMeetings({ pathwayId: pathway.id })).toEqual([]);
  });
});

describe('checkLiveInvitation', () => {
  it('[R1] reports CITIZEN_NOT_INVITED after the citizen is removed from the calendar event', async () => {
    const meeting = await bookedMeeting();
    const eventId = must(meeting.calendarEventId, 'a calendar event id');
    expect((await checkLiveInvitation(h.s, meeting.id)).violations).toEqual([]);

    await h.calendar.updateEvent(eventId, {
      attendees: team.map((m) => ({ email: m.email, name: m.displayName, kind: 'required' as const })),
    });
    expect((await checkLiveInvitation(h.s, meeting.id)).violations).toEqual([{ code: 'CITIZEN_NOT_INVITED' }]);
  });

  it('[R2] reports a team member made optional in the calendar', async () => {
    const meeting = await bookedMeeting();
    await h.calendar.updateEvent(must(meeting.calendarEventId, 'a calendar event id'), {
      attendees: [
        { email: 'anna@kommune.dk', name: 'Anna Holm', kind: 'required' },
        { email: 'bo@kommune.dk', name: 'Bo Lund', kind: 'required' },
        { email: 'carl@kommune.dk', name: 'Carl Juhl', kind: 'optional' },
        { email: 'mette@example.dk', name: 'MH', kind: 'required' },
      ],
    });
    expect((await checkLiveInvitation(h.s, meeting.id)).violations).toEqual([{ code: 'MEMBER_NOT_REQUIRED', personIds: ['carl'] }]);
  });

  it('[R2] stores the RSVPs from the calendar on the meeting', async () => {
    const meeting = await bookedMeeting();
    const eventId = must(meeting.calendarEventId, 'a calendar event id');
    await h.calendar.respond(eventId, 'anna@kommune.dk', 'accepted');
    await h.calendar.respond(eventId, 'BO@kommune.dk', 'declined');

    const check = await checkLiveInvitation(h.s, meeting.id);
    expect(check.meeting.rsvp).toEqual({ anna: 'accepted', bo: 'declined', carl: 'none' });
    expect((await h.store.getMeeting(meeting.id))?.rsvp).toEqual({ anna: 'accepted', bo: 'declined', carl: 'none' });
  });
});

describe('check-in and the citizen\'s perspective without a connection (rule 7)', () => {
  const offlineReads = (meetingReadError: Error) => ({
    ...h.s,
    store: new Proxy(h.s.store, {
      get(target, property, receiver) {
        if (property === 'getMeeting') return () => Promise.reject(meetingReadError);
        return Reflect.get(target, property, receiver) as unknown;
      },
    }),
    writeStatus: {
      snapshot: async () => ({ pending: new Set<string>(), conflicts: new Set<string>() }),
      subscribe: () => () => undefined,
      isTransient: (error: unknown) => error instanceof TypeError,
      retryConflicts: async () => undefined,
      dismissConflicts: async () => undefined,
    },
  });

  it('builds on the meeting on screen when the stored one cannot be read just now', async () => {
    const meeting = await bookedMeeting();
    const s = offlineReads(new TypeError('Failed to fetch'));
    const attendance = [{ personId: 'anna', present: true, notice: false }];
    const updated = await checkIn(s, meeting.id, attendance, true, meeting);
    expect(updated).toMatchObject({ id: meeting.id, attendance, citizenPresent: true, status: 'held' });
    expect((await h.store.getMeeting(meeting.id))?.attendance).toEqual(attendance);
    const viewed = await saveCitizenView(s, meeting.id, 'Jeg vil gerne i praktik.', updated);
    expect(viewed).toMatchObject({ citizenView: 'Jeg vil gerne i praktik.', attendance });
  });

  it('never stands in for a read that failed for good, nor without a meeting on screen', async () => {
    const meeting = await bookedMeeting();
    const forGood = new Error('403');
    await expect(checkIn(offlineReads(forGood), meeting.id, [], null, meeting)).rejects.toBe(forGood);
    const offline = new TypeError('Failed to fetch');
    await expect(checkIn(offlineReads(offline), meeting.id, [], null)).rejects.toBe(offline);
    await expect(saveCitizenView(offlineReads(offline), meeting.id, 'x', { ...meeting, id: 'another' })).rejects.toBe(offline);
  });
});

describe('recordDecision', () => {
  async function heldMeeting(): Promise<TeamMeeting> {
    const meeting = await bookedMeeting();
    return checkIn(
      h.s,
      meeting.id,
      [
        { personId: 'anna', present: true, notice: false },
        { personId: 'bo', present: false, notice: true },
        { personId: 'carl', present: true, notice: false },
      ],
      true,
    );
  }

  it('[R6] a decision that commits a department whose mandate holder is absent requires leader follow-up (MANDATE_MISSING)', async () => {
    const meeting = await heldMeeting();
    h.clock.set('2026-12-01T08:20:00.000Z');
    const { decision, action } = await recordDecision(h.s, decisionInput(meeting.id));
    expect(decision).toEqual({
      id: 'dec-1',
      pathwayId: meeting.pathwayId,
      meetingId: meeting.id,
      text: 'Sundhedsplejen laver en plan for søvn sammen med borgeren',
      goalId: null,
      commitments: [{ departmentId: 'dep-health', amountDkk: 0 }],
      backedBy: [],
      responsibleId: 'bo',
      dueDate: '2026-12-15',
      citizenPosition: 'agrees',
      status: 'requires-leader-follow-up',
      escalations: [{ code: 'MANDATE_MISSING', departmentId: 'dep-health' }],
      supersedes: null,
      createdAt: '2026-12-01T08:20:00.000Z',
      createdBy: 'anna',
    });
    expect(action).toEqual({
      id: 'dec-1:action',
      pathwayId: meeting.pathwayId,
      decisionId: 'dec-1',
      title: 'Sundhedsplejen laver en plan for søvn sammen med borgeren',
      ownerId: 'bo',
      dueDate: '2026-12-15',
      status: 'open',
    });
    expect(await h.store.listDecisions({ meetingId: meeting.id })).toEqual([decision]);
  });

  it('[R6] a commitment over the present holder\'s limit requires leader follow-up (MANDATE_EXCEEDED); at the limit it is decided', async () => {
    const meeting = await heldMeeting();
    const over = await recordDecision(
      h.s,
      decisionInput(meeting.id, { decisionId: 'dec-over', commitments: [{ departmentId: 'dep-social', amountDkk: 10_001 }], responsibleId: 'anna' }),
    );
    expect([over.decision.status, over.decision.escalations, over.decision.backedBy]).toEqual([
      'requires-leader-follow-up',
      [{ code: 'MANDATE_EXCEEDED', departmentId: 'dep-social' }],
      ['anna'],
    ]);
    const atLimit = await recordDecision(
      h.s,
      decisionInput(meeting.id, { decisionId: 'dec-limit', commitments: [{ departmentId: 'dep-social', amountDkk: 10_000 }], responsibleId: 'anna' }),
    );
    expect([atLimit.decision.status, atLimit.decision.escalations]).toEqual(['decided', []]);
  });

  it('[R6] refuses a decision without the citizen\'s position and stores nothing', async () => {
    const meeting = await heldMeeting();
    const error = await rejection(recordDecision(h.s, decisionInput(meeting.id, { citizenPosition: null })));
    expect(error instanceof RuleViolationError ? error.violations : error).toEqual([{ code: 'CITIZEN_POSITION_MISSING' }]);
    expect(await h.store.listDecisions({ meetingId: meeting.id })).toEqual([]);
  });

  it('[R7] recording the same decisionId twice (a retry after a lost connection) stores one decision and one action', async () => {
    const meeting = await heldMeeting();
    h.clock.set('2026-12-01T08:20:00.000Z');
    const first = await recordDecision(h.s, decisionInput(meeting.id));
    h.clock.set('2026-12-01T08:25:00.000Z');
    const second = await recordDecision(h.s, decisionInput(meeting.id));
    expect([second.decision, second.action]).toEqual([first.decision, first.action]);
    // The retry notifies nobody a second time.
    expect(second.notification).toBeUndefined();
    expect((await h.store.listDecisions({ meetingId: meeting.id })).map((d) => [d.id, d.createdAt])).toEqual([
      ['dec-1', '2026-12-01T08:20:00.000Z'],
    ]);
    expect((await h.store.listActions({ decisionIds: ['dec-1'] })).map((a) => a.id)).toEqual(['dec-1:action']);
  });

  it('[R7] the decision draft is kept until the decision is recorded, then removed', async () => {
    const meeting = await heldMeeting();
    await saveDraft(h.s, {
      meetingId: meeting.id,
      authorId: 'anna',
      decisionId: 'dec-1',
      supersedes: null,
      text: 'Sundhedsplejen laver',
      goalId: null,
      departmentIds: ['dep-health'],
      amountDkk: 0,
      responsibleId: null,
      dueDate: null,
      citizenPosition: null,
    });
    expect((await h.store.getDraft(meeting.id, 'anna'))?.text).toBe('Sundhedsplejen laver');
    await recordDecision(h.s, decisionInput(meeting.id));
    expect(await h.store.getDraft(meeting.id, 'anna')).toBeNull();
  });
});

describe('minutes', () => {
  async function meetingWithDecision(): Promise<TeamMeeting> {
    const meeting = await bookedMeeting();
    await checkIn(
      h.s,
      meeting.id,
      [
        { personId: 'anna', present: true, notice: false },
        { personId: 'bo', present: false, notice: true },
      ],
      true,
    );
    await saveCitizenView(h.s, meeting.id, ' Jeg vil gerne i gang, men jeg er træt af møder. ');
    h.clock.set('2026-12-01T08:20:00.000Z');
    await recordDecision(h.s, decisionInput(meeting.id));
    return meeting;
  }

  it('[R7] approving the minutes twice keeps one entry in the plan, at version 2', async () => {
    const meeting = await meetingWithDecision();
    h.clock.set('2026-12-01T10:00:00.000Z');
    const first = await approveMinutes(h.s, meeting.id);
    h.clock.set('2026-12-02T10:00:00.000Z');
    const second = await approveMinutes(h.s, meeting.id);

    expect([first.version, second.version, second.id]).toEqual([1, 2, first.id]);
    const all = await h.store.listMinutes(meeting.pathwayId);
    expect(all.map((m) => [m.meetingId, m.version, m.approvedAt])).toEqual([[meeting.id, 2, '2026-12-02T10:00:00.000Z']]);
    expect((await h.store.getMeeting(meeting.id))?.status).toBe('minuted');
  });

  it('[R2][R5][R6][R8] the approved minutes carry attendance, the citizen\'s view, decisions, actions, escalations and the consent that held', async () => {
    const meeting = await meetingWithDecision();
    const next = await bookMeeting(h.s, booking(meeting.pathwayId, { start: '2026-12-03T08:00:00.000Z' }));
    const minutes = await approveMinutes(h.s, meeting.id);
    expect(minutes.content).toEqual({
      meetingStart: '2026-12-01T08:00:00.000Z',
      citizenInvitation: { mode: 'email', email: 'mette@example.dk' },
      citizenPresent: true,
      invited: [
        { personId: 'anna', displayName: 'Anna Holm', departmentId: 'dep-social' },
        { personId: 'bo', displayName: 'Bo Lund', departmentId: 'dep-health' },
        { personId: 'carl', displayName: 'Carl Juhl', departmentId: 'dep-employment' },
      ],
      present: [{ personId: 'anna', displayName: 'Anna Holm', departmentId: 'dep-social' }],
      absentWithNotice: [{ personId: 'bo', displayName: 'Bo Lund', departmentId: 'dep-health' }],
      absentWithoutNotice: [{ personId: 'carl', displayName: 'Carl Juhl', departmentId: 'dep-employment' }],
      citizenView: 'Jeg vil gerne i gang, men jeg er træt af møder.',
      decisions: [
        {
          decisionId: 'dec-1',
          text: 'Sundhedsplejen laver en plan for søvn sammen med borgeren',
          goalText: null,
          departmentIds: ['dep-health'],
          responsibleName: 'Bo Lund',
          dueDate: '2026-12-15',
          citizenPosition: 'agrees',
          escalated: true,
          supersedes: null,
        },
      ],
      actions: [{ actionId: 'dec-1:action', title: 'Sundhedsplejen laver en plan for søvn sammen med borgeren', ownerName: 'Bo Lund', dueDate: '2026-12-15' }],
      escalations: [{ decisionId: 'dec-1', code: 'MANDATE_MISSING', departmentId: 'dep-health' }],
      nextMeeting: next.start,
      consent: {
        status: 'valid',
        givenOn: '2026-11-01',
        form: 'written',
        departmentIds: ['dep-social', 'dep-health', 'dep-employment'],
        replacedPlans: ['jobplan'],
        reviewDate: '2027-11-01',
      },
    });
  });

  it('[R1] the draft minutes re-check the calendar and report a citizen removed from the invitation', async () => {
    const meeting = await meetingWithDecision();
    await h.calendar.updateEvent(must(meeting.calendarEventId, 'a calendar event id'), {
      attendees: team.map((m) => ({ email: m.email, name: m.displayName, kind: 'required' as const })),
    });
    const draft = await draftMinutes(h.s, meeting.id);
    expect(draft.invitationViolations).toEqual([{ code: 'CITIZEN_NOT_INVITED' }]);
    expect(draft.approvedVersion).toBeNull();
  });
});

describe('reviewDecisions', () => {
  async function reviewedMeeting(): Promise<TeamMeeting> {
    const meeting = await bookedMeeting();
    // Bo (health) sent word; Carl (employment) did not come and sent no word; the citizen did not come.
    await checkIn(
      h.s,
      meeting.id,
      [
        { personId: 'anna', present: true, notice: false },
        { personId: 'bo', present: false, notice: true },
      ],
      false,
    );
    h.clock.set('2026-12-01T08:10:00.000Z');
    await recordDecision(h.s, decisionInput(meeting.id, { decisionId: 'dec-health', dueDate: '2026-12-20', citizenPosition: 'not-present' }));
    h.clock.set('2026-12-01T08:20:00.000Z');
    await recordDecision(
      h.s,
      decisionInput(meeting.id, {
        decisionId: 'dec-social',
        text: 'Støttekontaktperson to timer om ugen',
        commitments: [{ departmentId: 'dep-social', amountDkk: 2_000 }],
        responsibleId: 'anna',
        dueDate: '2026-12-05',
        citizenPosition: 'not-present',
      }),
    );
    h.clock.set('2026-12-01T08:30:00.000Z');
    await recordDecision(
      h.s,
      decisionInput(meeting.id, {
        decisionId: 'dec-done',
        text: 'Anna sender kontaktoplysninger',
        commitments: [{ departmentId: 'dep-social', amountDkk: 0 }],
        responsibleId: 'anna',
        dueDate: '2026-12-04',
        citizenPosition: 'not-present',
      }),
    );
    await h.store.setActionStatus('dec-done:action', 'done');
    await h.directory.setCurrentUser('lene');
    h.clock.set('2026-12-10T09:00:00.000Z');
    return meeting;
  }

  it('[R6] shows escalations and overdue actions across the leader\'s departments, newest first', async () => {
    const meeting = await reviewedMeeting();
    const review = await reviewDecisions(h.s, allDecisions);
    expect(review.rows.map((r) => [r.decision.id, r.responsibleName, r.overdue, r.action?.status])).toEqual([
      ['dec-done', 'Anna Holm', false, 'done'],
      ['dec-social', 'Anna Holm', true, 'open'],
      ['dec-health', 'Bo Lund', false, 'open'],
    ]);
    expect(review.rows[0]?.pathway).toEqual({ id: meeting.pathwayId, initials: 'MH', caseRef: 'SAG-2026-0412' });
    expect(review.escalations.map((r) => [r.decision.id, r.decision.escalations])).toEqual([
      ['dec-health', [{ code: 'MANDATE_MISSING', departmentId: 'dep-health' }]],
    ]);
    expect(review.overdue.map((r) => [r.decision.id, r.action?.dueDate])).toEqual([['dec-social', '2026-12-05']]);
  });

  it('[R2] shows attendance per department: present, absent with notice, absent without notice', async () => {
    await reviewedMeeting();
    const review = await reviewDecisions(h.s, allDecisions);
    expect(review.attendance).toEqual([
      { departmentId: 'dep-social', invited: 1, present: 1, absentWithNotice: 0, absentWithoutNotice: 0 },
      { departmentId: 'dep-health', invited: 1, present: 0, absentWithNotice: 1, absentWithoutNotice: 0 },
      { departmentId: 'dep-employment', invited: 1, present: 0, absentWithNotice: 0, absentWithoutNotice: 1 },
    ]);
  });

  it('[R1] lists meetings held without the citizen', async () => {
    const meeting = await reviewedMeeting();
    const review = await reviewDecisions(h.s, allDecisions);
    expect(review.meetingsWithoutCitizen.map((m) => [m.meeting.id, m.initials, m.caseRef])).toEqual([
      [meeting.id, 'MH', 'SAG-2026-0412'],
    ]);
  });

  it('filters to overdue actions and to one department', async () => {
    await reviewedMeeting();
    expect((await reviewDecisions(h.s, { ...allDecisions, onlyOverdue: true })).rows.map((r) => r.decision.id)).toEqual(['dec-social']);
    expect((await reviewDecisions(h.s, { ...allDecisions, departmentIds: ['dep-health'] })).rows.map((r) => r.decision.id)).toEqual([
      'dec-health',
    ]);
    expect(
      (await reviewDecisions(h.s, { ...allDecisions, status: 'requires-leader-follow-up' })).rows.map((r) => r.decision.id),
    ).toEqual(['dec-health']);
  });

  it('[R7] leaves out a decision that a correction supersedes', async () => {
    const meeting = await reviewedMeeting();
    h.clock.set('2026-12-10T09:30:00.000Z');
    await recordDecision(
      h.s,
      decisionInput(meeting.id, {
        decisionId: 'dec-social-2',
        text: 'Støttekontaktperson tre timer om ugen',
        commitments: [{ departmentId: 'dep-social', amountDkk: 3_000 }],
        responsibleId: 'anna',
        dueDate: '2026-12-20',
        supersedes: 'dec-social',
      }),
    );
    const review = await reviewDecisions(h.s, allDecisions);
    expect(review.rows.map((r) => r.decision.id)).toEqual(['dec-social-2', 'dec-done', 'dec-health']);
    expect(review.overdue).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('consent (rule 8)', () => {
  it('[R8] refuses to book a pathway without consent, and sends no invitation', async () => {
    const pathway = await createPathway(h.s, { citizen, team, goals: ['Jeg vil have et fritidsjob'] });
    const error = await rejection(bookMeeting(h.s, booking(pathway.id)));
    expect(error).toBeInstanceOf(RuleViolationError);
    expect(error instanceof RuleViolationError ? error.violations : null).toEqual([{ code: 'CONSENT_MISSING' }]);
    expect(await h.store.listMeetings({ pathwayId: pathway.id })).toEqual([]);
  });

  it('[R8] refuses to create a pathway whose team lies outside the consent', async () => {
    const error = await rejection(
      createPathway(h.s, {
        citizen,
        team,
        goals: [],
        consent: { givenOn: '2026-11-01', form: 'oral', scope: { departmentIds: ['dep-social'], replacedPlans: [] }, reviewDate: '2027-11-01' },
      }),
    );
    expect(error instanceof RuleViolationError ? error.violations : null).toEqual([
      { code: 'DEPARTMENT_OUTSIDE_CONSENT', departmentIds: ['dep-health', 'dep-employment'], personIds: ['bo', 'carl'] },
    ]);
    expect(await h.store.listPathways()).toEqual([]);
  });

  it('[R8] withdrawal for one department refuses booking and flags the planned meeting; renewal allows it again', async () => {
    const meeting = await bookedMeeting();
    await withdrawConsent(h.s, meeting.pathwayId, 'dep-health');
    const refused = await rejection(bookMeeting(h.s, booking(meeting.pathwayId, { start: '2026-12-03T08:00:00.000Z' })));
    expect(refused instanceof RuleViolationError ? refused.violations : null).toEqual([
      { code: 'DEPARTMENT_OUTSIDE_CONSENT', departmentIds: ['dep-health'], personIds: ['bo'] },
    ]);
    const overview = await getConsentOverview(h.s, meeting.pathwayId);
    expect(overview.flags).toEqual([
      { code: 'MEMBER_NOT_COVERED', personId: 'bo', departmentId: 'dep-health' },
      { code: 'MEETING_NOT_COVERED', meetingId: meeting.id, reason: 'DEPARTMENT_OUTSIDE_CONSENT', departmentIds: ['dep-health'] },
    ]);
    await recordConsent(h.s, meeting.pathwayId, {
      givenOn: '2026-11-24',
      form: 'oral',
      scope: { departmentIds: ['dep-social', 'dep-health', 'dep-employment'], replacedPlans: ['jobplan'] },
      reviewDate: '2027-11-24',
    });
    const again = await bookMeeting(h.s, booking(meeting.pathwayId, { start: '2026-12-03T08:00:00.000Z' }));
    expect(again.status).toBe('planned');
    expect((await h.store.listConsentHistory(meeting.pathwayId)).map((e) => e.kind)).toEqual(['given', 'withdrawn', 'renewed']);
    expect((await h.store.listAudit(meeting.pathwayId)).filter((a) => a.entity === 'consent').map((a) => [a.action, a.actorId])).toEqual([
      ['create', 'anna'],
      ['withdraw', 'anna'],
      ['update', 'anna'],
    ]);
  });

  it('[R8] a member outside the consent cannot join the team', async () => {
    const pathway = await newPathway();
    const dora: TeamMember = {
      personId: 'dora', displayName: 'Dora Dahl', email: 'dora@kommune.dk', departmentId: 'dep-education', role: 'member', mandate: null,
    };
    const error = await rejection(addTeamMember(h.s, pathway.id, dora));
    expect(error instanceof RuleViolationError ? error.violations : null).toEqual([
      { code: 'DEPARTMENT_OUTSIDE_CONSENT', departmentIds: ['dep-education'], personIds: ['dora'] },
    ]);
    const inside = { ...dora, departmentId: 'dep-social' };
    expect((await addTeamMember(h.s, pathway.id, inside)).team.members.map((m) => m.personId)).toEqual(['anna', 'bo', 'carl', 'dora']);
  });

  it('[R8] the leader review lists pathways with missing, expiring and withdrawn consent', async () => {
    const withConsent = await newPathway();
    const without = await createPathway(h.s, { citizen: { ...citizen, initials: 'XY', caseRef: 'SAG-2' }, team, goals: [] });
    expect(await reviewConsent(h.s, ['dep-health'])).toEqual([
      {
        pathway: { id: without.id, initials: 'XY', caseRef: 'SAG-2' },
        kind: 'missing',
        reviewDate: null,
        departmentIds: [...new Set(team.map((m) => m.departmentId))],
      },
    ]);
    h.clock.set('2027-10-20T09:00:00.000Z');
    expect((await reviewConsent(h.s, ['dep-health'])).map((r) => [r.pathway.id, r.kind])).toEqual([
      [withConsent.id, 'expiring'],
      [without.id, 'missing'],
    ]);
    await withdrawConsent(h.s, withConsent.id, null);
    expect((await reviewConsent(h.s, ['dep-health'])).map((r) => r.kind)).toEqual(['withdrawn', 'missing']);
  });
});

describe('decisions and consent (rule 8)', () => {
  it('[R8] nothing new is shared with a withdrawn department: a decision committing it is refused and stores nothing', async () => {
    const meeting = await bookedMeeting();
    await checkIn(h.s, meeting.id, team.map((m) => ({ personId: m.personId, present: true, notice: false })), true);
    await withdrawConsent(h.s, meeting.pathwayId, 'dep-health');
    const error = await rejection(recordDecision(h.s, decisionInput(meeting.id)));
    expect(error instanceof RuleViolationError ? error.violations : null).toEqual([
      { code: 'DEPARTMENT_OUTSIDE_CONSENT', departmentIds: ['dep-health'], personIds: ['bo'] },
    ]);
    expect(await h.store.listDecisions({ meetingId: meeting.id })).toEqual([]);
    const social = await recordDecision(h.s, decisionInput(meeting.id, { commitments: [{ departmentId: 'dep-social', amountDkk: 0 }], responsibleId: 'anna' }));
    expect(social.decision.status).toBe('decided');
  });
});

describe('recordDecision tells the responsible person (issue 6)', () => {
  async function heldMeeting(): Promise<TeamMeeting> {
    const meeting = await bookedMeeting();
    return checkIn(h.s, meeting.id, [{ personId: 'anna', present: true, notice: false }], true);
  }
  const sent: ActionNotice[] = [];
  const recording: Notifier = {
    kind: 'teams-activity',
    notifyActionAssigned: async (n) => {
      sent.push(n);
      return { status: 'sent' };
    },
  };

  it('sends one notice with ids, initials and the due date, and reports it', async () => {
    sent.length = 0;
    const meeting = await heldMeeting();
    const s = { ...h.s, notifier: recording };
    const first = await recordDecision(s, decisionInput(meeting.id));
    expect(first.notification).toEqual({ status: 'sent' });
    expect(sent).toEqual([
      { decisionId: 'dec-1', pathwayId: meeting.pathwayId, recipientId: 'bo', initials: citizen.initials, dueDate: '2026-12-15', decidedAt: first.decision.createdAt },
    ]);
    // Rule 7: a retried save of the stored decision does not notify twice.
    await recordDecision(s, decisionInput(meeting.id));
    expect(sent).toHaveLength(1);
  });

  it('a failed notice never fails the save: the decision is stored and the failure reported', async () => {
    const meeting = await heldMeeting();
    const failure = new Error('403 from Graph');
    const failing: Notifier = { kind: 'teams-activity', notifyActionAssigned: () => Promise.reject(failure) };
    const result = await recordDecision({ ...h.s, notifier: failing }, decisionInput(meeting.id));
    expect(result.notification).toEqual({ status: 'failed', error: failure });
    expect((await h.store.listDecisions({ meetingId: meeting.id })).map((d) => d.id)).toEqual(['dec-1']);
  });

  it('nobody is told when the responsible person saved it themselves, or when there is no notifier', async () => {
    const meeting = await heldMeeting();
    const own = await recordDecision({ ...h.s, notifier: recording }, decisionInput(meeting.id, { decisionId: 'dec-own', responsibleId: 'anna' }));
    expect(own.notification).toEqual({ status: 'not-needed' });
    const none = await recordDecision(h.s, decisionInput(meeting.id, { decisionId: 'dec-none' }));
    expect(none.notification).toBeNull();
  });
});
