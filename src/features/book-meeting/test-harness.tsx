/**
 * Test-only: a real Services over the local adapters (IndexedDB through fake-indexeddb), with
 * a fixed clock and predictable ids, and the providers every screen needs. Nothing here is
 * imported by the app.
 */
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { configure, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
/* eslint-disable no-restricted-imports -- tests compose the real local adapters, as src/app does; the screens under test still reach them only through the ports. */
import { openHelhedDb } from '../../adapters/local/db';
import { BroadcastMeetingChannel } from '../../adapters/local/broadcast-meeting-channel';
import { LocalCalendar } from '../../adapters/local/local-calendar';
import { LocalDirectory } from '../../adapters/local/local-directory';
import { LocalPlanStore } from '../../adapters/local/local-plan-store';
import { FixedClock, SequentialIds } from '../../adapters/local/testing';
/* eslint-enable no-restricted-imports */
import { createPathway, type NewPathway } from '../../application/pathways';
import type { Services } from '../../application/services';
import type { Department, Pathway, Person, Settings } from '../../domain/model';
import { I18nProvider, type UiLocale } from '../../ui/i18n';
import { SessionProvider, type Session } from '../../ui/services-context';

export const DEPARTMENTS: Department[] = [
  { id: 'dep-social', name: 'Børn og Familie', area: 'social' },
  { id: 'dep-health', name: 'Sundhed og Omsorg', area: 'health' },
  { id: 'dep-job', name: 'Jobcenter', area: 'employment' },
];

export const PEOPLE: Person[] = [
  { id: 'p-mette', displayName: 'Mette Sørensen', email: 'mette.sorensen@kommune.example', departmentId: 'dep-social', jobTitle: 'Socialrådgiver', leaderOf: [] },
  { id: 'p-peter', displayName: 'Peter Holm', email: 'peter.holm@kommune.example', departmentId: 'dep-health', jobTitle: 'Sundhedsplejerske', leaderOf: [] },
  { id: 'p-sara', displayName: 'Sara Nielsen', email: 'sara.nielsen@kommune.example', departmentId: 'dep-job', jobTitle: 'Jobkonsulent', leaderOf: [] },
  { id: 'p-lone', displayName: 'Lone Bak', email: 'lone.bak@kommune.example', departmentId: 'dep-social', jobTitle: 'Afdelingsleder', leaderOf: ['dep-social'] },
];

/** Tuesday and Thursday 9-12, Copenhagen time, one-hour meetings. */
export const SETTINGS: Settings = {
  meetingWindows: [
    { weekday: 2, start: '09:00', end: '12:00' },
    { weekday: 4, start: '09:00', end: '12:00' },
  ],
  timeZone: 'Europe/Copenhagen',
  meetingMinutes: 60,
};

/** Monday 2 March 2026, 09:00 in Copenhagen (UTC+1). */
export const NOW = '2026-03-02T08:00:00.000Z';

export interface Harness {
  services: Services;
  directory: LocalDirectory;
  calendar: LocalCalendar;
  clock: FixedClock;
  /** The session as the screens see it, for the person currently signed in. */
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

// The whole suite runs files in parallel; IndexedDB round trips on a busy machine can exceed
// Testing Library's 1 s default for findBy/waitFor.
configure({ asyncUtilTimeout: 5000 });

let dbCounter = 0;

export async function makeHarness(meId = 'p-mette'): Promise<Harness> {
  dbCounter += 1;
  const db = openHelhedDb(`helhed-test-${dbCounter}-${Date.now()}`);
  const ids = new SequentialIds('id');
  const clock = new FixedClock(NOW);
  const store = new LocalPlanStore(db);
  const calendar = new LocalCalendar(db, new SequentialIds('evt'));
  const directory = new LocalDirectory(db, PEOPLE, meId);
  const services: Services = { store, calendar, directory, channel: new BroadcastMeetingChannel(ids), clock, ids };
  await store.saveDepartments(DEPARTMENTS);
  await store.saveSettings(SETTINGS);
  const session = async (): Promise<Session> => ({ services, me: await directory.me(), departments: DEPARTMENTS });
  return {
    services,
    directory,
    calendar,
    clock,
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

const member = (p: Person, role: 'coordinator' | 'member', mandate: { description: string; maxAmountDkk: number } | null) => ({
  personId: p.id,
  displayName: p.displayName,
  email: p.email,
  departmentId: p.departmentId ?? 'dep-social',
  role,
  mandate: mandate ? { departmentId: p.departmentId ?? 'dep-social', ...mandate } : null,
});

export const person = (id: string): Person => {
  const p = PEOPLE.find((x) => x.id === id);
  if (!p) throw new Error(`no test person ${id}`);
  return p;
};

/** Amira's pathway, as Mette (tovholder) creates it, with Peter (no mandate) and Sara (up to 5,000 kr.). */
export function amiraPathway(): NewPathway {
  return {
    citizen: {
      displayName: 'Amira Hansen',
      initials: 'AH',
      email: 'amira.hansen@example.dk',
      phone: '20304050',
      attendance: 'teams',
      caseRef: 'SAG-2026-0142',
    },
    team: [
      member(person('p-mette'), 'coordinator', { description: 'Indsatser efter serviceloven', maxAmountDkk: 10000 }),
      member(person('p-peter'), 'member', null),
      member(person('p-sara'), 'member', { description: 'Virksomhedspraktik og mentor', maxAmountDkk: 5000 }),
    ],
    goals: ['Jeg vil gerne have et arbejde', 'Jeg vil have ro på hjemme'],
  };
}

export async function createAmira(h: Harness): Promise<Pathway> {
  return createPathway(h.services, amiraPathway());
}
