import { createServer } from 'vite';

/**
 * Loads a TypeScript module of the repository in Node through Vite's SSR loader (no build) and
 * hands it to `use`; the Vite server is closed afterwards, whatever `use` does.
 * @template M, R
 * @param {import('./benchmark.mjs').BenchContext} ctx
 * @param {string} path from the repository root, e.g. `/bench/meeting-channel/scenarios.ts`
 * @param {(mod: M) => Promise<R>} use
 * @returns {Promise<R>}
 */
export async function withSsrModule(ctx, path, use) {
  const vite = await createServer({
    configFile: false,
    root: ctx.rootDir,
    logLevel: 'warn',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    ctx.log(`loading ${path.replace(/^\//, '')} through Vite`);
    return await use(/** @type {M} */ (await vite.ssrLoadModule(path)));
  } finally {
    await vite.close();
  }
}
