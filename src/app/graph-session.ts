import { DeltaDecisionCache, GraphApi, GraphCalendar, GraphDirectory, GraphPlanStore, GraphPlanStoreSetup, directoryMappingFor, resolveSiteId } from '../adapters/graph';
import { GRAPH_SCOPES, NOTIFY_SCOPES, REPORT_SCOPES } from './graph-scopes';
import { GraphNotifier } from '../adapters/graph/graph-notifier';
import { LazyLiveShareMeetingChannel } from '../adapters/liveshare/lazy-live-share-meeting-channel';
import { BroadcastMeetingChannel } from '../adapters/local/broadcast-meeting-channel';
import { CryptoIds } from '../adapters/local/crypto-ids';
import { Outbox, openOutboxDb } from '../adapters/local/outbox';
import { OutboxPlanStore } from '../adapters/local/outbox-plan-store';
import { SystemClock } from '../adapters/local/system-clock';
import type { Calendar } from '../ports/calendar';
import type { Directory } from '../ports/directory';
import type { MeetingChannel } from '../ports/meeting-channel';
import type { Notifier } from '../ports/notifier';
import { SetupError, type PlanStoreSetup } from '../ports/plan-store-setup';
import type { Department, Person } from '../domain/model';
import type { MsalTokenProvider } from '../host/auth/msal-token-provider';
import { meetingLiveShareHost } from '../host/teams/live-share-host';
import type { Session } from '../ui/services-context';

export { GRAPH_SCOPES, NOTIFY_SCOPES, REPORT_SCOPES };

/** The plan store on SharePoint: ready (the app runs), or the site still needs its setup. */
export type PlanStoreConnection =
  | {
      status: 'ready';
      session: Session;
      /** Stops the outbox sync, clears the pending writes (IndexedDB) and MSAL's session cache. */
      signOut(): Promise<void>;
    }
  | {
      status: 'setup';
      setup: PlanStoreSetup;
      /** Why the store could not be opened when it was not just "not provisioned" (e.g. 403: no access to the site). */
      problem: SetupError | null;
      /** Connects again (after the setup screen provisioned the site). */
      reconnect(): Promise<PlanStoreConnection>;
    };

export interface GraphConnection {
  me: Person;
  calendar: Calendar;
  directory: Directory;
  /** Absent when no SharePoint site is configured. */
  plans?: PlanStoreConnection;
}

export interface GraphSessionOptions {
  /** VITE_SHAREPOINT_SITE_URL: the one site that holds the plans. */
  siteUrl?: string;
  /** The Teams app id the host reports, for the deep links in activity notices (null: web links). */
  teamsAppId?: string | null;
  /**
   * The manifest id (TEAMS_APP_ID), which is also the Outlook add-in's id: the calendar writes the
   * send guard's custom property under it when it books (src/domain/send-guard-payload.ts).
   */
  outlookAddInId?: string | null;
}


function graphCalendar(graph: GraphApi, tokens: MsalTokenProvider, outlookAddInId: string | null): GraphCalendar {
  return new GraphCalendar(graph, { outlookAddInId, reports: new GraphApi({ tokens, scopes: REPORT_SCOPES }) });
}


/**
 * Loaded with `import()` from teams-main.tsx, so the Graph client (and, through the provider,
 * MSAL) is its own chunk. Composes the Calendar and Directory adapters over one GraphApi and
 * reads the signed-in user once (the first Graph call; a sign-in failure rejects with the
 * provider's SignInError). With a site configured, it then connects the plan store:
 *
 * - the site is provisioned (every list, column and the audit key, read by
 *   GraphPlanStoreSetup.connect): GraphPlanStore over those lists, behind DeltaDecisionCache
 *   (the leader review refreshes through the delta feed), wrapped in OutboxPlanStore
 *   (owner = the signed-in account), sync started (every 30 s and on 'online');
 * - it is not: the setup port, for the setup screen (or an explanation for non-admins).
 */
