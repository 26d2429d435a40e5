import { LocalCalendar } from '../adapters/local/local-calendar';
import { LocalPlanStore } from '../adapters/local/local-plan-store';
import { CryptoIds } from '../adapters/local/crypto-ids';
import type { HelhedDb } from '../adapters/local/db';
import type { Clock } from '../ports/clock';
import type { Ids } from '../ports/ids';
import { buildDemoData } from './demo-data';

export interface SeedResult {
  /** false when the database already held data and nothing was written. */
  seeded: boolean;
}

/**
 * Fills an empty local database with the demo (see ./demo-data.ts), dated around
 * `clock.now()`. Does nothing if the database holds any departments, settings or pathways, so
 * it is safe to call on every start. The check and the writes share one transaction: two tabs
 * opened at once cannot both seed. `ids` names the demo's calendar events.
 */
export async function seedDemoData(db: HelhedDb, clock: Clock, ids: Ids = new CryptoIds()): Promise<SeedResult> {
  return db.transaction('rw', db.tables, async () => {
    const existing = (await db.departments.count()) + (await db.settings.count()) + (await db.pathways.count());
    if (existing > 0) return { seeded: false };

    const data = buildDemoData(clock.now());
    const store = new LocalPlanStore(db);
    const calendar = new LocalCalendar(db, ids);

    await store.saveDepartments(data.departments);
    await store.saveSettings(data.settings);
    for (const pathway of data.pathways) await store.savePathway(pathway);
    for (const { version, ...plan } of data.plans) await store.savePlan(plan, version - 1);
    for (const { meeting, event, responses } of data.meetings) {
      const created = await calendar.createEvent(event);
      for (const { email, response } of responses) await calendar.respond(created.id, email, response);
      await store.saveMeeting({ ...meeting, calendarEventId: created.id, joinUrl: created.joinUrl });
    }
    await store.appendDecisions(data.decisions, data.actions);
    for (const consent of data.consents) await store.appendConsentEvent(consent);
    for (const minutes of data.minutes) await store.writeMinutes(minutes);
    await calendar.putBusyBlocks(data.busyBlocks);
    return { seeded: true };
  });
}
