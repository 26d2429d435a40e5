/**
 * The actions bench/graph-round-trips.mjs measures, run in Node over the msw fake Graph and
 * SharePoint (tests/support/fake-graph), each with the round trips Graph cannot do without:
 * the floor. Loaded through Vite's SSR module loader, so it runs the real TypeScript.
 */
import 'fake-indexeddb/auto';
import { GraphCalendar } from '../../src/adapters/graph/graph-calendar';
import { GraphDirectory } from '../../src/adapters/graph/graph-directory';
import { GraphPlanStore } from '../../src/adapters/graph/graph-plan-store';
import { provisionLists } from '../../src/adapters/graph/sharepoint-lists';
import { BroadcastMeetingChannel } from '../../src/adapters/local/broadcast-meeting-channel';
import { openHelhedDb } from '../../src/adapters/local/db';
import { FixedClock } from '../../src/adapters/local/fixed-clock';
import { LocalPlanStore } from '../../src/adapters/local/local-plan-store';
import { SequentialIds } from '../../src/adapters/local/sequential-ids';
import { bookMeeting, createPathway, suggestMeetingTimes, type Services } from '../../src/application';
import type { TeamMember } from '../../src/domain/model';
import * as b from '../../tests/contract/support/builders';
import type { FakeUser } from '../../tests/support/fake-graph/fake-graph';
import { harness, server, type Harness } from '../../tests/support/fake-graph/graph-harness';

export interface RoundTrips {
  /** Stable id suffix, e.g. `booking`. */
  id: string;
  what: string;
  /** Every HTTP request the action sent to Graph. */
  requests: number;
  /** The fewest requests Graph's API allows for it. */
  floor: number;
  /** The requests, `METHOD path` (a $batch counts once). */
  calls: string[];
}

const SITE = 'contoso.sharepoint.com,2c1b6b5e-0000-4000-8000-000000000001,3d2c7c6f-0000-4000-8000-000000000002';
const BATCH_LIMIT = 20;

const users: FakeUser[] = [
  { id: 'anna', displayName: 'Anna Holm', mail: 'anna@kommune.dk', userPrincipalName: 'anna@kommune.dk', department: 'Socialafdelingen', jobTitle: null },
  { id: 'bo', displayName: 'Bo Lund', mail: 'bo@kommune.dk', userPrincipalName: 'bo@kommune.dk', department: 'Sundhed', jobTitle: null },
  { id: 'carl', displayName: 'Carl Juhl', mail: 'carl@kommune.dk', userPrincipalName: 'carl@kommune.dk', department: 'Jobcenter', jobTitle: null },
];
const team: TeamMember[] = [
  { personId: 'anna', displayName: 'Anna Holm', email: 'anna@kommune.dk', departmentId: 'dep-social', role: 'member', mandate: null },
  { personId: 'bo', displayName: 'Bo Lund', email: 'bo@kommune.dk', departmentId: 'dep-health', role: 'member', mandate: null },
  { personId: 'carl', displayName: 'Carl Juhl', email: 'carl@kommune.dk', departmentId: 'dep-employment', role: 'member', mandate: null },
];

function measured(h: Harness, id: string, what: string, floor: number, listIds: Readonly<Record<string, string>> = {}): RoundTrips {
  const violations = h.fake.schemaViolations;
  if (violations.length > 0) throw new Error(`${id}: requests the Graph description rejects: ${violations.join('; ')}`);
  // Readable paths: the site as {site}, list ids by list name.
  const readable = (path: string) =>
    Object.entries(listIds).reduce((p, [name, listId]) => p.replace(`/lists/${listId}`, `/lists/${name}`), path.replace(`/sites/${SITE}`, '/sites/{site}'));
  return { id, what, floor, requests: h.fake.requests.length, calls: h.fake.requests.map((r) => `${r.method} ${readable(r.path)}`) };
}

