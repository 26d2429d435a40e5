/**
 * Drafts through the outbox and the outbox as the WriteStatus port (issue 5, rule 7): a draft
 * typed without a connection survives a reload, only the newest one waits, and the side panel
 * is told what waits and what conflicts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { draftKey } from '../../../src/ports/write-status';
import * as b from '../../contract/support/builders';
import { counting, flakyStore, outboxWorld, preconditionFailed, seeded } from './support';

const NO_FAULTS = { throttled: 0, unavailable: 0, committedThen504: 0, dropped: 0 };

/** flakyStore fails only the four original writes; drafts need their own switch. */
function draftsOffline<T extends object>(inner: T, control: { offline: boolean }): T {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if ((property === 'saveDraft' || property === 'deleteDraft') && typeof value === 'function') {
        return (...args: unknown[]) =>
          control.offline ? Promise.reject(new TypeError('Failed to fetch')) : (value as (...a: unknown[]) => unknown).apply(target, args);
      }
      return value;
    },
  });
}

describe('OutboxPlanStore drafts and WriteStatus', () => {
  let world: ReturnType<typeof outboxWorld>;
  afterEach(async () => {
    await world.cleanup();
  });

  it('[R7] drafts saved offline resolve, only the newest waits, it survives a reload and is sent once', async () => {
    world = outboxWorld();
    const control = { offline: true };
    const before = world.open(draftsOffline(world.local, control));
    for (const text of ['Emil', 'Emil får', 'Emil får en mentor']) {
      await expect(before.store.saveDraft(b.draft({ meetingId: 'm-1', authorId: 'user-a', text }))).resolves.toBeUndefined();
    }
    expect(await before.outbox.pendingCount()).toBe(1);
    expect((await before.store.getDraft('m-1', 'user-a'))?.text).toBe('Emil får en mentor');
    expect(await world.local.getDraft('m-1', 'user-a')).toBeNull();
    expect((await before.store.snapshot()).pending).toStrictEqual(new Set([draftKey('m-1', 'user-a')]));

    before.db.close();
    control.offline = false;
    const { store: inner, calls } = counting(draftsOffline(world.local, control));
    const after = world.open(inner);
    expect((await after.store.getDraft('m-1', 'user-a'))?.text).toBe('Emil får en mentor');
    world.clock.advance(60_000);
    expect(await after.store.flush()).toMatchObject({ sent: 1, remaining: 0 });
    expect(calls.get('saveDraft')).toBe(1);
    expect((await world.local.getDraft('m-1', 'user-a'))?.text).toBe('Emil får en mentor');
    expect((await after.store.snapshot()).pending).toStrictEqual(new Set());
  });

  it('[R7] a draft deleted offline (its decision was saved) reads as gone, and other authors keep theirs', async () => {
    world = outboxWorld();
    await world.local.saveDraft(b.draft({ meetingId: 'm-1', authorId: 'user-a', text: 'stored' }));
    const control = { offline: true };
    const { store } = world.open(draftsOffline(world.local, control));
    await store.saveDraft(b.draft({ meetingId: 'm-1', authorId: 'user-b', text: 'other author' }));
    await store.deleteDraft('m-1', 'user-a');
    expect(await store.getDraft('m-1', 'user-a')).toBeNull();
    expect((await store.getDraft('m-1', 'user-b'))?.text).toBe('other author');
    control.offline = false;
    world.clock.advance(60_000);
    expect(await store.flush()).toMatchObject({ sent: 2, remaining: 0 });
    expect(await world.local.getDraft('m-1', 'user-a')).toBeNull();
  });

  it('tells its subscribers when a write waits, when it is sent, and names a conflict by its entity', async () => {
    world = outboxWorld();
    const flaky = flakyStore(world.local, NO_FAULTS, seeded(3));
    flaky.control.mode = 'offline';
    const { store } = world.open(flaky.store);
    let told = 0;
    const unsubscribe = store.subscribe(() => {
      told += 1;
    });
    await store.appendDecisions([b.decision({ id: 'dec-1' })], [b.action({ id: 'act-1', decisionId: 'dec-1' })]);
    expect(told).toBeGreaterThanOrEqual(2);
    expect(await store.snapshot()).toStrictEqual({ pending: new Set(['dec-1', 'act-1']), conflicts: new Set() });
    expect(store.isTransient(new TypeError('Failed to fetch'))).toBe(true);
    expect(store.isTransient(preconditionFailed())).toBe(false);

    flaky.control.mode = 'healthy';
    world.clock.advance(60_000);
    const beforeFlush = told;
    await store.flush();
    await Promise.resolve();
    expect(told).toBeGreaterThan(beforeFlush);
    expect(await store.snapshot()).toStrictEqual({ pending: new Set(), conflicts: new Set() });
    unsubscribe();

    const refusing = world.open(
      new Proxy(world.local, {
        get: (target, property, receiver) =>
          property === 'saveMeeting' ? () => Promise.reject(preconditionFailed()) : (Reflect.get(target, property, receiver) as unknown),
      }),
    );
    await expect(refusing.store.saveMeeting(b.meeting({ id: 'm-9', pathwayId: 'p-1' }))).rejects.toMatchObject({ status: 412 });
    expect((await refusing.store.snapshot()).conflicts).toStrictEqual(new Set(['m-9']));
  });

  it('[R7] when the browser is back online, what waited is sent at once, whatever its back-off', async () => {
    world = outboxWorld();
    const flaky = flakyStore(world.local, NO_FAULTS, seeded(5));
    flaky.control.mode = 'offline';
    const { store } = world.open(flaky.store, { baseDelayMs: 60_000 });
    await store.appendDecisions([b.decision({ id: 'dec-1' })], []);
    // Several failed attempts: the back-off has grown to minutes.
    for (let i = 0; i < 3; i += 1) {
      world.clock.advance(5 * 60_000);
      await store.flush();
    }
    flaky.control.mode = 'healthy';
    const online = new EventTarget();
    const stop = store.startSync({ setInterval: () => 1, clearInterval: () => undefined }, online, 30_000);
    // The first tick respects the back-off: nothing is due yet.
    await store.flush();
    expect(await world.local.listDecisions({})).toStrictEqual([]);
    online.dispatchEvent(new Event('online'));
    await vi.waitFor(async () => expect((await world.local.listDecisions({})).map((d) => d.id)).toStrictEqual(['dec-1']));
    stop();
  });
});
