import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { checkIn, recordDecision, saveCitizenView } from '../../../src/application';
import { MinutesScreen } from '../../../src/features/minutes/minutes-screen';
import { makeHarness, type Harness } from '../demo-harness';

const MEETING = 'meeting-emil-2';
const WAIT = { timeout: 4000 };

/** Emil's meeting, held: Jonas absent without notice, Nadia with notice, one escalated decision. */
async function holdMeeting(h: Harness) {
  await checkIn(
    h.services,
    MEETING,
    [
      { personId: 'staff-anders', present: true, notice: false },
      { personId: 'staff-nadia', present: false, notice: true },
      { personId: 'staff-jonas', present: false, notice: false },
      { personId: 'staff-camilla', present: true, notice: false },
    ],
    true,
  );
  await saveCitizenView(h.services, MEETING, 'Emil siger, at praktikken er det bedste, der er sket i år.');
  await recordDecision(h.services, {
    decisionId: 'decision-contact',
    meetingId: MEETING,
    text: 'Kontaktpersonen følger Emil til praktikstedet den første uge.',
    goalId: 'goal-emil-3',
    commitments: [{ departmentId: 'dept-social', amountDkk: 0 }],
    responsibleId: 'staff-jonas',
    dueDate: '2026-03-31',
    citizenPosition: 'agrees',
    supersedes: null,
  });
}

describe('MinutesScreen', () => {
  it('[R7] approving minutes twice shows version 2 of the one entry in the plan', async () => {
    const h = await makeHarness();
    const user = userEvent.setup();
    await holdMeeting(h);
    await h.render(<MinutesScreen meetingId={MEETING} />);

    expect((await screen.findByTestId('minutes-version', {}, WAIT)).textContent).toBe('Referatet er ikke godkendt endnu.');
    await user.click(screen.getByRole('button', { name: 'Godkend referat og skriv i planen' }));
    expect(await screen.findByText('Referatet er skrevet i borgerens plan (version 1)', {}, WAIT)).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('minutes-version').textContent).toBe('Godkendt version 1'), WAIT);

    await user.click(screen.getByRole('button', { name: 'Godkend igen (ny version)' }));
    expect(await screen.findByText('Referatet er skrevet i borgerens plan (version 2)', {}, WAIT)).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('minutes-version').textContent).toBe('Godkendt version 2'), WAIT);

    const written = await h.services.store.listMinutes('pathway-emil');
    expect(written.filter((m) => m.meetingId === MEETING).map((m) => m.version)).toEqual([2]);
    expect((await h.services.store.getMeeting(MEETING))?.status).toBe('minuted');
  });

  it("[R2][R5] shows absence without notice marked, and the citizen's perspective first among the contents", async () => {
    const h = await makeHarness();
    await holdMeeting(h);
    await h.render(<MinutesScreen meetingId={MEETING} />);

    const minutes = await screen.findByTestId('minutes', {}, WAIT);
    expect(within(minutes).getByTestId('absent-without-notice').textContent).toBe(
      'Fraværende uden afbud: Jonas Holm (Socialafdelingen)Der er mødepligt. Fravær uden afbud vises i ledelsesoversigten.',
    );
    const headings = within(minutes)
      .getAllByRole('heading', { level: 2 })
      .map((el) => el.textContent);
    expect(headings).toEqual([
      'Mødet',
      'Fremmøde',
      'Borgerens perspektiv',
      'Beslutninger',
      'Opgaver',
      'Kræver ledelsesopfølgning',
      'Næste møde',
      'Samtykke ved mødet',
    ]);
    // Rule 8: the consent that held at the meeting (the demo's: Skole og Uddannelse, Socialafdelingen, Jobcenter).
    expect(within(minutes).getByTestId('minutes-consent').textContent).toContain(
      'Afdelinger der deler oplysninger og deltager: Skole og Uddannelse (PPR/UU), Socialafdelingen, Jobcenter',
    );
    expect(within(minutes).getByText('Emil siger, at praktikken er det bedste, der er sket i år.')).toBeTruthy();
    const decisions = within(minutes).getByTestId('minutes-decisions');
    expect(within(decisions).getByText('Kontaktpersonen følger Emil til praktikstedet den første uge.')).toBeTruthy();
    expect(within(decisions).getByText('Enig')).toBeTruthy();
    expect(within(decisions).getByText('Jeg vil gerne komme i skole hver dag uden at have ondt i maven.')).toBeTruthy();
    const escalation = within(within(minutes).getByTestId('minutes-escalations')).getByRole('listitem');
    expect(within(escalation).getByText('Kontaktpersonen følger Emil til praktikstedet den første uge.')).toBeTruthy();
    expect(within(escalation).getByText('Ingen med mandat fra Socialafdelingen er til stede')).toBeTruthy();
    expect(within(minutes).getByText('Intet næste møde booket')).toBeTruthy();
  });

  it('[R1] shows the live calendar check before the minutes are written', async () => {
    const h = await makeHarness();
    await holdMeeting(h);
    const eventId = (await h.services.store.getMeeting(MEETING))?.calendarEventId;
    if (!eventId) throw new Error('the demo meeting has a calendar event');
    const event = await h.calendar.getEvent(eventId);
    // Someone made Jonas optional in Outlook.
    await h.calendar.updateEvent(eventId, {
      attendees: event.attendees.map((a) => ({
        email: a.email,
        name: a.name,
        kind: a.email === 'jonas.holm@kommune.example' ? 'optional' : 'required',
      })),
    });
    await h.render(<MinutesScreen meetingId={MEETING} />);

    const violations = await screen.findByTestId('violations', {}, WAIT);
    expect(violations.querySelector('[data-code="MEMBER_NOT_REQUIRED"]')?.textContent).toContain(
      'Der er mødepligt: Jonas Holm skal være påkrævet deltager.',
    );
  });
});
