import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { changePlan } from '../../../src/application/pathways';
import { da } from '../../../src/ui/strings/da';
import { BookMeetingScreen } from '../../../src/features/book-meeting/book-meeting-screen';
import { createAmira, makeHarness, type Harness } from '../municipality-harness';

const t = da.booking;

beforeEach(() => {
  window.location.hash = '#/forloeb/x/book';
});

/** Amira's pathway with a transition within 90 days (April) and one beyond (September). */
async function seed(h: Harness) {
  const pathway = await createAmira(h);
  await changePlan(h.services, pathway.id, {
    kind: 'add-transition',
    transition: { title: 'Flytter i egen bolig', date: '2026-09-01', departmentIds: [] },
  });
  await changePlan(h.services, pathway.id, {
    kind: 'add-transition',
    transition: { title: 'Start på ungdomsuddannelse', date: '2026-04-15', departmentIds: ['dep-job'] },
  });
  return pathway;
}

async function renderScreen(h: Harness, pathwayId: string) {
  await h.render(<BookMeetingScreen pathwayId={pathwayId} />);
  // The first suggestion (Tuesday 3 March, 09:00 Copenhagen) is chosen once suggestions arrive.
  await waitFor(() => {
    const first = within(screen.getByTestId('time-choice')).getAllByRole('radio')[0] as HTMLInputElement;
    expect([first.value, first.checked]).toEqual(['2026-03-03T08:00:00.000Z', true]);
  });
  await screen.findByTestId('agenda-preview');
}

