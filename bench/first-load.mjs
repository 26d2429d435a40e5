// First load: the gzipped JavaScript each of Helhed's HTML entries needs before it can run,
// as a multiple of a floor app (React + FluentProvider with teamsLightTheme + one Button, in
// bench/floor-app/). ARCHITECTURE.md: "Small first load" and PRODUCT.md: "The side panel is
// small and fast".
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { defineBenchmark } from './lib/benchmark.mjs';
import { htmlEntries, initialJs, readManifest, scriptUrlsInHtml } from './lib/initial-js.mjs';
import { BenchSetupError, benchResult } from './lib/result.mjs';

const floorRoot = fileURLToPath(new URL('./floor-app/', import.meta.url));

/** @param {number} bytes */
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/**
 * Build options shared by both builds, so they differ only in their source.
 * @param {string} outDir
 */
const buildOptions = (outDir) => ({ outDir, emptyOutDir: true, manifest: true });

/**
 * The entry modules an index.html loads, as paths relative to the Vite root.
 * @param {string} rootDir
 * @returns {Promise<string[]>}
 */
async function sourceEntries(rootDir) {
  const html = await readFile(join(rootDir, 'index.html'), 'utf8');
  return scriptUrlsInHtml(html).map((url) => url.replace(/^\//, ''));
}

export default defineBenchmark({
  id: 'first-load',
  title: 'First-load JS (gzip) vs a React + Fluent floor app',
  async run(ctx) {
    ctx.log('building the floor app (bench/floor-app)');
    const floorOut = join(ctx.tmpDir, 'floor');
    await build({
      configFile: false,
      root: floorRoot,
      logLevel: 'warn',
      plugins: [react()],
      build: buildOptions(floorOut),
    });
    const floor = await initialJs(floorOut, 'index.html');
    ctx.log(`floor app: ${kib(floor.gzipBytes)} gzipped JS in ${floor.files.length} file(s)`);

    for (const entry of await sourceEntries(ctx.rootDir)) {
      const ok = await access(join(ctx.rootDir, entry)).then(
        () => true,
        () => false,
      );
      if (!ok) {
        throw new BenchSetupError(
          `The app's entry ${entry} (loaded by index.html) does not exist yet, so there is nothing to ` +
            `compare with the floor app (which built: ${kib(floor.gzipBytes)} gzipped JS).`,
        );
      }
    }

    ctx.log('building the app (vite.config.ts)');
    const appOut = join(ctx.tmpDir, 'app');
    await build({
      configFile: join(ctx.rootDir, 'vite.config.ts'),
      root: ctx.rootDir,
      logLevel: 'warn',
      build: buildOptions(appOut),
    });

    const results = [];
    for (const html of htmlEntries(await readManifest(appOut))) {
      const app = await initialJs(appOut, html);
      results.push(
        benchResult({
          name: `first-load-js-gzip:${html}`,
          unit: 'bytes',
          value: app.gzipBytes,
          floor: floor.gzipBytes,
          notes:
            `${html}: entry chunk + static imports, each gzip -9, from the Vite manifest and checked ` +
            `against the page's script/modulepreload tags; ${app.files.length} file(s), ` +
            `${kib(app.rawBytes)} raw (floor: ${floor.files.length} file(s), ${kib(floor.rawBytes)} raw). ` +
            `Lazy chunks not counted.` +
            (app.css.length > 0 ? ` Also links CSS: ${app.css.join(', ')}.` : ''),
        }),
      );
    }
    return results;
  },
});
