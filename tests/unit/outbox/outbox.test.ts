/** The outbox's semantics, one behaviour per test (src/adapters/local/outbox-plan-store.ts). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_OUTBOX_MAX_AGE_MS } from '../../../src/adapters/local/outbox';
import { WriteQueuedError, isRetryableByDefault } from '../../../src/adapters/local/outbox-plan-store';
import * as b from '../../contract/support/builders';
import { counting, flakyStore, offline, outboxWorld, preconditionFailed, seeded, throttled, unavailable } from './support';

const NO_FAULTS = { throttled: 0, unavailable: 0, committedThen504: 0, dropped: 0 };

describe('OutboxPlanStore', () => {
  let world: ReturnType<typeof outboxWorld>;
  afterEach(async () => {
    await world.cleanup();
  });

  it('a decision made offline resolves, shows as pending, and reaches the store once after a reload', async () => {
    world = outboxWorld();
    const offlineInner = flakyStore(world.local, NO_FAULTS, seeded(1));
    offlineInner.control.mode = 'offline';
    const before = world.open(offlineInner.store);
    const decision = b.decision({ id: 'dec-1' });
    const action = b.action({ id: 'act-1', decisionId: 'dec-1' });

    await expect(before.store.appendDecisions([decision], [action])).resolves.toBeUndefined();
    expect(await before.store.pendingIds()).toStrictEqual(new Set(['dec-1', 'act-1']));
    expect(await before.store.listDecisions({ meetingId: 'm-1' })).toStrictEqual([decision]);
    expect(await world.local.listDecisions({})).toStrictEqual([]);

    // Reload: a new instance over a new connection to the same outbox database.
    before.db.close();
    const { store: inner, calls } = counting(world.local);
    const after = world.open(inner);
    world.clock.advance(60_000);
    expect(await after.store.flush()).toMatchObject({ sent: 1, remaining: 0, conflicts: 0 });
    expect(await after.store.flush()).toMatchObject({ sent: 0, remaining: 0 });
    expect(calls.get('appendDecisions')).toBe(1);
    expect(await world.local.listDecisions({})).toStrictEqual([decision]);
    expect(await world.local.listActions({})).toStrictEqual([action]);
    expect(await after.store.pendingIds()).toStrictEqual(new Set());
  });

  it('backs off exponentially and honours a readable Retry-After', async () => {
    world = outboxWorld();
    const failures = [throttled(null), unavailable(), throttled(60_000)];
    const { store: counted, calls } = counting(world.local);
    const inner = new Proxy(counted, {
      get(target, property, receiver) {
        if (property !== 'saveMeeting') return Reflect.get(target, property, receiver);
        return async (...args: Parameters<typeof target.saveMeeting>) => {
          await target.saveMeeting(...args);
          const failure = failures.shift();
          if (failure !== undefined) throw failure;
        };
      },
    });
    const { store, outbox } = world.open(inner, { baseDelayMs: 1_000 });
    await store.saveMeeting(b.meeting({ id: 'm-1', pathwayId: 'pw-1' }));
    expect(calls.get('saveMeeting')).toBe(1);
    let [row] = await outbox.pendingRows();
    expect(row).toMatchObject({ attempts: 1, nextAttemptAt: world.clock.now().getTime() + 1_000 });

    expect((await store.flush()).sent).toBe(0); // not due yet: nothing sent
    expect(calls.get('saveMeeting')).toBe(1);
    world.clock.advance(1_000);
    await store.flush();
    [row] = await outbox.pendingRows();
    expect(row).toMatchObject({ attempts: 2, nextAttemptAt: world.clock.now().getTime() + 2_000 });
    world.clock.advance(2_000);
    await store.flush();
    [row] = await outbox.pendingRows();
    expect(row).toMatchObject({ attempts: 3, nextAttemptAt: world.clock.now().getTime() + 60_000 });
    expect(row?.lastError).toMatchObject({ name: 'GraphThrottledError', status: 429 });
    world.clock.advance(60_000);
    expect(await store.flush()).toMatchObject({ sent: 1, remaining: 0 });
    expect(calls.get('saveMeeting')).toBe(4);
  });

  it('a 412 surfaces to the caller, is kept as a conflict, and is not retried', async () => {
    world = outboxWorld();
    let saveCalls = 0;
    const inner = new Proxy(world.local, {
      get(target, property, receiver) {
        if (property === 'saveMeeting') {
          return async () => {
            saveCalls += 1;
            throw preconditionFailed();
          };
        }
        return Reflect.get(target, property, receiver);
      },
    });
    const onConflict = vi.fn();
    const { store } = world.open(inner, { onConflict });
    const meeting = b.meeting({ id: 'm-1', pathwayId: 'pw-1' });

    await expect(store.saveMeeting(meeting)).rejects.toMatchObject({ name: 'GraphPreconditionFailedError', status: 412 });
    expect(onConflict).toHaveBeenCalledTimes(1);
    const conflicts = await store.conflicts();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ state: 'conflict', attempts: 1, lastError: { status: 412, code: 'GRAPH_PRECONDITION_FAILED' } });
    expect(conflicts[0]).toHaveProperty('write', { kind: 'saveMeeting', payload: { meeting } });

    // Not retried, and it does not block later writes.
    world.clock.advance(DEFAULT_OUTBOX_MAX_AGE_MS / 2);
    await store.flush();
    expect(saveCalls).toBe(1);
    await store.appendDecisions([b.decision({ id: 'dec-1' })], []);
    expect(await world.local.listDecisions({})).toHaveLength(1);
    expect(await store.conflicts()).toHaveLength(1);
    expect(await store.pendingIds()).toStrictEqual(new Set());
  });

  it('a 412 met by a background flush becomes a conflict and is reported', async () => {
    world = outboxWorld();
    const flaky = flakyStore(world.local, NO_FAULTS, seeded(2));
    flaky.control.mode = 'offline';
    const onConflict = vi.fn();
    const { store, outbox } = world.open(flaky.store, { onConflict });
    await store.appendDecisions([b.decision({ id: 'dec-1' })], []);
    // Someone else wrote dec-1 with other content meanwhile: the store refuses ours for good.
    await world.local.appendDecisions([b.decision({ id: 'dec-1', text: 'Noget andet' })], []);
    flaky.control.mode = 'healthy';
    world.clock.advance(60_000);
    const report = await store.flush();
    expect(report).toMatchObject({ sent: 0, conflicts: 1, remaining: 0 });
    expect(onConflict).toHaveBeenCalledTimes(1);
    expect(onConflict.mock.calls[0]?.[1]).toMatchObject({ name: 'AppendConflictError' });
    const callsBefore = flaky.stats.calls;
    world.clock.advance(60_000);
    await store.flush();
    expect(flaky.stats.calls).toBe(callsBefore);
    const [conflict] = await outbox.conflicts();
    expect(conflict).toMatchObject({ lastError: { name: 'AppendConflictError' } });
    // The user lets it go: only then does it leave.
    await outbox.dismissConflict(conflict && 'id' in conflict ? conflict.id : -1);
    expect(await outbox.conflicts()).toStrictEqual([]);
    expect((await world.local.listDecisions({}))[0]?.text).toBe('Noget andet');
  });

  it('entries past the time limit are dropped unsent and reported', async () => {
    world = outboxWorld();
    const flaky = flakyStore(world.local, NO_FAULTS, seeded(3));
    flaky.control.mode = 'offline';
    const onExpired = vi.fn();
    const { store, outbox } = world.open(flaky.store, { onExpired, maxAgeMs: 60 * 60_000 });
    await store.appendDecisions([b.decision({ id: 'dec-old' })], []);
    world.clock.advance(30 * 60_000);
    // This write's flush retries dec-old once more (its back-off ran out): attempts 2.
    await store.saveMeeting(b.meeting({ id: 'm-new', pathwayId: 'pw-1' }));
    world.clock.advance(30 * 60_000 + 1);

    const report = await store.flush();
    expect(report.expired).toMatchObject([{ kind: 'appendDecisions', state: 'pending', entityIds: ['dec-old'], attempts: 2 }]);
    expect(onExpired).toHaveBeenCalledWith(report.expired);
    expect(await store.pendingIds()).toStrictEqual(new Set(['m-new']));
    expect(await outbox.pendingCount()).toBe(1);
    expect(await world.local.listDecisions({})).toStrictEqual([]);
  });

  it('the default time limit is 72 hours', async () => {
    world = outboxWorld();
    const flaky = flakyStore(world.local, NO_FAULTS, seeded(5));
    flaky.control.mode = 'offline';
    const { store } = world.open(flaky.store);
    await store.appendDecisions([b.decision({ id: 'dec-1' })], []);
    world.clock.advance(72 * 60 * 60_000);
    expect((await store.flush()).expired).toHaveLength(0);
    world.clock.advance(1);
    expect((await store.flush()).expired).toHaveLength(1);
  });

  it('clear() (sign-out) empties the outbox, pending and conflicts alike', async () => {
    world = outboxWorld();
    const flaky = flakyStore(world.local, NO_FAULTS, seeded(6));
    flaky.control.mode = 'offline';
    const { store, outbox, db } = world.open(flaky.store);
    await store.appendDecisions([b.decision({ id: 'dec-1' })], []);
    await store.saveMeeting(b.meeting({ id: 'm-1', pathwayId: 'pw-1' }));
    await db.pending.add({ owner: 'user-a', state: 'conflict', kind: 'saveMeeting', payload: {}, createdAt: 0, attempts: 1, nextAttemptAt: 0, lastError: null });
    expect(await db.pending.count()).toBe(3);
    await store.clear();
    expect(await db.pending.count()).toBe(0);
    expect(await outbox.pendingIds()).toStrictEqual(new Set());
    flaky.control.mode = 'healthy';
    expect(await store.flush()).toMatchObject({ sent: 0, remaining: 0 });
    expect(flaky.stats.confirmed).toBe(0);
  });

  it('first in, first out: an older replace never overwrites a newer one', async () => {
    world = outboxWorld();
    const flaky = flakyStore(world.local, NO_FAULTS, seeded(7));
    flaky.control.mode = 'offline';
    const { store } = world.open(flaky.store);
    const planned = b.meeting({ id: 'm-1', pathwayId: 'pw-1' });
    const held = { ...planned, status: 'held' as const };
    await store.saveMeeting(planned);
    flaky.control.mode = 'healthy';
    // Back online before the back-off ran out: the new write waits behind the old one.
    await store.saveMeeting(held);
    expect(await world.local.getMeeting('m-1')).toBeNull();
    world.clock.advance(60_000);
    expect(await store.flush()).toMatchObject({ sent: 2, remaining: 0 });
    expect(await world.local.getMeeting('m-1')).toStrictEqual(held);
  });

  it('writeMinutes that cannot be confirmed throws WriteQueuedError and is sent later', async () => {
    world = outboxWorld();
    const flaky = flakyStore(world.local, NO_FAULTS, seeded(8));
    flaky.control.mode = 'offline';
    const { store } = world.open(flaky.store);
    const error = await store.writeMinutes(b.minutesInput({ meetingId: 'm-1' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteQueuedError);
    expect(error).toMatchObject({ kind: 'writeMinutes', cause: { name: 'TypeError' } });
    expect(await store.pendingIds()).toStrictEqual(new Set(['m-1']));
    flaky.control.mode = 'healthy';
    world.clock.advance(60_000);
    await store.flush();
    expect(await world.local.getMinutes('m-1')).toMatchObject({ meetingId: 'm-1', version: 1 });
  });

  it('invalid input throws at once and is not stored', async () => {
    world = outboxWorld();
    const { store, outbox } = world.open(world.local);
    await expect(store.appendDecisions([{ ...b.decision({ id: 'dec-1' }), text: '' }], [])).rejects.toMatchObject({ name: 'ZodError' });
    expect(await outbox.pendingCount()).toBe(0);
    expect(await outbox.conflicts()).toStrictEqual([]);
  });

  it('a stored row that no longer parses is kept as a conflict, never sent', async () => {
    world = outboxWorld();
    const { store: inner, calls } = counting(world.local);
    const { store, outbox, db } = world.open(inner);
    await db.pending.add({ owner: 'user-a', state: 'pending', kind: 'appendDecisions', payload: { decisions: [{ id: 'x' }], actions: [] }, createdAt: world.clock.now().getTime(), attempts: 0, nextAttemptAt: 0, lastError: null });
    expect(await store.flush()).toMatchObject({ conflicts: 1, remaining: 0 });
    expect(calls.get('appendDecisions')).toBeUndefined();
    const [conflict] = await outbox.conflicts();
    expect(conflict).toHaveProperty('issues');
    expect(conflict).toMatchObject({ row: { lastError: { name: 'OutboxEntryInvalidError' } } });
  });

  it('a meeting written while offline is what the next read of it returns, so a second change builds on the first', async () => {
    world = outboxWorld();
    const meeting = b.meeting({ id: 'm-1', pathwayId: 'pw-1' });
    await world.local.saveMeeting(meeting);
    const flaky = flakyStore(world.local, NO_FAULTS, seeded(3));
    const { store } = world.open(flaky.store);
    flaky.control.mode = 'offline';
    const checkedIn = { ...meeting, attendance: [{ personId: 'p-1', present: true, notice: false }], status: 'held' as const };
    await store.saveMeeting(checkedIn);
    // The inner store still holds the meeting without the check-in; the waiting write is newer.
    expect(await store.getMeeting('m-1')).toStrictEqual(checkedIn);
    const withView = { ...(await store.getMeeting('m-1'))!, citizenView: 'Jeg vil gerne i praktik.' };
    await store.saveMeeting(withView);

    flaky.control.mode = 'healthy';
    world.clock.advance(60_000);
    await store.flush({ ignoreBackoff: true });
    expect(await world.local.getMeeting('m-1')).toMatchObject({ attendance: checkedIn.attendance, citizenView: 'Jeg vil gerne i praktik.', status: 'held' });
    // Sent: reads go to the store again.
    expect(await store.getMeeting('m-1')).toStrictEqual(await world.local.getMeeting('m-1'));
  });

  it('"retry" never sends a refused write that a later write of the same entity replaced', async () => {
    world = outboxWorld();
    const { store: inner, calls } = counting(world.local);
    const { store, outbox, db } = world.open(inner);
    const older = b.meeting({ id: 'm-1', pathwayId: 'pw-1', citizenView: 'ældre' });
    const newer = { ...older, citizenView: 'nyere' };
    const now = world.clock.now().getTime();
    await db.pending.add({ owner: 'user-a', state: 'conflict', kind: 'saveMeeting', payload: { meeting: older }, createdAt: now, attempts: 1, nextAttemptAt: 0, lastError: null });
    await db.pending.add({ owner: 'user-a', state: 'conflict', kind: 'saveMeeting', payload: { meeting: newer }, createdAt: now, attempts: 1, nextAttemptAt: 0, lastError: null });

    await store.retryConflicts();
    expect(calls.get('saveMeeting')).toBe(1);
    expect((await world.local.getMeeting('m-1'))?.citizenView).toBe('nyere');
    const left = await outbox.conflicts();
    expect(left.map((c) => ('write' in c && c.write.kind === 'saveMeeting' ? c.write.payload.meeting.citizenView : 'invalid'))).toStrictEqual(['ældre']);
  });

  it('the user acts on conflicts (WriteStatus): retry sends what can be sent; a row that no longer parses stays until dismissed', async () => {
    world = outboxWorld();
    const { store: inner, calls } = counting(world.local);
    const { store, outbox, db } = world.open(inner);
    await db.pending.add({ owner: 'user-a', state: 'pending', kind: 'appendDecisions', payload: { decisions: [{ id: 'x' }], actions: [] }, createdAt: world.clock.now().getTime(), attempts: 0, nextAttemptAt: 0, lastError: null });
    const decision = b.decision({ id: 'dec-1' });
    await db.pending.add({ owner: 'user-a', state: 'conflict', kind: 'appendDecisions', payload: { decisions: [decision], actions: [] }, createdAt: world.clock.now().getTime(), attempts: 1, nextAttemptAt: 0, lastError: null });
    expect(await store.flush()).toMatchObject({ conflicts: 1 });
    let told = 0;
    store.subscribe(() => (told += 1));

    await store.retryConflicts();
    expect(calls.get('appendDecisions')).toBe(1);
    expect(await world.local.listDecisions({})).toStrictEqual([decision]);
    const [left] = await outbox.conflicts();
    expect(left).toHaveProperty('issues');
    expect((await store.snapshot()).conflicts).toStrictEqual(new Set());
    expect(told).toBeGreaterThan(0);

    await store.dismissConflicts();
    expect(await outbox.conflicts()).toStrictEqual([]);
    expect(calls.get('appendDecisions')).toBe(1);
  });

  it("another user's pending writes are neither sent, shown nor listed, but still expire", async () => {
    world = outboxWorld();
    const flaky = flakyStore(world.local, NO_FAULTS, seeded(10));
    flaky.control.mode = 'offline';
    const a = world.open(flaky.store, { owner: 'user-a' });
    await a.store.appendDecisions([b.decision({ id: 'dec-a' })], []);
    a.db.close();

    // User B signs in on the same PC (A never signed out).
    flaky.control.mode = 'healthy';
    const onExpired = vi.fn();
    const bee = world.open(flaky.store, { owner: 'user-b', onExpired });
    world.clock.advance(60_000);
    expect(await bee.store.flush()).toMatchObject({ sent: 0, remaining: 0 });
    expect(await bee.store.pendingIds()).toStrictEqual(new Set());
    expect(await bee.store.listDecisions({})).toStrictEqual([]);
    expect(await bee.store.conflicts()).toStrictEqual([]);
    expect(flaky.stats.calls).toBe(1); // only A's own offline attempt

    world.clock.advance(DEFAULT_OUTBOX_MAX_AGE_MS);
    expect((await bee.store.flush()).expired).toMatchObject([{ entityIds: ['dec-a'] }]);
    expect(await bee.db.pending.count()).toBe(0);
  });

  it('listDecisions merges pending decisions into the confirmed ones, in order and filtered like the store', async () => {
    world = outboxWorld();
    const flaky = flakyStore(world.local, NO_FAULTS, seeded(11));
    const { store } = world.open(flaky.store);
    const confirmed1 = b.decision({ id: 'dec-1', createdAt: b.at(1) });
    const confirmed3 = b.decision({ id: 'dec-3', createdAt: b.at(3) });
    const pending2 = b.decision({ id: 'dec-2', createdAt: b.at(2) });
    const pendingOther = b.decision({ id: 'dec-4', createdAt: b.at(4), status: 'requires-leader-follow-up', commitments: [{ departmentId: 'd-health', amountDkk: 1 }] });
    await store.appendDecisions([confirmed1, confirmed3], []);
    flaky.control.mode = 'offline';
    await store.appendDecisions([pending2], []);
    await store.appendDecisions([pendingOther], []);

    expect(await store.listDecisions({ pathwayId: 'pw-1' })).toStrictEqual([confirmed1, pending2, confirmed3, pendingOther]);
    expect(await store.listDecisions({ status: 'decided' })).toStrictEqual([confirmed1, pending2, confirmed3]);
    expect(await store.listDecisions({ departmentIds: ['d-health'] })).toStrictEqual([pendingOther]);
    expect(await store.listDecisions({ departmentIds: [] })).toStrictEqual([]);
    expect(await store.listDecisions({ from: b.at(2), to: b.at(4) })).toStrictEqual([pending2, confirmed3]);
    expect(await store.pendingIds()).toStrictEqual(new Set(['dec-2', 'dec-4']));
  });

  it('a conflict the user retries goes back in line and is sent', async () => {
    world = outboxWorld();
    let refuse = true;
    const inner = new Proxy(world.local, {
      get(target, property, receiver) {
        if (property === 'saveMeeting' && refuse) return async () => Promise.reject(Object.assign(new Error('409'), { status: 409 }));
        return Reflect.get(target, property, receiver);
      },
    });
    const { store, outbox } = world.open(inner);
    const meeting = b.meeting({ id: 'm-1', pathwayId: 'pw-1' });
    await expect(store.saveMeeting(meeting)).rejects.toMatchObject({ status: 409 });
    const [conflict] = await outbox.conflicts();
    refuse = false;
    await outbox.retryConflict(conflict && 'id' in conflict ? conflict.id : -1);
    expect(await store.flush()).toMatchObject({ sent: 1, remaining: 0, conflicts: 0 });
    expect(await world.local.getMeeting('m-1')).toStrictEqual(meeting);
    expect(await outbox.conflicts()).toStrictEqual([]);
  });

  it('startSync flushes at once, on every tick and when the browser comes back online', async () => {
    world = outboxWorld();
    const flaky = flakyStore(world.local, NO_FAULTS, seeded(9));
    flaky.control.mode = 'offline';
    const { store } = world.open(flaky.store, { baseDelayMs: 1 });
    await store.appendDecisions([b.decision({ id: 'dec-1' })], []);
    let tick: (() => void) | null = null;
    const timers = { setInterval: (callback: () => void) => ((tick = callback), 7), clearInterval: vi.fn() };
    const online = new EventTarget();
    const flush = vi.spyOn(store, 'flush');
    const stop = store.startSync(timers, online, 10_000);
    expect(flush).toHaveBeenCalledTimes(1);
    (tick as (() => void) | null)?.();
    expect(flush).toHaveBeenCalledTimes(2);
    flaky.control.mode = 'healthy';
    world.clock.advance(1_000);
    online.dispatchEvent(new Event('online'));
    expect(flush).toHaveBeenCalledTimes(3);
    await vi.waitFor(async () => expect(await world.local.listDecisions({})).toHaveLength(1));
    stop();
    expect(timers.clearInterval).toHaveBeenCalledWith(7);
    online.dispatchEvent(new Event('online'));
    expect(flush).toHaveBeenCalledTimes(3);
  });
});

describe('isRetryableByDefault', () => {
  it.each([
    ['TypeError: Failed to fetch (Chromium)', offline(), true],
    ['TypeError: NetworkError ... (Firefox)', new TypeError('NetworkError when attempting to fetch resource.'), true],
    ['TypeError: Load failed (Safari)', new TypeError('Load failed'), true],
    ['429', throttled(null), true],
    ['503', unavailable(), true],
    ['504', unavailable(504), true],
    ['status 429 without a name', Object.assign(new Error('x'), { status: 429 }), true],
    ['code GRAPH_NETWORK', Object.assign(new Error('x'), { code: 'GRAPH_NETWORK' }), true],
    ['retryable: false wins over the name', Object.assign(new Error('x'), { name: 'GraphNetworkError', retryable: false }), false],
    ['412', preconditionFailed(), false],
    ['409', Object.assign(new Error('x'), { status: 409 }), false],
    ['a programming TypeError', new TypeError("Cannot read properties of undefined (reading 'id')"), false],
    ['ZodError', Object.assign(new Error('x'), { name: 'ZodError' }), false],
    ['not an object', 'boom', false],
  ])('%s → %s', (_label, error, expected) => {
    expect(isRetryableByDefault(error)).toBe(expected);
  });
});
