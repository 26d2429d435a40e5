/**
 * The page of the store benchmark (bench/store.mjs), built with Vite and loaded in Chromium.
 * It exposes `window.helhedStoreBench`; Node calls it once per measurement, so each run gets
 * a fresh database and Node sees progress between runs.
 *
 * Two contenders, same decisions, same page:
 * - raw: IndexedDB by hand, one object store keyed by `id` with the indexes of the store's
 *   `decisions` table (src/adapters/local/db.ts): the least any embedded store could cost.
 * - store: `LocalPlanStore` over `openHelhedDb`, used through the PlanStore port as the app does.
 */
import { LocalPlanStore } from '../../src/adapters/local/local-plan-store';
import { openHelhedDb } from '../../src/adapters/local/db';
import type { Decision } from '../../src/domain/model';
import { makeDecisions, pathwayId, PATHWAYS } from './decisions';

/**
 * One run of one contender. `readPathwayMs` is the mean of PATHWAY_READS reads of distinct
 * pathways; `readAllMs` the median of READ_ALL_REPEATS reads of everything.
 */
export interface RunTimings {
  writeMs: number;
  readPathwayMs: number;
  readAllMs: number;
  /** Rows returned by one pathway read (every read returns the same number). */
  pathwayRows: number;
  allRows: number;
}

export interface StoreBenchApi {
  /** Generates (untimed) and caches the `count` decisions both contenders write. */
  prepare(count: number): number;
  raw(count: number, tag: string): Promise<RunTimings>;
  store(count: number, tag: string): Promise<RunTimings>;
}

declare global {
  interface Window {
    helhedStoreBench?: StoreBenchApi;
    /** Present when Chromium runs with --js-flags=--expose-gc. */
    gc?: () => void;
  }
}

/** Distinct pathways read one after another; one read of ~100 rows is too short to time alone. */
const PATHWAY_READS = 10;
const pathwaysToRead = Array.from({ length: PATHWAY_READS }, (_, i) => pathwayId((i * 37) % PATHWAYS));

const prepared = new Map<number, Decision[]>();

function decisionsFor(count: number): Decision[] {
  const decisions = prepared.get(count);
  if (decisions === undefined) throw new Error(`prepare(${count}) was not called`);
  return decisions;
}

/** Reads of all N per run; their median is the run's value (a read-all is cheap next to a write). */
const READ_ALL_REPEATS = 3;

/**
 * Collects garbage left by the previous phase, so it is not billed to the next one, and gives
 * IndexedDB's background work after a big write (LevelDB flush and compaction) a moment.
 */
function settle(ms = 300): Promise<void> {
  window.gc?.();
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Median time of `repeats` sequential calls; returns the last call's row count too. */
async function timeRepeated(repeats: number, read: () => Promise<readonly unknown[]>): Promise<{ ms: number; rows: number }> {
  const times: number[] = [];
  let rows = -1;
  for (let i = 0; i < repeats; i += 1) {
    await settle(100);
    const t0 = performance.now();
    rows = (await read()).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] ?? Number.NaN, rows };
}

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });

const completion = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

function openRaw(name: string): Promise<IDBDatabase> {
  const req = indexedDB.open(name, 1);
  req.onupgradeneeded = () => {
    // The same key and indexes as HelhedDb's newest decisions table (version 3):
    // decisions: 'id, pathwayId, meetingId, createdAtMs, status, *departmentIds, *deptAt, *deptStatusAt'
    const store = req.result.createObjectStore('decisions', { keyPath: 'id' });
    store.createIndex('pathwayId', 'pathwayId');
    store.createIndex('meetingId', 'meetingId');
    store.createIndex('createdAtMs', 'createdAtMs');
    store.createIndex('status', 'status');
    store.createIndex('departmentIds', 'departmentIds', { multiEntry: true });
    store.createIndex('deptAt', 'deptAt', { multiEntry: true });
    store.createIndex('deptStatusAt', 'deptStatusAt', { multiEntry: true });
  };
  return request(req);
}

