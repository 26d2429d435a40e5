/**
 * The embedded store of standalone (local) mode: IndexedDB through Dexie 4.
 *
 * SCHEMA CHANGES: version(1) below is frozen once it has shipped. Every later change to a
 * table, a key or an index must be a new `this.version(n).stores({...})` block with an
 * `.upgrade(tx => ...)` that migrates existing rows (STYLE.md statement 11). Never edit an
 * earlier version's stores in place: browsers that already hold the database would keep the
 * old indexes and never run the migration.
 *
 * Rows may carry storage-only fields (numeric instants, denormalised ids) that exist only to
 * be indexed. Readers parse rows with the domain's zod schemas, whose objects strip unknown
 * keys, so these fields never leak out of the adapter (see ./stored-record.ts).
 */
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type {
  Action,
  AuditEntry,
  CitizenPlan,
  ConsentEvent,
  Decision,
  DecisionDraft,
  Department,
  Minutes,
  Pathway,
  TeamMeeting,
} from '../../domain/model';
import type { CalendarAttendee } from '../../ports/calendar';

export const HELHED_DB_NAME = 'helhed';

/** A key-value row (settings, session). The value is parsed by whoever reads the key. */
export interface KeyValueRow {
  key: string;
  value: unknown;
}

/**
 * Instants are indexed as epoch milliseconds, not as their ISO strings: the domain accepts
 * offsets (`+02:00`) and varying precision, and such strings do not sort chronologically.
 */
export type MeetingRow = TeamMeeting & { startMs: number };

/**
 * `departmentIds` is derived from `commitments` so a multi-entry index can serve the leader review.
 * `deptAt` and `deptStatusAt` (version 3) pair each department with the creation time (and the
 * status): IndexedDB cannot put a multi-entry field into a compound index, but a multi-entry
 * index over an array of arrays gives one key per department that sorts by time, so
 * "department D, status S, created in [from, to)" is one key range (see listDecisions).
 * A decision is never updated (append-only), so these keys never go stale.
 */
export type DecisionRow = Decision & {
  createdAtMs: number;
  departmentIds: string[];
  deptAt: [string, number][];
  deptStatusAt: [string, string, number][];
};

/** The derived index keys of a decision row (version 3); used on write and in the upgrade. */
export function decisionIndexKeys(
  departmentIds: readonly string[],
  status: string,
  createdAtMs: number,
): Pick<DecisionRow, 'deptAt' | 'deptStatusAt'> {
  return {
    deptAt: departmentIds.map((d): [string, number] => [d, createdAtMs]),
    deptStatusAt: departmentIds.map((d): [string, string, number] => [d, status, createdAtMs]),
  };
}

export type MinutesRow = Minutes & { meetingStartMs: number };

export interface CalendarEventRow {
  id: string;
  transactionId: string;
  helhedMeetingId: string;
  subject: string;
  body: string;
  location: string | null;
  start: string;
  end: string;
  startMs: number;
  endMs: number;
  attendees: CalendarAttendee[];
  /** Lower-cased attendee addresses, for the free/busy look-up by e-mail. */
  attendeeEmails: string[];
  joinUrl: string | null;
  isPrivate: boolean;
  cancelled: boolean;
  cancelComment: string | null;
}

/** Busy time that is not a Helhed event (the demo staff's other appointments). */
export interface BusyBlockRow {
  id: string;
  /** Lower-cased. */
  email: string;
  start: string;
  end: string;
  startMs: number;
  endMs: number;
}

/** A consent event as stored (rule 8); `version` orders the pathway's history. */
export type ConsentEventRow = ConsentEvent;

/** `atMs` orders the trail chronologically (see MeetingRow on why not the ISO string). */
export type AuditRow = AuditEntry & { atMs: number };

export class HelhedDb extends Dexie {
  declare departments: Table<Department, string>;
  declare settings: Table<KeyValueRow, string>;
  declare pathways: Table<Pathway, string>;
  declare plans: Table<CitizenPlan, [string, number]>;
  declare meetings: Table<MeetingRow, string>;
  declare decisions: Table<DecisionRow, string>;
  declare actions: Table<Action, string>;
  declare minutes: Table<MinutesRow, string>;
  declare drafts: Table<DecisionDraft, [string, string]>;
  declare calendarEvents: Table<CalendarEventRow, string>;
  declare busyBlocks: Table<BusyBlockRow, string>;
  declare session: Table<KeyValueRow, string>;
  declare consentEvents: Table<ConsentEventRow, [string, number]>;
  declare audit: Table<AuditRow, string>;

  constructor(name: string = HELHED_DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      departments: 'id',
      settings: 'key',
      pathways: 'id',
      plans: '[pathwayId+version]',
      meetings: 'id, pathwayId, startMs, [pathwayId+startMs]',
      decisions: 'id, pathwayId, meetingId, createdAtMs, status, *departmentIds',
      actions: 'id, pathwayId, decisionId, ownerId',
      minutes: 'meetingId, pathwayId',
      drafts: '[meetingId+authorId]',
      calendarEvents: 'id, &transactionId, *attendeeEmails',
      busyBlocks: 'id, email',
      session: 'key',
    });
    // Version 2, rule 8 (consent): two new tables, nothing existing changes, so no rows need
    // migrating; a pathway from version 1 simply has no consent yet (CONSENT_MISSING).
    this.version(2).stores({
      consentEvents: '[pathwayId+version], pathwayId',
      audit: 'id, pathwayId, [pathwayId+atMs]',
    });
    // Version 3, the leader review at scale: department x (status x) time keys, so a leader's
    // filter is a key range on an index instead of a scan plus filter. Existing decisions get
    // their keys from the fields they already carry.
    this.version(3)
      .stores({
        decisions: 'id, pathwayId, meetingId, createdAtMs, status, *departmentIds, *deptAt, *deptStatusAt',
      })
      .upgrade((tx) =>
        tx
          .table<DecisionRow, string>('decisions')
          .toCollection()
          .modify((row) => {
            Object.assign(row, decisionIndexKeys(row.departmentIds, row.status, row.createdAtMs));
          }),
      );
  }
}

/**
 * Opens (lazily, on first use) the database. Tests and benchmarks pass a unique `name`, and
 * optionally their own `indexedDB`/`IDBKeyRange` (e.g. a fresh fake-indexeddb factory).
 */
export function openHelhedDb(name: string = HELHED_DB_NAME, options?: DexieOptions): HelhedDb {
  return new HelhedDb(name, options);
}
