/**
 * GraphPlanStore beyond the port contract: round trips at the API's minimum (ARCHITECTURE.md),
 * the leader refresh through the list items delta feed, partial failure and replay, ETag
 * conflicts that are never overwritten, and the pseudonymous audit trail.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BATCH_LIMIT } from '../../../src/adapters/graph/batch-writer';
import { GraphPlanStore } from '../../../src/adapters/graph/graph-plan-store';
import { provisionLists } from '../../../src/adapters/graph/sharepoint-lists';
import type { Minutes } from '../../../src/domain/model';
import * as b from '../../contract/support/builders';
import { harness, listen, type Harness } from '../../support/fake-graph/graph-harness';
import type { RecordedRequest } from '../../support/fake-graph/fake-graph';

listen(beforeAll, afterAll);

const SITE = 'contoso.sharepoint.com,2c1b6b5e-0000-4000-8000-000000000001,3d2c7c6f-0000-4000-8000-000000000002';

let h: Harness;
let listIds: Record<string, string>;
afterEach(() => {
  expect(h.fake.schemaViolations).toStrictEqual([]);
});

async function setup(options: { pageSize?: number; auditKey?: string } = {}): Promise<GraphPlanStore> {
  h = harness({ scopes: ['Sites.Selected'] });
  h.fake.sharePoint.addSite(SITE);
  listIds = (await provisionLists(h.api, SITE)).listIds;
  const store = new GraphPlanStore(h.api, { siteId: SITE, listIds, auditKey: options.auditKey ?? 'audit-key-1', retry: { sleep: async () => {} }, pageSize: options.pageSize });
  h.fake.requests.length = 0;
  h.fake.batchSteps.length = 0;
  return store;
}

const calls = (): string[] => h.fake.requests.map((r) => `${r.method} ${r.path}`);
const batchCalls = (): number => h.fake.requests.filter((r) => r.method === 'POST' && r.path === '/$batch').length;
const items = (list: string) => [...(h.fake.sharePoint.listByName(SITE, list)?.items.values() ?? [])];
const createOf = (step: RecordedRequest): string | undefined =>
  step.method === 'POST' ? ((step.body as { fields?: { clientKey?: string } }).fields?.clientKey ?? undefined) : undefined;

describe('GraphPlanStore: round trips at the API minimum', () => {
  for (const k of [0, 19, 59]) {
    // The minutes, K decisions and their K audit entries in ceil((1+2K)/20) $batch calls, then the
    // minutes' own audit entry once the minutes are written (it must not claim a lost race).
    const writes = Math.ceil((1 + 2 * k) / BATCH_LIMIT) + 1;
    it(`[round trips] minutes with ${k} decisions = ceil((1+2×${k})/20) + 1 = ${writes} write calls (plus the reads on indexed columns)`, async () => {
      const store = await setup();
      const decisions = Array.from({ length: k }, (_, n) => b.decision({ id: `d-${n}`, meetingId: 'm-1', createdAt: b.at(n) }));
      const written = await store.writeMinutesWithDecisions(b.minutesInput({ meetingId: 'm-1' }), decisions);
      expect(written.version).toBe(1);
      // Reads before writing: the meeting's decisions (only when there are any) and the minutes item.
      const reads = calls().filter((c) => c.startsWith('GET'));
      expect(reads).toHaveLength(k === 0 ? 1 : 2);
      expect(calls()).toHaveLength(reads.length + writes);
      expect(await store.listDecisions({ meetingId: 'm-1' })).toStrictEqual(decisions);
      expect(await store.getMinutes('m-1')).toStrictEqual(written);
      expect((await store.listAudit('pw-1')).map((e) => e.entity).sort()).toStrictEqual([...Array.from({ length: k }, () => 'decision'), 'minutes']);
    });
  }

  it('[round trips] a decision with its action (and its audit entry) in a meeting = 1 $batch call', async () => {
    const store = await setup();
    await store.appendDecisions([b.decision({ id: 'd-1' })], [b.action({ id: 'a-1', decisionId: 'd-1' })]);
    expect(batchCalls()).toBe(1);
    // The decision, its action and the decision's audit entry (keyed by the citizen's hash, not the pathway).
    expect(h.fake.batchSteps.map(createOf)).toStrictEqual(['d-1', 'a-1', expect.stringMatching(/^[0-9a-f]{64}:decision:d-1$/)]);
  });
});

describe('GraphPlanStore.refreshDecisions (list items delta)', () => {
  it('[round trips] the first refresh enumerates every page; a refresh with no changes is 1 call, following the deltaLink verbatim', async () => {
    const store = await setup({ pageSize: 2 });
    const decisions = Array.from({ length: 5 }, (_, n) => b.decision({ id: `d-${n}`, createdAt: b.at(n) }));
    await store.appendDecisions(decisions, []);
    h.fake.requests.length = 0;

    const first = await store.refreshDecisions(null);
    expect(first.decisions).toStrictEqual(decisions);
    expect(first.reset).toBe(true);
    expect(calls()).toStrictEqual(Array.from({ length: 3 }, () => `GET /sites/${SITE}/lists/${listIds.HelhedDecisions}/items/delta`));

    h.fake.requests.length = 0;
    const idle = await store.refreshDecisions(first.deltaLink);
    expect(idle).toMatchObject({ decisions: [], removedItemIds: [], reset: false });
    expect(h.fake.requests).toHaveLength(1);
    expect(h.fake.requests[0]?.url.toString()).toBe(first.deltaLink);

    const late = b.decision({ id: 'd-late', createdAt: b.at(99) });
    await store.appendDecisions([late], []);
    h.fake.requests.length = 0;
    const changed = await store.refreshDecisions(idle.deltaLink);
    expect(changed.decisions).toStrictEqual([late]);
    expect(h.fake.requests).toHaveLength(1);
  });

  it('a token Graph no longer knows (410 Gone) restarts with a full enumeration, flagged reset', async () => {
    const store = await setup();
    await store.appendDecisions([b.decision({ id: 'd-1', createdAt: b.at(0) })], []);
    const { deltaLink } = await store.refreshDecisions(null);
    await store.appendDecisions([b.decision({ id: 'd-2', createdAt: b.at(5) })], []);
    h.fake.sharePoint.deltaTokensValidFrom = Number.MAX_SAFE_INTEGER;
    const after = await store.refreshDecisions(deltaLink);
    expect(after.reset).toBe(true);
    expect(after.decisions.map((d) => d.id)).toStrictEqual(['d-1', 'd-2']);
  });

  it('an item removed in SharePoint is reported by item id', async () => {
    const store = await setup();
    await store.appendDecisions([b.decision({ id: 'd-1' })], []);
    const { deltaLink } = await store.refreshDecisions(null);
    const [item] = items('HelhedDecisions');
    await h.api.call({ method: 'DELETE', path: `/sites/${SITE}/lists/${listIds.HelhedDecisions}/items/${item?.id}`, schema: z.unknown() });
    const after = await store.refreshDecisions(deltaLink);
    expect(after.removedItemIds).toStrictEqual([item?.id]);
  });
});

describe('GraphPlanStore: partial failure and replay', () => {
  it('[all or nothing] a decision step that fails fails the call; the action that landed stays hidden until the replay completes, once', async () => {
    const store = await setup();
    const d = b.decision({ id: 'd-1' });
    const a = b.action({ id: 'a-1', decisionId: 'd-1' });
    h.fake.stepFault = (step) => (createOf(step) === 'd-1' ? { status: 403, code: 'accessDenied' } : undefined);
    await expect(store.appendDecisions([d], [a])).rejects.toThrow();
    expect(items('HelhedActions')).toHaveLength(1);
    expect(await store.listActions({})).toStrictEqual([]);

    h.fake.stepFault = null;
    await store.appendDecisions([d], [a]);
    expect(await store.listDecisions({})).toStrictEqual([d]);
    expect(await store.listActions({})).toStrictEqual([a]);
    expect(items('HelhedDecisions')).toHaveLength(1);
    expect(items('HelhedActions')).toHaveLength(1);
  });

  it('[idempotent] a create committed but answered 504 is found by clientKey, not written twice', async () => {
    const store = await setup();
    let once = true;
    h.fake.stepFault = (step) => {
      if (once && createOf(step) === 'd-1') {
        once = false;
        return { status: 504, afterCommit: true };
      }
      return undefined;
    };
    await store.appendDecisions([b.decision({ id: 'd-1' })], []);
    expect(items('HelhedDecisions')).toHaveLength(1);
  });
});

describe('GraphPlanStore: ETag conflicts are never overwritten', () => {
  it('[412] minutes changed by another writer between read and PATCH: re-read, and written on top as the next version', async () => {
    const store = await setup();
    await store.writeMinutes(b.minutesInput({ meetingId: 'm-1' }));
    let interfered = false;
    h.fake.requestFault = (req) => {
      const steps = (req.body as { requests?: { method: string }[] } | undefined)?.requests ?? [];
      if (!interfered && req.path === '/$batch' && steps.some((s) => s.method === 'PATCH')) {
        interfered = true;
        const [item] = items('HelhedMinutes');
        if (item === undefined) throw new Error('no minutes item');
        const theirs: Minutes = { ...(JSON.parse(String(item.fields.record)) as Minutes), version: 2, approvedBy: 'p-other' };
        item.fields.record = JSON.stringify(theirs);
        item.version += 1;
      }
      return undefined;
    };
    const mine = await store.writeMinutes(b.minutesInput({ meetingId: 'm-1', approvedAt: b.at(300) }));
    expect(mine.version).toBe(3);
    const patches = h.fake.batchSteps.filter((s) => s.method === 'PATCH');
    expect(patches.map((s) => s.headers.get('If-Match'))).toHaveLength(2);
    expect(new Set(patches.map((s) => s.headers.get('If-Match'))).size).toBe(2);
    expect(await store.getMinutes('m-1')).toStrictEqual(mine);
  });
});

describe('GraphPlanStore: audit of plan writes (pseudonymous)', () => {
  it('every plan version writes one audit entry: who, what (field names), when (UTC); the list holds a keyed hash, never the pathway id or content', async () => {
    const store = await setup();
    await store.savePlan(b.plan('pw-1'), 0);
    await store.savePlan(b.plan('pw-1', { updatedAt: '2031-03-11T10:05:00+01:00', updatedBy: 'p-other', transitions: [], goals: [] }), 1);
    expect(await store.listWriteAudit('pw-1')).toStrictEqual([
      { id: 'pw-1:plan:1', pathwayId: 'pw-1', entity: 'plan', action: 'create', changedFields: ['goals', 'interventions', 'transitions'], actorId: 'p-coordinator', at: b.T0 },
      { id: 'pw-1:plan:2', pathwayId: 'pw-1', entity: 'plan', action: 'update', changedFields: ['goals'], actorId: 'p-other', at: '2031-03-11T09:05:00.000Z' },
    ]);
    expect(await store.listAudit('pw-1')).toStrictEqual(await store.listWriteAudit('pw-1'));
    const stored = JSON.stringify(items('HelhedAudit').map((i) => i.fields));
    expect(stored).not.toContain('pw-1');
    expect(stored).not.toContain('lejlighed');
    const keys = new Set(items('HelhedAudit').map((i) => i.fields.citizenKey));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a plan that landed without its audit entry is completed by the retry, not refused as a conflict', async () => {
    const store = await setup();
    let failAudit = true;
    h.fake.stepFault = (step) => {
      const list = step.path.split('/')[4];
      if (failAudit && list === listIds.HelhedAudit && step.method === 'POST') {
        failAudit = false;
        return { status: 403, code: 'accessDenied' };
      }
      return undefined;
    };
    await expect(store.savePlan(b.plan('pw-1'), 0)).rejects.toThrow();
    expect(items('HelhedPlans')).toHaveLength(1);
    const saved = await store.savePlan(b.plan('pw-1'), 0);
    expect(saved.version).toBe(1);
    expect(items('HelhedPlans')).toHaveLength(1);
    expect((await store.listWriteAudit('pw-1')).map((e) => e.id)).toStrictEqual(['pw-1:plan:1']);
    // Once audited, the same save is a conflict again (the plan exists).
    await expect(store.savePlan(b.plan('pw-1'), 0)).rejects.toThrow(/expected version 0, found 1/);
  });
});
