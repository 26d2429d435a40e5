import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createPathway } from '../../../src/application/pathways';
import { BookMeetingScreen } from '../../../src/features/book-meeting/book-meeting-screen';
import { ConsentSection } from '../../../src/features/consent/consent-section';
import { StageConsent } from '../../../src/features/consent/stage-consent';
import { StandaloneStage } from '../../../src/app/standalone-stage';
import { LeaderReviewScreen } from '../../../src/features/leader-review/leader-review-screen';
import { da } from '../../../src/ui/strings/da';
import { makeHarness } from '../demo-harness';
import { amiraPathway, makeHarness as makeMunicipality } from '../municipality-harness';

const WAIT = { timeout: 4000 };
const t = da.consent;

afterEach(() => {
  window.location.hash = '';
});

describe('ConsentSection (rule 8)', () => {
  it('[R8] shows the consent at a glance: status, scope as department chips, replaced plans, given, how, by, review date, history', async () => {
    const h = await makeHarness('staff-anders');
    await h.render(<ConsentSection pathwayId="pathway-emil" />);
    const section = await screen.findByTestId('consent', {}, WAIT);
    await waitFor(() => expect(within(section).getByTestId('consent-status').textContent).toBe('Status: Gyldigt'), WAIT);
    const chips = within(within(section).getByTestId('consent-scope')).getAllByRole('listitem').map((li) => li.textContent);
    expect(chips).toEqual(['Skole og Uddannelse (PPR/UU)', 'Socialafdelingen', 'Jobcenter']);
    expect(within(section).getByText('Handleplan (serviceloven/barnets lov), Uddannelsesplan')).toBeTruthy();
    expect(within(section).getByText('Skriftligt')).toBeTruthy();
    expect(within(section).getAllByText('Anders Østergaard').length).toBeGreaterThan(0);
    expect(within(section).queryByTestId('consent-reminder')).toBeNull();
    expect(within(within(section).getByTestId('consent-history')).getAllByRole('listitem')).toHaveLength(1);
  });

  it('[R8] reminds the tovholder 30 days before the review date', async () => {
    const h = await makeHarness('staff-peter');
    await h.render(<ConsentSection pathwayId="pathway-lene" />);
    const reminder = await screen.findByTestId('consent-reminder', {}, WAIT);
    expect(reminder.textContent).toContain('(om 20 dage)');
  });

  it('[R8] withdraws for one department after confirming, then flags the member and the planned meeting', async () => {
    const h = await makeHarness('staff-anders');
    const user = userEvent.setup();
    await h.render(<ConsentSection pathwayId="pathway-emil" />);
    const section = await screen.findByTestId('consent', {}, WAIT);
    await user.selectOptions(await within(section).findByRole('combobox', { name: t.withdrawFor }, WAIT), 'Jobcenter');
    await user.click(within(section).getByRole('button', { name: t.withdraw }));
    // jsdom never finishes Fluent's open motion, so the surface stays aria-hidden here.
    const dialog = await screen.findByRole('alertdialog', { hidden: true }, WAIT);
    expect(dialog.textContent).toContain(t.withdrawBody('Jobcenter'));
    await user.click(within(dialog).getByRole('button', { name: t.withdraw, hidden: true }));

    await waitFor(() => expect(within(section).getByText(t.withdrawnDone)).toBeTruthy(), WAIT);
    const flags = await within(section).findByTestId('consent-flags', {}, WAIT);
    expect(within(flags).getByText(t.memberFlag('Camilla Nørgaard', 'Jobcenter'))).toBeTruthy();
    expect(flags.querySelector('[data-meeting-id="meeting-emil-2"]')).not.toBeNull();
    expect(within(section).getByText('Jobcenter (tilbagekaldt)')).toBeTruthy();
    const history = within(within(section).getByTestId('consent-history')).getAllByRole('listitem');
    expect(history.map((li) => li.dataset.kind)).toEqual(['withdrawn', 'given']);
    expect((await h.services.store.listAudit('pathway-emil')).filter((a) => a.entity === 'consent').map((a) => a.action)).toEqual(['create', 'withdraw']);
  });

  it('[R8] registers consent with the form: at least one department is required', async () => {
    const h = await makeMunicipality('p-mette');
    const { consent: _consent, ...withoutConsent } = amiraPathway();
    const pathway = await createPathway(h.services, withoutConsent);
    const user = userEvent.setup();
    await h.render(<ConsentSection pathwayId={pathway.id} />);
    const section = await screen.findByTestId('consent', {}, WAIT);
    await waitFor(() => expect(within(section).getByTestId('consent-status').textContent).toBe('Status: Mangler'), WAIT);
    expect(within(section).getByText(t.missing)).toBeTruthy();

    await user.click(within(section).getByRole('button', { name: t.register }));
    const form = within(section).getByTestId('consent-form');
    await user.click(within(form).getByRole('button', { name: da.common.save }));
    expect(within(form).getByRole('alert').textContent).toBe(t.errors.departments);

    for (const name of ['Børn og Familie', 'Sundhed og Omsorg', 'Jobcenter']) {
      await user.click(within(form).getByRole('checkbox', { name }));
    }
    await user.click(within(form).getByRole('checkbox', { name: t.replacedPlan.jobplan }));
    await user.click(within(form).getByRole('radio', { name: t.form.oral }));
    await user.click(within(form).getByRole('button', { name: da.common.save }));

    await waitFor(() => expect(within(section).getByTestId('consent-status').textContent).toBe('Status: Gyldigt'), WAIT);
    const consent = await h.services.store.getConsent(pathway.id);
    expect(consent).toMatchObject({
      givenOn: '2026-03-02',
      form: 'oral',
      recordedBy: 'p-mette',
      // In the order the municipality's departments are listed (by name).
      scope: { departmentIds: ['dep-social', 'dep-job', 'dep-health'], replacedPlans: ['jobplan'] },
      reviewDate: '2027-03-02',
      withdrawals: [],
    });
  });
});

