/**
 * Issue 6, "leaving Helhed", in a real browser (standalone mode, demo data): the leader
 * review's exports (CSV and Excel of the rows shown) and the plan with its minutes as PDF and
 * Word, each clicked through the Fluent menu, downloaded, opened and checked.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { actAs, openApp, t } from './support';

async function download(page: Page, menu: string, item: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId(menu).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(item).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

test('[issue 6] the leader review exports the rows shown as CSV and as an Excel workbook', async ({ page }) => {
  await openApp(page, '#/ledelse');
  await actAs(page, 'staff-hanne');
  const rows = page.getByTestId('leader-decisions-table').locator('[role="row"][data-decision-id]');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByTestId('leader-results')).toHaveAttribute('aria-busy', 'false');
  const shownIds = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-decision-id')));

  const csv = await download(page, 'review-export', 'review-export-csv');
  expect(csv.name).toMatch(/^helhed-beslutninger-\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.bytes.subarray(3).toString('utf8');
  const records = text.split('\r\n').filter((l) => l !== '');
  expect(records[0]).toBe(Object.values(t.export.columns).join(';'));
  // One record per decision shown (the table is virtualised: at least the rendered ones), no CPR-like 10-digit runs.
  expect(records.length - 1).toBeGreaterThanOrEqual(shownIds.length);
  expect(text).not.toMatch(/(?<!\d)\d{6}-?\d{4}(?!\d)/);
  await expect(page.getByTestId('export-done')).toContainText(csv.name);

  const xlsx = await download(page, 'review-export', 'review-export-xlsx');
  expect(xlsx.name).toMatch(/\.xlsx$/);
  const zip = await JSZip.loadAsync(xlsx.bytes);
  const sheet = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
  const shared = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  for (const header of Object.values(t.export.columns)) expect(sheet + shared).toContain(header);
  expect((sheet.match(/<row /g) ?? []).length).toBe(records.length);
});

test('[issue 6] the minutes screen downloads the plan with its minutes as PDF and Word', async ({ page }) => {
  await openApp(page, '#/moede/meeting-emil-1/referat');
  await expect(page.getByTestId('minutes')).toBeVisible();

  const pdf = await download(page, 'plan-export', 'plan-export-pdf');
  expect(pdf.name).toMatch(/^helhed-plan-.+\.pdf$/);
  const doc = await PDFDocument.load(pdf.bytes);
  expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
  expect(doc.getTitle()).toBe(t.export.doc.title);
  expect(doc.getSubject()).toMatch(/^Borger: \S+, sag /);

  const word = await download(page, 'plan-export', 'plan-export-docx');
  expect(word.name).toMatch(/^helhed-plan-.+\.docx$/);
  const zip = await JSZip.loadAsync(word.bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  expect(xml).toContain(t.export.doc.goalsHeading);
  expect(xml).toContain('Emil siger, at det går bedre i skolen');
  expect(xml).toContain(t.minutes.decisionsHeading);
});
