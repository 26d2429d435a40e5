/**
 * Loaded with `import()` from PlanExportMenu: pdf-lib and docx (a few hundred KB) are fetched
 * only when someone asks for the file.
 */
import { DOCX_MIME, docxBlob } from './docx';
import { pdfBytes } from './pdf';
import { planDocument, type PlanDocumentInput, type PlanDocumentOptions } from './plan-document';

export type PlanFormat = 'pdf' | 'docx';

/** The plan with the minutes as a PDF or Word file, with its file name (initials-free: case reference and date). */
export async function buildPlanExport(
  input: PlanDocumentInput,
  format: PlanFormat,
  options: PlanDocumentOptions & { createdAt: Date; today: string },
): Promise<{ blob: Blob; fileName: string }> {
  const doc = planDocument(input, options);
  const safeRef = input.pathway.citizen.caseRef.replace(/[^\p{L}\p{N}_-]+/gu, '-');
  const base = options.t.export.filePlan(safeRef, options.today);
  if (format === 'pdf') {
    const bytes = await pdfBytes(doc, { createdAt: options.createdAt, pageLabel: options.t.export.doc.page });
    // pdf-lib types its bytes over ArrayBufferLike; Blob wants a plain ArrayBuffer view (a copy).
    return { blob: new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), fileName: `${base}.pdf` };
  }
  const blob = await docxBlob(doc, options.t.export.doc.pageWord);
  return { blob: new Blob([blob], { type: DOCX_MIME }), fileName: `${base}.docx` };
}
