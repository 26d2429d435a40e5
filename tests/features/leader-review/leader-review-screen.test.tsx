import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { LeaderReviewScreen } from '../../../src/features/leader-review/leader-review-screen';
import { makeHarness } from '../demo-harness';

const WAIT = { timeout: 4000 };

afterEach(() => {
  window.location.hash = '';
});

describe('LeaderReviewScreen', () => {
  it('[R6] lists an escalation with its reason, reading the filters from the query', async () => {
    // Hanne leads Socialafdelingen and Sundhed og Omsorg.
    const h = await makeHarness('staff-hanne');
    await h.render(<LeaderReviewScreen query="dept=dept-health&status=requires-leader-follow-up" />);

    const decisions = await screen.findByTestId('leader-decisions', {}, WAIT);
    await waitFor(() => expect(within(decisions).getAllByRole('row')).toHaveLength(2), WAIT);
    const row = within(decisions).getAllByRole('row')[1] as HTMLElement;
    expect(row.dataset.decisionId).toBe('decision-lene-2');
    expect(row.dataset.escalated).toBe('true');
    expect(within(row).getByRole('link', { name: 'LM · SAG-2026-0398' }).getAttribute('href')).toBe('#/forloeb/pathway-lene');
    expect(within(row).getByText('Kræver ledelsesopfølgning')).toBeTruthy();

    const escalations = screen.getByTestId('leader-escalations');
    expect(within(escalations).getByText('Lene tilbydes et smertehåndteringsforløb med 12 behandlinger på en smerteklinik.')).toBeTruthy();
    expect(within(escalations).getByText('Går ud over mandatet for Sundhed og Omsorg')).toBeTruthy();

    // The filters on screen are the ones in the query.
    expect((screen.getByRole('combobox', { name: 'Afdeling' }) as HTMLSelectElement).value).toBe('dept-health');
    expect((screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).value).toBe('requires-leader-follow-up');
  });

  it('puts a changed filter into the URL, so the view can be shared', async () => {
    const h = await makeHarness('staff-hanne');
    const user = userEvent.setup();
    await h.render(<LeaderReviewScreen query="status=requires-leader-follow-up" />);
    await screen.findByTestId('leader-decisions', {}, WAIT);

    await user.click(screen.getByRole('checkbox', { name: 'Kun overskredne opgaver' }));
    expect(window.location.hash).toBe('#/ledelse?status=requires-leader-follow-up&overdue=1');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Afdeling' }), 'dept-social');
    expect(window.location.hash).toBe('#/ledelse?dept=dept-social&status=requires-leader-follow-up');
  });

  it('[R2] shows overdue actions and mandatory attendance for the leader of Jobcenter', async () => {
    // Birgitte leads Jobcenter and Skole og Uddannelse; Camilla's action for Emil is three days late.
    const h = await makeHarness('staff-birgitte');
    await h.render(<LeaderReviewScreen query="" />);

    const overdue = await screen.findByTestId('leader-overdue', {}, WAIT);
    expect(await within(overdue).findByText('Kontakt tre virksomheder i lokalområdet om fritidsjob til Emil', {}, WAIT)).toBeTruthy();
    const row = (await screen.findAllByRole('row')).find((r) => r.dataset.decisionId === 'decision-emil-2');
    expect(row?.dataset.overdue).toBe('true');

    const attendance = screen.getByTestId('leader-attendance');
    const jobcenter = within(attendance)
      .getAllByRole('row')
      .find((r) => r.dataset.department === 'dept-employment') as HTMLElement;
    // Held meetings with a Jobcenter member: Emil (Camilla present), Lene (Peter present), Kim (Camilla present).
    expect(within(jobcenter).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Jobcenter', '3', '3', '0', '0', '100\u00a0%']);
    expect(screen.getByTestId('leader-no-citizen').textContent).toContain('Alle afholdte møder var med borgeren.');
  });

  it('explains the empty review to someone who leads no department', async () => {
    const h = await makeHarness('staff-anders');
    await h.render(<LeaderReviewScreen query="" />);
    expect(screen.getByText('Du er ikke registreret som leder af nogen afdeling')).toBeTruthy();
    expect(screen.getByText(/„Vis som“/)).toBeTruthy();
    expect(screen.queryByTestId('leader-decisions')).toBeNull();
  });
});
