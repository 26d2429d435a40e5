/**
 * Demo data for standalone mode: a fictional municipality. Every person and citizen here is
 * invented; addresses use the reserved `.example` domain (RFC 2606) so no mail can reach anyone.
 *
 * Dates are built relative to `now` so the demo always has a meeting behind it, one ahead,
 * overdue work and a transition coming up, whatever day it is started. Ids are fixed strings:
 * seeding twice (two tabs at once) writes the same records, and end-to-end tests can link to
 * a known pathway.
 */
import type {
  Action,
  AgendaItem,
  Attendee,
  AttendanceRecord,
  CitizenPlan,
  ConsentEvent,
  ConsentScope,
  DateOnly,
  Decision,
  Department,
  Goal,
  Id,
  Intervention,
  Mandate,
  Minutes,
  MinutesContent,
  MinutesPerson,
  Pathway,
  Person,
  Rsvp,
  Settings,
  TeamMeeting,
  TeamMember,
  TeamRole,
  Transition,
} from '../domain/model';
import type { CalendarEventInput } from '../ports/calendar';
import { addDays, dateInZone, isoWeekday, nextWeekdays, zonedInstant } from './demo-time';

export const DEMO_TIME_ZONE = 'Europe/Copenhagen';

/** Rule 5: transitions this close are put on the agenda. */
const TRANSITION_HORIZON_DAYS = 90;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export const DEMO_DEPARTMENT_IDS = {
  social: 'dept-social',
  health: 'dept-health',
  employment: 'dept-employment',
  education: 'dept-education',
} as const;
const D = DEMO_DEPARTMENT_IDS;

const HANNE = { personId: 'staff-hanne', displayName: 'Hanne Vestergaard' };
const BIRGITTE = { personId: 'staff-birgitte', displayName: 'Birgitte Lund' };

/**
 * The demo municipality's departments, configured as an administrator would (directory texts and
 * leaders), so the demo and Teams mode read leadership the same way: from the departments. The
 * leaders agree with DEMO_STAFF's `leaderOf` below.
 */
export const DEMO_DEPARTMENTS: readonly Department[] = [
  { id: D.social, name: 'Socialafdelingen', area: 'social', directoryNames: ['Socialafdelingen'], leaders: [HANNE] },
  { id: D.health, name: 'Sundhed og Omsorg', area: 'health', directoryNames: ['Sundhed og Omsorg'], leaders: [HANNE] },
  { id: D.employment, name: 'Jobcenter', area: 'employment', directoryNames: ['Jobcenter'], leaders: [BIRGITTE] },
  {
    id: D.education,
    name: 'Skole og Uddannelse (PPR/UU)',
    area: 'education',
    directoryNames: ['Skole og Uddannelse (PPR/UU)'],
    leaders: [BIRGITTE],
  },
];

export const DEMO_SETTINGS: Settings = {
  meetingWindows: [
    { weekday: 2, start: '09:00', end: '12:00' },
    { weekday: 4, start: '09:00', end: '12:00' },
  ],
  timeZone: DEMO_TIME_ZONE,
  meetingMinutes: 60,
};

const staff = (
  id: Id,
  displayName: string,
  email: string,
  departmentId: Id,
  jobTitle: string,
  leaderOf: Id[] = [],
): Person => ({ id, displayName, email: `${email}@kommune.example`, departmentId, jobTitle, leaderOf });

/** The demo staff: three tovholdere (Mette, Peter, Anders) and two leaders (Hanne, Birgitte). */
export const DEMO_STAFF: readonly Person[] = [
  staff('staff-mette', 'Mette Kjær Larsen', 'mette.larsen', D.social, 'Socialrådgiver, tovholder'),
  staff('staff-jonas', 'Jonas Holm', 'jonas.holm', D.social, 'Socialrådgiver, børn og unge'),
  staff('staff-hanne', 'Hanne Vestergaard', 'hanne.vestergaard', D.social, 'Chef for Social og Sundhed', [
    D.social,
    D.health,
  ]),
  staff('staff-sofie', 'Sofie Brandt', 'sofie.brandt', D.health, 'Visitator'),
  staff('staff-ahmed', 'Ahmed Rahimi', 'ahmed.rahimi', D.health, 'Misbrugskonsulent'),
  staff('staff-karin', 'Karin Mikkelsen', 'karin.mikkelsen', D.health, 'Sygeplejerske'),
  staff('staff-peter', 'Peter Damgaard', 'peter.damgaard', D.employment, 'Jobkonsulent, tovholder'),
  staff('staff-camilla', 'Camilla Nørgaard', 'camilla.noergaard', D.employment, 'Virksomhedskonsulent'),
  staff('staff-birgitte', 'Birgitte Lund', 'birgitte.lund', D.employment, 'Chef for Job og Uddannelse', [
    D.employment,
    D.education,
  ]),
  staff('staff-anders', 'Anders Østergaard', 'anders.oestergaard', D.education, 'UU-vejleder, tovholder'),
  staff('staff-nadia', 'Nadia Poulsen', 'nadia.poulsen', D.education, 'Psykolog, PPR'),
  staff('staff-louise', 'Louise Friis', 'louise.friis', D.education, 'Skolekonsulent'),
];

