/**
 * Issue 5, in the browser: three participants, each in their own browser context (own
 * IndexedDB, as on three PCs), on one meeting's side panel, with Teams mode's plan store
 * (GraphPlanStore behind DeltaDecisionCache behind OutboxPlanStore) over a fake Microsoft Graph
 * + SharePoint, and the live signals over Live Share on a real local Fluid service (tinylicious).
 *
 * All three save decisions at the same time; B loses the connection (Graph and the Fluid socket),
 * saves a decision that waits on B's device, and comes back; C reloads in the middle of typing.
 * At the end every participant lists every decision exactly once, SharePoint holds each once,
 * the minutes the tovholder approves contain them all, and nothing on the Fluid wire carries
 * decision text (signals only: ARCHITECTURE.md, "Live Share carries signals, not case data").
 *
 * The app runs in its e2e-only composition (src/app/e2e-composition.ts, `vite build --mode e2e`).
 */
import { expect as baseExpect, test, type BrowserContext, type Page, type Route, type WebSocketRoute } from '@playwright/test';
import { GraphApi } from '../../src/adapters/graph/graph-api';
import { GraphPlanStoreSetup } from '../../src/adapters/graph/graph-plan-store-setup';
import { GraphPlanStore } from '../../src/adapters/graph/graph-plan-store';
import { CryptoIds } from '../../src/adapters/local/crypto-ids';
import { DEMO_STAFF, buildDemoData } from '../../src/demo/demo-data';
import type { Person } from '../../src/domain/model';
import { startTinylicious, type Tinylicious } from '../contract/support/tinylicious';
import { FakeGraph, type FakeUser } from '../support/fake-graph/fake-graph';
import { decisionForm, decisionText, fillDecisionDetails, isoDateInDays, meetingDecision, pageHeading, t, type DecisionSpec } from './support';

/** Three browsers, Fluid and the fake Graph share a 2-core machine: a fair wait for one step. */
const expect = baseExpect.configure({ timeout: 15_000 });

const SITE = 'contoso.sharepoint.com,2c1b6b5e-0000-4000-8000-000000000001,3d2c7c6f-0000-4000-8000-000000000002';
const MEETING_ID = 'meeting-emil-2';
const PATHWAY_ID = 'pathway-emil';
const MEETING = `#/moede/${MEETING_ID}`;

/** The tovholder of Emil's pathway and two team members (src/demo/demo-data.ts). */
const PARTICIPANTS = {
  a: { personId: 'staff-anders', token: 'token-anders' },
  b: { personId: 'staff-jonas', token: 'token-jonas' },
  c: { personId: 'staff-camilla', token: 'token-camilla' },
} as const;
type Name = keyof typeof PARTICIPANTS;

const SCHOOL = 'Skole og Uddannelse (PPR/UU)';
const JOBCENTER = 'Jobcenter';

function decision(text: string, departments: string[], responsibleId: string, days: number): DecisionSpec {
  return { text, departments, responsibleId, dueDate: isoDateInDays(days), position: 'agrees' };
}

/** Each text is unique, and each has a word no Fluid frame may carry. */
const DECISIONS = {
  a1: decision('Anders aftaler brobygning til tømreruddannelsen med erhvervsskolen.', [SCHOOL], 'staff-anders', 14),
  b1: decision('Jonas finder en kontaktperson til eftermiddagene efter skole.', [SCHOOL], 'staff-jonas', 10),
  c1: decision('Camilla kontakter tre butikker om et fritidsjob til weekenderne.', [JOBCENTER], 'staff-camilla', 21),
  bOffline: decision('Jonas sender referatet af hjemmebesøget til skolens psykolog.', [SCHOOL], 'staff-jonas', 7),
  a2: decision('Anders booker et opfølgningsmøde med PPR om skolefraværet.', [SCHOOL], 'staff-nadia', 30),
  cReloaded: decision('Camilla undersøger mentorstøtte fra første praktikdag.', [JOBCENTER], 'staff-camilla', 28),
} satisfies Record<string, DecisionSpec>;
const ALL_TEXTS = Object.values(DECISIONS).map((d) => d.text);

