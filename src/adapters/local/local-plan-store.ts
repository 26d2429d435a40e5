import Dexie from 'dexie';
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
import { chatIdFromJoinUrl } from '../../domain/teams-join-url';
import { decisionAuditEntry, minutesAuditEntry, planAuditEntry } from '../../domain/audit';
import { changedConsentFields, consentFromHistory } from '../../domain/rules/consent';
import {
  NotFoundError,
  VersionConflictError,
  type DecisionQuery,
  type MeetingQuery,
  type PlanStore,
} from '../../ports/plan-store';
import { decisionIndexKeys, type AuditRow, type DecisionRow, type HelhedDb, type MeetingRow, type MinutesRow } from './db';
import { withPortErrors } from './dexie-errors';
import { parseStored } from './stored-record';

/**
 * An append-only record (decision or action) was appended again under the same id with
 * different content. A retry carries identical content; anything else is a bug or a lost
 * race, and silently keeping either version would lose a decision (rule 7).
 */
export class AppendConflictError extends Error {
  constructor(
    readonly entity: 'decision' | 'action',
    readonly id: Id,
  ) {
    super(`${entity} ${id} already exists with different content`);
    this.name = 'AppendConflictError';
  }
}

const SETTINGS_KEY = 'settings';
/** Below this many keys an index cursor always wins over a whole-table read (see listActions). */
const MANY_KEYS = 2_000;
const MinutesInputSchema = MinutesSchema.omit({ version: true, id: true });

/** Danish collation puts æ, ø, å after z, as a Danish reader expects in a list of names. */
const danish = new Intl.Collator('da');

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** zod re-creates objects in schema key order, so equal content gives equal JSON. */
const canonical = (value: unknown): string => JSON.stringify(value);

const instantMs = (instant: string): number => Date.parse(InstantSchema.parse(instant));

function toDecisionRow(decision: Decision): DecisionRow {
  const createdAtMs = Date.parse(decision.createdAt);
  const departmentIds = [...new Set(decision.commitments.map((c) => c.departmentId))];
  return { ...decision, createdAtMs, departmentIds, ...decisionIndexKeys(departmentIds, decision.status, createdAtMs) };
}

function matchesDecision(
  row: DecisionRow,
  query: DecisionQuery,
  departments: ReadonlySet<Id> | null,
  fromMs: number,
  toMs: number,
): boolean {
  return (
    (query.pathwayId === undefined || row.pathwayId === query.pathwayId) &&
    (query.meetingId === undefined || row.meetingId === query.meetingId) &&
    (query.status === undefined || row.status === query.status) &&
    (departments === null || row.departmentIds.some((d) => departments.has(d))) &&
    row.createdAtMs >= fromMs &&
    row.createdAtMs < toMs
  );
}

/** Rejects two different records under one id inside a single call, keeps one of equal twins. */
function uniqueById<T extends { id: Id }>(entity: 'decision' | 'action', items: readonly T[]): Map<Id, T> {
  const byId = new Map<Id, T>();
  for (const item of items) {
    const seen = byId.get(item.id);
    if (seen !== undefined && canonical(seen) !== canonical(item)) throw new AppendConflictError(entity, item.id);
    byId.set(item.id, item);
  }
  return byId;
}

/** The PlanStore of standalone mode. See the port's TSDoc for the invariants kept here. */
export class LocalPlanStore implements PlanStore {
  constructor(private readonly db: HelhedDb) {}

  async listDepartments(): Promise<Department[]> {
    const rows = await this.db.departments.toArray();
    return rows
      .map((row) => parseStored(DepartmentSchema, 'departments', row.id, row))
      .sort((a, b) => danish.compare(a.name, b.name) || byString(a.id, b.id));
  }

  /** Replaces the whole list: the admin screen edits the municipality's departments as one set. */
  async saveDepartments(departments: readonly Department[]): Promise<void> {
    const parsed = departments.map((d) => DepartmentSchema.parse(d));
    await this.db.transaction('rw', this.db.departments, async () => {
      await this.db.departments.clear();
      await this.db.departments.bulkPut(parsed);
    });
  }

