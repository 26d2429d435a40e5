import {
  CitizenPlanSchema,
  ConsentGrantSchema,
  PathwaySchema,
  type Citizen,
  type ConsentGrant,
  type CitizenPlan,
  type Goal,
  type Id,
  type Intervention,
  type Pathway,
  type TeamMember,
  type Transition,
} from '../domain/model';
import { checkConsentValid, checkMembersInScope, consentFromHistory } from '../domain/rules/consent';
import { localParts } from '../domain/time';
import { NotFoundError } from '../ports/plan-store';
import { RuleViolationError } from './errors';
import type { Services } from './services';

export interface NewPathway {
  citizen: Citizen;
  team: TeamMember[];
  /** The citizen's goals in their own words. */
  goals: string[];
  /**
   * Rule 8: the citizen's consent, when it is recorded with the pathway; the team must then lie
   * within its scope. Without it the pathway starts with CONSENT_MISSING (no booking until given).
   */
  consent?: ConsentGrant;
}

/** Creates a pathway with its one plan (version 1), and its consent if given. The signed-in user becomes tovholder. */
export async function createPathway(s: Services, input: NewPathway): Promise<Pathway> {
  const me = await s.directory.me();
  const now = s.clock.now().toISOString();
  const id = s.ids.newId();
  const team = input.team.some((m) => m.personId === me.id)
    ? input.team.map((m) => (m.personId === me.id ? { ...m, role: 'coordinator' as const } : m))
    : input.team;
  if (input.consent !== undefined) {
    const grant = ConsentGrantSchema.parse(input.consent);
    const settings = await s.store.getSettings();
    const today = localParts(s.clock.now(), settings.timeZone).date;
    const consent = consentFromHistory([
      { kind: 'given', pathwayId: id, version: 1, recordedAt: now, recordedBy: me.id, grant },
    ]);
    const results = [checkConsentValid(consent, today), checkMembersInScope(team, consent, today)];
    const violations = results.flatMap((r) => {
      if (r.ok) return [];
      const { ok: _ok, ...violation } = r;
      return [violation];
    });
    if (violations.length > 0) throw new RuleViolationError(violations);
  }
  const pathway = PathwaySchema.parse({
    id,
    citizen: input.citizen,
    coordinatorId: me.id,
    team: { members: team },
    status: 'active',
    createdAt: now,
    updatedAt: now,
  });
  await s.store.savePathway(pathway);
  await s.store.savePlan(
    {
      pathwayId: id,
      goals: input.goals
        .map((g) => g.trim())
        .filter((g) => g.length > 0)
        .map((text) => ({ id: s.ids.newId(), text, createdAt: now })),
      interventions: [],
      transitions: [],
      updatedAt: now,
      updatedBy: me.id,
    },
    0,
  );
  if (input.consent !== undefined) {
    await s.store.appendConsentEvent({
      kind: 'given',
      pathwayId: id,
      version: 1,
      recordedAt: now,
      recordedBy: me.id,
      grant: ConsentGrantSchema.parse(input.consent),
    });
  }
  return pathway;
}

export async function requirePathway(s: Services, id: Id): Promise<Pathway> {
  const p = await s.store.getPathway(id);
  if (!p) throw new NotFoundError('pathway', id);
  return p;
}

export async function requirePlan(s: Services, pathwayId: Id): Promise<CitizenPlan> {
  const plan = await s.store.getPlan(pathwayId);
  if (!plan) throw new NotFoundError('plan', pathwayId);
  return plan;
}

export type PlanChange =
  | { kind: 'add-goal'; text: string }
  | { kind: 'add-intervention'; intervention: Omit<Intervention, 'id'> }
  | { kind: 'add-transition'; transition: Omit<Transition, 'id'> };

/**
 * Applies one change to the newest plan and stores it as a new version. A concurrent change
 * surfaces as VersionConflictError (the caller re-reads and retries), never a lost update.
 */
export async function changePlan(s: Services, pathwayId: Id, change: PlanChange): Promise<CitizenPlan> {
  const plan = await requirePlan(s, pathwayId);
  const me = await s.directory.me();
  const now = s.clock.now().toISOString();
  const next: Omit<CitizenPlan, 'version'> = {
    pathwayId,
    goals: [...plan.goals],
    interventions: [...plan.interventions],
    transitions: [...plan.transitions],
    updatedAt: now,
    updatedBy: me.id,
  };
  switch (change.kind) {
    case 'add-goal': {
      const goal: Goal = { id: s.ids.newId(), text: change.text.trim(), createdAt: now };
      next.goals.push(goal);
      break;
    }
    case 'add-intervention':
      next.interventions.push({ id: s.ids.newId(), ...change.intervention });
      break;
    case 'add-transition':
      next.transitions.push({ id: s.ids.newId(), ...change.transition });
      break;
  }
  CitizenPlanSchema.omit({ version: true }).parse(next);
  return s.store.savePlan(next, plan.version);
}
