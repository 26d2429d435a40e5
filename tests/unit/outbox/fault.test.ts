/**
 * Issue 4, Fault test: 1,000 decision writes through the outbox into a store that answers 20%
 * 429 (half with Retry-After, half without), 5% 503, 2% committed-then-504 and 1% dropped
 * connections (half before, half after the write landed), with a reload half way: after the
 * flushes, 0 lost, 0 duplicated.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Action, Decision } from '../../../src/domain/model';
import * as b from '../../contract/support/builders';
import { flakyStore, outboxWorld, seeded } from './support';

const N = 1000;

describe('outbox fault test', () => {
  let world: ReturnType<typeof outboxWorld>;
  afterEach(async () => {
    await world.cleanup();
  });

  it('1,000 decisions through 429/503/504/dropped connections and a reload: 0 lost, 0 duplicated', { timeout: 120_000 }, async () => {
    world = outboxWorld();
    const flaky = flakyStore(world.local, { throttled: 0.2, unavailable: 0.05, committedThen504: 0.02, dropped: 0.01 }, seeded(4));
    let page = world.open(flaky.store);

    const decisions: Decision[] = [];
    const actions: Action[] = [];
    for (let i = 0; i < N; i += 1) {
      const id = `dec-${String(i).padStart(4, '0')}`;
      const decision = b.decision({ id, createdAt: b.at(i) });
      const action = b.action({ id: `act-${id}`, decisionId: id });
      decisions.push(decision);
      actions.push(action);
      // Never throws for a transient failure: the write waits in the outbox.
      await page.store.appendDecisions([decision], [action]);
      world.clock.advance(1_000);
      if (i === N / 2) page = world.open(flaky.store); // reload: a new instance over the same outbox
    }

    // The author sees every decision, confirmed or not, with no duplicates.
    const seen = await page.store.listDecisions({ pathwayId: 'pw-1' });
    expect(seen.map((d) => d.id)).toStrictEqual(decisions.map((d) => d.id));

    let rounds = 0;
    for (;;) {
      const report = await page.store.flush();
      if (report.remaining === 0) break;
      rounds += 1;
      expect(rounds).toBeLessThan(5_000);
      world.clock.advance(5 * 60_000);
    }

    // Every fault happened, and none lost or doubled a decision.
    expect(flaky.stats.throttled).toBeGreaterThan(0);
    expect(flaky.stats.unavailable).toBeGreaterThan(0);
    expect(flaky.stats.committedThen504).toBeGreaterThan(0);
    expect(flaky.stats.droppedBefore + flaky.stats.droppedAfter).toBeGreaterThan(0);

    // Each write was confirmed exactly once: nothing is sent again after its confirmation.
    expect(flaky.stats.confirmed).toBe(N);

    const stored = await world.local.listDecisions({});
    expect(stored).toHaveLength(N);
    expect(new Set(stored.map((d) => d.id)).size).toBe(N);
    expect(stored).toStrictEqual(decisions);
    const storedActions = await world.local.listActions({});
    expect(storedActions).toHaveLength(N);
    expect(new Set(storedActions.map((a) => a.id))).toStrictEqual(new Set(actions.map((a) => a.id)));

    expect(await page.outbox.pendingCount()).toBe(0);
    expect(await page.outbox.conflicts()).toStrictEqual([]);
    expect(await page.store.pendingIds()).toStrictEqual(new Set());
  });
});
