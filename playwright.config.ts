import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutablePath } from './scripts/chromium.mjs';

const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: isCI ? 1 : 2,
  reporter: 'list',
  use: {
    baseURL: 'http://localhost:4173',
    browserName: 'chromium',
    headless: true,
    // Debian's Chromium (see scripts/chromium.mjs); .ci/run installs it.
    launchOptions: { executablePath: chromiumExecutablePath, args: [...chromiumArgs] },
    trace: 'retain-on-failure',
  },
  // `npm run test:e2e` builds first; the preview server serves dist/ with the security headers.
  webServer: {
    command: 'npx vite preview --port 4173 --strictPort',
    url: 'http://localhost:4173',
    reuseExistingServer: !isCI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
