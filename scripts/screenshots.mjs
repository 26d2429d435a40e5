/**
 * Full-page screenshots of every screen in the light, dark and high-contrast themes, for a
 * human to look at (axe checks contrast; only eyes see clipped text or a broken layout).
 *
 *   npm run build && npx vite preview &      # or any running Helhed
 *   node scripts/screenshots.mjs [http://localhost:4173]
 *
 * Builds nothing and starts no server. Writes screenshots/<screen>-<theme>.png (gitignored).
 * Each screen gets a fresh browser context, i.e. a freshly seeded demo database; the screens
 * and the state they are shown in are tests/e2e/screens.mjs, shared with the a11y spec.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { SCREENS, THEMES, openScreen } from '../tests/e2e/screens.mjs';
import { chromiumArgs, chromiumExecutablePath } from './chromium.mjs';

const baseURL = (process.argv[2] ?? 'http://localhost:4173').replace(/\/+$/, '');
const outDir = resolve(fileURLToPath(new URL('..', import.meta.url)), 'screenshots');

async function assertServer() {
  try {
    const response = await fetch(baseURL);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`No Helhed at ${baseURL} (${reason}). Start one first, e.g. \`npm run build && npx vite preview\`.`);
    process.exit(2);
  }
}

async function main() {
  await assertServer();
  await mkdir(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumExecutablePath, args: [...chromiumArgs] });
  let failures = 0;
  try {
    for (const theme of THEMES) {
      for (const screen of SCREENS) {
        const context = await browser.newContext({
          baseURL,
          viewport: { width: 1280, height: 900 },
          reducedMotion: 'reduce',
          locale: 'da-DK',
          timezoneId: 'Europe/Copenhagen',
        });
        const page = await context.newPage();
        const file = join(outDir, `${screen.name}-${theme}.png`);
        try {
          await openScreen(page, screen, theme);
          // Nothing keeps focus, so no focus ring decides what the picture shows.
          await page.locator('body').evaluate((body) => {
            const focused = body.ownerDocument.activeElement;
            if (focused && focused !== body && 'blur' in focused && typeof focused.blur === 'function') focused.blur();
          });
          await page.screenshot({ path: file, fullPage: true });
          console.log(`wrote ${file}`);
        } catch (error) {
          failures += 1;
          console.error(`FAILED ${screen.name} (${theme}): ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
  }
  if (failures > 0) process.exit(1);
}

await main();
