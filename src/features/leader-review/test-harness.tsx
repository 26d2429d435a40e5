/**
 * Test-only: a real Services over the local adapters (IndexedDB through fake-indexeddb) seeded
 * with the demo municipality, a fixed clock, predictable ids, and the providers every screen
 * needs. Nothing here is imported by the app.
 */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
/* eslint-disable no-restricted-imports -- tests compose the real local adapters and the demo data, as src/app does; the screens under test still reach them only through the ports. */
import { BroadcastMeetingChannel } from '../../adapters/local/broadcast-meeting-channel';
import { openHelhedDb } from '../../adapters/local/db';
import { LocalCalendar } from '../../adapters/local/local-calendar';
import { LocalDirectory } from '../../adapters/local/local-directory';
import { LocalPlanStore } from '../../adapters/local/local-plan-store';
import { FixedClock, SequentialIds } from '../../adapters/local/testing';
import { DEMO_STAFF } from '../../demo/demo-data';
import { seedDemoData } from '../../demo/seed';
/* eslint-enable no-restricted-imports */
import type { Services } from '../../application/services';
import { I18nProvider, type UiLocale } from '../../ui/i18n';
import { SessionProvider, type Session } from '../../ui/services-context';

/** Tuesday 10 March 2026, 09:00 in Copenhagen: the demo's next meeting for Emil is ahead. */
export const NOW = '2026-03-10T08:00:00.000Z';

export interface Harness {
  services: Services;
  calendar: LocalCalendar;
  session(): Promise<Session>;
  render(ui: ReactElement, locale?: UiLocale): Promise<RenderResult>;
}

/**
 * jsdom has no ResizeObserver, and Fluent's MessageBar observes its own size to reflow its
 * actions. Nothing is laid out in jsdom, so an observer that never fires is faithful.
 */
class InertResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  Object.defineProperty(window, 'ResizeObserver', { value: InertResizeObserver, configurable: true, writable: true });
}

let dbCounter = 0;

/** The demo municipality, signed in as `meId` (default: Anders, Emil's tovholder). */
export async function makeHarness(meId = 'staff-anders'): Promise<Harness> {
  dbCounter += 1;
  const db = openHelhedDb(`helhed-leader-review-test-${dbCounter}-${Date.now()}`);
  const clock = new FixedClock(NOW);
  await seedDemoData(db, clock, new SequentialIds('seed'));
  const store = new LocalPlanStore(db);
  const calendar = new LocalCalendar(db, new SequentialIds('evt'));
  const directory = new LocalDirectory(db, DEMO_STAFF, meId);
  const services: Services = {
    store,
    calendar,
    directory,
    channel: new BroadcastMeetingChannel(new SequentialIds('session')),
    clock,
    ids: new SequentialIds('id'),
  };
  const departments = await store.listDepartments();
  const session = async (): Promise<Session> => ({ services, me: await directory.me(), departments });
  return {
    services,
    calendar,
    session,
    async render(ui, locale = 'da') {
      const s = await session();
      return render(
        <FluentProvider theme={teamsLightTheme}>
          <I18nProvider locale={locale}>
            <SessionProvider session={s}>{ui}</SessionProvider>
          </I18nProvider>
        </FluentProvider>,
      );
    },
  };
}
