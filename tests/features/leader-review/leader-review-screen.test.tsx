import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { act, useState } from 'react';
import { reviewConsent } from '../../../src/application';
import { LeaderReviewScreen } from '../../../src/features/leader-review/leader-review-screen';
import { pathway } from '../../contract/support/builders';
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
  it('[R8] reads the consent list once, after the decisions, and a department filter narrows it without reading again', async () => {
    const h = await makeHarness('staff-hanne');
    // A Socialafdelingen-only pathway without consent: listed for all led departments, not for health.
    const base = pathway({ id: 'pathway-social-only' });
    const member = base.team.members[0];
    if (member === undefined) throw new Error('builder without a member');
    await h.services.store.savePathway({
      ...base,
      citizen: { ...base.citizen, initials: 'SO', caseRef: 'SAG-2026-0999' },
      team: { members: [{ ...member, departmentId: 'dept-social', mandate: { ...member.mandate!, departmentId: 'dept-social' } }] },
    });
    // What each view should list, read before the screen counts anything.
    const everyLed = (await reviewConsent(h.services, ['dept-social', 'dept-health'])).map((r) => r.pathway.id);
    const healthOnly = (await reviewConsent(h.services, ['dept-health'])).map((r) => r.pathway.id);
    expect(healthOnly.length).toBeLessThan(everyLed.length);
    let consentReads = 0;
    const getConsent = h.services.store.getConsent.bind(h.services.store);
    h.services.store.getConsent = (id) => {
      consentReads += 1;
      return getConsent(id);
    };
    let setQuery: (q: string) => void = () => undefined;
    function Switch() {
      const [query, set] = useState('');
      setQuery = set;
      return <LeaderReviewScreen query={query} />;
    }
    await h.render(<Switch />);
    const listed = () =>
      Array.from(screen.getByTestId('leader-consent').querySelectorAll('li[data-pathway-id]')).map((li) => li.getAttribute('data-pathway-id'));
    await screen.findByTestId('leader-consent', {}, WAIT);
    expect(listed()).toEqual(everyLed);
    const reads = consentReads;
    expect(reads).toBeGreaterThan(0);

    act(() => setQuery('dept=dept-health'));
    await waitFor(() => expect(listed()).toEqual(healthOnly), WAIT);
    await waitFor(() => expect(screen.getByTestId('leader-results').getAttribute('data-state')).toBe('ready'), WAIT);
    expect(consentReads).toBe(reads);
  });
});

