/**
 * "Afdelinger og ledere" through the UI over the local adapters (demo municipality): what the
 * administrator sees, what `saveDepartments` stores, and that a saved set is put into effect in
 * the running app (the session is recomposed: who leads, through the demo's recompose as
 * src/app/main.tsx composes it; Teams mode's recompose is proven over the fake Graph in
 * tests/unit/graph/graph-session.test.tsx).
 */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DEMO_DEPARTMENTS } from '../../../src/demo/demo-data';
import { seedDemoData } from '../../../src/demo/seed';
import { SequentialIds } from '../../../src/adapters/local/testing';
import { withDepartmentLeadership, type Department } from '../../../src/domain';
import { DepartmentsScreen } from '../../../src/features/departments/departments-screen';
import type { PlanStore } from '../../../src/ports/plan-store';
import { I18nProvider } from '../../../src/ui/i18n';
import { SessionProvider, type Session } from '../../../src/ui/services-context';
import { da } from '../../../src/ui/strings/da';
import { makeHarness, renderWithSession, type Harness } from '../../support/harness';

const t = da.departments;
const NOW = '2026-11-27T09:00:00.000Z';
const UNUSED: Department = { id: 'dept-elderly', name: 'Ældre og Handicap', area: 'health', directoryNames: ['Ældreområdet'], leaders: [] };

/** The demo municipality, plus (optionally) departments no pathway uses. */
function demo(extra: Department[] = []): Promise<Harness> {
  return makeHarness({
    now: NOW,
    meId: 'staff-mette',
    seed: async (h) => {
      await seedDemoData(h.db, h.clock, new SequentialIds('seed'));
      if (extra.length > 0) await h.services.store.saveDepartments([...DEMO_DEPARTMENTS, ...extra]);
    },
  });
}

/** Renders the screen where the app can swap its session (as App and TeamsGraphApp do); returns the sessions it was given. */
async function renderApplying(h: Harness): Promise<Session[]> {
  const base = await h.session();
  const recompose = async (departments: Department[]): Promise<Session> => ({
    ...base,
    me: withDepartmentLeadership(await h.directory.me(), departments),
    departments,
    recompose,
  });
  const first = await recompose(base.departments);
  const given: Session[] = [];
  function Root() {
    const [session, setSession] = useState(first);
    return (
      <FluentProvider theme={teamsLightTheme}>
        <I18nProvider locale="da">
          <SessionProvider
            session={session}
            onChange={(next) => {
              given.push(next);
              setSession(next);
            }}
          >
            <DepartmentsScreen />
          </SessionProvider>
        </I18nProvider>
      </FluentProvider>
    );
  }
  render(<Root />);
  return given;
}

/** The table's row for `name`, waiting for it: after a save the list is read again. */
const rowOf = (name: string): Promise<HTMLElement> =>
  waitFor(() => {
    const table = screen.getByRole('table', { name: t.tableLabel });
    const row = within(table)
      .getAllByRole('row')
      .find((r) => within(r).queryAllByRole('cell')[0]?.textContent === name);
    if (!row) throw new Error(`no row for ${name}`);
    return row;
  });
const cells = (row: HTMLElement): string[] => within(row).getAllByRole('cell').slice(0, 4).map((c) => c.textContent ?? '');

