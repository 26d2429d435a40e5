import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import { A4, layoutDocument, toWinAnsi, type FontKey } from './pdf-layout';
import type { PlanDocument } from './plan-document';

export interface PdfMeta {
  /** When the file was made (also the PDF's creation and modification dates). */
  createdAt: Date;
  /** `Side n af m` / `Page n of m`. */
  pageLabel: (n: number, of: number) => string;
}

/**
 * The document as a PDF in the three standard Helvetica faces (no font file to ship: the
 * standard fonts encode WinAnsi, which holds the Danish letters; see `toWinAnsi`). Metadata
 * carries the title, the subject (initials and case reference) and the language, which the
 * case system shows and screen readers use.
 */
export async function pdfBytes(doc: PlanDocument, meta: PdfMeta): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const fonts: Record<FontKey, PDFFont> = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    italic: await pdf.embedFont(StandardFonts.HelveticaOblique),
  };
  const supported = new Set(fonts.regular.getCharacterSet());
  const safe = (text: string) => toWinAnsi(text, supported);
  const safeDoc = { blocks: doc.blocks.map((b) => ({ ...b, text: safe(b.text) })) };
  const pages = layoutDocument(safeDoc, (text, font, size) => fonts[font].widthOfTextAtSize(text, size));
  pages.forEach((lines, index) => {
    const page = pdf.addPage([A4.width, A4.height]);
    for (const line of lines) page.drawText(line.text, { x: line.x, y: line.y, size: line.size, font: fonts[line.font], color: rgb(0, 0, 0) });
    const label = safe(meta.pageLabel(index + 1, pages.length));
    const size = 8.5;
    page.drawText(label, { x: A4.width - A4.margin - fonts.regular.widthOfTextAtSize(label, size), y: A4.margin / 2, size, font: fonts.regular, color: rgb(0.3, 0.3, 0.3) });
  });
  pdf.setTitle(safe(doc.title), { showInWindowTitleBar: true });
  pdf.setSubject(safe(doc.subject));
  pdf.setAuthor('Helhed');
  pdf.setCreator('Helhed');
  pdf.setProducer('Helhed (pdf-lib)');
  pdf.setLanguage(doc.language === 'da' ? 'da-DK' : 'en-GB');
  pdf.setCreationDate(meta.createdAt);
  pdf.setModificationDate(meta.createdAt);
  return pdf.save();
}
