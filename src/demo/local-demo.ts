import { BroadcastMeetingChannel } from '../adapters/local/broadcast-meeting-channel';
import { HELHED_DB_NAME, HelhedDb } from '../adapters/local/db';
import { LocalCalendar } from '../adapters/local/local-calendar';
import { LocalDirectory } from '../adapters/local/local-directory';
import { LocalNotifier } from '../adapters/local/local-notifier';
import { LocalPlanStore } from '../adapters/local/local-plan-store';
import type { Clock } from '../ports/clock';
import type { Ids } from '../ports/ids';
import { DEMO_DEFAULT_USER_ID, DEMO_STAFF } from './demo-data';
import { seedDemoData } from './seed';

export interface LocalDemo {
  db: HelhedDb;
  store: LocalPlanStore;
  calendar: LocalCalendar;
  directory: LocalDirectory;
  channel: BroadcastMeetingChannel;
  /** No Teams feed here: notices to the responsible person are recorded in this tab (LocalNotifier). */
  notifier: LocalNotifier;
  /** true when this call filled an empty database. */
  seeded: boolean;
}

/** Standalone mode's adapters over one seeded database, for the composition root and e2e tests. */
export async function openLocalDemo(options: {
  clock: Clock;
  ids: Ids;
  dbName?: string;
  /** e.g. a fresh fake-indexeddb factory in tests (Dexie's options, kept opaque here). */
  dbOptions?: ConstructorParameters<typeof HelhedDb>[1];
}): Promise<LocalDemo> {
  const db = new HelhedDb(options.dbName ?? HELHED_DB_NAME, options.dbOptions);
  const { seeded } = await seedDemoData(db, options.clock, options.ids);
  return {
    db,
    store: new LocalPlanStore(db),
    calendar: new LocalCalendar(db, options.ids),
    directory: new LocalDirectory(db, DEMO_STAFF, DEMO_DEFAULT_USER_ID),
    channel: new BroadcastMeetingChannel(options.ids),
    notifier: new LocalNotifier(),
    seeded,
  };
}
