import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action, Decision, Goal, TeamMeeting } from '../model';
import { generateMinutes, type MinutesInput } from './minutes';

const goals: Goal[] = [
  { id: 'g-job', text: 'Jeg vil have et fritidsjob', createdAt: '2026-01-05T10:00:00.000Z' },
  { id: 'g-home', text: 'Jeg vil bo i egen lejlighed', createdAt: '2026-01-05T10:01:00.000Z' },
];

const meeting: TeamMeeting = {
  id: 'm1',
  pathwayId: 'pw1',
  start: '2026-12-01T08:00:00.000Z',
  end: '2026-12-01T09:00:00.000Z',
  subject: 'Tværfagligt teammøde (SB)',
  calendarEventId: 'ev1',
  joinUrl: 'https://teams.example/join/ev1',
  requiredAttendees: [
    { personId: 'p-anna', displayName: 'Anna Holm', email: 'anna@kommune.dk', departmentId: 'dep-social' },
    { personId: 'p-bo', displayName: 'Bo Lund', email: 'bo@kommune.dk', departmentId: 'dep-health' },
    { personId: 'p-carl', displayName: 'Carl Juhl', email: 'carl@kommune.dk', departmentId: 'dep-employment' },
    { personId: 'p-dorte', displayName: 'Dorte Friis', email: 'dorte@kommune.dk', departmentId: 'dep-education' },
  ],
  citizenInvitation: { mode: 'email', email: 'borger@example.dk' },
  rsvp: { 'p-anna': 'accepted', 'p-bo': 'declined', 'p-carl': 'none', 'p-dorte': 'accepted' },
  agenda: [{ id: 'a1', kind: 'citizen-perspective', title: 'Borgerens perspektiv', refId: null }],
  outsideWindowReason: null,
  status: 'held',
  attendance: [
    { personId: 'p-anna', present: true, notice: false },
    { personId: 'p-bo', present: false, notice: true },
    { personId: 'p-carl', present: false, notice: false },
    // Dorte has no record at all: she counts as absent without notice.
  ],
  citizenPresent: true,
  citizenView: '  Jeg vil gerne i gang med noget, men jeg er træt af møder.  ',
  createdAt: '2026-11-20T10:00:00.000Z',
  createdBy: 'p-anna',
};

function decision(id: string, createdAt: string, overrides: Partial<Decision> = {}): Decision {
  return {
    id,
    pathwayId: 'pw1',
    meetingId: 'm1',
    text: `Beslutning ${id}`,
    goalId: null,
    commitments: [{ departmentId: 'dep-social', amountDkk: 0 }],
    backedBy: ['p-anna'],
    responsibleId: 'p-anna',
    dueDate: '2026-12-15',
    citizenPosition: 'agrees',
    status: 'decided',
    escalations: [],
    supersedes: null,
    createdAt,
    createdBy: 'p-anna',
    ...overrides,
  };
}

function action(decisionId: string, overrides: Partial<Action> = {}): Action {
  return {
    id: `${decisionId}:action`,
    pathwayId: 'pw1',
    decisionId,
    title: `Opgave for ${decisionId}`,
    ownerId: 'p-anna',
    dueDate: '2026-12-15',
    status: 'open',
    ...overrides,
  };
}

const decisions: Decision[] = [
  decision('d-job', '2026-12-01T08:20:00.000Z', {
    text: 'Jobcentret finder et fritidsjob sammen med borgeren',
    goalId: 'g-job',
    commitments: [
      { departmentId: 'dep-employment', amountDkk: 0 },
      { departmentId: 'dep-social', amountDkk: 0 },
    ],
    responsibleId: 'p-carl',
    citizenPosition: 'wants-time',
    status: 'requires-leader-follow-up',
    escalations: [{ code: 'MANDATE_MISSING', departmentId: 'dep-employment' }],
    dueDate: '2027-01-10',
  }),
  decision('d-home-old', '2026-12-01T08:10:00.000Z', { text: 'Boligsøgning starter i januar', goalId: 'g-home' }),
  decision('d-home', '2026-12-01T08:30:00.000Z', {
    text: 'Boligsøgning starter i december',
    goalId: 'g-home',
    supersedes: 'd-home-old',
    citizenPosition: 'agrees',
    responsibleId: 'p-external',
  }),
  decision('d-other-meeting', '2026-11-01T08:30:00.000Z', { meetingId: 'm0' }),
  decision('d-sport', '2026-12-01T08:20:00.000Z', {
    text: 'Bevilling af kontingent',
    goalId: 'g-unknown',
    commitments: [{ departmentId: 'dep-social', amountDkk: 30_000 }],
    citizenPosition: 'disagrees',
    status: 'requires-leader-follow-up',
    escalations: [{ code: 'MANDATE_EXCEEDED', departmentId: 'dep-social' }],
  }),
];

