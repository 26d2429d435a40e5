/**
 * WCAG 2.1 AA (PRODUCT.md, "Quality bars"): no axe violations on any screen, in the light, dark
 * and high-contrast themes. One page load per screen and theme; the screens and the state each
 * is checked in are in ./screens.mjs (shared with scripts/screenshots.mjs).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { SCREENS, THEMES, openScreen } from './screens.mjs';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Fluent's enter/exit motions are skipped, so axe never sees a half-faded message bar.
test.use({ reducedMotion: 'reduce' });

for (const theme of THEMES) {
  test.describe(`${theme} theme`, () => {
    for (const screen of SCREENS) {
      test(`${screen.name} has no axe violations`, async ({ page }) => {
        await openScreen(page, screen, theme);
        const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
        const found = results.violations.map(
          (v) =>
            `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n` +
            v.nodes
              .map((n) => `    ${n.target.map(String).join(' > ')}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
              .join('\n'),
        );
        expect(found, `axe violations on ${screen.name} (${theme}):\n${found.join('\n')}`).toEqual([]);
      });
    }
  });
}
