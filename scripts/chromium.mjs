/**
 * How this project launches Chromium, shared by playwright.config.ts and bench/lib/chromium.mjs.
 * Debian's build, because `npx playwright install` cannot download browsers on these machines
 * (ARCHITECTURE.md, "Toolchain pins"); .ci/run installs it with apt.
 */
export const chromiumExecutablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags known to work here: no sandbox as root, no GPU, nothing that phones home. */
export const chromiumArgs = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]);
