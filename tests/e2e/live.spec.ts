/**
 * Two participants' tabs on one meeting in the same browser (one IndexedDB, one
 * BroadcastChannel): what one saves shows up in the other without a reload.
 */
import { expect, test } from '@playwright/test';
import { isoDateInDays, meetingDecision, openApp, pageHeading, saveDecision, t } from './support';

/** The demo's planned meeting with Emil (src/demo/demo-data.ts). */
const MEETING = '#/moede/meeting-emil-2';

test('a decision saved in one tab appears in the other tab of the same meeting without reload', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await openApp(first, MEETING);
  await openApp(second, MEETING);
  for (const page of [first, second]) {
    await expect(pageHeading(page)).toHaveText(t.meeting.title);
    await expect(page.getByTestId('meeting-decisions')).toContainText(t.meeting.decisionsEmpty);
  }

  const fromFirst = 'Emil får en mentor på erhvervsskolen fra første skoledag.';
  await saveDecision(first, {
    text: fromFirst,
    departments: ['Skole og Uddannelse (PPR/UU)'],
    responsibleId: 'staff-anders',
    dueDate: isoDateInDays(20),
    position: 'agrees',
  });
  await expect(meetingDecision(second, fromFirst)).toBeVisible();

  // And the other way round, with check-in too.
  const fromSecond = 'Jobcentret kontakter to værksteder om en praktikplads til Emil.';
  await saveDecision(second, {
    text: fromSecond,
    departments: ['Jobcenter'],
    responsibleId: 'staff-camilla',
    dueDate: isoDateInDays(10),
    position: 'wants-time',
  });
  await expect(meetingDecision(first, fromSecond)).toBeVisible();

  await second
    .getByTestId('checkin')
    .getByRole('group', { name: 'Nadia Poulsen' })
    .getByRole('checkbox', { name: t.meeting.present })
    .check();
  await expect(
    first.getByTestId('checkin').getByRole('group', { name: 'Nadia Poulsen' }).getByRole('checkbox', { name: t.meeting.present }),
  ).toBeChecked();

  // Both tabs show the same two decisions, once each.
  for (const page of [first, second]) {
    await expect(page.getByTestId('meeting-decisions').locator('li[data-decision-id]')).toHaveCount(2);
  }
});