  async getSettings(): Promise<Settings> {
    const row = await this.db.settings.get(SETTINGS_KEY);
    // No defaults are invented here: a store that was never set up says so (STYLE.md 6).
    if (row === undefined) throw new NotFoundError('settings', SETTINGS_KEY);
    return parseStored(SettingsSchema, 'settings', SETTINGS_KEY, row.value);
  }

  async saveSettings(settings: Settings): Promise<void> {
    await this.db.settings.put({ key: SETTINGS_KEY, value: SettingsSchema.parse(settings) });
  }

  async listPathways(): Promise<Pathway[]> {
    const rows = await this.db.pathways.toArray();
    return rows
      .map((row) => parseStored(PathwaySchema, 'pathways', row.id, row))
      .sort((a, b) => danish.compare(a.citizen.displayName, b.citizen.displayName) || byString(a.id, b.id));
  }

  async getPathway(id: Id): Promise<Pathway | null> {
    const row = await this.db.pathways.get(id);
    return row === undefined ? null : parseStored(PathwaySchema, 'pathways', id, row);
  }

  async savePathway(pathway: Pathway): Promise<void> {
    await this.db.pathways.put(PathwaySchema.parse(pathway));
  }

  async getPlan(pathwayId: Id): Promise<CitizenPlan | null> {
    const row = await this.planVersions(pathwayId).last();
    return row === undefined ? null : parseStored(CitizenPlanSchema, 'plans', `${pathwayId}@${row.version}`, row);
  }

  async listPlanVersions(pathwayId: Id): Promise<CitizenPlan[]> {
    const rows = await this.planVersions(pathwayId).toArray();
    return rows.map((row) => parseStored(CitizenPlanSchema, 'plans', `${pathwayId}@${row.version}`, row));
  }

  async savePlan(plan: Omit<CitizenPlan, 'version'>, expectedVersion: number): Promise<CitizenPlan> {
    const next = CitizenPlanSchema.parse({ ...plan, version: expectedVersion + 1 });
    return this.db.transaction('rw', this.db.plans, this.db.audit, async () => {
      const newest = await this.planVersions(plan.pathwayId).last();
      const actual = newest?.version ?? 0;
      if (actual !== expectedVersion) throw new VersionConflictError('plan', plan.pathwayId, expectedVersion, actual);
      // add, not put: a second writer that slipped past the check must fail, not overwrite.
      await this.db.plans.add(next);
      const previous = newest === undefined ? null : parseStored(CitizenPlanSchema, 'plans', `${plan.pathwayId}@${newest.version}`, newest);
      await this.addAudit(planAuditEntry(previous, next));
      return next;
    });
  }

  async listMeetings(query: MeetingQuery): Promise<TeamMeeting[]> {
    const fromMs = query.from === undefined ? -Infinity : instantMs(query.from);
    const toMs = query.to === undefined ? Infinity : instantMs(query.to);
    const rows =
      query.pathwayId === undefined
        ? await this.db.meetings.where('startMs').between(fromMs, toMs, true, false).toArray()
        : await this.db.meetings
            .where('[pathwayId+startMs]')
            .between([query.pathwayId, fromMs], [query.pathwayId, toMs], true, false)
            .toArray();
    return rows
      .sort((a, b) => a.startMs - b.startMs || byString(a.id, b.id))
      .map((row) => parseStored(TeamMeetingSchema, 'meetings', row.id, row));
  }

  async getMeeting(id: Id): Promise<TeamMeeting | null> {
    const row = await this.db.meetings.get(id);
    return row === undefined ? null : parseStored(TeamMeetingSchema, 'meetings', id, row);
  }

  /** A scan, not an index: the local store holds one municipality's demo-sized data. */
  async findMeetingByChatId(chatId: string): Promise<TeamMeeting | null> {
    const rows = await this.db.meetings.filter((row) => row.joinUrl !== null && chatIdFromJoinUrl(row.joinUrl) === chatId).toArray();
    const first = rows.sort((a, b) => a.startMs - b.startMs || byString(a.id, b.id))[0];
    return first === undefined ? null : parseStored(TeamMeetingSchema, 'meetings', first.id, first);
  }