/** Who `me()` is in a fresh demo: a tovholder, so every flow starts from the coordinator's seat. */
export const DEMO_DEFAULT_USER_ID = 'staff-mette';

export const DEMO_PATHWAY_IDS = {
  emil: 'pathway-emil',
  lene: 'pathway-lene',
  kim: 'pathway-kim',
} as const;

export interface DemoMeeting {
  /** `calendarEventId` and `joinUrl` are null here: the seed fills them in from the calendar. */
  meeting: TeamMeeting;
  event: CalendarEventInput;
  /** How attendees answered the invitation, by e-mail. */
  responses: readonly { email: string; response: Rsvp }[];
}

export interface DemoBusyBlock {
  id: Id;
  email: string;
  start: string;
  end: string;
}

export interface DemoData {
  now: string;
  departments: readonly Department[];
  staff: readonly Person[];
  settings: Settings;
  pathways: Pathway[];
  /** Every version of every plan, oldest first per pathway. */
  plans: CitizenPlan[];
  meetings: DemoMeeting[];
  decisions: Decision[];
  actions: Action[];
  minutes: Omit<Minutes, 'id' | 'version'>[];
  busyBlocks: DemoBusyBlock[];
  /** Rule 8: each pathway's consent history; Lene's is due for review within 30 days. */
  consents: ConsentEvent[];
}

function person(id: Id): Person {
  const found = DEMO_STAFF.find((p) => p.id === id);
  if (found === undefined) throw new Error(`demo data: no staff member ${id}`);
  return found;
}

function member(personId: Id, role: TeamRole, mandate: Omit<Mandate, 'departmentId'> | null): TeamMember {
  const p = person(personId);
  if (p.departmentId === null) throw new Error(`demo data: ${personId} has no department`);
  return {
    personId,
    displayName: p.displayName,
    email: p.email,
    departmentId: p.departmentId,
    role,
    mandate: mandate === null ? null : { departmentId: p.departmentId, ...mandate },
  };
}

const toAttendee = (m: TeamMember): Attendee => ({
  personId: m.personId,
  displayName: m.displayName,
  email: m.email,
  departmentId: m.departmentId,
});

const toMinutesPerson = (m: TeamMember): MinutesPerson => ({
  personId: m.personId,
  displayName: m.displayName,
  departmentId: m.departmentId,
});

function agendaFor(prefix: string, goals: Goal[], transitions: Transition[], meetingDate: DateOnly): AgendaItem[] {
  const horizon = addDays(meetingDate, TRANSITION_HORIZON_DAYS);
  return [
    { id: `${prefix}-agenda-perspective`, kind: 'citizen-perspective', title: 'Borgerens perspektiv', refId: null },
    ...goals.map((g, i): AgendaItem => ({ id: `${prefix}-agenda-goal-${i + 1}`, kind: 'goal', title: g.text, refId: g.id })),
    ...transitions
      .filter((t) => t.date >= meetingDate && t.date <= horizon)
      .map((t, i): AgendaItem => ({ id: `${prefix}-agenda-transition-${i + 1}`, kind: 'transition', title: t.title, refId: t.id })),
  ];
}

interface MeetingSpec {
  id: Id;
  pathway: Pathway;
  date: DateOnly;
  startTime: string;
  goals: Goal[];
  transitions: Transition[];
  status: TeamMeeting['status'];
  location: string | null;
  /** By person id; people left out are absent without notice, unless listed in `withNotice`. */
  present: readonly Id[];
  withNotice: readonly Id[];
  rsvp: Readonly<Record<Id, Rsvp>>;
  citizenResponse: Rsvp;
  citizenPresent: boolean | null;
  citizenView: string;
  createdAt: Date;
}

