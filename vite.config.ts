import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { securityHeaders, staticWebAppConfig } from './scripts/security-headers.mjs';

/** Writes dist/staticwebapp.config.json from the same header values the servers below send. */
function staticWebAppConfigFile(): Plugin {
  return {
    name: 'helhed-static-web-app-config',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'staticwebapp.config.json',
        source: `${JSON.stringify(staticWebAppConfig(), null, 2)}\n`,
      });
    },
  };
}

/** Setup shared by every test project: fake IndexedDB, and DOM cleanup where there is a DOM. */
const setupFiles = ['tests/setup/vitest-setup.ts'];

/**
 * Where builds go. HELHED_DIST lets a second checkout of the work (or a parallel Playwright run)
 * build and serve elsewhere without emptying the dist/ another run is serving.
 */
const outDir = process.env.HELHED_DIST ?? 'dist';

export default defineConfig({
  plugins: [react(), staticWebAppConfigFile()],
  // TEAMS_APP_ID (the manifest id, not a secret) reaches the bundle too: the calendar writes the
  // Outlook send guard's custom property under it (src/app/teams-config.ts).
  envPrefix: ['VITE_', 'TEAMS_APP_ID'],
  build: {
    outDir,
    emptyOutDir: true,
    // Two pages, one bundle graph: index.html is standalone mode (npm start), teams.html the
    // entry every Teams/Outlook/Microsoft 365 surface of the manifest opens (src/app/teams-main.tsx).
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        teams: fileURLToPath(new URL('./teams.html', import.meta.url)),
      },
    },
  },
  // Response headers, not <meta>: browsers ignore frame-ancestors in a meta CSP.
  server: {
    port: 5173,
    strictPort: false,
    headers: { ...securityHeaders },
  },
  preview: {
    port: 4173,
    headers: { ...securityHeaders },
  },
  test: {
    // Vitest 4 dropped environmentMatchGlobs: each environment is a project that inherits this
    // config (`extends: true`) and owns a disjoint set of files.
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'src/**/*.test.ts',
            'tests/unit/**/*.test.ts',
            'tests/contract/**/*.test.ts',
          ],
          setupFiles,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          // Screens render Fluent in jsdom and read IndexedDB through several awaits; on a
          // 2-core CI machine 5 s is not a fair limit for one such test.
          testTimeout: 20_000,
          include: ['src/**/*.test.tsx', 'tests/unit/**/*.test.tsx', 'tests/features/**/*.test.tsx'],
          setupFiles,
        },
      },
    ],
    exclude: ['**/node_modules/**', 'dist/**', 'tests/e2e/**', 'bench/**', 'bench-results/**'],
  },
});
