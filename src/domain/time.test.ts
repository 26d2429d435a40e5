import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatTimeOfDay, localParts, parseTimeOfDay, windowContaining, zonedToInstant } from './time';

const TZ = 'Europe/Copenhagen';

describe('time in the municipality\'s zone (rule 3)', () => {
  it('[R3] converts local wall-clock time to UTC in winter and in summer', () => {
    expect(zonedToInstant('2026-12-01', 9 * 60, TZ).toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(zonedToInstant('2026-06-02', 9 * 60, TZ).toISOString()).toBe('2026-06-02T07:00:00.000Z');
  });

  it('[R3] converts on both sides of the 2026 daylight-saving changes', () => {
    expect(zonedToInstant('2026-03-28', 12 * 60, TZ).toISOString()).toBe('2026-03-28T11:00:00.000Z');
    expect(zonedToInstant('2026-03-29', 12 * 60, TZ).toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(zonedToInstant('2026-10-24', 12 * 60, TZ).toISOString()).toBe('2026-10-24T10:00:00.000Z');
    expect(zonedToInstant('2026-10-25', 12 * 60, TZ).toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });

  it('[R3] reads an instant back as the local date, ISO weekday and minutes', () => {
    expect(localParts(new Date('2026-12-01T08:30:00Z'), TZ)).toEqual({ date: '2026-12-01', weekday: 2, minutes: 9 * 60 + 30 });
    // 23:30Z on a summer Saturday is already Sunday in Copenhagen.
    expect(localParts(new Date('2026-06-06T23:30:00Z'), TZ)).toEqual({ date: '2026-06-07', weekday: 7, minutes: 90 });
  });

  it('counts whole days and adds days across month, year and DST boundaries', () => {
    expect(daysBetween('2026-12-01', '2027-03-01')).toBe(90);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-12-01', '2026-11-30')).toBe(-1);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('parses and formats HH:MM', () => {
    expect(parseTimeOfDay('09:30')).toBe(570);
    expect(formatTimeOfDay(570)).toBe('09:30');
  });

  it('[R3] a window contains a meeting only when the whole meeting lies inside it on one local day', () => {
    const windows = [
      { weekday: 2, start: '09:00', end: '12:00' },
      { weekday: 5, start: '22:00', end: '23:59' },
    ];
    expect(windowContaining(new Date('2026-12-01T08:00:00Z'), new Date('2026-12-01T11:00:00Z'), windows, TZ)).toEqual(windows[0]);
    expect(windowContaining(new Date('2026-12-01T08:00:00Z'), new Date('2026-12-01T11:01:00Z'), windows, TZ)).toBeNull();
    expect(windowContaining(new Date('2026-12-01T07:59:00Z'), new Date('2026-12-01T09:00:00Z'), windows, TZ)).toBeNull();
    // Across local midnight (Friday 23:30 to Saturday 00:30 CET): not inside the Friday window.
    expect(windowContaining(new Date('2026-12-04T22:30:00Z'), new Date('2026-12-04T23:30:00Z'), windows, TZ)).toBeNull();
    // End before start.
    expect(windowContaining(new Date('2026-12-01T09:00:00Z'), new Date('2026-12-01T08:00:00Z'), windows, TZ)).toBeNull();
  });
});
