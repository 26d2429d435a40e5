/**
 * WCAG 2.1 AA (PRODUCT.md, "Quality bars"): no axe violations on any screen, in the light, dark
 * and high-contrast themes. One page load per screen and theme; the screens and the state each
 * is checked in are in ./screens.mjs (shared with scripts/screenshots.mjs).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { SCREENS, THEMES, openScreen } from './screens.mjs';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * @axe-core/playwright's peer dependency `playwright-core >= 1.0.0` resolves to a newer hoisted
 * playwright-core than the one @playwright/test bundles, so its Page type differs by version
 * only; the object is the same at run time.
 */
type AxePage = ConstructorParameters<typeof AxeBuilder>[0]['page'];

// Fluent's enter/exit motions are skipped, so axe never sees a half-faded message bar.
test.use({ reducedMotion: 'reduce' });

for (const theme of THEMES) {
  test.describe(`${theme} theme`, () => {
    for (const screen of SCREENS) {
      test(`${screen.name} has no axe violations`, async ({ page }) => {
        await openScreen(page, screen, theme);
        const results = await new AxeBuilder({ page: page as unknown as AxePage })
          .withTags(WCAG_21_AA)
          // Fluent's focus manager (Tabster) adds empty `<i data-tabster-dummy aria-hidden tabindex=0>`
          // bumpers that move focus on at once: a documented false positive of aria-hidden-focus
          // (microsoft/tabster#288; Accessibility Insights suppresses it the same way).
          .exclude('[data-tabster-dummy]')
          .analyze();
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
