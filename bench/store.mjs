// The embedded store (LocalPlanStore over Dexie, src/adapters/local/) writing and reading
// 10,000 and 50,000 decisions, against raw IndexedDB with the same object store and indexes,
// in the same Chromium page. Reports store time / raw time; asserts nothing about speed.
// Page: bench/store-page/ (built with Vite into the benchmark's temp dir).
/* global window -- used only inside page.evaluate() callbacks, which run in the page */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { defineBenchmark } from './lib/benchmark.mjs';
import { launchChromium } from './lib/chromium.mjs';
import { benchResult } from './lib/result.mjs';
import { serveDirectory } from './lib/serve.mjs';
import { median } from './lib/stats.mjs';

const pageRoot = fileURLToPath(new URL('./store-page/', import.meta.url));

/** Decision counts measured. Multiples of PATHWAYS (100) in bench/store-page/decisions.ts. */
const SIZES = [10_000, 50_000];
/** Timed runs per size and contender (fresh database each); the median is reported. */
const RUNS = 3;
/** An untimed round first, so neither contender pays for JIT warm-up. */
const WARM_UP_SIZE = 2_000;

/** @typedef {import('./store-page/main.ts').RunTimings} RunTimings */

const METRICS = /** @type {const} */ ([
  { key: 'writeMs', id: 'write', what: 'write N decisions in one transaction' },
  { key: 'readPathwayMs', id: 'read-pathway', what: 'read one pathway\u2019s decisions (N/100 rows)' },
  { key: 'readAllMs', id: 'read-all', what: 'read all N decisions' },
]);

/** @param {number} ms */
const round = (ms) => Math.round(ms * 100) / 100;
/** @param {readonly number[]} values */
const list = (values) => values.map((v) => v.toFixed(1)).join(', ');

export default defineBenchmark({
  id: 'store',
  title: 'Embedded store (LocalPlanStore/Dexie) vs raw IndexedDB: 10k and 50k decisions',
  async run(ctx) {
    ctx.log('building bench/store-page');
    const outDir = join(ctx.tmpDir, 'store-page');
    await build({
      configFile: false,
      root: pageRoot,
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });

    const server = await serveDirectory(outDir);
    // --expose-gc: the page collects garbage between phases, so one phase's garbage is not
    // billed to the next.
    const browser = await launchChromium({ args: ['--js-flags=--expose-gc'] });
    try {
      const page = await browser.newPage();
      page.on('pageerror', (error) => ctx.log(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') ctx.log(`page console: ${message.text()}`);
      });
      await page.goto(server.url);
      await page.waitForFunction(() => window.helhedStoreBench !== undefined);

      /**
       * @param {'raw' | 'store'} contender
       * @param {number} count
       * @param {string} tag
       * @returns {Promise<RunTimings>}
       */
      const measure = (contender, count, tag) =>
        page.evaluate(
          ([c, n, t]) => {
            const api = /** @type {import('./store-page/main.ts').StoreBenchApi} */ (window.helhedStoreBench);
            return c === 'raw' ? api.raw(n, t) : api.store(n, t);
          },
          /** @type {const} */ ([contender, count, tag]),
        );

      ctx.log(`warm-up with ${WARM_UP_SIZE} decisions`);
      await page.evaluate((n) => window.helhedStoreBench?.prepare(n), WARM_UP_SIZE);
      await measure('raw', WARM_UP_SIZE, 'warm-up');
      await measure('store', WARM_UP_SIZE, 'warm-up');

      const results = [];
      for (const count of SIZES) {
        await page.evaluate((n) => window.helhedStoreBench?.prepare(n), count);
        /** @type {RunTimings[]} */
        const raw = [];
        /** @type {RunTimings[]} */
        const store = [];
        for (let run = 0; run < RUNS; run += 1) {
          // Alternate who goes first, so neither always meets the other's leftovers on disk.
          const order = run % 2 === 0 ? /** @type {const} */ (['raw', 'store']) : /** @type {const} */ (['store', 'raw']);
          for (const contender of order) {
            // Let the previous database's deletion and compaction finish off the clock.
            await new Promise((resolve) => setTimeout(resolve, 1000));
            const t = await measure(contender, count, `run${run}`);
            (contender === 'raw' ? raw : store).push(t);
            ctx.log(
              `${count} ${contender.padEnd(5)} run ${run + 1}/${RUNS}: write ${t.writeMs.toFixed(0)} ms, ` +
                `pathway ${t.readPathwayMs.toFixed(2)} ms, all ${t.readAllMs.toFixed(0)} ms`,
            );
          }
        }
        for (const metric of METRICS) {
          const storeMs = store.map((t) => t[metric.key]);
          const rawMs = raw.map((t) => t[metric.key]);
          results.push(
            benchResult({
              name: `store.${metric.id}.${count} (ratio to raw IndexedDB)`,
              unit: 'ms',
              value: round(median(storeMs)),
              floor: round(median(rawMs)),
              notes:
                `${metric.what}, N = ${count}; median of ${RUNS} runs, a fresh database each, in headless Chromium. ` +
                `Store runs: ${list(storeMs)} ms; raw runs: ${list(rawMs)} ms. ` +
                (metric.id === 'write'
                  ? 'Store: LocalPlanStore.appendDecisions(all N, []) (zod parse, existence check, bulkAdd); ' +
                    'raw: one readwrite transaction, put() each row (with the two derived index fields), until complete.'
                  : metric.id === 'read-pathway'
                    ? `Mean of 10 reads of distinct pathways, ${store[0]?.pathwayRows} rows each. ` +
                      'Store: listDecisions({ pathwayId }) (index, filter, sort, zod parse); raw: index("pathwayId").getAll().'
                    : 'Each run: median of 3 reads. Store: listDecisions({}) (toArray, filter, sort by createdAt, zod parse); ' +
                      'raw: objectStore.getAll().'),
            }),
          );
        }
      }
      return results;
    } finally {
      await browser.close();
      await server.close();
    }
  },
});
