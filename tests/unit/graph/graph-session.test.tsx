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
import { REPORT_SCOPES, connectGraph } from '../../../src/app/graph-session';
import { outlookCustomPropertiesId } from '../../../src/adapters/graph/graph-calendar';
import type { MsalTokenProvider } from '../../../src/host/auth/msal-token-provider';
import * as b from '../../contract/support/builders';
import type { Department } from '../../../src/domain/model';
import { ORGANISER, harness, listen, server, type Harness } from '../../support/fake-graph/graph-harness';

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

  it('the departments the administrator saved map people and make a configured leader a leader through GraphDirectory.me(), at once and at the next start', async () => {
    const { h, tokens } = start();
    const first = await connectGraph(tokens, { siteUrl: SITE_URL });
    if (first.plans?.status !== 'setup') throw new Error('expected setup');
    await first.plans.setup.provision();
    const plans = await first.plans.reconnect();
    if (plans.status !== 'ready') throw new Error('expected ready');
    // Fresh lists: no departments, so nobody belongs anywhere or leads anything.
    expect(plans.session.departments).toStrictEqual([]);
    expect(plans.session.me).toMatchObject({ departmentId: null, leaderOf: [] });

    const departments: Department[] = [
      // Entra ID calls it "Socialafdelingen"; Helhed "Børn og Familie".
      { id: 'd-social', name: 'Børn og Familie', area: 'social', directoryNames: ['Socialafdelingen'], leaders: [{ personId: ORGANISER.id, displayName: 'Tove Holder' }] },
      { id: 'd-job', name: 'Jobcenter', area: 'employment', directoryNames: ['Jobcenter'], leaders: [] },
    ];
    await plans.session.services.store.saveDepartments(departments);
    const meReads = h.fake.requestsTo('GET', /^\/me$/).length;
    const recompose = plans.session.recompose;
    if (recompose === undefined) throw new Error('Teams mode recomposes its session');
    const next = await recompose(departments);
    const expected = {
      id: ORGANISER.id,
      displayName: 'Tove Holder',
      email: 'organiser@kommune.example',
      departmentId: 'd-social',
      jobTitle: 'Socialrådgiver',
      leaderOf: ['d-social'],
    };
    expect(next.me).toStrictEqual(expected);
    expect(await next.services.directory.me()).toStrictEqual(expected);
    // One /me read at the HTTP boundary for the new mapping (then kept by the directory).
    expect(h.fake.requestsTo('GET', /^\/me$/).length).toBe(meReads + 1);
    expect(next.departments).toStrictEqual(departments);
    // The store, its outbox and the sync are the same; only the directory is new.
    expect(next.services.store).toBe(plans.session.services.store);
    expect(next.services.directory).not.toBe(plans.session.services.directory);

    // The next start (a reload of the frame) reads the mapping from the stored departments.
    const again = await connectGraph(tokens, { siteUrl: SITE_URL });
    if (again.plans?.status !== 'ready') throw new Error('expected ready');
    expect(again.plans.session.me).toStrictEqual(expected);
    await again.plans.signOut();
    await plans.signOut();
  });

  it('a site the app has no access to (403) gives the setup screen with the reason', async () => {
    const { h, tokens } = start();
    h.fake.inject({ method: 'GET', path: /\/lists$/, status: 403, code: 'accessDenied' });
    const connection = await connectGraph(tokens, { siteUrl: SITE_URL });
    expect(connection.plans).toMatchObject({ status: 'setup', problem: { problem: 'forbidden' } });
  });
});

describe('connectGraph: the calendar as Teams mode composes it', () => {
  it('[send guard] books with the Outlook custom property under the manifest id, so the Outlook guard recognises the meeting', async () => {
    const { h, tokens } = start();
    const addInId = '5f1e3a2b-8c4d-4e6f-9a0b-1c2d3e4f5a6b';
    const { calendar } = await connectGraph(tokens, { outlookAddInId: addInId });
    await calendar.createEvent({
      subject: 'Tværfagligt teammøde (MH)',
      body: 'Tværfagligt teammøde med borgeren.',
      location: null,
      start: '2031-03-11T08:00:00.000Z',
      end: '2031-03-11T09:00:00.000Z',
      attendees: [{ email: 'organiser@kommune.example', name: 'Tove Holder', kind: 'required' }],
      transactionId: 'tx-1',
      helhedMeetingId: 'm-1',
      sendGuard: { v: 1, citizen: { mode: 'phone' }, members: [] },
    });
    const [event] = h.fake.storedEvents();
    expect(event?.singleValueExtendedProperties.map((p) => p.id)).toContain(outlookCustomPropertiesId(addInId));
  });

  it('[scopes] attendance reports are read with a token of their own (OnlineMeetings.Read, OnlineMeetingArtifact.Read.All)', async () => {
    const { tokens } = start();
    const asked: (readonly string[])[] = [];
    const recording = { ...tokens, getToken: async (scopes: readonly string[]) => (asked.push(scopes), 'token-1') } as unknown as MsalTokenProvider;
    const { calendar } = await connectGraph(recording, {});
    asked.length = 0;
    await expect(calendar.getAttendance?.('https://teams.microsoft.com/l/meetup-join/19%3ameeting_none%40thread.v2/0')).rejects.toThrow();
    expect(asked).toStrictEqual([REPORT_SCOPES]);
  });
});