function buildMeeting(spec: MeetingSpec, settings: Settings): DemoMeeting {
  const { pathway } = spec;
  const { citizen } = pathway;
  const start = zonedInstant(spec.date, spec.startTime, settings.timeZone);
  const end = new Date(Date.parse(start) + settings.meetingMinutes * 60 * 1000).toISOString();
  const citizenInvitation: TeamMeeting['citizenInvitation'] =
    citizen.attendance === 'teams' && citizen.email !== null
      ? { mode: 'email', email: citizen.email }
      : citizen.attendance === 'phone'
        ? { mode: 'phone', phone: citizen.phone }
        : { mode: 'in-person' };
  // Rule 4: the invitation names only the case reference; the plan stays in Helhed.
  const subject = `Tværfagligt teammøde – ${citizen.caseRef}`;
  const body =
    citizenInvitation.mode === 'phone'
      ? 'Tværfagligt teammøde. Borgeren deltager pr. telefon; tovholderen ringer op. Dagsorden og plan findes i Helhed.'
      : 'Tværfagligt teammøde. Dagsorden og plan findes i Helhed.';
  const members = pathway.team.members;
  const held = spec.status === 'held' || spec.status === 'minuted';
  const attendance: AttendanceRecord[] = held
    ? members.map((m) => ({
        personId: m.personId,
        present: spec.present.includes(m.personId),
        notice: spec.withNotice.includes(m.personId),
      }))
    : [];
  const meeting: TeamMeeting = {
    id: spec.id,
    pathwayId: pathway.id,
    start,
    end,
    subject,
    calendarEventId: null,
    joinUrl: null,
    requiredAttendees: members.map(toAttendee),
    citizenInvitation,
    rsvp: Object.fromEntries(members.map((m) => [m.personId, spec.rsvp[m.personId] ?? 'none'])),
    agenda: agendaFor(spec.id, spec.goals, spec.transitions, spec.date),
    outsideWindowReason: null,
    status: spec.status,
    attendance,
    citizenPresent: spec.citizenPresent,
    citizenView: spec.citizenView,
    createdAt: spec.createdAt.toISOString(),
    createdBy: pathway.coordinatorId,
  };
  const attendees: CalendarEventInput['attendees'] = [
    ...members.map((m) => ({ email: m.email, name: m.displayName, kind: 'required' as const })),
    ...(citizenInvitation.mode === 'email'
      ? [{ email: citizenInvitation.email, name: citizen.displayName, kind: 'required' as const }]
      : []),
  ];
  const event: CalendarEventInput = {
    subject,
    body,
    location: spec.location,
    start,
    end,
    attendees,
    transactionId: `demo-event-${spec.id}`,
    helhedMeetingId: spec.id,
  };
  const responses = [
    ...members.map((m) => ({ email: m.email, response: spec.rsvp[m.personId] ?? ('none' as const) })),
    ...(citizenInvitation.mode === 'email' ? [{ email: citizenInvitation.email, response: spec.citizenResponse }] : []),
  ].filter((r) => r.response !== 'none');
  return { meeting, event, responses };
}

function buildMinutes(
  demo: DemoMeeting,
  pathway: Pathway,
  goals: Goal[],
  decisions: Decision[],
  actions: Action[],
  nextMeeting: string | null,
  approvedAt: Date,
): Omit<Minutes, 'id' | 'version'> {
  const { meeting } = demo;
  const members = pathway.team.members;
  const record = (id: Id) => meeting.attendance.find((a) => a.personId === id);
  const nameOf = (id: Id) => members.find((m) => m.personId === id)?.displayName ?? person(id).displayName;
  const content: MinutesContent = {
    meetingStart: meeting.start,
    citizenInvitation: meeting.citizenInvitation,
    citizenPresent: meeting.citizenPresent,
    invited: members.map(toMinutesPerson),
    present: members.filter((m) => record(m.personId)?.present === true).map(toMinutesPerson),
    absentWithNotice: members
      .filter((m) => record(m.personId)?.present === false && record(m.personId)?.notice === true)
      .map(toMinutesPerson),
    absentWithoutNotice: members
      .filter((m) => record(m.personId)?.present === false && record(m.personId)?.notice === false)
      .map(toMinutesPerson),
    citizenView: meeting.citizenView,
    decisions: decisions.map((d) => ({
      decisionId: d.id,
      text: d.text,
      goalText: goals.find((g) => g.id === d.goalId)?.text ?? null,
      departmentIds: [...new Set(d.commitments.map((c) => c.departmentId))],
      responsibleName: nameOf(d.responsibleId),
      dueDate: d.dueDate,
      citizenPosition: d.citizenPosition,
      escalated: d.status === 'requires-leader-follow-up',
      supersedes: d.supersedes,
    })),
    actions: actions.map((a) => ({ actionId: a.id, title: a.title, ownerName: nameOf(a.ownerId), dueDate: a.dueDate })),
    escalations: decisions.flatMap((d) =>
      d.escalations.map((e) => ({ decisionId: d.id, code: e.code, departmentId: e.departmentId })),
    ),
    nextMeeting,
  };
  return {
    pathwayId: pathway.id,
    meetingId: meeting.id,
    content,
    approvedAt: approvedAt.toISOString(),
    approvedBy: pathway.coordinatorId,
  };
}

/**
 * Busy time for the demo staff in the coming meeting windows, so suggested times differ from
 * day to day as they would in real calendars. Deterministic: the same day gives the same blocks.
 */
