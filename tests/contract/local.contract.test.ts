/** Runs every port contract against the local (standalone-mode) adapters in Node. */
import { BroadcastMeetingChannel } from '../../src/adapters/local/broadcast-meeting-channel';
import { LocalCalendar } from '../../src/adapters/local/local-calendar';
import { LocalDirectory } from '../../src/adapters/local/local-directory';
import { LocalPlanStore } from '../../src/adapters/local/local-plan-store';
import { describeCalendarContract } from './calendar.contract';
import { describeDirectoryContract } from './directory.contract';
import { describeMeetingChannelContract } from './meeting-channel.contract';
import { describePlanStoreContract } from './plan-store.contract';
import { freshDb } from './support/fresh-db';

describePlanStoreContract('LocalPlanStore (Dexie on fake-indexeddb)', async () => {
  const { db, cleanup } = freshDb();
  return { store: new LocalPlanStore(db), cleanup };
});

describeCalendarContract('LocalCalendar (Dexie on fake-indexeddb)', async () => {
  const { db, cleanup } = freshDb();
  const calendar = new LocalCalendar(db);
  return {
    calendar,
    respond: async (eventId, email, response) => {
      await calendar.respond(eventId, email, response);
    },
    cleanup,
  };
});

describeDirectoryContract('LocalDirectory', async (people, meId) => {
  const { db, cleanup } = freshDb();
  return { directory: new LocalDirectory(db, people, meId), cleanup };
});

describeMeetingChannelContract('BroadcastMeetingChannel (Node 20 BroadcastChannel)', async () => ({
  // One channel object per participant, as each tab has its own.
  channelFor: () => new BroadcastMeetingChannel(),
  settle: () => new Promise((resolve) => setTimeout(resolve, 20)),
  cleanup: async () => {},
}));
