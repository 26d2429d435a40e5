/**
 * What only the local adapters promise, on top of the port contracts: persistence across a
 * reload, several tabs on one database, the demo hooks, and the IndexedDB-specific traps.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BroadcastMeetingChannel, meetingChannelName } from '../../src/adapters/local/broadcast-meeting-channel';
import { DEMO_JOIN_URL_BASE, InvalidCalendarEventError, LocalCalendar } from '../../src/adapters/local/local-calendar';
import { LocalDirectory } from '../../src/adapters/local/local-directory';
import { AppendConflictError, LocalPlanStore } from '../../src/adapters/local/local-plan-store';
import { StoredRecordInvalidError } from '../../src/adapters/local/stored-record';
import { FixedClock, SequentialIds } from '../../src/adapters/local/testing';
import type { MeetingSignal } from '../../src/ports/meeting-channel';
import { NotFoundError, VersionConflictError } from '../../src/ports/plan-store';
import * as b from './support/builders';
import { freshIndexedDb, type FreshIndexedDb } from './support/fresh-db';
import type { HelhedDb } from '../../src/adapters/local/db';

let cleanups: (() => Promise<void>)[] = [];
/** A private IndexedDB for this test, removed after it. */
const idbForTest = (): FreshIndexedDb => {
  const idb = freshIndexedDb();
  cleanups.push(idb.cleanup);
  return idb;
};
const dbForTest = (): HelhedDb => idbForTest().open();
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

const event = (transactionId: string, start = '2031-03-11T09:00:00.000Z', end = '2031-03-11T10:00:00.000Z') => ({
  subject: 'Tværfagligt teammøde – SAG-2031-0001',
  body: 'Tværfagligt teammøde.',
  location: null,
  start,
  end,
  attendees: [
    { email: 'tove@kommune.example', name: 'Tove Holder', kind: 'required' as const },
    { email: 'Bent@Kommune.example', name: 'Bent Jensen', kind: 'required' as const },
  ],
  transactionId,
  helhedMeetingId: `meeting-${transactionId}`,
});

describe('LocalPlanStore on IndexedDB', () => {
  it('[R7] a decision captured in the meeting survives a reload', async () => {
    const idb = idbForTest();
    const before = idb.open();
    await new LocalPlanStore(before).appendDecisions([b.decision({ id: 'd-1' })], [b.action({ id: 'a-1', decisionId: 'd-1' })]);
    before.close();
    const after = idb.open();
    const store = new LocalPlanStore(after);
    expect(await store.listDecisions({})).toStrictEqual([b.decision({ id: 'd-1' })]);
    expect(await store.listActions({})).toStrictEqual([b.action({ id: 'a-1', decisionId: 'd-1' })]);
  });

  it('[R7] two tabs saving the same plan version: the second gets VersionConflictError', async () => {
    const idb = idbForTest();
    const tabA = new LocalPlanStore(idb.open());
    const tabB = new LocalPlanStore(idb.open());
    await tabA.savePlan(b.plan('pw-1'), 0);
    await tabA.savePlan(b.plan('pw-1', { updatedBy: 'tab-a' }), 1);
    await expect(tabB.savePlan(b.plan('pw-1', { updatedBy: 'tab-b' }), 1)).rejects.toBeInstanceOf(VersionConflictError);
    expect((await tabB.getPlan('pw-1'))?.updatedBy).toBe('tab-a');
  });

  it('[schema] a stored row that no longer matches the schema is reported, not returned', async () => {
    const db = dbForTest();
    await db.table('pathways').put({ ...b.pathway({ id: 'pw-1' }), status: 'archived' });
    const error = await new LocalPlanStore(db).getPathway('pw-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoredRecordInvalidError);
    expect(error).toMatchObject({ table: 'pathways', key: 'pw-1' });
  });

  it('keeps storage-only index fields out of what it returns', async () => {
    const db = dbForTest();
    const store = new LocalPlanStore(db);
    await store.saveMeeting(b.meeting({ id: 'm-1', pathwayId: 'pw-1' }));
    await store.appendDecisions([b.decision({ id: 'd-1' })], []);
    const raw = await db.decisions.get('d-1');
    expect(raw?.departmentIds).toStrictEqual(['d-social']);
    expect(Object.keys((await store.listDecisions({}))[0] ?? {})).not.toContain('departmentIds');
    expect(Object.keys((await store.getMeeting('m-1')) ?? {})).not.toContain('startMs');
  });

  it('a conflicting decision raises AppendConflictError naming the decision', async () => {
    const store = new LocalPlanStore(dbForTest());
    await store.appendDecisions([b.decision({ id: 'd-1' })], []);
    const error = await store.appendDecisions([b.decision({ id: 'd-1', text: 'Anden tekst' })], []).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppendConflictError);
    expect(error).toMatchObject({ entity: 'decision', id: 'd-1' });
  });

  it('an action whose decision is neither in the call nor stored is rejected with the port NotFoundError', async () => {
    const store = new LocalPlanStore(dbForTest());
    const error = await store.appendDecisions([], [b.action({ id: 'a-1', decisionId: 'd-missing' })]).catch((e: unknown) => e);
    // Not Dexie's own NotFoundError: see withPortErrors and docs/footguns.md.
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ entity: 'decision', id: 'd-missing' });
    expect(await store.listActions({})).toStrictEqual([]);
  });

  it('an action may be appended later for a decision that is already stored', async () => {
    const store = new LocalPlanStore(dbForTest());
    await store.appendDecisions([b.decision({ id: 'd-1' })], []);
    await store.appendDecisions([], [b.action({ id: 'a-1', decisionId: 'd-1' })]);
    expect((await store.listActions({ decisionIds: ['d-1'] })).map((a) => a.id)).toStrictEqual(['a-1']);
  });

  it('lists actions by due date, then id', async () => {
    const store = new LocalPlanStore(dbForTest());
    await store.appendDecisions(
      [b.decision({ id: 'd-1' })],
      [
        b.action({ id: 'a-3', decisionId: 'd-1', dueDate: '2031-04-01' }),
        b.action({ id: 'a-2', decisionId: 'd-1', dueDate: '2031-03-20' }),
        b.action({ id: 'a-1', decisionId: 'd-1', dueDate: '2031-04-01' }),
      ],
    );
    expect((await store.listActions({})).map((a) => a.id)).toStrictEqual(['a-2', 'a-1', 'a-3']);
  });
});

