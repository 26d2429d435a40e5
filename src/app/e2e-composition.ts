/**
 * The e2e-only composition of the standalone entry: Teams mode's plan store (Microsoft Graph
 * behind the outbox, graph-session.ts's `openPlanStore`) with a fixed test token, and the Live
 * Share MeetingChannel over `TestLiveShareHost` and a local Fluid service (tinylicious). A
 * browser test (tests/e2e/meeting-three-participants.spec.ts) serves Graph from its FakeGraph.
 *
 * main.tsx imports this file with `import()` only inside `import.meta.env.MODE === 'e2e'`, so a
 * production build drops the branch and never emits this chunk
 * (tests/unit/package/e2e-composition-build.test.ts greps the build for E2E_COMPOSITION_MARKER).
 *
 * URL (all required but `container`):
 * `?e2e=graph&token=<bearer>&site=<SharePoint site id>&fluid=<tinylicious origin>[&container=<Fluid container id>]`.
 * Without `container`, the first meeting join creates the container and writes its id to
 * `<html data-helhed-e2e-container>`, for the test to hand to the other participants.
 */
import { GraphApi, GraphDirectory, GraphPlanStoreSetup } from '../adapters/graph';
import { LazyLiveShareMeetingChannel } from '../adapters/liveshare/lazy-live-share-meeting-channel';
import { CryptoIds } from '../adapters/local/crypto-ids';
import { GRAPH_SCOPES, openPlanStore } from './graph-session';
import type { Session } from '../ui/services-context';

/** A string only this file holds: the production-build test greps the emitted JS for it. */
export const E2E_COMPOSITION_MARKER = 'helhed-e2e-composition-7f3c';

/** The URL flag that asks for this composition (ignored by production builds). */
export const E2E_FLAG = 'e2e';

/**
 * LazyLiveShareMeetingChannel's host argument, used only by its default loader; the loader below
 * creates its own TestLiveShareHost, so this one is never called.
 */
const placeholderHost = new Proxy(
  {},
  {
    get() {
      throw new Error('e2e: the Live Share host is created by the loaded channel');
    },
  },
) as ConstructorParameters<typeof LazyLiveShareMeetingChannel>[0];

/** What the URL gives this composition. */
export interface E2eParams {
  token: string;
  siteId: string;
  fluidEndpoint: string;
  containerId: string | undefined;
}

/** The parameters of `?e2e=graph&...`, or null when the flag is absent or a parameter is missing. */
export function e2eParams(url: URL): E2eParams | null {
  const q = url.searchParams;
  if (q.get(E2E_FLAG) !== 'graph') return null;
  const token = q.get('token');
  const siteId = q.get('site');
  const fluidEndpoint = q.get('fluid');
  if (token === null || siteId === null || fluidEndpoint === null) return null;
  return { token, siteId, fluidEndpoint, containerId: q.get('container') ?? undefined };
}

/**
 * Composes the session as Teams mode does once the site is provisioned (`openPlanStore`), with
 * `params.token` as the signed-in user's Graph token and Live Share on the local Fluid service.
 * Rejects when the site is not provisioned (the test provisions it first).
 */
export async function composeE2eSession(params: E2eParams): Promise<Session> {
  document.documentElement.dataset.helhedE2e = E2E_COMPOSITION_MARKER;
  const tokens = { getToken: () => Promise.resolve(params.token), signOut: () => Promise.resolve() };
  // A shorter back-off than production's, so a test's "offline" read fails in about a second
  // rather than 10-15 s (the outbox and the UI behave the same either way).
  const graph = new GraphApi({ tokens, scopes: GRAPH_SCOPES, retry: { maxRetries: 2, baseDelayMs: 200, maxDelayMs: 1_000 } });
  const signedIn = await new GraphDirectory(graph, { departments: [], leaders: {} }).me();
  const site = await new GraphPlanStoreSetup(graph, params.siteId, new CryptoIds()).connect();
  if (site === null) throw new Error(`e2e: SharePoint site ${params.siteId} is not provisioned`);
  // The real adapter, loaded at the first join as in Teams (LazyLiveShareMeetingChannel); the
  // host is created inside the loaded chunk, so the placeholder is never used.
  const channel = new LazyLiveShareMeetingChannel(placeholderHost, undefined, undefined, async () => {
    const { localLiveShareChannel } = await import('../adapters/liveshare/local-live-share-channel');
    return localLiveShareChannel({
      endpoint: params.fluidEndpoint,
      containerId: params.containerId,
      onCreated: (id) => {
        document.documentElement.dataset.helhedE2eContainer = id;
      },
      user: { id: signedIn.id, name: signedIn.displayName },
      connectTimeoutMs: 20_000,
    });
  });
  const connection = await openPlanStore(graph, tokens, params.siteId, site, signedIn, { channel });
  if (connection.status !== 'ready') throw new Error('e2e: the plan store did not open');
  return connection.session;
}
