/**
 * Leader review at scale (issue 6) in a real browser: filtering and sorting kept in the URL,
 * "Kopiér link" standalone and as a Teams deep link, and a deep link's subEntityId opening the
 * same filtered view in the Teams personal tab "Ledelse" (tests/e2e/teams-simulator).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { actAs, openApp, t } from './support';
import { openInTeams } from './teams-simulator/host-simulator';

const APP_ID = '5f1e3a2b-8c4d-4e6f-9a0b-1c2d3e4f5a6b';

const decisionsTable = (page: Page | ReturnType<Page['frameLocator']>) => page.getByTestId('leader-decisions-table');
const rows = (table: Locator) => table.locator('[role="row"][data-decision-id]');

async function dueDates(table: Locator): Promise<string[]> {
  return rows(table).evaluateAll((els) => els.map((el) => el.getAttribute('data-due') ?? ''));
}

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('[R6] filter and sort the decisions; both live in the URL; "Kopiér link" reopens the same view', async ({ page, context }) => {
  await openApp(page, '#/ledelse');
  await actAs(page, 'staff-hanne');
  const table = decisionsTable(page);
  await expect(rows(table).first()).toBeVisible();
  const allCount = await rows(table).count();

  // Filter: one department.
  await page.getByRole('combobox', { name: t.leader.department }).selectOption('dept-health');
  await expect(page).toHaveURL(/#\/ledelse\?dept=dept-health$/);
  await expect(page.getByTestId('leader-results')).toHaveAttribute('aria-busy', 'false');
  const healthRows = rows(table);
  await expect(healthRows.first()).toBeVisible();
  expect(await healthRows.count()).toBeLessThanOrEqual(allCount);
  for (const text of await healthRows.locator('[role="cell"]:nth-child(4)').allTextContents()) {
    expect(text).toContain('Sundhed og Omsorg');
  }

  // Sort by due date, by keyboard: the header's button, Enter.
  const dueHeader = table.getByRole('columnheader', { name: t.leader.columns.due });
  await dueHeader.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/ledelse\?dept=dept-health&sort=due&dir=asc$/);
  await expect(dueHeader).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await dueDates(table);
  expect(ascending).toEqual([...ascending].sort());
  await dueHeader.getByRole('button').click();
  await expect(dueHeader).toHaveAttribute('aria-sort', 'descending');
  const descending = await dueDates(table);
  expect(descending).toEqual([...descending].sort().reverse());
  await expect(table).toHaveAttribute('aria-rowcount', String((await rows(table).count()) + 1));

  // Kopiér link: standalone, the page's own address with the view.
  await page.getByRole('button', { name: t.leader.copyLink }).click();
  await expect(page.getByText(t.leader.linkCopied)).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).hash).toBe('#/ledelse?dept=dept-health&sort=due&dir=desc');

  // Someone opening the link sees the same view.
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.locator('html[data-helhed-ready="true"]')).toBeAttached();
  await expect(other.getByRole('combobox', { name: t.leader.department })).toHaveValue('dept-health');
  const otherTable = decisionsTable(other);
  await expect(otherTable.getByRole('columnheader', { name: t.leader.columns.due })).toHaveAttribute('aria-sort', 'descending');
  expect(await dueDates(otherTable)).toEqual(descending);
});

test('one click from a decision in the review to that decision in its plan: marked, focused, in view', async ({ page }) => {
  await openApp(page, '#/ledelse?status=requires-leader-follow-up');
  await actAs(page, 'staff-hanne');
  const table = decisionsTable(page);
  const row = rows(table).first();
  await expect(row).toBeVisible();
  const decisionId = await row.getAttribute('data-decision-id');
  expect(decisionId).not.toBeNull();

  await row.getByRole('link', { name: /^Plan – / }).click();
  await expect(page).toHaveURL(new RegExp(`#/forloeb/[^?]+\\?beslutning=${decisionId ?? ''}$`));
  const linked = page.locator(`[data-testid="decision-log"] li[data-decision-id="${decisionId ?? ''}"]`);
  await expect(linked).toHaveAttribute('aria-current', 'true');
  await expect(linked.getByText(t.pathways.linkedDecision)).toBeVisible();
  await expect(linked).toBeFocused();
  await expect(linked).toBeInViewport();
});

test('[Teams] "Kopiér link" gives a deep link to the "Ledelse" tab, and its subEntityId opens the filtered view', async ({ page, context }) => {
  // The demo store's signed-in person lives in IndexedDB on this origin: pick the leader first.
  await openApp(page, '#/ledelse');
  await actAs(page, 'staff-hanne');
  await expect(rows(decisionsTable(page)).first()).toBeVisible();

  const sim = await openInTeams(page, {
    src: '/teams.html?store=demo#/ledelse',
    frameContext: 'content',
    appId: APP_ID,
    subEntityId: '/ledelse?dept=dept-health&status=requires-leader-follow-up&sort=responsible&dir=asc',
  });
  const frame = sim.frame;
  // The Teams entry routed the subEntityId to the filtered, sorted view.
  await expect(frame.getByRole('combobox', { name: t.leader.department })).toHaveValue('dept-health');
  await expect(frame.getByRole('combobox', { name: t.leader.status })).toHaveValue('requires-leader-follow-up');
  const table = frame.getByTestId('leader-decisions-table');
  await expect(table.getByRole('columnheader', { name: t.leader.columns.responsible })).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows(table).first()).toHaveAttribute('data-escalated', 'true');

  await frame.getByRole('button', { name: t.leader.copyLink }).click();
  await expect(frame.getByText(t.leader.linkCopied)).toBeVisible();
  const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(`${link.origin}${link.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${APP_ID}/ledelse`);
  expect(JSON.parse(link.searchParams.get('context') ?? '')).toEqual({
    subEntityId: '/ledelse?dept=dept-health&status=requires-leader-follow-up&sort=responsible&dir=asc',
  });
  expect(link.searchParams.get('label')).toBe('Helhed: Ledelse');
  await context.clearPermissions();
});
