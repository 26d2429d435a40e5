import type { TextTable } from './review-table';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The table as an Excel workbook with one sheet: a bold, frozen header row, and every cell
 * typed as text. Typed text is never evaluated, so a decision that starts with `=` stays text
 * without the CSV's apostrophe (which Excel would show here). write-excel-file is loaded on
 * first use, so it is never part of a first chunk.
 */
export async function xlsxBlob(table: TextTable, sheetName: string): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const [header = [], ...body] = table;
  const data = [
    header.map((value) => ({ value, type: String, fontWeight: 'bold' as const })),
    ...body.map((row) => row.map((value) => ({ value, type: String }))),
  ];
  const widths = header.map((_, i) => Math.min(60, Math.max(10, ...table.map((row) => (row[i] ?? '').length + 2))));
  return writeXlsxFile(data, { sheet: sheetName, stickyRowsCount: 1, columns: widths.map((width) => ({ width })) }).toBlob();
}
