/**
 * The meeting stage (issue 5): it follows the presenter in the side panel (ids on the channel,
 * everything else re-read from the store), asks the citizen "Er du enig?" and shows the answer
 * the tovholder records, in plain words, without internal details, and works on its own.
 */
import { cleanup, fireEvent, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { MeetingScreen } from '../../../src/features/in-meeting/meeting-screen';
import { StageScreen } from '../../../src/features/stage/stage-screen';
import { renderWithSession } from '../../support/harness';
import { makeHarness, type Harness } from '../demo-harness';

const MEETING = 'meeting-emil-2';
const WAIT = { timeout: 4000 };
const PROPOSAL = 'Emil får en kontaktperson, der går med ham de første tre dage i praktik.';

async function openPanel(h: Harness) {
  const panel = (await h.render(<MeetingScreen meetingId={MEETING} />)).container;
  await within(panel).findByRole('button', { name: 'Gem beslutning' }, WAIT);
  return panel;
}

async function openStage(h: Harness) {
  // The stage is another frame (another participant's client): its own session on the channel.
  const stage = renderWithSession(await h.session(), <StageScreen meetingId={MEETING} />).container;
  await within(stage).findByRole('heading', { level: 1, name: 'Emil Sørensens plan' }, WAIT);
  return stage;
}

describe('StageScreen', () => {
  afterEach(() => cleanup());

  it('[Stage] follows the presenter: the proposal in plain words, "Er du enig?", and the answer the tovholder records', async () => {
    const h = await makeHarness();
    const user = userEvent.setup();
    const panel = await openPanel(h);
    const stage = await openStage(h);
    expect(within(stage).queryByTestId('stage-now')).toBeNull();

    const form = within(panel).getByTestId('decision-form');
    await user.type(within(form).getByRole('textbox', { name: /^Beslutning/ }), PROPOSAL);
    await user.clear(within(form).getByRole('textbox', { name: /^Beløb/ }));
    await user.type(within(form).getByRole('textbox', { name: /^Beløb/ }), '20000');
    const present = within(form).getByRole('button', { name: 'Vis forslaget på skærmen' });
    expect(present.getAttribute('aria-pressed')).toBe('false');
    await user.click(present);
    // The draft is stored first, then the stage is told.
    await waitFor(() => expect(present.getAttribute('aria-pressed')).toBe('true'), WAIT);

    const now = await within(stage).findByTestId('stage-now', {}, WAIT);
    await waitFor(() => expect(within(now).getByTestId('stage-now-text').textContent).toBe(PROPOSAL), WAIT);
    expect(within(now).getByTestId('stage-now-kind').textContent).toBe('Forslag');
    expect(within(now).getByRole('heading', { name: 'Er du enig?' })).toBeTruthy();
    expect(within(now).getByTestId('stage-now-answer').textContent).toBe('Dit svar er ikke skrevet ned endnu.');
    // Announced politely on the stage when it changes.
    expect(within(stage).getByTestId('stage-now-region').getAttribute('aria-live')).toBe('polite');

    // The tovholder writes the citizen's answer in the side panel; the stage shows it.
    await user.click(within(form).getByRole('radio', { name: 'Enig' }));
    await waitFor(() => expect(within(stage).getByTestId('stage-now-answer').textContent).toBe('Dit svar: Ja, jeg er enig.'), WAIT);

    // Saved as a decision, it is what was agreed.
    await user.click(within(form).getByRole('checkbox', { name: 'Socialafdelingen' }));
    await user.selectOptions(within(form).getByRole('combobox', { name: /^Ansvarlig/ }), 'staff-jonas');
    fireEvent.change(within(form).getByLabelText(/^Frist/), { target: { value: '2026-04-01' } });
    await user.click(within(form).getByRole('button', { name: 'Gem beslutning' }));
    await waitFor(() => expect(within(stage).getByTestId('stage-now-kind').textContent).toBe('Aftalt'), WAIT);
    expect(within(stage).getByTestId('stage-now-text').textContent).toBe(PROPOSAL);
    expect(within(stage).getByTestId('stage-now-answer').textContent).toBe('Dit svar: Ja, jeg er enig.');

    // No internal details on the shared screen: no amount, mandate, escalation or case reference.
    const shown = stage.textContent ?? '';
    for (const internal of ['20.000', '20000', 'ledelsesopfølgning', 'mandat', 'SAG-2026-0412', 'ES (']) {
      expect(shown).not.toContain(internal);
    }
  });

  it('[Stage] a stage opened after something was presented asks, and shows it', async () => {
    const h = await makeHarness();
    const user = userEvent.setup();
    const panel = await openPanel(h);
    const form = within(panel).getByTestId('decision-form');
    await user.type(within(form).getByRole('textbox', { name: /^Beslutning/ }), PROPOSAL);
    await user.click(within(form).getByRole('button', { name: 'Vis forslaget på skærmen' }));

    const stage = await openStage(h);
    await waitFor(() => expect(within(stage).getByTestId('stage-now-text').textContent).toBe(PROPOSAL), WAIT);
  });

  it('[Stage] a recorded decision shown from the list, and taken off again', async () => {
    const h = await makeHarness();
    const user = userEvent.setup();
    const panel = await openPanel(h);
    const stage = await openStage(h);
    const form = within(panel).getByTestId('decision-form');
    await user.type(within(form).getByRole('textbox', { name: /^Beslutning/ }), PROPOSAL);
    await user.click(within(form).getByRole('checkbox', { name: 'Socialafdelingen' }));
    await user.selectOptions(within(form).getByRole('combobox', { name: /^Ansvarlig/ }), 'staff-jonas');
    fireEvent.change(within(form).getByLabelText(/^Frist/), { target: { value: '2026-04-01' } });
    await user.click(within(form).getByRole('radio', { name: 'Vil tænke over det' }));
    await user.click(within(form).getByRole('button', { name: 'Gem beslutning' }));

    const show = await within(within(panel).getByTestId('meeting-decisions')).findByRole(
      'button',
      { name: `Vis på skærmen: ${PROPOSAL}` },
      WAIT,
    );
    await user.click(show);
    await waitFor(() => expect(within(stage).getByTestId('stage-now-kind').textContent).toBe('Aftalt'), WAIT);
    expect(within(stage).getByTestId('stage-now-answer').textContent).toBe('Dit svar: Jeg vil tænke over det.');

    await user.click(show);
    expect(show.getAttribute('aria-pressed')).toBe('false');
    await waitFor(() => expect(within(stage).queryByTestId('stage-now')).toBeNull(), WAIT);
  });

  it('[Stage] an agenda item put on the stage from the side panel is named there', async () => {
    const h = await makeHarness();
    const user = userEvent.setup();
    const panel = await openPanel(h);
    const stage = await openStage(h);
    const goal = 'Jeg vil gerne starte på tømreruddannelsen efter sommerferien.';
    await user.click(within(within(panel).getByTestId('agenda')).getByRole('button', { name: `Vis på skærmen: ${goal}` }));
    const now = await within(stage).findByTestId('stage-now', {}, WAIT);
    expect(now.textContent).toContain(`Punkt på dagsordenen: ${goal}`);
    expect(within(now).queryByText('Er du enig?')).toBeNull();
  });

  it('[Stage] usable without the side panel: the goals and what was agreed, in large type, nothing presented', async () => {
    const h = await makeHarness();
    const stage = await openStage(h);
    expect(within(stage).getByRole('heading', { name: 'Det vil jeg gerne' })).toBeTruthy();
    expect(stage.textContent).toContain('Jeg vil gerne starte på tømreruddannelsen efter sommerferien.');
    expect(stage.textContent).toContain('Jobcentret hjælper Emil med at finde et fritidsjob i lokalområdet, højst 8 timer om ugen.');
    expect(within(stage).queryByTestId('stage-now')).toBeNull();
    expect(stage.textContent).not.toContain('SAG-2026-0412');
  });
});