async function deleteRaw(name: string): Promise<void> {
  await request(indexedDB.deleteDatabase(name));
}

function checkRows(label: string, count: number, timings: RunTimings): RunTimings {
  if (timings.allRows !== count || timings.pathwayRows !== count / PATHWAYS) {
    throw new Error(
      `${label}: read ${timings.allRows} of ${count} decisions and ${timings.pathwayRows} per pathway ` +
        `(expected ${count / PATHWAYS})`,
    );
  }
  return timings;
}

async function runRaw(count: number, tag: string): Promise<RunTimings> {
  const decisions = decisionsFor(count);
  const name = `bench-raw-${count}-${tag}`;
  await deleteRaw(name);
  const db = await openRaw(name);
  try {
    await settle();
    let t0 = performance.now();
    const tx = db.transaction('decisions', 'readwrite');
    const done = completion(tx);
    const store = tx.objectStore('decisions');
    for (const d of decisions) {
      // The storage-only index fields the embedded store adds; an index needs them too.
      const createdAtMs = Date.parse(d.createdAt);
      const departmentIds = [...new Set(d.commitments.map((c) => c.departmentId))];
      store.put({
        ...d,
        createdAtMs,
        departmentIds,
        deptAt: departmentIds.map((dep) => [dep, createdAtMs]),
        deptStatusAt: departmentIds.map((dep) => [dep, d.status, createdAtMs]),
      });
    }
    await done;
    const writeMs = performance.now() - t0;

    await settle();
    let pathwayRows = -1;
    t0 = performance.now();
    for (const id of pathwaysToRead) {
      const rows = await request(db.transaction('decisions', 'readonly').objectStore('decisions').index('pathwayId').getAll(id));
      if (pathwayRows !== -1 && rows.length !== pathwayRows) throw new Error(`raw: pathways differ in size`);
      pathwayRows = rows.length;
    }
    const readPathwayMs = (performance.now() - t0) / PATHWAY_READS;

    const all = await timeRepeated(READ_ALL_REPEATS, () =>
      request(db.transaction('decisions', 'readonly').objectStore('decisions').getAll()),
    );

    return checkRows('raw', count, { writeMs, readPathwayMs, readAllMs: all.ms, pathwayRows, allRows: all.rows });
  } finally {
    db.close();
    await deleteRaw(name);
  }
}

async function runStore(count: number, tag: string): Promise<RunTimings> {
  const decisions = decisionsFor(count);
  const db = openHelhedDb(`bench-store-${count}-${tag}`);
  try {
    await db.delete();
    await db.open(); // creating the schema is not part of any measurement
    const store = new LocalPlanStore(db);
    await settle();
    let t0 = performance.now();
    // One call with every decision, like src/demo/seed.ts; no actions (the raw floor has none).
    await store.appendDecisions(decisions, []);
    const writeMs = performance.now() - t0;

    await settle();
    let pathwayRows = -1;
    t0 = performance.now();
    for (const id of pathwaysToRead) {
      const rows = await store.listDecisions({ pathwayId: id });
      if (pathwayRows !== -1 && rows.length !== pathwayRows) throw new Error(`store: pathways differ in size`);
      pathwayRows = rows.length;
    }
    const readPathwayMs = (performance.now() - t0) / PATHWAY_READS;

    const all = await timeRepeated(READ_ALL_REPEATS, () => store.listDecisions({}));

    return checkRows('store', count, { writeMs, readPathwayMs, readAllMs: all.ms, pathwayRows, allRows: all.rows });
  } finally {
    await db.delete();
  }
}

window.helhedStoreBench = {
  prepare(count) {
    if (count % PATHWAYS !== 0) throw new Error(`count must be a multiple of ${PATHWAYS}`);
    if (!prepared.has(count)) prepared.set(count, makeDecisions(count));
    return decisionsFor(count).length;
  },
  raw: runRaw,
  store: runStore,
};