describe('BookMeetingScreen', () => {
  it('[R1] refuses to book when "Borgeren inviteres ikke" is chosen, explains why, and creates no meeting', async () => {
    const h = await makeHarness('p-mette');
    const pathway = await seed(h);
    await renderScreen(h, pathway.id);
    const user = userEvent.setup();

    await user.click(screen.getByRole('radio', { name: t.citizenNone }));
    await user.click(screen.getByRole('button', { name: t.book }));

    const violations = await screen.findByTestId('violations');
    expect(Array.from(violations.querySelectorAll('[data-code]')).map((e) => e.getAttribute('data-code'))).toEqual([
      'CITIZEN_NOT_INVITED',
    ]);
    expect(within(violations).getByText(da.violation.CITIZEN_NOT_INVITED)).toBeTruthy();
    // Focus moves to the refusal in an effect after it renders.
    await waitFor(() => expect(document.activeElement).toBe(violations.parentElement));
    expect(await h.services.store.listMeetings({ pathwayId: pathway.id })).toEqual([]);
    const busy = await h.services.calendar.getBusy(['mette.sorensen@kommune.example'], '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');
    expect(busy.get('mette.sorensen@kommune.example')).toEqual([]);
    expect(window.location.hash).toBe('#/forloeb/x/book');
  });

  it('[R1] [R2] books with the citizen invited by e-mail and the team as required attendees, then opens the meeting', async () => {
    const h = await makeHarness('p-mette');
    const pathway = await seed(h);
    await renderScreen(h, pathway.id);
    const user = userEvent.setup();

    const attendees = screen.getByTestId('required-attendees');
    expect(Array.from(attendees.querySelectorAll('li')).map((li) => li.getAttribute('data-person-id'))).toEqual([
      'p-mette',
      'p-peter',
      'p-sara',
    ]);
    expect(within(attendees).queryAllByRole('button')).toEqual([]);
    expect(screen.getByRole('radio', { name: t.citizenEmail })).toHaveProperty('checked', true);
    expect(screen.getByRole('textbox', { name: new RegExp(t.citizenEmailField) })).toHaveProperty('value', 'amira.hansen@example.dk');

    await user.click(screen.getByRole('button', { name: t.book }));

    await waitFor(() => expect(window.location.hash).toMatch(/^#\/moede\//));
    const meetings = await h.services.store.listMeetings({ pathwayId: pathway.id });
    expect(meetings).toHaveLength(1);
    const [meeting] = meetings;
    expect(window.location.hash).toBe(`#/moede/${meeting?.id}`);
    expect(meeting?.start).toBe('2026-03-03T08:00:00.000Z');
    expect(meeting?.end).toBe('2026-03-03T09:00:00.000Z');
    expect(meeting?.citizenInvitation).toEqual({ mode: 'email', email: 'amira.hansen@example.dk' });
    expect(meeting?.requiredAttendees.map((a) => a.personId)).toEqual(['p-mette', 'p-peter', 'p-sara']);
    expect(meeting?.outsideWindowReason).toBeNull();
    const event = await h.services.calendar.getEvent(meeting?.calendarEventId ?? '');
    expect(event.attendees.map((a) => [a.email, a.kind])).toEqual([
      ['mette.sorensen@kommune.example', 'required'],
      ['peter.holm@kommune.example', 'required'],
      ['sara.nielsen@kommune.example', 'required'],
      ['amira.hansen@example.dk', 'required'],
    ]);
    expect(event.isPrivate).toBe(true);
  });

  it('[R5] previews an agenda that starts with Borgerens perspektiv, then the goals, then transitions within 90 days, then own items', async () => {
    const h = await makeHarness('p-mette');
    const pathway = await seed(h);
    await renderScreen(h, pathway.id);
    const user = userEvent.setup();

    await user.type(screen.getByRole('textbox', { name: new RegExp(t.extraAgenda) }), 'Status på bolig');

    await waitFor(() =>
      expect(
        Array.from(screen.getByTestId('agenda-preview').querySelectorAll('li')).map((li) => [
          li.getAttribute('data-kind'),
          li.querySelector('span > span')?.textContent,
        ]),
      ).toEqual([
        ['citizen-perspective', 'Borgerens perspektiv'],
        ['goal', 'Jeg vil gerne have et arbejde'],
        ['goal', 'Jeg vil have ro på hjemme'],
        ['transition', 'Start på ungdomsuddannelse'],
        ['other', 'Status på bolig'],
      ]),
    );
    await user.click(screen.getByRole('button', { name: t.book }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/moede\//));
    const [meeting] = await h.services.store.listMeetings({ pathwayId: pathway.id });
    expect(meeting?.agenda.map((a) => a.title)).toEqual([
      'Borgerens perspektiv',
      'Jeg vil gerne have et arbejde',
      'Jeg vil have ro på hjemme',
      'Start på ungdomsuddannelse',
      'Status på bolig',
    ]);
  });

  it('[R4] shows exactly what reaches the calendar: a neutral subject and body, marked private', async () => {
    const h = await makeHarness('p-mette');
    const pathway = await seed(h);
    await renderScreen(h, pathway.id);

    const preview = screen.getByTestId('calendar-preview');
    expect(within(preview).getByTestId('calendar-subject').textContent).toBe('Tværfagligt teammøde (AH)');
    expect(within(preview).getByTestId('calendar-body').textContent).toBe(
      'Tværfagligt teammøde med borgeren. Dagsorden, borgerens plan og referat findes i Helhed.',
    );
    expect(within(preview).getByText(t.private)).toBeTruthy();
    expect(within(preview).getByText(t.planStays)).toBeTruthy();
    expect(preview.textContent).not.toContain('Amira');
  });

  it('[R3] names who is busy in a suggested time', async () => {
    const h = await makeHarness('p-mette');
    const pathway = await seed(h);
    // Sara is away for three weeks: every suggestion has someone busy, and says who.
    await h.calendar.putBusyBlocks([
      { id: 'away', email: 'sara.nielsen@kommune.example', start: '2026-03-02T00:00:00.000Z', end: '2026-03-25T00:00:00.000Z' },
    ]);
    await h.render(<BookMeetingScreen pathwayId={pathway.id} />);

    const group = await screen.findByTestId('time-choice');
    await waitFor(() => expect(within(group).getAllByRole('radio').length).toBeGreaterThan(1));
    const labels = within(group)
      .getAllByRole('radio')
      .map((r) => r.closest('.fui-Radio')?.textContent ?? '');
    expect(labels[0]).toMatch(/^tirsdag.*3\. marts.*09[.:]00–10[.:]00Optaget: Sara Nielsen$/);
    expect(labels.slice(0, -1).every((l) => l.endsWith(t.busy('Sara Nielsen')))).toBe(true);
    expect(labels.at(-1)).toBe(t.customTime);
  });

  it('[R3] asks for a reason for a time outside the meeting windows, and books with it', async () => {
    const h = await makeHarness('p-mette');
    const pathway = await seed(h);
    await renderScreen(h, pathway.id);
    const user = userEvent.setup();

    await user.click(screen.getByRole('radio', { name: t.customTime }));
    // Wednesday 4 March, 14:00 Copenhagen time: not a Tuesday or Thursday window.
    await user.type(screen.getByLabelText(new RegExp(t.customTimeField)), '2026-03-04T14:00');
    const reason = await screen.findByRole('textbox', { name: new RegExp(t.reason) });

    await user.click(screen.getByRole('button', { name: t.book }));
    const violations = await screen.findByTestId('violations');
    expect(Array.from(violations.querySelectorAll('[data-code]')).map((e) => e.getAttribute('data-code'))).toEqual([
      'OUTSIDE_MEETING_WINDOW',
    ]);
    expect(await h.services.store.listMeetings({ pathwayId: pathway.id })).toEqual([]);

    await user.type(reason, 'Borgeren kan kun om eftermiddagen');
    await user.click(screen.getByRole('button', { name: t.book }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/moede\//));
    const [meeting] = await h.services.store.listMeetings({ pathwayId: pathway.id });
    expect(meeting?.start).toBe('2026-03-04T13:00:00.000Z');
    expect(meeting?.outsideWindowReason).toBe('Borgeren kan kun om eftermiddagen');
  });

  it('records a citizen attending in person without an e-mail invitation', async () => {
    const h = await makeHarness('p-mette');
    const pathway = await seed(h);
    await renderScreen(h, pathway.id);
    const user = userEvent.setup();

    await user.click(screen.getByRole('radio', { name: t.citizenInPerson }));
    await user.click(screen.getByRole('button', { name: t.book }));

    await waitFor(() => expect(window.location.hash).toMatch(/^#\/moede\//));
    const [meeting] = await h.services.store.listMeetings({ pathwayId: pathway.id });
    expect(meeting?.citizenInvitation).toEqual({ mode: 'in-person' });
    const event = await h.services.calendar.getEvent(meeting?.calendarEventId ?? '');
    expect(event.attendees.map((a) => a.email)).not.toContain('amira.hansen@example.dk');
  });
});
