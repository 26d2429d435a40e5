import type { DocBlock, PlanDocument } from './plan-document';

/** A4 in PDF points, with 2 cm margins. */
export const A4 = { width: 595.28, height: 841.89, margin: 56.69 } as const;

export type FontKey = 'regular' | 'bold' | 'italic';

/** How wide `text` is in points at `size` in `font` (pdf-lib's `widthOfTextAtSize` in the real build). */
export type Measure = (text: string, font: FontKey, size: number) => number;

/** One line placed on a page: what `page.drawText` is called with. */
export interface PlacedLine {
  text: string;
  x: number;
  /** Baseline, from the bottom of the page (PDF coordinates). */
  y: number;
  size: number;
  font: FontKey;
}

export interface PageLayout {
  width: number;
  height: number;
  margin: number;
}

const STYLE: Record<string, { size: number; font: FontKey; before: number; after: number }> = {
  h1: { size: 18, font: 'bold', before: 0, after: 6 },
  h2: { size: 14, font: 'bold', before: 14, after: 4 },
  h3: { size: 11.5, font: 'bold', before: 10, after: 2 },
  paragraph: { size: 10.5, font: 'regular', before: 2, after: 2 },
  quote: { size: 10.5, font: 'italic', before: 2, after: 2 },
  meta: { size: 9.5, font: 'regular', before: 0, after: 2 },
  bullet: { size: 10.5, font: 'regular', before: 1, after: 1 },
};
const LINE_HEIGHT = 1.35;
const BULLET_INDENT = 14;
/** Room kept at the bottom for the page number. */
const FOOTER = 20;

/**
 * Greedy word wrap to `maxWidth`: explicit line breaks are kept, runs of spaces collapse, and a
 * word wider than the line (a long case reference, a URL) is broken between characters rather
 * than drawn past the margin.
 */
export function wrapText(text: string, maxWidth: number, width: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    const words = paragraph.split(/\s+/).filter((w) => w !== '');
    if (words.length === 0) {
      lines.push('');
      continue;
    }
    let line = '';
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (width(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      let rest = word;
      while (width(rest) > maxWidth) {
        let cut = rest.length - 1;
        while (cut > 1 && width(rest.slice(0, cut)) > maxWidth) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

function styleOf(block: DocBlock) {
  if (block.kind === 'heading') return STYLE[`h${block.level}`]!;
  if (block.kind === 'bullet') return STYLE.bullet!;
  return STYLE[block.emphasis ?? 'paragraph']!;
}

/**
 * The document laid out on pages: each block wrapped to the text width, a new page whenever
 * the next line would cross the bottom margin, and a heading never left alone at the bottom of
 * a page (it moves to the next page with its first line). Pure: the PDF builder only draws.
 */
export function layoutDocument(doc: Pick<PlanDocument, 'blocks'>, measure: Measure, page: PageLayout = A4): PlacedLine[][] {
  const pages: PlacedLine[][] = [[]];
  const top = page.height - page.margin;
  const bottom = page.margin + FOOTER;
  const textWidth = page.width - 2 * page.margin;
  let y = top;
  const newPage = () => {
    pages.push([]);
    y = top;
  };
  doc.blocks.forEach((block, index) => {
    const style = styleOf(block);
    const lineHeight = style.size * LINE_HEIGHT;
    const indent = block.kind === 'bullet' ? BULLET_INDENT : 0;
    const lines = wrapText(block.text, textWidth - indent, (s) => measure(s, style.font, style.size));
    const current = pages[pages.length - 1]!;
    if (current.length > 0) y -= style.before;
    // Keep a heading with the first line of what follows it.
    const next = doc.blocks[index + 1];
    const keep = block.kind === 'heading' && next !== undefined ? styleOf(next).size * LINE_HEIGHT : 0;
    if (current.length > 0 && y - lineHeight - keep < bottom) newPage();
    lines.forEach((text, i) => {
      if (y - lineHeight < bottom) newPage();
      y -= lineHeight;
      const x = page.margin + indent;
      const target = pages[pages.length - 1]!;
      if (block.kind === 'bullet' && i === 0) target.push({ text: '•', x: page.margin + 2, y, size: style.size, font: 'regular' });
      target.push({ text, x, y, size: style.size, font: style.font });
    });
    y -= style.after;
  });
  return pages;
}

/**
 * Text the standard PDF fonts can draw: they encode WinAnsi (Windows-1252), which holds æ, ø,
 * å, „ “ ” – … • but not, e.g., emoji or Cyrillic. A character outside `supported` becomes `?`
 * instead of making pdf-lib throw; the non-breaking and Unicode hyphens become plain ones.
 */
export function toWinAnsi(text: string, supported: ReadonlySet<number>): string {
  let out = '';
  for (const ch of text.normalize('NFC').replace(/[\u2010\u2011]/g, '-').replace(/\u202f/g, ' ')) {
    const code = ch.codePointAt(0) ?? 0;
    out += supported.has(code) ? ch : '?';
  }
  return out;
}