/** bookMeeting with the Graph calendar and directory (plan store local, as in graph-booking.test.ts). */
async function booking(): Promise<RoundTrips> {
  const h = harness({ me: users[0], users, scopes: ['Calendars.ReadWrite', 'User.ReadBasic.All'] });
  const db = openHelhedDb(`bench-graph-round-trips-${crypto.randomUUID()}`);
  try {
    const store = new LocalPlanStore(db);
    const clock = new FixedClock('2026-11-24T09:00:00.000Z');
    const s: Services = {
      store,
      calendar: new GraphCalendar(h.api),
      directory: new GraphDirectory(h.api, {
        departments: [
          { id: 'dep-social', directoryName: 'Socialafdelingen' },
          { id: 'dep-health', directoryName: 'Sundhed' },
          { id: 'dep-employment', directoryName: 'Jobcenter' },
        ],
        leaders: {},
      }),
      channel: new BroadcastMeetingChannel(new SequentialIds('session')),
      clock,
      ids: new SequentialIds('id'),
    };
    await store.saveSettings({ meetingWindows: [{ weekday: 2, start: '09:00', end: '12:00' }], timeZone: 'Europe/Copenhagen', meetingMinutes: 60 });
    await s.directory.me(); // once per session, not per booking
    const pathway = await createPathway(s, {
      citizen: { displayName: 'Mette Hansen', initials: 'MH', email: 'mette@borger.example', phone: null, attendance: 'teams', caseRef: 'SAG-1' },
      team,
      goals: ['Jeg vil have et fritidsjob'],
      consent: { givenOn: '2026-11-01', form: 'written', scope: { departmentIds: ['dep-social', 'dep-health', 'dep-employment'], replacedPlans: [] }, reviewDate: '2027-11-01' },
    });
    h.fake.requests.length = 0;
    const [slot] = await suggestMeetingTimes(s, pathway.id);
    if (slot === undefined) throw new Error('booking: no free slot');
    await bookMeeting(s, { pathwayId: pathway.id, start: slot.start, citizenInvitation: { mode: 'email', email: 'mette@borger.example' }, outsideWindowReason: null, extraAgenda: [] });
    return measured(h, 'booking', 'booking a team meeting (suggest times, then book)', 2);
  } finally {
    db.close();
    await db.delete();
  }
}

async function planStore(): Promise<{ h: Harness; store: GraphPlanStore; listIds: Record<string, string> }> {
  const h = harness({ scopes: ['Sites.Selected'] });
  h.fake.sharePoint.addSite(SITE);
  const { listIds } = await provisionLists(h.api, SITE);
  const store = new GraphPlanStore(h.api, { siteId: SITE, listIds, auditKey: 'bench-audit-key', retry: { sleep: async () => {} } });
  h.fake.requests.length = 0;
  return { h, store, listIds };
}

async function minutes(k: number): Promise<RoundTrips> {
  const { h, store, listIds } = await planStore();
  const decisions = Array.from({ length: k }, (_, n) => b.decision({ id: `d-${n}`, meetingId: 'm-1', createdAt: b.at(n) }));
  await store.writeMinutesWithDecisions(b.minutesInput({ meetingId: 'm-1' }), decisions);
  // Floor: the minutes, K decisions and K audit entries in full batches, then the minutes' audit
  // entry (it may only be written once the minutes are: it names who wrote that version).
  return measured(h, `minutes-k${k}`, `approving minutes with ${k} decisions and their audit entries (writeMinutesWithDecisions)`, Math.ceil((1 + 2 * k) / BATCH_LIMIT) + 1, listIds);
}

async function idleRefresh(): Promise<RoundTrips> {
  const { h, store, listIds } = await planStore();
  await store.appendDecisions(Array.from({ length: 5 }, (_, n) => b.decision({ id: `d-${n}`, createdAt: b.at(n) })), []);
  const first = await store.refreshDecisions(null);
  h.fake.requests.length = 0;
  await store.refreshDecisions(first.deltaLink);
  return measured(h, 'leader-refresh-idle', 'leader refresh with no changes (delta)', 1, listIds);
}

async function decisionCapture(): Promise<RoundTrips> {
  const { h, store, listIds } = await planStore();
  await store.appendDecisions([b.decision({ id: 'd-1' })], [b.action({ id: 'a-1', decisionId: 'd-1' })]);
  return measured(h, 'decision-capture', 'capturing a decision with its action (appendDecisions)', 1, listIds);
}

/** Runs every action once, each on a fresh fake Graph. */
export async function runScenarios(): Promise<RoundTrips[]> {
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const out: RoundTrips[] = [await booking()];
    for (const k of [0, 19, 59]) out.push(await minutes(k));
    out.push(await idleRefresh(), await decisionCapture());
    return out;
  } finally {
    server.close();
  }
}
