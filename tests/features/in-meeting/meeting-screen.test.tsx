import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { checkIn, recordDecision } from '../../../src/application';
import { MeetingScreen } from '../../../src/features/in-meeting/meeting-screen';
import type { ActionNotice } from '../../../src/ports/notifier';
import { da } from '../../../src/ui/strings/da';
import { makeHarness, type Harness } from '../demo-harness';

// The demo's planned meeting with Emil. His team: Anders (Skole og Uddannelse, mandate up to
// 5.000 kr.), Nadia (no mandate), Jonas (Socialafdelingen, up to 25.000 kr.), Camilla
// (Jobcenter, up to 3.000 kr.).
const MEETING = 'meeting-emil-2';
const WAIT = { timeout: 4000 };

async function openMeeting(h: Harness) {
  const view = await h.render(<MeetingScreen meetingId={MEETING} />);
  await screen.findByTestId('checkin', {}, WAIT);
  await screen.findByRole('button', { name: 'Gem beslutning' }, WAIT);
  return view;
}

function personRow(name: string) {
  return within(screen.getByTestId('checkin')).getByRole('group', { name });
}

async function fillDecision(
  user: ReturnType<typeof userEvent.setup>,
  fields: { text: string; department: string; responsible: string; due: string; position: string },
) {
  const form = screen.getByTestId('decision-form');
  await user.type(within(form).getByRole('textbox', { name: /^Beslutning/ }), fields.text);
  await user.click(within(form).getByRole('checkbox', { name: fields.department }));
  await user.selectOptions(within(form).getByRole('combobox', { name: /^Ansvarlig/ }), fields.responsible);
  fireEvent.change(within(form).getByLabelText(/^Frist/), { target: { value: fields.due } });
  await user.click(within(form).getByRole('radio', { name: fields.position }));
}

