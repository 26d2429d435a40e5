/**
 * A municipality at volume, for the leader review's benchmark and scale tests (issue 6):
 * thousands of pathways with ten decisions each, generated deterministically from a seed (no
 * Math.random, no clock), so every run and every machine measures the same data. Synthetic
 * people only; no real citizen is described.
 */
import type { Action, Decision, Department, Id, Instant, Pathway, Person, TeamMeeting, TeamMember } from '../domain/model';
import type { PlanStore } from '../ports/plan-store';

export interface VolumeOptions {
  pathways: number;
  decisionsPerPathway: number;
  departments: readonly Department[];
  /** Team members are drawn from these, one per department where the department has staff. */
  staff: readonly Person[];
  /** Decisions fall in the 365 days before this instant. */
  now: Instant;
  seed: number;
}

export interface Volume {
  pathways: Pathway[];
  meetings: TeamMeeting[];
  decisions: Decision[];
  actions: Action[];
}

/**
 * mulberry32: a small, fast seeded PRNG; good enough to spread synthetic data or replay injected
 * faults (tests/unit/outbox), never for secrets.
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const MEETINGS_PER_PATHWAY = 2;
const LETTERS = 'ABDEFGHJKLMNOPRSTUVØ';
const EFFORTS = [
  'bostøtte tre timer om ugen',
  'et praktikforløb i en lokal virksomhed',
  'et smertehåndteringsforløb på en smerteklinik',
  'ugentlige samtaler med en kontaktperson',
  'en afklaring af skoletilbud med PPR',
  'hjælp til at søge fritidsjob',
  'et misbrugsbehandlingsforløb',
  'en mentor i overgangen til ungdomsuddannelse',
];
const POSITIONS = ['agrees', 'agrees', 'agrees', 'wants-time', 'disagrees', 'not-present'] as const;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const dateOnly = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The whole volume, in memory; equal options give equal output. */
export function generateVolume(options: VolumeOptions): Volume {
  const random = prng(options.seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const nowMs = Date.parse(options.now);
  const staffByDepartment = new Map<Id, Person[]>();
  for (const p of options.staff) {
    if (p.departmentId !== null) staffByDepartment.set(p.departmentId, [...(staffByDepartment.get(p.departmentId) ?? []), p]);
  }

  const volume: Volume = { pathways: [], meetings: [], decisions: [], actions: [] };
  for (let i = 0; i < options.pathways; i += 1) {
    const id = `vol-pathway-${pad(i, 5)}`;
    const members: TeamMember[] = options.departments.flatMap((d, k) => {
      const people = staffByDepartment.get(d.id) ?? [];
      const person = people[(i + k) % Math.max(people.length, 1)];
      if (person === undefined) return [];
      return [
        {
          personId: person.id,
          displayName: person.displayName,
          email: person.email,
          departmentId: d.id,
          role: k === 0 ? 'coordinator' : 'member',
          mandate: { departmentId: d.id, description: 'Indsatser i afdelingens almindelige serviceniveau', maxAmountDkk: 20_000 },
        } satisfies TeamMember,
      ];
    });
    const coordinator = members[0];
    if (coordinator === undefined) throw new Error('generateVolume: no staff in any department');
    const initials = `${LETTERS[i % LETTERS.length]}${LETTERS[Math.floor(i / LETTERS.length) % LETTERS.length]}`;
    const startMs = nowMs - 400 * DAY;
    volume.pathways.push({
      id,
      citizen: {
        displayName: `Borger ${pad(i, 5)}`,
        initials,
        email: `borger${pad(i, 5)}@borger.example`,
        phone: null,
        attendance: 'teams',
        caseRef: `VOL-${pad(i, 5)}`,
      },
      coordinatorId: coordinator.personId,
      team: { members },
      status: 'active',
      createdAt: new Date(startMs).toISOString(),
      updatedAt: new Date(startMs).toISOString(),
    });

    const meetingIds: Id[] = [];
    for (let m = 0; m < MEETINGS_PER_PATHWAY; m += 1) {
      const meetingId = `${id}-meeting-${m}`;
      meetingIds.push(meetingId);
      const start = nowMs - Math.floor(random() * 365) * DAY - 3 * 3_600_000;
      const citizenPresent = random() > 0.06;
      volume.meetings.push({
        id: meetingId,
        pathwayId: id,
        start: new Date(start).toISOString(),
        end: new Date(start + 3_600_000).toISOString(),
        subject: `Teammøde ${initials}`,
        calendarEventId: null,
        joinUrl: null,
        requiredAttendees: members.map((t) => ({ personId: t.personId, displayName: t.displayName, email: t.email, departmentId: t.departmentId })),
        citizenInvitation: { mode: 'email', email: `borger${pad(i, 5)}@borger.example` },
        rsvp: {},
        agenda: [],
        outsideWindowReason: null,
        status: 'minuted',
        attendance: members.map((t) => {
          const present = random() > 0.1;
          return { personId: t.personId, present, notice: !present && random() > 0.4 };
        }),
        citizenPresent,
        citizenView: '',
        createdAt: new Date(start - 14 * DAY).toISOString(),
        createdBy: coordinator.personId,
      });
    }

    for (let k = 0; k < options.decisionsPerPathway; k += 1) {
      const decisionId = `${id}-decision-${pad(k, 3)}`;
      const createdMs = nowMs - Math.floor(random() * 365 * DAY);
      const first = pick(members);
      const second = random() > 0.7 ? pick(members) : first;
      const departments = [...new Set([first.departmentId, second.departmentId])];
      const escalated = random() < 0.12;
      const responsible = pick(members);
      const dueMs = createdMs + (7 + Math.floor(random() * 60)) * DAY;
      volume.decisions.push({
        id: decisionId,
        pathwayId: id,
        meetingId: meetingIds[k % meetingIds.length] as Id,
        text: `Borgeren får ${pick(EFFORTS)} (${k + 1}).`,
        goalId: null,
        commitments: departments.map((departmentId) => ({ departmentId, amountDkk: Math.floor(random() * 30_000) })),
        backedBy: [first.personId],
        responsibleId: responsible.personId,
        dueDate: dateOnly(dueMs),
        citizenPosition: pick(POSITIONS),
        status: escalated ? 'requires-leader-follow-up' : 'decided',
        escalations: escalated ? [{ code: 'MANDATE_EXCEEDED', departmentId: first.departmentId }] : [],
        supersedes: null,
        createdAt: new Date(createdMs).toISOString(),
        createdBy: coordinator.personId,
      });
      volume.actions.push({
        id: `${decisionId}-action`,
        pathwayId: id,
        decisionId,
        title: `Følg op: ${pick(EFFORTS)}`,
        ownerId: responsible.personId,
        dueDate: dateOnly(dueMs),
        status: dueMs < nowMs && random() < 0.8 ? 'done' : 'open',
      });
    }
  }
  return volume;
}

/**
 * Writes the volume through the PlanStore port, as the app would: pathways and meetings in
 * parallel batches, decisions with their actions in one append.
 */
export async function seedVolume(store: PlanStore, volume: Volume, batchSize = 500): Promise<void> {
  for (let i = 0; i < volume.pathways.length; i += batchSize) {
    await Promise.all(volume.pathways.slice(i, i + batchSize).map((p) => store.savePathway(p)));
  }
  for (let i = 0; i < volume.meetings.length; i += batchSize) {
    await Promise.all(volume.meetings.slice(i, i + batchSize).map((m) => store.saveMeeting(m)));
  }
  await store.appendDecisions(volume.decisions, volume.actions);
}
