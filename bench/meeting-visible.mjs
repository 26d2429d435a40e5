// Saved-to-visible (issue 5, end to end): in the real built standalone app in headless Chromium,
// two tabs of one browser context (one IndexedDB, one BroadcastChannel) on the same meeting
// screen. A decision is saved through the UI in tab A; the time is measured from the moment A's
// decision list shows it ("saved") to the moment B's list shows it ("visible"), without reload.
// Floor, in the same two tabs and the same run: a bare BroadcastChannel postMessage from A to B.
// Timestamps are `performance.timeOrigin + performance.now()` in each page (one browser, one
// machine clock); B records its time in a MutationObserver / message handler. The clock skew
// between the two pages is estimated from the floor's ping-pong and reported in the notes.
// The app is built with vite.config.ts into the benchmark's temp dir (never dist/).
// Reports; asserts nothing about speed.
/* global window, document, MutationObserver, HTMLElement -- used only inside page.evaluate() callbacks, which run in the page */
import { join } from 'node:path';
import { build, createServer } from 'vite';
import { securityHeaders } from '../scripts/security-headers.mjs';
import { defineBenchmark } from './lib/benchmark.mjs';
import { launchChromium } from './lib/chromium.mjs';
import { benchResult } from './lib/result.mjs';
import { serveDirectory } from './lib/serve.mjs';
import { median } from './lib/stats.mjs';

/** The demo's planned meeting with Emil (src/demo/demo-data.ts), as in tests/e2e/live.spec.ts. */
const MEETING = '#/moede/meeting-emil-2';
/** Timed decisions (the median is reported), after WARM_UP untimed ones. */
const SAMPLES = 21;
const WARM_UP = 2;
/** Bare BroadcastChannel round trips (A -> B, then B -> A) after each decision sample. */
const FLOOR_PER_SAMPLE = 5;
/** How long one save or one delivery may take before the run fails. */
const TIMEOUT_MS = 15_000;

/** @param {number} ms */
const round = (ms) => Math.round(ms * 1000) / 1000;
/** @param {readonly number[]} values @param {number} q */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
/** @param {readonly number[]} values */
const spread = (values) => `p10 ${round(quantile(values, 0.1))}, p90 ${round(quantile(values, 0.9))} ms`;

