/**
 * The side panel and the meeting stage together in the Teams host simulator (issue 5): the
 * tovholder shows a proposal on the stage from the side panel, the stage (another frame, as in
 * another participant's client) follows with "Er du enig?" and the answer recorded in the side
 * panel. Both are checked with axe in the three Teams themes, and photographed for a human to
 * look at (HELHED_SHOTS=<dir>; nothing is written without it).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { da } from '../../src/ui/strings/da';
import { openInTeams } from './teams-simulator/host-simulator';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** See tests/e2e/a11y.spec.ts: same object, Page types of two playwright-core versions. */
type AxePage = ConstructorParameters<typeof AxeBuilder>[0]['page'];
const IN_MEETING = { chatId: '19:meeting_helhed-sim@thread.v2', meetingId: 'MCMxOTptZWV0aW5n' };
const PROPOSAL = 'Emil får en kontaktperson, der går med ham de første tre dage i praktik.';
const SHOTS = process.env.HELHED_SHOTS;

test.use({ reducedMotion: 'reduce' });

async function axe(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page: page as unknown as AxePage })
    .withTags(WCAG_21_AA)
    // Tabster's focus bumpers, a documented false positive (see tests/e2e/a11y.spec.ts).
    .exclude('[data-tabster-dummy]')
    .analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.map(String).join(' > ')}`).join('\n')}`,
  );
  expect(found, `axe violations on ${where}:\n${found.join('\n')}`).toEqual([]);
}

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Makes the framed app as tall as its content, so a full-page screenshot shows all of it. */
async function unroll(page: Page, frame: Frame): Promise<void> {
  const height = await frame.evaluate(() => document.documentElement.scrollHeight);
  await page.evaluate((h) => {
    const iframe = document.getElementById('app') as HTMLIFrameElement;
    iframe.style.height = `${h}px`;
  }, height);
}

for (const theme of ['default', 'dark', 'contrast'] as const) {
  test(`[Stage] the stage follows the side panel's presenter, with no axe violations in the ${theme} theme`, async ({ context }) => {
    const panelPage = await context.newPage();
    // A Teams meeting side panel is about 320 px wide.
    await panelPage.setViewportSize({ width: 320, height: 900 });
    const panel = await openInTeams(panelPage, {
      src: '/teams.html?store=demo#/forloeb/pathway-emil',
      frameContext: 'sidePanel',
      meeting: IN_MEETING,
      theme,
      canShareToStage: true,
    });
    await expect(panel.frame.locator('h1')).toHaveText(da.meeting.title);
    await expect(panel.frame.getByTestId('sync-state')).toHaveText(da.meeting.syncState.saved.title);

    const stagePage = await context.newPage();
    await stagePage.setViewportSize({ width: 1280, height: 800 });
    const stage = await openInTeams(stagePage, {
      src: '/teams.html?store=demo#/moede/meeting-emil-2/scene',
      frameContext: 'meetingStage',
      meeting: IN_MEETING,
      theme,
    });
    await expect(stage.frame.locator('h1')).toHaveText(da.stage.title('Emil Sørensen'));

    const form = panel.frame.getByTestId('decision-form');
    await form.getByRole('textbox', { name: da.meeting.textLabel }).fill(PROPOSAL);
    await form.getByRole('button', { name: da.meeting.presentDraft }).click();
    const now = stage.frame.getByTestId('stage-now');
    await expect(now.getByTestId('stage-now-text')).toHaveText(PROPOSAL);
    await expect(now.getByRole('heading', { name: da.stage.question })).toBeVisible();
    await expect(now.getByTestId('stage-now-answer')).toHaveText(da.stage.noAnswer);

    await form.getByRole('radio', { name: da.citizenPosition.agrees, exact: true }).check();
    await expect(now.getByTestId('stage-now-answer')).toHaveText(da.stage.answer.agrees);
    await expect(form.getByTestId('save-state')).toHaveText(da.meeting.saveState.draftSaved);

    await axe(panelPage, `side panel presenting (${theme})`);
    await axe(stagePage, `stage following the presenter (${theme})`);
    if (SHOTS) {
      // Scrolled down to the form, the saving state stays in view (sticky).
      await form.getByRole('button', { name: da.meeting.save }).scrollIntoViewIfNeeded();
      await expect(panel.frame.getByTestId('sync-state')).toBeInViewport();
      await panelPage.screenshot({ path: `${SHOTS}/side-panel-scrolled-${theme}.png` });
    }
    await unroll(panelPage, panel.frame);
    await shoot(panelPage, `side-panel-presenting-${theme}`);
    await unroll(stagePage, stage.frame);
    await shoot(stagePage, `stage-presented-${theme}`);
  });
}

test('"Book næste møde" in the side panel opens the booking for the same team and citizen, and leads back to the meeting', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 900 });
  const panel = await openInTeams(page, {
    src: '/teams.html?store=demo#/forloeb/pathway-emil',
    frameContext: 'sidePanel',
    meeting: IN_MEETING,
  });
  await expect(panel.frame.locator('h1')).toHaveText(da.meeting.title);
  await panel.frame.getByRole('link', { name: da.meeting.bookNext }).click();
  await expect(panel.frame.locator('h1')).toHaveText(da.booking.titleFor('Emil Sørensen'));
  const attendees = panel.frame.getByTestId('required-attendees');
  for (const name of ['Anders Østergaard', 'Nadia Poulsen', 'Jonas Holm', 'Camilla Nørgaard']) await expect(attendees).toContainText(name);
  await panel.frame.getByRole('link', { name: da.booking.backToPathway }).click();
  await expect(panel.frame.locator('h1')).toHaveText(da.meeting.title);
});
