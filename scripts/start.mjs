// `npm start`: the app in standalone mode (embedded IndexedDB store, demo data, no Microsoft 365
// tenant) on Vite's dev server, with the same response headers as production (vite.config.ts).
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

// `npm start` is the standalone mode (PRODUCT.md; env.sample documents VITE_HELHED_MODE). Vite
// gives variables already in the process environment priority over .env files, so this holds
// even when .env.local says "teams"; only a value set in the shell changes it.
process.env.VITE_HELHED_MODE ??= 'standalone';

const server = await createServer({
  configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
});

await server.listen();

// The port is 5173 unless taken (strictPort: false), so print the URL Vite actually bound.
const url = server.resolvedUrls?.local[0];
if (url === undefined) {
  await server.close();
  throw new Error('Vite started but reported no local URL.');
}
const mode = process.env.VITE_HELHED_MODE;
if (mode === 'standalone') {
  console.log(`\n  Helhed kører i standalone-tilstand (demodata): ${url}`);
  console.log(`  Helhed is running in standalone mode (demo data): ${url}\n`);
} else {
  console.log(`\n  Helhed kører (VITE_HELHED_MODE=${mode}): ${url}`);
  console.log(`  Helhed is running (VITE_HELHED_MODE=${mode}): ${url}\n`);
}
server.bindCLIShortcuts({ print: true });

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
