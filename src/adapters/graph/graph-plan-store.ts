import { z } from 'zod';
import {
  ActionSchema,
  AuditEntrySchema,
  CitizenPlanSchema,
  ConsentEventSchema,
  DecisionDraftSchema,
  DecisionSchema,
  DepartmentSchema,
  InstantSchema,
  MinutesSchema,
  PathwaySchema,
  SettingsSchema,
  TeamMeetingSchema,
  type Action,
  type AuditEntry,
  type CitizenPlan,
  type Consent,
  type ConsentEvent,
  type Decision,
  type DecisionDraft,
  type Department,
  type Id,
  type Minutes,
  type Pathway,
  type Settings,
  type TeamMeeting,
} from '../../domain/model';
import { changedConsentFields, consentFromHistory } from '../../domain/rules/consent';
import { decisionAuditEntry, minutesAuditEntry, planAuditEntry } from '../../domain/audit';
import { chatIdFromJoinUrl } from '../../domain/teams-join-url';
import { NotFoundError, VersionConflictError, type DecisionQuery, type MeetingQuery, type PlanStore } from '../../ports/plan-store';
import { BatchWriter, type ItemWrite, type ItemWriteResult } from './batch-writer';
import { decisionQueryFilter, inDecisionOrder } from '../decision-query';
import { GRAPH_ORIGIN, type GraphApi } from './graph-api';
import { GraphNotFoundError, GraphRequestError } from './graph-errors';
import type { RetryPolicy } from './retry-policy';
import { HELHED_LISTS, type ListSpec } from './sharepoint-lists';
import { readItems, type ListItemRead } from './sharepoint-reader';

/**
 * An append-only record (decision or action) was appended again under the same id with other
 * content. A retry carries identical content; anything else is a bug or a lost race, and
 * keeping either version silently would lose a decision (rule 7).
 */
export class GraphAppendConflictError extends Error {
  constructor(
    readonly entity: 'decision' | 'action',
    readonly id: Id,
  ) {
    super(`${entity} ${id} already exists with different content`);
    this.name = 'GraphAppendConflictError';
  }
}

/** A list item whose `record` no longer parses with the domain schema: raised, never returned. */
export class StoredItemInvalidError extends Error {
  constructor(
    readonly list: string,
    readonly itemId: string,
    detail: string,
  ) {
    super(`${list} item ${itemId} does not hold a valid record: ${detail}`);
    this.name = 'StoredItemInvalidError';
  }
}

/** A write that kept losing the ETag race (another writer changes the item between read and PATCH). */
export class WriteContentionError extends Error {
  constructor(readonly list: string, readonly key: string) {
    super(`${list} ${key}: the item kept changing while it was written; try again`);
    this.name = 'WriteContentionError';
  }
}

/**
 * The audit trail as the Graph adapter keeps it: plan and consent writes. The domain's
 * AuditEntry only knows `consent` so far, so `listAudit` (the port) returns the consent entries
 * and `listWriteAudit` (this adapter) all of them.
 */
export const GraphAuditRecordSchema = z.object({
  id: z.string().min(1),
  entity: AuditEntrySchema.shape.entity,
  action: z.enum(['create', 'update', 'withdraw']),
  /** Field names only, never their values. */
  changedFields: z.array(z.string().max(100)),
  actorId: z.string().min(1),
  at: InstantSchema,
});
export type GraphAuditRecord = z.infer<typeof GraphAuditRecordSchema>;

/**
 * What the audit item holds: the entry without the pathway id (`ref` is the id's tail, e.g.
 * `consent:2`); the id is rebuilt on read from the pathway asked for.
 */
const StoredAuditSchema = GraphAuditRecordSchema.omit({ id: true }).extend({ ref: z.string().min(1) });

export interface GraphPlanStoreOptions {
  siteId: string;
  /** List display name -> list id, from `provisionLists(...).listIds`. */
  listIds: Readonly<Record<string, string>>;
  /**
   * Secret for the pseudonymous citizen key in the audit list: HMAC-SHA-256(auditKey, pathwayId).
   * Someone who reads the audit list without the key cannot tell which pathway an entry is about.
   */
  auditKey: string;
  retry?: Partial<RetryPolicy>;
  /** Items per page when reading lists and the delta feed. */
  pageSize?: number;
}

export interface DecisionChanges {
  /** Decisions created or changed since the token (latest state), parsed. */
  decisions: Decision[];
  /** The same decisions with their SharePoint item ids (what `removedItemIds` refers to later). */
  items: { itemId: string; decision: Decision }[];
  /** SharePoint item ids of removed decision items (decisions are append-only; only an admin removes one). */
  removedItemIds: string[];
  /** Pass to the next `refreshDecisions`. Opaque: used verbatim. */
  deltaLink: string;
  /** True when Graph no longer knew the old token (410) and this is a full enumeration: replace, don't merge. */
  reset: boolean;
}

type Columns = Readonly<Record<string, string | number | boolean | null>>;

const danish = new Intl.Collator('da');
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** zod re-creates objects in schema key order, so equal content gives equal JSON. */
const canonical = (value: unknown): string => JSON.stringify(value);
const instantMs = (instant: string): number => Date.parse(InstantSchema.parse(instant));
const MinutesInputSchema = MinutesSchema.omit({ version: true, id: true });
const DepartmentsSchema = z.array(DepartmentSchema);
const MAX_ETAG_ROUNDS = 5;
/** Up to this many keys, one filtered read per key; above it, one paged read of the whole list. */
const FEW = 10;

