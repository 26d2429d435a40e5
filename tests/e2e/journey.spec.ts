/**
 * The whole journey of a sammenhængende borgerforløb in standalone mode, in one browser
 * context (one IndexedDB): create the pathway, register the citizen's consent (rule 8), be
 * refused a meeting without the citizen (rule 1), book one with a neutral invitation (rule 4), check in and decide with and without a
 * present mandate (rules 2 and 6), survive a reload mid-meeting (rule 7), approve the minutes
 * twice into one entry of the plan (rule 7), and find the escalation in the leader review.
 */
import { expect, test } from '@playwright/test';
import {
  actAs,
  decisionForm,
  decisionText,
  fillDecisionDetails,
  isoDateInDays,
  meetingDecision,
  openApp,
  pageHeading,
  saveDecision,
  t,
} from './support';

const citizen = {
  name: 'Sara Holm Jensen',
  initials: 'SHJ',
  caseRef: 'SAG-2026-0999',
  email: 'sara.jensen@borger.example',
  goals: ['Jeg vil gerne have en fast hverdag med noget at stå op til.', 'Jeg vil gerne i praktik på et værksted.'],
};

const staff = {
  me: { id: 'staff-mette', name: 'Mette Kjær Larsen', department: 'Socialafdelingen' },
  health: { id: 'staff-sofie', name: 'Sofie Brandt', department: 'Sundhed og Omsorg' },
  employment: { id: 'staff-camilla', name: 'Camilla Nørgaard', department: 'Jobcenter' },
  /** Leader of Jobcenter (and Skole og Uddannelse) in the demo data. */
  employmentLeader: 'staff-birgitte',
};

const decisions = {
  social: 'Sara får en kontaktperson to timer om ugen, som hjælper med at planlægge ugen.',
  health: 'Sara får en samtale med en sygeplejerske om søvn og medicin inden for to uger.',
  employment: 'Jobcentret finder en praktikplads på et værksted, ti timer om ugen.',
};

