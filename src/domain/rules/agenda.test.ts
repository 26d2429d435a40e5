import { describe, expect, it } from 'vitest';
import type { AgendaItem, Goal, Transition } from '../model';
import { buildAgenda, checkAgenda } from './agenda';

function counter(prefix = 'a'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

const goals: Goal[] = [
  { id: 'g-job', text: 'Jeg vil have et fritidsjob', createdAt: '2026-01-05T10:00:00.000Z' },
  { id: 'g-home', text: 'Jeg vil bo i egen lejlighed', createdAt: '2026-01-05T10:01:00.000Z' },
];

function transition(id: string, date: string, title = `Overgang ${id}`): Transition {
  return { id, title, date, departmentIds: ['dep-education'] };
}

const MEETING_DATE = '2026-12-01';

describe('buildAgenda (rule 5)', () => {
  it('[R5] starts with Borgerens perspektiv, then the goals in the citizen\'s order', () => {
    expect(buildAgenda({ goals, transitions: [] }, MEETING_DATE, counter())).toEqual([
      { id: 'a1', kind: 'citizen-perspective', title: 'Borgerens perspektiv', refId: null },
      { id: 'a2', kind: 'goal', title: 'Jeg vil have et fritidsjob', refId: 'g-job' },
      { id: 'a3', kind: 'goal', title: 'Jeg vil bo i egen lejlighed', refId: 'g-home' },
    ]);
  });

  it('[R5] starts with Borgerens perspektiv even when the citizen has no goals yet', () => {
    expect(buildAgenda({ goals: [], transitions: [] }, MEETING_DATE, counter())).toEqual([
      { id: 'a1', kind: 'citizen-perspective', title: 'Borgerens perspektiv', refId: null },
    ]);
  });

  it('[R5] puts transitions within 90 days on the agenda, day 90 included, day 91 and past ones left out, by date', () => {
    const transitions = [
      transition('t-day91', '2027-03-02', 'Skoleskift'), // 91 days after 1 Dec 2026
      transition('t-day90', '2027-03-01', 'Ungdomsuddannelse'), // exactly 90 days
      transition('t-past', '2026-11-30', 'Flytning'), // yesterday
      transition('t-day0', '2026-12-01', 'Indsats slutter'), // the meeting day itself
      transition('t-day30', '2026-12-31', 'Praktik'),
    ];
    const agenda = buildAgenda({ goals, transitions }, MEETING_DATE, counter());
    expect(agenda.slice(3)).toEqual([
      { id: 'a4', kind: 'transition', title: 'Indsats slutter', refId: 't-day0' },
      { id: 'a5', kind: 'transition', title: 'Praktik', refId: 't-day30' },
      { id: 'a6', kind: 'transition', title: 'Ungdomsuddannelse', refId: 't-day90' },
    ]);
    expect(agenda).toHaveLength(6);
  });

  it('[R5] orders transitions on the same date by id, so the agenda is stable', () => {
    const agenda = buildAgenda(
      { goals: [], transitions: [transition('t-b', '2026-12-10'), transition('t-a', '2026-12-10')] },
      MEETING_DATE,
      counter(),
    );
    expect(agenda.map((a) => a.refId)).toEqual([null, 't-a', 't-b']);
  });

  it('[R5] appends the coordinator\'s own items last, trimmed, skipping blank ones', () => {
    const agenda = buildAgenda({ goals: goals.slice(0, 1), transitions: [transition('t1', '2026-12-15', 'Praktik')] }, MEETING_DATE, counter(), [
      '  Opfølgning på bolig ',
      '   ',
      'Eventuelt',
    ]);
    expect(agenda.map((a) => [a.kind, a.title])).toEqual([
      ['citizen-perspective', 'Borgerens perspektiv'],
      ['goal', 'Jeg vil have et fritidsjob'],
      ['transition', 'Praktik'],
      ['other', 'Opfølgning på bolig'],
      ['other', 'Eventuelt'],
    ]);
  });

  it('[R5] does not reorder the plan it was given', () => {
    const transitions = [transition('t2', '2026-12-20'), transition('t1', '2026-12-10')];
    buildAgenda({ goals, transitions }, MEETING_DATE, counter());
    expect(transitions.map((t) => t.id)).toEqual(['t2', 't1']);
  });

  it('[R5] a built agenda always passes checkAgenda', () => {
    const agenda = buildAgenda({ goals, transitions: [transition('t1', '2026-12-10')] }, MEETING_DATE, counter(), ['Eventuelt']);
    expect(checkAgenda(agenda, { goals })).toEqual({ ok: true });
  });
});

describe('checkAgenda (rule 5)', () => {
  const perspective: AgendaItem = { id: 'a1', kind: 'citizen-perspective', title: 'Borgerens perspektiv', refId: null };
  const job: AgendaItem = { id: 'a2', kind: 'goal', title: 'Jeg vil have et fritidsjob', refId: 'g-job' };
  const home: AgendaItem = { id: 'a3', kind: 'goal', title: 'Jeg vil bo i egen lejlighed', refId: 'g-home' };
  const other: AgendaItem = { id: 'a4', kind: 'other', title: 'Budget', refId: null };
  const NOT_FIRST = { ok: false, code: 'AGENDA_NOT_CITIZEN_FIRST' } as const;

  it('[R5] accepts the citizen\'s perspective first and then every goal, in any goal order', () => {
    expect(checkAgenda([perspective, home, job, other], { goals })).toEqual({ ok: true });
  });

  it('[R5] refuses an agenda that does not open with the citizen\'s perspective', () => {
    expect(checkAgenda([other, perspective, job, home], { goals })).toEqual(NOT_FIRST);
    expect(checkAgenda([job, perspective, home], { goals })).toEqual(NOT_FIRST);
  });

  it('[R5] refuses an empty agenda', () => {
    expect(checkAgenda([], { goals: [] })).toEqual(NOT_FIRST);
  });

  it('[R5] refuses when a goal is missing or comes after other items', () => {
    expect(checkAgenda([perspective, job], { goals })).toEqual(NOT_FIRST);
    expect(checkAgenda([perspective, job, other, home], { goals })).toEqual(NOT_FIRST);
  });

  it('[R5] accepts just the citizen\'s perspective when there are no goals', () => {
    expect(checkAgenda([perspective, other], { goals: [] })).toEqual({ ok: true });
  });
});
