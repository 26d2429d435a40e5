import type {
  Action,
  AuditEntry,
  CitizenPlan,
  Consent,
  ConsentEvent,
  Decision,
  DecisionDraft,
  Department,
  Id,
  Instant,
  Minutes,
  Pathway,
  Settings,
  TeamMeeting,
} from '../domain/model';

/** Filter for the leader review and the decision log. All fields are optional and combine with AND. */
export interface DecisionQuery {
  pathwayId?: Id;
  meetingId?: Id;
  /** Decisions that commit at least one of these departments. */
  departmentIds?: readonly Id[];
  status?: Decision['status'];
  /** Inclusive lower bound on `createdAt`. */
  from?: Instant;
  /** Exclusive upper bound on `createdAt`. */
  to?: Instant;
}

export interface MeetingQuery {
  pathwayId?: Id;
  /** Inclusive lower bound on `start`. */
  from?: Instant;
  /** Exclusive upper bound on `start`. */
  to?: Instant;
}

/** Raised when a write is based on a version that is no longer the newest. */
export class VersionConflictError extends Error {
  constructor(
    readonly entity: 'plan' | 'pathway' | 'meeting' | 'minutes' | 'consent',
    readonly id: Id,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`${entity} ${id}: expected version ${expected}, found ${actual}`);
    this.name = 'VersionConflictError';
  }
}

/** Raised when an entity that must exist does not. Never turned into `undefined` silently. */
export class NotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly id: Id,
  ) {
    super(`${entity} ${id} not found`);
    this.name = 'NotFoundError';
  }
}

/**
 * Where pathways, the one plan, meetings, decisions, actions and minutes live.
 *
 * Invariants every adapter keeps (the contract suite in tests/contract/plan-store.contract.ts
 * proves them):
 * - Everything returned has been parsed with the domain's schema; nothing unvalidated leaks out.
 * - `savePlan` is optimistic: it succeeds only when `expectedVersion` is the newest stored
 *   version (0 for a new plan) and stores the plan as `expectedVersion + 1`; all earlier versions
 *   stay readable through `listPlanVersions` (append-only history).
 * - Decisions are append-only: `appendDecisions` stores each id once; appending an id that
 *   already exists with the same content is a no-op (idempotent retry), with other content it
 *   throws. A decision is never updated or deleted; a correction is a new decision with
 *   `supersedes`.
 * - Actions are created with their decision (`appendDecisions`) and only their `status` changes.
 * - `writeMinutes` keeps exactly one minutes entry per meeting: the first write creates version 1,
 *   every later write of the same meeting replaces the content and increments the version.
 * - Lists are returned in a stable order: pathways by citizen name, meetings by start, decisions
 *   by `createdAt` then id, minutes by meeting start.
 * - `get*` of an unknown id returns `null`; operations that need an existing entity throw
 *   `NotFoundError`.
 * - Consent (rule 8) is an append-only history of events per pathway, numbered 1, 2, 3 ...:
 *   `appendConsentEvent` succeeds only when `event.version` is the newest version + 1, otherwise
 *   it throws VersionConflictError; appending the same event again (same version, same content)
 *   is a no-op (idempotent retry). The first event must be `given`; a `renewed` or `withdrawn`
 *   event without an earlier consent throws NotFoundError. Nothing is ever updated or deleted,
 *   and `getConsent` is the fold of the history (`consentFromHistory`).
 * - Every write to the plan is audited, once per write (src/domain/audit.ts builds the entries,
 *   with deterministic ids, so a retried write adds nothing): each plan version, each consent
 *   event, each new decision, each version of a meeting's minutes. An entry says who, when
 *   (UTC) and what changed (field names only, never content); `listAudit` returns the pathway's
 *   entries oldest first.
 */
export interface PlanStore {
  listDepartments(): Promise<Department[]>;
  saveDepartments(departments: readonly Department[]): Promise<void>;

  getSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;

  listPathways(): Promise<Pathway[]>;
  getPathway(id: Id): Promise<Pathway | null>;
  /** Creates or replaces the pathway (the team, the citizen's contact, status). */
  savePathway(pathway: Pathway): Promise<void>;

  /** The newest version of the plan, or null if the pathway has none yet. */
  getPlan(pathwayId: Id): Promise<CitizenPlan | null>;
  /** Every stored version, oldest first. */
  listPlanVersions(pathwayId: Id): Promise<CitizenPlan[]>;
  /** Stores `plan` as version `expectedVersion + 1`; throws VersionConflictError otherwise. */
  savePlan(plan: Omit<CitizenPlan, 'version'>, expectedVersion: number): Promise<CitizenPlan>;

  listMeetings(query: MeetingQuery): Promise<TeamMeeting[]>;
  getMeeting(id: Id): Promise<TeamMeeting | null>;
  /**
   * The meeting whose Teams join URL names this meeting chat (`19:meeting_...@thread.v2`, what
   * Teams reports inside a meeting), or null. Links the Teams meeting the app runs in to its
   * TeamMeeting (src/domain/teams-join-url.ts); the earliest meeting wins if several match.
   */
  findMeetingByChatId(chatId: string): Promise<TeamMeeting | null>;
  /** Creates or replaces a meeting (status changes, check-in, citizen's view). */
  saveMeeting(meeting: TeamMeeting): Promise<void>;

  /** Appends decisions and the actions they create in one transaction (all or nothing). */
  appendDecisions(decisions: readonly Decision[], actions: readonly Action[]): Promise<void>;
  listDecisions(query: DecisionQuery): Promise<Decision[]>;
  listActions(query: { pathwayId?: Id; ownerId?: Id; decisionIds?: readonly Id[] }): Promise<Action[]>;
  setActionStatus(actionId: Id, status: Action['status']): Promise<void>;

  /** Creates or updates the one minutes entry of `minutes.meetingId`; returns it with its version. */
  writeMinutes(minutes: Omit<Minutes, 'version' | 'id'>): Promise<Minutes>;
  getMinutes(meetingId: Id): Promise<Minutes | null>;
  listMinutes(pathwayId: Id): Promise<Minutes[]>;

  /** One draft per meeting and author; saving replaces it. */
  saveDraft(draft: DecisionDraft): Promise<void>;
  getDraft(meetingId: Id, authorId: Id): Promise<DecisionDraft | null>;
  deleteDraft(meetingId: Id, authorId: Id): Promise<void>;

  /** Rule 8: the consent as it holds after the newest event, or null if none was ever given. */
  getConsent(pathwayId: Id): Promise<Consent | null>;
  /** Every consent event of the pathway, oldest (version 1) first. */
  listConsentHistory(pathwayId: Id): Promise<ConsentEvent[]>;
  /** Appends one event (and its audit entry); returns the consent after it. */
  appendConsentEvent(event: ConsentEvent): Promise<Consent>;
  /** The audit trail of the pathway, oldest first. */
  listAudit(pathwayId: Id): Promise<AuditEntry[]>;
}