const actions: Action[] = [
  action('d-job', { id: 'x-job-2', title: 'Ring til virksomheden', ownerId: 'p-carl', dueDate: '2026-12-20' }),
  action('d-job', { id: 'x-job-1', title: 'Lav CV med borgeren', ownerId: 'p-carl', dueDate: '2026-12-10' }),
  action('d-home-old', { title: 'Gammel opgave' }),
  action('d-home', { title: 'Søg boliger', ownerId: 'p-external', dueDate: '2026-12-31' }),
  action('d-sport', { title: 'Afklar kontingent med leder' }),
  action('d-other-meeting'),
];

const names = new Map([
  ['p-anna', 'Anna Holm'],
  ['p-bo', 'Bo Lund'],
  ['p-carl', 'Carl Juhl'],
  ['p-dorte', 'Dorte Friis'],
]);

/** Rule 8: the consent that held at the meeting, as the use case hands it over. */
const heldConsent: MinutesInput['consent'] = {
  status: 'valid',
  givenOn: '2026-10-01',
  form: 'written',
  departmentIds: ['dep-social', 'dep-job'],
  replacedPlans: ['handleplan-serviceloven', 'jobplan'],
  reviewDate: '2027-10-01',
};

function minutesInput(overrides: Partial<MinutesInput> = {}): MinutesInput {
  return {
    meeting,
    plan: { goals },
    decisions,
    actions,
    names,
    nextMeeting: '2027-01-12T08:00:00.000Z',
    consent: heldConsent,
    ...overrides,
  };
}

describe('generateMinutes (rule 8)', () => {
  it('[R8] the minutes record the consent that held at the meeting', () => {
    expect(generateMinutes(minutesInput()).consent).toEqual(heldConsent);
  });

  it('[R8] the minutes say so when no consent held', () => {
    expect(generateMinutes(minutesInput({ consent: null })).consent).toBeNull();
  });
});