describe('LocalCalendar', () => {
  it('[R4] the join link is a reserved .invalid demo address, never a Teams link', async () => {
    const calendar = new LocalCalendar(dbForTest(), new SequentialIds('event'));
    const created = await calendar.createEvent(event('tx-1'));
    expect(created.joinUrl).toBe(`${DEMO_JOIN_URL_BASE}event-0001`);
    expect(created.joinUrl).toBe('https://helhed.invalid/demo-meeting/event-0001');
  });

  it('a cancelled event reads back as cancelled', async () => {
    const calendar = new LocalCalendar(dbForTest());
    const created = await calendar.createEvent(event('tx-1'));
    await calendar.cancelEvent(created.id, 'Aflyst');
    expect((await calendar.getEvent(created.id)).cancelled).toBe(true);
  });

  it('an attendee who declined is not busy; addresses match regardless of case', async () => {
    const calendar = new LocalCalendar(dbForTest());
    const created = await calendar.createEvent(event('tx-1'));
    await calendar.respond(created.id, 'bent@kommune.example', 'declined');
    const busy = await calendar.getBusy(['BENT@kommune.example', 'Tove@Kommune.Example'], '2031-03-11T00:00:00Z', '2031-03-12T00:00:00Z');
    expect(busy.get('BENT@kommune.example')).toStrictEqual([]);
    expect(busy.get('Tove@Kommune.Example')).toStrictEqual([{ start: '2031-03-11T09:00:00.000Z', end: '2031-03-11T10:00:00.000Z' }]);
  });

  it('[R3] seeded busy blocks count as busy time and merge with events', async () => {
    const calendar = new LocalCalendar(dbForTest());
    await calendar.createEvent(event('tx-1'));
    await calendar.putBusyBlocks([
      { id: 'busy-1', email: 'tove@kommune.example', start: '2031-03-11T09:30:00.000Z', end: '2031-03-11T11:00:00.000Z' },
      { id: 'busy-2', email: 'tove@kommune.example', start: '2031-03-12T09:00:00.000Z', end: '2031-03-12T10:00:00.000Z' },
    ]);
    await calendar.putBusyBlocks([
      { id: 'busy-1', email: 'tove@kommune.example', start: '2031-03-11T09:30:00.000Z', end: '2031-03-11T11:00:00.000Z' },
    ]);
    const busy = await calendar.getBusy(['tove@kommune.example'], '2031-03-11T00:00:00Z', '2031-03-12T00:00:00Z');
    expect(busy.get('tove@kommune.example')).toStrictEqual([{ start: '2031-03-11T09:00:00.000Z', end: '2031-03-11T11:00:00.000Z' }]);
  });

  it('[R2] moving the meeting asks every attendee to answer again', async () => {
    const calendar = new LocalCalendar(dbForTest());
    const created = await calendar.createEvent(event('tx-1'));
    await calendar.respond(created.id, 'tove@kommune.example', 'accepted');
    const renamed = await calendar.updateEvent(created.id, { subject: 'Nyt emne' });
    expect(renamed.attendees[0]?.response).toBe('accepted');
    const moved = await calendar.updateEvent(created.id, { start: '2031-03-13T09:00:00.000Z', end: '2031-03-13T10:00:00.000Z' });
    expect(moved.attendees.map((a) => a.response)).toStrictEqual(['none', 'none']);
  });

  it('rejects an event that ends before it starts, on create and on update', async () => {
    const calendar = new LocalCalendar(dbForTest());
    await expect(calendar.createEvent(event('tx-1', '2031-03-11T10:00:00Z', '2031-03-11T09:00:00Z'))).rejects.toBeInstanceOf(
      InvalidCalendarEventError,
    );
    const created = await calendar.createEvent(event('tx-2'));
    await expect(calendar.updateEvent(created.id, { end: '2031-03-11T08:00:00.000Z' })).rejects.toBeInstanceOf(
      InvalidCalendarEventError,
    );
  });

  it('respond() for someone not invited throws the port NotFoundError', async () => {
    const calendar = new LocalCalendar(dbForTest());
    const created = await calendar.createEvent(event('tx-1'));
    await expect(calendar.respond(created.id, 'stranger@kommune.example', 'accepted')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('LocalDirectory', () => {
  it('setCurrentUser changes me(), and a reload keeps the choice', async () => {
    const idb = idbForTest();
    const first = new LocalDirectory(idb.open(), b.people, 'u-anna');
    expect((await first.me()).id).toBe('u-anna');
    await first.setCurrentUser('u-zak');
    const reloaded = new LocalDirectory(idb.open(), b.people, 'u-anna');
    expect((await reloaded.me()).id).toBe('u-zak');
  });

  it('setCurrentUser of an unknown id throws NotFoundError and keeps the current user', async () => {
    const directory = new LocalDirectory(dbForTest(), b.people, 'u-anna');
    await expect(directory.setCurrentUser('nobody')).rejects.toBeInstanceOf(NotFoundError);
    expect((await directory.me()).id).toBe('u-anna');
  });

  it('a stored user who left the staff list falls back to the default user', async () => {
    const idb = idbForTest();
    await new LocalDirectory(idb.open(), b.people, 'u-anna').setCurrentUser('u-zak');
    const withoutZak = b.people.filter((p) => p.id !== 'u-zak');
    expect((await new LocalDirectory(idb.open(), withoutZak, 'u-anna').me()).id).toBe('u-anna');
  });

  it('listAll returns everyone in Danish name order; a copy the caller cannot corrupt', async () => {
    const directory = new LocalDirectory(dbForTest(), b.people, 'u-anna');
    const all = await directory.listAll();
    expect(all.map((p) => p.displayName)).toStrictEqual([
      'Anna Berg',
      'Bente Søgaard',
      'Zakarias Bo',
      'Ægidius Kragh',
      'Ørnulf Dam',
      'Åse Holm',
    ]);
    all[0]!.displayName = 'Ændret';
    expect((await directory.getPerson('u-anna'))?.displayName).toBe('Anna Berg');
  });

  it('refuses a default user who is not on the staff list', () => {
    expect(() => new LocalDirectory(dbForTest(), b.people, 'nobody')).toThrow(NotFoundError);
  });
});

describe('BroadcastMeetingChannel', () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('publishes on the BroadcastChannel helhed-meeting-<meetingId>, tagged with the session id', async () => {
    const listener = new BroadcastChannel(meetingChannelName('m-1'));
    const received: unknown[] = [];
    listener.onmessage = (e: MessageEvent<unknown>) => received.push(e.data);
    const session = new BroadcastMeetingChannel(new SequentialIds('session')).join('m-1', 'p-tove');
    session.publish({ type: 'meeting-updated' });
    await settle();
    session.close();
    listener.close();
    expect(meetingChannelName('m-1')).toBe('helhed-meeting-m-1');
    expect(received).toStrictEqual([{ sessionId: 'session-0001', signal: { type: 'meeting-updated' } }]);
  });

  it('ignores messages that are not signals (another build, another app on the channel)', async () => {
    const session = new BroadcastMeetingChannel().join('m-1', 'p-bent');
    const received: MeetingSignal[] = [];
    session.subscribe((s) => received.push(s));
    const stranger = new BroadcastChannel(meetingChannelName('m-1'));
    stranger.postMessage({ sessionId: 'x', signal: { type: 'decision-saved' } });
    stranger.postMessage('hello');
    stranger.postMessage({ sessionId: 'x', signal: { type: 'minutes-approved' } });
    await settle();
    stranger.close();
    session.close();
    expect(received).toStrictEqual([{ type: 'minutes-approved' }]);
  });
});

describe('test doubles', () => {
  it('FixedClock stands still until advanced or set, and hands out copies', () => {
    const clock = new FixedClock('2031-03-11T08:00:00.000Z');
    const now = clock.now();
    now.setFullYear(1999);
    expect(clock.now().toISOString()).toBe('2031-03-11T08:00:00.000Z');
    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2031-03-11T08:01:30.000Z');
    clock.set('2031-12-24T18:00:00+01:00');
    expect(clock.now().toISOString()).toBe('2031-12-24T17:00:00.000Z');
    expect(() => new FixedClock('not a date')).toThrow(RangeError);
  });

  it('SequentialIds counts up with zero-padded, sortable ids', () => {
    const ids = new SequentialIds('d');
    expect([ids.newId(), ids.newId(), ids.newId()]).toStrictEqual(['d-0001', 'd-0002', 'd-0003']);
    expect(new SequentialIds().newId()).toBe('id-0001');
  });
});
