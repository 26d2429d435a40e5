/**
 * A Teams host for the browser tests: a page on the app's own origin that frames the built app
 * and answers teams-js's postMessage protocol the way teams-js's own test utilities do
 * (packages/teams-js/test/utils.ts: requests `{ id, uuidAsString, func, args }`, responses
 * `{ id, uuidAsString, args }`, host events `{ func, args }` without an id).
 *
 * Sources for each answer (teams-js 2.58, dist/umd/MicrosoftTeams.js):
 * - `initialize` -> [frameContext, hostClientType, runtimeConfig (JSON string), clientSupportedSDKVersion]
 *   (initializeCommunication); runtime `apiVersion` 4 is the latest teams-js accepts;
 * - `getContext` -> [legacy context] (app.getContext maps it with transformLegacyContextToAppContext);
 * - `meeting.getAppContentStageSharingCapabilities` / `meeting.shareAppContentToStage` -> [error, result];
 * - `settings.setSettings` -> [wasSuccessful]; `settings.save` event -> app answers `settings.save.success`;
 * - `themeChange` and `load` (app caching resume) are host events.
 *
 * The same origin matters: teams-js accepts messages from its own origin without consulting the
 * valid-origins list (verifyIncomingMessageOrigin), as it does for teams.microsoft.com.
 */
import type { Frame, Page } from '@playwright/test';

export interface SimulatorConfig {
  /** The app URL inside the frame, e.g. `/teams.html?store=demo#/forloeb`. */
  src: string;
  /** teams-js frame context: content, settings, sidePanel, meetingStage. */
  frameContext: 'content' | 'settings' | 'sidePanel' | 'meetingStage';
  theme?: 'default' | 'dark' | 'contrast';
  locale?: string;
  hostName?: 'Teams' | 'Outlook';
  licenseType?: string;
  userObjectId?: string;
  /** Present inside a meeting (details tab, side panel, stage). */
  meeting?: { chatId: string; meetingId: string };
  /** What getAppContentStageSharingCapabilities answers. */
  canShareToStage?: boolean;
  /** A deep link's `context.subEntityId` (teams-js `page.subPageId`). */
  subEntityId?: string;
  /** The Teams app id the host reports (`app.appId`). */
  appId?: string;
}

export interface RecordedMessage {
  func: string;
  args: unknown[];
}

/** Runs in the simulator page (serialised by page.evaluate: it must not close over anything). */
function runSimulator(config: SimulatorConfig): void {
  const frame = document.getElementById('app') as HTMLIFrameElement;
  const messages: RecordedMessage[] = [];
  const send = (data: unknown) => frame.contentWindow?.postMessage(data, window.location.origin);
  const runtime = {
    apiVersion: 4,
    isLegacyTeams: false,
    supports: {
      appInstallDialog: {},
      pages: { config: {}, backStack: {}, fullTrust: {}, tabs: {} },
      teamsCore: {},
      // Outlook and the Microsoft 365 app have no meetings.
      ...(config.hostName === 'Outlook' ? {} : { meeting: {} }),
    },
  };
  const context = {
    locale: config.locale ?? 'da-dk',
    theme: config.theme ?? 'default',
    entityId: 'helhed-tab',
    frameContext: config.frameContext,
    hostName: config.hostName ?? 'Teams',
    hostClientType: 'web',
    appSessionId: 'session-1',
    userObjectId: config.userObjectId ?? (config.licenseType === 'Anonymous' ? '' : 'aad-user-1'),
    userLicenseType: config.licenseType ?? 'Unknown',
    tid: config.licenseType === 'Anonymous' ? undefined : 'tenant-1',
    ...(config.meeting ? { chatId: config.meeting.chatId, meetingId: config.meeting.meetingId } : {}),
    ...(config.subEntityId !== undefined ? { subEntityId: config.subEntityId } : {}),
    ...(config.appId !== undefined ? { appId: config.appId } : {}),
  };
  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== frame.contentWindow) return;
    const msg = event.data as { id?: number; uuidAsString?: string; func?: string; args?: unknown[] };
    if (typeof msg.func !== 'string') return;
    messages.push({ func: msg.func, args: msg.args ?? [] });
    const reply = (args: unknown[]) => send({ id: msg.id, uuidAsString: msg.uuidAsString, args });
    switch (msg.func) {
      case 'initialize':
        reply([config.frameContext, 'web', JSON.stringify(runtime), '2.58.0']);
        break;
      case 'getContext':
        reply([context]);
        break;
      case 'meeting.getAppContentStageSharingCapabilities':
        reply([null, { doesAppHaveSharePermission: config.canShareToStage ?? true }]);
        break;
      case 'meeting.shareAppContentToStage':
        reply([null, true]);
        break;
      case 'settings.setSettings':
        reply([true]);
        break;
      default:
        // Fire-and-forget calls (appInitialization.success, registerHandler, ...) are recorded only.
        break;
    }
  });
  Object.assign(window, {
    teamsSimulator: {
      messages,
      setTheme: (theme: string) => send({ func: 'themeChange', args: [theme] }),
      save: () => send({ func: 'settings.save', args: [{}] }),
      resume: () => send({ func: 'load', args: [{ entityId: 'helhed-tab', contentUrl: frame.src }] }),
    },
  });
  frame.src = config.src;
}

