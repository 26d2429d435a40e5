/**
 * The page of the leader review benchmark (bench/leader-review.mjs), built with Vite and
 * loaded in Chromium. It seeds the real local store (IndexedDB through LocalPlanStore) with the
 * deterministic volume of src/demo/volume.ts and exposes `window.helhedLeaderBench`; Node calls
 * one measurement at a time, each on a fresh React root.
 *
 * Two contenders per measurement, same rows, same page:
 * - app: the real components (DecisionsTable, LeaderReviewScreen) with Fluent, i18n and the
 *   session, over the real use case and store;
 * - floor: ./bare-table.tsx, the same virtualizer with plain text cells, fed the same rows.
 */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { BroadcastMeetingChannel } from '../../src/adapters/local/broadcast-meeting-channel';
import { HelhedDb } from '../../src/adapters/local/db';
import { FixedClock } from '../../src/adapters/local/fixed-clock';
import { LocalCalendar } from '../../src/adapters/local/local-calendar';
import { LocalDirectory } from '../../src/adapters/local/local-directory';
import { LocalPlanStore } from '../../src/adapters/local/local-plan-store';
import { SequentialIds } from '../../src/adapters/local/sequential-ids';
import { reviewConsent, reviewDecisions, type ReviewRow } from '../../src/application';
import { DEMO_DEPARTMENTS, DEMO_STAFF } from '../../src/demo/demo-data';
import { seedDemoData } from '../../src/demo/seed';
import { generateVolume, seedVolume } from '../../src/demo/volume';
import type { Person } from '../../src/domain/model';
import { DecisionsTable } from '../../src/features/leader-review/decisions-table';
import { DEFAULT_SORT } from '../../src/features/leader-review/leader-query';
import { LeaderReviewScreen } from '../../src/features/leader-review/leader-review-screen';
import { I18nProvider } from '../../src/ui/i18n';
import { SessionProvider, type Session } from '../../src/ui/services-context';
import { BareTable, type BareRow } from './bare-table';

export type Contender = 'app' | 'floor';

export interface LeaderBenchApi {
  /** Seeds (untimed) a fresh database; returns what the leader sees. */
  prepare(pathways: number, decisionsPerPathway: number): Promise<{ decisions: number; rows: number; seedMs: number }>;
  /** Rows already in memory to the first rows on screen. */
  firstRows(contender: Contender): Promise<number>;
  /** Frame times (ms) while scrolling `frames` frames down the table, `step` px per frame. */
  scroll(contender: Contender, frames: number, step: number): Promise<number[]>;
  /** Mount to first rows, reading from the store (the app: the whole review). */
  fullLoad(contender: Contender): Promise<number>;
  /** A filter change to the new rows on screen. Returns ms and the new row count. */
  filterChange(contender: Contender): Promise<{ ms: number; rows: number }>;
  /** The data alone: reviewDecisions (app) or one listDecisions (floor) for every department. */
  useCase(contender: Contender): Promise<number>;
  /** Where a filter change's time goes: each read of the use case, alone (ms). */
  breakdown(): Promise<Record<string, number>>;
}

declare global {
  interface Window {
    helhedLeaderBench?: LeaderBenchApi;
  }
}

const NOW = '2026-11-27T09:00:00.000Z';
const TABLE_HEIGHT = 76 * 9 + 40;
/** Leads every department: all 50,000 decisions are in scope. */
const LEADER: Person = {
  id: 'bench-leader',
  displayName: 'Bente Bench',
  email: 'bente.bench@kommune.example',
  departmentId: DEMO_DEPARTMENTS[0]?.id ?? null,
  jobTitle: 'Direktør',
  leaderOf: DEMO_DEPARTMENTS.map((d) => d.id),
};
/** The filter change measured: one department's escalations. */
const FILTER = { query: 'dept=dept-health&status=requires-leader-follow-up', departmentIds: ['dept-health'], status: 'requires-leader-follow-up' as const };

let session: Session | null = null;
let rows: ReviewRow[] = [];
let bare: BareRow[] = [];
let root: Root | null = null;

const dateFormat = new Intl.DateTimeFormat('da-DK', { dateStyle: 'medium', timeZone: 'Europe/Copenhagen' });

function toBare(list: readonly ReviewRow[]): BareRow[] {
  return list.map((r) => ({
    id: r.decision.id,
    cells: [
      dateFormat.format(new Date(r.decision.createdAt)),
      `${r.pathway.initials} · ${r.pathway.caseRef}`,
      r.decision.text,
      r.decision.commitments.map((c) => c.departmentId).join(', '),
      r.responsibleName,
      r.decision.dueDate,
      r.decision.status,
      r.decision.citizenPosition,
      'Plan Referat Møde',
    ],
  }));
}

