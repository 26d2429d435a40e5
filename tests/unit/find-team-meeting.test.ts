import { afterEach, describe, expect, it } from 'vitest';
import { LocalPlanStore } from '../../src/adapters/local/local-plan-store';
import { findTeamMeeting } from '../../src/app/find-team-meeting';
import { meeting } from '../contract/support/builders';
import { freshIndexedDb, type FreshIndexedDb } from '../contract/support/fresh-db';

const CHAT = '19:meeting_abc@thread.v2';
const join = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(CHAT)}/0`;
let idb: FreshIndexedDb | null = null;

async function storeWith(...meetings: ReturnType<typeof meeting>[]): Promise<LocalPlanStore> {
  idb = freshIndexedDb();
  const store = new LocalPlanStore(idb.open());
  for (const m of meetings) await store.saveMeeting(m);
  return store;
}
afterEach(async () => {
  await idb?.cleanup();
});

const past = meeting({ id: 'm-past', pathwayId: 'pw-1', start: '2031-03-01T09:00:00.000Z', end: '2031-03-01T10:00:00.000Z' });
const next = meeting({ id: 'm-next', pathwayId: 'pw-1', start: '2031-03-20T09:00:00.000Z', end: '2031-03-20T10:00:00.000Z' });
const cancelled = meeting({ id: 'm-cancelled', pathwayId: 'pw-1', start: '2031-03-10T09:00:00.000Z', end: '2031-03-10T10:00:00.000Z', status: 'cancelled' });
const linked = meeting({ id: 'm-linked', pathwayId: 'pw-2', joinUrl: join });
const now = new Date('2031-03-05T12:00:00.000Z');

describe('the TeamMeeting a Teams meeting frame opens on', () => {
  it('[teams-link] is the meeting whose join URL names the Teams meeting chat, whatever pathway the tab shows', async () => {
    const store = await storeWith(past, next, linked);
    const found = await findTeamMeeting(store, { chatId: CHAT, meetingId: 'x' }, { name: 'pathway', pathwayId: 'pw-1', decisionId: null }, now);
    expect(found?.id).toBe('m-linked');
  });

  it("otherwise the configured pathway's next meeting that is not cancelled", async () => {
    const store = await storeWith(past, next, cancelled);
    const found = await findTeamMeeting(store, { chatId: '19:meeting_other@thread.v2', meetingId: 'x' }, { name: 'pathway', pathwayId: 'pw-1', decisionId: null }, now);
    expect(found?.id).toBe('m-next');
  });

  it('the meeting the route names wins (the shared stage URL)', async () => {
    const store = await storeWith(past, linked);
    expect((await findTeamMeeting(store, { chatId: CHAT, meetingId: 'x' }, { name: 'stage', meetingId: 'm-past' }, now))?.id).toBe('m-past');
  });

  it('is none when nothing links and no pathway is configured', async () => {
    const store = await storeWith(past);
    expect(await findTeamMeeting(store, null, { name: 'pathways' }, now)).toBeNull();
  });
});