function fakeUser(p: Person, departmentName: string | null): FakeUser {
  return { id: p.id, displayName: p.displayName, mail: p.email, userPrincipalName: p.email, department: departmentName, jobTitle: p.jobTitle };
}

/** Serves `fake` to Node's fetch while `work` runs (GraphApi sends through global fetch). */
async function withGraphFetch<T>(fake: FakeGraph, work: () => Promise<T>): Promise<T> {
  const original = globalThis.fetch;
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => fake.handle(new Request(input, init))) as typeof fetch;
  try {
    return await work();
  } finally {
    globalThis.fetch = original;
  }
}

/** Provisions the SharePoint site and writes Emil's pathway, plan, consent and planned meeting. */
async function seed(fake: FakeGraph): Promise<GraphPlanStore> {
  return withGraphFetch(fake, async () => {
    const api = new GraphApi({ tokens: { getToken: () => Promise.resolve(PARTICIPANTS.a.token) }, scopes: ['Sites.Selected'] });
    fake.sharePoint.addSite(SITE);
    const setup = new GraphPlanStoreSetup(api, SITE, new CryptoIds());
    await setup.provision();
    const site = await setup.connect();
    if (site === null) throw new Error('the fake site was not provisioned');
    const store = new GraphPlanStore(api, { siteId: SITE, listIds: site.listIds, auditKey: site.auditKey });
    const data = buildDemoData(new Date());
    await store.saveDepartments(data.departments);
    await store.saveSettings(data.settings);
    const pathway = data.pathways.find((p) => p.id === PATHWAY_ID);
    const planned = data.meetings.find((m) => m.meeting.id === MEETING_ID)?.meeting;
    if (pathway === undefined || planned === undefined) throw new Error('demo data changed: no Emil pathway or meeting');
    await store.savePathway(pathway);
    for (const { version, ...plan } of data.plans.filter((p) => p.pathwayId === PATHWAY_ID)) await store.savePlan(plan, version - 1);
    for (const consent of data.consents.filter((c) => c.pathwayId === PATHWAY_ID)) await store.appendConsentEvent(consent);
    // No calendar event: the minutes' invitation check and attendance report are other tests' business.
    await store.saveMeeting({ ...planned, calendarEventId: null, joinUrl: null });
    return store;
  });
}

interface Participant {
  name: Name;
  context: BrowserContext;
  page: Page;
}

test.describe.configure({ timeout: 150_000 });

