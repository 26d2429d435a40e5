/**
 * Issue 6, the plan with its minutes for the case system: the document model (goals in the
 * citizen's own words, plan, team, consent, then the minutes; no CPR number), the PDF's line
 * wrapping and page breaks (tested on the layout function that feeds drawText), WinAnsi
 * encoding of Danish letters and quotes, the PDF's pages and metadata, and the Word file's XML.
 */
import JSZip from 'jszip';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { CitizenPlan, Consent, MinutesContent } from '../../../src/domain/model';
import { buildPlanExport } from '../../../src/features/export/plan-export';
import { layoutDocument, toWinAnsi, wrapText, type Measure } from '../../../src/features/export/pdf-layout';
import { planDocument, type PlanDocumentInput, type PlanDocumentOptions } from '../../../src/features/export/plan-document';
import { da } from '../../../src/ui/strings/da';

const fmt: PlanDocumentOptions['fmt'] = {
  date: (s) => s.slice(0, 10),
  dateTime: (s) => s.slice(0, 16).replace('T', ' '),
  weekdayDateTime: (s) => s.slice(0, 16).replace('T', ' '),
  amount: (n) => `${n} kr.`,
};
const departments: Record<string, string> = { 'dep-social': 'Socialafdelingen', 'dep-job': 'Jobcenter' };
const options: PlanDocumentOptions = { t: da, fmt, language: 'da', departmentName: (id) => departments[id] ?? id };

const plan: CitizenPlan = {
  pathwayId: 'p-1',
  version: 3,
  goals: [
    { id: 'g-1', text: 'Jeg vil have et arbejde, hvor jeg møder kollegaer hver dag', createdAt: '2026-10-01T08:00:00.000Z' },
    { id: 'g-2', text: 'Min søn skal trives i skolen – uden skænderier om morgenen', createdAt: '2026-10-01T08:00:00.000Z' },
  ],
  interventions: [{ id: 'i-1', departmentId: 'dep-job', title: 'Virksomhedspraktik', status: 'active', startDate: '2026-11-01', endDate: null, goalId: 'g-1' }],
  transitions: [{ id: 't-1', title: 'Skift til ungdomsuddannelse', date: '2027-08-10', departmentIds: ['dep-social'] }],
  updatedAt: '2026-11-20T10:00:00.000Z',
  updatedBy: 'anna',
};
const consent: Consent = {
  pathwayId: 'p-1',
  givenOn: '2026-09-15',
  form: 'written',
  recordedBy: 'anna',
  scope: { departmentIds: ['dep-social', 'dep-job'], replacedPlans: ['jobplan'] },
  reviewDate: '2027-09-15',
  withdrawals: [],
  version: 1,
};
const minutes: MinutesContent = {
  meetingStart: '2026-11-24T09:00:00.000Z',
  citizenInvitation: { mode: 'in-person' },
  citizenPresent: true,
  invited: [{ personId: 'anna', displayName: 'Anna Holm', departmentId: 'dep-social' }],
  present: [{ personId: 'anna', displayName: 'Anna Holm', departmentId: 'dep-social' }],
  absentWithNotice: [],
  absentWithoutNotice: [],
  citizenView: 'Jeg er træt af at fortælle min historie igen og igen (CPR 010190-1234)',
  decisions: [
    {
      decisionId: 'd-1',
      text: 'Praktik hos Ballerup Bibliotek i 13 uger',
      goalText: 'Jeg vil have et arbejde, hvor jeg møder kollegaer hver dag',
      departmentIds: ['dep-job'],
      responsibleName: 'Bo Lund',
      dueDate: '2026-12-15',
      citizenPosition: 'agrees',
      escalated: false,
      supersedes: null,
    },
  ],
  actions: [{ actionId: 'd-1:action', title: 'Praktik hos Ballerup Bibliotek i 13 uger', ownerName: 'Bo Lund', dueDate: '2026-12-15' }],
  escalations: [],
  nextMeeting: null,
  consent: null,
};
const input: PlanDocumentInput = {
  pathway: {
    coordinatorId: 'anna',
    citizen: { displayName: 'Mette Hansen', initials: 'MH', email: 'mette@borger.example', phone: null, attendance: 'teams', caseRef: 'SAG-2026-0412' },
    team: {
      members: [
        { personId: 'anna', displayName: 'Anna Holm', email: 'anna@kommune.dk', departmentId: 'dep-social', role: 'coordinator', mandate: { departmentId: 'dep-social', description: 'Socialfaglige indsatser', maxAmountDkk: 20000 } },
        { personId: 'bo', displayName: 'Bo Lund', email: 'bo@kommune.dk', departmentId: 'dep-job', role: 'member', mandate: null },
      ],
    },
  },
  plan,
  consent,
  minutes,
  generatedAt: '2026-11-27T12:00:00.000Z',
};

/** A fixed-width font: every character 5 points at size 10 (scales with size). */
const mono: Measure = (text, _font, size) => text.length * size * 0.5;

