/**
 * The Teams-mode composition over the fake Graph (msw, jsdom: the outbox syncs on `window`):
 * an unprovisioned site gives the setup port; after provisioning, the plan store is
 * GraphPlanStore behind the outbox, and sign-out stops the sync, clears the outbox and MSAL.
 */
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// jsdom gives modules a non-file import.meta.url: point the fake's OpenAPI subset at the file (before the imports below run).
vi.hoisted(() => {
  process.env.GRAPH_OPENAPI_SUBSET ??= `${process.cwd()}/../shared/reference/graph-v1.0-openapi-subset.json`;
});
import { connectGraph } from '../../../src/app/graph-session';
import type { MsalTokenProvider } from '../../../src/host/auth/msal-token-provider';
import * as b from '../../contract/support/builders';
import { harness, listen, server, type Harness } from '../../support/fake-graph/graph-harness';

listen(beforeAll, afterAll);

const SITE = 'contoso.sharepoint.com,2c1b6b5e-0000-4000-8000-000000000001,3d2c7c6f-0000-4000-8000-000000000002';
const SITE_URL = 'https://contoso.sharepoint.com/sites/helhed';

function start(): { h: Harness; tokens: MsalTokenProvider & { signOut: ReturnType<typeof vi.fn> } } {
  const h = harness({ scopes: ['Sites.Selected'] });
  h.fake.sharePoint.addSite(SITE);
  server.use(http.get(/^https:\/\/graph\.microsoft\.com\/v1\.0\/sites\/contoso\.sharepoint\.com:\/sites\/helhed/, () => HttpResponse.json({ id: SITE })));
  const tokens = { getToken: async () => 'token-1', signOut: vi.fn(async () => {}) } as unknown as MsalTokenProvider & { signOut: ReturnType<typeof vi.fn> };
  return { h, tokens };
}

describe('connectGraph with a SharePoint site', () => {
  it('not provisioned: the setup port; provisioned: the plan store behind the outbox; sign-out clears it all', async () => {
    const { h, tokens } = start();
    const first = await connectGraph(tokens, { siteUrl: SITE_URL });
    expect(first.me.displayName).toBe('Tove Holder');
    expect(first.plans?.status).toBe('setup');
    if (first.plans?.status !== 'setup') throw new Error('expected setup');
    expect(first.plans.problem).toBeNull();
    expect((await first.plans.setup.provision()).status.ready).toBe(true);

    const plans = await first.plans.reconnect();
    expect(plans.status).toBe('ready');
    if (plans.status !== 'ready') throw new Error('expected ready');
    const { store } = plans.session.services;
    const pathway = b.pathway({ id: 'p-1' });
    await store.savePathway(pathway);
    expect(h.fake.sharePoint.listByName(SITE, 'HelhedPathways')?.items.size).toBe(1);
    expect(await store.getPathway('p-1')).toStrictEqual(pathway);

    await plans.signOut();
    expect(tokens.signOut).toHaveBeenCalledTimes(1);
  });

  it('a site the app has no access to (403) gives the setup screen with the reason', async () => {
    const { h, tokens } = start();
    h.fake.inject({ method: 'GET', path: /\/lists$/, status: 403, code: 'accessDenied' });
    const connection = await connectGraph(tokens, { siteUrl: SITE_URL });
    expect(connection.plans).toMatchObject({ status: 'setup', problem: { problem: 'forbidden' } });
  });
});