  async saveMeeting(meeting: TeamMeeting): Promise<void> {
    const parsed = TeamMeetingSchema.parse(meeting);
    const row: MeetingRow = { ...parsed, startMs: Date.parse(parsed.start) };
    await this.db.meetings.put(row);
  }

  async appendDecisions(decisions: readonly Decision[], actions: readonly Action[]): Promise<void> {
    const decisionById = uniqueById('decision', decisions.map((d) => DecisionSchema.parse(d)));
    const actionById = uniqueById('action', actions.map((a) => ActionSchema.parse(a)));
    const { db } = this;
    const work = db.transaction('rw', db.decisions, db.actions, db.audit, async () => {
      const incomingDecisions = [...decisionById.values()];
      const storedDecisions = await db.decisions.bulkGet(incomingDecisions.map((d) => d.id));
      const newDecisions = incomingDecisions.filter((incoming, i) => {
        const stored = storedDecisions[i];
        if (stored === undefined) return true;
        if (canonical(parseStored(DecisionSchema, 'decisions', incoming.id, stored)) !== canonical(incoming)) {
          throw new AppendConflictError('decision', incoming.id);
        }
        return false;
      });

      const incomingActions = [...actionById.values()];
      const parentsElsewhere = [...new Set(incomingActions.map((a) => a.decisionId))].filter((id) => !decisionById.has(id));
      const storedParents = await db.decisions.bulkGet(parentsElsewhere);
      parentsElsewhere.forEach((id, i) => {
        if (storedParents[i] === undefined) throw new NotFoundError('decision', id);
      });

      const storedActions = await db.actions.bulkGet(incomingActions.map((a) => a.id));
      const newActions = incomingActions.filter((incoming, i) => {
        const stored = storedActions[i];
        if (stored === undefined) return true;
        // The status may have moved on since the first append; a retry still carries 'open'.
        const storedAction = parseStored(ActionSchema, 'actions', incoming.id, stored);
        if (canonical({ ...storedAction, status: incoming.status }) !== canonical(incoming)) {
          throw new AppendConflictError('action', incoming.id);
        }
        return false;
      });

      await db.decisions.bulkAdd(newDecisions.map(toDecisionRow));
      await db.actions.bulkAdd(newActions);
      for (const d of newDecisions) await this.addAudit(decisionAuditEntry(d));
    });
    await withPortErrors(work);
  }

  /**
   * Uses the most selective index the query offers. A department query (the leader review) is
   * one key range per department on `deptStatusAt` (with a status) or `deptAt` (without), so
   * the period and the status are served by the index too (db.ts, version 3); a decision that
   * commits two of the departments is found twice and kept once. What no index covered is
   * checked in memory on the rows the index returned.
   */
  async listDecisions(query: DecisionQuery): Promise<Decision[]> {
    // "At least one of no departments" matches nothing; a leader without departments sees none.
    if (query.departmentIds !== undefined && query.departmentIds.length === 0) return [];
    const fromMs = query.from === undefined ? -Infinity : instantMs(query.from);
    const toMs = query.to === undefined ? Infinity : instantMs(query.to);
    const { decisions } = this.db;
    const departments = query.departmentIds === undefined ? [] : [...new Set(query.departmentIds)];
    const { status } = query;
    // One getAll() per department range rather than Dexie's inAnyRange(), which walks a cursor
    // row by row from the lowest to the highest bound (bench/store.mjs: getAll is ~1.5x faster).
    const collections =
      query.meetingId !== undefined
        ? [decisions.where('meetingId').equals(query.meetingId)]
        : query.pathwayId !== undefined
          ? [decisions.where('pathwayId').equals(query.pathwayId)]
          : departments.length > 0
            ? departments.map((d) =>
                status !== undefined
                  ? decisions.where('deptStatusAt').between([d, status, fromMs], [d, status, toMs], true, false)
                  : decisions.where('deptAt').between([d, fromMs], [d, toMs], true, false),
              )
            : query.from !== undefined || query.to !== undefined
              ? [decisions.where('createdAtMs').between(fromMs, toMs, true, false)]
              : status !== undefined
                ? [decisions.where('status').equals(status)]
                : [decisions.toCollection()];
    // Fetch, then check in memory what no index covered (e.g. a pathway plus a status).
    const wanted = departments.length > 0 ? new Set(departments) : null;
    const byId = new Map<Id, DecisionRow>();
    for (const rows of await Promise.all(collections.map((c) => c.toArray()))) {
      for (const row of rows) if (matchesDecision(row, query, wanted, fromMs, toMs)) byId.set(row.id, row);
    }
    return [...byId.values()]
      .sort((a, b) => a.createdAtMs - b.createdAtMs || byString(a.id, b.id))
      .map((row) => parseStored(DecisionSchema, 'decisions', row.id, row));
  }

