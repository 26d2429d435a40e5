import type { Citizen } from '../model';
import { OK, collect, fail, type CalendarField, type RuleResult, type SensitiveKind, type Validation } from '../result';

/**
 * Rule 4, "nothing sensitive in the calendar": a detector for CPR numbers and other text that
 * must not reach a calendar subject, body or location (calendars are replicated to phones,
 * shown in shared mailboxes and on meeting-room panels).
 *
 * CPR numbers (CPR-loven § 3): DDMMYY-SSSS. Since 2007 not every CPR number satisfies the
 * modulus-11 check (https://cpr.dk/cpr-systemet/personnumre-uden-kontrolciffer-modulus-11-kontrol),
 * so any ten digits whose first six form a real date are treated as a CPR number; the seventh
 * digit decides the century, which matters for 29 February.
 */

export interface SensitiveFinding {
  kind: SensitiveKind;
  /** Offsets into the text, for highlighting. */
  start: number;
  end: number;
}

export interface SensitiveContext {
  citizen?: Pick<Citizen, 'displayName' | 'email' | 'phone'> & { initials?: string };
}

// Six digits, an optional single separator (hyphen, the Unicode hyphens and dashes, a space),
// four digits; not part of a longer run of digits. Phone numbers (8 digits, or +45 and 8) and
// dates written with separators (01-12-2026, 2026-12-01, 01.12.26) never have this shape.
const CPR_PATTERN = /(?<![\d])(\d{2})(\d{2})(\d{2})[-\u2010\u2011\u2012\u2013\u2014\u2212 ]?(\d)\d{3}(?![\d])/gu;

/** The full year of a CPR number from its two-digit year and its seventh digit. */
export function cprCentury(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

export function findCprNumbers(text: string): SensitiveFinding[] {
  const found: SensitiveFinding[] = [];
  for (const m of text.matchAll(CPR_PATTERN)) {
    const [whole, dd, mm, yy, seventh] = m;
    const year = cprCentury(Number(yy), Number(seventh));
    if (isRealDate(year, Number(mm), Number(dd))) {
      found.push({ kind: 'cpr', start: m.index, end: m.index + whole.length });
    }
  }
  return found;
}

/**
 * Words that reveal health or social circumstances. `*` marks a stem that takes any ending
 * (Danish inflects: misbrug, misbruget, misbrugsbehandling); others match the whole word only.
 */
const SENSITIVE_WORDS: Record<'health' | 'social', readonly string[]> = {
  health: [
    'diagnose*', 'psykiatri*', 'psykisk*', 'psykose*', 'depression*', 'depressiv*', 'angst*',
    'skizofren*', 'bipolar*', 'adhd', 'autisme*', 'autist*', 'demens*', 'misbrug*', 'alkohol*',
    'narkoman*', 'hash', 'kokain', 'heroin', 'abstinens*', 'medicin*', 'indlæggelse*', 'indlagt',
    'selvmord*', 'selvskade*', 'spiseforstyrrelse*', 'sygdom*', 'kræft', 'cancer', 'hiv',
    'handicap*', 'hjerneskade*', 'graviditet*', 'gravid', 'abort*', 'diagnosis', 'psychiatric*',
    'addiction*', 'suicide*', 'mental health',
  ],
  social: [
    'anbringelse*', 'anbragt*', 'underretning*', 'tvangsfjern*', 'kriminalitet*', 'kriminel*',
    'fængsel*', 'fængslet', 'afsoning*', 'vold*', 'hjemløs*', 'gæld*', 'udsættelse*',
    'kontanthjælp*', 'sygedagpenge*', 'førtidspension*', 'ledighedsydelse*', 'børnesag*',
    'forældremyndighed*', 'foster care', 'homeless*', 'prison*',
  ],
};

const WORD_PATTERNS: { kind: 'health' | 'social'; pattern: RegExp }[] = (
  Object.entries(SENSITIVE_WORDS) as ['health' | 'social', readonly string[]][]
).flatMap(([kind, words]) =>
  words.map((w) => {
    const stem = w.endsWith('*');
    const body = escapeRegExp(stem ? w.slice(0, -1) : w).replace(/ /g, '\\s+');
    return { kind, pattern: new RegExp(`(?<!\\p{L})${body}${stem ? '\\p{L}*' : '(?!\\p{L})'}`, 'giu') };
  }),
);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function findWords(text: string): SensitiveFinding[] {
  const found: SensitiveFinding[] = [];
  for (const { kind, pattern } of WORD_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      found.push({ kind, start: m.index, end: m.index + m[0].length });
    }
  }
  return found;
}