describe('plan document', () => {
  it('puts the plan first (goals in the citizen\'s own words, quoted) and then the minutes, citizen\'s view first', () => {
    const doc = planDocument(input, options);
    const texts = doc.blocks.map((b) => b.text);
    expect(doc.subject).toBe('Borger: MH, sag SAG-2026-0412');
    expect(texts).toContain('„Jeg vil have et arbejde, hvor jeg møder kollegaer hver dag“');
    const order = ['Borgerens plan', 'Borgerens mål (med borgerens egne ord)', 'Indsatser', 'Overgange', 'Team og mandater', 'Samtykke', 'Referat af teammødet 2026-11-24', 'Borgerens perspektiv', 'Fremmøde', 'Beslutninger'].map((h) =>
      doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === h),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(texts).toContain('Anna Holm, Socialafdelingen (tovholder): mandat: Socialfaglige indsatser (op til 20000 kr. pr. beslutning)');
    expect(texts).toContain('Givet 2026-09-15 (skriftligt), revideres senest 2027-09-15');
  });

  it('[R4] holds no CPR number and no citizen name, only initials and the case reference', () => {
    const all = planDocument(input, options).blocks.map((b) => b.text).join('\n');
    expect(all).not.toMatch(/010190/);
    expect(all).toContain('[CPR-nr. fjernet]');
    expect(all).not.toContain('Mette Hansen');
  });
});

describe('PDF layout', () => {
  it('wraps at the width, keeps explicit breaks and breaks a word longer than a line', () => {
    const width = (s: string) => s.length;
    expect(wrapText('aa bb cc dd', 5, width)).toEqual(['aa bb', 'cc dd']);
    expect(wrapText('one\ntwo', 10, width)).toEqual(['one', 'two']);
    expect(wrapText('abcdefghijkl x', 5, width)).toEqual(['abcde', 'fghij', 'kl x']);
  });

  it('breaks pages at the bottom margin, every line inside the margins, a heading kept with what follows', () => {
    const many = { blocks: [{ kind: 'heading' as const, level: 1 as const, text: 'Titel' }, ...Array.from({ length: 120 }, (_, i) => ({ kind: 'bullet' as const, text: `Punkt ${i + 1} ${'ord '.repeat(30)}` }))] };
    const pages = layoutDocument(many, mono);
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) {
      for (const line of page) {
        expect(line.y).toBeGreaterThanOrEqual(56.69 + 20 - 0.001);
        expect(line.y).toBeLessThanOrEqual(841.89 - 56.69);
        expect(line.x + mono(line.text, line.font, line.size)).toBeLessThanOrEqual(595.28 - 56.69 + 0.001);
      }
    }
    // Every bullet's text reaches the pages, in order, none lost at a page break.
    const drawn = pages.flat().filter((l) => l.text !== '•').map((l) => l.text).join(' ');
    expect(drawn.match(/Punkt \d+/g)).toEqual(Array.from({ length: 120 }, (_, i) => `Punkt ${i + 1}`));
    // A heading is never the last line of a page.
    const lastOf = pages.map((p) => p[p.length - 1]);
    expect(lastOf.some((l) => l?.text === 'Titel')).toBe(false);
  });

  it('encodes æ, ø, å, Æ, Ø, Å and Danish quotes in WinAnsi; only what it cannot draw becomes ?', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const supported = new Set(font.getCharacterSet());
    const text = 'æøå ÆØÅ „citat“ ”x” – … • é';
    expect(toWinAnsi(text, supported)).toBe(text);
    expect(() => font.encodeText(text)).not.toThrow();
    expect(toWinAnsi('smil 🙂 Ж', supported)).toBe('smil ? ?');
  });
});

describe('files', () => {
  it('PDF: loads back with its pages and metadata (title, subject, author, language)', async () => {
    const { blob, fileName } = await buildPlanExport(input, 'pdf', { ...options, createdAt: new Date('2026-11-27T12:00:00.000Z'), today: '2026-11-27' });
    expect(fileName).toBe('helhed-plan-SAG-2026-0412-2026-11-27.pdf');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    // The page count is the layout's, measured with the same standard fonts the builder draws with.
    const probe = await PDFDocument.create();
    const fonts = {
      regular: await probe.embedFont(StandardFonts.Helvetica),
      bold: await probe.embedFont(StandardFonts.HelveticaBold),
      italic: await probe.embedFont(StandardFonts.HelveticaOblique),
    };
    const measure: Measure = (text, font, size) => fonts[font].widthOfTextAtSize(text, size);
    const supported = new Set(fonts.regular.getCharacterSet());
    const doc = planDocument(input, options);
    const pages = layoutDocument({ blocks: doc.blocks.map((b) => ({ ...b, text: toWinAnsi(b.text, supported) })) }, measure);
    expect(pdf.getPageCount()).toBe(pages.length);
    expect(pages.flat().map((l) => l.text)).toContain('Praktik hos Ballerup Bibliotek i 13 uger');
    expect(pdf.getTitle()).toBe('Borgerens plan og referat');
    expect(pdf.getSubject()).toBe('Borger: MH, sag SAG-2026-0412');
    expect(pdf.getAuthor()).toBe('Helhed');
    expect(pdf.getCreationDate()?.toISOString()).toBe('2026-11-27T12:00:00.000Z');
  });

  it('Word: word/document.xml holds the goals, the decision and headings; core properties the title', async () => {
    const { blob, fileName } = await buildPlanExport(input, 'docx', { ...options, createdAt: new Date('2026-11-27T12:00:00.000Z'), today: '2026-11-27' });
    expect(fileName).toBe('helhed-plan-SAG-2026-0412-2026-11-27.docx');
    const zip = await JSZip.loadAsync(await blob.arrayBuffer());
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('„Jeg vil have et arbejde, hvor jeg møder kollegaer hver dag“');
    expect(xml).toContain('Min søn skal trives i skolen – uden skænderier om morgenen');
    expect(xml).toContain('Praktik hos Ballerup Bibliotek i 13 uger');
    expect(xml).toContain('Heading1');
    expect(xml).not.toContain('010190');
    const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
    expect(core).toContain('Borgerens plan og referat');
  });
});
