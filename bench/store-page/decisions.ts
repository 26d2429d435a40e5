/**
 * Deterministic, schema-valid decisions for the store benchmark (bench/store.mjs). The same
 * `(count, seed)` always gives the same decisions, so every run and both contenders (raw
 * IndexedDB and the embedded store) write identical data.
 */
import type { Decision } from '../../src/domain/model';

/** Pathways the decisions are spread over: reading one pathway reads count / PATHWAYS rows. */
export const PATHWAYS = 100;
const MEETINGS_PER_PATHWAY = 12;
const DEPARTMENTS = ['dep-social', 'dep-health', 'dep-employment', 'dep-education', 'dep-psychiatry', 'dep-housing'];
const PEOPLE = 40;
const POSITIONS = ['agrees', 'disagrees', 'wants-time', 'not-present'] as const;
const PHRASES = [
  'Borgeren starter i et afklaringsforløb hos jobcentret',
  'Sundhedsplejen følger op med et hjemmebesøg',
  'Skolen tilbyder ekstra støtte i dansk og matematik',
  'Socialrådgiveren bevilger en kontaktperson',
  'Psykiatrien indkalder til en samtale om medicin',
  'Vi aftaler et nyt møde, når praktikken er i gang',
  'Familien får hjælp til at finde en større bolig',
  'Borgeren ønsker mere tid til at tænke over forslaget',
];

/** A 32-bit linear congruential generator (Numerical Recipes constants), in [0, 1). No Math.random. */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

/** A UUID v4 look-alike from the generator, the shape CryptoIds mints in the app. */
function uuid(next: () => number): string {
  const hex = (digits: number) =>
    Array.from({ length: digits }, () => Math.floor(next() * 16).toString(16)).join('');
  const variant = (8 + Math.floor(next() * 4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

export const pathwayId = (index: number): string => `pathway-${String(index).padStart(3, '0')}`;

/**
 * `count` decisions in creation order (createdAt increases), spread round-robin over
 * PATHWAYS pathways, so each pathway holds exactly count / PATHWAYS of them when count is a
 * multiple of PATHWAYS.
 */
export function makeDecisions(count: number, seed = 20_260_101): Decision[] {
  const next = lcg(seed);
  const startMs = Date.UTC(2026, 0, 5, 8, 0, 0);
  const decisions: Decision[] = [];
  for (let i = 0; i < count; i += 1) {
    const pathway = i % PATHWAYS;
    const commitmentCount = 1 + Math.floor(next() * 3);
    const departments = new Set<string>();
    while (departments.size < commitmentCount) departments.add(pick(next, DEPARTMENTS));
    const commitments = [...departments].map((departmentId) => ({
      departmentId,
      amountDkk: Math.floor(next() * 200) * 500,
    }));
    const needsLeader = next() < 0.15;
    const createdMs = startMs + i * 60_000 + Math.floor(next() * 30_000);
    const due = new Date(createdMs + (14 + Math.floor(next() * 120)) * 86_400_000);
    const previous = decisions.length > PATHWAYS ? decisions[decisions.length - PATHWAYS] : undefined;
    decisions.push({
      id: uuid(next),
      pathwayId: pathwayId(pathway),
      meetingId: `meeting-${pathway}-${Math.floor(next() * MEETINGS_PER_PATHWAY)}`,
      text: `${pick(next, PHRASES)}. ${pick(next, PHRASES)} (beslutning ${i + 1}).`,
      goalId: next() < 0.7 ? `goal-${pathway}-${Math.floor(next() * 4)}` : null,
      commitments,
      backedBy: commitments.map((_, k) => `person-${(pathway + k * 7) % PEOPLE}`),
      responsibleId: `person-${Math.floor(next() * PEOPLE)}`,
      dueDate: due.toISOString().slice(0, 10),
      citizenPosition: pick(next, POSITIONS),
      status: needsLeader ? 'requires-leader-follow-up' : 'decided',
      escalations: needsLeader
        ? [{ code: next() < 0.5 ? 'MANDATE_MISSING' : 'MANDATE_EXCEEDED', departmentId: commitments[0]?.departmentId ?? DEPARTMENTS[0] ?? '' }]
        : [],
      // Now and then a correction of this pathway's previous decision (rule 7).
      supersedes: previous !== undefined && next() < 0.05 ? previous.id : null,
      createdAt: new Date(createdMs).toISOString(),
      createdBy: `person-${Math.floor(next() * PEOPLE)}`,
    });
  }
  return decisions;
}
