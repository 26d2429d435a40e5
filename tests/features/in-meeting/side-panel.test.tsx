/**
 * The in-meeting side panel in Teams mode (issue 5): the saving state ("Gemt", "Venter på
 * forbindelse", "Konflikt") always on screen and in a polite live region, decisions and drafts
 * that survive a lost connection and a reload and are sent exactly once, two people saving at
 * the same moment, and "Book næste møde".
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { BroadcastMeetingChannel } from '../../../src/adapters/local/broadcast-meeting-channel';
import { LocalDirectory } from '../../../src/adapters/local/local-directory';
import type { MeetingSignal } from '../../../src/ports/meeting-channel';
import { DEMO_STAFF } from '../../../src/demo/demo-data';
import { BookMeetingScreen } from '../../../src/features/book-meeting/book-meeting-screen';
import { MeetingScreen } from '../../../src/features/in-meeting/meeting-screen';
import { renderWithSession } from '../../support/harness';
import { da } from '../../../src/ui/strings/da';
import { makeHarness } from '../demo-harness';
import { connection, outboxDevice } from './connection';

const MEETING = 'meeting-emil-2';
const WAIT = { timeout: 4000 };
const TEXT = 'Jonas finder en kontaktperson, der følger Emil de første dage i praktik.';

async function fillDecision(user: ReturnType<typeof userEvent.setup>, root: HTMLElement, text = TEXT, responsible = 'staff-jonas') {
  const form = within(root).getByTestId('decision-form');
  await user.type(within(form).getByRole('textbox', { name: /^Beslutning/ }), text);
  await user.click(within(form).getByRole('checkbox', { name: 'Socialafdelingen' }));
  await user.selectOptions(within(form).getByRole('combobox', { name: /^Ansvarlig/ }), responsible);
  fireEvent.change(within(form).getByLabelText(/^Frist/), { target: { value: '2026-04-01' } });
  await user.click(within(form).getByRole('radio', { name: 'Enig' }));
}

const syncState = () => screen.getByTestId('sync-state');

describe('the side panel in Teams mode (outbox)', () => {
  // A fresh device (its own outbox database) per test.
  let device = outboxDevice();
  afterEach(() => {
    cleanup();
    device.close();
    device = outboxDevice();
  });

  it('[R7] a decision saved without a connection shows "Venter på forbindelse" (polite) and is sent exactly once when the connection returns', async () => {
    const h = await makeHarness();
    const server = connection(h.services.store);
    const { session } = await device.openPanelSession(h, server.store);
    const user = userEvent.setup();
    renderWithSession(session, <MeetingScreen meetingId={MEETING} />);
    await screen.findByRole('button', { name: 'Gem beslutning' }, WAIT);
    // Nothing waits: the state says so, in a polite live region.
    expect(syncState().getAttribute('role')).toBe('status');
    expect(syncState().getAttribute('aria-live')).toBe('polite');
    expect(syncState().textContent).toBe('Gemt');

    await fillDecision(user, document.body);
    server.control.mode = 'offline';
    await user.click(screen.getByRole('button', { name: 'Gem beslutning' }));

    await waitFor(() => expect(syncState().textContent).toContain('Venter på forbindelse'), WAIT);
    await waitFor(
      () =>
        expect(screen.getByTestId('save-state').textContent).toBe(
          'Venter på forbindelse. Beslutningen er gemt på denne enhed og sendes én gang, når forbindelsen er tilbage.',
        ),
      WAIT,
    );
    // Kept: the form still holds the decision; nothing reached the store.
    expect((screen.getByRole('textbox', { name: /^Beslutning/ }) as HTMLTextAreaElement).value).toBe(TEXT);
    expect(await h.services.store.listDecisions({ meetingId: MEETING })).toEqual([]);

    server.control.mode = 'online';
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    const list = screen.getByTestId('meeting-decisions');
    await within(list).findByText(TEXT, {}, WAIT);
    await waitFor(() => expect(syncState().textContent).toBe('Gemt'), WAIT);
    expect(screen.getByTestId('save-state').textContent).toBe('Gemt');
    const stored = await h.services.store.listDecisions({ meetingId: MEETING });
    expect(stored.map((d) => d.text)).toEqual([TEXT]);
    expect(server.reached.get('appendDecisions')).toBe(1);
    // A second "online" (or the interval) sends nothing more.
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(server.reached.get('appendDecisions')).toBe(1);
    expect(await h.services.store.getDraft(MEETING, 'staff-anders')).toBeNull();
  });

  it('[R7] a decision the outbox kept (writes failing) is announced to the others again when it is confirmed, so they see it without a reload', async () => {
    const h = await makeHarness();
    const server = connection(h.services.store);
    const { session, store } = await device.openPanelSession(h, server.store);
    // Another participant's side panel, listening on the meeting's channel.
    const heard: MeetingSignal[] = [];
    const other = new BroadcastMeetingChannel().join(MEETING, 'staff-jonas');
    other.subscribe((signal) => heard.push(signal));
    try {
      const user = userEvent.setup();
      renderWithSession(session, <MeetingScreen meetingId={MEETING} />);
      await screen.findByRole('button', { name: 'Gem beslutning' }, WAIT);
      await fillDecision(user, document.body);
      server.control.mode = 'writes-fail';
      await user.click(screen.getByRole('button', { name: 'Gem beslutning' }));
      await waitFor(() => expect(syncState().textContent).toContain('Venter på forbindelse'), WAIT);
      // Saved here and said so, but the store the others re-read does not hold it yet.
      expect(await h.services.store.listDecisions({ meetingId: MEETING })).toEqual([]);
      await waitFor(() => expect(heard.filter((x) => x.type === 'decision-saved')).toHaveLength(1), WAIT);
      const [said] = heard.filter((x) => x.type === 'decision-saved');
      heard.length = 0;

      // The connection is back and the outbox sends what it kept (what its sync does on 'online').
      server.control.mode = 'online';
      await act(async () => {
        await store.flush();
      });
      await waitFor(() => expect(syncState().textContent).toBe('Gemt'), WAIT);
      expect((await h.services.store.listDecisions({ meetingId: MEETING })).map((d) => d.text)).toEqual([TEXT]);
      // Confirmed now: said again, for the same decision, so the others re-read and find it.
      await waitFor(() => expect(heard.filter((x) => x.type === 'decision-saved')).toStrictEqual([said]), WAIT);
    } finally {
      other.close();
    }
  });

  it('[R7] a draft typed while writes fail survives a reload (a crashed tab) with its decision id, and reaches the store once the connection is back', async () => {
    const h = await makeHarness();
    const server = connection(h.services.store);
    const first = await device.openPanelSession(h, server.store);
    const user = userEvent.setup();
    const view = renderWithSession(first.session, <MeetingScreen meetingId={MEETING} />);
    await screen.findByRole('button', { name: 'Gem beslutning' }, WAIT);

    server.control.mode = 'writes-fail';
    await user.type(screen.getByRole('textbox', { name: /^Beslutning/ }), 'Emil får en mentor');
    await waitFor(() => expect(syncState().textContent).toContain('Venter på forbindelse'), WAIT);
    expect(await h.services.store.getDraft(MEETING, 'staff-anders')).toBeNull();
    const kept = await first.store.getDraft(MEETING, 'staff-anders');
    expect(kept?.text).toBe('Emil får en mentor');

    // The tab dies: no clean-up runs, the outbox database is simply left behind.
    view.unmount();
    first.db.close();
    const second = await device.openPanelSession(h, server.store);
    renderWithSession(second.session, <MeetingScreen meetingId={MEETING} />);
    await waitFor(
      () => expect((screen.getByRole('textbox', { name: /^Beslutning/ }) as HTMLTextAreaElement).value).toBe('Emil får en mentor'),
      WAIT,
    );
    expect(syncState().textContent).toContain('Venter på forbindelse');

    server.control.mode = 'online';
    await act(async () => {
      await second.store.flush();
    });
    await waitFor(() => expect(syncState().textContent).toBe('Gemt'), WAIT);
    const draft = await h.services.store.getDraft(MEETING, 'staff-anders');
    expect(draft?.text).toBe('Emil får en mentor');
    // The same decision id as before the crash: saving it later stores the decision once.
    expect(draft?.decisionId).toBe(kept?.decisionId);
    // Only the newest draft was kept waiting and sent: one write, not one per pause in typing.
    expect(server.reached.get('saveDraft')).toBe(1);
  });

  it('[R7] a decision saved without a connection survives a crashed tab and is sent by itself, once, when the panel opens again online', async () => {
    const h = await makeHarness();
    const server = connection(h.services.store);
    const first = await device.openPanelSession(h, server.store);
    const user = userEvent.setup();
    const view = renderWithSession(first.session, <MeetingScreen meetingId={MEETING} />);
    await screen.findByRole('button', { name: 'Gem beslutning' }, WAIT);
    await fillDecision(user, document.body);
    server.control.mode = 'offline';
    await user.click(screen.getByRole('button', { name: 'Gem beslutning' }));
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toMatch(/^Venter på forbindelse/), WAIT);
    // The outbox holds the draft, marked as a decision the author chose to save.
    await waitFor(async () => expect((await first.store.getDraft(MEETING, 'staff-anders'))?.submitted).toBe(true), WAIT);

    // The tab crashes while offline; the connection is back when the panel opens again.
    view.unmount();
    first.db.close();
    server.control.mode = 'online';
    const second = await device.openPanelSession(h, server.store);
    renderWithSession(second.session, <MeetingScreen meetingId={MEETING} />);

    const list = await screen.findByTestId('meeting-decisions', {}, WAIT);
    await within(list).findByText(TEXT, {}, WAIT);
    await waitFor(() => expect(syncState().textContent).toBe('Gemt'), WAIT);
    const stored = await h.services.store.listDecisions({ meetingId: MEETING });
    expect(stored.map((d) => d.text)).toEqual([TEXT]);
    expect(server.reached.get('appendDecisions')).toBe(1);
    expect(await h.services.store.getDraft(MEETING, 'staff-anders')).toBeNull();
    expect((screen.getByRole('textbox', { name: /^Beslutning/ }) as HTMLTextAreaElement).value).toBe('');
  });

  it('[R2][R5] check-in and the citizen\'s perspective made without a connection are kept and sent when it returns', async () => {
    const h = await makeHarness();
    const server = connection(h.services.store);
    const { session, store } = await device.openPanelSession(h, server.store);
    // As graph-session.ts does: the outbox sends what waits when the browser says 'online'.
    const stopSync = store.startSync({ setInterval: () => 0, clearInterval: () => undefined }, window);
    const user = userEvent.setup();
    renderWithSession(session, <MeetingScreen meetingId={MEETING} />);
    const checkin = await screen.findByTestId('checkin', {}, WAIT);
    await screen.findByRole('button', { name: 'Gem beslutning' }, WAIT);

    server.control.mode = 'offline';
    // Reading the meeting fails offline: the meeting on screen stands in, and the outbox keeps the change.
    await user.click(within(within(checkin).getByRole('group', { name: 'Anders Østergaard' })).getByRole('checkbox', { name: 'Til stede' }));
    await waitFor(() => expect(within(checkin).getByText(da.meeting.checkinWaiting)).toBeTruthy(), WAIT);
    await waitFor(() => expect(syncState().getAttribute('data-state')).toBe('waiting'), WAIT);
    const view = screen.getByTestId('citizen-view');
    await user.type(within(view).getByRole('textbox'), 'Jeg vil gerne i praktik.');
    await waitFor(() => expect(within(view).getByText(da.meeting.citizenViewWaiting)).toBeTruthy(), WAIT);
    expect((await h.services.store.getMeeting(MEETING))?.attendance.some((r) => r.present)).toBe(false);

    server.control.mode = 'online';
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() => expect(syncState().getAttribute('data-state')).toBe('saved'), WAIT);
    const stored = await h.services.store.getMeeting(MEETING);
    expect(stored?.attendance.filter((r) => r.present).map((r) => r.personId)).toEqual(['staff-anders']);
    expect(stored?.citizenView).toBe('Jeg vil gerne i praktik.');
    expect(stored?.status).toBe('held');
    await waitFor(() => expect(within(checkin).getByText(da.meeting.checkinSaved)).toBeTruthy(), WAIT);
    stopSync();
  });

  it('[R7] a decision the store refuses for good shows "Konflikt" and is not lost', async () => {
    const h = await makeHarness();
    const refusing = new Proxy(h.services.store, {
      get(target, property, receiver) {
        if (property === 'appendDecisions') {
          return () =>
            Promise.reject(Object.assign(new Error('HTTP 412'), { name: 'GraphPreconditionFailedError', code: 'GRAPH_PRECONDITION_FAILED', status: 412 }));
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const { session, store } = await device.openPanelSession(h, refusing);
    const user = userEvent.setup();
    renderWithSession(session, <MeetingScreen meetingId={MEETING} />);
    await screen.findByRole('button', { name: 'Gem beslutning' }, WAIT);
    await fillDecision(user, document.body);
    await user.click(screen.getByRole('button', { name: 'Gem beslutning' }));

    await waitFor(() => expect(syncState().textContent).toContain('Konflikt'), WAIT);
    expect(syncState().getAttribute('data-state')).toBe('conflict');
    expect(screen.getByTestId('save-state').textContent).toMatch(/^Konflikt: beslutningen blev afvist/);
    // Kept as a conflict in the outbox and still in the form, never dropped silently.
    const conflicts = await store.conflicts();
    expect(conflicts.map((c) => ('write' in c ? c.write.kind : 'invalid'))).toEqual(['appendDecisions']);
    expect((screen.getByRole('textbox', { name: /^Beslutning/ }) as HTMLTextAreaElement).value).toBe(TEXT);
  });

  /** A server that refuses the decision with 412 until `refuse.now` is false. */
  function refusingServer(h: Awaited<ReturnType<typeof makeHarness>>) {
    const refuse = { now: true };
    const server = new Proxy(h.services.store, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (property === 'appendDecisions' && typeof value === 'function') {
          return (...args: unknown[]) =>
            refuse.now
              ? Promise.reject(Object.assign(new Error('HTTP 412'), { name: 'GraphPreconditionFailedError', code: 'GRAPH_PRECONDITION_FAILED', status: 412 }))
              : (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        }
        return value;
      },
    });
    return { server, refuse };
  }

  async function conflictOnScreen(h: Awaited<ReturnType<typeof makeHarness>>, server: typeof h.services.store) {
    const { session, store } = await device.openPanelSession(h, server);
    const user = userEvent.setup();
    renderWithSession(session, <MeetingScreen meetingId={MEETING} />);
    await screen.findByRole('button', { name: 'Gem beslutning' }, WAIT);
    await fillDecision(user, document.body);
    await user.click(screen.getByRole('button', { name: 'Gem beslutning' }));
    await waitFor(() => expect(syncState().getAttribute('data-state')).toBe('conflict'), WAIT);
    return { user, store };
  }

  it('[R7] "Prøv igen" sends a refused decision again once its cause is gone: stored once, "Gemt"', async () => {
    const h = await makeHarness();
    const { server, refuse } = refusingServer(h);
    const { user, store } = await conflictOnScreen(h, server);
    const bar = screen.getByTestId('sync-state-bar');
    // The actions are outside the live region: a change of state is read without them.
    expect(within(syncState()).queryByRole('button')).toBeNull();

    refuse.now = false;
    await user.click(within(bar).getByRole('button', { name: da.meeting.conflictActions.retry }));

    await waitFor(() => expect(syncState().getAttribute('data-state')).toBe('saved'), WAIT);
    expect(within(bar).queryByRole('button')).toBeNull();
    expect(await store.conflicts()).toEqual([]);
    expect((await h.services.store.listDecisions({ meetingId: MEETING })).map((d) => d.text)).toEqual([TEXT]);
    // The form says so too, lists the decision and starts over (it said "not saved" before).
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('Gemt'), WAIT);
    await within(screen.getByTestId('meeting-decisions')).findByText(TEXT, {}, WAIT);
    expect((screen.getByRole('textbox', { name: /^Beslutning/ }) as HTMLTextAreaElement).value).toBe('');
    // Focus is not dropped to the page when the buttons go: it is on the status.
    expect(document.activeElement).toBe(syncState());
  });

  it('[R7] "Prøv igen" while the refusal holds keeps the conflict; nothing is stored', async () => {
    const h = await makeHarness();
    const { server } = refusingServer(h);
    const { user, store } = await conflictOnScreen(h, server);
    await user.click(within(screen.getByTestId('sync-state-bar')).getByRole('button', { name: da.meeting.conflictActions.retry }));
    await waitFor(async () => expect((await store.conflicts()).length).toBe(1), WAIT);
    expect(syncState().getAttribute('data-state')).toBe('conflict');
    expect(await h.services.store.listDecisions({ meetingId: MEETING })).toEqual([]);
  });

  it('[R7] "Kassér ændringen" asks first, then drops the refused write; what was typed stays in the form', async () => {
    const h = await makeHarness();
    const { server } = refusingServer(h);
    const { user, store } = await conflictOnScreen(h, server);
    const bar = screen.getByTestId('sync-state-bar');

    await user.click(within(bar).getByRole('button', { name: da.meeting.conflictActions.dismiss }));
    // Fluent's dialog portal is aria-hidden to jsdom's role queries (as in "Ryd formularen" below).
    const dialog = await screen.findByRole('alertdialog', { hidden: true }, WAIT);
    expect(dialog.textContent).toContain(da.meeting.conflictActions.dismissTitle);
    // Cancelling keeps it.
    await user.click(within(dialog).getByRole('button', { name: da.common.cancel, hidden: true }));
    await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull(), WAIT);
    expect(await store.conflicts()).toHaveLength(1);

    await user.click(within(bar).getByRole('button', { name: da.meeting.conflictActions.dismiss }));
    await user.click(
      within(await screen.findByRole('alertdialog', { hidden: true }, WAIT)).getByRole('button', {
        name: da.meeting.conflictActions.dismissConfirm,
        hidden: true,
      }),
    );
    await waitFor(() => expect(syncState().getAttribute('data-state')).toBe('saved'), WAIT);
    expect(await store.conflicts()).toEqual([]);
    expect(await h.services.store.listDecisions({ meetingId: MEETING })).toEqual([]);
    expect((screen.getByRole('textbox', { name: /^Beslutning/ }) as HTMLTextAreaElement).value).toBe(TEXT);
  });
});

