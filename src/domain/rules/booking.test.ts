import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgendaItem, Citizen, CitizenInvitation, Consent, Goal, MeetingWindow, Pathway, TeamMember } from '../model';
import type { Violation } from '../result';
import { validateBooking, type BookingRequest } from './booking';
import { neutralBody, neutralSubject } from './sensitive-data';

// Synthetic people and numbers only.

const TZ = 'Europe/Copenhagen';
const WINDOWS: MeetingWindow[] = [
  { weekday: 2, start: '09:00', end: '12:00' },
  { weekday: 4, start: '09:00', end: '12:00' },
];

const citizen: Citizen = {
  displayName: 'Mette Hansen',
  initials: 'MH',
  email: 'mette@example.dk',
  phone: '22 33 44 55',
  attendance: 'teams',
  caseRef: 'SAG-2026-0412',
};

function member(personId: string, departmentId: string, role: TeamMember['role'] = 'member'): TeamMember {
  return { personId, displayName: `Person ${personId}`, email: `${personId}@kommune.dk`, departmentId, role, mandate: null };
}

const team = [member('anna', 'dep-social', 'coordinator'), member('bo', 'dep-health'), member('carl', 'dep-employment')];

const pathway: Pathway = {
  id: 'pw1',
  citizen,
  coordinatorId: 'anna',
  team: { members: team },
  status: 'active',
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
};

const goals: Goal[] = [{ id: 'g1', text: 'Jeg vil have et fritidsjob', createdAt: '2026-11-01T09:00:00.000Z' }];
const agenda: AgendaItem[] = [
  { id: 'a1', kind: 'citizen-perspective', title: 'Borgerens perspektiv', refId: null },
  { id: 'a2', kind: 'goal', title: 'Jeg vil have et fritidsjob', refId: 'g1' },
];

/** Rule 8: consent covering every department the tests use, valid on the booking day. */
const consent: Consent = {
  pathwayId: 'pw1',
  givenOn: '2026-11-01',
  form: 'written',
  recordedBy: 'anna',
  scope: { departmentIds: ['dep-social', 'dep-health', 'dep-employment', 'dep-education', 'dep-other'], replacedPlans: ['jobplan'] },
  reviewDate: '2027-11-01',
  withdrawals: [],
  version: 1,
};

function request(overrides: Partial<BookingRequest> = {}): BookingRequest {
  return {
    pathway,
    plan: { goals },
    // Tuesday 1 December 2026, 09:00-10:00 CET.
    start: new Date('2026-12-01T08:00:00Z'),
    end: new Date('2026-12-01T09:00:00Z'),
    requiredEmails: team.map((m) => m.email),
    citizenInvitation: { mode: 'email', email: 'mette@example.dk' },
    subject: neutralSubject(citizen),
    body: neutralBody(),
    location: null,
    agenda,
    windows: WINDOWS,
    timeZone: TZ,
    outsideWindowReason: null,
    consent,
    today: '2026-11-27',
    ...overrides,
  };
}

const codes = (v: ReturnType<typeof validateBooking>) => (v.ok ? [] : v.violations.map((x) => x.code));

