/**
 * Loaded with `import()` from ExportMenu: the review's CSV and Excel builders (and, through
 * xlsx.ts, write-excel-file) are never in the leader review's first chunk.
 */
import type { ReviewRow } from '../../application/leader-review';
import { csvBlob } from './csv';
import { reviewTable, type ReviewTableOptions } from './review-table';
import { xlsxBlob } from './xlsx';

export type ReviewFormat = 'csv' | 'xlsx';

/** The review's rows as a file of the chosen format, with its file name. */
export async function buildReviewExport(
  rows: readonly ReviewRow[],
  format: ReviewFormat,
  options: ReviewTableOptions & { today: string },
): Promise<{ blob: Blob; fileName: string }> {
  const table = reviewTable(rows, options);
  const base = `${options.t.export.fileReview}-${options.today}`;
  if (format === 'csv') return { blob: csvBlob(table), fileName: `${base}.csv` };
  return { blob: await xlsxBlob(table, options.t.export.sheetName), fileName: `${base}.xlsx` };
}
