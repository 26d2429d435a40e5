/**
 * The audit trail of writes to the citizen's plan: who, what (which entity, which fields), when
 * (UTC), never the content. Every adapter builds its entries with these functions, so the ids
 * are deterministic (a retried write produces the same entry, which the store keeps once) and
 * both stores audit the same things.
 */
import { AuditEntrySchema, type AuditEntry, type CitizenPlan, type Decision, type Minutes, type MinutesContent } from './model';

const canonical = (value: unknown): string => JSON.stringify(value);
const utc = (instant: string): string => new Date(Date.parse(instant)).toISOString();

const PLAN_PARTS = ['goals', 'interventions', 'transitions'] as const;

/** A new version of the plan: which parts changed from the version it was based on. */
export function planAuditEntry(previous: CitizenPlan | null, next: CitizenPlan): AuditEntry {
  const changed = previous === null ? [...PLAN_PARTS] : PLAN_PARTS.filter((k) => canonical(previous[k]) !== canonical(next[k]));
  return AuditEntrySchema.parse({
    id: `${next.pathwayId}:plan:${next.version}`,
    pathwayId: next.pathwayId,
    entity: 'plan',
    action: previous === null && next.version === 1 ? 'create' : 'update',
    changedFields: changed,
    actorId: next.updatedBy,
    at: utc(next.updatedAt),
  });
}

/** A decision written into the plan (a correction names the decision it supersedes, not its text). */
export function decisionAuditEntry(decision: Decision): AuditEntry {
  return AuditEntrySchema.parse({
    id: `${decision.pathwayId}:decision:${decision.id}`,
    pathwayId: decision.pathwayId,
    entity: 'decision',
    action: 'create',
    changedFields: decision.supersedes === null ? [] : ['supersedes'],
    actorId: decision.createdBy,
    at: utc(decision.createdAt),
  });
}

/** A version of a meeting's minutes: which sections changed from the version before it. */
export function minutesAuditEntry(previous: Pick<Minutes, 'content'> | null, written: Minutes): AuditEntry {
  const sections = Object.keys(written.content) as (keyof MinutesContent)[];
  const changed = previous === null ? sections : sections.filter((k) => canonical(previous.content[k]) !== canonical(written.content[k]));
  return AuditEntrySchema.parse({
    id: `${written.pathwayId}:minutes:${written.meetingId}:${written.version}`,
    pathwayId: written.pathwayId,
    entity: 'minutes',
    action: written.version === 1 ? 'create' : 'update',
    changedFields: changed,
    actorId: written.approvedBy,
    at: utc(written.approvedAt),
  });
}