function buildBusyBlocks(windowDays: readonly DateOnly[], settings: Settings, booked: readonly DemoMeeting[]): DemoBusyBlock[] {
  const blocks: DemoBusyBlock[] = [];
  DEMO_STAFF.forEach((p, i) => {
    windowDays.forEach((date, k) => {
      const slots: [string, string][] = [];
      if ((i + k) % 3 === 0) slots.push(['09:00', '10:30']);
      if ((2 * i + k) % 4 === 1) slots.push(['10:30', '12:00']);
      if ((i + 2 * k) % 5 === 2) slots.push(['13:00', '15:00']);
      for (const [from, to] of slots) {
        const start = zonedInstant(date, from, settings.timeZone);
        const end = zonedInstant(date, to, settings.timeZone);
        // Nobody is double-booked against a demo team meeting they are invited to.
        const clashes = booked.some(
          (b) =>
            b.meeting.requiredAttendees.some((a) => a.personId === p.id) &&
            Date.parse(b.meeting.start) < Date.parse(end) &&
            Date.parse(b.meeting.end) > Date.parse(start),
        );
        if (!clashes) blocks.push({ id: `busy-${p.id}-${date}-${from.replace(':', '')}`, email: p.email, start, end });
      }
    });
  });
  return blocks;
}

const instantDaysBefore = (now: Date, days: number): Date => new Date(now.getTime() - days * DAY_MS);

