import { AlignmentType, Document, Footer, HeadingLevel, PageNumber, Packer, Paragraph, TextRun } from 'docx';
import type { DocBlock, PlanDocument } from './plan-document';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const HEADING = { 1: HeadingLevel.TITLE, 2: HeadingLevel.HEADING_1, 3: HeadingLevel.HEADING_2 } as const;

function paragraph(block: DocBlock): Paragraph {
  if (block.kind === 'heading') return new Paragraph({ text: block.text, heading: HEADING[block.level] });
  if (block.kind === 'bullet') return new Paragraph({ text: block.text, bullet: { level: 0 } });
  return new Paragraph({
    children: [new TextRun({ text: block.text, italics: block.emphasis === 'quote', color: block.emphasis === 'meta' ? '555555' : undefined })],
  });
}

/**
 * The document as a Word file (.docx) with real headings (the case system's and Word's
 * navigation use them), bullets, the document title and subject in its properties, and page
 * numbers in the footer.
 */
export async function docxBlob(doc: PlanDocument, pageLabel: string): Promise<Blob> {
  const file = new Document({
    creator: 'Helhed',
    title: doc.title,
    subject: doc.subject,
    sections: [
      {
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(`${pageLabel} `), new TextRun({ children: [PageNumber.CURRENT] })] })],
          }),
        },
        children: doc.blocks.map(paragraph),
      },
    ],
  });
  return Packer.toBlob(file);
}