  /** Ordered by due date, then id (the "my actions" list shows the most urgent first). */
  async listActions(query: { pathwayId?: Id; ownerId?: Id; decisionIds?: readonly Id[] }): Promise<Action[]> {
    if (query.decisionIds !== undefined && query.decisionIds.length === 0) return [];
    const { actions } = this.db;
    const decisionIds = query.decisionIds === undefined ? null : new Set(query.decisionIds);
    let found: Action[];
    if (decisionIds !== null) {
      // Dexie's anyOf() walks one cursor step per key (about half a millisecond each in Chromium).
      // A few thousand keys: one getAll() per key, all in flight at once, is several times
      // faster. Keys that are a large part of the table (the leader review of everything): one
      // read of the table and a Set.
      const manyKeys = decisionIds.size > MANY_KEYS && decisionIds.size * 8 > (await actions.count());
      found = manyKeys
        ? await actions.toArray()
        : (await Promise.all([...decisionIds].map((id) => actions.where('decisionId').equals(id).toArray()))).flat();
    } else if (query.ownerId !== undefined) {
      found = await actions.where('ownerId').equals(query.ownerId).toArray();
    } else if (query.pathwayId !== undefined) {
      found = await actions.where('pathwayId').equals(query.pathwayId).toArray();
    } else {
      found = await actions.toArray();
    }
    const rows = found.filter(
      (row) =>
        (query.pathwayId === undefined || row.pathwayId === query.pathwayId) &&
        (query.ownerId === undefined || row.ownerId === query.ownerId) &&
        (decisionIds === null || decisionIds.has(row.decisionId)),
    );
    return rows
      .map((row) => parseStored(ActionSchema, 'actions', row.id, row))
      .sort((a, b) => byString(a.dueDate, b.dueDate) || byString(a.id, b.id));
  }

  async setActionStatus(actionId: Id, status: Action['status']): Promise<void> {
    const parsedStatus = ActionSchema.shape.status.parse(status);
    const updated = await this.db.actions.update(actionId, { status: parsedStatus });
    if (updated === 0) throw new NotFoundError('action', actionId);
  }

  async writeMinutes(minutes: Omit<Minutes, 'version' | 'id'>): Promise<Minutes> {
    const input = MinutesInputSchema.parse(minutes);
    return this.db.transaction('rw', this.db.minutes, this.db.audit, async () => {
      const existing = await this.db.minutes.get(input.meetingId);
      const written = MinutesSchema.parse({
        ...input,
        // Keyed by the meeting: two tabs approving the first version cannot mint two entries.
        id: existing?.id ?? input.meetingId,
        version: (existing?.version ?? 0) + 1,
      });
      const row: MinutesRow = { ...written, meetingStartMs: Date.parse(written.content.meetingStart) };
      await this.db.minutes.put(row);
      await this.addAudit(minutesAuditEntry(existing ?? null, written));
      return written;
    });
  }

  async getMinutes(meetingId: Id): Promise<Minutes | null> {
    const row = await this.db.minutes.get(meetingId);
    return row === undefined ? null : parseStored(MinutesSchema, 'minutes', meetingId, row);
  }

  async listMinutes(pathwayId: Id): Promise<Minutes[]> {
    const rows = await this.db.minutes.where('pathwayId').equals(pathwayId).toArray();
    return rows
      .sort((a, b) => a.meetingStartMs - b.meetingStartMs || byString(a.meetingId, b.meetingId))
      .map((row) => parseStored(MinutesSchema, 'minutes', row.meetingId, row));
  }

