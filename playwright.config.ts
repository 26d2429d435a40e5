import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutablePath } from './scripts/chromium.mjs';

const isCI = Boolean(process.env.CI);
// HELHED_E2E_PORT and HELHED_DIST let two Playwright runs on one machine use their own build and
// server (see vite.config.ts); CI uses the defaults.
const port = Number(process.env.HELHED_E2E_PORT ?? 4173);
const outDir = process.env.HELHED_DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: isCI ? 1 : 2,
  reporter: 'list',
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    headless: true,
    // Debian's Chromium (see scripts/chromium.mjs); .ci/run installs it.
    launchOptions: { executablePath: chromiumExecutablePath, args: [...chromiumArgs] },
    trace: 'retain-on-failure',
  },
  // `npm run test:e2e` builds first; the preview server serves dist/ with the security headers.
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --outDir ${outDir}`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !isCI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
