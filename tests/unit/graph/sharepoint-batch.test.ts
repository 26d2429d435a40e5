/**
 * The plan lists in SharePoint: idempotent provisioning, and the $batch writer under faults
 * (ARCHITECTURE.md: "Every write is idempotent", "Round trips at the API's minimum").
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_LIMIT, BatchWriter, type ItemWrite } from '../../../src/adapters/graph/batch-writer';
import { HELHED_LISTS, provisionLists } from '../../../src/adapters/graph/sharepoint-lists';
import { NonIndexedFilterError, readItems } from '../../../src/adapters/graph/sharepoint-reader';
import { harness, listen, type Harness } from '../../support/fake-graph/graph-harness';

listen(beforeAll, afterAll);

const SITE = 'contoso.sharepoint.com,2c1b6b5e-0000-4000-8000-000000000001,3d2c7c6f-0000-4000-8000-000000000002';

let h: Harness;
afterEach(() => {
  expect(h.fake.schemaViolations).toStrictEqual([]);
});

function setup(): Harness {
  h = harness({ scopes: ['Sites.Selected'] });
  h.fake.sharePoint.addSite(SITE);
  return h;
}

/** A deterministic PRNG (mulberry32), so a failing run can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('provisioning the lists [idempotent]', () => {
  it('creates every list with its columns in one request each; clientKey is indexed and unique', async () => {
    setup();
    const report = await provisionLists(h.api, SITE);
    expect(report.created).toStrictEqual(HELHED_LISTS.map((l) => `list ${l.name}`));
    expect(h.fake.requests.map((r) => r.method)).toStrictEqual(['GET', ...HELHED_LISTS.map(() => 'POST')]);
    const decisions = h.fake.sharePoint.listByName(SITE, 'HelhedDecisions');
    expect(decisions?.columns.find((c) => c.name === 'clientKey')).toMatchObject({ indexed: true, enforceUniqueValues: true });
    expect(decisions?.columns.filter((c) => c.indexed).map((c) => c.name)).toStrictEqual(['ID', 'clientKey', 'pathwayId', 'meetingId', 'createdAtMs', 'status']);
  });

  it('running it twice changes nothing: the second run only reads', async () => {
    setup();
    const first = await provisionLists(h.api, SITE);
    h.fake.requests.length = 0;
    const second = await provisionLists(h.api, SITE);
    expect(second.created).toStrictEqual([]);
    expect(second.listIds).toStrictEqual(first.listIds);
    expect(h.fake.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('a list missing a column gets that column and nothing else', async () => {
    setup();
    await provisionLists(h.api, SITE);
    const plans = h.fake.sharePoint.listByName(SITE, 'HelhedPlans');
    if (plans === undefined) throw new Error('no HelhedPlans');
    plans.columns = plans.columns.filter((c) => c.name !== 'version');
    const report = await provisionLists(h.api, SITE);
    expect(report.created).toStrictEqual(['column HelhedPlans.version']);
    expect(plans.columns.find((c) => c.name === 'version')).toMatchObject({ indexed: true });
  });
});

async function decisionsList(): Promise<string> {
  const { listIds } = await provisionLists(h.api, SITE);
  h.fake.requests.length = 0;
  const id = listIds.HelhedDecisions;
  if (id === undefined) throw new Error('no decisions list');
  return id;
}

const create = (listId: string, n: number): ItemWrite => ({
  kind: 'create',
  listId,
  clientKey: `decision-${n}`,
  fields: { pathwayId: 'pw-1', meetingId: 'm-1', createdAtMs: n, record: JSON.stringify({ id: `decision-${n}` }) },
});

describe('$batch writer', () => {
  for (const k of [0, 19, 59]) {
    it(`[round trips] minutes with ${k} decisions = ceil((1+${k})/20) = ${Math.ceil((1 + k) / BATCH_LIMIT)} $batch calls`, async () => {
      setup();
      const listId = await decisionsList();
      const writes = Array.from({ length: 1 + k }, (_, n) => create(listId, n));
      const results = await new BatchWriter(h.api, SITE, { sleep: async () => {} }).write(writes);
      expect(results.every((r) => r.ok)).toBe(true);
      expect(h.fake.requests.map((r) => `${r.method} ${r.path}`)).toStrictEqual(Array.from({ length: Math.ceil((1 + k) / 20) }, () => 'POST /$batch'));
    });
  }

  it('step URLs are relative and carry no /v1.0 (graph-client 3.0.7 trap: Graph answers 400)', async () => {
    setup();
    const listId = await decisionsList();
    await new BatchWriter(h.api, SITE).write([create(listId, 1)]);
    expect(h.fake.batchSteps.map((s) => s.url.pathname)).toStrictEqual([`/v1.0/sites/${encodeURIComponent(SITE)}/lists/${listId}/items`]);
    const body = h.fake.requests[0]?.body as { requests: { url: string }[] };
    expect(body.requests[0]?.url.startsWith('/sites/')).toBe(true);
  });

  it('[fault] 1,000 decision writes with 20% 429 (half with Retry-After), 5% 503, 2% committed-then-504, 1% dropped connections: 0 lost, 0 duplicated', { timeout: 60_000 }, async () => {
    setup();
    const listId = await decisionsList();
    const random = prng(4711);
    let committedThen504 = 0;
    let retryAfterSent = 0;
    h.fake.stepFault = () => {
      const r = random();
      if (r < 0.1) {
        retryAfterSent += 1;
        return { status: 429, headers: { 'Retry-After': '2' } };
      }
      if (r < 0.2) return { status: 429 };
      if (r < 0.25) return { status: 503 };
      if (r < 0.27) {
        committedThen504 += 1;
        return { status: 504, afterCommit: true };
      }
      return undefined;
    };
    h.fake.requestFault = (req) => (req.path === '/$batch' && random() < 0.01 ? { drop: true, afterCommit: random() < 0.5 } : undefined);

    const writes = Array.from({ length: 1000 }, (_, n) => create(listId, n));
    const results = await new BatchWriter(h.api, SITE, { sleep: async (ms) => void h.sleeps.push(ms), random: () => 0.5 }, 12).write(writes);

    expect(results.filter((r) => !r.ok)).toStrictEqual([]);
    const stored = [...(h.fake.sharePoint.listByName(SITE, 'HelhedDecisions')?.items.values() ?? [])];
    const keys = stored.map((i) => i.fields.clientKey);
    expect(stored).toHaveLength(1000); // 0 duplicated
    expect(new Set(keys)).toStrictEqual(new Set(writes.map((w) => (w.kind === 'create' ? w.clientKey : '')))); // 0 lost
    // Each result names the item that holds its clientKey.
    const byId = new Map(stored.map((i) => [i.id, i.fields.clientKey]));
    results.forEach((r, n) => expect(r.ok && byId.get(r.itemId)).toBe(`decision-${n}`));
    // The committed-then-504 creates were found by clientKey, not written twice.
    expect(committedThen504).toBeGreaterThan(0);
    expect(results.filter((r) => r.ok && r.existed).length).toBeGreaterThanOrEqual(committedThen504);
    // Retry-After (2 s) was honoured when Graph sent it.
    expect(retryAfterSent).toBeGreaterThan(0);
    expect(h.sleeps).toContain(2000);
  });

  it('[412] an update on a stale ETag is a conflict, never an overwrite', async () => {
    setup();
    const listId = await decisionsList();
    const writer = new BatchWriter(h.api, SITE);
    const [created] = await writer.write([create(listId, 1)]);
    if (created === undefined || !created.ok || created.etag === null) throw new Error('not created');
    const first = await writer.write([{ kind: 'update', listId, itemId: created.itemId, etag: created.etag, fields: { record: '{"v":2}' } }]);
    expect(first[0]).toMatchObject({ ok: true });
    // A second writer still holds the first ETag.
    const stale = await writer.write([{ kind: 'update', listId, itemId: created.itemId, etag: created.etag, fields: { record: '{"v":"other"}' } }]);
    expect(stale).toStrictEqual([{ ok: false, conflict: true, itemId: created.itemId }]);
    const item = h.fake.sharePoint.listByName(SITE, 'HelhedDecisions')?.items.get(created.itemId);
    expect(item?.fields.record).toBe('{"v":2}');
  });
});

describe('updates under faults', () => {
  it('[concurrency] two writers on the same items: each 412 is a conflict for the loser, none lost, none overwritten', async () => {
    setup();
    const listId = await decisionsList();
    const writer = new BatchWriter(h.api, SITE);
    const created = await writer.write(Array.from({ length: 30 }, (_, n) => create(listId, n)));
    const base = created.map((r) => (r.ok ? { itemId: r.itemId, etag: r.etag ?? '' } : null));
    if (base.some((b) => b === null)) throw new Error('not created');
    const a = await writer.write(base.map((b) => ({ kind: 'update', listId, itemId: b!.itemId, etag: b!.etag, fields: { record: '"A"' } })));
    const b = await writer.write(base.map((x) => ({ kind: 'update', listId, itemId: x!.itemId, etag: x!.etag, fields: { record: '"B"' } })));
    expect(a.every((r) => r.ok)).toBe(true);
    expect(b.every((r) => !r.ok && r.conflict)).toBe(true);
    const items = [...(h.fake.sharePoint.listByName(SITE, 'HelhedDecisions')?.items.values() ?? [])];
    expect(items.map((i) => i.fields.record)).toStrictEqual(items.map(() => '"A"'));
  });

  it('[idempotent] an update that committed but answered 504 is not reported as a conflict when its replay gets 412', async () => {
    setup();
    const listId = await decisionsList();
    const writer = new BatchWriter(h.api, SITE, { sleep: async () => {} });
    const [c] = await writer.write([create(listId, 1)]);
    if (c === undefined || !c.ok || c.etag === null) throw new Error('not created');
    let first = true;
    h.fake.stepFault = (step) => (step.method === 'PATCH' && first ? ((first = false), { status: 504, afterCommit: true }) : undefined);
    const [u] = await writer.write([{ kind: 'update', listId, itemId: c.itemId, etag: c.etag, fields: { record: '{"v":2}' } }]);
    expect(u).toMatchObject({ ok: true, itemId: c.itemId, existed: true });
    expect(h.fake.batchSteps.slice(-3).map((s) => s.method)).toStrictEqual(['PATCH', 'PATCH', 'GET']);
  });
});

describe('reading lists', () => {
  const spec = HELHED_LISTS.find((l) => l.name === 'HelhedDecisions');
  if (spec === undefined) throw new Error('no spec');

  it('[paging] 7 pages, one empty and one throttled: every item exactly once, nextLink followed verbatim', async () => {
    setup();
    const listId = await decisionsList();
    await new BatchWriter(h.api, SITE).write(Array.from({ length: 110 }, (_, n) => create(listId, n)));
    h.fake.requests.length = 0;
    h.fake.sharePoint.emptyPages.add(2);
    let gets = 0;
    h.fake.requestFault = (req) => (req.method === 'GET' && ++gets === 4 ? { status: 429 } : undefined);

    const items = await readItems(h.api, SITE, listId, spec, { column: 'meetingId', value: 'm-1' }, 20);

    expect(items.map((i) => i.fields.clientKey)).toStrictEqual(Array.from({ length: 110 }, (_, n) => `decision-${n}`));
    const pages = h.fake.requests.map((r) => r.url.searchParams.get('$skiptoken'));
    // 7 pages (6 with items, 1 empty), the 4th request answered 429 and re-sent.
    expect(pages).toStrictEqual([null, '1.20', '2.40', '3.40', '3.40', '4.60', '5.80', '6.100']);
    // The filter survives every hop: the nextLink was followed as given.
    expect(new Set(h.fake.requests.map((r) => r.url.searchParams.get('$filter')))).toStrictEqual(new Set(["fields/meetingId eq 'm-1'"]));
  });

  it('refuses a filter on a column that is not indexed, before any request', async () => {
    setup();
    const listId = await decisionsList();
    await expect(readItems(h.api, SITE, listId, spec, { column: 'record', value: 'x' })).rejects.toBeInstanceOf(NonIndexedFilterError);
    expect(h.fake.requests).toStrictEqual([]);
  });
});
