/**
 * The demo seed: idempotent, schema-valid, and rich enough that every screen has something to
 * show (PRODUCT.md rules cited per test). Run at several "now"s, including both daylight-saving
 * changes in Copenhagen, because every date in the demo is relative to the clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LocalCalendar } from '../../src/adapters/local/local-calendar';
import { LocalDirectory } from '../../src/adapters/local/local-directory';
import { LocalPlanStore } from '../../src/adapters/local/local-plan-store';
import { FixedClock, SequentialIds } from '../../src/adapters/local/testing';
import {
  ActionSchema,
  CitizenPlanSchema,
  DecisionSchema,
  DepartmentSchema,
  MinutesSchema,
  PathwaySchema,
  PersonSchema,
  SettingsSchema,
  TeamMeetingSchema,
} from '../../src/domain/model';
import {
  DEMO_DEFAULT_USER_ID,
  DEMO_PATHWAY_IDS,
  DEMO_STAFF,
  buildDemoData,
} from '../../src/demo/demo-data';
import { seedDemoData } from '../../src/demo/seed';
import { consentState } from '../../src/domain/rules/consent';
import { freshIndexedDb, type FreshIndexedDb } from './support/fresh-db';

const TZ = 'Europe/Copenhagen';
const DAY_MS = 86_400_000;

/** Local wall-clock parts, computed independently of the demo's own time helpers. */
function local(instant: string | Date) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TZ,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    weekday,
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

const NOWS = [
  { label: 'an ordinary winter Monday', now: '2026-01-12T07:30:00.000Z' },
  { label: 'a Thursday in a meeting window', now: '2026-06-11T08:15:00.000Z' },
  { label: 'the Friday before summer time starts', now: '2026-03-27T12:00:00.000Z' },
  { label: 'the Saturday before summer time ends', now: '2026-10-24T21:00:00.000Z' },
  { label: "new year's eve, late evening local time", now: '2026-12-31T22:30:00.000Z' },
];

let cleanups: (() => Promise<void>)[] = [];
const idbForTest = (): FreshIndexedDb => {
  const idb = freshIndexedDb();
  cleanups.push(idb.cleanup);
  return idb;
};
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

async function snapshot(store: LocalPlanStore) {
  const pathways = await store.listPathways();
  return {
    departments: await store.listDepartments(),
    settings: await store.getSettings(),
    pathways,
    plans: await Promise.all(pathways.map((p) => store.listPlanVersions(p.id))),
    meetings: await store.listMeetings({}),
    decisions: await store.listDecisions({}),
    actions: await store.listActions({}),
    minutes: await Promise.all(pathways.map((p) => store.listMinutes(p.id))),
  };
}

describe('seedDemoData', () => {
  it('seeds an empty database once; a second call changes nothing', async () => {
    const db = idbForTest().open();
    const clock = new FixedClock(NOWS[0]!.now);
    expect(await seedDemoData(db, clock, new SequentialIds('event'))).toStrictEqual({ seeded: true });
    const store = new LocalPlanStore(db);
    const first = await snapshot(store);
    clock.advance(3 * DAY_MS);
    expect(await seedDemoData(db, clock, new SequentialIds('event'))).toStrictEqual({ seeded: false });
    expect(await snapshot(store)).toStrictEqual(first);
    expect(await db.calendarEvents.count()).toBe(4);
  });

  it('two tabs seeding at once seed once', async () => {
    const idb = idbForTest();
    const clock = new FixedClock(NOWS[0]!.now);
    const results = await Promise.all([seedDemoData(idb.open(), clock), seedDemoData(idb.open(), clock)]);
    expect(results.map((r) => r.seeded).sort()).toStrictEqual([false, true]);
    const store = new LocalPlanStore(idb.open());
    expect(await store.listPathways()).toHaveLength(3);
    expect(await store.listDecisions({})).toHaveLength(7);
  });

  it('does not seed a database that already has settings', async () => {
    const db = idbForTest().open();
    const store = new LocalPlanStore(db);
    await store.saveSettings({ meetingWindows: [], timeZone: TZ, meetingMinutes: 30 });
    expect(await seedDemoData(db, new FixedClock(NOWS[0]!.now))).toStrictEqual({ seeded: false });
    expect(await store.listPathways()).toStrictEqual([]);
  });
});