export async function connectGraph(tokens: MsalTokenProvider, options: GraphSessionOptions = {}): Promise<GraphConnection> {
  const graph = new GraphApi({ tokens, scopes: GRAPH_SCOPES });
  const me = await new GraphDirectory(graph, { departments: [], leaders: {} }).me();
  const calendar = graphCalendar(graph, tokens, options.outlookAddInId ?? null);
  if (options.siteUrl === undefined) {
    // No plan store: people carry no Helhed department (the mapping lives in the plan store).
    return { me, calendar, directory: new GraphDirectory(graph, { departments: [], leaders: {} }) };
  }
  const siteUrl = options.siteUrl;
  // The site id is resolved on first use and kept; a failure (403 before access is granted) is
  // not kept, so the setup screen's "try again" asks again.
  let siteId: Promise<string> | null = null;
  const site = (): Promise<string> =>
    (siteId ??= resolveSiteId(graph, siteUrl).catch((error: unknown) => {
      siteId = null;
      throw error;
    }));
  const ids = new CryptoIds();
  const setup: PlanStoreSetup = {
    inspect: async () => new GraphPlanStoreSetup(graph, await site(), ids).inspect(),
    provision: async () => new GraphPlanStoreSetup(graph, await site(), ids).provision(),
  };
  const connect = async (): Promise<PlanStoreConnection> => {
    try {
      const id = await site();
      const provisioned = await new GraphPlanStoreSetup(graph, id, ids).connect();
      if (provisioned === null) return { status: 'setup', setup, problem: null, reconnect: connect };
      return await openPlanStore(graph, tokens, id, provisioned, me, { notifier: graphNotifier(tokens, options.teamsAppId ?? null), calendar });
    } catch (error) {
      // The site cannot be read (no access, no such site, ...): the setup screen explains it.
      if (error instanceof SetupError) return { status: 'setup', setup, problem: error, reconnect: connect };
      throw error;
    }
  };
  const plans = await connect();
  const directory = plans.status === 'ready' ? plans.session.services.directory : new GraphDirectory(graph, { departments: [], leaders: {} });
  return { me, calendar, directory, plans };
}

/**
 * The plan store of a provisioned site, as Teams mode composes it: GraphPlanStore behind
 * DeltaDecisionCache behind OutboxPlanStore (owner = `signedIn`), sync started. Exported for the
 * e2e-only composition (src/app/e2e-composition.ts), which passes its own `channel` (Live Share
 * over a local Fluid service); without one the channel is chosen as in Teams (meetingChannel).
 */
export async function openPlanStore(
  graph: GraphApi,
  tokens: Pick<MsalTokenProvider, 'signOut'>,
  siteId: string,
  site: { listIds: Record<string, string>; auditKey: string },
  signedIn: Person,
  options: { channel?: MeetingChannel; notifier?: Notifier; calendar?: Calendar } = {},
): Promise<PlanStoreConnection> {
  const clock = new SystemClock();
  const ids = new CryptoIds();
  // The leader review's broad decision queries come from a copy kept current by the delta feed.
  const inner = new DeltaDecisionCache(new GraphPlanStore(graph, { siteId, listIds: site.listIds, auditKey: site.auditKey }));
  // Pending writes only, per signed-in account, with the outbox's time limit (outbox.ts).
  const outbox = new Outbox(openOutboxDb(), clock, { owner: signedIn.id });
  const store = new OutboxPlanStore(inner, outbox, clock, { lock: 'locks' in navigator ? webLock : undefined });
  const stopSync = store.startSync(window, window, 30_000);
  const calendar = options.calendar ?? new GraphCalendar(graph);
  const channel = options.channel ?? meetingChannel(ids);
  // The department mapping lives in the plan store: the administrator's directory texts and
  // leaders (src/features/departments). Saving them there recomposes the directory and `me` (one
  // /me read) instead of reloading the frame; store, outbox sync and channel stay as they are.
  const compose = async (departments: Department[]): Promise<Session> => {
    const directory = new GraphDirectory(graph, directoryMappingFor(departments));
    const me = await directory.me();
    // The outbox is also the WriteStatus the side panel shows ("Venter på forbindelse", "Konflikt").
    return { services: { store, calendar, directory, channel, clock, ids, writeStatus: store, notifier: options.notifier }, me, departments, recompose: compose };
  };
  const session = await compose(await store.listDepartments());
  return {
    status: 'ready',
    session,
    signOut: async () => {
      stopSync();
      await store.clear();
      await tokens.signOut();
    },
  };
}

/**
 * Live Share in a meeting's side panel or stage where the client supports it (the Fluid code is
 * its own chunk, loaded at the first join: LazyLiveShareMeetingChannel); BroadcastChannel
 * between this browser's tabs elsewhere (Outlook, personal tabs, clients without Live Share).
 */
function meetingChannel(ids: CryptoIds): MeetingChannel {
  const liveShareHost = meetingLiveShareHost();
  return liveShareHost === null ? new BroadcastMeetingChannel(ids) : new LazyLiveShareMeetingChannel(liveShareHost);
}

/** Teams activity notices (TeamsActivity.Send) over a GraphApi of their own scope (NOTIFY_SCOPES). */
function graphNotifier(tokens: MsalTokenProvider, teamsAppId: string | null): GraphNotifier {
  const appPageUrl = new URL('teams.html', window.location.href).href;
  return new GraphNotifier(new GraphApi({ tokens, scopes: NOTIFY_SCOPES }), { teamsAppId, appPageUrl });
}

/** Serialises outbox flushes across tabs (Web Locks resolve with the callback's awaited value). */
function webLock<T>(work: () => Promise<T>): Promise<T> {
  return navigator.locks.request('helhed-outbox', work) as unknown as Promise<T>;
}
