/**
 * Valid domain records for the contract suites. Every builder returns a record that passes the
 * domain schema; `overrides` change only what a test is about.
 */
import type {
  Action,
  CitizenPlan,
  Decision,
  DecisionDraft,
  Department,
  Minutes,
  MinutesContent,
  Pathway,
  Person,
  Settings,
  TeamMeeting,
} from '../../../src/domain/model';

export const T0 = '2031-03-11T08:00:00.000Z';

export const at = (minutesAfterT0: number): string => new Date(Date.parse(T0) + minutesAfterT0 * 60_000).toISOString();

export const departments: Department[] = [
  { id: 'd-social', name: 'Socialafdelingen', area: 'social' },
  { id: 'd-health', name: 'Sundhed og Omsorg', area: 'health' },
  { id: 'd-job', name: 'Jobcenter', area: 'employment' },
];

export const settings: Settings = {
  meetingWindows: [
    { weekday: 2, start: '09:00', end: '12:00' },
    { weekday: 4, start: '09:00', end: '12:00' },
  ],
  timeZone: 'Europe/Copenhagen',
  meetingMinutes: 60,
};

export function pathway(overrides: Partial<Pathway> & { id: string }): Pathway {
  return {
    citizen: {
      displayName: 'Test Borger',
      initials: 'TB',
      email: 'borger@borger.example',
      phone: null,
      attendance: 'teams',
      caseRef: 'SAG-2031-0001',
    },
    coordinatorId: 'p-coordinator',
    team: {
      members: [
        {
          personId: 'p-coordinator',
          displayName: 'Tove Holder',
          email: 'tove@kommune.example',
          departmentId: 'd-social',
          role: 'coordinator',
          mandate: { departmentId: 'd-social', description: 'Bostøtte', maxAmountDkk: 10000 },
        },
      ],
    },
    status: 'active',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function plan(
  pathwayId: string,
  overrides: Partial<Omit<CitizenPlan, 'version'>> = {},
): Omit<CitizenPlan, 'version'> {
  return {
    pathwayId,
    goals: [{ id: 'g-1', text: 'Jeg vil gerne have min egen lejlighed.', createdAt: T0 }],
    interventions: [],
    transitions: [],
    updatedAt: T0,
    updatedBy: 'p-coordinator',
    ...overrides,
  };
}

export function meeting(overrides: Partial<TeamMeeting> & { id: string; pathwayId: string }): TeamMeeting {
  return {
    start: at(60),
    end: at(120),
    subject: 'Tværfagligt teammøde – SAG-2031-0001',
    calendarEventId: null,
    joinUrl: null,
    requiredAttendees: [
      { personId: 'p-coordinator', displayName: 'Tove Holder', email: 'tove@kommune.example', departmentId: 'd-social' },
    ],
    citizenInvitation: { mode: 'email', email: 'borger@borger.example' },
    rsvp: { 'p-coordinator': 'accepted' },
    agenda: [{ id: 'a-1', kind: 'citizen-perspective', title: 'Borgerens perspektiv', refId: null }],
    outsideWindowReason: null,
    status: 'planned',
    attendance: [],
    citizenPresent: null,
    citizenView: '',
    createdAt: T0,
    createdBy: 'p-coordinator',
    ...overrides,
  };
}

export function decision(overrides: Partial<Decision> & { id: string }): Decision {
  return {
    pathwayId: 'pw-1',
    meetingId: 'm-1',
    text: 'Borgeren får bostøtte 3 timer om ugen.',
    goalId: null,
    commitments: [{ departmentId: 'd-social', amountDkk: 5000 }],
    backedBy: ['p-coordinator'],
    responsibleId: 'p-coordinator',
    dueDate: '2031-04-01',
    citizenPosition: 'agrees',
    status: 'decided',
    escalations: [],
    supersedes: null,
    createdAt: at(70),
    createdBy: 'p-coordinator',
    ...overrides,
  };
}

export function action(overrides: Partial<Action> & { id: string; decisionId: string }): Action {
  return {
    pathwayId: 'pw-1',
    title: 'Find en bostøttemedarbejder',
    ownerId: 'p-coordinator',
    dueDate: '2031-03-25',
    status: 'open',
    ...overrides,
  };
}

export function minutesContent(overrides: Partial<MinutesContent> = {}): MinutesContent {
  return {
    meetingStart: at(60),
    citizenInvitation: { mode: 'email', email: 'borger@borger.example' },
    citizenPresent: true,
    invited: [{ personId: 'p-coordinator', displayName: 'Tove Holder', departmentId: 'd-social' }],
    present: [{ personId: 'p-coordinator', displayName: 'Tove Holder', departmentId: 'd-social' }],
    absentWithNotice: [],
    absentWithoutNotice: [],
    citizenView: 'Borgeren vil gerne bo for sig selv.',
    decisions: [],
    actions: [],
    escalations: [],
    nextMeeting: null,
    ...overrides,
  };
}

export function minutesInput(
  overrides: Partial<Omit<Minutes, 'id' | 'version'>> & { meetingId: string },
): Omit<Minutes, 'id' | 'version'> {
  return {
    pathwayId: 'pw-1',
    content: minutesContent(),
    approvedAt: at(180),
    approvedBy: 'p-coordinator',
    ...overrides,
  };
}

export function draft(overrides: Partial<DecisionDraft> & { meetingId: string; authorId: string }): DecisionDraft {
  return {
    decisionId: 'dec-draft-1',
    supersedes: null,
    text: 'Borgeren får',
    goalId: null,
    departmentIds: ['d-social'],
    amountDkk: 0,
    responsibleId: null,
    dueDate: null,
    citizenPosition: null,
    updatedAt: at(65),
    ...overrides,
  };
}

/** A small directory: Danish letters on purpose, to prove search and ordering. */
export const people: Person[] = [
  { id: 'u-anna', displayName: 'Anna Berg', email: 'anna.berg@kommune.example', departmentId: 'd-social', jobTitle: 'Socialrådgiver', leaderOf: [] },
  { id: 'u-aase', displayName: 'Åse Holm', email: 'aase.holm@kommune.example', departmentId: 'd-health', jobTitle: 'Visitator', leaderOf: [] },
  { id: 'u-oern', displayName: 'Ørnulf Dam', email: 'oernulf.dam@kommune.example', departmentId: 'd-job', jobTitle: 'Jobkonsulent', leaderOf: [] },
  { id: 'u-aeble', displayName: 'Ægidius Kragh', email: 'ae.kragh@kommune.example', departmentId: 'd-social', jobTitle: null, leaderOf: [] },
  { id: 'u-zak', displayName: 'Zakarias Bo', email: 'zb@kommune.example', departmentId: 'd-social', jobTitle: 'Chef', leaderOf: ['d-social'] },
  { id: 'u-bente', displayName: 'Bente Søgaard', email: 'bente.soegaard@kommune.example', departmentId: 'd-health', jobTitle: null, leaderOf: [] },
];
