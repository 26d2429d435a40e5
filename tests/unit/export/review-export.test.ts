/**
 * Issue 6, the leader review's exports: the table (columns, Danish/English, no CPR number), the
 * CSV (BOM, semicolons, RFC 4180 quoting, formula-injection guard) read back by a strict RFC 4180
 * parser, and the Excel workbook opened with JSZip (sheet XML, text cells, no formulas).
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ReviewRow } from '../../../src/application/leader-review';
import { csvCell, toCsv } from '../../../src/features/export/csv';
import { buildReviewExport } from '../../../src/features/export/review-export';
import { reviewTable, type ReviewTableOptions } from '../../../src/features/export/review-table';
import { da } from '../../../src/ui/strings/da';
import { en } from '../../../src/ui/strings/en';

/** RFC 4180 with `;` as separator; fails on anything malformed, so a quoting bug cannot pass. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        cell += text[i];
        i += 1;
      }
    } else {
      while (i < text.length && text[i] !== ';' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`);
        cell += text[i];
        i += 1;
      }
    }
    row.push(cell);
    if (text[i] === ';') i += 1;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`expected ; or CRLF at ${i}`);
  }
  if (row.length > 0) throw new Error('last record not ended by CRLF');
  return rows;
}

const departments: Record<string, string> = { 'dep-social': 'Socialafdelingen', 'dep-job': 'Jobcenter' };
const options = (t = da): ReviewTableOptions => ({ t, departmentName: (id) => departments[id] ?? id, timeZone: 'Europe/Copenhagen' });

function row(over: Partial<ReviewRow['decision']> = {}, extra: Partial<ReviewRow> = {}): ReviewRow {
  const decision: ReviewRow['decision'] = {
    id: 'd-1',
    pathwayId: 'p-1',
    meetingId: 'm-1',
    text: 'Mette starter i praktik; "Jobcenter" følger op',
    goalId: null,
    commitments: [{ departmentId: 'dep-job', amountDkk: 0 }, { departmentId: 'dep-social', amountDkk: 0 }],
    backedBy: [],
    responsibleId: 'bo',
    dueDate: '2026-12-15',
    citizenPosition: 'agrees',
    status: 'requires-leader-follow-up',
    escalations: [{ code: 'MANDATE_MISSING', departmentId: 'dep-job' }],
    supersedes: null,
    // 23:30 UTC on 30 November is 1 December in Copenhagen: the local day is exported.
    createdAt: '2026-11-30T23:30:00.000Z',
    createdBy: 'anna',
    ...over,
  };
  return {
    decision,
    pathway: { id: 'p-1', initials: 'MH', caseRef: 'SAG-2026-0412' },
    responsibleName: 'Bo Lund',
    action: { id: 'd-1:action', pathwayId: 'p-1', decisionId: 'd-1', title: decision.text, ownerId: 'bo', dueDate: '2026-11-20', status: 'open' },
    overdue: true,
    ...extra,
  };
}

describe('review table', () => {
  it('has the Danish columns and one row per decision, dates as local ISO days', () => {
    const [header, first] = reviewTable([row()], options());
    expect(header).toEqual(['Dato', 'Borger (initialer)', 'Sagsnummer', 'Beslutning', 'Afdelinger', 'Ansvarlig', 'Status', 'Opgave', 'Frist', 'Overskredet', 'Eskaleringsårsag']);
    expect(first).toEqual([
      '2026-12-01',
      'MH',
      'SAG-2026-0412',
      'Mette starter i praktik; "Jobcenter" følger op',
      'Jobcenter, Socialafdelingen',
      'Bo Lund',
      'Kræver ledelsesopfølgning',
      'Åben',
      '2026-11-20',
      'Ja',
      'Ingen med mandat fra Jobcenter er til stede',
    ]);
  });

  it('uses English columns when the UI is English', () => {
    expect(reviewTable([], options(en))[0]).toEqual(['Date', 'Citizen (initials)', 'Case reference', 'Decision', 'Departments', 'Responsible', 'Status', 'Action', 'Due date', 'Overdue', 'Escalation reason']);
  });

  it('[R4] never exports a CPR number typed into a decision', () => {
    const [, r] = reviewTable([row({ text: 'Borger 010190-1234 og 0101901234 får tilbud' })], options());
    expect(r?.[3]).toBe('Borger [CPR-nr. fjernet] og [CPR-nr. fjernet] får tilbud');
  });
});

describe('CSV', () => {
  it('guards every formula trigger with an apostrophe and quotes per RFC 4180', () => {
    expect(['=SUM(A1)', '+1', '-2', '@cmd', '\tx', '\rx', 'ok', 'a;b', 'say "hi"', 'two\nlines'].map(csvCell)).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-2",
      "'@cmd",
      "'\tx",
      `"'\rx"`,
      'ok',
      '"a;b"',
      '"say ""hi"""',
      '"two\nlines"',
    ]);
  });

  it('starts with a BOM, ends records with CRLF, and parses back to the same table', async () => {
    const rows = [row(), row({ id: 'd-2', text: '=HYPERLINK("http://evil.example";"klik")\nlinje 2', status: 'decided', escalations: [] }, { action: null, overdue: false })];
    const { blob, fileName } = await buildReviewExport(rows, 'csv', { ...options(), today: '2026-11-27' });
    expect(fileName).toBe('helhed-beslutninger-2026-11-27.csv');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = parseCsv(text.slice(1));
    const table = reviewTable(rows, options());
    expect(parsed).toHaveLength(3);
    expect(parsed[0]).toEqual(table[0]);
    expect(parsed[1]).toEqual(table[1]);
    // The injected formula comes back as text with the guard, the line break kept inside the cell.
    expect(parsed[2]?.[3]).toBe(`'=HYPERLINK("http://evil.example";"klik")\nlinje 2`);
    expect(parsed[2]?.slice(6)).toEqual(['Besluttet', '', '2026-12-15', 'Nej', '']);
    expect(toCsv([['æøå']])).toBe('\uFEFFæøå\r\n');
  });
});

describe('Excel workbook', () => {
  it('is a valid xlsx whose sheet holds the header and rows as text, never as formulas', async () => {
    const rows = [row({ text: '=1+1 æøå' })];
    const { blob, fileName } = await buildReviewExport(rows, 'xlsx', { ...options(), today: '2026-11-27' });
    expect(fileName).toBe('helhed-beslutninger-2026-11-27.xlsx');
    const zip = await JSZip.loadAsync(await blob.arrayBuffer());
    const workbook = await zip.file('xl/workbook.xml')?.async('string');
    expect(workbook).toContain('name="Beslutninger"');
    const sheet = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    const shared = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
    const cellsXml = sheet + shared;
    for (const text of ['Dato', 'Eskaleringsårsag', 'SAG-2026-0412', '=1+1 æøå', 'Ingen med mandat fra Jobcenter er til stede']) expect(cellsXml).toContain(text);
    expect(sheet).not.toMatch(/<f[ >]/);
    // The header row is frozen (a pane split below row 1).
    expect(sheet).toMatch(/<pane [^>]*ySplit="1"/);
  });
});
