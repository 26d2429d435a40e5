/** Runs the Calendar and Directory contracts against the Graph adapters, over an in-memory Graph (msw, Node). */
import { afterAll, beforeAll, expect } from 'vitest';
import { GraphCalendar } from '../../src/adapters/graph/graph-calendar';
import { GraphDirectory } from '../../src/adapters/graph/graph-directory';
import { describeCalendarContract } from './calendar.contract';
import { describeDirectoryContract } from './directory.contract';
import { departments } from './support/builders';
import { RSVP_TO_GRAPH, fakeUsersFor, harness, listen } from '../support/fake-graph/graph-harness';

listen(beforeAll, afterAll);

const CONTRACT_MAILBOXES = ['tove@kommune.example', 'bent@kommune.example', 'borger@borger.example'];

describeCalendarContract('GraphCalendar (msw fake Graph)', async () => {
  const { fake, api } = harness({ mailboxes: CONTRACT_MAILBOXES });
  return {
    calendar: new GraphCalendar(api, { outlookAddInId: null }),
    respond: async (eventId, email, response) => {
      fake.respond(eventId, email, RSVP_TO_GRAPH[response]);
    },
    cleanup: async () => {
      expect(fake.schemaViolations).toStrictEqual([]);
    },
  };
});

describeDirectoryContract('GraphDirectory (msw fake Graph)', async (people, meId) => {
  const names = Object.fromEntries(departments.map((d) => [d.id, d.name]));
  const users = fakeUsersFor(people, names);
  const me = users.find((u) => u.id === meId);
  if (me === undefined) throw new Error(`no person ${meId}`);
  const { fake, api } = harness({ me, users, scopes: ['User.Read', 'User.ReadBasic.All'] });
  const leaders = Object.fromEntries(people.filter((p) => p.leaderOf.length > 0).map((p) => [p.id, p.leaderOf]));
  return {
    directory: new GraphDirectory(api, { departments: departments.map((d) => ({ id: d.id, directoryName: d.name })), leaders }),
    cleanup: async () => {
      expect(fake.schemaViolations).toStrictEqual([]);
    },
  };
});
