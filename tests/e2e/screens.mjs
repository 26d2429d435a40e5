/**
 * Every screen of the standalone app in a state worth checking, shared by the accessibility
 * spec (tests/e2e/a11y.spec.ts) and the screenshot script (scripts/screenshots.mjs). Plain
 * JavaScript so that Node can run the script without a TypeScript loader; that is also why the
 * few Danish strings below are written out instead of imported from src/ui/strings/da.ts (a
 * renamed label makes the a11y spec time out here, so they cannot drift unnoticed).
 *
 * Each screen is one page load of a fresh demo database (a new browser context), then
 * `prepare` brings it to the state to check: a validation error, a refused booking, a saved
 * decision, a leader's view.
 */

/** @typedef {import('@playwright/test').Page} Page */
/** @typedef {'light' | 'dark' | 'contrast'} ThemeName */
/**
 * @typedef {object} Screen
 * @property {string} name file-name friendly
 * @property {string} hash the route to load
 * @property {(page: Page) => Promise<void>} prepare brings the loaded screen to the state to check
 */

/** @type {readonly ThemeName[]} */
export const THEMES = ['light', 'dark', 'contrast'];

const TIMEOUT = 15_000;

/** @param {import('@playwright/test').Locator} locator */
const visible = (locator) => locator.waitFor({ state: 'visible', timeout: TIMEOUT });