describe('the demo staff', () => {
  it('is schema-valid: 12 people in 4 departments, 3 tovholdere and 2 leaders, all on reserved domains', () => {
    const staff = z.array(PersonSchema).parse(DEMO_STAFF);
    expect(staff).toHaveLength(12);
    expect(new Set(staff.map((p) => p.id)).size).toBe(12);
    expect(staff.every((p) => p.email.endsWith('@kommune.example'))).toBe(true);
    const leaders = staff.filter((p) => p.leaderOf.length > 0);
    expect(leaders.map((p) => p.id).sort()).toStrictEqual(['staff-birgitte', 'staff-hanne']);
    expect(new Set(leaders.flatMap((p) => p.leaderOf))).toStrictEqual(
      new Set(['dept-social', 'dept-health', 'dept-employment', 'dept-education']),
    );
  });

  it('the default demo user is a tovholder', async () => {
    const data = buildDemoData(new Date(NOWS[0]!.now));
    expect(DEMO_DEFAULT_USER_ID).toBe('staff-mette');
    expect(data.pathways.some((p) => p.coordinatorId === DEMO_DEFAULT_USER_ID)).toBe(true);
    const idb = idbForTest();
    expect((await new LocalDirectory(idb.open(), DEMO_STAFF, DEMO_DEFAULT_USER_ID).me()).id).toBe('staff-mette');
  });
});

