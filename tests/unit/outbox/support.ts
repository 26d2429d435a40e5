/** Test doubles for the outbox: a fault-injecting PlanStore and a fresh outbox per test. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { FixedClock } from '../../../src/adapters/local/fixed-clock';
import { LocalPlanStore } from '../../../src/adapters/local/local-plan-store';
import { Outbox, OutboxDb, type OutboxOptions } from '../../../src/adapters/local/outbox';
import { OutboxPlanStore, type OutboxPlanStoreOptions } from '../../../src/adapters/local/outbox-plan-store';
import { prng } from '../../../src/demo/volume';
import type { PlanStore } from '../../../src/ports/plan-store';
import { freshIndexedDb } from '../../contract/support/fresh-db';

/** Errors shaped like src/adapters/graph/graph-errors.ts, built without importing it. */
export function httpError(status: number, name: string, code: string, extra: Record<string, unknown> = {}): Error {
  const error = new Error(`HTTP ${status}`);
  return Object.assign(error, { name, code, status, ...extra });
}
export const throttled = (retryAfterMs: number | null): Error =>
  httpError(429, 'GraphThrottledError', 'GRAPH_THROTTLED', { retryAfterMs });
export const unavailable = (status = 503): Error => httpError(status, 'GraphServiceUnavailableError', 'GRAPH_SERVICE_UNAVAILABLE');
export const preconditionFailed = (): Error => httpError(412, 'GraphPreconditionFailedError', 'GRAPH_PRECONDITION_FAILED');
export const offline = (): Error => new TypeError('Failed to fetch');

/** A seeded PRNG (the demo volume's mulberry32), so a failing run can be replayed. */
export const seeded = prng;

export interface FaultRates {
  /** 429, half with a Retry-After the browser could read, half without. */
  throttled: number;
  /** 503 before anything was written. */
  unavailable: number;
  /** The write lands, then the answer is a 504. */
  committedThen504: number;
  /** The connection drops (TypeError: Failed to fetch), half before the write lands, half after. */
  dropped: number;
}

export interface FaultStats {
  calls: number;
  throttled: number;
  unavailable: number;
  committedThen504: number;
  droppedBefore: number;
  droppedAfter: number;
  /** Calls that returned normally: the writes the caller saw confirmed. */
  confirmed: number;
}

const WRITES = new Set(['appendDecisions', 'saveMeeting', 'writeMinutes', 'setActionStatus']);

/**
 * Wraps a PlanStore; each write call fails with the given probabilities. Reads pass. `mode`
 * can be switched at any time: 'flaky', 'offline' (every write throws before landing) or 'healthy'.
 */
export function flakyStore(inner: PlanStore, rates: FaultRates, random: () => number) {
  const stats: FaultStats = { calls: 0, throttled: 0, unavailable: 0, committedThen504: 0, droppedBefore: 0, droppedAfter: 0, confirmed: 0 };
  const control = { mode: 'flaky' as 'flaky' | 'offline' | 'healthy' };
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !WRITES.has(property) || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        stats.calls += 1;
        const land = () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        const call = async () => {
          const result = await land();
          stats.confirmed += 1;
          return result;
        };
        if (control.mode === 'offline') throw offline();
        if (control.mode === 'healthy') return call();
        let r = random();
        if ((r -= rates.throttled) < 0) {
          stats.throttled += 1;
          throw throttled(random() < 0.5 ? 10_000 : null);
        }
        if ((r -= rates.unavailable) < 0) {
          stats.unavailable += 1;
          throw unavailable();
        }
        if ((r -= rates.committedThen504) < 0) {
          stats.committedThen504 += 1;
          await land();
          throw unavailable(504);
        }
        if ((r -= rates.dropped) < 0) {
          if (random() < 0.5) {
            stats.droppedBefore += 1;
            throw offline();
          }
          stats.droppedAfter += 1;
          await land();
          throw offline();
        }
        return call();
      };
    },
  });
  return { store: store as PlanStore, stats, control };
}

/** Counts calls per method name on a PlanStore. */
export function counting(inner: PlanStore): { store: PlanStore; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(property, (calls.get(property) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: store as PlanStore, calls };
}

/**
 * A LocalPlanStore (the "server") and an outbox database on their own fake IndexedDBs. `open`
 * makes a new OutboxPlanStore over a NEW connection to the same outbox database: a page reload.
 */
export function outboxWorld(start = '2031-03-11T08:00:00.000Z') {
  const server = freshIndexedDb();
  const local = new LocalPlanStore(server.open());
  const outboxIdb = new IDBFactory();
  const connections: OutboxDb[] = [];
  const clock = new FixedClock(start);
  return {
    local,
    clock,
    open(inner: PlanStore, options: OutboxPlanStoreOptions & Partial<OutboxOptions> = {}) {
      const db = new OutboxDb('helhed-outbox', { indexedDB: outboxIdb, IDBKeyRange });
      connections.push(db);
      const outbox = new Outbox(db, clock, { ...options, owner: options.owner ?? 'user-a' });
      return { store: new OutboxPlanStore(inner, outbox, clock, options), outbox, db };
    },
    async cleanup() {
      for (const db of connections) db.close();
      for (const db of connections.splice(0)) await db.delete();
      await server.cleanup();
    },
  };
}