const L = {
  pathways: 'HelhedPathways',
  plans: 'HelhedPlans',
  meetings: 'HelhedMeetings',
  decisions: 'HelhedDecisions',
  actions: 'HelhedActions',
  minutes: 'HelhedMinutes',
  consent: 'HelhedConsent',
  audit: 'HelhedAudit',
  settings: 'HelhedSettings',
  drafts: 'HelhedDrafts',
} as const;
type ListName = (typeof L)[keyof typeof L];

/** Rejects two different records under one id inside a single call; keeps one of equal twins. */
function uniqueById<T extends { id: Id }>(entity: 'decision' | 'action', items: readonly T[]): Map<Id, T> {
  const byId = new Map<Id, T>();
  for (const item of items) {
    const seen = byId.get(item.id);
    if (seen !== undefined && canonical(seen) !== canonical(item)) throw new GraphAppendConflictError(entity, item.id);
    byId.set(item.id, item);
  }
  return byId;
}

function firstFailure(results: readonly ItemWriteResult[]): Error | null {
  for (const r of results) {
    if (!r.ok && !r.conflict) return r.error;
  }
  return null;
}

const DeltaPageSchema = z.object({
  value: z.array(
    z.object({
      id: z.string().min(1),
      deleted: z.object({ state: z.string().nullable().optional() }).nullable().optional(),
      fields: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});

/**
 * PlanStore over SharePoint lists in the one site the municipality chooses (provisioned by
 * `provisionLists`). See the port's TSDoc for the invariants; how they are kept here:
 *
 * - Every item holds the domain record as JSON in `record` (validated with zod before it is
 *   written, parsed with zod when read) plus the indexed columns the queries filter on. Reads
 *   filter on one indexed column with `eq` (the most selective the query offers) and apply the
 *   rest of the query in memory; lists are never filtered on a non-indexed column.
 * - Every create carries `clientKey` (indexed, unique) = the entity's natural id, so a create
 *   that is re-sent (timeout, 5xx, the outbox) finds the first item instead of writing a second.
 * - Items updated in place (pathway, meeting, settings, action status, minutes, drafts) are
 *   PATCHed with If-Match on the ETag just read. A 412 is never overwritten blindly: the item is
 *   read again and the change re-applied to what is there now (a "replace" for pathways and
 *   meetings, the status alone for an action, the next version for minutes).
 * - Plans and consent are append-only histories: each version is its own item with clientKey
 *   `pathway@version` / `pathway:consent:version`. The unique clientKey is the compare-and-set:
 *   of two writers of the same version exactly one create succeeds, the other gets 409 and a
 *   VersionConflictError. (A single "head" item with If-Match would need a second, separate
 *   write for the history item, and a crash between the two leaves history and head disagreeing;
 *   one create is atomic.)
 * - Audit: every plan version and consent event gets one audit item (clientKey = the entry's
 *   id), written right after the record it describes. SharePoint has no transaction across
 *   items, so if the audit write fails the call fails, and the retry (same version, same content,
 *   audit missing) completes it instead of raising a conflict. The audit item carries
 *   `citizenKey` = HMAC-SHA-256(auditKey, pathwayId), who, what (field names) and when (UTC),
 *   never content and never the pathway id in clear.
 */
export class GraphPlanStore implements PlanStore {
  private readonly writer: BatchWriter;
  private readonly specs = new Map<string, ListSpec>(HELHED_LISTS.map((s) => [s.name, s]));
  private readonly pageSize: number;
  private hmacKey: Promise<CryptoKey> | null = null;

  constructor(
    private readonly graph: GraphApi,
    private readonly options: GraphPlanStoreOptions,
  ) {
    this.writer = new BatchWriter(graph, options.siteId, options.retry);
    this.pageSize = options.pageSize ?? 200;
    for (const name of Object.values(L)) {
      if (options.listIds[name] === undefined) throw new Error(`list ${name} is not provisioned: run provisionLists first`);
    }
  }

  // ----------------------------------------------------------------------------- departments, settings

  async listDepartments(): Promise<Department[]> {
    const item = await this.byKey(L.settings, 'departments');
    if (item === null) return [];
    return this.parse(DepartmentsSchema, L.settings, item).sort((a, b) => danish.compare(a.name, b.name) || byString(a.id, b.id));
  }

  async saveDepartments(departments: readonly Department[]): Promise<void> {
    await this.upsert(L.settings, 'departments', {}, DepartmentsSchema.parse(departments));
  }

  async getSettings(): Promise<Settings> {
    const item = await this.byKey(L.settings, 'settings');
    if (item === null) throw new NotFoundError('settings', 'settings');
    return this.parse(SettingsSchema, L.settings, item);
  }

  async saveSettings(settings: Settings): Promise<void> {
    await this.upsert(L.settings, 'settings', {}, SettingsSchema.parse(settings));
  }

  // ----------------------------------------------------------------------------- pathways

  async listPathways(): Promise<Pathway[]> {
    const items = await this.read(L.pathways, null);
    return items
      .map((i) => this.parse(PathwaySchema, L.pathways, i))
      .sort((a, b) => danish.compare(a.citizen.displayName, b.citizen.displayName) || byString(a.id, b.id));
  }

  async getPathway(id: Id): Promise<Pathway | null> {
    const item = await this.byKey(L.pathways, id);
    return item === null ? null : this.parse(PathwaySchema, L.pathways, item);
  }

  async savePathway(pathway: Pathway): Promise<void> {
    const parsed = PathwaySchema.parse(pathway);
    await this.upsert(L.pathways, parsed.id, {}, parsed);
  }

  // ----------------------------------------------------------------------------- the plan

  async getPlan(pathwayId: Id): Promise<CitizenPlan | null> {
    const versions = await this.listPlanVersions(pathwayId);
    return versions[versions.length - 1] ?? null;
  }

  async listPlanVersions(pathwayId: Id): Promise<CitizenPlan[]> {
    const items = await this.read(L.plans, { column: 'pathwayId', value: pathwayId });
    return items
      .map((i) => this.parse(CitizenPlanSchema, L.plans, i))
      .filter((p) => p.pathwayId === pathwayId)
      .sort((a, b) => a.version - b.version);
  }

  async savePlan(plan: Omit<CitizenPlan, 'version'>, expectedVersion: number): Promise<CitizenPlan> {
    const next = CitizenPlanSchema.parse({ ...plan, version: expectedVersion + 1 });
    const pathwayId = next.pathwayId;
    const history = await this.listPlanVersions(pathwayId);
    const newest = history[history.length - 1];
    const actual = newest?.version ?? 0;
    const previous = history.find((p) => p.version === expectedVersion) ?? null;
    const audit = this.planAudit(previous, next);

    if (actual !== expectedVersion) {
      // The retry of a save whose plan landed but whose audit entry did not: complete it.
      const landed = history.find((p) => p.version === next.version);
      if (landed !== undefined && canonical(landed) === canonical(next) && (await this.byKey(L.audit, await this.auditKey(pathwayId, audit))) === null) {
        await this.writeAudit(pathwayId, audit);
        return landed;
      }
      throw new VersionConflictError('plan', pathwayId, expectedVersion, actual);
    }

    const [result] = await this.writer.write([
      this.create(L.plans, `${pathwayId}@${next.version}`, { pathwayId, version: next.version }, next),
    ]);
    if (result === undefined || (!result.ok && !result.conflict)) throw result?.error ?? new Error('plan not written');
    if (result.ok && result.existed) {
      // 409 on the clientKey: this version exists. Ours (an earlier attempt) or another writer's.
      const stored = (await this.listPlanVersions(pathwayId)).find((p) => p.version === next.version);
      if (stored === undefined || canonical(stored) !== canonical(next)) {
        throw new VersionConflictError('plan', pathwayId, expectedVersion, next.version);
      }
    }
    await this.writeAudit(pathwayId, audit);
    return next;
  }

  // ----------------------------------------------------------------------------- meetings

  async listMeetings(query: MeetingQuery): Promise<TeamMeeting[]> {
    const fromMs = query.from === undefined ? -Infinity : instantMs(query.from);
    const toMs = query.to === undefined ? Infinity : instantMs(query.to);
    const items = await this.read(L.meetings, query.pathwayId === undefined ? null : { column: 'pathwayId', value: query.pathwayId });
    return items
      .map((i) => this.parse(TeamMeetingSchema, L.meetings, i))
      .map((m) => ({ m, startMs: Date.parse(m.start) }))
      .filter(({ m, startMs }) => (query.pathwayId === undefined || m.pathwayId === query.pathwayId) && startMs >= fromMs && startMs < toMs)
      .sort((a, b) => a.startMs - b.startMs || byString(a.m.id, b.m.id))
      .map(({ m }) => m);
  }

  async getMeeting(id: Id): Promise<TeamMeeting | null> {
    const item = await this.byKey(L.meetings, id);
    return item === null ? null : this.parse(TeamMeetingSchema, L.meetings, item);
  }

  async findMeetingByChatId(chatId: string): Promise<TeamMeeting | null> {
    const items = await this.read(L.meetings, { column: 'chatId', value: chatId });
    const found = items
      .map((i) => this.parse(TeamMeetingSchema, L.meetings, i))
      .filter((m) => m.joinUrl !== null && chatIdFromJoinUrl(m.joinUrl) === chatId)
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || byString(a.id, b.id));
    return found[0] ?? null;
  }

  async saveMeeting(meeting: TeamMeeting): Promise<void> {
    const parsed = TeamMeetingSchema.parse(meeting);
    const chatId = parsed.joinUrl === null ? null : chatIdFromJoinUrl(parsed.joinUrl);
    await this.upsert(L.meetings, parsed.id, { pathwayId: parsed.pathwayId, startMs: Date.parse(parsed.start), chatId }, parsed);
  }

  // ----------------------------------------------------------------------------- decisions and actions

  /**
   * All or nothing, as far as SharePoint allows (it has no transaction across items):
   *
   * 1. Everything that can make the call fail is checked before anything is written: the
   *    records parse; an id already stored with other content (decision, or action apart from
   *    its status) throws GraphAppendConflictError; an action's decision must be in the call or
   *    stored. One read per meeting (decisions) and per pathway (actions), on indexed columns.
   * 2. The new decisions and actions go out through BatchWriter: ceil(n/20) `$batch` calls,
   *    clientKey = entity id, throttled steps retried inside the call.
   * 3. If some steps still fail (or the connection drops), the call throws and some items may
   *    have landed. The caller (the outbox) replays the same call: what landed is recognised by
   *    content (step 1 treats an identical stored record as done; a create that races one gets
   *    409 on the clientKey and is looked up), so the replay writes only what is missing, and
   *    nothing is duplicated. Until the replay completes, reads ignore an action whose decision
   *    is not stored (`listActions`), so a half-written call never shows an orphan action.
   * 4. A concurrent writer that stores the same id with other content between step 1 and step 2
   *    is detected through the 409 lookup and raises GraphAppendConflictError; the items of this
   *    call that landed are valid records on their own and are kept (documented, not hidden).
   */
  async appendDecisions(decisions: readonly Decision[], actions: readonly Action[]): Promise<void> {
    const append = await this.prepareAppend(decisions, actions);
    if (append.writes.length === 0) return;
    const results = await this.writer.write(append.writes);
    await this.settleAppend(append, results);
  }

  /**
   * The minutes of a meeting and the decisions (and actions) taken in it, written together:
   * with K decisions and no actions that is ceil((1+K)/20) `$batch` calls, after two reads on
   * indexed columns (the minutes item by clientKey, the meeting's decisions). Adapter-only (the
   * port writes them separately). Same guarantees as `writeMinutes` and `appendDecisions`; if
   * the minutes item changed since it was read (412), the decisions are kept and the minutes are
   * written again on top of the newer version, as `writeMinutes` does.
   */
  async writeMinutesWithDecisions(
    minutes: Omit<Minutes, 'version' | 'id'>,
    decisions: readonly Decision[],
    actions: readonly Action[] = [],
  ): Promise<Minutes> {
    const input = MinutesInputSchema.parse(minutes);
    const append = await this.prepareAppend(decisions, actions);
    const item = await this.byKey(L.minutes, input.meetingId);
    const columns = { pathwayId: input.pathwayId, meetingId: input.meetingId };
    const stored = item === null ? null : this.parse(MinutesSchema, L.minutes, item);
    const next = MinutesSchema.parse({ ...input, id: stored?.id ?? input.meetingId, version: (stored?.version ?? 0) + 1 });
    const minutesWrite: ItemWrite =
      item === null || item.etag === null
        ? this.create(L.minutes, input.meetingId, columns, next)
        : { kind: 'update', listId: this.listId(L.minutes), itemId: item.id, etag: item.etag, fields: { ...columns, record: JSON.stringify(next) } };
    const [minutesResult, ...rest] = await this.writer.write([minutesWrite, ...append.writes]);
    await this.settleAppend(append, rest);
    if (minutesResult === undefined) throw new Error('minutes not written');
    if (!minutesResult.ok) {
      if (!minutesResult.conflict) throw minutesResult.error;
      return this.writeMinutes(input); // 412: another writer in between; write on top of theirs.
    }
    // A PATCH that succeeded (or was verified by content), or a create that made the item. The
    // minutes' audit entry follows the write it records (never in the same batch: if the minutes
    // step lost a race, the entry would name the wrong author).
    if (item !== null || !minutesResult.existed) {
      await this.domainAudit(minutesAuditEntry(stored, next));
      return next;
    }
    // The create met an existing item: ours from a lost earlier answer, or another writer's.
    const now = await this.byKey(L.minutes, input.meetingId);
    if (now?.fields.record === JSON.stringify(next)) {
      await this.domainAudit(minutesAuditEntry(stored, next));
      return next;
    }
    return this.writeMinutes(input);
  }

  /**
   * Step 1 of appendDecisions (see there): validates, reads what is stored, throws on any
   * conflict before anything is written, and returns the creates still missing.
   */
  private async prepareAppend(decisions: readonly Decision[], actions: readonly Action[]): Promise<{ writes: ItemWrite[]; newDecisions: Decision[]; newActions: Action[] }> {
    const decisionById = uniqueById('decision', decisions.map((d) => DecisionSchema.parse(d)));
    const actionById = uniqueById('action', actions.map((a) => ActionSchema.parse(a)));
    if (decisionById.size === 0 && actionById.size === 0) return { writes: [], newDecisions: [], newActions: [] };

    const storedDecisions = new Map<Id, Decision>();
    for (const meetingId of new Set([...decisionById.values()].map((d) => d.meetingId))) {
      for (const d of await this.decisionsWhere({ column: 'meetingId', value: meetingId })) storedDecisions.set(d.id, d);
    }
    const newDecisions = [...decisionById.values()].filter((incoming) => {
      const stored = storedDecisions.get(incoming.id);
      if (stored === undefined) return true;
      if (canonical(stored) !== canonical(incoming)) throw new GraphAppendConflictError('decision', incoming.id);
      return false;
    });
    const parentsElsewhere = [...new Set([...actionById.values()].map((a) => a.decisionId))].filter((id) => !decisionById.has(id));
    for (const id of parentsElsewhere) {
      if ((await this.byKey(L.decisions, id)) === null) throw new NotFoundError('decision', id);
    }
    const storedActions = new Map<Id, Action>();
    for (const pathwayId of new Set([...actionById.values()].map((a) => a.pathwayId))) {
      for (const a of await this.actionsWhere({ column: 'pathwayId', value: pathwayId })) storedActions.set(a.id, a);
    }
    const newActions = [...actionById.values()].filter((incoming) => {
      const stored = storedActions.get(incoming.id);
      if (stored === undefined) return true;
      // The status may have moved on since the first append; a retry still carries 'open'.
      if (canonical({ ...stored, status: incoming.status }) !== canonical(incoming)) throw new GraphAppendConflictError('action', incoming.id);
      return false;
    });
    // One audit entry per decision, for every incoming one: a replay whose decisions landed but
    // whose audit entries did not completes them (an entry already stored answers 409, kept once).
    const audits: ItemWrite[] = [];
    for (const d of decisionById.values()) {
      const { pathwayId, ...record } = decisionAuditEntry(d);
      audits.push(await this.auditWrite(pathwayId, GraphAuditRecordSchema.parse(record)));
    }
    const writes: ItemWrite[] = [...newDecisions.map((d) => this.decisionWrite(d)), ...newActions.map((a) => this.actionWrite(a)), ...audits];
    return { writes, newDecisions, newActions };
  }

  /** Steps 3 and 4 of appendDecisions: a failed step fails the call (replay completes it); a raced create is compared. */
  private async settleAppend(append: { newDecisions: Decision[]; newActions: Action[] }, results: readonly ItemWriteResult[]): Promise<void> {
    const failure = firstFailure(results);
    if (failure !== null) throw failure;
    const { newDecisions, newActions } = append;
    // Creates that met an existing clientKey: an earlier attempt of ours, or a concurrent writer.
    // (The audit creates after them need no check: the same id is the same entry.)
    const raced = results
      .slice(0, newDecisions.length + newActions.length)
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r.ok && r.existed);
    for (const { i } of raced) {
      if (i < newDecisions.length) {
        const mine = newDecisions[i]!;
        const item = await this.byKey(L.decisions, mine.id);
        if (item === null || canonical(this.parse(DecisionSchema, L.decisions, item)) !== canonical(mine)) throw new GraphAppendConflictError('decision', mine.id);
      } else {
        const mine = newActions[i - newDecisions.length]!;
        const item = await this.byKey(L.actions, mine.id);
        const stored = item === null ? null : this.parse(ActionSchema, L.actions, item);
        if (stored === null || canonical({ ...stored, status: mine.status }) !== canonical(mine)) throw new GraphAppendConflictError('action', mine.id);
      }
    }
  }

  /** Filters on one indexed column (meeting, else pathway, else status) and the rest in memory. */
  async listDecisions(query: DecisionQuery): Promise<Decision[]> {
    if (query.departmentIds !== undefined && query.departmentIds.length === 0) return [];
    const matches = decisionQueryFilter(query);
    const filter =
      query.meetingId !== undefined
        ? { column: 'meetingId', value: query.meetingId }
        : query.pathwayId !== undefined
          ? { column: 'pathwayId', value: query.pathwayId }
          : query.status !== undefined
            ? { column: 'status', value: query.status }
            : null;
    return inDecisionOrder((await this.decisionsWhere(filter)).filter(matches));
  }

  /**
   * Ordered by due date, then id. Actions whose decision is not stored (a half-completed
   * `appendDecisions`, until its replay) are left out.
   */
  async listActions(query: { pathwayId?: Id; ownerId?: Id; decisionIds?: readonly Id[] }): Promise<Action[]> {
    if (query.decisionIds !== undefined && query.decisionIds.length === 0) return [];
    const wanted = query.decisionIds === undefined ? null : new Set(query.decisionIds);
    let found: Action[];
    if (query.ownerId !== undefined) found = await this.actionsWhere({ column: 'ownerId', value: query.ownerId });
    else if (query.pathwayId !== undefined) found = await this.actionsWhere({ column: 'pathwayId', value: query.pathwayId });
    else if (wanted !== null && wanted.size <= FEW) {
      found = [];
      for (const decisionId of wanted) found.push(...(await this.actionsWhere({ column: 'decisionId', value: decisionId })));
    } else {
      // No filter, or the leader review asking for the actions of thousands of decisions: one
      // paged read of the list beats one filtered read per decision.
      found = await this.actionsWhere(null);
    }
    const matching = found.filter(
      (a) =>
        (query.pathwayId === undefined || a.pathwayId === query.pathwayId) &&
        (query.ownerId === undefined || a.ownerId === query.ownerId) &&
        (wanted === null || wanted.has(a.decisionId)),
    );
    const existing = await this.existingDecisionIds(matching);
    return matching.filter((a) => existing.has(a.decisionId)).sort((a, b) => byString(a.dueDate, b.dueDate) || byString(a.id, b.id));
  }

  async setActionStatus(actionId: Id, status: Action['status']): Promise<void> {
    const parsedStatus = ActionSchema.shape.status.parse(status);
    for (let round = 0; round < MAX_ETAG_ROUNDS; round += 1) {
      const item = await this.byKey(L.actions, actionId);
      if (item === null) throw new NotFoundError('action', actionId);
      const action = this.parse(ActionSchema, L.actions, item);
      // Only the status changes; the rest of an action is immutable, so re-applying it after a 412 merges exactly.
      if (await this.update(L.actions, item, {}, { ...action, status: parsedStatus })) return;
    }
    throw new WriteContentionError(L.actions, actionId);
  }

  // ----------------------------------------------------------------------------- minutes

  /**
   * One item per meeting (clientKey = meetingId). The first write creates version 1; a later
   * write PATCHes with If-Match and version + 1; a 412 (another writer in between) re-reads and
   * writes the next version on top, so concurrent writes each get their own version.
   */
  async writeMinutes(minutes: Omit<Minutes, 'version' | 'id'>): Promise<Minutes> {
    const input = MinutesInputSchema.parse(minutes);
    for (let round = 0; round < MAX_ETAG_ROUNDS; round += 1) {
      const item = await this.byKey(L.minutes, input.meetingId);
      const columns = { pathwayId: input.pathwayId, meetingId: input.meetingId };
      if (item === null) {
        const first = MinutesSchema.parse({ ...input, id: input.meetingId, version: 1 });
        const [result] = await this.writer.write([this.create(L.minutes, input.meetingId, columns, first)]);
        if (result === undefined || (!result.ok && !result.conflict)) throw result?.error ?? new Error('minutes not written');
        if (result.ok && !result.existed) {
          await this.domainAudit(minutesAuditEntry(null, first));
          return first;
        }
        continue; // Created concurrently (or by a lost earlier attempt): write on top of it.
      }
      const stored = this.parse(MinutesSchema, L.minutes, item);
      const next = MinutesSchema.parse({ ...input, id: stored.id, version: stored.version + 1 });
      if (await this.update(L.minutes, item, columns, next)) {
        await this.domainAudit(minutesAuditEntry(stored, next));
        return next;
      }
    }
    throw new WriteContentionError(L.minutes, input.meetingId);
  }

  async getMinutes(meetingId: Id): Promise<Minutes | null> {
    const item = await this.byKey(L.minutes, meetingId);
    return item === null ? null : this.parse(MinutesSchema, L.minutes, item);
  }

  async listMinutes(pathwayId: Id): Promise<Minutes[]> {
    const items = await this.read(L.minutes, { column: 'pathwayId', value: pathwayId });
    return items
      .map((i) => this.parse(MinutesSchema, L.minutes, i))
      .filter((m) => m.pathwayId === pathwayId)
      .sort((a, b) => Date.parse(a.content.meetingStart) - Date.parse(b.content.meetingStart) || byString(a.meetingId, b.meetingId));
  }

  // ----------------------------------------------------------------------------- drafts

  async saveDraft(draft: DecisionDraft): Promise<void> {
    const parsed = DecisionDraftSchema.parse(draft);
    await this.upsert(L.drafts, `${parsed.meetingId}/${parsed.authorId}`, { meetingId: parsed.meetingId }, parsed);
  }

  async getDraft(meetingId: Id, authorId: Id): Promise<DecisionDraft | null> {
    const item = await this.byKey(L.drafts, `${meetingId}/${authorId}`);
    return item === null ? null : this.parse(DecisionDraftSchema, L.drafts, item);
  }

  async deleteDraft(meetingId: Id, authorId: Id): Promise<void> {
    const item = await this.byKey(L.drafts, `${meetingId}/${authorId}`);
    if (item === null) return;
    try {
      await this.graph.call({ method: 'DELETE', path: `${this.listPath(L.drafts)}/items/${encodeURIComponent(item.id)}`, schema: z.unknown(), replaySafe: true });
    } catch (error) {
      // Deleted by an earlier attempt whose answer was lost: the draft is gone, as asked.
      if (!(error instanceof GraphNotFoundError)) throw error;
    }
  }

  // ----------------------------------------------------------------------------- consent and audit

  async getConsent(pathwayId: Id): Promise<Consent | null> {
    return consentFromHistory(await this.listConsentHistory(pathwayId));
  }

  async listConsentHistory(pathwayId: Id): Promise<ConsentEvent[]> {
    const items = await this.read(L.consent, { column: 'pathwayId', value: pathwayId });
    return items
      .map((i) => this.parse(ConsentEventSchema, L.consent, i))
      .filter((e) => e.pathwayId === pathwayId)
      .sort((a, b) => a.version - b.version);
  }

  async appendConsentEvent(event: ConsentEvent): Promise<Consent> {
    const parsed = ConsentEventSchema.parse(event);
    const { pathwayId } = parsed;
    const history = await this.listConsentHistory(pathwayId);
    const actual = history[history.length - 1]?.version ?? 0;
    const stored = history.find((e) => e.version === parsed.version);
    const before = consentFromHistory(history.filter((e) => e.version < parsed.version));
    const audit = this.consentAudit(before, parsed);
    const fold = (events: readonly ConsentEvent[]): Consent => {
      const consent = consentFromHistory(events);
      if (consent === null) throw new NotFoundError('consent', pathwayId);
      return consent;
    };
    if (stored !== undefined && canonical(stored) === canonical(parsed)) {
      // A retry of an event that landed: make sure its audit entry did too (idempotent by clientKey).
      await this.writeAudit(pathwayId, audit);
      return fold(history);
    }
    if (parsed.version !== actual + 1) throw new VersionConflictError('consent', pathwayId, parsed.version - 1, actual);
    if (before === null && parsed.kind !== 'given') throw new NotFoundError('consent', pathwayId);

    const [result] = await this.writer.write([this.create(L.consent, audit.id, { pathwayId }, parsed)]);
    if (result === undefined || (!result.ok && !result.conflict)) throw result?.error ?? new Error('consent event not written');
    if (result.ok && result.existed) {
      const now = await this.listConsentHistory(pathwayId);
      const there = now.find((e) => e.version === parsed.version);
      if (there === undefined || canonical(there) !== canonical(parsed)) {
        throw new VersionConflictError('consent', pathwayId, parsed.version - 1, now[now.length - 1]?.version ?? parsed.version);
      }
    }
    await this.writeAudit(pathwayId, audit);
    return fold([...history, parsed]);
  }

  /** The consent entries of the pathway's audit trail (the domain's AuditEntry), oldest first. */
  async listAudit(pathwayId: Id): Promise<AuditEntry[]> {
    return (await this.listWriteAudit(pathwayId)).map((e) => AuditEntrySchema.parse(e));
  }

  /** Every audit entry of the pathway (plan, consent, decision and minutes writes), oldest first. */
  async listWriteAudit(pathwayId: Id): Promise<(GraphAuditRecord & { pathwayId: Id })[]> {
    const citizenKey = await this.citizenKey(pathwayId);
    const items = await this.read(L.audit, { column: 'citizenKey', value: citizenKey });
    return items
      .filter((i) => i.fields.citizenKey === citizenKey)
      .map((i) => {
        const { ref, ...rest } = this.parse(StoredAuditSchema, L.audit, i);
        return { id: `${pathwayId}:${ref}`, ...rest };
      })
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || byString(a.id, b.id))
      .map((e) => ({ ...e, pathwayId }));
  }

  // ----------------------------------------------------------------------------- leader refresh (delta)

  /**
   * The leader view's refresh: the list items delta feed of the decisions list
   * (`GET /sites/{site}/lists/{list}/items/delta`, https://learn.microsoft.com/graph/api/listitem-delta).
   * `deltaLink` null enumerates every decision (pages followed through `@odata.nextLink`) and
   * returns the link to use next; with a link, it returns only what changed since, so a refresh
   * with no changes is 1 request. Links are followed verbatim. A 410 (token too old) restarts
   * with a full enumeration and `reset: true`.
   */
  async refreshDecisions(deltaLink: string | null): Promise<DecisionChanges> {
    const first = { path: `${this.listPath(L.decisions)}/items/delta`, query: { $expand: 'fields', $top: String(this.pageSize) } };
    let call: { path: string; query?: Record<string, string> } = deltaLink === null ? first : { path: this.graphLink(deltaLink) };
    let reset = deltaLink === null;
    const latest = new Map<string, Decision | null>();
    for (;;) {
      let page: z.infer<typeof DeltaPageSchema>;
      try {
        page = await this.graph.call({ method: 'GET', ...call, schema: DeltaPageSchema });
      } catch (error) {
        if (error instanceof GraphRequestError && error.status === 410 && !reset) {
          latest.clear();
          reset = true;
          call = first;
          continue;
        }
        throw error;
      }
      // The same item may come more than once: the last occurrence wins.
      for (const item of page.value) {
        if (item.deleted !== undefined && item.deleted !== null) latest.set(item.id, null);
        else latest.set(item.id, this.parse(DecisionSchema, L.decisions, { id: item.id, etag: null, fields: item.fields ?? {} }));
      }
      const next = page['@odata.nextLink'];
      if (next !== undefined) {
        call = { path: this.graphLink(next) };
        continue;
      }
      const link = page['@odata.deltaLink'];
      if (link === undefined) throw new Error('delta feed ended without @odata.deltaLink');
      const items = [...latest.entries()]
        .filter((entry): entry is [string, Decision] => entry[1] !== null)
        .map(([itemId, decision]) => ({ itemId, decision }))
        .sort((a, b) => Date.parse(a.decision.createdAt) - Date.parse(b.decision.createdAt) || byString(a.decision.id, b.decision.id));
      const removedItemIds = [...latest.entries()].filter(([, d]) => d === null).map(([id]) => id);
      return { decisions: items.map((i) => i.decision), items, removedItemIds, deltaLink: link, reset };
    }
  }

  // ----------------------------------------------------------------------------- internals

  private graphLink(link: string): string {
    if (!link.startsWith(`${GRAPH_ORIGIN}/`)) throw new Error(`refusing to follow a link outside Graph: ${new URL(link).origin}`);
    return link;
  }

  private listPath(list: ListName): string {
    return `/sites/${encodeURIComponent(this.options.siteId)}/lists/${encodeURIComponent(this.listId(list))}`;
  }

  private listId(list: ListName): string {
    const id = this.options.listIds[list];
    if (id === undefined) throw new Error(`list ${list} is not provisioned`);
    return id;
  }

  private spec(list: ListName): ListSpec {
    const spec = this.specs.get(list);
    if (spec === undefined) throw new Error(`no spec for ${list}`);
    return spec;
  }

  private read(list: ListName, filter: { column: string; value: string } | null): Promise<ListItemRead[]> {
    return readItems(this.graph, this.options.siteId, this.listId(list), this.spec(list), filter, this.pageSize);
  }

  private async byKey(list: ListName, key: string): Promise<ListItemRead | null> {
    const items = await this.read(list, { column: 'clientKey', value: key });
    return items.find((i) => i.fields.clientKey === key) ?? null;
  }

  private parse<S extends z.ZodType>(schema: S, list: string, item: ListItemRead): z.output<S> {
    const raw = item.fields.record;
    if (typeof raw !== 'string') throw new StoredItemInvalidError(list, item.id, 'no record');
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new StoredItemInvalidError(list, item.id, 'record is not JSON');
    }
    const result = schema.safeParse(json);
    if (!result.success) throw new StoredItemInvalidError(list, item.id, result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    return result.data;
  }

  private create(list: ListName, key: string, columns: Columns, record: unknown): ItemWrite {
    return { kind: 'create', listId: this.listId(list), clientKey: key, fields: { ...columns, record: JSON.stringify(record) } };
  }

  /** PATCH with If-Match. True when written; false on 412 (the caller re-reads). */
  private async update(list: ListName, item: ListItemRead, columns: Columns, record: unknown): Promise<boolean> {
    if (item.etag === null) throw new StoredItemInvalidError(list, item.id, 'no ETag');
    const [result] = await this.writer.write([
      { kind: 'update', listId: this.listId(list), itemId: item.id, etag: item.etag, fields: { ...columns, record: JSON.stringify(record) } },
    ]);
    if (result === undefined) throw new Error(`${list} item ${item.id} not written`);
    if (result.ok) return true;
    if (result.conflict) return false;
    throw result.error;
  }

  /** Creates or replaces the item with this clientKey (last writer wins, by the port's "replace"). */
  private async upsert(list: ListName, key: string, columns: Columns, record: unknown): Promise<void> {
    for (let round = 0; round < MAX_ETAG_ROUNDS; round += 1) {
      const item = await this.byKey(list, key);
      if (item === null) {
        const [result] = await this.writer.write([this.create(list, key, columns, record)]);
        if (result === undefined || (!result.ok && !result.conflict)) throw result?.error ?? new Error(`${list} ${key} not written`);
        if (result.ok && !result.existed) return;
        continue; // Created meanwhile: replace it.
      }
      if (item.fields.record === JSON.stringify(record)) return;
      if (await this.update(list, item, columns, record)) return;
    }
    throw new WriteContentionError(list, key);
  }

  private decisionWrite(d: Decision): ItemWrite {
    const departmentIds = [...new Set(d.commitments.map((c) => c.departmentId))];
    return this.create(
      L.decisions,
      d.id,
      {
        pathwayId: d.pathwayId,
        meetingId: d.meetingId,
        createdAtMs: Date.parse(d.createdAt),
        status: d.status,
        departmentIds: departmentIds.length === 0 ? '' : `;${departmentIds.join(';')};`,
      },
      d,
    );
  }

  private actionWrite(a: Action): ItemWrite {
    return this.create(L.actions, a.id, { pathwayId: a.pathwayId, ownerId: a.ownerId, decisionId: a.decisionId }, a);
  }

  private async decisionsWhere(filter: { column: string; value: string } | null): Promise<Decision[]> {
    return (await this.read(L.decisions, filter)).map((i) => this.parse(DecisionSchema, L.decisions, i));
  }

  private async actionsWhere(filter: { column: string; value: string } | null): Promise<Action[]> {
    return (await this.read(L.actions, filter)).map((i) => this.parse(ActionSchema, L.actions, i));
  }

  /**
   * Which of the actions' decisions are stored: one read per pathway on the indexed column, or,
   * for actions of many pathways, one paged read of the whole list.
   */
  private async existingDecisionIds(actions: readonly Action[]): Promise<Set<Id>> {
    const out = new Set<Id>();
    const pathwayIds = new Set(actions.map((a) => a.pathwayId));
    if (pathwayIds.size > FEW) {
      for (const d of await this.decisionsWhere(null)) out.add(d.id);
      return out;
    }
    for (const pathwayId of pathwayIds) {
      for (const d of await this.decisionsWhere({ column: 'pathwayId', value: pathwayId })) out.add(d.id);
    }
    return out;
  }

  private planAudit(previous: CitizenPlan | null, next: CitizenPlan): GraphAuditRecord {
    const { pathwayId: _pathwayId, ...entry } = planAuditEntry(previous, next);
    return GraphAuditRecordSchema.parse(entry);
  }


  private consentAudit(before: Consent | null, event: ConsentEvent): GraphAuditRecord {
    return GraphAuditRecordSchema.parse({
      // Deterministic: one audit entry per consent event, whoever retries.
      id: `${event.pathwayId}:consent:${event.version}`,
      entity: 'consent',
      action: event.kind === 'given' ? 'create' : event.kind === 'renewed' ? 'update' : 'withdraw',
      changedFields: changedConsentFields(before, event),
      actorId: event.recordedBy,
      at: event.recordedAt,
    });
  }

  /** clientKey of an audit item: `citizenKey:ref`, so the pathway id never appears in clear. */
  private async auditKey(pathwayId: Id, entry: GraphAuditRecord): Promise<string> {
    return `${await this.citizenKey(pathwayId)}:${this.auditRef(pathwayId, entry)}`;
  }

  private auditRef(pathwayId: Id, entry: GraphAuditRecord): string {
    const prefix = `${pathwayId}:`;
    if (!entry.id.startsWith(prefix)) throw new Error(`audit id ${entry.id} does not start with its pathway`);
    return entry.id.slice(prefix.length);
  }

  /** Idempotent by clientKey; the pathway appears only as its keyed hash. */
  private async writeAudit(pathwayId: Id, entry: GraphAuditRecord): Promise<void> {
    const [result] = await this.writer.write([await this.auditWrite(pathwayId, entry)]);
    if (result === undefined || (!result.ok && !result.conflict)) throw result?.error ?? new Error('audit entry not written');
  }

  /** The create of one audit item (a second create of the same entry meets its clientKey: 409, kept once). */
  private async auditWrite(pathwayId: Id, entry: GraphAuditRecord): Promise<ItemWrite> {
    const citizenKey = await this.citizenKey(pathwayId);
    const { id: _id, ...rest } = entry;
    const stored = StoredAuditSchema.parse({ ...rest, ref: this.auditRef(pathwayId, entry) });
    return this.create(L.audit, await this.auditKey(pathwayId, entry), { citizenKey }, stored);
  }

  private async domainAudit(entry: AuditEntry): Promise<void> {
    const { pathwayId, ...record } = entry;
    await this.writeAudit(pathwayId, GraphAuditRecordSchema.parse(record));
  }

  private async citizenKey(pathwayId: Id): Promise<string> {
    this.hmacKey ??= crypto.subtle.importKey('raw', new TextEncoder().encode(this.options.auditKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const mac = await crypto.subtle.sign('HMAC', await this.hmacKey, new TextEncoder().encode(pathwayId));
    return [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }
}