describe('generateMinutes (rule 7, with rules 2, 5 and 6)', () => {
  it('[R2] lists who was invited, who came, who was absent with and without notice', () => {
    const m = generateMinutes(minutesInput());
    expect(m.invited).toEqual([
      { personId: 'p-anna', displayName: 'Anna Holm', departmentId: 'dep-social' },
      { personId: 'p-bo', displayName: 'Bo Lund', departmentId: 'dep-health' },
      { personId: 'p-carl', displayName: 'Carl Juhl', departmentId: 'dep-employment' },
      { personId: 'p-dorte', displayName: 'Dorte Friis', departmentId: 'dep-education' },
    ]);
    expect(m.present).toEqual([{ personId: 'p-anna', displayName: 'Anna Holm', departmentId: 'dep-social' }]);
    expect(m.absentWithNotice).toEqual([{ personId: 'p-bo', displayName: 'Bo Lund', departmentId: 'dep-health' }]);
    expect(m.absentWithoutNotice).toEqual([
      { personId: 'p-carl', displayName: 'Carl Juhl', departmentId: 'dep-employment' },
      { personId: 'p-dorte', displayName: 'Dorte Friis', departmentId: 'dep-education' },
    ]);
  });

  it('[R2] a present person who also sent notice counts as present only', () => {
    const m = generateMinutes(
      minutesInput({ meeting: { ...meeting, attendance: [{ personId: 'p-bo', present: true, notice: true }] } }),
    );
    expect(m.present.map((p) => p.personId)).toEqual(['p-bo']);
    expect(m.absentWithNotice).toEqual([]);
    expect(m.absentWithoutNotice.map((p) => p.personId)).toEqual(['p-anna', 'p-carl', 'p-dorte']);
  });

  it('[R1] records how the citizen was invited and whether they came', () => {
    const m = generateMinutes(minutesInput());
    expect(m.meetingStart).toBe('2026-12-01T08:00:00.000Z');
    expect(m.citizenInvitation).toEqual({ mode: 'email', email: 'borger@example.dk' });
    expect(m.citizenPresent).toBe(true);
  });

  it('[R5] carries the citizen\'s own view, trimmed', () => {
    expect(generateMinutes(minutesInput()).citizenView).toBe('Jeg vil gerne i gang med noget, men jeg er træt af møder.');
  });

  it('[R6] lists the standing decisions of this meeting in time order with the citizen\'s position and goal text', () => {
    expect(generateMinutes(minutesInput()).decisions).toEqual([
      {
        decisionId: 'd-job',
        text: 'Jobcentret finder et fritidsjob sammen med borgeren',
        goalText: 'Jeg vil have et fritidsjob',
        departmentIds: ['dep-employment', 'dep-social'],
        responsibleName: 'Carl Juhl',
        dueDate: '2027-01-10',
        citizenPosition: 'wants-time',
        escalated: true,
        supersedes: null,
      },
      {
        decisionId: 'd-sport',
        text: 'Bevilling af kontingent',
        goalText: null, // the goal id is not in the plan
        departmentIds: ['dep-social'],
        responsibleName: 'Anna Holm',
        dueDate: '2026-12-15',
        citizenPosition: 'disagrees',
        escalated: true,
        supersedes: null,
      },
      {
        decisionId: 'd-home',
        text: 'Boligsøgning starter i december',
        goalText: 'Jeg vil bo i egen lejlighed',
        departmentIds: ['dep-social'],
        responsibleName: 'p-external', // no display name known: the id, never an empty string
        dueDate: '2026-12-15',
        citizenPosition: 'agrees',
        escalated: false,
        supersedes: 'd-home-old',
      },
    ]);
  });

  it('[R7] lists the actions of the standing decisions, in decision order, then by id', () => {
    expect(generateMinutes(minutesInput()).actions).toEqual([
      { actionId: 'x-job-1', title: 'Lav CV med borgeren', ownerName: 'Carl Juhl', dueDate: '2026-12-10' },
      { actionId: 'x-job-2', title: 'Ring til virksomheden', ownerName: 'Carl Juhl', dueDate: '2026-12-20' },
      { actionId: 'd-sport:action', title: 'Afklar kontingent med leder', ownerName: 'Anna Holm', dueDate: '2026-12-15' },
      { actionId: 'd-home:action', title: 'Søg boliger', ownerName: 'p-external', dueDate: '2026-12-31' },
    ]);
  });

  it('[R6] lists every escalation with its decision', () => {
    expect(generateMinutes(minutesInput()).escalations).toEqual([
      { decisionId: 'd-job', code: 'MANDATE_MISSING', departmentId: 'dep-employment' },
      { decisionId: 'd-sport', code: 'MANDATE_EXCEEDED', departmentId: 'dep-social' },
    ]);
  });

  it('[R7] names the next meeting, or null when none is booked', () => {
    expect(generateMinutes(minutesInput()).nextMeeting).toBe('2027-01-12T08:00:00.000Z');
    expect(generateMinutes(minutesInput({ nextMeeting: null })).nextMeeting).toBeNull();
  });

  it('[R7] a meeting without decisions has empty decision, action and escalation lists', () => {
    const m = generateMinutes(minutesInput({ decisions: [], actions: [] }));
    expect([m.decisions, m.actions, m.escalations]).toEqual([[], [], []]);
  });

  it('[R7] is deterministic: any order of the stored decisions and actions gives the same minutes (property)', () => {
    const expected = generateMinutes(minutesInput());
    fc.assert(
      fc.property(fc.shuffledSubarray(decisions, { minLength: decisions.length }), fc.shuffledSubarray(actions, { minLength: actions.length }), (ds, as) => {
        expect(generateMinutes(minutesInput({ decisions: ds, actions: as }))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