/** The whole demo, placed around `now` (taken from the Clock port by the seed). */
export function buildDemoData(now: Date): DemoData {
  const settings = DEMO_SETTINGS;
  const tz = settings.timeZone;
  const today = dateInZone(now, tz);
  const windowWeekdays = settings.meetingWindows.map((w) => w.weekday);
  const pastWindowDays = nextWeekdays(today, windowWeekdays, 8, -1);
  const futureWindowDays = nextWeekdays(today, windowWeekdays, 10, 1);
  const day = (days: number) => addDays(today, days);
  const pastDay = (index: number): DateOnly => {
    const d = pastWindowDays[index];
    if (d === undefined) throw new Error('demo data: not enough past window days');
    return d;
  };
  const futureDay = (index: number): DateOnly => {
    const d = futureWindowDays[index];
    if (d === undefined) throw new Error('demo data: not enough future window days');
    return d;
  };

  // --- Emil: 9. klasse, school absence, next step is a vocational education ---------------------
  const emilCreated = instantDaysBefore(now, 70);
  const emil: Pathway = {
    id: DEMO_PATHWAY_IDS.emil,
    citizen: {
      displayName: 'Emil Sørensen',
      initials: 'ES',
      email: 'emil.soerensen@borger.example',
      phone: null,
      attendance: 'teams',
      caseRef: 'SAG-2026-0412',
    },
    coordinatorId: 'staff-anders',
    team: {
      members: [
        member('staff-anders', 'coordinator', {
          description: 'Vejledning, brobygning og tilmelding til ungdomsuddannelse',
          maxAmountDkk: 5000,
        }),
        member('staff-nadia', 'member', null),
        member('staff-jonas', 'member', {
          description: 'Kontaktperson og forebyggende støtte efter barnets lov',
          maxAmountDkk: 25000,
        }),
        member('staff-camilla', 'member', { description: 'Fritidsjob og mentorstøtte til unge', maxAmountDkk: 3000 }),
      ],
    },
    status: 'active',
    createdAt: emilCreated.toISOString(),
    updatedAt: emilCreated.toISOString(),
  };
  const emilGoals: Goal[] = [
    { id: 'goal-emil-1', text: 'Jeg vil gerne have et fritidsjob, så jeg kan tjene mine egne penge.', createdAt: emil.createdAt },
    { id: 'goal-emil-2', text: 'Jeg vil gerne starte på tømreruddannelsen efter sommerferien.', createdAt: emil.createdAt },
    { id: 'goal-emil-3', text: 'Jeg vil gerne komme i skole hver dag uden at have ondt i maven.', createdAt: emil.createdAt },
  ];
  const emilTransitions: Transition[] = [
    { id: 'transition-emil-1', title: 'Overgang fra 9. klasse til erhvervsuddannelse', date: day(60), departmentIds: [D.education, D.employment] },
    { id: 'transition-emil-2', title: 'Overgang fra børne- til voksenområdet (18 år)', date: day(400), departmentIds: [D.social] },
  ];
  const emilStart = dateInZone(emilCreated, tz);
  const emilInterventions: Intervention[] = [
    { id: 'intervention-emil-1', departmentId: D.education, title: 'UU-vejledning om valg af ungdomsuddannelse', status: 'active', startDate: emilStart, endDate: null, goalId: 'goal-emil-2' },
    { id: 'intervention-emil-2', departmentId: D.education, title: 'Samtaleforløb hos PPR om skolefravær', status: 'active', startDate: emilStart, endDate: day(30), goalId: 'goal-emil-3' },
    { id: 'intervention-emil-3', departmentId: D.social, title: 'Kontaktperson efter barnets lov, 3 timer om ugen', status: 'active', startDate: emilStart, endDate: null, goalId: 'goal-emil-3' },
  ];

  // --- Lene: on sick leave with chronic pain, wants to get back to work -------------------------
  const leneCreated = instantDaysBefore(now, 95);
  const lene: Pathway = {
    id: DEMO_PATHWAY_IDS.lene,
    citizen: {
      displayName: 'Lene Mortensen',
      initials: 'LM',
      email: null,
      phone: '+45 00 00 00 01',
      attendance: 'in-person',
      caseRef: 'SAG-2026-0398',
    },
    coordinatorId: 'staff-peter',
    team: {
      members: [
        member('staff-peter', 'coordinator', {
          description: 'Sygedagpenge, ressourceforløb og virksomhedspraktik',
          maxAmountDkk: 20000,
        }),
        member('staff-sofie', 'member', { description: 'Genoptræning og hjemmesygepleje', maxAmountDkk: 15000 }),
        member('staff-karin', 'member', null),
        member('staff-mette', 'member', { description: 'Rådgivning og familiestøtte', maxAmountDkk: 10000 }),
      ],
    },
    status: 'active',
    createdAt: leneCreated.toISOString(),
    updatedAt: leneCreated.toISOString(),
  };
  const leneGoals: Goal[] = [
    { id: 'goal-lene-1', text: 'Jeg vil gerne tilbage på arbejde, først på nedsat tid.', createdAt: lene.createdAt },
    { id: 'goal-lene-2', text: 'Jeg vil have styr på mine smerter, så jeg kan sove om natten.', createdAt: lene.createdAt },
    { id: 'goal-lene-3', text: 'Jeg vil selv kunne hente mine børn fra skole.', createdAt: lene.createdAt },
  ];
  const leneTransitions: Transition[] = [
    { id: 'transition-lene-1', title: 'Revurdering af sygedagpenge', date: day(75), departmentIds: [D.employment, D.health] },
  ];
  const leneStart = dateInZone(leneCreated, tz);
  const leneInterventions: Intervention[] = [
    { id: 'intervention-lene-1', departmentId: D.employment, title: 'Sygedagpengeopfølgning', status: 'active', startDate: leneStart, endDate: null, goalId: 'goal-lene-1' },
    { id: 'intervention-lene-2', departmentId: D.health, title: 'Genoptræning af ryg og skulder', status: 'active', startDate: leneStart, endDate: day(20), goalId: 'goal-lene-2' },
  ];

  // --- Kim: leaving a shelter for a home of their own -------------------------------------------
  const kimCreated = instantDaysBefore(now, 50);
  const kim: Pathway = {
    id: DEMO_PATHWAY_IDS.kim,
    citizen: {
      displayName: 'Kim Andersen',
      initials: 'KA',
      email: null,
      phone: '+45 00 00 00 02',
      attendance: 'phone',
      caseRef: 'SAG-2025-1187',
    },
    coordinatorId: 'staff-mette',
    team: {
      members: [
        member('staff-mette', 'coordinator', {
          description: 'Bostøtte, botilbud og kontaktperson efter serviceloven',
          maxAmountDkk: 30000,
        }),
        member('staff-ahmed', 'member', { description: 'Alkoholbehandling og hjælpemidler', maxAmountDkk: 10000 }),
        member('staff-camilla', 'member', { description: 'Jobafklaring og mentorstøtte', maxAmountDkk: 8000 }),
      ],
    },
    status: 'active',
    createdAt: kimCreated.toISOString(),
    updatedAt: kimCreated.toISOString(),
  };
  const kimGoals: Goal[] = [
    { id: 'goal-kim-1', text: 'Jeg vil gerne have min egen lejlighed.', createdAt: kim.createdAt },
    { id: 'goal-kim-2', text: 'Jeg vil have en fast hverdag med noget at stå op til.', createdAt: kim.createdAt },
    { id: 'goal-kim-3', text: 'Jeg vil gerne se min datter hver anden weekend.', createdAt: kim.createdAt },
  ];
  const kimTransitions: Transition[] = [
    { id: 'transition-kim-1', title: 'Udflytning fra forsorgshjem til egen bolig', date: day(40), departmentIds: [D.social, D.health] },
  ];
  const kimStart = dateInZone(kimCreated, tz);
  const kimInterventions: Intervention[] = [
    { id: 'intervention-kim-1', departmentId: D.social, title: 'Midlertidigt botilbud (forsorgshjem)', status: 'active', startDate: kimStart, endDate: day(40), goalId: 'goal-kim-1' },
    { id: 'intervention-kim-2', departmentId: D.health, title: 'Ambulant alkoholbehandling', status: 'active', startDate: kimStart, endDate: null, goalId: 'goal-kim-2' },
  ];

  // --- Meetings --------------------------------------------------------------------------------
  const emilPast = buildMeeting(
    {
      id: 'meeting-emil-1',
      pathway: emil,
      date: pastDay(5),
      startTime: '10:00',
      goals: emilGoals,
      transitions: emilTransitions,
      status: 'minuted',
      location: null,
      present: ['staff-anders', 'staff-nadia', 'staff-jonas', 'staff-camilla'],
      withNotice: [],
      rsvp: { 'staff-anders': 'accepted', 'staff-nadia': 'accepted', 'staff-jonas': 'accepted', 'staff-camilla': 'accepted' },
      citizenResponse: 'accepted',
      citizenPresent: true,
      citizenView:
        'Emil siger, at det går bedre i skolen, når han ved, hvad dagen skal bruges til. Han glæder sig til at arbejde med hænderne og vil gerne tjene sine egne penge.',
      createdAt: instantDaysBefore(now, 40),
    },
    settings,
  );
  const emilNext = buildMeeting(
    {
      id: 'meeting-emil-2',
      pathway: emil,
      date: futureDay(1),
      startTime: '10:00',
      goals: emilGoals,
      transitions: emilTransitions,
      status: 'planned',
      location: null,
      present: [],
      withNotice: [],
      rsvp: { 'staff-anders': 'accepted', 'staff-jonas': 'accepted', 'staff-camilla': 'tentative' },
      citizenResponse: 'accepted',
      citizenPresent: null,
      citizenView: '',
      createdAt: instantDaysBefore(now, 2),
    },
    settings,
  );
  const lenePast = buildMeeting(
    {
      id: 'meeting-lene-1',
      pathway: lene,
      date: pastDay(4),
      startTime: '09:00',
      goals: leneGoals,
      transitions: leneTransitions,
      status: 'minuted',
      location: 'Jobcentret, mødelokale 2',
      present: ['staff-peter', 'staff-sofie', 'staff-mette'],
      withNotice: [],
      rsvp: { 'staff-peter': 'accepted', 'staff-sofie': 'accepted', 'staff-mette': 'accepted' },
      citizenResponse: 'none',
      citizenPresent: true,
      citizenView:
        'Lene fortæller, at smerterne styrer hendes dag, og at hun er bange for at miste kontakten til arbejdsmarkedet. Hun vil gerne prøve kræfter med få timer om ugen.',
      createdAt: instantDaysBefore(now, 35),
    },
    settings,
  );
  const kimPast = buildMeeting(
    {
      id: 'meeting-kim-1',
      pathway: kim,
      date: pastDay(6),
      startTime: '10:30',
      goals: kimGoals,
      transitions: kimTransitions,
      status: 'minuted',
      location: null,
      present: ['staff-mette', 'staff-camilla'],
      withNotice: ['staff-ahmed'],
      rsvp: { 'staff-mette': 'accepted', 'staff-camilla': 'accepted', 'staff-ahmed': 'declined' },
      citizenResponse: 'none',
      citizenPresent: true,
      citizenView:
        'Kim siger, at det vigtigste er at få et sted at bo, hvor datteren kan komme på besøg. Arbejde må vente lidt, men Kim vil gerne have noget at stå op til.',
      createdAt: instantDaysBefore(now, 30),
    },
    settings,
  );

  const at = (demo: DemoMeeting, minutes: number): string =>
    new Date(Date.parse(demo.meeting.start) + minutes * 60 * 1000).toISOString();
  const meetingDate = (demo: DemoMeeting): DateOnly => dateInZone(new Date(demo.meeting.start), tz);

  // --- Decisions and actions -------------------------------------------------------------------
  const decision = (
    demo: DemoMeeting,
    minute: number,
    fields: Pick<Decision, 'id' | 'text' | 'goalId' | 'commitments' | 'backedBy' | 'responsibleId' | 'dueDate' | 'citizenPosition'> &
      Partial<Pick<Decision, 'status' | 'escalations'>>,
  ): Decision => ({
    status: 'decided',
    escalations: [],
    supersedes: null,
    pathwayId: demo.meeting.pathwayId,
    meetingId: demo.meeting.id,
    createdAt: at(demo, minute),
    createdBy: demo.meeting.createdBy,
    ...fields,
  });

  const emilDecisions: Decision[] = [
    decision(emilPast, 20, {
      id: 'decision-emil-1',
      text: 'Emil får tre vejledningssamtaler med UU-vejlederen om erhvervsuddannelserne før ansøgningsfristen.',
      goalId: 'goal-emil-2',
      commitments: [{ departmentId: D.education, amountDkk: 0 }],
      backedBy: ['staff-anders'],
      responsibleId: 'staff-anders',
      dueDate: addDays(meetingDate(emilPast), 28),
      citizenPosition: 'agrees',
    }),
    decision(emilPast, 32, {
      id: 'decision-emil-2',
      text: 'Jobcentret hjælper Emil med at finde et fritidsjob i lokalområdet, højst 8 timer om ugen.',
      goalId: 'goal-emil-1',
      commitments: [{ departmentId: D.employment, amountDkk: 0 }],
      backedBy: ['staff-camilla'],
      responsibleId: 'staff-camilla',
      dueDate: day(-3),
      citizenPosition: 'agrees',
    }),
    decision(emilPast, 45, {
      id: 'decision-emil-3',
      text: 'Kontaktpersonordningen øges fra 3 til 5 timer om ugen frem til sommerferien.',
      goalId: 'goal-emil-3',
      commitments: [{ departmentId: D.social, amountDkk: 12000 }],
      backedBy: ['staff-jonas'],
      responsibleId: 'staff-jonas',
      dueDate: day(45),
      citizenPosition: 'agrees',
    }),
  ];
  const emilActions: Action[] = [
    { id: 'action-emil-1', pathwayId: emil.id, decisionId: 'decision-emil-1', title: 'Book tre vejledningssamtaler med Emil', ownerId: 'staff-anders', dueDate: addDays(meetingDate(emilPast), 7), status: 'done' },
    // Overdue on purpose: the leader review and "my actions" must show something late.
    { id: 'action-emil-2', pathwayId: emil.id, decisionId: 'decision-emil-2', title: 'Kontakt tre virksomheder i lokalområdet om fritidsjob til Emil', ownerId: 'staff-camilla', dueDate: day(-3), status: 'open' },
    { id: 'action-emil-3', pathwayId: emil.id, decisionId: 'decision-emil-3', title: 'Aftal de ekstra timer med kontaktpersonen', ownerId: 'staff-jonas', dueDate: day(7), status: 'open' },
  ];

  const leneDecisions: Decision[] = [
    decision(lenePast, 25, {
      id: 'decision-lene-1',
      text: 'Lene starter i et ressourceforløb med virksomhedspraktik 10 timer om ugen i en lokal butik.',
      goalId: 'goal-lene-1',
      commitments: [{ departmentId: D.employment, amountDkk: 0 }],
      backedBy: ['staff-peter'],
      responsibleId: 'staff-peter',
      dueDate: day(21),
      citizenPosition: 'agrees',
    }),
    // Escalation: 24.000 kr. exceeds the visitator's declared mandate of 15.000 kr. (rule 6).
    decision(lenePast, 40, {
      id: 'decision-lene-2',
      text: 'Lene tilbydes et smertehåndteringsforløb med 12 behandlinger på en smerteklinik.',
      goalId: 'goal-lene-2',
      commitments: [{ departmentId: D.health, amountDkk: 24000 }],
      backedBy: ['staff-sofie'],
      responsibleId: 'staff-sofie',
      dueDate: day(14),
      citizenPosition: 'agrees',
      status: 'requires-leader-follow-up',
      escalations: [{ code: 'MANDATE_EXCEEDED', departmentId: D.health }],
    }),
  ];
  const leneActions: Action[] = [
    { id: 'action-lene-1', pathwayId: lene.id, decisionId: 'decision-lene-1', title: 'Find praktikplads og send aftalen til Lene', ownerId: 'staff-peter', dueDate: day(10), status: 'open' },
    { id: 'action-lene-2', pathwayId: lene.id, decisionId: 'decision-lene-2', title: 'Forelæg bevillingen af smerteforløbet for lederen', ownerId: 'staff-sofie', dueDate: day(5), status: 'open' },
  ];

  const kimDecisions: Decision[] = [
    decision(kimPast, 20, {
      id: 'decision-kim-1',
      text: 'Kim får bostøtte 4 timer om ugen fra den dag, Kim flytter i egen bolig.',
      goalId: 'goal-kim-1',
      commitments: [{ departmentId: D.social, amountDkk: 18000 }],
      backedBy: ['staff-mette'],
      responsibleId: 'staff-mette',
      dueDate: day(40),
      citizenPosition: 'agrees',
    }),
    decision(kimPast, 35, {
      id: 'decision-kim-2',
      text: 'Jobafklaring venter, til Kim er flyttet ind. Vi tager det op igen på næste møde.',
      goalId: 'goal-kim-2',
      commitments: [{ departmentId: D.employment, amountDkk: 0 }],
      backedBy: ['staff-camilla'],
      responsibleId: 'staff-camilla',
      dueDate: day(60),
      citizenPosition: 'wants-time',
    }),
  ];
  const kimActions: Action[] = [
    { id: 'action-kim-1', pathwayId: kim.id, decisionId: 'decision-kim-1', title: 'Søg bolig gennem den boligsociale anvisning', ownerId: 'staff-mette', dueDate: day(10), status: 'open' },
  ];

  // --- Plans: version 1 when the pathway started, version 2 after the meeting ------------------
  const approvedAt = (demo: DemoMeeting) => new Date(Date.parse(demo.meeting.end) + 2 * HOUR_MS);
  const plans: CitizenPlan[] = [
    { pathwayId: emil.id, version: 1, goals: emilGoals, interventions: emilInterventions, transitions: emilTransitions, updatedAt: emil.createdAt, updatedBy: emil.coordinatorId },
    {
      pathwayId: emil.id,
      version: 2,
      goals: emilGoals,
      interventions: [
        ...emilInterventions,
        { id: 'intervention-emil-4', departmentId: D.employment, title: 'Hjælp til at finde fritidsjob', status: 'active', startDate: meetingDate(emilPast), endDate: null, goalId: 'goal-emil-1' },
      ],
      transitions: emilTransitions,
      updatedAt: approvedAt(emilPast).toISOString(),
      updatedBy: emil.coordinatorId,
    },
    { pathwayId: lene.id, version: 1, goals: leneGoals, interventions: leneInterventions, transitions: leneTransitions, updatedAt: lene.createdAt, updatedBy: lene.coordinatorId },
    {
      pathwayId: lene.id,
      version: 2,
      goals: leneGoals,
      interventions: [
        ...leneInterventions,
        { id: 'intervention-lene-3', departmentId: D.employment, title: 'Ressourceforløb med virksomhedspraktik', status: 'planned', startDate: day(7), endDate: null, goalId: 'goal-lene-1' },
      ],
      transitions: leneTransitions,
      updatedAt: approvedAt(lenePast).toISOString(),
      updatedBy: lene.coordinatorId,
    },
    { pathwayId: kim.id, version: 1, goals: kimGoals, interventions: kimInterventions, transitions: kimTransitions, updatedAt: kim.createdAt, updatedBy: kim.coordinatorId },
    {
      pathwayId: kim.id,
      version: 2,
      goals: kimGoals,
      interventions: [
        ...kimInterventions,
        { id: 'intervention-kim-3', departmentId: D.social, title: 'Bostøtte efter serviceloven, 4 timer om ugen', status: 'planned', startDate: day(40), endDate: null, goalId: 'goal-kim-1' },
      ],
      transitions: kimTransitions,
      updatedAt: approvedAt(kimPast).toISOString(),
      updatedBy: kim.coordinatorId,
    },
  ];

  // --- Consent (rule 8): given when each pathway started; two valid, Lene's due for review soon --
  const consentGiven = (p: Pathway, created: Date, scope: ConsentScope, reviewDate: DateOnly): ConsentEvent => ({
    kind: 'given',
    pathwayId: p.id,
    version: 1,
    recordedAt: created.toISOString(),
    recordedBy: p.coordinatorId,
    grant: { givenOn: dateInZone(created, tz), form: 'written', scope, reviewDate },
  });
  const consents: ConsentEvent[] = [
    consentGiven(emil, emilCreated, { departmentIds: [D.education, D.social, D.employment], replacedPlans: ['handleplan-serviceloven', 'uddannelsesplan'] }, day(300)),
    consentGiven(lene, leneCreated, { departmentIds: [D.employment, D.health, D.social], replacedPlans: ['jobplan', 'opfoelgningsplan-sygedagpenge', 'genoptraeningsplan'] }, day(20)),
    consentGiven(kim, kimCreated, { departmentIds: [D.social, D.health, D.employment], replacedPlans: ['handleplan-serviceloven', 'jobplan'] }, day(320)),
  ];
  const consentAtMeeting = (c: ConsentEvent) =>
    c.kind === 'withdrawn'
      ? null
      : {
          status: 'valid' as const,
          givenOn: c.grant.givenOn,
          form: c.grant.form,
          departmentIds: [...c.grant.scope.departmentIds],
          replacedPlans: [...c.grant.scope.replacedPlans],
          reviewDate: c.grant.reviewDate,
        };

  const minutes = [
    buildMinutes(emilPast, emil, emilGoals, emilDecisions, emilActions, emilNext.meeting.start, approvedAt(emilPast)),
    buildMinutes(lenePast, lene, leneGoals, leneDecisions, leneActions, null, approvedAt(lenePast)),
    buildMinutes(kimPast, kim, kimGoals, kimDecisions, kimActions, null, approvedAt(kimPast)),
  ].map((m, i) => {
    const c = consents[i];
    return c === undefined ? m : { ...m, content: { ...m.content, consent: consentAtMeeting(c) } };
  });

  // The pathway was last touched when its minutes were approved.
  const pathways: Pathway[] = [
    { ...emil, updatedAt: approvedAt(emilPast).toISOString() },
    { ...lene, updatedAt: approvedAt(lenePast).toISOString() },
    { ...kim, updatedAt: approvedAt(kimPast).toISOString() },
  ];
  const meetings = [emilPast, emilNext, lenePast, kimPast];
  const busyDays = windowWeekdays.includes(isoWeekday(today)) ? [today, ...futureWindowDays] : futureWindowDays;

  return {
    now: now.toISOString(),
    departments: DEMO_DEPARTMENTS,
    staff: DEMO_STAFF,
    settings,
    pathways,
    plans,
    meetings,
    decisions: [...emilDecisions, ...leneDecisions, ...kimDecisions],
    actions: [...emilActions, ...leneActions, ...kimActions],
    minutes,
    busyBlocks: buildBusyBlocks(busyDays, settings, meetings),
    consents,
  };
}
