import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { bookMeeting } from '../../../src/application/book-meeting';
import { createPathway } from '../../../src/application/pathways';
import { da } from '../../../src/ui/strings/da';
import { PathwayListScreen } from '../../../src/features/pathways/pathway-list-screen';
import { createAmira, makeHarness, person, type Harness } from '../municipality-harness';

const t = da.pathways;

/** Amira's pathway (Mette, Peter, Sara) with a meeting on Tuesday, and Bo's (Lone alone). */
async function seed(h: Harness) {
  const amira = await createAmira(h);
  await bookMeeting(h.services, {
    pathwayId: amira.id,
    start: '2026-03-03T08:00:00.000Z',
    citizenInvitation: { mode: 'email', email: 'amira.hansen@example.dk' },
    outsideWindowReason: null,
    extraAgenda: [],
  });
  await h.directory.setCurrentUser('p-lone');
  const lone = person('p-lone');
  const bo = await createPathway(h.services, {
    citizen: { displayName: 'Bo Jensen', initials: 'BJ', email: null, phone: '30405060', attendance: 'phone', caseRef: 'SAG-2026-0077' },
    team: [{ personId: lone.id, displayName: lone.displayName, email: lone.email, departmentId: 'dep-social', role: 'coordinator', mandate: null }],
    goals: ['Jeg vil klare mig selv'],
  });
  return { amira, bo };
}

const rows = () => within(screen.getByTestId('pathway-list')).getAllByRole('row').slice(1);

describe('PathwayListScreen', () => {
  it('shows the pathways I am on, with case number, tovholder, team size and next meeting', async () => {
    const h = await makeHarness('p-mette');
    const { amira } = await seed(h);
    await h.directory.setCurrentUser('p-peter');
    await h.render(<PathwayListScreen />);

    const link = await screen.findByRole('link', { name: 'Amira Hansen' });
    expect(link.getAttribute('href')).toBe(`#/forloeb/${amira.id}`);
    expect(rows()).toHaveLength(1);
    const cells = within(rows()[0] as HTMLElement).getAllByRole('cell').map((c) => c.textContent);
    expect(cells[1]).toBe('SAG-2026-0142');
    expect(cells[2]).toBe('Mette Sørensen');
    expect(cells[3]).toBe(t.teamSize(3));
    expect(cells[4]).toMatch(/tirsdag.*3\. marts/);
    expect(screen.getByText(t.count(1))).toBeTruthy();
    expect(screen.getByRole('link', { name: t.newPathway }).getAttribute('href')).toBe('#/forloeb/nyt');
  });

  it('shows every pathway with "Vis alle forløb", and searches by name, initials and case number', async () => {
    const h = await makeHarness('p-mette');
    await seed(h);
    await h.directory.setCurrentUser('p-peter');
    await h.render(<PathwayListScreen />);
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'Amira Hansen' });

    await user.click(screen.getByRole('switch', { name: t.showAll }));
    expect(rows().map((r) => within(r).getByRole('link').textContent)).toEqual(['Amira Hansen', 'Bo Jensen']);
    expect(within(rows()[1] as HTMLElement).getAllByRole('cell')[4]?.textContent).toBe(t.noNextMeeting);

    const search = screen.getByRole('searchbox', { name: new RegExp(t.search) });
    await user.type(search, '0077');
    expect(rows().map((r) => within(r).getByRole('link').textContent)).toEqual(['Bo Jensen']);
    await user.clear(search);
    await user.type(search, 'ah');
    expect(rows().map((r) => within(r).getByRole('link').textContent)).toEqual(['Amira Hansen']);
    await user.clear(search);
    await user.type(search, 'xyz');
    expect(await screen.findByText(t.emptySearchTitle('xyz'))).toBeTruthy();
  });

  it('explains an empty list and offers to show all pathways', async () => {
    const h = await makeHarness('p-mette');
    await createAmira(h);
    await h.directory.setCurrentUser('p-lone');
    await h.render(<PathwayListScreen />);
    const user = userEvent.setup();

    expect(await screen.findByText(t.emptyMineTitle)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Amira Hansen' })).toBeNull();
    await user.click(screen.getByRole('button', { name: t.showAll }));
    expect(await screen.findByRole('link', { name: 'Amira Hansen' })).toBeTruthy();
  });
});
