/**
 * Test-only composition: a real Services over the local adapters (IndexedDB through
 * fake-indexeddb), a fixed clock, predictable ids, and the providers every screen needs, as
 * src/app/main.tsx composes them for the app. Feature tests import this instead of the
 * adapters, so src/features keeps its import rule without exceptions.
 */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { BroadcastMeetingChannel } from '../../src/adapters/local/broadcast-meeting-channel';
import { openHelhedDb, type HelhedDb } from '../../src/adapters/local/db';
import { LocalCalendar } from '../../src/adapters/local/local-calendar';
import { LocalDirectory } from '../../src/adapters/local/local-directory';
import { LocalPlanStore } from '../../src/adapters/local/local-plan-store';
import { FixedClock, SequentialIds } from '../../src/adapters/local/testing';
import { DEMO_STAFF } from '../../src/demo/demo-data';
import { seedDemoData } from '../../src/demo/seed';
import type { Department, Person } from '../../src/domain/model';
import type { Services } from '../../src/ports/services';
import { I18nProvider, type UiLocale } from '../../src/ui/i18n';
import { SessionProvider, type Session } from '../../src/ui/services-context';

export interface Harness {
  services: Services;
  directory: LocalDirectory;
  calendar: LocalCalendar;
  clock: FixedClock;
  db: HelhedDb;
  /** The session as the screens see it, for the person currently signed in. */
  session(): Promise<Session>;
  render(ui: ReactElement, locale?: UiLocale): Promise<RenderResult>;
}

let dbCounter = 0;

export interface HarnessOptions {
  now: string;
  meId: string;
  /** The staff the directory knows (default: the demo staff). */
  people?: readonly Person[];
  /** Fill the store: the demo municipality by default. */
  seed?: (h: Omit<Harness, 'session' | 'render'>) => Promise<void>;
}

export async function makeHarness(options: HarnessOptions): Promise<Harness> {
  dbCounter += 1;
  const db = openHelhedDb(`helhed-feature-test-${dbCounter}-${Date.now()}`);
  const clock = new FixedClock(options.now);
  const store = new LocalPlanStore(db);
  const calendar = new LocalCalendar(db, new SequentialIds('evt'));
  const directory = new LocalDirectory(db, options.people ?? DEMO_STAFF, options.meId);
  const services: Services = {
    store,
    calendar,
    directory,
    channel: new BroadcastMeetingChannel(new SequentialIds('session')),
    clock,
    ids: new SequentialIds('id'),
  };
  const base = { services, directory, calendar, clock, db };
  await (options.seed ?? (() => seedDemoData(db, clock, new SequentialIds('seed')).then(() => undefined)))(base);
  let departments: Department[] | null = null;
  const session = async (): Promise<Session> => {
    departments ??= await store.listDepartments();
    return { services, me: await directory.me(), departments };
  };
  return {
    ...base,
    session,
    async render(ui, locale = 'da') {
      return renderWithSession(await session(), ui, locale);
    },
  };
}

export function renderWithSession(session: Session, ui: ReactElement, locale: UiLocale = 'da'): RenderResult {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider locale={locale}>
        <SessionProvider session={session}>{ui}</SessionProvider>
      </I18nProvider>
    </FluentProvider>,
  );
}