function need<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`${what}: call prepare() first`);
  return value;
}

function fresh(): { container: HTMLElement; render: (node: ReactNode) => void } {
  root?.unmount();
  const container = document.getElementById('root');
  if (!container) throw new Error('no #root');
  container.replaceChildren();
  root = createRoot(container);
  const r = root;
  return { container, render: (node) => r.render(node) };
}

function Providers({ children }: { children: ReactNode }) {
  return (
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider locale="da">
        <SessionProvider session={need(session, 'session')}>{children}</SessionProvider>
      </I18nProvider>
    </FluentProvider>
  );
}

/** Resolves at the first frame after `done()` holds, checked on every DOM change. */
function until(container: HTMLElement, done: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const painted = () => requestAnimationFrame(() => setTimeout(resolve, 0));
    if (done()) {
      painted();
      return;
    }
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      painted();
    });
    observer.observe(container, { childList: true, subtree: true, characterData: true, attributes: true });
  });
}

const hasRows = (container: HTMLElement) => () => container.querySelector('[data-decision-id]') !== null;

/**
 * After an app measurement, waits until the screen's other loads (consent, the charts) are done:
 * promises cannot be cancelled, so a left-over load would otherwise be billed to the next run.
 */
async function settleApp(container: HTMLElement): Promise<void> {
  await until(
    container,
    () =>
      container.querySelector('[data-testid="leader-consent"]') !== null &&
      container.querySelector('[data-testid="leader-results"]')?.getAttribute('data-state') === 'ready',
  );
  await new Promise((r) => setTimeout(r, 500));
}

/**
 * The app shell (FluentProvider, i18n, session) stays mounted between table measurements, as it
 * does in the app: both contenders are mounted inside it, so only the table itself is timed.
 */
let showTable: ((node: ReactNode) => void) | null = null;

function Shell() {
  const [node, setNode] = useState<ReactNode>(null);
  showTable = setNode;
  return <Providers>{node}</Providers>;
}

async function mountTable(contender: Contender): Promise<{ ms: number; container: HTMLElement }> {
  const { container, render } = fresh();
  render(<Shell />);
  await new Promise((r) => setTimeout(r, 100));
  const show = need(showTable, 'shell');
  const t0 = performance.now();
  show(
    contender === 'app' ? (
      <DecisionsTable rows={rows} sort={DEFAULT_SORT} onSort={() => undefined} />
    ) : (
      <BareTable rows={bare} height={TABLE_HEIGHT} />
    ),
  );
  await until(container, hasRows(container));
  return { ms: performance.now() - t0, container };
}

function Switchable({ initial, children }: { initial: string; children: (query: string, set: (q: string) => void) => ReactNode }) {
  const [query, setQuery] = useState(initial);
  return <>{children(query, setQuery)}</>;
}

