/**
 * WCAG 2.1 AA on every Teams host surface, in the three Teams themes (issue 3, "Proof"). The app
 * runs framed in the Teams host simulator; axe analyses the frame too.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { da } from '../../src/ui/strings/da';
import { openInTeams, type SimulatorConfig } from './teams-simulator/host-simulator';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** See tests/e2e/a11y.spec.ts: same object, Page types of two playwright-core versions. */
type AxePage = ConstructorParameters<typeof AxeBuilder>[0]['page'];
const IN_MEETING = { chatId: '19:meeting_helhed-sim@thread.v2', meetingId: 'MCMxOTptZWV0aW5n' };

const SURFACES: { name: string; config: Omit<SimulatorConfig, 'theme'>; ready: string }[] = [
  { name: 'personal tab', config: { src: '/teams.html?store=demo#/forloeb', frameContext: 'content' }, ready: da.pathways.listTitle },
  { name: 'configuration page', config: { src: '/teams.html?store=demo', frameContext: 'settings' }, ready: da.teams.configTitle },
  {
    name: 'side panel',
    config: { src: '/teams.html?store=demo#/forloeb/pathway-emil', frameContext: 'sidePanel', meeting: IN_MEETING },
    ready: da.meeting.title,
  },
  {
    name: 'meeting stage',
    config: { src: '/teams.html?store=demo#/moede/meeting-emil-2/scene', frameContext: 'meetingStage', meeting: IN_MEETING },
    ready: da.stage.title('Emil Sørensen'),
  },
];

test.use({ reducedMotion: 'reduce' });

for (const theme of ['default', 'dark', 'contrast'] as const) {
  for (const surface of SURFACES) {
    test(`[Teams a11y] ${surface.name} in the ${theme} theme has no axe violations`, async ({ page }) => {
      const sim = await openInTeams(page, { ...surface.config, theme });
      await expect(sim.frame.locator('h1')).toHaveText(surface.ready);
      const results = await new AxeBuilder({ page: page as unknown as AxePage })
        .withTags(WCAG_21_AA)
        // Tabster's focus bumpers, a documented false positive (see tests/e2e/a11y.spec.ts).
        .exclude('[data-tabster-dummy]')
        .analyze();
      const found = results.violations.map(
        (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.map(String).join(' > ')}`).join('\n')}`,
      );
      expect(found, `axe violations on ${surface.name} (${theme}):\n${found.join('\n')}`).toEqual([]);
    });
  }
}
