import type { Instant, MeetingWindow } from '../model';
import { OK, fail, type RuleResult } from '../result';
import { addDays, localParts, parseTimeOfDay, windowContaining, zonedToInstant } from '../time';

/**
 * Rule 3, tværfaglig mødetid: meetings are held in the reserved windows. Outside a window a
 * meeting may still be booked, but only with a stated reason.
 */
export function checkMeetingWindow(
  start: Date,
  end: Date,
  windows: readonly MeetingWindow[],
  timeZone: string,
  reason: string | null,
): RuleResult {
  if (windowContaining(start, end, windows, timeZone)) return OK;
  if (reason && reason.trim().length >= 3) return OK;
  return fail({ code: 'OUTSIDE_MEETING_WINDOW' });
}

export interface BusyInterval {
  start: Instant;
  end: Instant;
}

export interface SlotSuggestion {
  start: Instant;
  end: Instant;
  /** Attendees (by e-mail) who are busy in the slot; empty when everyone is free. */
  busy: string[];
}

export interface SuggestSlotsInput {
  windows: readonly MeetingWindow[];
  timeZone: string;
  /** Free/busy per attendee e-mail. */
  busy: ReadonlyMap<string, readonly BusyInterval[]>;
  /** No slot starts before this instant (now). */
  notBefore: Date;
  /** How many days ahead to look, from the local date of `notBefore`. */
  days: number;
  durationMinutes: number;
  /** Candidate start times are this far apart inside a window. */
  stepMinutes: number;
  max: number;
}

/**
 * Suggested times inside the meeting windows, from everyone's free/busy (rule 3). Slots where
 * everyone is free come first, in time order; if there are fewer than `max` of those, the
 * slots with the fewest busy attendees follow, so the coordinator always has something to
 * choose from.
 */
export function suggestSlots(input: SuggestSlotsInput): SlotSuggestion[] {
  const { windows, timeZone, busy, notBefore, days, durationMinutes, stepMinutes, max } = input;
  const parsed = [...busy].map(([email, intervals]) => ({
    email,
    intervals: intervals.map((i) => ({ s: Date.parse(i.start), e: Date.parse(i.end) })),
  }));
  const firstDate = localParts(notBefore, timeZone).date;
  const candidates: { s: number; e: number; busy: string[] }[] = [];
  for (let d = 0; d < days; d++) {
    const date = addDays(firstDate, d);
    const weekday = localParts(zonedToInstant(date, 12 * 60, timeZone), timeZone).weekday;
    for (const w of windows) {
      if (w.weekday !== weekday) continue;
      const endOfWindow = parseTimeOfDay(w.end);
      for (let m = parseTimeOfDay(w.start); m + durationMinutes <= endOfWindow; m += stepMinutes) {
        const s = zonedToInstant(date, m, timeZone).getTime();
        const e = s + durationMinutes * 60_000;
        if (s < notBefore.getTime()) continue;
        const busyPeople = parsed
          .filter((p) => p.intervals.some((i) => i.s < e && s < i.e))
          .map((p) => p.email);
        candidates.push({ s, e, busy: busyPeople });
      }
    }
  }
  candidates.sort((a, b) => a.busy.length - b.busy.length || a.s - b.s);
  return candidates.slice(0, max).map((c) => ({
    start: new Date(c.s).toISOString(),
    end: new Date(c.e).toISOString(),
    busy: c.busy,
  }));
}
