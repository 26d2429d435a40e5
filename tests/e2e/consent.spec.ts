/**
 * Rule 8, consent first (PRODUCT.md), in a real browser on the demo: withdraw the consent for
 * one department, then that department's member cannot be booked and the planned meeting is
 * flagged; renew it and booking works again; the stage tells the citizen in plain Danish what
 * they agreed to; axe finds no violation on the consent screens in every theme.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { actAs, openApp, pageHeading, t, type ThemeName } from './support';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** See a11y.spec.ts: the same object, typed by a different playwright-core version. */
type AxePage = ConstructorParameters<typeof AxeBuilder>[0]['page'];

const EMIL = { pathway: '#/forloeb/pathway-emil', name: 'Emil Sørensen', nextMeeting: 'meeting-emil-2' };

test.use({ reducedMotion: 'reduce' });

async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page: page as unknown as AxePage })
    .withTags(WCAG_21_AA)
    // Tabster's focus bumpers: a documented false positive (see a11y.spec.ts).
    .exclude('[data-tabster-dummy]')
    .analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.map(String).join(' > ')}`).join('\n')}`,
  );
  expect(found, `axe violations on ${what}:\n${found.join('\n')}`).toEqual([]);
}

async function book(page: Page): Promise<void> {
  await page.getByRole('link', { name: t.pathways.bookMeeting }).first().click();
  await expect(pageHeading(page)).toHaveText(t.booking.titleFor(EMIL.name));
  // Wait for the suggested times, so the outcome is about consent and not the time.
  await expect(page.getByTestId('time-choice').getByRole('radio').first()).toBeVisible();
  await expect(page.getByTestId('time-choice').getByRole('radio')).not.toHaveCount(1);
  await page.getByRole('button', { name: t.booking.book }).click();
}

test('[R8] withdrawing consent for one department blocks its member and flags the meeting; renewing allows booking again', async ({
  page,
}) => {
  await openApp(page, EMIL.pathway);
  const consent = page.getByTestId('consent');

  await test.step('the pathway page shows the consent at a glance', async () => {
    await expect(consent.getByTestId('consent-status')).toHaveText(`${t.consent.statusLabel}: ${t.consent.status.valid}`);
    await expect(consent.getByTestId('consent-scope').getByRole('listitem')).toHaveText([
      'Skole og Uddannelse (PPR/UU)',
      'Socialafdelingen',
      'Jobcenter',
    ]);
    await expect(consent.getByTestId('consent-flags')).toHaveCount(0);
  });

  await test.step('withdraw for Jobcenter after confirming', async () => {
    await consent.getByRole('combobox', { name: t.consent.withdrawFor }).selectOption({ label: 'Jobcenter' });
    await consent.getByRole('button', { name: t.consent.withdraw }).click();
    const dialog = page.getByRole('alertdialog', { name: t.consent.withdrawTitle });
    await expect(dialog).toContainText(t.consent.withdrawBody('Jobcenter'));
    await expectNoAxeViolations(page, 'the withdraw dialog');
    await dialog.getByRole('button', { name: t.consent.withdraw }).click();
    await expect(consent.getByText(t.consent.withdrawnDone)).toBeVisible();
  });

  await test.step('the member and the planned meeting are flagged at once', async () => {
    const flags = consent.getByTestId('consent-flags');
    await expect(flags).toContainText(t.consent.memberFlag('Camilla Nørgaard', 'Jobcenter'));
    await expect(flags.locator(`[data-meeting-id="${EMIL.nextMeeting}"]`)).toContainText('Jobcenter');
    await expect(consent.getByTestId('consent-history').getByRole('listitem').first()).toHaveAttribute('data-kind', 'withdrawn');
  });

  await test.step('booking is refused: Jobcenter\'s member is outside the consent', async () => {
    await book(page);
    const refusal = page.getByTestId('violations').locator('[data-code="DEPARTMENT_OUTSIDE_CONSENT"]');
    await expect(refusal).toContainText(t.violation.DEPARTMENT_OUTSIDE_CONSENT('Camilla Nørgaard'));
    await expect(page.getByTestId('booking-consent-notice').locator(`[data-meeting-id="${EMIL.nextMeeting}"]`)).toBeVisible();
    await expect(page).toHaveURL(/\/book$/);
    await page.getByRole('link', { name: t.booking.backToPathway }).click();
  });

  await test.step('renew the consent with the citizen', async () => {
    await expect(pageHeading(page)).toHaveText(EMIL.name);
    await consent.getByRole('button', { name: t.consent.renew }).click();
    const form = consent.getByTestId('consent-form');
    await expect(form.getByRole('checkbox', { name: 'Jobcenter', exact: true })).toBeChecked();
    await expectNoAxeViolations(page, 'the consent form');
    await form.getByRole('button', { name: t.common.save }).click();
    await expect(consent.getByText(t.consent.saved)).toBeVisible();
    await expect(consent.getByTestId('consent-flags')).toHaveCount(0);
    await expect(consent.getByTestId('consent-history').getByRole('listitem')).toHaveCount(3);
  });

  await test.step('booking works again', async () => {
    await book(page);
    await expect(page).toHaveURL(/#\/moede\/[^/]+$/);
  });
});

test('[R8] the stage shows the citizen, in plain Danish, what they agreed to share, with whom, and that they may withdraw', async ({
  page,
}) => {
  await openApp(page, `#/moede/${EMIL.nextMeeting}/scene`);
  const stage = page.getByTestId('stage-consent');
  await expect(stage.getByRole('heading', { name: t.consent.stage.title })).toBeVisible();
  await expect(stage).toContainText(t.consent.stage.departmentsIntro(EMIL.name));
  await expect(stage.getByTestId('stage-consent-departments').getByRole('listitem')).toHaveText([
    'Skole og Uddannelse (PPR/UU)',
    'Socialafdelingen',
    'Jobcenter',
  ]);
  await expect(stage).toContainText(t.consent.stage.mayWithdraw);
  await expect(page.getByTestId('stage-goals').getByRole('listitem')).toHaveCount(3);
});

const THEMES: ThemeName[] = ['light', 'dark', 'contrast'];
for (const theme of THEMES) {
  test(`[R8] the consent screens have no axe violations (${theme})`, async ({ page }) => {
    // Lene's consent is due for review: the reminder is on screen too.
    await openApp(page, '#/forloeb/pathway-lene', { theme });
    await expect(page.getByTestId('consent-reminder')).toBeVisible();
    await expectNoAxeViolations(page, `the pathway page with consent (${theme})`);

    await openApp(page, `#/moede/${EMIL.nextMeeting}/scene`, { theme });
    await expect(page.getByTestId('stage-consent')).toBeVisible();
    await expectNoAxeViolations(page, `the stage (${theme})`);

    await openApp(page, '#/ledelse', { theme });
    // Hanne leads Socialafdelingen and Sundhed og Omsorg, both on Lene's team.
    await actAs(page, 'staff-hanne');
    await expect(page.getByTestId('leader-consent').locator('[data-pathway-id="pathway-lene"]')).toBeVisible();
    await expectNoAxeViolations(page, `the leader review (${theme})`);
  });
}