/** A date `days` from today as YYYY-MM-DD (what <input type="date"> takes). */
function isoDateInDays(/** @type {number} */ days) {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The UI strings the locators use, read from src/ui/strings/da.ts through Vite (Node cannot load
 * TypeScript here), so a renamed label fails loudly instead of timing out.
 * @param {string} rootDir
 */
async function uiStrings(rootDir) {
  const vite = await createServer({
    configFile: false,
    root: rootDir,
    logLevel: 'warn',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const { da } = /** @type {{ da: { meeting: Record<string, unknown>, citizenPosition: Record<string, unknown> } }} */ (
      await vite.ssrLoadModule('/src/ui/strings/da.ts')
    );
    const s = {
      title: da.meeting.title,
      textLabel: da.meeting.textLabel,
      responsibleLabel: da.meeting.responsibleLabel,
      dueLabel: da.meeting.dueLabel,
      save: da.meeting.save,
      agrees: da.citizenPosition.agrees,
    };
    for (const [key, value] of Object.entries(s)) {
      if (typeof value !== 'string') throw new Error(`src/ui/strings/da.ts no longer has the string ${key} this benchmark uses`);
    }
    return /** @type {Record<keyof typeof s, string>} */ (s);
  } finally {
    await vite.close();
  }
}

/**
 * Installs the in-page probes (once per page; the pages are not reloaded between samples):
 * `watchRow(text)` arms a MutationObserver that records when a row containing `text` appears in
 * the meeting's decision list; `lastClick` is when the save button was last clicked; a bare
 * BroadcastChannel records when each floor message arrives.
 * @param {import('@playwright/test').Page} page
 * @param {string} saveLabel
 */
async function installProbes(page, saveLabel) {
  await page.evaluate((label) => {
    const now = () => performance.timeOrigin + performance.now();
    const rows = () => [...document.querySelectorAll('[data-testid="meeting-decisions"] li[data-decision-id]')];
    /** @type {{ lastClick: number, seen: Map<string, number>, watch: Map<string, () => void>, received: Map<number, number>, channel: BroadcastChannel }} */
    const probe = {
      lastClick: Number.NaN,
      seen: new Map(),
      watch: new Map(),
      received: new Map(),
      channel: new BroadcastChannel('helhed-bench-meeting-visible-floor'),
    };
    document.addEventListener(
      'click',
      (event) => {
        const button = event.target instanceof HTMLElement ? event.target.closest('button') : null;
        if (button?.textContent?.includes(label)) probe.lastClick = now();
      },
      true,
    );
    new MutationObserver(() => {
      if (probe.watch.size === 0) return;
      const at = now();
      const present = rows().map((li) => li.textContent ?? '');
      for (const [text, done] of probe.watch) {
        if (present.some((t) => t.includes(text))) {
          probe.seen.set(text, at);
          probe.watch.delete(text);
          done();
        }
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
    probe.channel.onmessage = (event) => {
      const at = now();
      const { seq, reply } = /** @type {{ seq: number, reply: boolean }} */ (event.data);
      probe.received.set(seq, at);
      if (reply) probe.channel.postMessage({ seq: -seq, sentAt: now(), reply: false });
    };
    Object.assign(window, { helhedVisibleProbe: probe });
  }, saveLabel);
}

/** @typedef {{ lastClick: number, seen: Map<string, number>, watch: Map<string, () => void>, received: Map<number, number>, channel: BroadcastChannel }} Probe */

/**
 * Arms the row watcher for `text`; the returned handle's promise resolves in the page.
 * @param {import('@playwright/test').Page} page
 * @param {string} text
 */
async function armWatch(page, text) {
  await page.evaluate((t) => {
    const probe = /** @type {Probe} */ (/** @type {{ helhedVisibleProbe?: Probe }} */ (window).helhedVisibleProbe);
    probe.seen.delete(t);
    Object.assign(window, {
      [`helhedVisibleWait:${t}`]: new Promise((resolve) => {
        probe.watch.set(t, () => resolve(undefined));
      }),
    });
  }, text);
}

/**
 * Waits until the armed watcher for `text` fired and returns its timestamp and the last click.
 * @param {import('@playwright/test').Page} page
 * @param {string} text
 * @returns {Promise<{ at: number, lastClick: number }>}
 */
async function awaitWatch(page, text) {
  return page.evaluate(
    async ([t, timeout]) => {
      const probe = /** @type {Probe} */ (/** @type {{ helhedVisibleProbe?: Probe }} */ (window).helhedVisibleProbe);
      const wait = /** @type {Promise<void>} */ (/** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window))[`helhedVisibleWait:${t}`]);
      await Promise.race([
        wait,
        new Promise((_, reject) => setTimeout(() => reject(new Error(`no row with "${t}" within ${timeout} ms`)), timeout)),
      ]);
      return { at: /** @type {number} */ (probe.seen.get(t)), lastClick: probe.lastClick };
    },
    /** @type {const} */ ([text, TIMEOUT_MS]),
  );
}

/**
 * One floor round: A posts `seq` (B replies with `-seq` as soon as it receives it). Returns the
 * A->B and B->A one-way times, each against the two pages' clocks.
 * @param {import('@playwright/test').Page} a
 * @param {import('@playwright/test').Page} b
 * @param {number} seq positive
 */
async function floorRound(a, b, seq) {
  const sentAt = await a.evaluate(
    async ([s, timeout]) => {
      const probe = /** @type {Probe} */ (/** @type {{ helhedVisibleProbe?: Probe }} */ (window).helhedVisibleProbe);
      probe.received.delete(-s);
      const t = performance.timeOrigin + performance.now();
      probe.channel.postMessage({ seq: s, reply: true });
      const started = performance.now();
      while (!probe.received.has(-s)) {
        if (performance.now() - started > timeout) throw new Error(`floor message ${s} got no reply`);
        await new Promise((r) => setTimeout(r, 5));
      }
      return t;
    },
    /** @type {const} */ ([seq, TIMEOUT_MS]),
  );
  const atB = await b.evaluate((s) => {
    const probe = /** @type {Probe} */ (/** @type {{ helhedVisibleProbe?: Probe }} */ (window).helhedVisibleProbe);
    return /** @type {number} */ (probe.received.get(s));
  }, seq);
  const backAtA = await a.evaluate((s) => {
    const probe = /** @type {Probe} */ (/** @type {{ helhedVisibleProbe?: Probe }} */ (window).helhedVisibleProbe);
    return /** @type {number} */ (probe.received.get(-s));
  }, seq);
  return { aToB: atB - sentAt, roundTrip: backAtA - sentAt };
}

export default defineBenchmark({
  id: 'meeting-visible',
  title: 'Meeting: decision saved in one tab to visible in another (built app, Chromium) vs a bare BroadcastChannel',
  async run(ctx) {
    const strings = await uiStrings(ctx.rootDir);

    ctx.log('building the app (vite.config.ts) into the temp dir');
    const appOut = join(ctx.tmpDir, 'app');
    const previousDist = process.env.HELHED_DIST;
    process.env.HELHED_DIST = appOut;
    try {
      await build({
        configFile: join(ctx.rootDir, 'vite.config.ts'),
        root: ctx.rootDir,
        logLevel: 'warn',
        mode: 'production',
        build: { outDir: appOut, emptyOutDir: true },
      });
    } finally {
      if (previousDist === undefined) delete process.env.HELHED_DIST;
      else process.env.HELHED_DIST = previousDist;
    }

    const server = await serveDirectory(appOut, { headers: securityHeaders });
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(TIMEOUT_MS);
      const a = await context.newPage();
      const b = await context.newPage();
      for (const [name, page] of /** @type {const} */ ([['A', a], ['B', b]])) {
        page.on('pageerror', (error) => ctx.log(`page ${name} error: ${error.message}`));
        page.on('console', (message) => {
          if (message.type() === 'error') ctx.log(`page ${name} console: ${message.text()}`);
        });
        await page.goto(`${server.url}${MEETING}`);
        await page.locator('html[data-helhed-ready="true"]').waitFor({ state: 'attached' });
        await page.getByRole('heading', { level: 1, name: strings.title }).waitFor();
        await page.getByTestId('meeting-decisions').waitFor();
        await installProbes(page, strings.save);
      }
      const states = await Promise.all([a, b].map((p) => p.evaluate(() => `${document.visibilityState}, focus ${document.hasFocus()}`)));
      ctx.log(`page A: ${states[0]}; page B: ${states[1]}`);

      const form = a.getByTestId('decision-form');
      const textBox = form.getByRole('textbox', { name: strings.textLabel });
      const dueDate = isoDateInDays(20);
      const runId = Date.now().toString(36);

      /** @type {number[]} */ const savedToVisible = [];
      /** @type {number[]} */ const clickToVisible = [];
      /** @type {number[]} */ const clickToSaved = [];
      /** @type {number[]} */ const floorAToB = [];
      /** @type {number[]} */ const floorRoundTrip = [];
      let seq = 0;

      for (let i = 0; i < WARM_UP + SAMPLES; i += 1) {
        const text = `Målebeslutning ${runId}-${i}: Emil får en mentor på erhvervsskolen.`;
        await armWatch(a, text);
        await armWatch(b, text);
        await textBox.fill(text);
        await form.getByLabel(strings.responsibleLabel).selectOption('staff-anders');
        await form.getByLabel(strings.dueLabel).fill(dueDate);
        await form.getByRole('checkbox', { name: 'Skole og Uddannelse (PPR/UU)', exact: true }).check();
        await form.getByRole('radio', { name: strings.agrees, exact: true }).check();
        await form.getByRole('button', { name: strings.save }).click();
        const saved = await awaitWatch(a, text);
        const visible = await awaitWatch(b, text);
        // The form is emptied once the decision is stored: the next sample starts from a clean form.
        const emptyBy = Date.now() + TIMEOUT_MS;
        while ((await textBox.inputValue()) !== '') {
          if (Date.now() > emptyBy) throw new Error(`the decision form was not emptied after saving "${text}"`);
          await new Promise((r) => setTimeout(r, 10));
        }

        for (let k = 0; k < FLOOR_PER_SAMPLE; k += 1) {
          seq += 1;
          const f = await floorRound(a, b, seq);
          if (i >= WARM_UP) {
            floorAToB.push(f.aToB);
            floorRoundTrip.push(f.roundTrip);
          }
        }
        if (i < WARM_UP) continue;
        savedToVisible.push(visible.at - saved.at);
        clickToVisible.push(visible.at - saved.lastClick);
        clickToSaved.push(saved.at - saved.lastClick);
        ctx.log(
          `sample ${i - WARM_UP + 1}/${SAMPLES}: click->saved ${clickToSaved.at(-1)?.toFixed(2)} ms, ` +
            `saved->visible ${savedToVisible.at(-1)?.toFixed(2)} ms, click->visible ${clickToVisible.at(-1)?.toFixed(2)} ms`,
        );
      }

      // One-way A->B = true + skew; round trip = A->B + B->A (one clock, no skew). If both
      // directions cost the same, skew ~= A->B - round trip / 2.
      const skew = median(floorAToB) - median(floorRoundTrip) / 2;
      const rows = await b.getByTestId('meeting-decisions').locator('li[data-decision-id]').count();
      ctx.log(
        `floor A->B median ${round(median(floorAToB))} ms, round trip median ${round(median(floorRoundTrip))} ms, ` +
          `estimated skew ${round(skew)} ms; saved->visible median ${round(median(savedToVisible))} ms`,
      );
      // "Saved" in A turned out to come after B already shows the row (A's own list updates
      // later than the signal reaches B), so saved -> visible is negative and is reported in the
      // notes; the result is click -> visible, which is what a participant waits for.
      return [
        benchResult({
          name: 'meeting-visible:click-to-visible',
          unit: 'ms',
          value: round(median(clickToVisible)),
          floor: round(median(floorAToB)),
          notes:
            `Built standalone app (index.html, production build) in headless Chromium, two tabs of one context on ${MEETING}, no reload. ` +
            `A decision saved through the UI in tab A: from the click on "${strings.save}" in A to B's decision list showing it ` +
            `(capture-phase click listener in A, MutationObserver in B; performance.timeOrigin + performance.now() in each tab). ` +
            `Median of ${clickToVisible.length} decisions after ${WARM_UP} warm-up ones (${spread(clickToVisible)}). ` +
            `Floor = a bare BroadcastChannel postMessage A -> B in the same two tabs, timed the same way, ` +
            `${FLOOR_PER_SAMPLE} after each decision, median of ${floorAToB.length} (${spread(floorAToB)}). ` +
            `Saved -> visible (A's own list showing the decision -> B's list showing it) median ${round(median(savedToVisible))} ms ` +
            `(${spread(savedToVisible)}): B shows the decision before A's own list does; click -> saved in A median ` +
            `${round(median(clickToSaved))} ms. Floor round trip A -> B -> A median ${round(median(floorRoundTrip))} ms, ` +
            `so the estimated clock skew between the tabs is ${round(skew)} ms. ` +
            `B listed ${rows} decision(s) at the end. Both tabs: ${states.join(' / ')}.`,
        }),
      ];
    } finally {
      await browser.close();
      await server.close();
    }
  },
});