const SIMULATOR_PATH = '/__teams-simulator.html';
const SIMULATOR_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Teams host simulator</title></head>
<body style="margin:0"><iframe id="app" title="Helhed" style="width:100%;height:100vh;border:0"></iframe></body></html>`;

/** The CDN list teams-js fetches at load (validOriginsCdnEndpoint); answered locally, never fetched. */
export const VALID_DOMAINS_URL = 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';

export interface Simulator {
  frame: Frame;
  messages(): Promise<RecordedMessage[]>;
  /** Every request the page made to another origin than the app's (after the local CDN answer). */
  foreignRequests: string[];
  cdnRequests: string[];
  setTheme(theme: 'default' | 'dark' | 'contrast'): Promise<void>;
  save(): Promise<void>;
  resume(): Promise<void>;
}

/** Opens the simulator with the app framed in it and waits for the frame to load. */
export async function openInTeams(page: Page, config: SimulatorConfig): Promise<Simulator> {
  const cdnRequests: string[] = [];
  const foreignRequests: string[] = [];
  await page.route(`**${SIMULATOR_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: SIMULATOR_HTML }),
  );
  await page.goto(SIMULATOR_PATH);
  const origin = new URL(page.url()).origin;
  await page.route(VALID_DOMAINS_URL, (route) => {
    cdnRequests.push(route.request().url());
    return route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify({ validOrigins: ['teams.microsoft.com', '*.cloud.microsoft'] }),
    });
  });
  // Nothing leaves the machine: any other foreign request is recorded and refused.
  await page.route(
    (url) => url.origin !== origin && url.href !== VALID_DOMAINS_URL,
    (route) => {
      foreignRequests.push(route.request().url());
      return route.abort();
    },
  );
  const framed = page.waitForEvent('framenavigated', { predicate: (f) => f !== page.mainFrame() && f.url().includes('/teams.html') });
  await page.evaluate(runSimulator, config);
  const frame = await framed;
  return {
    frame,
    cdnRequests,
    foreignRequests,
    messages: () => page.evaluate(() => (window as unknown as { teamsSimulator: { messages: RecordedMessage[] } }).teamsSimulator.messages),
    setTheme: (theme) => page.evaluate((th) => (window as unknown as { teamsSimulator: { setTheme(t: string): void } }).teamsSimulator.setTheme(th), theme),
    save: () => page.evaluate(() => (window as unknown as { teamsSimulator: { save(): void } }).teamsSimulator.save()),
    resume: () => page.evaluate(() => (window as unknown as { teamsSimulator: { resume(): void } }).teamsSimulator.resume()),
  };
}