describe('validateBooking (rules 1-5)', () => {
  it('[R1-R5] accepts a booking in a window, with the citizen, the whole team required and a neutral invitation', () => {
    expect(validateBooking(request())).toEqual({ ok: true });
  });

  it('[R1] blocks booking without the citizen', () => {
    expect(validateBooking(request({ citizenInvitation: null }))).toEqual({
      ok: false,
      violations: [{ code: 'CITIZEN_NOT_INVITED' }],
    });
  });

  it('[R2] blocks booking when a team member is not required', () => {
    expect(validateBooking(request({ requiredEmails: ['anna@kommune.dk'] }))).toEqual({
      ok: false,
      violations: [{ code: 'MEMBER_NOT_REQUIRED', personIds: ['bo', 'carl'] }],
    });
  });

  it('[R4] blocks a CPR number in the subject', () => {
    expect(validateBooking(request({ subject: 'Teammøde 010190-1234' }))).toEqual({
      ok: false,
      violations: [{ code: 'SENSITIVE_DATA_IN_CALENDAR', field: 'subject', kinds: ['cpr'] }],
    });
  });

  it('[R5] blocks an agenda that does not start with the citizen', () => {
    expect(validateBooking(request({ agenda: [...agenda].reverse() }))).toEqual({
      ok: false,
      violations: [{ code: 'AGENDA_NOT_CITIZEN_FIRST' }],
    });
  });

  it('[R3] accepts a booking outside the windows with a stated reason, and refuses it without', () => {
    const evening = { start: new Date('2026-12-02T16:00:00Z'), end: new Date('2026-12-02T17:00:00Z') };
    expect(validateBooking(request({ ...evening, outsideWindowReason: 'Borgeren arbejder om dagen' }))).toEqual({ ok: true });
    expect(codes(validateBooking(request({ ...evening, outsideWindowReason: '  ' })))).toEqual(['OUTSIDE_MEETING_WINDOW']);
  });

  it('[R1-R5] collects every violation at once, in a stable order', () => {
    const result = validateBooking(
      request({
        pathway: { ...pathway, status: 'closed' },
        citizenInvitation: null,
        requiredEmails: [],
        start: new Date('2026-12-02T16:00:00Z'),
        end: new Date('2026-12-02T17:00:00Z'),
        agenda: [],
        subject: 'Mette Hansen 0101901234',
        body: 'Misbrug',
        location: 'Ring 22334455',
      }),
    );
    const expected: Violation[] = [
      { code: 'PATHWAY_CLOSED' },
      { code: 'CITIZEN_NOT_INVITED' },
      { code: 'MEMBER_NOT_REQUIRED', personIds: ['anna', 'bo', 'carl'] },
      { code: 'OUTSIDE_MEETING_WINDOW' },
      { code: 'AGENDA_NOT_CITIZEN_FIRST' },
      { code: 'SENSITIVE_DATA_IN_CALENDAR', field: 'subject', kinds: ['citizen-name', 'cpr'] },
      { code: 'SENSITIVE_DATA_IN_CALENDAR', field: 'body', kinds: ['health'] },
      { code: 'SENSITIVE_DATA_IN_CALENDAR', field: 'location', kinds: ['contact'] },
    ];
    expect(result).toEqual({ ok: false, violations: expected });
  });

  it('reports an end before the start as INVALID_TIME and does not also call it outside the window', () => {
    expect(
      validateBooking(request({ start: new Date('2026-12-01T09:00:00Z'), end: new Date('2026-12-01T08:00:00Z') })),
    ).toEqual({ ok: false, violations: [{ code: 'INVALID_TIME' }] });
  });

  it('reports an empty team as TEAM_EMPTY', () => {
    expect(codes(validateBooking(request({ pathway: { ...pathway, team: { members: [] } }, requiredEmails: [] })))).toEqual([
      'TEAM_EMPTY',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const FIRST_NAMES = ['Søren', 'Mette', 'Jens', 'Anne', 'Mads', 'Line', 'Frederik', 'Ida', 'Rasmus', 'Freja', 'Mikkel', 'Emma', 'Lars', 'Kirsten', 'Niels', 'Hanne', 'Jørgen', 'Birgitte', 'Ole', 'Åse'];
const LAST_NAMES = ['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Poulsen', 'Møller', 'Østergaard', 'Ågaard'];
const DEPARTMENTS = ['dep-social', 'dep-health', 'dep-employment', 'dep-education', 'dep-other'];
const ascii = (s: string) => s.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');

const citizenArb: fc.Arbitrary<Citizen> = fc
  .record({
    first: fc.constantFrom(...FIRST_NAMES),
    last: fc.constantFrom(...LAST_NAMES),
    phone: fc.option(fc.integer({ min: 20_000_000, max: 99_999_999 }).map((n) => `+45 ${n}`), { nil: null }),
    hasEmail: fc.boolean(),
    attendance: fc.constantFrom('teams' as const, 'in-person' as const, 'phone' as const),
    caseNo: fc.integer({ min: 1, max: 9999 }),
  })
  .map(({ first, last, phone, hasEmail, attendance, caseNo }) => ({
    displayName: `${first} ${last}`,
    initials: `${first.charAt(0)}${last.charAt(0)}`,
    email: hasEmail ? `${ascii(first)}.${ascii(last)}@example.dk` : null,
    phone,
    attendance,
    caseRef: `SAG-2026-${String(caseNo).padStart(4, '0')}`,
  }));

const teamArb: fc.Arbitrary<TeamMember[]> = fc
  .uniqueArray(fc.record({ first: fc.constantFrom(...FIRST_NAMES), last: fc.constantFrom(...LAST_NAMES), dep: fc.constantFrom(...DEPARTMENTS) }), {
    minLength: 1,
    maxLength: 8,
    selector: (m) => `${m.first} ${m.last}`,
  })
  .map((people) =>
    people.map((p, i) => ({
      personId: `person-${i}`,
      displayName: `${p.first} ${p.last}`,
      email: `${ascii(p.first)}.${ascii(p.last)}@kommune.dk`,
      departmentId: p.dep,
      role: i === 0 ? ('coordinator' as const) : ('member' as const),
      mandate: null,
    })),
  );

const pathwayArb: fc.Arbitrary<Pathway> = fc.record({ citizen: citizenArb, members: teamArb }).map(({ citizen: c, members }) => ({
  ...pathway,
  citizen: c,
  coordinatorId: members[0]?.personId ?? 'person-0',
  team: { members },
}));

const invitationArb: fc.Arbitrary<CitizenInvitation | null> = fc.oneof(
  fc.constant(null),
  fc.constantFrom('borger@example.dk', 'Mette.Hansen@Example.DK', '', '   ').map((email) => ({ mode: 'email' as const, email })),
  fc.constant({ mode: 'in-person' as const }),
  fc.option(fc.constant('+45 22334455'), { nil: null }).map((phone) => ({ mode: 'phone' as const, phone })),
);

/**
 * Copenhagen's UTC offset in 2026, written out independently of the code under test: summer
 * time from Sunday 29 March to Sunday 25 October. The switch days themselves are excluded.
 */
const offsetMinutes2026 = (date: string) => (date >= '2026-03-29' && date < '2026-10-25' ? 120 : 60);
const SWITCH_DAYS = new Set(['2026-03-29', '2026-10-25']);
const DAY_MS = 86_400_000;
const JAN_1 = Date.UTC(2026, 0, 1);
const isoDay = (dayOfYear: number) => new Date(JAN_1 + dayOfYear * DAY_MS).toISOString().slice(0, 10);
/** ISO weekday of a date in 2026 (1 January 2026 is a Thursday). */
const weekdayOf = (dayOfYear: number) => ((dayOfYear + 3) % 7) + 1;
const localInstant = (date: string, minutes: number) => new Date(Date.parse(`${date}T00:00:00Z`) + (minutes - offsetMinutes2026(date)) * 60_000);

/** A meeting inside a Tuesday or Thursday 9-12 window of 2026, summer and winter time. */
const insideWindow = fc
  .record({
    week: fc.integer({ min: 0, max: 51 }),
    thursday: fc.boolean(),
    startMinute: fc.integer({ min: 9 * 60, max: 12 * 60 - 15 }),
  })
  .chain(({ week, thursday, startMinute }) =>
    fc.integer({ min: 15, max: 12 * 60 - startMinute }).map((duration) => {
      // 6 January 2026 (day 5) is the first Tuesday.
      const date = isoDay(5 + week * 7 + (thursday ? 2 : 0));
      const start = localInstant(date, startMinute);
      return { start, end: new Date(start.getTime() + duration * 60_000) };
    }),
  );

/** A meeting that is not inside any window: another weekday, or Tuesday/Thursday before 9 or after 12. */
const outsideWindow = fc
  .record({ day: fc.integer({ min: 0, max: 364 }), startMinute: fc.integer({ min: 0, max: 24 * 60 - 15 }), duration: fc.integer({ min: 15, max: 240 }) })
  .filter(({ day, startMinute, duration }) => {
    if (SWITCH_DAYS.has(isoDay(day))) return false;
    if (startMinute + duration > 24 * 60) return false;
    const windowDay = weekdayOf(day) === 2 || weekdayOf(day) === 4;
    return !windowDay || startMinute < 9 * 60 || startMinute + duration > 12 * 60;
  })
  .map(({ day, startMinute, duration }) => {
    const start = localInstant(isoDay(day), startMinute);
    return { start, end: new Date(start.getTime() + duration * 60_000) };
  });

const blankReason = fc.constantFrom(null, '', ' ', '   ', '\t', '\n ');
const statedReason = fc
  .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzæøå '), minLength: 3, maxLength: 80 })
  .filter((r) => r.trim().length >= 3);

function bookingFor(p: Pathway, overrides: Partial<BookingRequest> = {}): BookingRequest {
  return request({
    pathway: p,
    requiredEmails: p.team.members.map((m) => m.email),
    citizenInvitation: { mode: 'in-person' },
    subject: neutralSubject(p.citizen),
    ...overrides,
  });
}

// Synthetic CPR numbers for the subject: a valid date in 1937-1999 with seventh digit 0-3.
const cprInSubject = fc
  .record({ y: fc.integer({ min: 1937, max: 1999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), s: fc.integer({ min: 0, max: 3999 }) })
  .map(({ y, m, d, s }) => `${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y % 100).padStart(2, '0')}-${String(s).padStart(4, '0')}`);

describe('validateBooking properties (rules 1, 3, 4)', () => {
  it('[R1] fails with CITIZEN_NOT_INVITED iff there is no invitation or its e-mail is blank (property)', () => {
    fc.assert(
      fc.property(pathwayArb, invitationArb, (p, invitation) => {
        const result = validateBooking(bookingFor(p, { citizenInvitation: invitation }));
        const missing = invitation === null || (invitation.mode === 'email' && invitation.email.trim() === '');
        expect(codes(result).includes('CITIZEN_NOT_INVITED')).toBe(missing);
        // Nothing else objects to this booking.
        expect(codes(result).filter((c) => c !== 'CITIZEN_NOT_INVITED')).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('[R3] any meeting inside a Tuesday/Thursday 9-12 window is never OUTSIDE_MEETING_WINDOW, summer or winter (property)', () => {
    fc.assert(
      fc.property(pathwayArb, insideWindow, blankReason, (p, { start, end }, reason) => {
        expect(validateBooking(bookingFor(p, { start, end, outsideWindowReason: reason }))).toEqual({ ok: true });
      }),
      { numRuns: 500 },
    );
  });

  it('[R3] a meeting outside every window is OUTSIDE_MEETING_WINDOW iff no reason is stated (property)', () => {
    fc.assert(
      fc.property(pathwayArb, outsideWindow, fc.oneof(blankReason, statedReason), (p, { start, end }, reason) => {
        const blank = reason === null || reason.trim() === '';
        expect(codes(validateBooking(bookingFor(p, { start, end, outsideWindowReason: reason })))).toEqual(
          blank ? ['OUTSIDE_MEETING_WINDOW'] : [],
        );
      }),
      { numRuns: 500 },
    );
  });

  it('[R4] a subject with a CPR number is always refused in the subject field (property)', () => {
    fc.assert(
      fc.property(pathwayArb, cprInSubject, fc.constantFrom('', 'Møde ', 'Teammøde om '), (p, cpr, prefix) => {
        const result = validateBooking(bookingFor(p, { subject: `${prefix}${cpr}` }));
        expect(result).toEqual({
          ok: false,
          violations: [{ code: 'SENSITIVE_DATA_IN_CALENDAR', field: 'subject', kinds: ['cpr'] }],
        });
      }),
      { numRuns: 300 },
    );
  });

  it('[R4] the neutral subject and body never trigger rule 4 for any citizen (property)', () => {
    fc.assert(
      fc.property(pathwayArb, invitationArb.filter((i) => i !== null && !(i.mode === 'email' && i.email.trim() === '')), (p, invitation) => {
        expect(validateBooking(bookingFor(p, { citizenInvitation: invitation, subject: neutralSubject(p.citizen), body: neutralBody() }))).toEqual({
          ok: true,
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe('validateBooking (rule 8, consent)', () => {
  it('[R8] refuses a booking without consent', () => {
    expect(validateBooking(request({ consent: null }))).toEqual({ ok: false, violations: [{ code: 'CONSENT_MISSING' }] });
  });

  it('[R8] refuses a booking once the review date has passed', () => {
    expect(validateBooking(request({ today: '2027-11-02' }))).toEqual({ ok: false, violations: [{ code: 'CONSENT_EXPIRED' }] });
  });

  it('[R8] refuses a booking when the whole consent is withdrawn', () => {
    const withdrawn: Consent = {
      ...consent,
      withdrawals: [{ departmentId: null, withdrawnOn: '2026-11-20', recordedBy: 'anna' }],
      version: 2,
    };
    expect(validateBooking(request({ consent: withdrawn }))).toEqual({ ok: false, violations: [{ code: 'CONSENT_WITHDRAWN' }] });
  });

  it('[R8] refuses a booking that would invite a member of a department withdrawn from the consent', () => {
    const withoutHealth: Consent = {
      ...consent,
      withdrawals: [{ departmentId: 'dep-health', withdrawnOn: '2026-11-20', recordedBy: 'anna' }],
      version: 2,
    };
    expect(validateBooking(request({ consent: withoutHealth }))).toEqual({
      ok: false,
      violations: [{ code: 'DEPARTMENT_OUTSIDE_CONSENT', departmentIds: ['dep-health'], personIds: ['bo'] }],
    });
  });
});
