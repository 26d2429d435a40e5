import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeetingWindow } from '../model';
import { localParts, windowContaining } from '../time';
import { checkMeetingWindow, suggestSlots, type BusyInterval, type SuggestSlotsInput } from './meeting-window';

const TZ = 'Europe/Copenhagen';
const TUE_THU: MeetingWindow[] = [
  { weekday: 2, start: '09:00', end: '12:00' },
  { weekday: 4, start: '09:00', end: '12:00' },
];
const TUE: MeetingWindow[] = [{ weekday: 2, start: '09:00', end: '12:00' }];

const at = (iso: string) => new Date(iso);
const OUTSIDE = { ok: false, code: 'OUTSIDE_MEETING_WINDOW' } as const;

describe('checkMeetingWindow (rule 3)', () => {
  it('[R3] accepts Tuesday 9-10 in Copenhagen in winter time (UTC+1)', () => {
    // Tuesday 1 December 2026, 09:00-10:00 CET = 08:00-09:00Z.
    expect(checkMeetingWindow(at('2026-12-01T08:00:00Z'), at('2026-12-01T09:00:00Z'), TUE_THU, TZ, null)).toEqual({ ok: true });
  });

  it('[R3] accepts Tuesday 9-10 in Copenhagen in summer time (UTC+2)', () => {
    // Tuesday 2 June 2026, 09:00-10:00 CEST = 07:00-08:00Z.
    expect(checkMeetingWindow(at('2026-06-02T07:00:00Z'), at('2026-06-02T08:00:00Z'), TUE_THU, TZ, null)).toEqual({ ok: true });
  });

  it('[R3] accepts a meeting that fills the whole window, ending exactly at 12:00', () => {
    expect(checkMeetingWindow(at('2026-12-03T08:00:00Z'), at('2026-12-03T11:00:00Z'), TUE_THU, TZ, null)).toEqual({ ok: true });
  });

  it('[R3] refuses the summer-time UTC hours when read in winter (9:00 CEST instants are 8:00 CET)', () => {
    // 07:00Z on a winter Tuesday is 08:00 local: before the window opens.
    expect(checkMeetingWindow(at('2026-12-01T07:00:00Z'), at('2026-12-01T08:00:00Z'), TUE_THU, TZ, null)).toEqual(OUTSIDE);
  });

  it('[R3] refuses a meeting that straddles the end of the window without a reason', () => {
    // 11:30-12:30 CET.
    expect(checkMeetingWindow(at('2026-12-01T10:30:00Z'), at('2026-12-01T11:30:00Z'), TUE_THU, TZ, null)).toEqual(OUTSIDE);
  });

  it('[R3] refuses a meeting that starts before the window opens without a reason', () => {
    // 08:30-09:30 CEST.
    expect(checkMeetingWindow(at('2026-06-02T06:30:00Z'), at('2026-06-02T07:30:00Z'), TUE_THU, TZ, null)).toEqual(OUTSIDE);
  });

  it('[R3] refuses a meeting at window hours on a day without a window', () => {
    // Wednesday 2 December 2026, 09:00-10:00 CET.
    expect(checkMeetingWindow(at('2026-12-02T08:00:00Z'), at('2026-12-02T09:00:00Z'), TUE_THU, TZ, null)).toEqual(OUTSIDE);
  });

  it('[R3] refuses outside a window when the reason is missing, empty or blank', () => {
    const start = at('2026-12-02T13:00:00Z');
    const end = at('2026-12-02T14:00:00Z');
    expect(checkMeetingWindow(start, end, TUE_THU, TZ, null)).toEqual(OUTSIDE);
    expect(checkMeetingWindow(start, end, TUE_THU, TZ, '')).toEqual(OUTSIDE);
    expect(checkMeetingWindow(start, end, TUE_THU, TZ, '  \t ')).toEqual(OUTSIDE);
  });

  it('[R3] a reason of fewer than three characters is not a stated reason', () => {
    expect(checkMeetingWindow(at('2026-12-02T13:00:00Z'), at('2026-12-02T14:00:00Z'), TUE_THU, TZ, ' ok ')).toEqual(OUTSIDE);
  });

  it('[R3] accepts a meeting outside the windows when a reason is stated', () => {
    expect(
      checkMeetingWindow(at('2026-12-02T13:00:00Z'), at('2026-12-02T14:00:00Z'), TUE_THU, TZ, 'Borgeren arbejder tirsdag og torsdag'),
    ).toEqual({ ok: true });
  });

  it('[R3] an empty interval is never inside a window', () => {
    expect(checkMeetingWindow(at('2026-12-01T09:00:00Z'), at('2026-12-01T09:00:00Z'), TUE_THU, TZ, null)).toEqual(OUTSIDE);
  });
});

