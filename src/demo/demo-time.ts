/**
 * Placing demo data in the municipality's time zone: thin wrappers over the domain's
 * calendar arithmetic (src/domain/time.ts), which handles the daylight-saving changes.
 */
import type { DateOnly, Instant } from '../domain/model';
import { addDays, localParts, parseTimeOfDay, zonedToInstant } from '../domain/time';

export { addDays };

/** The calendar date of `instant` in `timeZone`. */
export function dateInZone(instant: Date, timeZone: string): DateOnly {
  return localParts(instant, timeZone).date;
}

/** The instant at which the wall clock in `timeZone` shows `date` `time` (HH:MM). */
export function zonedInstant(date: DateOnly, time: string, timeZone: string): Instant {
  return zonedToInstant(date, parseTimeOfDay(time), timeZone).toISOString();
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: DateOnly): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * The `count` dates with one of `weekdays`, walking from `from` (exclusive) in `direction`
 * (+1 forwards, -1 backwards), nearest first.
 */
export function nextWeekdays(from: DateOnly, weekdays: readonly number[], count: number, direction: 1 | -1): DateOnly[] {
  const dates: DateOnly[] = [];
  let date = from;
  while (dates.length < count) {
    date = addDays(date, direction);
    if (weekdays.includes(isoWeekday(date))) dates.push(date);
  }
  return dates;
}
