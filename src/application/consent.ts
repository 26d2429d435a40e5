import {
  ConsentEventSchema,
  ConsentGrantSchema,
  PathwaySchema,
  type AuditEntry,
  type Consent,
  type ConsentEvent,
  type ConsentGrant,
  type DateOnly,
  type Id,
  type Pathway,
  type TeamMeeting,
  type TeamMember,
} from '../domain/model';
import {
  checkConsentValid,
  checkMembersInScope,
  consentFlags,
  consentReminder,
  consentState,
  type ConsentFlag,
  type ConsentReminder,
  type ConsentState,
} from '../domain/rules/consent';
import { localParts } from '../domain/time';
import { NotFoundError } from '../ports/plan-store';
import { RuleViolationError } from './errors';
import { requirePathway } from './pathways';
import type { Services } from './services';

/** Today in the municipality's time zone: consent is given and reviewed by calendar day. */
export async function todayFor(s: Services): Promise<DateOnly> {
  const settings = await s.store.getSettings();
  return localParts(s.clock.now(), settings.timeZone).date;
}

export interface ConsentOverview {
  pathway: Pathway;
  consent: Consent | null;
  state: ConsentState;
  reminder: ConsentReminder;
  /** Planned meetings and team members the consent no longer covers (rule 8). */
  flags: ConsentFlag[];
  /** The planned meetings the flags may name. */
  meetings: TeamMeeting[];
  history: ConsentEvent[];
  audit: AuditEntry[];
  today: DateOnly;
  /** Display names of everyone the history names (the team, and whoever recorded a change). */
  names: Record<Id, string>;
}

/** Everything the consent section and the stage show: the consent, its state, flags and history. */
export async function getConsentOverview(s: Services, pathwayId: Id): Promise<ConsentOverview> {
  const [pathway, history, audit, meetings, today] = await Promise.all([
    requirePathway(s, pathwayId),
    s.store.listConsentHistory(pathwayId),
    s.store.listAudit(pathwayId).then((entries) => entries.filter((e) => e.entity === 'consent')),
    s.store.listMeetings({ pathwayId }),
    todayFor(s),
  ]);
  const consent = await s.store.getConsent(pathwayId);
  const names: Record<Id, string> = Object.fromEntries(pathway.team.members.map((m) => [m.personId, m.displayName]));
  for (const id of new Set(history.map((e) => e.recordedBy))) {
    if (names[id] === undefined) {
      const person = await s.directory.getPerson(id);
      if (person) names[id] = person.displayName;
    }
  }
  return {
    pathway,
    consent,
    state: consentState(consent, today),
    reminder: consentReminder(consent, today),
    flags: consentFlags(consent, today, pathway.team.members, meetings),
    meetings: meetings.filter((m) => m.status === 'planned'),
    history,
    audit,
    today,
    names,
  };
}

/**
 * Registers the citizen's consent, or renews it when one exists (a renewal is a new consent
 * that replaces scope and review date). Appended to the history, never overwriting it.
 */
export async function recordConsent(s: Services, pathwayId: Id, grant: ConsentGrant): Promise<Consent> {
  const parsed = ConsentGrantSchema.parse(grant);
  await requirePathway(s, pathwayId);
  const me = await s.directory.me();
  const current = await s.store.getConsent(pathwayId);
  const event = ConsentEventSchema.parse({
    kind: current === null ? 'given' : 'renewed',
    pathwayId,
    version: (current?.version ?? 0) + 1,
    recordedAt: s.clock.now().toISOString(),
    recordedBy: me.id,
    grant: parsed,
  });
  return s.store.appendConsentEvent(event);
}

/**
 * The citizen withdraws the consent, in whole (`departmentId` null) or for one department.
 * Respected from then on: booking refuses, planned meetings and members are flagged.
 */
export async function withdrawConsent(s: Services, pathwayId: Id, departmentId: Id | null): Promise<Consent> {
  const me = await s.directory.me();
  const current = await s.store.getConsent(pathwayId);
  const today = await todayFor(s);
  const validity = checkConsentValid(current, today);
  if (!validity.ok) throw new RuleViolationError([{ code: validity.code }]);
  if (current === null) throw new NotFoundError('consent', pathwayId);
  const event = ConsentEventSchema.parse({
    kind: 'withdrawn',
    pathwayId,
    version: current.version + 1,
    recordedAt: s.clock.now().toISOString(),
    recordedBy: me.id,
    withdrawnOn: today,
    departmentId,
  });
  return s.store.appendConsentEvent(event);
}

/**
 * Adds a member to the team. Rule 8: only from a department the valid consent covers; refused
 * with RuleViolationError otherwise (the missing, expired or withdrawn consent, or the
 * department outside its scope).
 */
export async function addTeamMember(s: Services, pathwayId: Id, member: TeamMember): Promise<Pathway> {
  const pathway = await requirePathway(s, pathwayId);
  const consent = await s.store.getConsent(pathwayId);
  const today = await todayFor(s);
  const validity = checkConsentValid(consent, today);
  if (!validity.ok) throw new RuleViolationError([{ code: validity.code }]);
  const scope = checkMembersInScope([member], consent, today);
  if (!scope.ok) {
    const { ok: _ok, ...violation } = scope;
    throw new RuleViolationError([violation]);
  }
  const updated = PathwaySchema.parse({
    ...pathway,
    team: { members: [...pathway.team.members.filter((m) => m.personId !== member.personId), member] },
    updatedAt: s.clock.now().toISOString(),
  });
  await s.store.savePathway(updated);
  return updated;
}

export type ConsentReviewKind = 'missing' | 'expiring' | 'expired' | 'withdrawn';

export interface ConsentReviewRow {
  pathway: Pick<Pathway, 'id'> & { initials: string; caseRef: string };
  kind: ConsentReviewKind;
  reviewDate: DateOnly | null;
  /** The departments on the pathway's team: the review narrows to one without reading again. */
  departmentIds: Id[];
}

/**
 * The leader review's consent list (rule 8): active pathways with a member of the leader's
 * departments whose consent is missing, expires within 30 days, has expired or was withdrawn.
 */
export async function reviewConsent(s: Services, departmentIds: readonly Id[]): Promise<ConsentReviewRow[]> {
  const [pathways, today] = await Promise.all([s.store.listPathways(), todayFor(s)]);
  const mine = pathways.filter(
    (p) => p.status === 'active' && p.team.members.some((m) => departmentIds.includes(m.departmentId)),
  );
  // One request per pathway, all in flight at once: awaited one by one, 5,000 pathways took
  // seconds (bench/leader-review.mjs), and the store answers them in any order.
  const consents = await Promise.all(mine.map((p) => s.store.getConsent(p.id)));
  const rows: ConsentReviewRow[] = [];
  for (const [i, p] of mine.entries()) {
    const consent = consents[i] ?? null;
    const state = consentState(consent, today);
    const kind: ConsentReviewKind | null =
      state.status === 'valid' ? (state.reviewSoon ? 'expiring' : null) : state.status;
    if (kind === null) continue;
    rows.push({
      pathway: { id: p.id, initials: p.citizen.initials, caseRef: p.citizen.caseRef },
      kind,
      reviewDate: consent?.reviewDate ?? null,
      departmentIds: [...new Set(p.team.members.map((m) => m.departmentId))],
    });
  }
  return rows;
}
