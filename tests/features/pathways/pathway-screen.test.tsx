import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { bookMeeting } from '../../../src/application/book-meeting';
import { checkIn, recordDecision } from '../../../src/application/in-meeting';
import { approveMinutes } from '../../../src/application/minutes';
import { changePlan } from '../../../src/application/pathways';
import { da } from '../../../src/ui/strings/da';
import { PathwayScreen } from '../../../src/features/pathways/pathway-screen';
import { createAmira, makeHarness, type Harness } from '../municipality-harness';

const t = da.pathways;

/**
 * Amira's pathway with two transitions (one within 90 days), one held and minuted meeting
 * with three decisions: one within Sara's mandate, one for health while Peter was absent
 * (escalated), and a correction of the first.
 */
async function seed(h: Harness) {
  const pathway = await createAmira(h);
  await changePlan(h.services, pathway.id, {
    kind: 'add-transition',
    transition: { title: 'Start på ungdomsuddannelse', date: '2026-04-15', departmentIds: ['dep-job'] },
  });
  await changePlan(h.services, pathway.id, {
    kind: 'add-transition',
    transition: { title: 'Flytter i egen bolig', date: '2026-09-01', departmentIds: [] },
  });
  const meeting = await bookMeeting(h.services, {
    pathwayId: pathway.id,
    start: '2026-03-03T08:00:00.000Z',
    citizenInvitation: { mode: 'email', email: 'amira.hansen@example.dk' },
    outsideWindowReason: null,
    extraAgenda: [],
  });
  h.clock.set('2026-03-03T08:10:00.000Z');
  await checkIn(
    h.services,
    meeting.id,
    [
      { personId: 'p-mette', present: true, notice: false },
      { personId: 'p-peter', present: false, notice: false },
      { personId: 'p-sara', present: true, notice: false },
    ],
    true,
  );
  const base = { meetingId: meeting.id, goalId: null, dueDate: '2026-04-01', citizenPosition: 'agrees' as const, supersedes: null };
  await recordDecision(h.services, {
    ...base,
    decisionId: 'dec-1',
    text: 'Praktik i 4 uger',
    commitments: [{ departmentId: 'dep-job', amountDkk: 1000 }],
    responsibleId: 'p-sara',
  });
  h.clock.advance(60_000);
  await recordDecision(h.services, {
    ...base,
    decisionId: 'dec-2',
    text: 'Samtaleforløb hos sundhedsplejen',
    commitments: [{ departmentId: 'dep-health', amountDkk: 0 }],
    responsibleId: 'p-peter',
    citizenPosition: 'wants-time',
  });
  h.clock.advance(60_000);
  await recordDecision(h.services, {
    ...base,
    decisionId: 'dec-3',
    text: 'Praktik i 8 uger',
    commitments: [{ departmentId: 'dep-job', amountDkk: 2000 }],
    responsibleId: 'p-sara',
    supersedes: 'dec-1',
  });
  h.clock.set('2026-03-03T10:00:00.000Z');
  await approveMinutes(h.services, meeting.id);
  return { pathway, meeting };
}

