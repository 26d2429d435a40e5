/**
 * Helhed inside a simulated Teams host (tests/e2e/teams-simulator): the teams-js handshake, one
 * screen per frame context, the host theme, stage sharing, app caching and the anonymous
 * citizen. Runs the Teams entry with the embedded demo store (`?store=demo`, allowed only in a
 * `vite build --mode e2e` build; see src/app/teams-config.ts).
 */
import { expect, test, type Frame } from '@playwright/test';
import { da } from '../../src/ui/strings/da';
import { openInTeams, VALID_DOMAINS_URL, type RecordedMessage } from './teams-simulator/host-simulator';

const EMIL_MEETING = 'meeting-emil-2';
const IN_MEETING = { chatId: '19:meeting_helhed-sim@thread.v2', meetingId: 'MCMxOTptZWV0aW5n' };

const funcs = (messages: RecordedMessage[]) => messages.map((m) => m.func);

async function waitForMessage(read: () => Promise<RecordedMessage[]>, func: string, count = 1): Promise<RecordedMessage[]> {
  await expect.poll(async () => funcs(await read()).filter((f) => f === func).length).toBeGreaterThanOrEqual(count);
  return read();
}

function heading(frame: Frame) {
  return frame.locator('h1');
}

test('[Teams] personal tab: handshake, context, notifySuccess, "Mine forløb", CDN list answered locally', async ({ page }) => {
  const sim = await openInTeams(page, { src: '/teams.html?store=demo#/forloeb', frameContext: 'content' });
  await expect(heading(sim.frame)).toHaveText(da.pathways.listTitle);
  const messages = await waitForMessage(sim.messages, 'appInitialization.success');
  const order = funcs(messages);
  expect(order[0]).toBe('initialize');
  expect(order.filter((f) => f === 'initialize')).toHaveLength(1);
  expect(order.indexOf('getContext')).toBeGreaterThan(0);
  expect(order.indexOf('appInitialization.success')).toBeGreaterThan(order.indexOf('getContext'));
  await expect(sim.frame.getByTestId('demo-banner')).toBeVisible();
  // teams-js asks Microsoft's CDN for valid origins at load: the test answers it locally.
  expect(sim.cdnRequests).toEqual([VALID_DOMAINS_URL]);
  expect(sim.foreignRequests).toEqual([]);
});

test('[Teams] personal tab "Ledelse" opens the leader review, in English when Teams is in English', async ({ page }) => {
  const sim = await openInTeams(page, { src: '/teams.html?store=demo#/ledelse', frameContext: 'content', locale: 'en-us' });
  await expect(heading(sim.frame)).toHaveText('Leader review');
  await expect(sim.frame.locator('html')).toHaveAttribute('lang', 'en');
});

test('[Teams] the theme follows the host, including a change while the app runs', async ({ page }) => {
  const sim = await openInTeams(page, { src: '/teams.html?store=demo#/forloeb', frameContext: 'content', theme: 'dark' });
  const provider = sim.frame.locator('[data-theme]').first();
  await expect(provider).toHaveAttribute('data-theme', 'dark');
  await waitForMessage(sim.messages, 'appInitialization.success');
  await sim.setTheme('contrast');
  await expect(provider).toHaveAttribute('data-theme', 'contrast');
  await sim.setTheme('default');
  await expect(provider).toHaveAttribute('data-theme', 'light');
});

test('[Teams] configuration page: Save is enabled once a pathway is picked, and saves its URL', async ({ page }) => {
  const sim = await openInTeams(page, { src: '/teams.html?store=demo', frameContext: 'settings' });
  await expect(heading(sim.frame)).toHaveText(da.teams.configTitle);
  const before = await waitForMessage(sim.messages, 'settings.setValidityState');
  expect(before.filter((m) => m.func === 'settings.setValidityState').map((m) => m.args[0])).not.toContain(true);
  await sim.frame.getByRole('combobox', { name: da.teams.configPathway }).selectOption('pathway-emil');
  await expect
    .poll(async () => (await sim.messages()).filter((m) => m.func === 'settings.setValidityState').at(-1)?.args)
    .toEqual([true]);
  await sim.save();
  const saved = await waitForMessage(sim.messages, 'settings.save.success');
  const config = saved.find((m) => m.func === 'settings.setSettings')?.args[0] as Record<string, string>;
  expect(config.entityId).toBe('pathway-emil');
  const contentUrl = new URL(config.contentUrl ?? '');
  expect(contentUrl.pathname).toBe('/teams.html');
  expect(contentUrl.hash).toBe('#/forloeb/pathway-emil');
  expect(contentUrl.search).toBe('');
  expect(config.suggestedDisplayName).toMatch(/^Helhed: /);
});

test('[Teams] meeting details tab opens the meeting of the configured pathway', async ({ page }) => {
  const sim = await openInTeams(page, {
    src: '/teams.html?store=demo#/forloeb/pathway-emil',
    frameContext: 'content',
    meeting: IN_MEETING,
  });
  await expect(sim.frame.locator('main[data-frame-context="meetingDetails"]')).toBeAttached();
  await expect(heading(sim.frame)).toHaveText(da.meeting.title);
  await waitForMessage(sim.messages, 'appInitialization.success');
});

