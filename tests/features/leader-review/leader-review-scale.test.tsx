import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { generateVolume, seedVolume } from '../../../src/demo/volume';
import { DEMO_DEPARTMENTS, DEMO_STAFF } from '../../../src/demo/demo-data';
import { seedDemoData } from '../../../src/demo/seed';
import { SequentialIds } from '../../../src/adapters/local/testing';
import { LeaderReviewScreen } from '../../../src/features/leader-review/leader-review-screen';
import { ROW_HEIGHT } from '../../../src/features/leader-review/decisions-table';
import type { PlanStore } from '../../../src/ports/plan-store';
import { ShareLinkProvider } from '../../../src/ui/share-link';
import { teamsShareLink } from '../../../src/ui/teams-deep-link';
import { makeHarness as makeDemoHarness, NOW } from '../demo-harness';
import { makeHarness } from '../../support/harness';

const WAIT = { timeout: 8000 };

afterEach(() => {
  window.location.hash = '';
});

/** The screen as the app routes it: the query follows the URL's hash. */
function Routed() {
  const read = () => window.location.hash.replace(/^#\/ledelse\??/, '');
  const [query, setQuery] = useState(read);
  useEffect(() => {
    const on = () => setQuery(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return <LeaderReviewScreen query={query} />;
}

const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').filter((r) => r.dataset.decisionId !== undefined);
const responsibleOf = (r: HTMLElement) => within(r).getAllByRole('cell')[4]?.textContent ?? '';

describe('LeaderReviewScreen at scale (issue 6)', () => {
  it('[R6] sorts by a column header, by mouse and keyboard, with aria-sort and the sort in the URL', async () => {
    const h = await makeDemoHarness('staff-hanne');
    const user = userEvent.setup();
    window.location.hash = '#/ledelse';
    await h.render(<Routed />);
    const table = await screen.findByRole('table', { name: 'Beslutninger' }, WAIT);
    const header = () => within(table).getByRole('columnheader', { name: 'Ansvarlig' });
    expect(header().getAttribute('aria-sort')).toBeNull();
    expect(within(table).getByRole('columnheader', { name: 'Dato' }).getAttribute('aria-sort')).toBe('descending');

    await user.click(within(header()).getByRole('button', { name: 'Ansvarlig' }));
    expect(window.location.hash).toBe('#/ledelse?sort=responsible&dir=asc');
    await waitFor(() => expect(header().getAttribute('aria-sort')).toBe('ascending'), WAIT);
    const names = bodyRows(table).map(responsibleOf);
    expect(names.length).toBeGreaterThan(1);
    expect(names).toEqual([...names].sort(new Intl.Collator('da').compare));

    // Keyboard: the header's button takes Enter.
    within(header()).getByRole('button').focus();
    await user.keyboard('{Enter}');
    expect(window.location.hash).toBe('#/ledelse?sort=responsible&dir=desc');
    await waitFor(() => expect(header().getAttribute('aria-sort')).toBe('descending'), WAIT);
    const descending = bodyRows(table).map(responsibleOf);
    expect(descending).toEqual([...descending].sort((a, b) => new Intl.Collator('da').compare(b, a)));
    expect(descending[0]).toBe(names[names.length - 1]);

    // A filter change keeps the sort.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Afdeling' }), 'dept-health');
    expect(window.location.hash).toBe('#/ledelse?dept=dept-health&sort=responsible&dir=desc');
  });

  it('goes from a decision to its plan, its minutes and its meeting in one click', async () => {
    const h = await makeDemoHarness('staff-hanne');
    await h.render(<LeaderReviewScreen query="dept=dept-health&status=requires-leader-follow-up" />);
    const table = await screen.findByRole('table', { name: 'Beslutninger' }, WAIT);
    const row = bodyRows(table).find((r) => r.dataset.decisionId === 'decision-lene-2');
    if (row === undefined) throw new Error('decision-lene-2 not listed');
    const decision = await h.services.store.listDecisions({ pathwayId: 'pathway-lene' });
    const meetingId = decision.find((d) => d.id === 'decision-lene-2')?.meetingId ?? 'missing';
    expect(within(row).getByRole('link', { name: 'Plan – LM · SAG-2026-0398' }).getAttribute('href')).toBe('#/forloeb/pathway-lene?beslutning=decision-lene-2');
    expect(within(row).getByRole('link', { name: 'Referat – LM · SAG-2026-0398' }).getAttribute('href')).toBe(`#/moede/${meetingId}/referat`);
    expect(within(row).getByRole('link', { name: 'Møde – LM · SAG-2026-0398' }).getAttribute('href')).toBe(`#/moede/${meetingId}`);
  });

  it('"Kopiér link" copies the view; in Teams as a deep link to the "Ledelse" tab with the view in subEntityId', async () => {
    const h = await makeDemoHarness('staff-hanne');
    const user = userEvent.setup();
    const appId = '5f1e3a2b-8c4d-4e6f-9a0b-1c2d3e4f5a6b';
    await h.render(
      <ShareLinkProvider build={teamsShareLink(appId)}>
        <LeaderReviewScreen query="dept=dept-health&overdue=1&sort=due&dir=asc" />
      </ShareLinkProvider>,
    );
    await screen.findByTestId('leader-decisions', {}, WAIT);
    await user.click(screen.getByRole('button', { name: 'Kopiér link' }));
    const copied = new URL(await navigator.clipboard.readText());
    expect(`${copied.origin}${copied.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${appId}/ledelse`);
    expect(JSON.parse(copied.searchParams.get('context') ?? '')).toEqual({ subEntityId: '/ledelse?dept=dept-health&overdue=1&sort=due&dir=asc' });
    expect(await screen.findByText('Linket til visningen er kopieret.')).toBeTruthy();
  });

  it('"Kopiér link" shows the link to copy by hand when the clipboard is refused', async () => {
    const h = await makeDemoHarness('staff-hanne');
    const user = userEvent.setup();
    await h.render(<LeaderReviewScreen query="status=decided" />);
    await screen.findByTestId('leader-decisions', {}, WAIT);
    const refuse = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    Object.defineProperty(navigator.clipboard, 'writeText', { value: refuse, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Kopiér link' }));
    const field = await screen.findByRole('textbox', { name: 'Link til visningen' });
    expect(new URL((field as HTMLInputElement).value).hash).toBe('#/ledelse?status=decided');
  });

  it('[R2] every picture has its figures as a table, one toggle away', async () => {
    // Birgitte leads Jobcenter and Skole og Uddannelse; Camilla's action for Emil (Jobcenter) is late.
    const h = await makeDemoHarness('staff-birgitte');
    const user = userEvent.setup();
    await h.render(<LeaderReviewScreen query="" />);
    const picture = await screen.findByTestId('picture-overdue', {}, WAIT);
    const toggle = within(picture).getByRole('button', { name: 'Vis som tabel' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    const table = within(picture).getByRole('table', { name: 'Overskredne opgaver pr. afdeling' });
    expect(within(table).getAllByRole('row').map((r) => within(r).queryAllByRole('cell').map((c) => c.textContent))).toEqual([
      [],
      ['Jobcenter', '1'],
      ['Skole og Uddannelse (PPR/UU)', '0'],
    ]);
  });

  it('virtualizes 2,000 decisions: a screenful in the DOM, aria-rowcount for all, aria-rowindex per row, one read of the pathways', async () => {
    const counts = { listPathways: 0, getPathway: 0 };
    const h = await makeHarness({
      now: NOW,
      meId: 'staff-hanne',
      seed: async ({ services, db, clock }) => {
        await seedDemoData(db, clock, new SequentialIds('seed'));
        const volume = generateVolume({ pathways: 200, decisionsPerPathway: 10, departments: DEMO_DEPARTMENTS, staff: DEMO_STAFF, now: NOW, seed: 7 });
        await seedVolume(services.store, volume);
      },
    });
    // Count the reads through the port (a wrapper, as another adapter would be).
    const real = h.services.store;
    const counting: PlanStore = Object.create(real) as PlanStore;
    counting.listPathways = () => {
      counts.listPathways += 1;
      return real.listPathways();
    };
    counting.getPathway = (id) => {
      counts.getPathway += 1;
      return real.getPathway(id);
    };
    const session = await h.session();
    const { renderWithSession } = await import('../../support/harness');
    renderWithSession({ ...session, services: { ...session.services, store: counting } }, <LeaderReviewScreen query="" />);

    const table = await screen.findByRole('table', { name: 'Beslutninger' }, { timeout: 20_000 });
    const total = Number(table.getAttribute('aria-rowcount')) - 1;
    expect(total).toBeGreaterThan(1_000);
    expect(screen.getByTestId('leader-decisions-count').textContent).toBe(`${total.toLocaleString('da-DK')} beslutninger`);
    let rendered = bodyRows(table);
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(40);
    expect(rendered.map((r) => Number(r.getAttribute('aria-rowindex')))).toEqual(rendered.map((_, i) => i + 2));

    // Scroll to the 1,000th row: the rows around it are rendered, the first ones are gone.
    Object.defineProperty(table, 'scrollTop', { value: 999 * ROW_HEIGHT, configurable: true });
    act(() => {
      fireEvent.scroll(table);
    });
    await waitFor(() => expect(bodyRows(table).some((r) => r.getAttribute('aria-rowindex') === '1001')).toBe(true), WAIT);
    rendered = bodyRows(table);
    expect(rendered.some((r) => r.getAttribute('aria-rowindex') === '2')).toBe(false);
    expect(rendered.length).toBeLessThan(40);
    // Each rendered row's index is its place in the whole list.
    const indices = rendered.map((r) => Number(r.getAttribute('aria-rowindex')));
    expect(indices).toEqual(indices.map((_, i) => (indices[0] ?? 0) + i));

    // reviewDecisions reads the pathways once for all rows; consent reads them once more; no per-row look-up.
    expect(counts.listPathways).toBe(2);
    expect(counts.getPathway).toBe(0);

    // The sections below list what to act on first, 20 at a time ("Vis flere").
    const escalations = screen.getByTestId('leader-escalations');
    const items = () => within(escalations).getAllByRole('listitem').filter((li) => li.dataset.decisionId !== undefined);
    expect(items()).toHaveLength(20);
    const escalated = (await h.services.store.listDecisions({ departmentIds: ['dept-social', 'dept-health'], status: 'requires-leader-follow-up' })).length;
    expect(escalated).toBeGreaterThan(120);
    await userEvent.setup().click(within(escalations).getByRole('button', { name: `Vis flere (20 af ${escalated} vises)` }));
    expect(items()).toHaveLength(120);
  }, 60_000);
});
