/**
 * GraphPlanStoreSetup over the fake Graph (msw): inspect only reads; provision creates what is
 * missing, the audit key included; a second run changes nothing (only GET requests); failures
 * become the port's typed SetupError.
 */
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GraphPlanStore } from '../../../src/adapters/graph/graph-plan-store';
import { AUDIT_KEY_ITEM, GraphPlanStoreSetup, resolveSiteId } from '../../../src/adapters/graph/graph-plan-store-setup';
import { HELHED_LISTS } from '../../../src/adapters/graph/sharepoint-lists';
import { CryptoIds } from '../../../src/adapters/local/crypto-ids';
import { SetupError } from '../../../src/ports/plan-store-setup';
import { harness, listen, server, type Harness } from '../../support/fake-graph/graph-harness';

listen(beforeAll, afterAll);

const SITE = 'contoso.sharepoint.com,2c1b6b5e-0000-4000-8000-000000000001,3d2c7c6f-0000-4000-8000-000000000002';

let h: Harness;
afterEach(() => {
  expect(h.fake.schemaViolations).toStrictEqual([]);
});

function setup(): GraphPlanStoreSetup {
  h = harness({ scopes: ['Sites.Selected'] });
  h.fake.sharePoint.addSite(SITE);
  return new GraphPlanStoreSetup(h.api, SITE, new CryptoIds());
}

const methods = (): string[] => [...new Set(h.fake.requests.map((r) => r.method))];

describe('GraphPlanStoreSetup', () => {
  it('inspect on an empty site: every list missing, no audit key, not ready, and only reads', async () => {
    const s = setup();
    const status = await s.inspect();
    expect(status.ready).toBe(false);
    expect(status.auditKeyPresent).toBe(false);
    expect(status.containers.map((c) => c.name)).toStrictEqual(HELHED_LISTS.map((l) => l.name));
    expect(status.containers.every((c) => !c.exists)).toBe(true);
    expect(methods()).toStrictEqual(['GET']);
    expect(await s.connect()).toBeNull();
  });

  it('provision creates every list and the audit key; running it twice changes nothing (second run = only reads)', async () => {
    const s = setup();
    const first = await s.provision();
    expect(first.created).toStrictEqual([...HELHED_LISTS.map((l) => `list ${l.name}`), 'audit key']);
    expect(first.status.ready).toBe(true);
    expect(first.status.auditKeyPresent).toBe(true);
    const settings = h.fake.sharePoint.listByName(SITE, 'HelhedSettings');
    const keyItems = [...(settings?.items.values() ?? [])].filter((i) => i.fields.clientKey === AUDIT_KEY_ITEM);
    expect(keyItems).toHaveLength(1);
    const stored = JSON.parse(String(keyItems[0]?.fields.record)) as { auditKey: string };
    expect(stored.auditKey).toMatch(/^[0-9a-f]{64}$/);

    h.fake.requests.length = 0;
    const second = await s.provision();
    expect(second.created).toStrictEqual([]);
    expect(second.status.ready).toBe(true);
    expect(h.fake.requests.length).toBeGreaterThan(0);
    expect(methods()).toStrictEqual(['GET']);
    expect([...(settings?.items.values() ?? [])].filter((i) => i.fields.clientKey === AUDIT_KEY_ITEM)).toHaveLength(1);

    // Every client derives the same key from the site.
    const connected = await s.connect();
    expect(connected?.auditKey).toBe(stored.auditKey);
    expect(Object.keys(connected?.listIds ?? {})).toStrictEqual(HELHED_LISTS.map((l) => l.name));
    const again = await new GraphPlanStoreSetup(h.api, SITE, new CryptoIds()).connect();
    expect(again).toStrictEqual(connected);
    // ... and the plan store accepts what connect returns.
    expect(() => new GraphPlanStore(h.api, { siteId: SITE, ...connected! })).not.toThrow();
  });

  it('a list missing a column (an older release): inspect names it, provision adds only that column', async () => {
    const s = setup();
    await s.provision();
    const decisions = h.fake.sharePoint.listByName(SITE, 'HelhedDecisions')!;
    decisions.columns = decisions.columns.filter((c) => c.name !== 'status');
    const status = await s.inspect();
    expect(status.ready).toBe(false);
    expect(status.containers.find((c) => c.name === 'HelhedDecisions')).toStrictEqual({ name: 'HelhedDecisions', exists: true, missingFields: ['status'], unindexedFields: [] });
    h.fake.requests.length = 0;
    const result = await s.provision();
    expect(result.created).toStrictEqual(['column HelhedDecisions.status']);
    expect(h.fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toStrictEqual([
      `POST /sites/${SITE}/lists/${decisions.id}/columns`,
    ]);
    expect(result.status.ready).toBe(true);
  });

  it('a column without its index: inspect names it, provision indexes it (PATCH the column) and a second run only reads', async () => {
    const s = setup();
    await s.provision();
    const plans = h.fake.sharePoint.listByName(SITE, 'HelhedPlans')!;
    const version = plans.columns.find((c) => c.name === 'version')!;
    version.indexed = false;
    version.definition = { ...version.definition, indexed: false };
    const status = await s.inspect();
    expect(status.ready).toBe(false);
    expect(status.containers.find((c) => c.name === 'HelhedPlans')?.unindexedFields).toStrictEqual(['version']);
    h.fake.requests.length = 0;
    const result = await s.provision();
    expect(result.created).toStrictEqual(['index HelhedPlans.version']);
    expect(h.fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toStrictEqual([
      `PATCH /sites/${SITE}/lists/${plans.id}/columns/${String(version.definition.id)}`,
    ]);
    expect(h.fake.requests.find((r) => r.method === 'PATCH')?.body).toStrictEqual({ indexed: true });
    expect(result.status.ready).toBe(true);
    h.fake.requests.length = 0;
    expect((await s.provision()).created).toStrictEqual([]);
    expect(methods()).toStrictEqual(['GET']);
  });

  it('403 on the site becomes SetupError("forbidden"); 404 becomes "notFound"', async () => {
    const s = setup();
    h.fake.inject({ method: 'GET', path: /\/lists$/, status: 403, code: 'accessDenied' });
    await expect(s.inspect()).rejects.toMatchObject({ name: 'SetupError', problem: 'forbidden', status: 403 });
    h.fake.inject({ method: 'GET', path: /\/lists$/, status: 403, code: 'accessDenied' });
    await expect(s.provision()).rejects.toBeInstanceOf(SetupError);
    const missing = new GraphPlanStoreSetup(h.api, 'no-such-site', new CryptoIds());
    await expect(missing.inspect()).rejects.toMatchObject({ problem: 'notFound' });
  });

  it('resolveSiteId reads the site by host name and server-relative path (GET /sites/{hostname}:/{path})', async () => {
    setup();
    const seen: string[] = [];
    server.use(
      http.get(/^https:\/\/graph\.microsoft\.com\/v1\.0\/sites\/contoso\.sharepoint\.com:/, ({ request }) => {
        seen.push(decodeURIComponent(new URL(request.url).pathname));
        return HttpResponse.json({ id: SITE });
      }),
    );
    await expect(resolveSiteId(h.api, 'https://contoso.sharepoint.com/sites/helhed/')).resolves.toBe(SITE);
    expect(seen).toStrictEqual(['/v1.0/sites/contoso.sharepoint.com:/sites/helhed']);
  });
});