describe('MeetingScreen', () => {
  it('[R6] a decision committing a department whose mandate holder is absent is shown as an escalation', async () => {
    const h = await makeHarness();
    const user = userEvent.setup();
    await openMeeting(h);

    // Everyone but Jonas, the Socialafdelingen's only mandate holder, is checked in.
    for (const name of ['Anders Østergaard', 'Nadia Poulsen', 'Camilla Nørgaard']) {
      await user.click(within(personRow(name)).getByRole('checkbox', { name: 'Til stede' }));
    }
    await waitFor(async () => {
      const stored = await h.services.store.getMeeting(MEETING);
      expect(stored?.attendance.filter((r) => r.present).map((r) => r.personId)).toEqual([
        'staff-anders',
        'staff-nadia',
        'staff-camilla',
      ]);
    }, WAIT);
    const social = within(screen.getByTestId('mandates')).getByText('Socialafdelingen').closest('li');
    expect(social).not.toBeNull();
    expect(within(social as HTMLElement).getByText('Intet mandat til stede')).toBeTruthy();

    await fillDecision(user, {
      text: 'Kontaktpersonen følger Emil til de første tre dage i praktik.',
      department: 'Socialafdelingen',
      responsible: 'staff-jonas',
      due: '2026-04-01',
      position: 'Enig',
    });
    // Said before it is saved, not discovered afterwards.
    expect(
      await within(screen.getByTestId('mandate-preview')).findByText(
        'Beslutningen registreres som kræver ledelsesopfølgning: Ingen med mandat fra Socialafdelingen er til stede',
        {},
        WAIT,
      ),
    ).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Gem beslutning' }));
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('Gemt'), WAIT);

    const list = screen.getByTestId('meeting-decisions');
    const item = (await within(list).findByText('Kontaktpersonen følger Emil til de første tre dage i praktik.', {}, WAIT)).closest(
      'li',
    ) as HTMLElement;
    expect(item.dataset.status).toBe('requires-leader-follow-up');
    expect(within(item).getByText('Kræver ledelsesopfølgning')).toBeTruthy();
    expect(within(item).getByText('Ingen med mandat fra Socialafdelingen er til stede')).toBeTruthy();
    expect(within(item).getByText('Enig')).toBeTruthy();
    expect(within(item).getByText('Jonas Holm')).toBeTruthy();

    const [stored] = await h.services.store.listDecisions({ meetingId: MEETING });
    expect(stored?.status).toBe('requires-leader-follow-up');
    expect(stored?.escalations).toEqual([{ code: 'MANDATE_MISSING', departmentId: 'dept-social' }]);
    // The form starts over for the next decision.
    expect((within(screen.getByTestId('decision-form')).getByRole('textbox', { name: /^Beslutning/ }) as HTMLTextAreaElement).value).toBe('');
  });

  it('[R7] a draft typed in the form is restored after unmount/remount, and saved once under its first id', async () => {
    const h = await makeHarness();
    const user = userEvent.setup();
    const first = await openMeeting(h);

    const form = screen.getByTestId('decision-form');
    await user.type(within(form).getByRole('textbox', { name: /^Beslutning/ }), 'Emil prøver et fritidsjob i to uger.');
    await user.click(within(form).getByRole('checkbox', { name: 'Jobcenter' }));
    await user.click(within(form).getByRole('radio', { name: 'Vil tænke over det' }));
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('Kladde gemt'), WAIT);
    const draft = await h.services.store.getDraft(MEETING, 'staff-anders');
    expect(draft?.text).toBe('Emil prøver et fritidsjob i to uger.');
    first.unmount();

    await openMeeting(h);
    const restored = screen.getByTestId('decision-form');
    expect((within(restored).getByRole('textbox', { name: /^Beslutning/ }) as HTMLTextAreaElement).value).toBe(
      'Emil prøver et fritidsjob i to uger.',
    );
    expect((within(restored).getByRole('checkbox', { name: 'Jobcenter' }) as HTMLInputElement).checked).toBe(true);
    expect((within(restored).getByRole('radio', { name: 'Vil tænke over det' }) as HTMLInputElement).checked).toBe(true);

    await user.selectOptions(within(restored).getByRole('combobox', { name: /^Ansvarlig/ }), 'staff-camilla');
    fireEvent.change(within(restored).getByLabelText(/^Frist/), { target: { value: '2026-03-31' } });
    await user.click(screen.getByRole('button', { name: 'Gem beslutning' }));
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('Gemt'), WAIT);

    const decisions = await h.services.store.listDecisions({ meetingId: MEETING });
    expect(decisions.map((d) => d.id)).toEqual([draft?.decisionId]);
    expect(await h.services.store.getDraft(MEETING, 'staff-anders')).toBeNull();
  });

  it('[R2] check-in is saved on change, and an absentee can be marked as having sent apologies', async () => {
    const h = await makeHarness();
    const user = userEvent.setup();
    await openMeeting(h);

    await user.click(within(personRow('Anders Østergaard')).getByRole('checkbox', { name: 'Til stede' }));
    await user.click(within(personRow('Nadia Poulsen')).getByRole('checkbox', { name: 'Meldt afbud' }));
    await user.click(within(screen.getByTestId('checkin')).getByRole('radio', { name: 'Ja' }));

    await waitFor(async () => {
      const stored = await h.services.store.getMeeting(MEETING);
      expect(stored?.attendance).toEqual([
        { personId: 'staff-anders', present: true, notice: false },
        { personId: 'staff-nadia', present: false, notice: true },
        { personId: 'staff-jonas', present: false, notice: false },
        { personId: 'staff-camilla', present: false, notice: false },
      ]);
      expect(stored?.citizenPresent).toBe(true);
      expect(stored?.status).toBe('held');
    }, WAIT);
    expect(await screen.findByText('Fremmøde gemt', {}, WAIT)).toBeTruthy();
  });

  it("[R5] the citizen's perspective is saved as it is typed", async () => {
    const h = await makeHarness();
    const user = userEvent.setup();
    await openMeeting(h);

    await user.type(
      within(screen.getByTestId('citizen-view')).getByRole('textbox', { name: /^Borgerens perspektiv/ }),
      'Emil vil gerne arbejde med hænderne.',
    );
    await waitFor(async () => {
      expect((await h.services.store.getMeeting(MEETING))?.citizenView).toBe('Emil vil gerne arbejde med hænderne.');
    }, WAIT);
  });

  it('[R7] "Ret" records a correction that supersedes the old decision, which stays, marked', async () => {
    const h = await makeHarness();
    const user = userEvent.setup();
    await checkIn(
      h.services,
      MEETING,
      ['staff-anders', 'staff-nadia', 'staff-jonas', 'staff-camilla'].map((personId) => ({ personId, present: true, notice: false })),
      true,
    );
    await recordDecision(h.services, {
      decisionId: 'decision-old',
      meetingId: MEETING,
      text: 'Emil får mentorstøtte to timer om ugen.',
      goalId: null,
      commitments: [{ departmentId: 'dept-employment', amountDkk: 0 }],
      responsibleId: 'staff-camilla',
      dueDate: '2026-04-15',
      citizenPosition: 'agrees',
      supersedes: null,
    });
    await openMeeting(h);

    await user.click(
      await screen.findByRole('button', { name: 'Ret beslutningen: Emil får mentorstøtte to timer om ugen.' }, WAIT),
    );
    const form = screen.getByTestId('decision-form');
    expect(within(form).getByRole('heading', { name: 'Ret beslutning' })).toBeTruthy();
    const text = within(form).getByRole('textbox', { name: /^Beslutning/ });
    expect(document.activeElement).toBe(text);
    await user.clear(text);
    await user.type(text, 'Emil får mentorstøtte tre timer om ugen.');
    await user.click(screen.getByRole('button', { name: 'Gem beslutning' }));
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('Gemt'), WAIT);

    const decisions = await h.services.store.listDecisions({ meetingId: MEETING });
    expect(decisions.map((d) => [d.id, d.text, d.supersedes])).toEqual([
      ['decision-old', 'Emil får mentorstøtte to timer om ugen.', null],
      [expect.any(String), 'Emil får mentorstøtte tre timer om ugen.', 'decision-old'],
    ]);
    const list = screen.getByTestId('meeting-decisions');
    await waitFor(() => {
      const old = within(list).getByText('Emil får mentorstøtte to timer om ugen.').closest('li') as HTMLElement;
      expect(old.dataset.superseded).toBe('true');
      expect(within(old).getByText('Erstattet af en rettelse')).toBeTruthy();
      expect(within(old).queryByRole('button', { name: /^Ret/ })).toBeNull();
    }, WAIT);
  });

  it('[R1] warns when the citizen was removed from the invitation in the calendar', async () => {
    const h = await makeHarness();
    const meeting = await h.services.store.getMeeting(MEETING);
    const eventId = meeting?.calendarEventId;
    if (!eventId) throw new Error('the demo meeting has a calendar event');
    const event = await h.calendar.getEvent(eventId);
    // Someone edits the invitation in Outlook: the citizen is taken off it.
    await h.calendar.updateEvent(eventId, {
      attendees: event.attendees
        .filter((a) => a.email !== 'emil.soerensen@borger.example')
        .map((a) => ({ email: a.email, name: a.name, kind: a.kind === 'optional' ? 'optional' : 'required' })),
    });
    await openMeeting(h);

    const invitation = screen.getByTestId('invitation');
    const violations = await within(invitation).findByTestId('violations', {}, WAIT);
    expect(within(violations).getByText('Invitationen er ændret i kalenderen')).toBeTruthy();
    expect(violations.querySelector('[data-code="CITIZEN_NOT_INVITED"]')).not.toBeNull();
    expect(within(invitation).getByRole('row', { name: /Anders Østergaard/ }).textContent).toContain('Har accepteret');
  });

  it('shows a decision another participant saved, re-read from the store on the signal', async () => {
    const h = await makeHarness();
    await openMeeting(h);
    await recordDecision(h.services, {
      decisionId: 'decision-elsewhere',
      meetingId: MEETING,
      text: 'Nadia holder tre samtaler med Emil om skolefravær.',
      goalId: 'goal-emil-3',
      commitments: [{ departmentId: 'dept-education', amountDkk: 0 }],
      responsibleId: 'staff-nadia',
      dueDate: '2026-04-20',
      citizenPosition: 'agrees',
      supersedes: null,
    });
    const other = h.services.channel.join(MEETING, 'staff-nadia');
    other.publish({ type: 'decision-saved', decisionId: 'decision-elsewhere' });
    other.close();
    expect(
      await within(screen.getByTestId('meeting-decisions')).findByText('Nadia holder tre samtaler med Emil om skolefravær.', {}, WAIT),
    ).toBeTruthy();
  });
  describe('the responsible person is told (a Teams activity notice), and the form says so', () => {
    async function saveFor(h: Harness, responsible: string) {
      const user = userEvent.setup();
      await openMeeting(h);
      await fillDecision(user, {
        text: 'Camilla finder tre praktikpladser, Emil kan vælge imellem.',
        department: 'Jobcenter',
        responsible,
        due: '2026-04-01',
        position: 'Enig',
      });
      await user.click(screen.getByRole('button', { name: 'Gem beslutning' }));
      await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('Gemt'), WAIT);
      return screen.getByTestId('responsible-notice');
    }

    it('says who was notified in Teams', async () => {
      const h = await makeHarness();
      const notices: ActionNotice[] = [];
      h.services.notifier = {
        kind: 'teams-activity',
        notifyActionAssigned: async (n) => {
          notices.push(n);
          return { status: 'sent' };
        },
      };
      const region = await saveFor(h, 'staff-camilla');
      expect(region.getAttribute('role')).toBe('status');
      expect(region.dataset.status).toBe('sent');
      expect(region.textContent).toBe(da.meeting.responsibleNotice.sent('Camilla Nørgaard'));
      expect(notices.map((n) => n.recipientId)).toEqual(['staff-camilla']);
    });

    it('warns when the notice could not be sent; the decision is saved all the same', async () => {
      const h = await makeHarness();
      h.services.notifier = { kind: 'teams-activity', notifyActionAssigned: () => Promise.reject(new Error('403 from Graph')) };
      const region = await saveFor(h, 'staff-camilla');
      expect(region.dataset.status).toBe('failed');
      expect(region.textContent).toBe(da.meeting.responsibleNotice.failed('Camilla Nørgaard'));
      expect((await h.services.store.listDecisions({ meetingId: MEETING })).map((d) => d.text)).toEqual([
        'Camilla finder tre praktikpladser, Emil kan vælge imellem.',
      ]);
    });

    it('says nothing when I made myself responsible', async () => {
      const h = await makeHarness();
      h.services.notifier = { kind: 'local', notifyActionAssigned: async () => ({ status: 'recorded-locally' }) };
      const mine = await saveFor(h, 'staff-anders');
      expect(mine.textContent).toBe('');
      expect(mine.dataset.status).toBeUndefined();
    });

    it('standalone: says that the demo sends no notice to Teams', async () => {
      const h = await makeHarness();
      h.services.notifier = { kind: 'local', notifyActionAssigned: async () => ({ status: 'recorded-locally' }) };
      const region = await saveFor(h, 'staff-camilla');
      expect(region.textContent).toBe(da.meeting.responsibleNotice['recorded-locally']('Camilla Nørgaard'));
    });
  });
});
