/**
 * The leader review in Teams mode refreshes through the decisions list's delta feed
 * (DeltaDecisionCache over GraphPlanStore, as src/app/graph-session.ts composes it): a refresh
 * with no changes costs one Graph request for the decisions, whatever their number; what other
 * people write, and what an administrator removes, shows at the next refresh.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DeltaDecisionCache } from '../../../src/adapters/graph/delta-decision-cache';
import { GraphCalendar } from '../../../src/adapters/graph/graph-calendar';
import { GraphPlanStore } from '../../../src/adapters/graph/graph-plan-store';
import { provisionLists } from '../../../src/adapters/graph/sharepoint-lists';
import { BroadcastMeetingChannel } from '../../../src/adapters/local/broadcast-meeting-channel';
import { FixedClock } from '../../../src/adapters/local/fixed-clock';
import { SequentialIds } from '../../../src/adapters/local/sequential-ids';
import { reviewDecisions, type ReviewFilter } from '../../../src/application/leader-review';
import type { Directory } from '../../../src/ports/directory';
import type { Services } from '../../../src/ports/services';
import * as b from '../../contract/support/builders';
import { harness, listen, type Harness } from '../../support/fake-graph/graph-harness';

listen(beforeAll, afterAll);

const SITE = 'contoso.sharepoint.com,2c1b6b5e-0000-4000-8000-000000000001,3d2c7c6f-0000-4000-8000-000000000002';
const leader = { ...b.people[4]!, leaderOf: ['d-social'] };
const everything: ReviewFilter = { departmentIds: [], status: 'all', from: null, to: null, responsibleId: null, onlyOverdue: false };

let h: Harness;
let listIds: Record<string, string>;
afterEach(() => {
  expect(h.fake.schemaViolations).toStrictEqual([]);
});

async function setup(): Promise<{ s: Services; cache: DeltaDecisionCache; other: GraphPlanStore }> {
  h = harness({ scopes: ['Sites.Selected'] });
  h.fake.sharePoint.addSite(SITE);
  listIds = (await provisionLists(h.api, SITE)).listIds;
  const options = { siteId: SITE, listIds, auditKey: 'audit-key-1', retry: { sleep: async () => {} }, pageSize: 2 };
  const cache = new DeltaDecisionCache(new GraphPlanStore(h.api, options));
  // Someone else's client on the same site.
  const other = new GraphPlanStore(h.api, options);
  const directory: Directory = {
    me: async () => leader,
    getPerson: async (id) => (id === leader.id ? leader : null),
    search: async () => [],
    listByDepartment: async () => [],
  };
  await other.saveSettings(b.settings);
  await other.savePathway(b.pathway({ id: 'pw-1' }));
  const s: Services = {
    store: cache,
    calendar: new GraphCalendar(h.api),
    directory,
    channel: new BroadcastMeetingChannel(new SequentialIds('session')),
    clock: new FixedClock(b.at(24 * 60)),
    ids: new SequentialIds('id'),
  };
  return { s, cache, other };
}

const decisionsList = () => new RegExp(`^/sites/${SITE}/lists/${listIds.HelhedDecisions}/items`);
const decisionReads = () => h.fake.requestsTo('GET', decisionsList());

describe('DeltaDecisionCache: the leader review refreshes through the delta feed', () => {
  it('[round trips] a second review with no changes reads the decisions with exactly one delta request', async () => {
    const { s, other } = await setup();
    const decisions = Array.from({ length: 7 }, (_, n) => b.decision({ id: `d-${n}`, createdAt: b.at(n) }));
    await other.appendDecisions(decisions, []);

    h.fake.requests.length = 0;
    const first = await reviewDecisions(s, everything);
    expect(first.rows.map((r) => r.decision.id)).toStrictEqual(['d-6', 'd-5', 'd-4', 'd-3', 'd-2', 'd-1', 'd-0']);
    // 7 items, pages of 2: the first enumeration is 4 delta pages.
    expect(decisionReads().map((r) => r.path)).toStrictEqual(Array.from({ length: 4 }, () => `/sites/${SITE}/lists/${listIds.HelhedDecisions}/items/delta`));

    h.fake.requests.length = 0;
    const again = await reviewDecisions(s, everything);
    expect(again.rows).toStrictEqual(first.rows);
    expect(decisionReads()).toHaveLength(1);
    expect(decisionReads()[0]?.url.searchParams.has('token')).toBe(true);
  });

  it("another person's new decision and an administrator's removal show at the next refresh", async () => {
    const { s, other } = await setup();
    await other.appendDecisions([b.decision({ id: 'd-1', createdAt: b.at(1) }), b.decision({ id: 'd-2', createdAt: b.at(2) })], []);
    expect((await reviewDecisions(s, everything)).rows.map((r) => r.decision.id)).toStrictEqual(['d-2', 'd-1']);

    await other.appendDecisions([b.decision({ id: 'd-3', createdAt: b.at(3) })], []);
    const removed = [...(h.fake.sharePoint.listByName(SITE, 'HelhedDecisions')?.items.values() ?? [])].find((i) => i.fields.clientKey === 'd-1');
    await h.api.call({ method: 'DELETE', path: `/sites/${SITE}/lists/${listIds.HelhedDecisions}/items/${removed?.id}`, schema: z.unknown() });

    expect((await reviewDecisions(s, everything)).rows.map((r) => r.decision.id)).toStrictEqual(['d-3', 'd-2']);
  });

  it('a delta token Graph no longer knows (410) replaces the copy with a full enumeration', async () => {
    const { s, other } = await setup();
    await other.appendDecisions([b.decision({ id: 'd-1', createdAt: b.at(1) })], []);
    await reviewDecisions(s, everything);
    await other.appendDecisions([b.decision({ id: 'd-2', createdAt: b.at(2) })], []);
    h.fake.sharePoint.deltaTokensValidFrom = Number.MAX_SAFE_INTEGER;
    expect((await reviewDecisions(s, everything)).rows.map((r) => r.decision.id)).toStrictEqual(['d-2', 'd-1']);
  });

  it('filters the copy like the store does (department, status, period) and shares one delta request between concurrent queries', async () => {
    const { cache, other } = await setup();
    await other.appendDecisions(
      [
        b.decision({ id: 'd-social', createdAt: b.at(1) }),
        b.decision({ id: 'd-health', createdAt: b.at(2), commitments: [{ departmentId: 'd-health', amountDkk: 1000 }] }),
        b.decision({ id: 'd-escalated', createdAt: b.at(3), status: 'requires-leader-follow-up' }),
      ],
      [],
    );
    h.fake.requests.length = 0;
    const [social, escalated, period] = await Promise.all([
      cache.listDecisions({ departmentIds: ['d-social'] }),
      cache.listDecisions({ status: 'requires-leader-follow-up' }),
      cache.listDecisions({ from: b.at(2), to: b.at(3) }),
    ]);
    expect(social.map((d) => d.id)).toStrictEqual(['d-social', 'd-escalated']);
    expect(escalated.map((d) => d.id)).toStrictEqual(['d-escalated']);
    expect(period.map((d) => d.id)).toStrictEqual(['d-health']);
    // One enumeration (3 items, pages of 2) shared by the three queries.
    expect(decisionReads()).toHaveLength(2);
    expect(await cache.listDecisions({ departmentIds: [] })).toStrictEqual([]);
  });

  it("a pathway's or a meeting's decisions are read on the indexed column, not from the copy", async () => {
    const { cache, other } = await setup();
    await other.appendDecisions([b.decision({ id: 'd-1' })], []);
    h.fake.requests.length = 0;
    expect((await cache.listDecisions({ pathwayId: 'pw-1' })).map((d) => d.id)).toStrictEqual(['d-1']);
    expect(decisionReads().map((r) => r.path)).toStrictEqual([`/sites/${SITE}/lists/${listIds.HelhedDecisions}/items`]);
    expect(decisionReads()[0]?.url.searchParams.get('$filter')).toContain('pathwayId');
  });
});

describe('GraphPlanStore.listActions for the leader review', () => {
  it('[round trips] the actions of many decisions are one paged read, not one read per decision', async () => {
    const { s, other } = await setup();
    for (let n = 0; n < 12; n += 1) await other.savePathway(b.pathway({ id: `pw-${n}` }));
    const decisions = Array.from({ length: 30 }, (_, n) => b.decision({ id: `d-${n}`, pathwayId: `pw-${n % 12}`, createdAt: b.at(n) }));
    await other.appendDecisions(decisions, decisions.map((d) => b.action({ id: `a-${d.id}`, decisionId: d.id, pathwayId: d.pathwayId })));
    h.fake.requests.length = 0;
    const review = await reviewDecisions(s, everything);
    expect(review.rows.filter((r) => r.action !== null)).toHaveLength(30);
    const actionReads = h.fake.requestsTo('GET', new RegExp(`^/sites/${SITE}/lists/${listIds.HelhedActions}/items`));
    // 30 actions in pages of 2: 15 pages of one unfiltered read (30 filtered reads before).
    expect(actionReads).toHaveLength(15);
    expect(actionReads.every((r) => !r.url.searchParams.has('$filter'))).toBe(true);
  });
});
