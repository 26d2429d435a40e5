/**
 * The setup screen at the port boundary: a fake PlanStoreSetup that behaves like the site
 * (provisioning creates what is missing once; a second run creates nothing). The adapter itself
 * is tested over the fake Graph in tests/unit/graph/setup.test.ts.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SetupScreen } from '../../../src/features/setup/setup-screen';
import { SetupError, type PlanStoreSetup, type SetupResult, type SetupStatus } from '../../../src/ports/plan-store-setup';
import { I18nProvider } from '../../../src/ui/i18n';
import { da } from '../../../src/ui/strings/da';

const t = da.setup;
const LISTS = { HelhedPlans: ['clientKey', 'record'], HelhedAudit: ['clientKey', 'citizenKey'] };

class FakeSetup implements PlanStoreSetup {
  present = new Set<string>();
  auditKey = false;
  provisions = 0;
  failWith: SetupError | null = null;

  async inspect(): Promise<SetupStatus> {
    if (this.failWith) throw this.failWith;
    const containers = Object.entries(LISTS).map(([name, fields]) => ({
      name,
      exists: this.present.has(name),
      missingFields: this.present.has(name) ? [] : fields,
      unindexedFields: [],
    }));
    return { containers, auditKeyPresent: this.auditKey, ready: containers.every((c) => c.exists) && this.auditKey };
  }

  async provision(): Promise<SetupResult> {
    if (this.failWith) throw this.failWith;
    this.provisions += 1;
    const created = Object.keys(LISTS).filter((n) => !this.present.has(n)).map((n) => `list ${n}`);
    for (const n of Object.keys(LISTS)) this.present.add(n);
    if (!this.auditKey) created.push('audit key');
    this.auditKey = true;
    return { created, status: await this.inspect() };
  }
}

function show(setup: PlanStoreSetup) {
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider locale="da">
        <SetupScreen setup={setup} />
      </I18nProvider>
    </FluentProvider>,
  );
}

const states = async () =>
  within(await screen.findByTestId('setup-lists'))
    .getAllByRole('listitem')
    .map((li) => `${li.getAttribute('data-list')}=${li.getAttribute('data-state')}`);

describe('SetupScreen', () => {
  it('first run: shows the missing lists, "Opret lister" provisions them and shows what was created', async () => {
    const setup = new FakeSetup();
    show(setup);
    expect(await states()).toStrictEqual(['HelhedPlans=missing', 'HelhedAudit=missing', 'auditKey=missing']);
    expect(screen.getByText(t.auditKeyMissing)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: t.createButton }));
    const result = await screen.findByTestId('setup-result');
    expect(result.textContent).toContain(t.created(3));
    expect(result.textContent).toContain('list HelhedPlans');
    expect(result.textContent).toContain('audit key');
    expect(await states()).toStrictEqual(['HelhedPlans=ready', 'HelhedAudit=ready', 'auditKey=ready']);
    expect(setup.provisions).toBe(1);
  });

  it('second run: everything is in place; "Opdatér" changes nothing and says so', async () => {
    const setup = new FakeSetup();
    await setup.provision();
    show(setup);
    expect(await screen.findByTestId('setup-all-ready')).toBeTruthy();
    expect(await states()).toStrictEqual(['HelhedPlans=ready', 'HelhedAudit=ready', 'auditKey=ready']);
    await userEvent.click(screen.getByRole('button', { name: t.updateButton }));
    expect((await screen.findByTestId('setup-result')).textContent).toBe(t.nothingChanged);
    expect(t.nothingChanged).toBe('Alt er på plads — intet ændret');
  });

  it('403: explains that an administrator must grant the app access to the site (Sites.Selected)', async () => {
    const setup = new FakeSetup();
    setup.failWith = new SetupError('forbidden', 'Access denied', 403);
    show(setup);
    const error = await screen.findByTestId('setup-error');
    expect(error.getAttribute('data-problem')).toBe('forbidden');
    expect(error.textContent).toContain('Appen har ikke adgang til sitet: en administrator skal give adgang (Sites.Selected)');
    // After access is granted, "Prøv igen" reads the site again.
    setup.failWith = null;
    await userEvent.click(within(error).getByRole('button', { name: da.common.retry }));
    expect(await states()).toContain('HelhedPlans=missing');
  });

  it('a 403 while provisioning is explained, and what was known stays on screen', async () => {
    const setup = new FakeSetup();
    show(setup);
    await states();
    setup.failWith = new SetupError('forbidden', 'Access denied', 403);
    await userEvent.click(screen.getByRole('button', { name: t.createButton }));
    expect((await screen.findByTestId('setup-error')).textContent).toContain(t.forbidden);
    expect(await states()).toContain('HelhedPlans=missing');
  });
});
