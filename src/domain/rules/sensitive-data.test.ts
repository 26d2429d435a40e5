import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCalendarField,
  checkCalendarText,
  containsCpr,
  cprCentury,
  findCprNumbers,
  findSensitive,
  neutralBody,
  neutralSubject,
} from './sensitive-data';

// Every CPR number below is synthetic, made up for the test; none belongs to a real person.

// ---------------------------------------------------------------------------------------------
// Generators (an independent oracle: the CPR rules are written out here, not taken from the code)
// ---------------------------------------------------------------------------------------------

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Which seventh digits give `year` (CPR-kontoret's table of century digits). */
function seventhDigitsFor(year: number): number[] {
  if (year >= 1858 && year <= 1899) return [5, 6, 7, 8];
  if (year >= 1900 && year <= 1936) return [0, 1, 2, 3];
  if (year >= 1937 && year <= 1999) return [0, 1, 2, 3, 4, 9];
  if (year >= 2000 && year <= 2036) return [4, 5, 6, 7, 8, 9];
  if (year >= 2037 && year <= 2057) return [5, 6, 7, 8];
  return [];
}

interface CprParts {
  year: number;
  month: number;
  day: number;
  seventh: number;
  rest: number;
}

const restArb = fc.integer({ min: 0, max: 999 });

const anyValidCpr: fc.Arbitrary<CprParts> = fc
  .record({ year: fc.integer({ min: 1858, max: 2057 }), month: fc.integer({ min: 1, max: 12 }) })
  .chain(({ year, month }) =>
    fc.record({
      year: fc.constant(year),
      month: fc.constant(month),
      day: fc.integer({ min: 1, max: daysIn(year, month) }),
      seventh: fc.constantFrom(...seventhDigitsFor(year)),
      rest: restArb,
    }),
  );

const LEAP_YEARS = Array.from({ length: 2057 - 1858 + 1 }, (_, i) => 1858 + i).filter(isLeap);
const leapDayCpr: fc.Arbitrary<CprParts> = fc
  .constantFrom(...LEAP_YEARS)
  .chain((year) =>
    fc.record({
      year: fc.constant(year),
      month: fc.constant(2),
      day: fc.constant(29),
      seventh: fc.constantFrom(...seventhDigitsFor(year)),
      rest: restArb,
    }),
  );

const validCpr = fc.oneof({ arbitrary: anyValidCpr, weight: 4 }, { arbitrary: leapDayCpr, weight: 1 });

function formatCpr(p: CprParts, separator: string): string {
  return `${pad(p.day)}${pad(p.month)}${pad(p.year % 100)}${separator}${p.seventh}${pad(p.rest, 3)}`;
}

const DANISH_LETTERS = 'abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ';
const textChar = fc.constantFrom(...DANISH_LETTERS, ' ', ' ', ' ', '.', ',', ':', ';', '!', '?', '(', ')', '-', '/', '"');
/** Danish-looking text without digits. */
const danishText = fc.string({ unit: textChar, maxLength: 40 });

// ---------------------------------------------------------------------------------------------
// CPR numbers
// ---------------------------------------------------------------------------------------------

describe('cprCentury (rule 4)', () => {
  it('[R4] reads the century from the seventh digit', () => {
    expect(
      [
        [0, 0], [99, 3], [36, 4], [37, 4], [0, 9], [36, 9], [37, 9], [57, 5], [58, 5], [0, 8], [99, 8],
      ].map(([yy, s]) => cprCentury(yy ?? 0, s ?? 0)),
    ).toEqual([1900, 1999, 2036, 1937, 2000, 2036, 1937, 2057, 1858, 2000, 1899]);
  });

  it('[R4] agrees with the century table for every valid date (property)', () => {
    fc.assert(
      fc.property(anyValidCpr, (p) => {
        expect(cprCentury(p.year % 100, p.seventh)).toBe(p.year);
      }),
    );
  });
});

describe('findCprNumbers (rule 4)', () => {
  it('[R4] finds a CPR number written DDMMYY-SSSS, with its position', () => {
    expect(findCprNumbers('Borgerens cpr 010190-1234 er noteret')).toEqual([{ kind: 'cpr', start: 14, end: 25 }]);
  });

  it('[R4] finds a CPR number written as ten digits', () => {
    expect(findCprNumbers('0101901234')).toEqual([{ kind: 'cpr', start: 0, end: 10 }]);
  });

  it('[R4] finds a CPR number written with a space, a Unicode hyphen, an en dash or a minus sign', () => {
    for (const sep of [' ', '\u2010', '\u2011', '\u2013', '\u2014', '\u2212']) {
      expect(containsCpr(`cpr: 311299${sep}1234`)).toBe(true);
    }
  });

  it('[R4] finds CPR numbers that fail the modulus-11 check (issued since 2007)', () => {
    // 0101901234: weights 4,3,2,7,6,5,4,3,2,1 give 89, not divisible by 11.
    expect(containsCpr('0101901234')).toBe(true);
  });

  it('[R4] finds several CPR numbers in one text', () => {
    expect(findCprNumbers('A: 010190-1234, B: 1512054321.')).toEqual([
      { kind: 'cpr', start: 3, end: 14 },
      { kind: 'cpr', start: 19, end: 29 },
    ]);
  });

  it('[R4] uses the seventh digit for 29 February: 1900 was no leap year, 2000 was', () => {
    expect(containsCpr('290200-1234')).toBe(false); // 29 Feb 1900
    expect(containsCpr('290200-4234')).toBe(true); // 29 Feb 2000
    expect(containsCpr('290296-1234')).toBe(true); // 29 Feb 1996
    expect(containsCpr('290297-1234')).toBe(false); // 1997 is no leap year
    expect(containsCpr('290256-5234')).toBe(true); // 29 Feb 2056
    expect(containsCpr('290260-5234')).toBe(true); // 29 Feb 1860
  });

  it('[R4] ignores ten digits that are part of a longer number', () => {
    expect(containsCpr('01019012345')).toBe(false);
    expect(containsCpr('90101901234')).toBe(false);
    expect(containsCpr('010190-12345')).toBe(false);
  });

  it('[R4] finds every valid CPR number in any surrounding Danish text, both formats (property)', () => {
    fc.assert(
      fc.property(danishText, validCpr, fc.constantFrom('-', ''), danishText, (before, p, sep, after) => {
        const cpr = formatCpr(p, sep);
        const text = `${before}${cpr}${after}`;
        expect(findCprNumbers(text)).toEqual([{ kind: 'cpr', start: before.length, end: before.length + cpr.length }]);
        expect(checkCalendarField('subject', text)).toMatchObject({
          ok: false,
          code: 'SENSITIVE_DATA_IN_CALENDAR',
          field: 'subject',
          kinds: expect.arrayContaining(['cpr']),
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('[R4] always finds a CPR number on 29 February of a leap year (property)', () => {
    fc.assert(
      fc.property(leapDayCpr, fc.constantFrom('-', ''), (p, sep) => {
        expect(containsCpr(`cpr ${formatCpr(p, sep)}`)).toBe(true);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// No false alarms
// ---------------------------------------------------------------------------------------------

const phoneDigits = fc
  .tuple(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 0, max: 9_999_999 }))
  .map(([first, restDigits]) => `${first}${pad(restDigits, 7)}`);
const pairs = (d: string) => d.match(/\d{2}/g)?.join(' ') ?? d;
const danishPhone = fc
  .tuple(phoneDigits, fc.constantFrom('plain', 'pairs', '+45', '+45 pairs', '0045', '+45 tight'))
  .map(([d, format]) => {
    switch (format) {
      case 'plain':
        return d; // 12345678
      case 'pairs':
        return pairs(d); // 12 34 56 78
      case '+45':
        return `+45 ${d}`; // +45 12345678
      case '+45 pairs':
        return `+45 ${pairs(d)}`; // +45 12 34 56 78
      case '0045':
        return `0045 ${d}`; // 0045 12345678
      default:
        // +4512345678: ten digits in a row, but "45" is never a day of the month.
        return `+45${d}`;
    }
  });

const MONTH_NAMES = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const calendarDate = fc
  .record({ year: fc.integer({ min: 1900, max: 2099 }), month: fc.integer({ min: 1, max: 12 }) })
  .chain(({ year, month }) => fc.record({ year: fc.constant(year), month: fc.constant(month), day: fc.integer({ min: 1, max: daysIn(year, month) }) }));
const writtenDate = fc
  .tuple(calendarDate, fc.constantFrom('dd-mm-yyyy', 'yyyy-mm-dd', 'd.m.yyyy', 'dd/mm/yy', 'd. month yyyy', 'dd.mm.yy'))
  .map(([{ year, month, day }, format]) => {
    switch (format) {
      case 'dd-mm-yyyy':
        return `${pad(day)}-${pad(month)}-${year}`; // 01-12-2026
      case 'yyyy-mm-dd':
        return `${year}-${pad(month)}-${pad(day)}`; // 2026-12-01
      case 'd.m.yyyy':
        return `${day}.${month}.${year}`; // 1.12.2026
      case 'dd/mm/yy':
        return `${pad(day)}/${pad(month)}/${pad(year % 100)}`; // 01/12/26
      case 'd. month yyyy':
        return `${day}. ${MONTH_NAMES[month - 1] ?? 'januar'} ${year}`; // 1. december 2026
      default:
        return `${pad(day)}.${pad(month)}.${pad(year % 100)}`; // 01.12.26
    }
  });
const timeOfDay = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom('.', ':'))
  .map(([h, m, sep]) => `kl. ${pad(h)}${sep}${pad(m)}`); // kl. 10.30
const caseRef = fc
  .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 0, max: 9999 }))
  .map(([y, n]) => `SAG-${y}-${pad(n, 4)}`); // SAG-2026-0412

const joiner = fc.constantFrom(' ', ' og ', ', ', ' - ', ' den ', '. Ring på ', ' (sagsnr. ', '\n');

describe('no false alarms (rule 4)', () => {
  it('[R4] the examples from the brief are not CPR numbers', () => {
    for (const text of [
      '12345678', '12 34 56 78', '+45 12345678', '+45 12 34 56 78', '0045 12345678', '004512345678',
      '01-12-2026', '2026-12-01', '1.12.2026', '01/12/26', '1. december 2026', 'kl. 10.30', 'SAG-2026-0412',
    ]) {
      expect(findCprNumbers(text)).toEqual([]);
    }
  });

  it('[R4] never flags phone numbers, dates, times and case references, alone or together (property)', () => {
    const piece = fc.oneof(danishPhone, writtenDate, timeOfDay, caseRef);
    fc.assert(
      fc.property(danishText, fc.array(fc.tuple(piece, joiner), { minLength: 1, maxLength: 6 }), (before, pieces) => {
        const text = before + pieces.map(([p, j]) => p + j).join('');
        expect(findCprNumbers(text)).toEqual([]);
        expect(findSensitive(text).filter((f) => f.kind === 'cpr')).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  const serial = fc.tuple(fc.integer({ min: 0, max: 9 }), restArb).map(([s, r]) => `${s}${pad(r, 3)}`);
  const yy = fc.integer({ min: 0, max: 99 }).map((y) => pad(y));
  const badDay = fc.tuple(fc.oneof(fc.constant(0), fc.integer({ min: 32, max: 99 })), fc.integer({ min: 1, max: 12 }), yy)
    .map(([d, m, y]) => `${pad(d)}${pad(m)}${y}`);
  const badMonth = fc.tuple(fc.integer({ min: 1, max: 28 }), fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 })), yy)
    .map(([d, m, y]) => `${pad(d)}${pad(m)}${y}`);
  const noSuchDay = fc.tuple(fc.constantFrom('3002', '3102', '3104', '3106', '3109', '3111'), yy).map(([dm, y]) => `${dm}${y}`);

  it('[R4] never flags ten digits that are not a date: day 32, month 13, 30 February, 31 April (property)', () => {
    fc.assert(
      fc.property(fc.oneof(badDay, badMonth, noSuchDay), serial, fc.constantFrom('-', ''), (ddmmyy, ssss, sep) => {
        expect(findCprNumbers(`cpr ${ddmmyy}${sep}${ssss}.`)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('[R4] never flags 29 February of a year that is no leap year under the century digit (property)', () => {
    const nonLeap = fc
      .integer({ min: 1858, max: 2057 })
      .filter((y) => !isLeap(y))
      .chain((year) => fc.tuple(fc.constant(year), fc.constantFrom(...seventhDigitsFor(year)), restArb));
    fc.assert(
      fc.property(nonLeap, ([year, seventh, r]) => {
        expect(containsCpr(`2902${pad(year % 100)}-${seventh}${pad(r, 3)}`)).toBe(false);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Health and social details, the citizen's name and contact details
// ---------------------------------------------------------------------------------------------

describe('findSensitive (rule 4)', () => {
  it('[R4] flags health details, including inflected forms', () => {
    for (const text of ['Opfølgning på misbrugsbehandling', 'Borgeren har ADHD', 'Ny diagnose', 'Psykiatrisk udredning', 'angstanfald', 'mental   health']) {
      expect(findSensitive(text).map((f) => f.kind)).toEqual(['health']);
    }
  });

  it('[R4] flags social details', () => {
    for (const text of ['Anbringelse af barnet', 'Vold i hjemmet', 'Kontanthjælp stoppes', 'Gæld til kommunen', 'foster care']) {
      expect(findSensitive(text).map((f) => f.kind)).toEqual(['social']);
    }
  });

  it('[R4] whole-word terms do not match inside other words', () => {
    expect(findSensitive('Vi bruger et hashtag')).toEqual([]);
    expect(findSensitive('Hash er nævnt')).toEqual([{ kind: 'health', start: 0, end: 4 }]);
  });

  it('[R4] flags the citizen\'s full name in any case and spacing, not the first name alone', () => {
    const context = { citizen: { displayName: 'Søren Nielsen', email: null, phone: null } };
    expect(findSensitive('Møde med SØREN  nielsen', context)).toEqual([{ kind: 'citizen-name', start: 9, end: 23 }]);
    expect(findSensitive('Møde med Søren', context)).toEqual([]);
  });

  it('[R4] flags the citizen\'s e-mail address and phone number in any format', () => {
    const context = { citizen: { displayName: 'Søren Nielsen', email: 'soeren@example.dk', phone: '+45 20304050' } };
    expect(findSensitive('Svar til Soeren@Example.dk', context)).toEqual([{ kind: 'contact', start: 9, end: 26 }]);
    expect(findSensitive('Ring 20 30 40 50', context)).toEqual([{ kind: 'contact', start: 5, end: 16 }]);
    expect(findSensitive('Ring 20304050', context)).toEqual([{ kind: 'contact', start: 5, end: 13 }]);
    expect(findSensitive('Ring +45 2030-4050', context)).toEqual([{ kind: 'contact', start: 5, end: 18 }]);
  });

  it('[R4] the citizen\'s initials are allowed even when they spell a listed word, the word itself is not', () => {
    const context = { citizen: { displayName: 'Hans Ib Vang', initials: 'HIV', email: null, phone: null } };
    expect(findSensitive('Tværfagligt teammøde (HIV)', context)).toEqual([]);
    expect(findSensitive('Tværfagligt teammøde (HIV) om hiv', context)).toEqual([{ kind: 'health', start: 30, end: 33 }]);
    expect(findSensitive('Tværfagligt teammøde (HIV)')).toEqual([{ kind: 'health', start: 22, end: 25 }]);
  });

  it('[R4] digits that only together spell the phone number are not a contact (a date and a time)', () => {
    const context = { citizen: { displayName: 'Søren Nielsen', email: null, phone: '20261030' } };
    expect(findSensitive('Mødet 2026 kl. 10.30', context)).toEqual([]);
  });

  it('[R4] returns every finding sorted by position', () => {
    const context = { citizen: { displayName: 'Søren Nielsen', email: null, phone: null } };
    expect(findSensitive('Søren Nielsen 010190-1234 misbrug', context)).toEqual([
      { kind: 'citizen-name', start: 0, end: 13 },
      { kind: 'cpr', start: 14, end: 25 },
      { kind: 'health', start: 26, end: 33 },
    ]);
  });
});

describe('checkCalendarText (rule 4)', () => {
  const citizen = { displayName: 'Mette Hansen', email: 'mette@example.dk', phone: '22 33 44 55' };

  it('[R4] accepts the neutral subject and body', () => {
    expect(
      checkCalendarText({ subject: neutralSubject({ initials: 'MH' }), body: neutralBody(), location: null }, { citizen }),
    ).toEqual({ ok: true });
  });

  it('[R4] reports each field with the kinds found in it, subject then body then location', () => {
    expect(
      checkCalendarText(
        { subject: 'Mette Hansen 010190-1234', body: 'Hun har depression og gæld', location: 'Ring 22334455' },
        { citizen },
      ),
    ).toEqual({
      ok: false,
      violations: [
        { code: 'SENSITIVE_DATA_IN_CALENDAR', field: 'subject', kinds: ['citizen-name', 'cpr'] },
        { code: 'SENSITIVE_DATA_IN_CALENDAR', field: 'body', kinds: ['health', 'social'] },
        { code: 'SENSITIVE_DATA_IN_CALENDAR', field: 'location', kinds: ['contact'] },
      ],
    });
  });

  it('[R4] lists each kind once per field', () => {
    expect(checkCalendarField('body', '010190-1234 og 020290-1234')).toEqual({
      ok: false,
      code: 'SENSITIVE_DATA_IN_CALENDAR',
      field: 'body',
      kinds: ['cpr'],
    });
  });

  it('[R4] the neutral subject carries the initials only, the body nothing about the case', () => {
    expect(neutralSubject({ initials: 'MH' })).toBe('Tværfagligt teammøde (MH)');
    expect(neutralBody()).toBe('Tværfagligt teammøde med borgeren. Dagsorden, borgerens plan og referat findes i Helhed.');
  });
});