function findCitizen(text: string, context: SensitiveContext): SensitiveFinding[] {
  const citizen = context.citizen;
  if (!citizen) return [];
  const found: SensitiveFinding[] = [];
  const name = citizen.displayName.trim();
  // Only the full name: a first name alone ("Mark", "Bo") is too often an ordinary word.
  if (name.includes(' ')) {
    const pattern = new RegExp(`(?<!\\p{L})${escapeRegExp(name).replace(/\s+/g, '\\s+')}(?!\\p{L})`, 'giu');
    for (const m of text.matchAll(pattern)) found.push({ kind: 'citizen-name', start: m.index, end: m.index + m[0].length });
  }
  const lower = text.toLocaleLowerCase('da');
  if (citizen.email) {
    const at = lower.indexOf(citizen.email.toLocaleLowerCase('da'));
    if (at >= 0) found.push({ kind: 'contact', start: at, end: at + citizen.email.length });
  }
  const phoneDigits = (citizen.phone ?? '').replace(/\D/g, '').slice(-8);
  if (phoneDigits.length === 8) {
    // A phone number is written as one run of digits with spaces, dashes or dots between
    // groups ("20 30 40 50", "+45 2030-4050"); digits separated by words are not a number.
    for (const m of text.matchAll(/\+?\d(?:[\d \-.]*\d)?/gu)) {
      if (m[0].replace(/\D/g, '').endsWith(phoneDigits)) {
        found.push({ kind: 'contact', start: m.index, end: m.index + m[0].length });
      }
    }
  }
  return found;
}

/** Every sensitive passage in `text`, sorted by position. */
export function findSensitive(text: string, context: SensitiveContext = {}): SensitiveFinding[] {
  // Rule 4 allows the citizen's initials in the calendar; initials that happen to spell a
  // listed word ("HIV") are an identifier there, not a health detail.
  const initials = context.citizen?.initials?.trim() ?? '';
  const allowed = initials.length > 0 ? [...text.matchAll(new RegExp(`(?<!\\p{L})${escapeRegExp(initials)}(?!\\p{L})`, 'gu'))] : [];
  const isInitials = (f: SensitiveFinding) =>
    (f.kind === 'health' || f.kind === 'social') && allowed.some((m) => m.index === f.start && m.index + m[0].length === f.end);
  return [...findCprNumbers(text), ...findWords(text).filter((f) => !isInitials(f)), ...findCitizen(text, context)].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
}

export function containsCpr(text: string): boolean {
  return findCprNumbers(text).length > 0;
}

/** R4 for one field. */
export function checkCalendarField(
  field: CalendarField,
  text: string,
  context: SensitiveContext = {},
): RuleResult {
  const kinds = [...new Set(findSensitive(text, context).map((f) => f.kind))];
  return kinds.length === 0 ? OK : fail({ code: 'SENSITIVE_DATA_IN_CALENDAR', field, kinds });
}

/** R4: subject, body and location of a calendar event. */
export function checkCalendarText(
  fields: { subject: string; body: string; location: string | null },
  context: SensitiveContext = {},
): Validation {
  return collect([
    checkCalendarField('subject', fields.subject, context),
    checkCalendarField('body', fields.body, context),
    checkCalendarField('location', fields.location ?? '', context),
  ]);
}

/**
 * The subject Helhed gives every team meeting: neutral, with the citizen's initials only, so
 * that attendees can tell their meetings apart without learning anything about the citizen.
 */
export function neutralSubject(citizen: Pick<Citizen, 'initials'>): string {
  return `Tværfagligt teammøde (${citizen.initials})`;
}

/** The body: how to join and where the plan is, nothing about the case. */
export function neutralBody(): string {
  return 'Tværfagligt teammøde med borgeren. Dagsorden, borgerens plan og referat findes i Helhed.';
}
