import type { TextTable } from './review-table';

/** Excel opens a UTF-8 file as UTF-8 only when it starts with a byte order mark. */
const BOM = '\uFEFF';
/** Danish Excel's list separator is the semicolon (the comma is the decimal mark). */
const SEPARATOR = ';';

/**
 * A cell that a spreadsheet would run as a formula (CSV/formula injection,
 * https://owasp.org/www-community/attacks/CSV_Injection) gets a leading apostrophe, which
 * Excel and LibreOffice treat as "this is text". The triggers: = + - @ and a leading tab or CR.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: injection-guarded, then quoted per RFC 4180 when it holds a separator, quote or line break. */
export function csvCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** The table as CSV text: BOM, semicolons, CRLF after every record (RFC 4180). */
export function toCsv(table: TextTable): string {
  return BOM + table.map((row) => row.map(csvCell).join(SEPARATOR) + '\r\n').join('');
}

/** The CSV as a file. */
export function csvBlob(table: TextTable): Blob {
  return new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' });
}
