/**
 * A small municipality of its own (three departments, four people) for the pathway and booking
 * screens, where the tests create the pathway themselves instead of using the demo's.
 */
import { createPathway, type NewPathway } from '../../src/application/pathways';
import type { Department, Pathway, Person, Settings } from '../../src/domain/model';
import { makeHarness as make, type Harness } from '../support/harness';

export type { Harness };

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

export function makeHarness(meId = 'p-mette'): Promise<Harness> {
  return make({
    now: NOW,
    meId,
    people: PEOPLE,
    seed: async ({ services }) => {
      await services.store.saveDepartments(DEPARTMENTS);
      await services.store.saveSettings(SETTINGS);
    },
  });
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
    // Rule 8: Amira consents to all three departments sharing and taking part.
    consent: {
      givenOn: '2026-02-16',
      form: 'written',
      scope: { departmentIds: ['dep-social', 'dep-health', 'dep-job'], replacedPlans: ['handleplan-serviceloven', 'jobplan'] },
      reviewDate: '2027-02-16',
    },
  };
}

export async function createAmira(h: Harness): Promise<Pathway> {
  return createPathway(h.services, amiraPathway());
}
