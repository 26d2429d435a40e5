/**
 * Shared helpers for the end-to-end specs: open a screen of the standalone app and wait until
 * it is usable, and fill the forms the specs share. Locators use the UI's own strings
 * (src/ui/strings/da.ts), roles and data-testids, so a renamed label fails loudly here.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { da } from '../../src/ui/strings/da';

export const t = da;

export type ThemeName = 'light' | 'dark' | 'contrast';

/**
 * Opens `hash` (e.g. `#/forloeb`) in a fresh page load and waits for the app to mount (the
 * host marks <html data-helhed-ready>). URL parameters go before the hash.
 */
export async function openApp(page: Page, hash: string, options: { theme?: ThemeName } = {}): Promise<void> {
  const query = options.theme ? `?theme=${options.theme}` : '';
  await page.goto(`/${query}${hash}`);
  await expect(page.locator('html[data-helhed-ready="true"]')).toBeAttached();
}

/** Moves to another screen in the same page (a hash change, no reload), as a link would. */
export async function goToHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

/** The screen's <h1>. */
export function pageHeading(page: Page): Locator {
  return page.locator('h1#page-title');
}

/** A date `days` from today as YYYY-MM-DD (what <input type="date"> takes). */
export function isoDateInDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Switches the demo's "Vis som" user in the header. */
export async function actAs(page: Page, personId: string): Promise<void> {
  await page.getByLabel(t.shell.actAs).selectOption(personId);
}

export interface DecisionSpec {
  text: string;
  /** Department names as the form shows them (demo-data: Socialafdelingen, Sundhed og Omsorg, Jobcenter, …). */
  departments: string[];
  /** The option value of "Ansvarlig" (a person id). */
  responsibleId: string;
  dueDate: string;
  position: keyof typeof da.citizenPosition;
  /** A goal's text in the citizen's own words, or nothing. */
  goal?: string;
  amount?: string;
}

export function decisionForm(page: Page): Locator {
  return page.getByTestId('decision-form');
}

/** The decision text field in the meeting's "Ny beslutning" form. */
export function decisionText(page: Page): Locator {
  return decisionForm(page).getByRole('textbox', { name: t.meeting.textLabel });
}

/** Fills every field of the decision form except the text (which callers may type in parts). */
export async function fillDecisionDetails(page: Page, d: Omit<DecisionSpec, 'text'>): Promise<void> {
  const form = decisionForm(page);
  if (d.goal) await form.getByLabel(t.meeting.goalLabel).selectOption({ label: d.goal });
  await form.getByLabel(t.meeting.responsibleLabel).selectOption(d.responsibleId);
  await form.getByLabel(t.meeting.dueLabel).fill(d.dueDate);
  for (const name of d.departments) await form.getByRole('checkbox', { name, exact: true }).check();
  if (d.amount !== undefined) await form.getByLabel(t.meeting.amountLabel).fill(d.amount);
  await form.getByRole('radio', { name: t.citizenPosition[d.position], exact: true }).check();
}

/** A decision in the meeting's "Beslutninger i mødet" list, by its text. */
export function meetingDecision(page: Page, text: string): Locator {
  return page.getByTestId('meeting-decisions').locator('li[data-decision-id]').filter({ hasText: text });
}

/** Fills and saves a decision, then waits until the meeting lists it. Returns its list item. */
export async function saveDecision(page: Page, d: DecisionSpec): Promise<Locator> {
  await decisionText(page).fill(d.text);
  await fillDecisionDetails(page, d);
  await decisionForm(page).getByRole('button', { name: t.meeting.save }).click();
  const item = meetingDecision(page, d.text);
  await expect(item).toBeVisible();
  // The form is emptied for the next decision once this one is stored.
  await expect(decisionText(page)).toHaveValue('');
  return item;
}