test('[Teams] side panel: staff screen, opts into app caching, shares the citizen view to the stage, resumes', async ({ page }) => {
  const sim = await openInTeams(page, {
    src: '/teams.html?store=demo#/forloeb/pathway-emil',
    frameContext: 'sidePanel',
    meeting: IN_MEETING,
  });
  await expect(heading(sim.frame)).toHaveText(da.meeting.title);
  const registered = (await waitForMessage(sim.messages, 'registerHandler', 3)).filter((m) => m.func === 'registerHandler');
  expect(registered.map((m) => m.args[0])).toEqual(expect.arrayContaining(['themeChange', 'load', 'beforeUnload']));

  await sim.frame.getByRole('button', { name: da.teams.shareToStage }).click();
  await expect(sim.frame.getByText(da.teams.sharedToStage)).toBeVisible();
  const share = (await sim.messages()).find((m) => m.func === 'meeting.shareAppContentToStage');
  const [url, options] = share?.args ?? [];
  expect(new URL(String(url)).hash).toBe(`#/moede/${EMIL_MEETING}/scene`);
  expect(options).toEqual({ sharingProtocol: 'ScreenShare' });

  // App caching: the host resumes the cached side panel; the app says it is ready again.
  const readyBefore = funcs(await sim.messages()).filter((f) => f === 'appInitialization.success').length;
  expect(readyBefore).toBeGreaterThan(0);
  await sim.resume();
  await waitForMessage(sim.messages, 'appInitialization.success', readyBefore + 1);
  expect(funcs(await sim.messages()).filter((f) => f === 'getContext').length).toBe(2);
});

test('[Teams] side panel where the stage is not available explains it instead of failing', async ({ page }) => {
  const sim = await openInTeams(page, {
    src: '/teams.html?store=demo#/forloeb/pathway-emil',
    frameContext: 'sidePanel',
    meeting: IN_MEETING,
    canShareToStage: false,
  });
  await expect(sim.frame.getByTestId('no-stage')).toContainText(da.teams.noStageTitle);
  await expect(sim.frame.getByRole('button', { name: da.teams.shareToStage })).toHaveCount(0);
  await expect(heading(sim.frame)).toHaveText(da.meeting.title);
});

test('[Teams] meeting stage: the citizen plan in plain words, no internal notes', async ({ page }) => {
  const sim = await openInTeams(page, {
    src: `/teams.html?store=demo#/moede/${EMIL_MEETING}/scene`,
    frameContext: 'meetingStage',
    meeting: IN_MEETING,
  });
  const stage = sim.frame.getByTestId('stage');
  await expect(stage.locator('h1')).toHaveText(da.stage.title('Emil Sørensen'));
  await expect(stage).toContainText('Jeg vil gerne have et fritidsjob');
  await expect(stage).toContainText('Kontaktpersonordningen øges fra 3 til 5 timer');
  // The consent feature's view of what the citizen agreed to share sits in the stage's slot.
  await expect(stage.getByTestId('stage-consent')).toBeVisible();
  const text = await stage.innerText();
  // Internal: the case reference, the amounts committed against mandates, escalations.
  expect(text).not.toContain('SAG-2026-0412');
  expect(text).not.toMatch(/12[.,]?000|kr\./);
  expect(text).not.toContain(da.meeting.title);
  await waitForMessage(sim.messages, 'appInitialization.success');
});

test('[Teams] an anonymous participant sees a welcome and causes no data request', async ({ page }) => {
  // Data requests are fetch/XHR/WebSocket calls; the page's own HTML, scripts and styles are not.
  const requests: string[] = [];
  page.on('request', (r) => {
    if (['fetch', 'xhr', 'websocket', 'eventsource'].includes(r.resourceType())) requests.push(r.url());
  });
  const sim = await openInTeams(page, {
    src: `/teams.html?store=demo#/moede/${EMIL_MEETING}/scene`,
    frameContext: 'meetingStage',
    meeting: IN_MEETING,
    licenseType: 'Anonymous',
  });
  await expect(sim.frame.getByTestId('anonymous')).toContainText(da.teams.anonymousTitle);
  await waitForMessage(sim.messages, 'appInitialization.success');
  // No store was opened (the embedded store is IndexedDB; in production it would be Graph).
  expect(await sim.frame.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
  expect(sim.foreignRequests).toEqual([]);
  // teams-js's own CDN request for valid origins is the only one.
  expect(requests).toEqual([VALID_DOMAINS_URL]);
  expect(funcs(await sim.messages())).not.toContain('meeting.getAppContentStageSharingCapabilities');
});

test.describe('outside Teams', () => {
  test.use({ locale: 'da-DK' });
  test('[Teams] the Teams entry opened in a plain tab explains where to open it', async ({ page }) => {
  await page.route(VALID_DOMAINS_URL, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"validOrigins":[]}' }));
  await page.goto('/teams.html');
  await expect(page.getByTestId('not-in-teams')).toContainText(da.teams.notInTeamsTitle);
  });
});

test('[Teams] a production-style URL without the demo flag explains the missing configuration', async ({ page }) => {
  const sim = await openInTeams(page, { src: '/teams.html#/forloeb', frameContext: 'content' });
  await expect(sim.frame.getByTestId('config-missing')).toContainText('VITE_SHAREPOINT_SITE_URL');
  await expect(sim.frame.locator('[data-testid="demo-banner"]')).toHaveCount(0);
  await waitForMessage(sim.messages, 'appInitialization.success');
});
