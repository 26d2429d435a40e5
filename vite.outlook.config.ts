// The Outlook send guard's own build (issue 7): one classic script, dist/outlook/commands.js, plus
// the page that loads it, dist/outlook/commands.html. Separate from vite.config.ts because
// classic Outlook on Windows runs the handler in a JavaScript-only runtime that loads one plain
// script (no ES modules, no imports, no chunks) and supports ECMAScript 2016 only; see
// https://learn.microsoft.com/office/dev/add-ins/outlook/troubleshoot-event-based-and-spam-reporting-add-ins
// Runs after the main build (which empties dist/), so it must not empty dist/ itself.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Emits commands.html unchanged: it loads office.js from Microsoft's CDN and ./commands.js. */
function commandsPage(): Plugin {
  return {
    name: 'helhed-outlook-commands-page',
    async generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'commands.html',
        source: await readFile(source('./src/outlook/commands.html'), 'utf8'),
      });
    },
  };
}

export default defineConfig({
  // Only the handler: no React plugin, no public/ copy, no dev-server settings.
  publicDir: false,
  plugins: [commandsPage()],
  build: {
    outDir: `${process.env.HELHED_DIST ?? 'dist'}/outlook`,
    emptyOutDir: true,
    target: 'es2016',
    minify: true,
    sourcemap: false,
    lib: {
      entry: source('./src/outlook/commands.ts'),
      formats: ['iife'],
      name: 'HelhedOutlook',
      fileName: () => 'commands.js',
    },
  },
});