describe('the side panel', () => {
  afterEach(() => cleanup());

  it('[R7] two people saving at the same moment both keep their decision', async () => {
    const h = await makeHarness();
    const anders = await h.session();
    // Jonas on his own device: the same store, his own identity (drafts are per author).
    const jonasDirectory = new LocalDirectory(h.db, DEMO_STAFF, 'staff-jonas');
    const jonas = { ...anders, me: await jonasDirectory.me(), services: { ...anders.services, directory: jonasDirectory } };
    const user = userEvent.setup();
    const left = renderWithSession(anders, <MeetingScreen meetingId={MEETING} />).container;
    const right = renderWithSession(jonas, <MeetingScreen meetingId={MEETING} />).container;
    await within(left).findByRole('button', { name: 'Gem beslutning' }, WAIT);
    await within(right).findByRole('button', { name: 'Gem beslutning' }, WAIT);

    const fromAnders = 'Anders aftaler skolestart med erhvervsskolen.';
    const fromJonas = 'Jonas bevilger en kontaktperson i tre måneder.';
    await fillDecision(user, left, fromAnders, 'staff-anders');
    await fillDecision(user, right, fromJonas, 'staff-jonas');
    // Both clicks before either save has finished.
    fireEvent.click(within(left).getByRole('button', { name: 'Gem beslutning' }));
    fireEvent.click(within(right).getByRole('button', { name: 'Gem beslutning' }));

    await waitFor(async () => {
      const stored = await h.services.store.listDecisions({ meetingId: MEETING });
      expect(stored.map((d) => d.text).sort()).toEqual([fromAnders, fromJonas].sort());
    }, WAIT);
    const stored = await h.services.store.listDecisions({ meetingId: MEETING });
    expect(stored.every((d) => d.supersedes === null)).toBe(true);
    expect(new Set(stored.map((d) => d.createdBy))).toEqual(new Set(['staff-anders', 'staff-jonas']));
    // Each screen shows both, once each (the other's arrives by the signal).
    for (const root of [left, right]) {
      await waitFor(() => expect(within(root).getByTestId('meeting-decisions').querySelectorAll('li[data-decision-id]')).toHaveLength(2), WAIT);
    }
  });

  it('"Ryd formularen" asks before it deletes what was typed', async () => {
    const h = await makeHarness();
    const user = userEvent.setup();
    await h.render(<MeetingScreen meetingId={MEETING} />);
    const text = (await screen.findByRole('textbox', { name: /^Beslutning/ }, WAIT)) as HTMLTextAreaElement;
    await user.type(text, 'Emil får en mentor');
    await user.click(screen.getByRole('button', { name: 'Ryd formularen' }));
    // Fluent's dialog is found with `hidden: true` under the DOM test environment (see the consent tests).
    const dialog = await screen.findByRole('alertdialog', { hidden: true }, WAIT);
    expect(dialog.textContent).toContain('Ryd formularen?');
    await user.click(within(dialog).getByRole('button', { name: 'Annuller', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('alertdialog', { hidden: true })).toBeNull(), WAIT);
    expect(text.value).toBe('Emil får en mentor');

    await user.click(screen.getByRole('button', { name: 'Ryd formularen' }));
    await user.click(within(await screen.findByRole('alertdialog', { hidden: true }, WAIT)).getByRole('button', { name: 'Ryd', hidden: true }));
    await waitFor(() => expect((screen.getByRole('textbox', { name: /^Beslutning/ }) as HTMLTextAreaElement).value).toBe(''), WAIT);
  });

  it('"Book næste møde" opens the booking of the same pathway: the same team and the same citizen', async () => {
    const h = await makeHarness();
    await h.render(<MeetingScreen meetingId={MEETING} />);
    const link = await screen.findByRole('link', { name: 'Book næste møde' }, WAIT);
    expect(link.getAttribute('href')).toBe('#/forloeb/pathway-emil/book');
    cleanup();

    await h.render(<BookMeetingScreen pathwayId="pathway-emil" />);
    const attendees = await screen.findByTestId('required-attendees', {}, WAIT);
    const pathway = await h.services.store.getPathway('pathway-emil');
    for (const member of pathway?.team.members ?? []) expect(attendees.textContent).toContain(member.displayName);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Emil Sørensen');
  });
});
