import type { DateOnly, MeetingWindow } from './model';

/**
 * Calendar arithmetic in the municipality's time zone, with only ECMAScript's Intl (no
 * browser APIs, no clock). Meeting windows are local times ("Tuesday 9-12 in Copenhagen"),
 * while meetings are stored as UTC instants; these helpers convert between the two across
 * daylight-saving changes.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export interface LocalParts {
  date: DateOnly;
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

function parts(instant: Date, timeZone: string) {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) out[p.type] = p.value;
  return {
    year: Number(out.year),
    month: Number(out.month),
    day: Number(out.day),
    hour: Number(out.hour),
    minute: Number(out.minute),
    second: Number(out.second),
    weekday: WEEKDAYS[out.weekday ?? ''] ?? 0,
  };
}

export function localParts(instant: Date, timeZone: string): LocalParts {
  const p = parts(instant, timeZone);
  return {
    date: `${String(p.year).padStart(4, '0')}-${pad(p.month)}-${pad(p.day)}`,
    weekday: p.weekday,
    minutes: p.hour * 60 + p.minute,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function offsetMinutes(instant: Date, timeZone: string): number {
  const p = parts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** The instant at which the local wall-clock time `date` `minutes` occurs in `timeZone`. */
export function zonedToInstant(date: DateOnly, minutes: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  const first = offsetMinutes(new Date(wall), timeZone);
  let t = wall - first * 60000;
  const second = offsetMinutes(new Date(t), timeZone);
  if (second !== first) t = wall - second * 60000;
  return new Date(t);
}

export function parseTimeOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export function formatTimeOfDay(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

export function addDays(date: DateOnly, days: number): DateOnly {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: DateOnly, b: DateOnly): number {
  const ta = Date.parse(`${a}T00:00:00Z`);
  const tb = Date.parse(`${b}T00:00:00Z`);
  return Math.round((tb - ta) / 86_400_000);
}

/** The window (if any) that contains the whole interval [start, end) on one local day. */
export function windowContaining(
  start: Date,
  end: Date,
  windows: readonly MeetingWindow[],
  timeZone: string,
): MeetingWindow | null {
  if (!(end > start)) return null;
  const s = localParts(start, timeZone);
  const e = localParts(end, timeZone);
  if (s.date !== e.date && !(e.minutes === 0 && addDays(s.date, 1) === e.date)) return null;
  const endMinutes = s.date === e.date ? e.minutes : 24 * 60;
  return (
    windows.find(
      (w) =>
        w.weekday === s.weekday &&
        parseTimeOfDay(w.start) <= s.minutes &&
        endMinutes <= parseTimeOfDay(w.end),
    ) ?? null
  );
}
