/**
 * The PlanStore contract against OutboxPlanStore wrapping LocalPlanStore: the decorator must be
 * invisible when the inner store answers (every write confirmed at once, every error thrown).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { FixedClock } from '../../src/adapters/local/fixed-clock';
import { LocalPlanStore } from '../../src/adapters/local/local-plan-store';
import { Outbox, OutboxDb } from '../../src/adapters/local/outbox';
import { OutboxPlanStore } from '../../src/adapters/local/outbox-plan-store';
import { describePlanStoreContract } from './plan-store.contract';
import { freshDb } from './support/fresh-db';

describePlanStoreContract('OutboxPlanStore over LocalPlanStore (Dexie on fake-indexeddb)', async () => {
  const { db, cleanup } = freshDb();
  const outboxDb = new OutboxDb('helhed-outbox-test', { indexedDB: new IDBFactory(), IDBKeyRange });
  const clock = new FixedClock('2031-03-11T08:00:00.000Z');
  const store = new OutboxPlanStore(new LocalPlanStore(db), new Outbox(outboxDb, clock, { owner: 'p-coordinator' }), clock);
  return {
    store,
    cleanup: async () => {
      outboxDb.close();
      await outboxDb.delete();
      await cleanup();
    },
  };
});