describe('PathwayScreen', () => {
  it('shows the one plan: who, plan version, goals as quotes, transitions within 90 days, the team and mandates', async () => {
    const h = await makeHarness('p-mette');
    const { pathway } = await seed(h);
    await h.render(<PathwayScreen pathwayId={pathway.id} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Amira Hansen' })).toBeTruthy();
    const overview = screen.getByTestId('pathway-overview');
    expect(within(overview).getByText('SAG-2026-0142')).toBeTruthy();
    expect(within(overview).getByText('AH')).toBeTruthy();
    expect(within(overview).getByText(da.attendanceMode.teams)).toBeTruthy();
    expect(within(overview).getByText('Mette Sørensen')).toBeTruthy();
    expect(screen.getByTestId('plan-version').textContent).toBe(t.planVersion(3));

    const goals = screen.getByTestId('goals');
    expect(within(goals).getByRole('heading', { level: 2, name: t.goalsTitle })).toBeTruthy();
    expect(Array.from(goals.querySelectorAll('blockquote')).map((q) => q.textContent)).toEqual([
      '»Jeg vil gerne have et arbejde«',
      '»Jeg vil have ro på hjemme«',
    ]);

    const transitions = screen.getByTestId('transitions');
    const items = Array.from(transitions.querySelectorAll('li[data-transition-id]'));
    expect(items.map((i) => [i.querySelector('span')?.textContent, i.getAttribute('data-within-90')])).toEqual([
      ['Start på ungdomsuddannelse', 'true'],
      ['Flytter i egen bolig', 'false'],
    ]);
    expect(within(items[0] as HTMLElement).getByText(t.within90)).toBeTruthy();
    expect(within(items[1] as HTMLElement).queryByText(t.within90)).toBeNull();

    const team = screen.getByTestId('team');
    const rows = within(team).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows[0]?.slice(0, 3)).toEqual(['Mette Sørensen', 'Børn og Familie', t.role.coordinator]);
    expect(rows[1]).toEqual(['Peter Holm', 'Sundhed og Omsorg', t.role.member, t.noMandate]);
    expect(rows[2]?.[3]).toMatch(/^Virksomhedspraktik og mentor \(op til 5\.000\s?kr\. pr\. beslutning\)$/);
  });

  it('[R7] shows the decision log with escalations and superseded decisions marked "Erstattet"', async () => {
    const h = await makeHarness('p-mette');
    const { pathway } = await seed(h);
    await h.render(<PathwayScreen pathwayId={pathway.id} />);

    const log = await screen.findByTestId('decision-log');
    const entries = Array.from(log.querySelectorAll('li[data-decision-id]')).map((li) => ({
      id: li.getAttribute('data-decision-id'),
      status: li.getAttribute('data-status'),
      superseded: li.getAttribute('data-superseded'),
    }));
    expect(entries).toEqual([
      { id: 'dec-1', status: 'decided', superseded: 'true' },
      { id: 'dec-2', status: 'requires-leader-follow-up', superseded: 'false' },
      { id: 'dec-3', status: 'decided', superseded: 'false' },
    ]);
    const [first, second] = Array.from(log.querySelectorAll<HTMLElement>('li[data-decision-id]'));
    expect(within(first as HTMLElement).getByText(t.superseded)).toBeTruthy();
    expect(within(second as HTMLElement).getByText(da.decisionStatus['requires-leader-follow-up'])).toBeTruthy();
    expect(within(second as HTMLElement).getByText(da.escalation.MANDATE_MISSING('Sundhed og Omsorg'))).toBeTruthy();
    expect(within(second as HTMLElement).getByText(da.citizenPosition['wants-time'])).toBeTruthy();
    expect(within(second as HTMLElement).getByText('Peter Holm')).toBeTruthy();
    expect(within(second as HTMLElement).getByText('1. april 2026')).toBeTruthy();
  });

  it('opens at the decision a link names (a Teams notice, the leader review): marked, focused and in view', async () => {
    const h = await makeHarness('p-mette');
    const { pathway } = await seed(h);
    const scrolled: Element[] = [];
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    try {
      await h.render(<PathwayScreen pathwayId={pathway.id} decisionId="dec-2" />);
      const log = await screen.findByTestId('decision-log');
      const linked = log.querySelector<HTMLElement>('li[data-decision-id="dec-2"]');
      if (linked === null) throw new Error('dec-2 not shown');
      await waitFor(() => expect(document.activeElement).toBe(linked));
      expect(linked.getAttribute('aria-current')).toBe('true');
      expect(within(linked).getByText(t.linkedDecision)).toBeTruthy();
      expect(scrolled).toEqual([linked]);
      // Only that one is marked.
      expect(log.querySelectorAll('[aria-current]')).toHaveLength(1);
      expect(screen.queryByTestId('linked-decision-missing')).toBeNull();
    } finally {
      Element.prototype.scrollIntoView = original;
    }
  });

  it('says so when a link names a decision that is not in this plan, and still shows the plan', async () => {
    const h = await makeHarness('p-mette');
    const { pathway } = await seed(h);
    await h.render(<PathwayScreen pathwayId={pathway.id} decisionId="dec-from-another-plan" />);
    const missing = await screen.findByTestId('linked-decision-missing');
    expect(missing.textContent).toContain(t.linkedDecisionMissing);
    expect(missing.getAttribute('role')).toBe('alert');
    const log = screen.getByTestId('decision-log');
    expect(log.querySelectorAll('li[data-decision-id]')).toHaveLength(3);
    expect(log.querySelector('[aria-current]')).toBeNull();
  });

  it('lists meetings with links, and the minutes history with versions', async () => {
    const h = await makeHarness('p-mette');
    const { pathway, meeting } = await seed(h);
    await h.render(<PathwayScreen pathwayId={pathway.id} />);

    const meetings = await screen.findByTestId('meetings');
    const row = meetings.querySelector(`tr[data-meeting-id="${meeting.id}"]`) as HTMLElement;
    expect(row.getAttribute('data-status')).toBe('minuted');
    expect(within(row).getByText(da.meetingStatus.minuted)).toBeTruthy();
    const links = within(row).getAllByRole('link').map((a) => a.getAttribute('href'));
    expect(links).toEqual([`#/moede/${meeting.id}`, `#/moede/${meeting.id}/referat`]);
    expect(within(meetings).getByRole('link', { name: t.bookMeeting }).getAttribute('href')).toBe(
      `#/forloeb/${pathway.id}/book`,
    );

    const history = screen.getByTestId('minutes-history');
    expect(within(history).getByText(t.minutesVersion(1))).toBeTruthy();
    expect(within(history).getByRole('link', { name: /Vis referat/ }).getAttribute('href')).toBe(
      `#/moede/${meeting.id}/referat`,
    );
  });

  it('adds a goal in the citizen’s words as a new plan version, and refuses a CPR number', async () => {
    const h = await makeHarness('p-mette');
    const pathway = await createAmira(h);
    await h.render(<PathwayScreen pathwayId={pathway.id} />);
    const user = userEvent.setup();
    const goals = await screen.findByTestId('goals');
    expect(screen.getByTestId('plan-version').textContent).toBe(t.planVersion(1));

    await user.click(within(goals).getByRole('button', { name: t.addGoal }));
    const field = within(goals).getByRole('textbox', { name: new RegExp(t.newGoal) });
    expect(document.activeElement).toBe(field);
    await user.type(field, 'Mit CPR er 010190-1234');
    await user.click(within(goals).getByRole('button', { name: da.common.save }));
    expect(await within(goals).findByText(t.errors.cprText)).toBeTruthy();
    expect((await h.services.store.getPlan(pathway.id))?.version).toBe(1);

    await user.clear(field);
    await user.type(field, 'Jeg vil tage kørekort');
    await user.click(within(goals).getByRole('button', { name: da.common.save }));

    await waitFor(() => expect(screen.getByTestId('plan-version').textContent).toBe(t.planVersion(2)));
    expect(within(goals).getByText('»Jeg vil tage kørekort«')).toBeTruthy();
    expect(document.activeElement).toBe(within(goals).getByRole('button', { name: t.addGoal }));
    const plan = await h.services.store.getPlan(pathway.id);
    expect(plan?.goals.map((g) => g.text)).toEqual([
      'Jeg vil gerne have et arbejde',
      'Jeg vil have ro på hjemme',
      'Jeg vil tage kørekort',
    ]);
  });

  it('adds an effort for a department and shows it grouped under that department', async () => {
    const h = await makeHarness('p-mette');
    const pathway = await createAmira(h);
    await h.render(<PathwayScreen pathwayId={pathway.id} />);
    const user = userEvent.setup();
    const section = await screen.findByTestId('interventions');

    await user.click(within(section).getByRole('button', { name: t.addIntervention }));
    await user.selectOptions(within(section).getByRole('combobox', { name: new RegExp(t.department) }), 'dep-job');
    await user.type(within(section).getByRole('textbox', { name: new RegExp(`^${t.interventionTitle}`) }), 'Mentorordning');
    await user.type(within(section).getByLabelText(new RegExp(t.startDate)), '2026-03-10');
    await user.click(within(section).getByRole('button', { name: da.common.save }));

    const group = await waitFor(() => {
      const g = section.querySelector('[data-department-id="dep-job"]');
      if (!g) throw new Error('no group yet');
      return g as HTMLElement;
    });
    expect(within(group).getByRole('heading', { level: 3, name: 'Jobcenter' })).toBeTruthy();
    expect(within(group).getByText('Mentorordning')).toBeTruthy();
    const plan = await h.services.store.getPlan(pathway.id);
    expect(plan?.interventions).toEqual([
      { id: expect.any(String), departmentId: 'dep-job', title: 'Mentorordning', status: 'planned', startDate: '2026-03-10', endDate: null, goalId: null },
    ]);
  });
});