const api: LeaderBenchApi = {
  async prepare(pathways, decisionsPerPathway) {
    const name = `bench-leader-${pathways}x${decisionsPerPathway}`;
    await new HelhedDb(name).delete();
    const db = new HelhedDb(name);
    const clock = new FixedClock(NOW);
    const t0 = performance.now();
    await seedDemoData(db, clock, new SequentialIds('seed'));
    const store = new LocalPlanStore(db);
    const volume = generateVolume({ pathways, decisionsPerPathway, departments: DEMO_DEPARTMENTS, staff: DEMO_STAFF, now: NOW, seed: 2026 });
    await seedVolume(store, volume);
    const seedMs = performance.now() - t0;
    const directory = new LocalDirectory(db, [...DEMO_STAFF, LEADER], LEADER.id);
    const services = {
      store,
      calendar: new LocalCalendar(db, new SequentialIds('evt')),
      directory,
      channel: new BroadcastMeetingChannel(new SequentialIds('ch')),
      clock,
      ids: new SequentialIds('id'),
    };
    session = { services, me: await directory.me(), departments: await store.listDepartments() };
    const review = await reviewDecisions(services, { departmentIds: [], status: 'all', from: null, to: null, responsibleId: null, onlyOverdue: false });
    rows = review.rows;
    bare = toBare(rows);
    return { decisions: volume.decisions.length, rows: rows.length, seedMs };
  },

  async firstRows(contender) {
    return (await mountTable(contender)).ms;
  },

  async scroll(contender, frames, step) {
    const { container } = await mountTable(contender);
    const scroller = container.querySelector<HTMLElement>(contender === 'app' ? '[data-testid="leader-decisions-table"]' : '[data-bench-scroller]');
    if (!scroller) throw new Error('no scroller');
    await new Promise((r) => setTimeout(r, 200));
    return new Promise((resolve) => {
      const times: number[] = [];
      let last = -1;
      const frame = (now: number) => {
        if (last >= 0) times.push(now - last);
        last = now;
        if (times.length >= frames) {
          resolve(times);
          return;
        }
        scroller.scrollTop += step;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
  },

  async fullLoad(contender) {
    const s = need(session, 'session');
    const { container, render } = fresh();
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    if (contender === 'app') {
      render(
        <Providers>
          <LeaderReviewScreen query="" />
        </Providers>,
      );
    } else {
      const decisions = await s.services.store.listDecisions({ departmentIds: s.me.leaderOf });
      const list: BareRow[] = decisions.map((d) => ({ id: d.id, cells: [d.createdAt, d.pathwayId, d.text, '', d.responsibleId, d.dueDate, d.status, d.citizenPosition, ''] }));
      render(<BareTable rows={list} height={TABLE_HEIGHT} />);
    }
    await until(container, hasRows(container));
    const ms = performance.now() - t0;
    if (contender === 'app') await settleApp(container);
    return ms;
  },

  async breakdown() {
    const s = need(session, 'session');
    const { store } = s.services;
    const out: Record<string, number> = {};
    const time = async (label: string, run: () => Promise<unknown>) => {
      await new Promise((r) => setTimeout(r, 100));
      const t0 = performance.now();
      await run();
      out[label] = Math.round(performance.now() - t0);
    };
    await time('listDecisions(filter)', () => store.listDecisions({ departmentIds: FILTER.departmentIds, status: FILTER.status }));
    await time('listPathways', () => store.listPathways());
    await time('listMeetings', () => store.listMeetings({}));
    const ids = (await store.listDecisions({ departmentIds: FILTER.departmentIds, status: FILTER.status })).map((d) => d.id);
    await time(`listActions(${ids.length} ids)`, () => store.listActions({ decisionIds: ids }));
    await time('reviewDecisions(filter)', () =>
      reviewDecisions(s.services, { departmentIds: FILTER.departmentIds, status: FILTER.status, from: null, to: null, responsibleId: null, onlyOverdue: false }),
    );
    await time('reviewConsent(dept-health)', () => reviewConsent(s.services, FILTER.departmentIds));
    return out;
  },

  async useCase(contender) {
    const s = need(session, 'session');
    await new Promise((r) => setTimeout(r, 200));
    const t0 = performance.now();
    if (contender === 'app') {
      await reviewDecisions(s.services, { departmentIds: [], status: 'all', from: null, to: null, responsibleId: null, onlyOverdue: false });
    } else {
      await s.services.store.listDecisions({ departmentIds: s.me.leaderOf });
    }
    return performance.now() - t0;
  },

  async filterChange(contender) {
    const s = need(session, 'session');
    const { container, render } = fresh();
    const count = () => container.querySelectorAll('[data-decision-id]').length;
    if (contender === 'app') {
      let setQuery: (q: string) => void = () => undefined;
      render(
        <Providers>
          <Switchable initial="">
            {(query, set) => {
              setQuery = set;
              return <LeaderReviewScreen query={query} />;
            }}
          </Switchable>
        </Providers>,
      );
      const countText = () => container.querySelector('[data-testid="leader-decisions-count"]')?.textContent ?? '';
      await until(container, hasRows(container));
      // Let the first load's pictures and consent settle, so only the change is timed.
      await settleApp(container);
      const before = countText();
      const t0 = performance.now();
      flushSync(() => setQuery(FILTER.query));
      await until(container, () => countText() !== before && container.querySelector('[data-testid="leader-results"]')?.getAttribute('data-state') === 'ready');
      const ms = performance.now() - t0;
      await settleApp(container);
      return { ms, rows: Number(countText().replace(/\D/g, '')) };
    }
    render(<BareTable rows={bare} height={TABLE_HEIGHT} />);
    await until(container, hasRows(container));
    await new Promise((r) => setTimeout(r, 500));
    const firstBefore = container.querySelector('[data-decision-id]')?.getAttribute('data-decision-id');
    const t0 = performance.now();
    const decisions = await s.services.store.listDecisions({ departmentIds: FILTER.departmentIds, status: FILTER.status });
    const list: BareRow[] = decisions.map((d) => ({ id: d.id, cells: [d.createdAt, d.pathwayId, d.text, '', d.responsibleId, d.dueDate, d.status, d.citizenPosition, ''] }));
    render(<BareTable rows={list} height={TABLE_HEIGHT} />);
    await until(container, () => container.querySelector('[data-decision-id]')?.getAttribute('data-decision-id') !== firstBefore && count() > 0);
    return { ms: performance.now() - t0, rows: decisions.length };
  },
};

window.helhedLeaderBench = api;