describe.each(NOWS)('the seeded demo on $label ($now)', ({ now }) => {
  async function seeded() {
    const db = idbForTest().open();
    const clock = new FixedClock(now);
    await seedDemoData(db, clock);
    return { db, store: new LocalPlanStore(db), calendar: new LocalCalendar(db) };
  }
  const today = local(now).date;

  it('[schema] every record is schema-valid', async () => {
    const data = buildDemoData(new Date(now));
    z.array(DepartmentSchema).parse(data.departments);
    SettingsSchema.parse(data.settings);
    z.array(PathwaySchema).parse(data.pathways);
    z.array(CitizenPlanSchema).parse(data.plans);
    z.array(TeamMeetingSchema).parse(data.meetings.map((m) => m.meeting));
    z.array(DecisionSchema).parse(data.decisions);
    z.array(ActionSchema).parse(data.actions);
    const { store } = await seeded();
    // The store parses on read, so reading everything back proves what was stored is valid.
    const all = await snapshot(store);
    z.array(MinutesSchema).parse(all.minutes.flat());
    expect(all.departments.map((d) => d.area).sort()).toStrictEqual(['education', 'employment', 'health', 'social']);
  });

  it('[R3] meeting windows are Tuesday and Thursday 09:00-12:00 Copenhagen time, 60-minute meetings', async () => {
    const { store } = await seeded();
    expect(await store.getSettings()).toStrictEqual({
      meetingWindows: [
        { weekday: 2, start: '09:00', end: '12:00' },
        { weekday: 4, start: '09:00', end: '12:00' },
      ],
      timeZone: 'Europe/Copenhagen',
      meetingMinutes: 60,
    });
  });

  it('three active pathways: the citizen attends by Teams (with e-mail), in person, and by phone', async () => {
    const { store } = await seeded();
    const pathways = await store.listPathways();
    expect(pathways.map((p) => p.id).sort()).toStrictEqual(Object.values(DEMO_PATHWAY_IDS).sort());
    expect(pathways.every((p) => p.status === 'active')).toBe(true);
    expect(pathways.map((p) => p.citizen.attendance).sort()).toStrictEqual(['in-person', 'phone', 'teams']);
    expect(pathways.find((p) => p.citizen.attendance === 'teams')?.citizen.email).toMatch(/@borger\.example$/);
    expect(new Set(pathways.map((p) => p.coordinatorId)).size).toBe(3);
    for (const p of pathways) {
      expect(p.citizen.caseRef).toMatch(/^SAG-\d{4}-\d{4}$/);
      expect(p.team.members.find((m) => m.role === 'coordinator')?.personId).toBe(p.coordinatorId);
    }
  });

  it('[R6] teams declare mandates, and some members attend without one', async () => {
    const { store } = await seeded();
    const members = (await store.listPathways()).flatMap((p) => p.team.members);
    expect(members.some((m) => m.mandate === null)).toBe(true);
    const mandates = members.flatMap((m) => (m.mandate === null ? [] : [m.mandate]));
    expect(mandates.length).toBeGreaterThan(5);
    expect(mandates.every((m) => m.description.length > 0 && Number.isInteger(m.maxAmountDkk))).toBe(true);
    expect(members.every((m) => m.mandate === null || m.mandate.departmentId === m.departmentId)).toBe(true);
  });

  it('[R5] every plan starts from goals in the citizen\'s own words and spans several departments', async () => {
    const { store } = await seeded();
    for (const id of Object.values(DEMO_PATHWAY_IDS)) {
      const versions = await store.listPlanVersions(id);
      expect(versions.map((v) => v.version)).toStrictEqual([1, 2]);
      const plan = versions[1]!;
      expect(plan.goals.length).toBeGreaterThanOrEqual(3);
      expect(plan.goals.every((g) => g.text.startsWith('Jeg '))).toBe(true);
      expect(new Set(plan.interventions.map((i) => i.departmentId)).size).toBeGreaterThanOrEqual(2);
    }
  });

  it('[R5] every pathway has a transition within 90 days of now', async () => {
    const { store } = await seeded();
    const horizon = local(new Date(Date.parse(now) + 90 * DAY_MS)).date;
    for (const id of Object.values(DEMO_PATHWAY_IDS)) {
      const plan = await store.getPlan(id);
      expect(plan?.transitions.some((t) => t.date >= today && t.date <= horizon)).toBe(true);
    }
  });

  it('[R3] demo meetings lie inside the Tuesday/Thursday 09-12 windows, one past meeting per pathway', async () => {
    const { store } = await seeded();
    const meetings = await store.listMeetings({});
    for (const m of meetings) {
      const start = local(m.start);
      const end = local(m.end);
      expect([2, 4]).toContain(start.weekday);
      expect(start.minutes).toBeGreaterThanOrEqual(9 * 60);
      expect(end.minutes).toBeLessThanOrEqual(12 * 60);
      expect(Date.parse(m.end) - Date.parse(m.start)).toBe(60 * 60_000);
      expect(m.agenda[0]?.kind).toBe('citizen-perspective');
    }
    for (const id of Object.values(DEMO_PATHWAY_IDS)) {
      const past = meetings.filter((m) => m.pathwayId === id && Date.parse(m.end) < Date.parse(now));
      expect(past.map((m) => m.status)).toStrictEqual(['minuted']);
    }
    const upcoming = meetings.filter((m) => Date.parse(m.start) > Date.parse(now));
    expect(upcoming.map((m) => m.status)).toStrictEqual(['planned']);
  });

  it('[R1][R4] every meeting has a private calendar event on a demo link, invites the citizen, names only the case', async () => {
    const { store, calendar } = await seeded();
    const pathways = await store.listPathways();
    for (const m of await store.listMeetings({})) {
      const pathway = pathways.find((p) => p.id === m.pathwayId)!;
      expect(m.calendarEventId).not.toBeNull();
      const event = await calendar.getEvent(m.calendarEventId!);
      expect(event.isPrivate).toBe(true);
      expect(m.joinUrl).toBe(event.joinUrl);
      expect(event.joinUrl).toMatch(/^https:\/\/helhed\.invalid\//);
      expect(event.subject).toContain(pathway.citizen.caseRef);
      expect(`${event.subject} ${event.body}`).not.toContain(pathway.citizen.displayName);
      if (m.citizenInvitation.mode === 'email') {
        expect(event.attendees.map((a) => a.email)).toContain(m.citizenInvitation.email);
      }
      expect(m.requiredAttendees.map((a) => a.personId).sort()).toStrictEqual(
        pathway.team.members.map((tm) => tm.personId).sort(),
      );
    }
  });

  it('[R7] history: approved minutes per past meeting, listing that meeting\'s decisions', async () => {
    const { store } = await seeded();
    for (const id of Object.values(DEMO_PATHWAY_IDS)) {
      const minutes = await store.listMinutes(id);
      expect(minutes).toHaveLength(1);
      const entry = minutes[0]!;
      expect(entry.version).toBe(1);
      const decisions = await store.listDecisions({ meetingId: entry.meetingId });
      expect(decisions.length).toBeGreaterThanOrEqual(2);
      expect(entry.content.decisions.map((d) => d.decisionId)).toStrictEqual(decisions.map((d) => d.id));
      expect(entry.content.citizenView.length).toBeGreaterThan(0);
    }
  });

  it('[R6] exactly one escalation, found by the leader of its department', async () => {
    const { store } = await seeded();
    const escalated = await store.listDecisions({ status: 'requires-leader-follow-up' });
    expect(escalated).toHaveLength(1);
    expect(escalated[0]?.escalations).toStrictEqual([{ code: 'MANDATE_EXCEEDED', departmentId: 'dept-health' }]);
    const hanne = DEMO_STAFF.find((p) => p.id === 'staff-hanne')!;
    const review = await store.listDecisions({ departmentIds: hanne.leaderOf, status: 'requires-leader-follow-up' });
    expect(review.map((d) => d.id)).toStrictEqual([escalated[0]?.id]);
  });

  it('[R2] one absence without notice is on record for the leaders', async () => {
    const { store } = await seeded();
    const absent = (await store.listMeetings({})).flatMap((m) => m.attendance.filter((a) => !a.present && !a.notice));
    expect(absent).toHaveLength(1);
  });

  it('an open action is overdue', async () => {
    const { store } = await seeded();
    const overdue = (await store.listActions({})).filter((a) => a.status === 'open' && a.dueDate < today);
    expect(overdue).toHaveLength(1);
  });

  it('[R3] staff are busy at times in the coming windows, yet every team has a free hour within two weeks', async () => {
    const { store, calendar } = await seeded();
    const from = new Date(now).toISOString();
    const to = new Date(Date.parse(now) + 14 * DAY_MS).toISOString();
    let someoneBusyInWindow = false;
    for (const pathway of await store.listPathways()) {
      const emails = pathway.team.members.map((m) => m.email);
      const busy = [...(await calendar.getBusy(emails, from, to)).values()].flat();
      const windowDays = new Set<string>();
      for (let d = 1; d <= 13; d += 1) {
        const day = local(new Date(Date.parse(now) + d * DAY_MS));
        if (day.weekday === 2 || day.weekday === 4) windowDays.add(day.date);
      }
      const freeHour = [...windowDays].some((date) => {
        const taken = busy
          .filter((i) => local(i.start).date === date)
          .map((i) => [local(i.start).minutes, local(i.end).minutes] as const);
        if (taken.some(([s, e]) => s < 12 * 60 && e > 9 * 60)) someoneBusyInWindow = true;
        return [540, 570, 600, 630, 660].some((s) => taken.every(([bs, be]) => be <= s || bs >= s + 60));
      });
      expect(freeHour).toBe(true);
    }
    expect(someoneBusyInWindow).toBe(true);
  });

  it('[R8] every pathway has consent covering its team: two valid, one due for review within 30 days', async () => {
    const { store } = await seeded();
    const states = [];
    for (const id of Object.values(DEMO_PATHWAY_IDS)) {
      const pathway = await store.getPathway(id);
      const state = consentState(await store.getConsent(id), today);
      expect(state.status).toBe('valid');
      if (state.status !== 'valid' || pathway === null) continue;
      for (const m of pathway.team.members) expect(state.coveredDepartmentIds).toContain(m.departmentId);
      states.push([id, state.reviewSoon]);
      expect((await store.listAudit(id)).filter((e) => e.entity === 'consent')).toHaveLength(1);
    }
    expect(states).toStrictEqual([
      [DEMO_PATHWAY_IDS.emil, false],
      [DEMO_PATHWAY_IDS.lene, true],
      [DEMO_PATHWAY_IDS.kim, false],
    ]);
    const emil = await store.getPathway(DEMO_PATHWAY_IDS.emil);
    expect(new Set(emil?.team.members.map((m) => m.departmentId)).size).toBe(3);
  });

  it('[R4] nothing in the demo looks like a CPR number, and every address is on a reserved domain', () => {
    const text = JSON.stringify(buildDemoData(new Date(now)));
    expect(text).not.toMatch(/\b\d{6}-?\d{4}\b/);
    const emails = text.match(/[\w.+-]+@[\w.-]+/g) ?? [];
    expect(emails.length).toBeGreaterThan(0);
    expect(emails.every((e) => e.endsWith('.example'))).toBe(true);
  });
});
