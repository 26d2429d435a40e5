import { z } from 'zod';
import type { GraphApi } from './graph-api';
import { readAllPages } from './graph-pages';
import { GraphConflictError } from './graph-errors';

/**
 * The SharePoint lists that hold the plans, in the one site the municipality chooses
 * (Sites.Selected). Every item carries `clientKey` (indexed, unique): the client-generated key
 * that makes a retried create find the first item instead of writing a second. Columns that
 * reads filter on are indexed: SharePoint refuses a filter on a non-indexed column once a list
 * passes 5,000 items (ARCHITECTURE.md, "Round trips").
 */
export interface ColumnSpec {
  name: string;
  kind: 'text' | 'note' | 'number';
  indexed: boolean;
  unique?: boolean;
}

export interface ListSpec {
  /** Display name and URL name of the list. */
  name: string;
  columns: readonly ColumnSpec[];
}

const clientKey: ColumnSpec = { name: 'clientKey', kind: 'text', indexed: true, unique: true };
const pathwayId: ColumnSpec = { name: 'pathwayId', kind: 'text', indexed: true };
/** The domain record as JSON, parsed with the domain's schema on read. */
const record: ColumnSpec = { name: 'record', kind: 'note', indexed: false };

const meetingId: ColumnSpec = { name: 'meetingId', kind: 'text', indexed: true };

/**
 * Columns added after the first release (chatId, status, departmentIds, decisionId, citizenKey,
 * the drafts list) are created by the next `provisionLists` run, which adds only what is missing.
 */
export const HELHED_LISTS: readonly ListSpec[] = [
  { name: 'HelhedPathways', columns: [clientKey, record] },
  { name: 'HelhedPlans', columns: [clientKey, pathwayId, { name: 'version', kind: 'number', indexed: true }, record] },
  {
    name: 'HelhedMeetings',
    columns: [clientKey, pathwayId, { name: 'startMs', kind: 'number', indexed: true }, record, { name: 'chatId', kind: 'text', indexed: true }],
  },
  {
    name: 'HelhedDecisions',
    columns: [
      clientKey,
      pathwayId,
      meetingId,
      { name: 'createdAtMs', kind: 'number', indexed: true },
      record,
      { name: 'status', kind: 'text', indexed: true },
      /** `;d-1;d-2;`: for people reading the list; the store filters departments in memory. */
      { name: 'departmentIds', kind: 'note', indexed: false },
    ],
  },
  { name: 'HelhedActions', columns: [clientKey, pathwayId, { name: 'ownerId', kind: 'text', indexed: true }, record, { name: 'decisionId', kind: 'text', indexed: true }] },
  { name: 'HelhedMinutes', columns: [clientKey, pathwayId, meetingId, record] },
  { name: 'HelhedConsent', columns: [clientKey, pathwayId, record] },
  /** `citizenKey` is a keyed hash of the pathway id (pseudonymous); `pathwayId` stays empty here. */
  { name: 'HelhedAudit', columns: [clientKey, pathwayId, record, { name: 'citizenKey', kind: 'text', indexed: true }] },
  { name: 'HelhedSettings', columns: [clientKey, record] },
  /** One draft per meeting and author (clientKey `meetingId/authorId`), deleted when used. */
  { name: 'HelhedDrafts', columns: [clientKey, meetingId, record] },
];

/** Graph `columnDefinition` for a spec (https://learn.microsoft.com/graph/api/resources/columndefinition). */
function columnDefinition(column: ColumnSpec): Record<string, unknown> {
  const base = {
    name: column.name,
    displayName: column.name,
    indexed: column.indexed,
    // SharePoint requires an index for unique values.
    ...(column.unique === true ? { enforceUniqueValues: true } : {}),
  };
  if (column.kind === 'number') return { ...base, number: { decimalPlaces: 'none' } };
  if (column.kind === 'note') return { ...base, text: { allowMultipleLines: true, textType: 'plain' } };
  return { ...base, text: { allowMultipleLines: false, maxLength: 255 } };
}

const ListSchema = z.object({ id: z.string().min(1), displayName: z.string() });
const ColumnSchema = z.object({ name: z.string(), indexed: z.boolean().nullable().optional() });
const CreatedListSchema = ListSchema;
const CreatedColumnSchema = z.object({ name: z.string() });

export interface ProvisionReport {
  /** List name -> list id. */
  listIds: Record<string, string>;
  /** What this run created, e.g. `list HelhedPlans`, `column HelhedPlans.version`. Empty on a second run. */
  created: string[];
}

/**
 * Creates the lists and columns that are missing, and nothing else: running it twice changes
 * nothing (the second run only reads). A list or column created concurrently by another admin
 * (409) counts as present.
 */
export async function provisionLists(graph: GraphApi, siteId: string, lists: readonly ListSpec[] = HELHED_LISTS): Promise<ProvisionReport> {
  const site = `/sites/${encodeURIComponent(siteId)}`;
  const found = await readAllPages(graph, { path: `${site}/lists`, query: { $select: 'id,displayName' } }, ListSchema);
  const existing = new Map(found.map((l) => [l.displayName, l.id]));

  const created: string[] = [];
  const listIds: Record<string, string> = {};
  for (const spec of lists) {
    const id = existing.get(spec.name);
    if (id === undefined) {
      // One request creates the list with all its columns.
      const list = await graph.call({
        method: 'POST',
        path: `${site}/lists`,
        body: { displayName: spec.name, columns: spec.columns.map(columnDefinition), list: { template: 'genericList', hidden: false } },
        schema: CreatedListSchema,
        replaySafe: false,
      });
      listIds[spec.name] = list.id;
      created.push(`list ${spec.name}`);
      continue;
    }
    listIds[spec.name] = id;
    const columns = await readAllPages(graph, { path: `${site}/lists/${encodeURIComponent(id)}/columns`, query: { $select: 'name,indexed' } }, ColumnSchema);
    const present = new Set(columns.map((c) => c.name));
    for (const column of spec.columns) {
      if (present.has(column.name)) continue;
      try {
        await graph.call({
          method: 'POST',
          path: `${site}/lists/${encodeURIComponent(id)}/columns`,
          body: columnDefinition(column),
          schema: CreatedColumnSchema,
          replaySafe: false,
        });
        created.push(`column ${spec.name}.${column.name}`);
      } catch (error) {
        if (!(error instanceof GraphConflictError)) throw error;
      }
    }
  }
  return { listIds, created };
}