function input(overrides: Partial<SuggestSlotsInput>): SuggestSlotsInput {
  return {
    windows: TUE,
    timeZone: TZ,
    busy: new Map(),
    notBefore: at('2026-11-30T00:00:00Z'),
    days: 7,
    durationMinutes: 60,
    stepMinutes: 60,
    max: 20,
    ...overrides,
  };
}

describe('suggestSlots (rule 3)', () => {
  it('[R3] suggests exactly the window slots of a small case, as UTC instants', () => {
    // Monday 30 Nov .. Sunday 6 Dec 2026: only Tuesday 1 December has a window (09-12 CET).
    expect(suggestSlots(input({}))).toEqual([
      { start: '2026-12-01T08:00:00.000Z', end: '2026-12-01T09:00:00.000Z', busy: [] },
      { start: '2026-12-01T09:00:00.000Z', end: '2026-12-01T10:00:00.000Z', busy: [] },
      { start: '2026-12-01T10:00:00.000Z', end: '2026-12-01T11:00:00.000Z', busy: [] },
    ]);
  });

  it('[R3] steps through the window and never runs past its end', () => {
    const slots = suggestSlots(input({ durationMinutes: 90, stepMinutes: 30 }));
    expect(slots.map((s) => s.start)).toEqual([
      '2026-12-01T08:00:00.000Z',
      '2026-12-01T08:30:00.000Z',
      '2026-12-01T09:00:00.000Z',
      '2026-12-01T09:30:00.000Z',
    ]);
    expect(slots.at(-1)?.end).toBe('2026-12-01T11:00:00.000Z');
  });

  it('[R3] never suggests a slot that starts before notBefore', () => {
    const slots = suggestSlots(input({ notBefore: at('2026-12-01T09:10:00Z'), stepMinutes: 30 }));
    expect(slots.map((s) => s.start)).toEqual([
      '2026-12-01T09:30:00.000Z',
      '2026-12-01T10:00:00.000Z',
    ]);
  });

  it('[R3] puts slots where everyone is free first and reports who is busy in the others', () => {
    const busy = new Map<string, BusyInterval[]>([
      ['anna@kommune.dk', [{ start: '2026-12-01T08:00:00.000Z', end: '2026-12-01T09:30:00.000Z' }]],
      ['bo@kommune.dk', [{ start: '2026-12-01T08:30:00.000Z', end: '2026-12-01T09:00:00.000Z' }]],
      ['carl@kommune.dk', []],
    ]);
    expect(suggestSlots(input({ busy }))).toEqual([
      { start: '2026-12-01T10:00:00.000Z', end: '2026-12-01T11:00:00.000Z', busy: [] },
      { start: '2026-12-01T09:00:00.000Z', end: '2026-12-01T10:00:00.000Z', busy: ['anna@kommune.dk'] },
      { start: '2026-12-01T08:00:00.000Z', end: '2026-12-01T09:00:00.000Z', busy: ['anna@kommune.dk', 'bo@kommune.dk'] },
    ]);
  });

  it('[R3] treats busy intervals as half-open: a meeting ending at the slot start does not block it', () => {
    const busy = new Map<string, BusyInterval[]>([
      ['anna@kommune.dk', [{ start: '2026-12-01T07:00:00.000Z', end: '2026-12-01T08:00:00.000Z' }]],
    ]);
    expect(suggestSlots(input({ busy, max: 1 }))).toEqual([
      { start: '2026-12-01T08:00:00.000Z', end: '2026-12-01T09:00:00.000Z', busy: [] },
    ]);
  });

  it('[R3] returns at most max suggestions', () => {
    expect(suggestSlots(input({ windows: TUE_THU, days: 14, max: 4 }))).toHaveLength(4);
  });

  it('[R3] follows the change to summer time at the end of March 2026', () => {
    // Summer time starts Sunday 29 March 2026: Tuesday 24 is UTC+1, Tuesday 31 is UTC+2.
    const slots = suggestSlots(
      input({ notBefore: at('2026-03-23T00:00:00Z'), days: 10, durationMinutes: 180, stepMinutes: 180 }),
    );
    expect(slots).toEqual([
      { start: '2026-03-24T08:00:00.000Z', end: '2026-03-24T11:00:00.000Z', busy: [] },
      { start: '2026-03-31T07:00:00.000Z', end: '2026-03-31T10:00:00.000Z', busy: [] },
    ]);
  });

  it('[R3] follows the change back to winter time at the end of October 2026', () => {
    // Winter time starts Sunday 25 October 2026: Thursday 22 is UTC+2, Tuesday 27 is UTC+1.
    const slots = suggestSlots(
      input({ windows: TUE_THU, notBefore: at('2026-10-20T00:00:00Z'), days: 9, durationMinutes: 180, stepMinutes: 180 }),
    );
    expect(slots).toEqual([
      { start: '2026-10-20T07:00:00.000Z', end: '2026-10-20T10:00:00.000Z', busy: [] },
      { start: '2026-10-22T07:00:00.000Z', end: '2026-10-22T10:00:00.000Z', busy: [] },
      { start: '2026-10-27T08:00:00.000Z', end: '2026-10-27T11:00:00.000Z', busy: [] },
    ]);
  });

  it('[R3] every suggestion lies inside a window, after notBefore, free ones first (property)', () => {
    const emails = ['anna@kommune.dk', 'bo@kommune.dk', 'carl@kommune.dk'];
    const base = Date.parse('2026-01-01T00:00:00Z');
    const year = 365 * 86_400_000;
    const busyArb = fc.array(
      fc.record({ email: fc.constantFrom(...emails), from: fc.integer({ min: 0, max: year }), minutes: fc.integer({ min: 15, max: 240 }) }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: year }),
        fc.integer({ min: 1, max: 21 }),
        fc.constantFrom(30, 45, 60, 90),
        fc.constantFrom(15, 30, 60),
        busyArb,
        (offset, days, duration, step, rawBusy) => {
          const notBefore = new Date(base + offset);
          const busy = new Map<string, BusyInterval[]>(emails.map((e) => [e, []]));
          for (const b of rawBusy) {
            const s = base + b.from;
            busy.get(b.email)?.push({ start: new Date(s).toISOString(), end: new Date(s + b.minutes * 60_000).toISOString() });
          }
          const slots = suggestSlots({
            windows: TUE_THU, timeZone: TZ, busy, notBefore, days, durationMinutes: duration, stepMinutes: step, max: 50,
          });
          let seenBusy = false;
          for (const slot of slots) {
            const s = new Date(slot.start);
            const e = new Date(slot.end);
            expect(windowContaining(s, e, TUE_THU, TZ)).not.toBeNull();
            expect([2, 4]).toContain(localParts(s, TZ).weekday);
            expect(s.getTime()).toBeGreaterThanOrEqual(notBefore.getTime());
            expect(e.getTime() - s.getTime()).toBe(duration * 60_000);
            if (slot.busy.length > 0) seenBusy = true;
            else expect(seenBusy).toBe(false);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