/** A date `days` from today as YYYY-MM-DD. */
function isoDateInDays(/** @type {number} */ days) {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** @type {readonly Screen[]} */
export const SCREENS = [
  {
    name: 'pathway-list',
    hash: '#/forloeb',
    prepare: async (page) => {
      await visible(page.getByTestId('pathway-list'));
    },
  },
  {
    name: 'new-pathway-invalid',
    hash: '#/forloeb/nyt',
    prepare: async (page) => {
      const form = page.getByTestId('new-pathway-form');
      await form.locator('button[type="submit"]').click();
      // The error summary (pathways.errorSummary) and the fields' own messages.
      await visible(form.getByRole('alert').filter({ hasText: 'Forløbet kan ikke oprettes endnu' }));
    },
  },
  {
    name: 'pathway',
    hash: '#/forloeb/pathway-emil',
    prepare: async (page) => {
      await visible(page.getByTestId('decision-log').locator('li[data-decision-id]').first());
      await visible(page.getByTestId('minutes-history').getByRole('table'));
      // The consent section is its own chunk (src/app/route-view.tsx).
      await visible(page.getByTestId('consent').getByTestId('consent-status'));
    },
  },
  {
    // A link to one decision (a Teams activity notice, the leader review's "Plan" link).
    name: 'pathway-linked-decision',
    hash: '#/forloeb/pathway-emil?beslutning=decision-emil-2',
    prepare: async (page) => {
      await visible(page.locator('[data-testid="decision-log"] li[data-decision-id="decision-emil-2"][aria-current="true"]'));
      await visible(page.getByTestId('consent').getByTestId('consent-status'));
    },
  },
  {
    name: 'booking-refused',
    hash: '#/forloeb/pathway-emil/book',
    prepare: async (page) => {
      // Suggested times and the calendar preview are loaded before anything is clicked.
      await visible(page.getByTestId('time-choice').getByRole('radio').nth(1));
      await visible(page.getByTestId('calendar-subject'));
      await page.getByTestId('citizen-choice').locator('input[value="none"]').check();
      await page.getByTestId('book-meeting-form').locator('button[type="submit"]').click();
      await visible(page.locator('[data-testid="violations"] [data-code="CITIZEN_NOT_INVITED"]'));
    },
  },
  {
    name: 'meeting-with-decision',
    hash: '#/moede/meeting-emil-2',
    prepare: async (page) => {
      const checkin = page.getByTestId('checkin');
      await checkin.getByRole('group', { name: 'Anders Østergaard' }).getByRole('checkbox').first().check();
      await visible(checkin.getByRole('status').filter({ hasText: 'Fremmøde gemt' }));
      const form = page.getByTestId('decision-form');
      await form.locator('textarea').fill('Emil får tre vejledningssamtaler om erhvervsuddannelserne inden fristen.');
      await form.getByLabel('Ansvarlig').selectOption('staff-anders');
      await form.getByLabel('Frist').fill(isoDateInDays(21));
      await form.getByRole('checkbox', { name: 'Skole og Uddannelse (PPR/UU)' }).check();
      await form.locator('input[type="radio"][value="agrees"]').check();
      await form.getByRole('button', { name: 'Gem beslutning' }).click();
      await visible(page.getByTestId('meeting-decisions').locator('li[data-decision-id]').first());
      await visible(form.getByTestId('save-state').filter({ hasText: 'Gemt' }));
    },
  },
  {
    name: 'minutes',
    hash: '#/moede/meeting-emil-1/referat',
    prepare: async (page) => {
      await visible(page.getByTestId('minutes-version').filter({ hasText: 'Godkendt version 1' }));
      await visible(page.getByTestId('minutes-decisions').getByRole('listitem').first());
    },
  },
  {
    name: 'stage',
    hash: '#/moede/meeting-emil-2/scene',
    prepare: async (page) => {
      await visible(page.getByTestId('stage-goals').getByRole('listitem').first());
      await visible(page.getByTestId('stage-consent'));
    },
  },
  {
    name: 'leader-review',
    hash: '#/ledelse',
    prepare: async (page) => {
      // Hanne Vestergaard leads Socialafdelingen and Sundhed og Omsorg (demo data).
      await page.getByLabel('Vis som').selectOption('staff-hanne');
      await visible(page.getByTestId('leader-escalations').locator('li[data-decision-id]').first());
      await visible(page.getByTestId('leader-attendance'));
      await visible(page.getByTestId('leader-decisions-table').locator('[data-decision-id]').first());
      // The charts are their own chunk (issue 6): axe checks them drawn, not their loading state.
      await visible(page.getByTestId('picture-decisions').locator('.fui-cart__chartWrapper svg').first());
      await visible(page.getByTestId('picture-attendance').locator('.fui-cart__chartWrapper svg').first());
    },
  },
  {
    name: 'leader-review-tables',
    hash: '#/ledelse?sort=due&dir=asc',
    prepare: async (page) => {
      // The charts' accessible alternative: every picture shown as a table ("Vis som tabel").
      await page.getByLabel('Vis som').selectOption('staff-birgitte');
      await visible(page.getByTestId('leader-decisions-table').locator('[data-decision-id]').first());
      for (const picture of ['picture-decisions', 'picture-attendance', 'picture-no-citizen', 'picture-overdue']) {
        const toggle = page.getByTestId(picture).getByRole('button', { name: 'Vis som tabel' });
        if ((await toggle.count()) > 0) await toggle.click();
      }
      await visible(page.getByTestId('picture-overdue').getByRole('table'));
    },
  },
  {
    name: 'departments',
    hash: '#/afdelinger',
    prepare: async (page) => {
      await visible(page.getByTestId('department-list'));
      // A department the demo's teams use: pressing "Fjern" explains why it stays (departments.removeBlockedTitle).
      await page.getByRole('button', { name: 'Fjern Socialafdelingen' }).click();
      await visible(page.getByTestId('department-in-use').filter({ hasText: 'Socialafdelingen kan ikke fjernes' }));
    },
  },
  {
    name: 'department-edit',
    hash: '#/afdelinger',
    prepare: async (page) => {
      await page.getByRole('button', { name: 'Redigér Jobcenter' }).click();
      const form = page.getByTestId('department-form');
      // The leaders' people picker with results (departments.findLeader).
      await form.getByRole('searchbox', { name: 'Find leder' }).fill('Peter');
      await visible(form.getByTestId('leader-results'));
    },
  },
];

/**
 * Loads `screen` in `theme` (relative to the context's baseURL), waits for the app, and
 * prepares the state to check.
 * @param {Page} page
 * @param {Screen} screen
 * @param {ThemeName} theme
 */
export async function openScreen(page, screen, theme) {
  await page.goto(`/?theme=${theme}${screen.hash}`);
  await page.locator('html[data-helhed-ready="true"]').waitFor({ state: 'attached', timeout: TIMEOUT });
  await page.locator(`[data-theme="${theme}"]`).first().waitFor({ state: 'attached', timeout: TIMEOUT });
  await screen.prepare(page);
}
