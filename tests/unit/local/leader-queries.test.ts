/**
 * The leader review at scale (issue 6): the local store answers a leader's filter from an
 * index range, never a full scan plus filter, and version 3 of the schema gives decisions
 * stored under version 2 their new index keys.
 */
import Dexie, { type DBCore, type DBCoreQueryRequest } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { HelhedDb } from '../../../src/adapters/local/db';
import { LocalPlanStore } from '../../../src/adapters/local/local-plan-store';
import { at, decision } from '../../contract/support/builders';

/** The index (or '' for the primary key) and key range of every query the store sends to IndexedDB. */
interface SeenQuery {
  table: string;
  index: string;
  lower: unknown;
  upper: unknown;
}

function recordingDb(indexedDB: IDBFactory, name: string): { db: HelhedDb; seen: SeenQuery[] } {
  const db = new HelhedDb(name, { indexedDB, IDBKeyRange });
  const seen: SeenQuery[] = [];
  const record = (table: string, req: DBCoreQueryRequest) =>
    seen.push({ table, index: req.query.index.name ?? '', lower: req.query.range.lower, upper: req.query.range.upper });
  // Dexie's public middleware API: every read the adapter makes passes through DBCore.
  db.use({
    stack: 'dbcore',
    name: 'record-queries',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return {
          ...table,
          query: (req) => {
            record(tableName, req);
            return table.query(req);
          },
          openCursor: (req) => {
            record(tableName, req);
            return table.openCursor(req);
          },
        };
      },
    }),
  });
  return { db, seen };
}

const commit = (departmentId: string) => ({ departmentId, amountDkk: 1000 });

const seed = [
  decision({ id: 'd-1', createdAt: at(0), commitments: [commit('d-social')] }),
  decision({ id: 'd-2', createdAt: at(10), status: 'requires-leader-follow-up', commitments: [commit('d-health'), commit('d-social')] }),
  decision({ id: 'd-3', createdAt: at(20), commitments: [commit('d-job')] }),
  decision({ id: 'd-4', createdAt: at(30), status: 'requires-leader-follow-up', commitments: [commit('d-health')] }),
  decision({ id: 'd-5', createdAt: at(40), commitments: [commit('d-social')] }),
];

const ids = (list: readonly { id: string }[]) => list.map((d) => d.id);
let open: HelhedDb[] = [];

afterEach(async () => {
  for (const db of open) db.close();
  open = [];
});

describe('LocalPlanStore.listDecisions for the leader review', () => {
  it('[R6] departments + status + period is one key range per department on deptStatusAt', async () => {
    const { db, seen } = recordingDb(new IDBFactory(), 'leader-1');
    open.push(db);
    const store = new LocalPlanStore(db);
    await store.appendDecisions(seed, []);
    seen.length = 0;

    const found = await store.listDecisions({
      departmentIds: ['d-social', 'd-health'],
      status: 'requires-leader-follow-up',
      from: at(5),
      to: at(31),
    });

    expect(ids(found)).toStrictEqual(['d-2', 'd-4']);
    const decisionReads = seen.filter((q) => q.table === 'decisions');
    expect(decisionReads.map((q) => q.index)).toSatisfy((names: string[]) => names.length > 0 && names.every((n) => n === 'deptStatusAt'));
    expect(decisionReads.map((q) => [q.lower, q.upper])).toContainEqual([
      ['d-social', 'requires-leader-follow-up', Date.parse(at(5))],
      ['d-social', 'requires-leader-follow-up', Date.parse(at(31))],
    ]);
  });

  it('[R6] departments + period without a status ranges over deptAt, each decision once', async () => {
    const { db, seen } = recordingDb(new IDBFactory(), 'leader-2');
    open.push(db);
    const store = new LocalPlanStore(db);
    await store.appendDecisions(seed, []);
    seen.length = 0;

    const found = await store.listDecisions({ departmentIds: ['d-social', 'd-health'], from: at(10) });

    expect(ids(found)).toStrictEqual(['d-2', 'd-4', 'd-5']);
    const decisionReads = seen.filter((q) => q.table === 'decisions');
    expect(decisionReads.length).toBeGreaterThan(0);
    expect(decisionReads.every((q) => q.index === 'deptAt')).toBe(true);
    // No read of the whole table: every range is bounded to one department.
    expect(decisionReads.every((q) => Array.isArray(q.lower) && Array.isArray(q.upper))).toBe(true);
  });

  it('version 3 gives decisions stored by version 2 their department/time keys', async () => {
    const indexedDB = new IDBFactory();
    // The schema as version 2 shipped it (db.ts), with one decision row as version 2 wrote it.
    const old = new Dexie('upgrade', { indexedDB, IDBKeyRange });
    old.version(1).stores({ decisions: 'id, pathwayId, meetingId, createdAtMs, status, *departmentIds' });
    old.version(2).stores({ consentEvents: '[pathwayId+version], pathwayId', audit: 'id, pathwayId, [pathwayId+atMs]' });
    const d = decision({ id: 'd-old', createdAt: at(0), status: 'requires-leader-follow-up', commitments: [commit('d-health')] });
    await old.table('decisions').add({ ...d, createdAtMs: Date.parse(d.createdAt), departmentIds: ['d-health'] });
    old.close();

    const db = new HelhedDb('upgrade', { indexedDB, IDBKeyRange });
    open.push(db);
    const store = new LocalPlanStore(db);
    expect(ids(await store.listDecisions({ departmentIds: ['d-health'], status: 'requires-leader-follow-up' }))).toStrictEqual(['d-old']);
    expect(ids(await store.listDecisions({ departmentIds: ['d-health'], from: at(-1), to: at(1) }))).toStrictEqual(['d-old']);
  });
});