describe('DepartmentsScreen', () => {
  it('lists every department with its area, the Entra ID text that maps staff to it and its leaders', async () => {
    const h = await demo([UNUSED]);
    await h.render(<DepartmentsScreen />);
    expect(await screen.findByRole('heading', { level: 1, name: t.title })).toBeTruthy();
    expect(cells(await rowOf('Jobcenter'))).toStrictEqual(['Jobcenter', da.departmentArea.employment, 'Jobcenter', 'Birgitte Lund']);
    expect(cells(await rowOf('Sundhed og Omsorg'))).toStrictEqual(['Sundhed og Omsorg', da.departmentArea.health, 'Sundhed og Omsorg', 'Hanne Vestergaard']);
    expect(cells(await rowOf('Ældre og Handicap'))).toStrictEqual(['Ældre og Handicap', da.departmentArea.health, 'Ældreområdet', t.noLeaders]);
    expect(screen.getByText(t.count(5))).toBeTruthy();
  });

  it('adds a department with two Entra ID texts and a leader picked in the directory; the store holds exactly that, and the saved leader leads at once', async () => {
    const h = await demo();
    const sessions = await renderApplying(h);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: t.addButton }));
    const form = await screen.findByTestId('department-form');
    // Focus moves to the form, so keyboard and screen-reader users land on it.
    expect(document.activeElement).toBe(within(form).getByRole('heading', { name: t.addTitle }));
    await user.type(within(form).getByRole('textbox', { name: new RegExp(`^${t.nameLabel}`) }), 'Ældre og Handicap');
    await user.selectOptions(within(form).getByRole('combobox', { name: t.areaLabel }), da.departmentArea.health);
    await user.type(within(form).getByRole('textbox', { name: t.directoryNamesLabel }), 'Ældreområdet{Enter}Handicap{Enter}ældreområdet');
    await user.type(within(form).getByRole('searchbox', { name: t.findLeader }), 'Mette');
    await user.click(await within(form).findByRole('button', { name: t.addLeader('Mette Kjær Larsen') }));
    expect(within(screen.getByTestId('department-leaders')).getByText('Mette Kjær Larsen')).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: t.saveButton }));

    expect((await screen.findByTestId('departments-saved')).textContent).toBe(t.saved('Ældre og Handicap'));
    const stored = (await h.services.store.listDepartments()).find((d) => d.name === 'Ældre og Handicap');
    expect(stored).toStrictEqual({
      id: 'id-0001',
      name: 'Ældre og Handicap',
      area: 'health',
      directoryNames: ['Ældreområdet', 'Handicap'],
      leaders: [{ personId: 'staff-mette', displayName: 'Mette Kjær Larsen' }],
    });
    expect(await h.services.store.listDepartments()).toHaveLength(5);
    // The app took the recomposed session: Mette (a tovholder, no leader before) now leads it.
    expect(sessions.at(-1)?.me.leaderOf).toStrictEqual(['id-0001']);
    expect(sessions.at(-1)?.departments.map((d) => d.id)).toContain('id-0001');
    expect(cells(await rowOf('Ældre og Handicap'))).toStrictEqual(['Ældre og Handicap', da.departmentArea.health, 'Ældreområdet, Handicap', 'Mette Kjær Larsen']);
  });

  it('edits a department: a leader removed and one added; an Entra ID text that another department has is refused and nothing is saved', async () => {
    const h = await demo();
    await h.render(<DepartmentsScreen />);
    const user = userEvent.setup();
    await user.click(within(await rowOf('Jobcenter')).getByRole('button', { name: t.edit('Jobcenter') }));
    const form = await screen.findByTestId('department-form');
    expect(within(form).getByRole('textbox', { name: t.directoryNamesLabel })).toHaveProperty('value', 'Jobcenter');
    await user.click(within(form).getByRole('button', { name: t.removeLeader('Birgitte Lund') }));
    await user.type(within(form).getByRole('searchbox', { name: t.findLeader }), 'Peter');
    await user.click(await within(form).findByRole('button', { name: t.addLeader('Peter Damgaard') }));
    await user.type(within(form).getByRole('textbox', { name: t.directoryNamesLabel }), '{Enter}socialafdelingen');
    await user.click(within(form).getByRole('button', { name: t.saveButton }));

    expect(await within(form).findByText(t.directoryNameTaken('socialafdelingen', 'Socialafdelingen'))).toBeTruthy();
    expect(await h.services.store.listDepartments()).toStrictEqual([...DEMO_DEPARTMENTS].sort((a, b) => a.name.localeCompare(b.name, 'da')));

    const texts = within(form).getByRole('textbox', { name: t.directoryNamesLabel });
    await user.clear(texts);
    await user.type(texts, 'Jobcenter{Enter}Jobcenter Ballerup');
    await user.click(within(form).getByRole('button', { name: t.saveButton }));
    // Without a way to swap the session (this render has none) the user is told to reload.
    expect((await screen.findByTestId('departments-saved')).textContent).toBe(`${t.saved('Jobcenter')} ${t.savedReload}`);
    expect((await h.services.store.listDepartments()).find((d) => d.id === 'dept-employment')).toStrictEqual({
      id: 'dept-employment',
      name: 'Jobcenter',
      area: 'employment',
      directoryNames: ['Jobcenter', 'Jobcenter Ballerup'],
      leaders: [{ personId: 'staff-peter', displayName: 'Peter Damgaard' }],
    });
  });

  it('a department that a pathway’s team uses is not removed: the press explains why and names the pathways', async () => {
    const h = await demo();
    await h.render(<DepartmentsScreen />);
    const user = userEvent.setup();
    const usedBy = (await h.services.store.listPathways()).filter((p) => p.team.members.some((m) => m.departmentId === 'dept-social'));
    expect(usedBy.length).toBeGreaterThan(0);
    await user.click(within(await rowOf('Socialafdelingen')).getByRole('button', { name: t.remove('Socialafdelingen') }));

    const warning = await screen.findByTestId('department-in-use');
    expect(warning.getAttribute('role')).toBe('alert');
    expect(warning.textContent).toContain(t.removeBlockedTitle('Socialafdelingen'));
    expect(warning.textContent).toContain(t.removeBlockedBody(usedBy.length));
    const links = within(within(warning).getByRole('list', { name: t.removeBlockedPathways })).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href')).sort()).toStrictEqual(usedBy.map((p) => `#/forloeb/${p.id}`).sort());
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(await h.services.store.listDepartments()).toHaveLength(4);
  });

  it('removes a department no pathway uses only after the confirmation dialog (cancel keeps it)', async () => {
    const h = await demo([UNUSED]);
    await h.render(<DepartmentsScreen />);
    const user = userEvent.setup();
    const remove = async () => {
      await user.click(within(await rowOf('Ældre og Handicap')).getByRole('button', { name: t.remove('Ældre og Handicap') }));
      const dialog = await screen.findByRole('alertdialog');
      expect(within(dialog).getByText(t.removeConfirmTitle('Ældre og Handicap'))).toBeTruthy();
      return dialog;
    };
    await user.click(within(await remove()).getByRole('button', { name: da.common.cancel }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(await h.services.store.listDepartments()).toHaveLength(5);

    await user.click(within(await remove()).getByRole('button', { name: t.removeConfirmButton }));
    expect((await screen.findByTestId('departments-saved')).textContent).toContain(t.removed('Ældre og Handicap'));
    expect((await h.services.store.listDepartments()).map((d) => d.id).sort()).toStrictEqual(DEMO_DEPARTMENTS.map((d) => d.id).sort());
    await waitFor(() => expect(screen.queryByText('Ældre og Handicap', { exact: true })).toBeNull());
  });

  it('no departments yet: says so and offers to add the first', async () => {
    const h = await makeHarness({ now: NOW, meId: 'staff-mette', seed: async () => {} });
    await h.render(<DepartmentsScreen />);
    expect(await screen.findByText(t.emptyTitle)).toBeTruthy();
    expect(screen.getByText(t.emptyBody)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('button', { name: t.addButton }).hasAttribute('disabled')).toBe(false);
  });

  it('a 403 from the store is explained (no access), on reading and on saving, and nothing is shown as empty', async () => {
    const h = await demo();
    const session = await h.session();
    const forbidden = () => Object.assign(new Error('Access denied'), { name: 'GraphForbiddenError', code: 'GRAPH_FORBIDDEN', status: 403 });
    let failRead = true;
    const real = session.services.store;
    const store: PlanStore = Object.assign(Object.create(real) as PlanStore, {
      listDepartments: () => (failRead ? Promise.reject(forbidden()) : real.listDepartments()),
      saveDepartments: () => Promise.reject(forbidden()),
    });
    renderWithSession({ ...session, services: { ...session.services, store } }, <DepartmentsScreen />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(da.errors.GRAPH_FORBIDDEN.title);
    expect(alert.textContent).toContain(da.errors.GRAPH_FORBIDDEN.body);
    expect(screen.queryByText(t.emptyTitle)).toBeNull();

    failRead = false;
    const user = userEvent.setup();
    // A 403 offers no "try again" (ErrorState): reading again comes with the next visit.
    expect(within(alert).queryByRole('button', { name: da.common.retry })).toBeNull();
    // The next visit reads; saving then meets the 403.
    cleanup();
    renderWithSession({ ...session, services: { ...session.services, store } }, <DepartmentsScreen />);
    await user.click(within(await rowOf('Jobcenter')).getByRole('button', { name: t.edit('Jobcenter') }));
    await user.click(within(await screen.findByTestId('department-form')).getByRole('button', { name: t.saveButton }));
    expect((await screen.findByRole('alert')).textContent).toContain(da.errors.GRAPH_FORBIDDEN.title);
    expect(screen.queryByTestId('departments-saved')).toBeNull();
    expect(await real.listDepartments()).toHaveLength(4);
  });
});
