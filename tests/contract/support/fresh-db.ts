import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { HelhedDb } from '../../../src/adapters/local/db';

export interface FreshIndexedDb {
  /** Opens the database again on the same IndexedDB: a reload, or a second tab. */
  open(name?: string): HelhedDb;
  /** Closes every connection first, so the delete is not blocked by a "second tab". */
  cleanup(): Promise<void>;
}

/**
 * A private in-memory IndexedDB per call: tests cannot see each other's data, whatever name
 * they use.
 */
export function freshIndexedDb(): FreshIndexedDb {
  const indexedDB = new IDBFactory();
  const connections: HelhedDb[] = [];
  return {
    open: (name = 'helhed-test') => {
      const db = new HelhedDb(name, { indexedDB, IDBKeyRange });
      connections.push(db);
      return db;
    },
    cleanup: async () => {
      for (const db of connections) db.close();
      for (const db of connections.splice(0)) await db.delete();
    },
  };
}

/** One connection to a private IndexedDB; `cleanup` deletes it. */
export function freshDb(): { db: HelhedDb; cleanup(): Promise<void> } {
  const idb = freshIndexedDb();
  return { db: idb.open(), cleanup: idb.cleanup };
}