test('a pathway from creation to the leader review, in standalone mode', async ({ page }) => {
  test.slow(); // one long journey through every screen

  await test.step('create a pathway with the citizen, their goals and a team with mandates', async () => {
    await openApp(page, '#/forloeb');
    await page.getByRole('link', { name: t.pathways.newPathway }).click();
    await expect(pageHeading(page)).toHaveText(t.pathways.newTitle);

    await page.getByLabel(t.pathways.citizenName).fill(citizen.name);
    await page.getByLabel(t.pathways.initials).fill(citizen.initials);
    await page.getByLabel(t.pathways.caseRef).fill(citizen.caseRef);
    await page.getByLabel(t.pathways.email).fill(citizen.email);
    await page.getByRole('radio', { name: t.attendanceMode.teams }).check();
    await page.getByTestId('goals-input').fill(citizen.goals.join('\n'));

    // The tovholder (the current user) is in the team already; give them their mandate.
    const mine = page.locator(`[data-testid="team-member"][data-person-id="${staff.me.id}"]`);
    await expect(mine).toContainText(t.pathways.role.coordinator);
    await mine.getByRole('checkbox', { name: t.pathways.hasMandate }).check();
    await mine.getByLabel(t.pathways.mandateDescription).fill('Kontaktperson og bostøtte efter serviceloven');
    await mine.getByLabel(t.pathways.mandateMax).fill('30000');

    // The others are found through the staff search.
    for (const person of [staff.health, staff.employment]) {
      await page.getByLabel(t.pathways.findStaff).fill(person.name.split(' ')[0] ?? person.name);
      await page.getByTestId('staff-results').getByRole('button', { name: t.pathways.addPerson(person.name) }).click();
      const editor = page.locator(`[data-testid="team-member"][data-person-id="${person.id}"]`);
      await expect(editor).toBeVisible();
      await expect(editor.getByRole('combobox', { name: t.pathways.department })).toHaveValue(
        person === staff.health ? 'dept-health' : 'dept-employment',
      );
      await editor.getByRole('checkbox', { name: t.pathways.hasMandate }).check();
      await editor.getByLabel(t.pathways.mandateDescription).fill(
        person === staff.health ? 'Sygepleje og genoptræning' : 'Praktik og mentorstøtte',
      );
      await editor.getByLabel(t.pathways.mandateMax).fill('10000');
    }
    await expect(page.getByTestId('team-member')).toHaveCount(3);

    await page.getByRole('button', { name: t.pathways.create }).click();
    await expect(pageHeading(page)).toHaveText(citizen.name);
    await expect(page).toHaveURL(/#\/forloeb\/[^/]+$/);
    const goals = page.getByTestId('goals');
    for (const goal of citizen.goals) await expect(goals).toContainText(goal);
    const team = page.getByTestId('team');
    for (const person of [staff.me, staff.health, staff.employment]) await expect(team).toContainText(person.name);
    await expect(page.getByTestId('meetings')).toContainText(t.pathways.noMeetings);
  });
  const pathwayUrl = page.url();

  await test.step('register the citizen\'s consent for the three departments (rule 8)', async () => {
    const consent = page.getByTestId('consent');
    await expect(consent.getByTestId('consent-status')).toContainText(t.consent.status.missing);
    await consent.getByRole('button', { name: t.consent.register }).click();
    const form = consent.getByTestId('consent-form');
    await form.getByRole('radio', { name: t.consent.form.written }).check();
    for (const department of [staff.me.department, staff.health.department, staff.employment.department]) {
      await form.getByRole('checkbox', { name: department, exact: true }).check();
    }
    await form.getByRole('checkbox', { name: t.consent.replacedPlan.jobplan }).check();
    await form.getByRole('button', { name: t.common.save }).click();
    await expect(consent.getByTestId('consent-status')).toContainText(t.consent.status.valid);
    await expect(consent.getByTestId('consent-scope').getByRole('listitem')).toHaveCount(3);
  });

  await test.step('booking without the citizen is refused and books nothing (rule 1)', async () => {
    await page.getByRole('link', { name: t.pathways.bookMeeting }).first().click();
    await expect(pageHeading(page)).toHaveText(t.booking.titleFor(citizen.name));
    // Wait for the suggested times, so the refusal is about the citizen and not the time.
    await expect(page.getByTestId('time-choice').getByRole('radio').first()).toBeVisible();
    await expect(page.getByTestId('time-choice').getByRole('radio')).not.toHaveCount(1);

    await page.getByRole('radio', { name: t.booking.citizenNone }).check();
    await page.getByRole('button', { name: t.booking.book }).click();
    const refusal = page.getByTestId('violations').locator('[data-code="CITIZEN_NOT_INVITED"]');
    await expect(refusal).toBeVisible();
    // Refused for the citizen alone: consent, team and time are in order.
    await expect(page.getByTestId('violations').locator('[data-code]')).toHaveCount(1);
    await expect(refusal).toContainText(t.violation.CITIZEN_NOT_INVITED);
    await expect(refusal).toContainText(t.booking.refused);
    await expect(page).toHaveURL(/\/book$/);

    // Nothing was booked: the pathway still has no meetings.
    await page.getByRole('link', { name: t.booking.backToPathway }).click();
    await expect(pageHeading(page)).toHaveText(citizen.name);
    await expect(page.getByTestId('meetings')).toContainText(t.pathways.noMeetings);
  });

  let meetingUrl = '';
  await test.step('book with the citizen invited by e-mail at a suggested time; the invitation is neutral (rule 4)', async () => {
    await page.getByRole('link', { name: t.pathways.bookMeeting }).first().click();
    await expect(pageHeading(page)).toHaveText(t.booking.titleFor(citizen.name));

    await page.getByRole('radio', { name: t.booking.citizenEmail }).check();
    await expect(page.getByLabel(t.booking.citizenEmailField)).toHaveValue(citizen.email);
    const suggested = page.getByTestId('time-choice').getByRole('radio').first();
    await expect(suggested).not.toHaveAccessibleName(t.booking.customTime);
    await suggested.check();

    // What the calendar gets: a neutral subject with the initials, nothing else about the citizen.
    const subject = page.getByTestId('calendar-subject');
    await expect(subject).toHaveText(`Tværfagligt teammøde (${citizen.initials})`);
    const preview = page.getByTestId('calendar-preview');
    await expect(preview).toContainText(t.booking.private);
    const previewText = (await preview.innerText()).toLowerCase();
    for (const secret of [citizen.name, ...citizen.name.split(' '), citizen.email, citizen.caseRef, ...citizen.goals]) {
      expect(previewText, `the calendar preview must not contain "${secret}"`).not.toContain(secret.toLowerCase());
    }
    // The agenda starts with the citizen (rule 5).
    await expect(page.getByTestId('agenda-preview').getByRole('listitem').first()).toContainText(
      t.booking.citizenPerspective,
    );

    await page.getByRole('button', { name: t.booking.book }).click();
    await expect(page).toHaveURL(/#\/moede\/[^/]+$/);
    await expect(pageHeading(page)).toHaveText(t.meeting.title);
    await expect(page.getByText(t.meeting.citizen(citizen.initials, citizen.caseRef))).toBeVisible();
    meetingUrl = page.url();
  });

  await test.step('check in: the citizen, the tovholder and health are here, employment is not (rule 2)', async () => {
    const checkin = page.getByTestId('checkin');
    for (const person of [staff.me, staff.health]) {
      await checkin.getByRole('group', { name: person.name }).getByRole('checkbox', { name: t.meeting.present }).check();
    }
    await expect(
      checkin.getByRole('group', { name: staff.employment.name }).getByRole('checkbox', { name: t.meeting.present }),
    ).not.toBeChecked();
    await checkin.getByRole('radio', { name: t.meeting.citizenPresentYes, exact: true }).check();
    await expect(checkin.getByRole('status')).toHaveText(t.meeting.checkinSaved);

    const mandates = page.getByTestId('mandates');
    await expect(mandates.locator('[data-department="dept-employment"]')).toContainText(t.meeting.mandateMissing);
    await expect(mandates.locator('[data-department="dept-health"]')).toContainText(t.meeting.mandatePresent);
    await expect(mandates.locator('[data-department="dept-social"]')).toContainText(t.meeting.mandatePresent);
  });

  await test.step('two decisions with a present mandate are decided', async () => {
    const social = await saveDecision(page, {
      text: decisions.social,
      goal: citizen.goals[0],
      departments: [staff.me.department],
      responsibleId: staff.me.id,
      dueDate: isoDateInDays(30),
      position: 'agrees',
    });
    await expect(social).toHaveAttribute('data-status', 'decided');
    const health = await saveDecision(page, {
      text: decisions.health,
      departments: [staff.health.department],
      responsibleId: staff.health.id,
      dueDate: isoDateInDays(14),
      position: 'wants-time',
    });
    await expect(health).toHaveAttribute('data-status', 'decided');
    await expect(health).toContainText(t.decisionStatus.decided);
  });

  const halfTyped = decisions.employment.slice(0, 30);
  await test.step('a half-typed decision and the saved ones survive a reload (rule 7)', async () => {
    await decisionText(page).fill(halfTyped);
    // The draft is stored after a pause in typing; the form says so.
    await expect(decisionForm(page).getByTestId('save-state')).toHaveText(t.meeting.saveState.draftSaved);

    await page.reload();
    await expect(pageHeading(page)).toHaveText(t.meeting.title);
    await expect(decisionText(page)).toHaveValue(halfTyped);
    await expect(meetingDecision(page, decisions.social)).toBeVisible();
    await expect(meetingDecision(page, decisions.health)).toBeVisible();
    await expect(page.getByTestId('meeting-decisions').locator('li[data-decision-id]')).toHaveCount(2);
    // Check-in was stored too.
    await expect(
      page.getByTestId('checkin').getByRole('group', { name: staff.health.name }).getByRole('checkbox', { name: t.meeting.present }),
    ).toBeChecked();
  });

  await test.step('a decision committing the absent department is recorded as an escalation (rule 6)', async () => {
    await decisionText(page).fill(decisions.employment);
    await fillDecisionDetails(page, {
      goal: citizen.goals[1],
      departments: [staff.employment.department],
      responsibleId: staff.employment.id,
      dueDate: isoDateInDays(21),
      position: 'agrees',
    });
    // The form warns before saving.
    await expect(page.getByTestId('mandate-preview')).toContainText(
      t.escalation.MANDATE_MISSING(staff.employment.department),
    );
    await decisionForm(page).getByRole('button', { name: t.meeting.save }).click();
    const escalated = meetingDecision(page, decisions.employment);
    await expect(escalated).toHaveAttribute('data-status', 'requires-leader-follow-up');
    await expect(escalated).toContainText(t.decisionStatus['requires-leader-follow-up']);
    await expect(escalated).toContainText(t.escalation.MANDATE_MISSING(staff.employment.department));
    await expect(page.getByTestId('meeting-decisions').locator('li[data-decision-id]')).toHaveCount(3);
    await expect(decisionText(page)).toHaveValue('');
  });

  await test.step('approve the minutes: version 1, with attendance, decisions and the escalation', async () => {
    await page.getByRole('link', { name: t.meeting.toMinutes }).click();
    await expect(pageHeading(page)).toHaveText(t.minutes.title);
    await expect(page.getByTestId('minutes-version')).toHaveText(t.minutes.notApproved);

    const minutes = page.getByTestId('minutes');
    await expect(minutes.getByTestId('minutes-decisions').getByRole('listitem')).toHaveCount(3);
    for (const text of Object.values(decisions)) await expect(minutes.getByTestId('minutes-decisions')).toContainText(text);
    await expect(minutes.getByTestId('absent-without-notice')).toContainText(staff.employment.name);
    await expect(minutes.getByTestId('minutes-meeting')).toContainText(t.minutes.citizenPresent);
    await expect(minutes.getByTestId('minutes-escalations')).toContainText(decisions.employment);

    await page.getByRole('button', { name: t.minutes.approve }).click();
    await expect(page.getByTestId('minutes-version')).toHaveText(t.minutes.approvedVersion(1));
    await expect(page.getByText(t.minutes.approved(1))).toBeVisible();
  });

  await test.step('the plan holds the minutes and the three decisions', async () => {
    await page.getByRole('link', { name: t.minutes.backToMeeting }).click();
    await page.getByRole('link', { name: t.meeting.backToPathway }).click();
    await expect(pageHeading(page)).toHaveText(citizen.name);
    expect(page.url()).toBe(pathwayUrl);

    const log = page.getByTestId('decision-log');
    await expect(log.locator('li[data-decision-id]')).toHaveCount(3);
    for (const text of Object.values(decisions)) await expect(log).toContainText(text);
    await expect(log.locator('li[data-decision-id]').filter({ hasText: decisions.employment })).toHaveAttribute(
      'data-status',
      'requires-leader-follow-up',
    );

    const history = page.getByTestId('minutes-history');
    await expect(history.getByRole('row')).toHaveCount(2); // header + one entry
    await expect(history).toContainText(t.pathways.minutesVersion(1));
    await expect(page.getByTestId('meetings').locator('[data-status="minuted"]')).toHaveCount(1);
  });

  await test.step('approving again makes version 2 of the same entry', async () => {
    await page.getByTestId('minutes-history').getByRole('link', { name: new RegExp(t.pathways.showMinutes) }).click();
    await expect(pageHeading(page)).toHaveText(t.minutes.title);
    await expect(page.getByTestId('minutes-version')).toHaveText(t.minutes.approvedVersion(1));
    await page.getByRole('button', { name: t.minutes.approveAgain }).click();
    await expect(page.getByTestId('minutes-version')).toHaveText(t.minutes.approvedVersion(2));

    await page.getByRole('link', { name: t.minutes.backToMeeting }).click();
    expect(page.url()).toBe(meetingUrl);
    await page.getByRole('link', { name: t.meeting.backToPathway }).click();
    const history = page.getByTestId('minutes-history');
    await expect(history.getByRole('row')).toHaveCount(2);
    await expect(history).toContainText(t.pathways.minutesVersion(2));
    await expect(history).not.toContainText(t.pathways.minutesVersion(1));
    await expect(page.getByTestId('decision-log').locator('li[data-decision-id]')).toHaveCount(3);
  });

  await test.step('the leader of the escalated department sees the escalation', async () => {
    await actAs(page, staff.employmentLeader);
    await page.getByRole('navigation', { name: t.shell.nav }).getByRole('link', { name: t.shell.leader }).click();
    await expect(pageHeading(page)).toHaveText(t.leader.title);
    const escalations = page.getByTestId('leader-escalations');
    const item = escalations.locator('li[data-decision-id]').filter({ hasText: decisions.employment });
    await expect(item).toBeVisible();
    await expect(item).toContainText(t.escalation.MANDATE_MISSING(staff.employment.department));
    await expect(item).toContainText(t.leader.citizenLink(citizen.initials, citizen.caseRef));
    // Decisions taken with a present mandate are not escalations.
    await expect(escalations).not.toContainText(decisions.social);
    await expect(escalations).not.toContainText(decisions.health);
  });
});
