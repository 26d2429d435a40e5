import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { da } from '../../../src/ui/strings/da';
import { NewPathwayScreen } from '../../../src/features/pathways/new-pathway-screen';
import { makeHarness } from '../municipality-harness';

const t = da.pathways;

beforeEach(() => {
  window.location.hash = '#/forloeb/nyt';
});

async function fillCitizen(user: ReturnType<typeof userEvent.setup>, caseRef: string) {
  await user.type(screen.getByRole('textbox', { name: new RegExp(t.citizenName) }), 'Amira Hansen');
  await user.type(screen.getByRole('textbox', { name: new RegExp(`^${t.initials}`) }), 'AH');
  await user.type(screen.getByRole('textbox', { name: new RegExp(`^${t.caseRef}`) }), caseRef);
  await user.type(screen.getByRole('textbox', { name: new RegExp(t.email) }), 'amira.hansen@example.dk');
  await user.type(screen.getByTestId('goals-input'), 'Jeg vil gerne have et arbejde{Enter}{Enter}Jeg vil have ro på hjemme');
}

describe('NewPathwayScreen', () => {
  it('[PRIVACY] refuses a CPR number in the case reference and stores nothing', async () => {
    const h = await makeHarness();
    await h.render(<NewPathwayScreen />);
    const user = userEvent.setup();
    await fillCitizen(user, '010190-1234');

    await user.click(screen.getByRole('button', { name: t.create }));

    expect(await screen.findByText(t.errors.cpr)).toBeTruthy();
    expect(screen.getByRole('textbox', { name: new RegExp(`^${t.caseRef}`) }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(t.errorSummary)).toBeTruthy();
    expect(await h.services.store.listPathways()).toEqual([]);
    expect(window.location.hash).toBe('#/forloeb/nyt');
  });

  it('requires a goal in the citizen’s words and an e-mail when the citizen attends via Teams', async () => {
    const h = await makeHarness();
    await h.render(<NewPathwayScreen />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: new RegExp(t.citizenName) }), 'Amira Hansen');
    await user.type(screen.getByRole('textbox', { name: new RegExp(`^${t.initials}`) }), 'AH');
    await user.type(screen.getByRole('textbox', { name: new RegExp(`^${t.caseRef}`) }), 'SAG-2026-0142');

    await user.click(screen.getByRole('button', { name: t.create }));

    expect(await screen.findByText(t.errors.goals)).toBeTruthy();
    expect(screen.getByText(t.errors.emailForTeams)).toBeTruthy();
    expect(await h.services.store.listPathways()).toEqual([]);
  });

  it('creates the pathway with me as tovholder and a picked member with a mandate, then opens it', async () => {
    const h = await makeHarness('p-mette');
    await h.render(<NewPathwayScreen />);
    const user = userEvent.setup();
    await fillCitizen(user, 'SAG-2026-0142');

    // Me first, as tovholder, without a remove button.
    const members = screen.getAllByTestId('team-member');
    expect(members).toHaveLength(1);
    expect(members[0]?.getAttribute('data-person-id')).toBe('p-mette');
    expect(within(members[0] as HTMLElement).queryByRole('button', { name: /Fjern/ })).toBeNull();

    await user.type(screen.getByRole('searchbox', { name: new RegExp(t.findStaff) }), 'peter');
    await user.click(await screen.findByRole('button', { name: t.addPerson('Peter Holm') }));
    const peter = screen.getAllByTestId('team-member').find((el) => el.getAttribute('data-person-id') === 'p-peter');
    if (!peter) throw new Error('Peter was not added');
    expect((within(peter).getByRole('combobox', { name: new RegExp(t.department) }) as HTMLSelectElement).value).toBe('dep-health');
    await user.click(within(peter).getByRole('checkbox', { name: t.hasMandate }));
    await user.type(within(peter).getByRole('textbox', { name: new RegExp(t.mandateDescription) }), 'Sundhedsfaglige indsatser');
    const amount = within(peter).getByRole('spinbutton', { name: new RegExp(t.mandateMax.replace(/[().]/g, '\\$&')) });
    await user.clear(amount);
    await user.type(amount, '2000');

    await user.click(screen.getByRole('button', { name: t.create }));

    await waitFor(() => expect(window.location.hash).toMatch(/^#\/forloeb\/id-/));
    const [pathway] = await h.services.store.listPathways();
    expect(window.location.hash).toBe(`#/forloeb/${pathway?.id}`);
    expect(pathway?.coordinatorId).toBe('p-mette');
    expect(pathway?.citizen).toEqual({
      displayName: 'Amira Hansen',
      initials: 'AH',
      email: 'amira.hansen@example.dk',
      phone: null,
      attendance: 'teams',
      caseRef: 'SAG-2026-0142',
    });
    expect(pathway?.team.members).toEqual([
      {
        personId: 'p-mette',
        displayName: 'Mette Sørensen',
        email: 'mette.sorensen@kommune.example',
        departmentId: 'dep-social',
        role: 'coordinator',
        mandate: null,
      },
      {
        personId: 'p-peter',
        displayName: 'Peter Holm',
        email: 'peter.holm@kommune.example',
        departmentId: 'dep-health',
        role: 'member',
        mandate: { departmentId: 'dep-health', description: 'Sundhedsfaglige indsatser', maxAmountDkk: 2000 },
      },
    ]);
    const plan = await h.services.store.getPlan(pathway?.id ?? '');
    expect(plan?.version).toBe(1);
    expect(plan?.goals.map((g) => g.text)).toEqual(['Jeg vil gerne have et arbejde', 'Jeg vil have ro på hjemme']);
  });
});