test('three participants on one meeting: concurrent, offline and reloaded decisions all end up everywhere exactly once', async ({ browser }) => {
  let fluid: Tinylicious | null = null;
  const contexts: BrowserContext[] = [];
  try {
    fluid = await startTinylicious();
    const fluidUrl = new URL(fluid.endpoint);
    const fluidPattern = new RegExp(`^wss?://localhost:${fluidUrl.port}/`);

    const departmentName = new Map(buildDemoData(new Date()).departments.map((d) => [d.id, d.name]));
    const users = DEMO_STAFF.map((p) => fakeUser(p, p.departmentId === null ? null : (departmentName.get(p.departmentId) ?? null)));
    const userOf = (name: Name) => users.find((u) => u.id === PARTICIPANTS[name].personId) as FakeUser;
    const fake = new FakeGraph({
      me: userOf('a'),
      users,
      meByToken: new Map((Object.keys(PARTICIPANTS) as Name[]).map((n) => [PARTICIPANTS[n].token, userOf(n)])),
    });
    const store = await seed(fake);

    // ---- the network: Graph from the FakeGraph, Fluid's socket through a recording proxy ----
    /** Everything that crossed the Fluid wire (socket frames both ways, HTTP bodies). */
    const fluidWire: string[] = [];
    const offline = new Set<Name>();
    /** Graph requests a participant's page sent while it was offline (setOffline alone may not stop routed requests). */
    const graphWhileOffline = new Map<Name, number>();
    const sockets = new Map<Name, Set<WebSocketRoute>>();
    /** Fluid sessions that reached the document (socket.io `connect_document_success`), per participant. */
    const fluidJoins = new Map<Name, number>();

    const serveGraph = (name: Name) => async (route: Route) => {
      const request = route.request();
      const origin = (await request.headerValue('origin')) ?? '*';
      const cors = { 'access-control-allow-origin': origin, 'access-control-expose-headers': '*' };
      if (offline.has(name)) {
        graphWhileOffline.set(name, (graphWhileOffline.get(name) ?? 0) + 1);
        await route.abort('internetdisconnected');
        return;
      }
      if (request.method() === 'OPTIONS') {
        await route.fulfill({
          status: 204,
          headers: {
            ...cors,
            'access-control-allow-methods': 'GET, POST, PATCH, DELETE',
            'access-control-allow-headers': (await request.headerValue('access-control-request-headers')) ?? '*',
          },
        });
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(await request.allHeaders()).filter(([k]) => !k.startsWith(':') && !['host', 'connection', 'content-length'].includes(k)),
      );
      const body = request.postDataBuffer();
      const response = await fake.handle(new Request(request.url(), { method: request.method(), headers, body: body === null ? undefined : new Uint8Array(body) }));
      if (response.type === 'error') {
        await route.abort('connectionreset');
        return;
      }
      await route.fulfill({
        status: response.status,
        headers: { ...Object.fromEntries(response.headers), ...cors },
        body: Buffer.from(await response.arrayBuffer()),
      });
    };

    const proxyFluid = (name: Name) => (ws: WebSocketRoute) => {
      if (offline.has(name)) {
        // No connection while offline: Fluid keeps trying, and gets through once back online.
        void ws.close({ code: 4000, reason: 'offline' });
        return;
      }
      const open = sockets.get(name) ?? new Set<WebSocketRoute>();
      sockets.set(name, open);
      open.add(ws);
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        fluidWire.push(String(message));
        server.send(message);
      });
      server.onMessage((message) => {
        const text = String(message);
        fluidWire.push(text);
        if (text.includes('connect_document_success')) fluidJoins.set(name, (fluidJoins.get(name) ?? 0) + 1);
        ws.send(message);
      });
      ws.onClose((code, reason) => {
        open.delete(ws);
        void server.close({ code, reason });
      });
      server.onClose((code, reason) => {
        open.delete(ws);
        void ws.close({ code, reason });
      });
    };

    const join = async (name: Name, container: string | undefined): Promise<Participant> => {
      const context = await browser.newContext();
      contexts.push(context);
      await context.route('https://graph.microsoft.com/**', serveGraph(name));
      await context.routeWebSocket(fluidPattern, proxyFluid(name));
      // Fluid's HTTP calls (create, deltas, summaries) are on the wire too.
      context.on('request', (request) => {
        if (request.url().startsWith(fluid?.endpoint ?? '\u0000')) fluidWire.push(`${request.url()} ${request.postData() ?? ''}`);
      });
      const page = await context.newPage();
      await page.goto(participantUrl(name, container));
      await expect(page.locator('html[data-helhed-ready="true"]')).toBeAttached();
      await expect(pageHeading(page)).toHaveText(t.meeting.title);
      return { name, context, page };
    };

    const participantUrl = (name: Name, container: string | undefined): string => {
      const q = new URLSearchParams({ e2e: 'graph', token: PARTICIPANTS[name].token, site: SITE, fluid: fluid?.endpoint ?? '' });
      if (container !== undefined) q.set('container', container);
      return `/?${q.toString()}${MEETING}`;
    };

    /** Waits until `name`'s page has (re)joined the meeting's Fluid document `times` times in all. */
    const joinedFluid = (name: Name, times = 1) =>
      expect.poll(() => fluidJoins.get(name) ?? 0, { message: `${name} joins the Fluid document`, timeout: 30_000 }).toBeGreaterThanOrEqual(times);

    // ---- three people, three PCs, one meeting ----
    const a = await join('a', undefined);
    // A's first join created the meeting's container; the others join that one.
    await expect(a.page.locator('html[data-helhed-e2e-container]')).toBeAttached({ timeout: 30_000 });
    const containerId = (await a.page.locator('html').getAttribute('data-helhed-e2e-container')) ?? undefined;
    expect(containerId).toBeTruthy();
    const [b, c] = await Promise.all([join('b', containerId), join('c', containerId)]);
    const everyone = [a, b, c];
    for (const p of everyone) {
      await joinedFluid(p.name);
      await expect(p.page.getByTestId('meeting-decisions')).toContainText(t.meeting.decisionsEmpty);
      await expect(p.page.getByTestId('sync-state')).toHaveAttribute('data-state', 'saved');
    }

    const rows = (p: Participant) => p.page.getByTestId('meeting-decisions').locator('li[data-decision-id]');
    const fill = async (p: Participant, d: DecisionSpec) => {
      await decisionText(p.page).fill(d.text);
      await fillDecisionDetails(p.page, d);
    };
    const clickSave = (p: Participant) => decisionForm(p.page).getByRole('button', { name: t.meeting.save }).click();
    const saved = async (p: Participant, d: DecisionSpec) => {
      await expect(meetingDecision(p.page, d.text)).toBeVisible();
      await expect(decisionText(p.page)).toHaveValue('');
    };

    // ---- 1. all three capture a decision at the same moment ----
    await Promise.all([fill(a, DECISIONS.a1), fill(b, DECISIONS.b1), fill(c, DECISIONS.c1)]);
    await Promise.all([clickSave(a), clickSave(b), clickSave(c)]);
    await Promise.all([saved(a, DECISIONS.a1), saved(b, DECISIONS.b1), saved(c, DECISIONS.c1)]);
    // Nobody reloads: the others' decisions arrive through the Live Share signal and a re-read.
    for (const p of everyone) {
      for (const d of [DECISIONS.a1, DECISIONS.b1, DECISIONS.c1]) await expect(meetingDecision(p.page, d.text)).toHaveCount(1);
    }

    // ---- 2. B loses the connection: Graph and the Fluid socket ----
    offline.add('b');
    await b.context.setOffline(true);
    for (const ws of [...(sockets.get('b') ?? [])]) await ws.close({ code: 4000, reason: 'offline' });
    await fill(b, DECISIONS.bOffline);
    await clickSave(b);
    // B sees the decision kept on this device, waiting for the connection.
    await expect(b.page.getByTestId('save-state')).toHaveText(t.meeting.saveState.waiting, { timeout: 30_000 });
    await expect(b.page.getByTestId('sync-state')).toHaveAttribute('data-state', 'waiting');

    // ---- 3. meanwhile A saves another, and C types one and reloads before saving it ----
    await fill(a, DECISIONS.a2);
    await clickSave(a);
    await fill(c, DECISIONS.cReloaded);
    await expect(c.page.getByTestId('save-state')).toHaveText(t.meeting.saveState.draftSaved);
    const cJoins = fluidJoins.get('c') ?? 0;
    await c.page.reload();
    await expect(c.page.locator('html[data-helhed-ready="true"]')).toBeAttached();
    // The draft survived the reload, text and details.
    await expect(decisionText(c.page)).toHaveValue(DECISIONS.cReloaded.text);
    await expect(decisionForm(c.page).getByLabel(t.meeting.responsibleLabel)).toHaveValue(DECISIONS.cReloaded.responsibleId);
    await joinedFluid('c', cJoins + 1);
    await saved(a, DECISIONS.a2);
    await clickSave(c);
    await saved(c, DECISIONS.cReloaded);
    // B, offline, still waits; its decision has not reached SharePoint.
    await expect(b.page.getByTestId('sync-state')).toHaveAttribute('data-state', 'waiting');
    expect(decisionItems(fake, DECISIONS.bOffline.text)).toHaveLength(0);

    // ---- 4. B comes back: the outbox sends the waiting decision, once ----
    const bJoins = fluidJoins.get('b') ?? 0;
    offline.delete('b');
    await b.context.setOffline(false);
    await expect(b.page.getByTestId('sync-state')).toHaveAttribute('data-state', 'saved', { timeout: 45_000 });
    await expect(b.page.getByTestId('save-state')).toHaveText(t.meeting.saveState.saved);
    await joinedFluid('b', bJoins + 1);

    // ---- 5. everyone ends with every decision exactly once ----
    for (const p of everyone) {
      await expect(rows(p), `${p.name} lists every decision`).toHaveCount(ALL_TEXTS.length, { timeout: 30_000 });
      for (const text of ALL_TEXTS) await expect(meetingDecision(p.page, text), `${p.name}: ${text}`).toHaveCount(1);
      await expect(p.page.getByTestId('sync-state')).toHaveAttribute('data-state', 'saved');
    }
    // SharePoint holds each decision once, and B's offline one was created by one request.
    for (const text of ALL_TEXTS) expect(decisionItems(fake, text), text).toHaveLength(1);
    const bOfflineId = await meetingDecision(a.page, DECISIONS.bOffline.text).getAttribute('data-decision-id');
    expect(bOfflineId).toBeTruthy();
    expect(creationsOf(fake, bOfflineId ?? '')).toBe(1);
    const stored = await withGraphFetch(fake, () => store.listDecisions({ meetingId: MEETING_ID }));
    expect(stored.map((d) => d.text).sort()).toEqual([...ALL_TEXTS].sort());

    // ---- 6. the tovholder approves the minutes; they contain every decision ----
    await a.page.getByRole('link', { name: t.meeting.toMinutes }).click();
    await expect(pageHeading(a.page)).toHaveText(t.minutes.title);
    const minutes = a.page.getByTestId('minutes');
    for (const text of ALL_TEXTS) await expect(minutes).toContainText(text);
    await a.page.getByRole('button', { name: t.minutes.approve }).click();
    await expect(a.page.getByTestId('minutes-version')).toHaveText(t.minutes.approvedVersion(1));
    const written = await withGraphFetch(fake, () => store.getMinutes(MEETING_ID));
    const writtenText = JSON.stringify(written?.content ?? null);
    for (const text of ALL_TEXTS) expect(writtenText, `approved minutes: ${text}`).toContain(text);
    expect(written?.approvedBy).toBe(PARTICIPANTS.a.personId);

    // ---- 7. the Fluid wire carried signals only ----
    const wire = fluidWire.join('\n');
    expect(wire, 'the capture saw the decision signals').toContain('decision-saved');
    for (const text of ALL_TEXTS) {
      expect(wire).not.toContain(text);
      // A distinctive word too, in case a frame escaped or split the sentence.
      const word = text.split(' ').reduce((x, y) => (y.length > x.length ? y : x));
      expect(wire.toLowerCase(), `no "${word}" on the Fluid wire`).not.toContain(word.toLowerCase().replace(/[.,]/g, ''));
    }
    expect(fake.schemaViolations).toEqual([]);
    test.info().annotations.push({
      type: 'offline',
      description: `Graph requests B's page sent while setOffline(true) (answered with a network error by the route): ${graphWhileOffline.get('b') ?? 0}`,
    });
  } finally {
    for (const context of contexts) await context.close().catch(() => undefined);
    await fluid?.stop();
  }
});

/** The decisions list's items whose stored fields carry `text`. */
function decisionItems(fake: FakeGraph, text: string): unknown[] {
  const list = fake.sharePoint.listByName(SITE, 'HelhedDecisions');
  return [...(list?.items.values() ?? [])].filter((item) => JSON.stringify(item.fields).includes(text));
}

/** Requests (and batch steps) that created a decisions-list item for `decisionId`. */
function creationsOf(fake: FakeGraph, decisionId: string): number {
  const list = fake.sharePoint.listByName(SITE, 'HelhedDecisions');
  const path = `/sites/${SITE}/lists/${list?.id ?? ''}/items`;
  return [...fake.requests, ...fake.batchSteps].filter((r) => r.method === 'POST' && r.path === path && JSON.stringify(r.body).includes(decisionId)).length;
}
