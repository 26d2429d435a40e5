import { StrictMode, useEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { CryptoIds } from '../adapters/local/crypto-ids';
import { SystemClock } from '../adapters/local/system-clock';
import { openLocalDemo } from '../demo/local-demo';
import { createMsalTokenProvider } from '../host/auth/create-msal-token-provider';
import type { MsalTokenProvider } from '../host/auth/msal-token-provider';
import { TeamsContextError, TeamsHost } from '../host/teams/teams-host';
import type { MeetingHost } from '../ports/meeting-host';
import type { Services } from '../ports/services';
import { useStrings } from '../ui/i18n';
import { da } from '../ui/strings/da';
import { en } from '../ui/strings/en';
import { checkTeamsConfig, teamsDemoStoreRequested, type TeamsConfigCheck } from './teams-config';
import { GraphSignIn } from './graph-sign-in';
import { TeamsApp, TeamsFrame, TeamsNotice } from './teams-app';
import { TeamsGraphApp } from './teams-graph';

/**
 * Composition root of Teams mode (teams.html; the manifest's tab URLs point here). The order
 * matters:
 * 1. initialize teams-js once and parse the host context;
 * 2. an anonymous meeting participant gets a screen that needs no data, before any store is
 *    opened: they never cause a data request;
 * 3. the configuration is checked and what is missing is explained;
 * 4. only then are the data adapters composed: the user signs in (MSAL, nested app auth) and
 *    the Graph adapters load as their own chunk.
 */
async function start(rootElement: HTMLElement): Promise<void> {
  const root = createRoot(rootElement);
  const render = (node: ReactNode) => root.render(<StrictMode>{node}</StrictMode>);
  const host = new TeamsHost(window);
  try {
    await host.initialize();
  } catch (error) {
    if (error instanceof TeamsContextError) {
      host.notifyFailure({ kind: 'other', message: error.message });
      render(<NotInTeams title={pick().teams.contextErrorTitle} body={error.message} />);
    } else {
      // teams-js rejects when there is no host window around the page: opened in a plain tab.
      render(<NotInTeams title={pick().teams.notInTeamsTitle} body={pick().teams.notInTeamsBody} link />);
    }
    return;
  }
  const context = host.context();
  if (context.userKind === 'anonymous') {
    render(<Ready host={host}><AnonymousScreen /></Ready>);
    return;
  }
  const url = new URL(window.location.href);
  if (teamsDemoStoreRequested(import.meta.env, url)) {
    try {
      const clock = new SystemClock();
      const ids = new CryptoIds();
      const demo = await openLocalDemo({ clock, ids });
      const services: Services = { store: demo.store, calendar: demo.calendar, directory: demo.directory, channel: demo.channel, notifier: demo.notifier, clock, ids };
      const [me, departments] = await Promise.all([demo.directory.me(), demo.store.listDepartments()]);
      render(<TeamsApp host={host} session={{ services, me, departments }} demo />);
    } catch (error) {
      host.notifyFailure({ kind: 'other', message: error instanceof Error ? error.message : String(error) });
      throw error;
    }
    return;
  }
  const config = checkTeamsConfig(import.meta.env);
  if (!config.ok) {
    render(
      <Ready host={host}>
        <ConfigScreen problems={config.problems} />
      </Ready>,
    );
    return;
  }
  // Microsoft 365 back end: MSAL (nested app auth through the host) and the Graph adapters are
  // loaded on demand, never in this entry's first chunk (tests/unit/auth/lazy-imports.test.ts).
  const tokens = createMsalTokenProvider({
    clientId: config.config.VITE_ENTRA_CLIENT_ID,
    tenantId: config.config.VITE_ENTRA_TENANT_ID,
    redirectUri: new URL('auth-redirect.html', window.location.href).href,
    mode: 'nested',
  });
  render(
    <Ready host={host}>
      <GraphSignIn tokens={tokens} connect={(t) => connectGraphLazily(t, config.config.VITE_SHAREPOINT_SITE_URL, context.appId, config.config.TEAMS_APP_ID)}>
        {(connection, signOut) => (connection.plans ? <TeamsGraphApp host={host} plans={connection.plans} signOut={signOut} /> : null)}
      </GraphSignIn>
    </Ready>,
  );
}

async function connectGraphLazily(tokens: MsalTokenProvider, siteUrl: string, teamsAppId: string | null, outlookAddInId: string) {
  const { connectGraph } = await import('./graph-session');
  return connectGraph(tokens, { siteUrl, teamsAppId, outlookAddInId });
}

function pick() {
  return navigator.language.toLowerCase().startsWith('en') ? en : da;
}

/** Wraps a screen without data: host theme and language, and tells the host it is ready. */
function Ready({ host, children }: { host: MeetingHost; children: ReactNode }) {
  useEffect(() => host.notifyReady(), [host]);
  return <TeamsFrame host={host}>{children}</TeamsFrame>;
}

function AnonymousScreen() {
  const t = useStrings();
  return (
    <TeamsNotice title={t.teams.anonymousTitle} testId="anonymous">
      {t.teams.anonymousBody}
    </TeamsNotice>
  );
}

function ConfigScreen({ problems }: { problems: Extract<TeamsConfigCheck, { ok: false }>['problems'] }) {
  const t = useStrings();
  return (
    <TeamsNotice title={t.teams.configMissingTitle} testId="config-missing">
      {t.teams.configMissingBody}
      <ul>
        {problems.map((p) => (
          <li key={p.name}>
            <code>{p.name}</code> {p.problem}
          </li>
        ))}
      </ul>
    </TeamsNotice>
  );
}

/** Outside any host there is no host theme or language: light theme, the browser's language. */
function NotInTeams({ title, body, link = false }: { title: string; body: string; link?: boolean }) {
  const t = pick();
  return (
    <main id="main" data-testid="not-in-teams" style={{ padding: 24, fontFamily: 'Segoe UI, system-ui, sans-serif' }}>
      <h1>{title}</h1>
      <p>{body}</p>
      {link ? <a href="./">{t.teams.openStandalone}</a> : null}
    </main>
  );
}

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('teams.html has no #root element');
void start(rootElement);