describe('Booking with consent (rule 8)', () => {
  it('[R8] the booking screen shows that the consent no longer covers a member, and the flagged planned meeting', async () => {
    const h = await makeHarness('staff-anders');
    await h.services.store.appendConsentEvent({
      kind: 'withdrawn',
      pathwayId: 'pathway-emil',
      version: 2,
      recordedAt: '2026-03-10T08:00:00.000Z',
      recordedBy: 'staff-anders',
      withdrawnOn: '2026-03-10',
      departmentId: 'dept-employment',
    });
    await h.render(<BookMeetingScreen pathwayId="pathway-emil" />);
    const notice = await screen.findByTestId('booking-consent-notice', {}, WAIT);
    expect(within(notice).getByText(t.memberFlag('Camilla Nørgaard', 'Jobcenter'))).toBeTruthy();
    expect(notice.querySelector('[data-meeting-id="meeting-emil-2"]')?.textContent).toContain('Jobcenter');
  });
});

describe('The stage (rule 8)', () => {
  it('[R8] tells the citizen in plain Danish what they agreed to share, with whom, and that they may withdraw', async () => {
    const h = await makeHarness('staff-anders');
    // The stage as standalone mode and Teams compose it: the stage feature with the consent slot.
    await h.render(<StandaloneStage meetingId="meeting-emil-2" />);
    const stage = await screen.findByTestId('stage-consent', {}, WAIT);
    expect(within(stage).getByRole('heading', { level: 2 }).textContent).toBe(t.stage.title);
    expect(within(stage).getByText(t.stage.departmentsIntro('Emil Sørensen'))).toBeTruthy();
    expect(within(within(stage).getByTestId('stage-consent-departments')).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Skole og Uddannelse (PPR/UU)',
      'Socialafdelingen',
      'Jobcenter',
    ]);
    expect(within(stage).getByText(t.stage.mayWithdraw)).toBeTruthy();
    const goals = screen.getByTestId('stage-goals');
    expect(within(goals).getAllByRole('listitem')).toHaveLength(3);
  });

  it('[R8] says plainly when there is no consent', async () => {
    const h = await makeHarness('staff-anders');
    await h.render(<StageConsent consent={null} citizenName="Emil" today="2026-03-10" />);
    expect(screen.getByText(t.stage.missing)).toBeTruthy();
    expect(screen.getByText(t.stage.mayWithdraw)).toBeTruthy();
  });
});

describe('Leader review (rule 8)', () => {
  it('[R8] lists pathways whose consent is expiring', async () => {
    // Birgitte leads Jobcenter and Skole og Uddannelse; Lene's consent is due for review in 20 days.
    const h = await makeHarness('staff-birgitte');
    await h.render(<LeaderReviewScreen query="" />);
    const section = await screen.findByTestId('leader-consent', {}, WAIT);
    const items = within(section).getAllByRole('listitem');
    expect(items.map((li) => [li.dataset.pathwayId, li.dataset.kind])).toEqual([['pathway-lene', 'expiring']]);
    expect(within(items[0] as HTMLElement).getByText(t.review.kind.expiring)).toBeTruthy();
  });
});