  async saveDraft(draft: DecisionDraft): Promise<void> {
    await this.db.drafts.put(DecisionDraftSchema.parse(draft));
  }

  async getDraft(meetingId: Id, authorId: Id): Promise<DecisionDraft | null> {
    const row = await this.db.drafts.get([meetingId, authorId]);
    return row === undefined ? null : parseStored(DecisionDraftSchema, 'drafts', `${meetingId}/${authorId}`, row);
  }

  async deleteDraft(meetingId: Id, authorId: Id): Promise<void> {
    await this.db.drafts.delete([meetingId, authorId]);
  }

  async getConsent(pathwayId: Id): Promise<Consent | null> {
    return consentFromHistory(await this.listConsentHistory(pathwayId));
  }

  async listConsentHistory(pathwayId: Id): Promise<ConsentEvent[]> {
    const rows = await this.consentVersions(pathwayId).toArray();
    return rows.map((row) => parseStored(ConsentEventSchema, 'consentEvents', `${pathwayId}@${row.version}`, row));
  }

  async appendConsentEvent(event: ConsentEvent): Promise<Consent> {
    const parsed = ConsentEventSchema.parse(event);
    const { db } = this;
    const work = db.transaction('rw', db.consentEvents, db.audit, async () => {
      const history = await this.listConsentHistory(parsed.pathwayId);
      const newest = history[history.length - 1];
      const actual = newest?.version ?? 0;
      const stored = history.find((e) => e.version === parsed.version);
      // A retry of an event that made it: same version, same content.
      if (stored !== undefined && canonical(stored) === canonical(parsed)) {
        const consent = consentFromHistory(history);
        if (consent === null) throw new NotFoundError('consent', parsed.pathwayId);
        return consent;
      }
      if (parsed.version !== actual + 1) {
        throw new VersionConflictError('consent', parsed.pathwayId, parsed.version - 1, actual);
      }
      const before = consentFromHistory(history);
      if (before === null && parsed.kind !== 'given') throw new NotFoundError('consent', parsed.pathwayId);
      const audit: AuditEntry = AuditEntrySchema.parse({
        // Deterministic: one audit entry per consent event, whoever retries.
        id: `${parsed.pathwayId}:consent:${parsed.version}`,
        pathwayId: parsed.pathwayId,
        entity: 'consent',
        action: parsed.kind === 'given' ? 'create' : parsed.kind === 'renewed' ? 'update' : 'withdraw',
        changedFields: changedConsentFields(before, parsed),
        actorId: parsed.recordedBy,
        at: parsed.recordedAt,
      });
      // add, not put: a second writer that slipped past the check must fail, not overwrite.
      await db.consentEvents.add(parsed);
      await this.addAudit(audit);
      const after = consentFromHistory([...history, parsed]);
      if (after === null) throw new NotFoundError('consent', parsed.pathwayId);
      return after;
    });
    return withPortErrors(work);
  }

  async listAudit(pathwayId: Id): Promise<AuditEntry[]> {
    const rows = await this.db.audit
      .where('[pathwayId+atMs]')
      .between([pathwayId, Dexie.minKey], [pathwayId, Dexie.maxKey], true, true)
      .toArray();
    return rows.map((row) => parseStored(AuditEntrySchema, 'audit', row.id, row));
  }

  /** Inside the caller's transaction (which must include `audit`); add, so an id is kept once. */
  private async addAudit(entry: AuditEntry): Promise<void> {
    const row: AuditRow = { ...entry, atMs: Date.parse(entry.at) };
    await this.db.audit.add(row);
  }

  private consentVersions(pathwayId: Id) {
    return this.db.consentEvents
      .where('[pathwayId+version]')
      .between([pathwayId, Dexie.minKey], [pathwayId, Dexie.maxKey], true, true);
  }

  private planVersions(pathwayId: Id) {
    return this.db.plans
      .where('[pathwayId+version]')
      .between([pathwayId, Dexie.minKey], [pathwayId, Dexie.maxKey], true, true);
  }
}
