import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumExecutablePath } from '../../scripts/chromium.mjs';
import { BenchSetupError } from './result.mjs';
import { access, constants } from 'node:fs/promises';

/**
 * Launches Debian's headless Chromium, the same binary and flags as the e2e tests
 * (scripts/chromium.mjs). The caller closes the browser.
 * @param {{ args?: readonly string[] }} [options] extra command-line flags
 * @returns {Promise<import('@playwright/test').Browser>}
 */
export async function launchChromium(options = {}) {
  try {
    await access(chromiumExecutablePath, constants.X_OK);
  } catch {
    throw new BenchSetupError(
      `No Chromium at ${chromiumExecutablePath}. Install it with: apt-get install -y chromium fonts-dejavu-core`,
    );
  }
  return chromium.launch({
    executablePath: chromiumExecutablePath,
    headless: true,
    args: [...chromiumArgs, ...(options.args ?? [])],
  });
}
