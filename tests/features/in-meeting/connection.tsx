/**
 * The side panel as it runs in Teams mode: the plan store behind the outbox
 * (src/adapters/local/outbox-plan-store.ts), with a connection the test can cut. The "server"
 * is the harness's LocalPlanStore; the outbox has its own fake IndexedDB, so a new
 * `openPanelStore` over it is what a reload or a crashed tab comes back to.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Outbox, OutboxDb } from '../../../src/adapters/local/outbox';
import { OutboxPlanStore } from '../../../src/adapters/local/outbox-plan-store';
import type { PlanStore } from '../../../src/ports/plan-store';
import type { Session } from '../../../src/ui/services-context';
import type { Harness } from '../demo-harness';

/** `offline`: every call fails as fetch does without a network; `writes-fail`: only writes (503). */
export type ConnectionMode = 'online' | 'offline' | 'writes-fail';

const WRITES = new Set(['appendDecisions', 'saveMeeting', 'writeMinutes', 'setActionStatus', 'saveDraft', 'deleteDraft']);

/** The server behind a connection; counts the calls that reached it. */
export function connection(inner: PlanStore) {
  const control = { mode: 'online' as ConnectionMode };
  const reached = new Map<string, number>();
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (control.mode === 'offline') throw new TypeError('Failed to fetch');
        if (control.mode === 'writes-fail' && WRITES.has(property)) {
          throw Object.assign(new Error('HTTP 503'), { name: 'GraphServiceUnavailableError', code: 'GRAPH_SERVICE_UNAVAILABLE', status: 503 });
        }
        reached.set(property, (reached.get(property) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: store as PlanStore, control, reached };
}

/** One IndexedDB for the outbox of every "page load" in a test. */
export function outboxDevice() {
  const idb = new IDBFactory();
  const open: OutboxDb[] = [];
  return {
    /** A page load: a new OutboxPlanStore over a new connection to the same outbox. */
    async openPanelSession(h: Harness, server: PlanStore): Promise<{ session: Session; store: OutboxPlanStore; db: OutboxDb }> {
      const db = new OutboxDb('helhed-outbox', { indexedDB: idb, IDBKeyRange });
      open.push(db);
      // No back-off in the test: the connection decides, not the clock.
      const store = new OutboxPlanStore(server, new Outbox(db, h.clock, { owner: 'staff-anders' }), h.clock, { baseDelayMs: 0 });
      const base = await h.session();
      return { session: { ...base, services: { ...base.services, store, writeStatus: store } }, store, db };
    },
    close() {
      for (const db of open.splice(0)) db.close();
    },
  };
}
