import { z } from 'zod';
import type { Ids } from '../../ports/ids';
import { SetupError, type PlanStoreSetup, type SetupContainer, type SetupResult, type SetupStatus } from '../../ports/plan-store-setup';
import type { GraphApi } from './graph-api';
import { readAllPages } from './graph-pages';
import {
  GraphConflictError,
  GraphForbiddenError,
  GraphNotFoundError,
  GraphRequestError,
  GraphServiceUnavailableError,
  GraphThrottledError,
  GraphUnauthorizedError,
  GraphNetworkError,
} from './graph-errors';
import { HELHED_LISTS, provisionLists, type ListSpec } from './sharepoint-lists';
import { readItems } from './sharepoint-reader';

/** clientKey of the settings item that holds the audit key. */
export const AUDIT_KEY_ITEM = 'auditKey';
const SETTINGS_LIST = 'HelhedSettings';

const ListSchema = z.object({ id: z.string().min(1), displayName: z.string() });
const ColumnSchema = z.object({ id: z.string().min(1), name: z.string(), indexed: z.boolean().nullable().optional() });
const UpdatedColumnSchema = z.object({ name: z.string() });
const SiteSchema = z.object({ id: z.string().min(1) });
const CreatedItemSchema = z.object({ id: z.string().min(1) });
const AuditKeyRecordSchema = z.object({ auditKey: z.string().min(32) });

/** What GraphPlanStore needs from a provisioned site. */
export interface ProvisionedSite {
  listIds: Record<string, string>;
  auditKey: string;
}

/**
 * The site id of a SharePoint site URL (`GET /sites/{hostname}:/{server-relative-path}`,
 * https://learn.microsoft.com/graph/api/site-getbypath).
 */
export async function resolveSiteId(graph: GraphApi, siteUrl: string): Promise<string> {
  const url = new URL(siteUrl);
  const path = url.pathname.replace(/\/+$/, '');
  try {
    const site = await graph.call({ method: 'GET', path: path === '' ? `/sites/${url.hostname}` : `/sites/${url.hostname}:${path}`, query: { $select: 'id' }, schema: SiteSchema });
    return site.id;
  } catch (error) {
    throw toSetupError(error);
  }
}

/**
 * PlanStoreSetup over `provisionLists` in one SharePoint site, plus the audit key.
 *
 * The audit key (GraphPlanStoreOptions.auditKey) is generated once, at the first provisioning,
 * from the Ids port (two random UUIDs: 244 random bits) and stored as an item of HelhedSettings
 * (clientKey `auditKey`), so every client derives the same pseudonymous citizen key for the
 * audit list. Its limit: any member who can read the site can read the key, so the citizen key
 * pseudonymises the audit list (someone shown an audit export alone cannot link it to a
 * pathway) but does not protect it from site members, who can recompute the hash for any
 * pathway id they know. It is not encryption (docs/footguns.md).
 */
export class GraphPlanStoreSetup implements PlanStoreSetup {
  constructor(
    private readonly graph: GraphApi,
    private readonly siteId: string,
    private readonly ids: Ids,
    private readonly lists: readonly ListSpec[] = HELHED_LISTS,
  ) {}

  async inspect(): Promise<SetupStatus> {
    try {
      return (await this.read()).status;
    } catch (error) {
      throw toSetupError(error);
    }
  }

  async provision(): Promise<SetupResult> {
    try {
      const report = await provisionLists(this.graph, this.siteId, this.lists);
      const created = [...report.created];
      created.push(...(await this.addMissingIndexes(report.listIds)));
      const settingsId = report.listIds[SETTINGS_LIST];
      if (settingsId !== undefined && (await this.readAuditKey(settingsId)) === null) {
        if (await this.createAuditKey(settingsId)) created.push('audit key');
      }
      const after = await this.read();
      return { created, status: after.status };
    } catch (error) {
      throw toSetupError(error);
    }
  }

  /** The list ids and the audit key when the site is fully provisioned; null when something is missing. */
  async connect(): Promise<ProvisionedSite | null> {
    try {
      const { status, listIds, auditKey } = await this.read();
      return status.ready && auditKey !== null ? { listIds, auditKey } : null;
    } catch (error) {
      throw toSetupError(error);
    }
  }

  private get site(): string {
    return `/sites/${encodeURIComponent(this.siteId)}`;
  }

  private async read(): Promise<{ status: SetupStatus; listIds: Record<string, string>; auditKey: string | null }> {
    const found = await readAllPages(this.graph, { path: `${this.site}/lists`, query: { $select: 'id,displayName' } }, ListSchema);
    const existing = new Map(found.map((l) => [l.displayName, l.id]));
    const listIds: Record<string, string> = {};
    const containers: SetupContainer[] = [];
    for (const spec of this.lists) {
      const id = existing.get(spec.name);
      if (id === undefined) {
        containers.push({ name: spec.name, exists: false, missingFields: spec.columns.map((c) => c.name), unindexedFields: [] });
        continue;
      }
      listIds[spec.name] = id;
      const columns = await this.columns(id);
      const present = new Map(columns.map((c) => [c.name, c]));
      containers.push({
        name: spec.name,
        exists: true,
        missingFields: spec.columns.filter((c) => !present.has(c.name)).map((c) => c.name),
        unindexedFields: spec.columns.filter((c) => c.indexed && present.has(c.name) && present.get(c.name)?.indexed !== true).map((c) => c.name),
      });
    }
    const settingsId = listIds[SETTINGS_LIST];
    const settingsReady = containers.find((c) => c.name === SETTINGS_LIST)?.missingFields.length === 0;
    const auditKey = settingsId !== undefined && settingsReady ? await this.readAuditKey(settingsId) : null;
    const ready = containers.every((c) => c.exists && c.missingFields.length === 0 && c.unindexedFields.length === 0) && auditKey !== null;
    return { status: { containers, auditKeyPresent: auditKey !== null, ready }, listIds, auditKey };
  }

  private columns(listId: string): Promise<z.infer<typeof ColumnSchema>[]> {
    return readAllPages(this.graph, { path: `${this.site}/lists/${encodeURIComponent(listId)}/columns`, query: { $select: 'id,name,indexed' } }, ColumnSchema);
  }

  /**
   * Indexes the spec's indexed columns where a column exists without its index (created by hand,
   * or by an older release): `PATCH .../columns/{column-id}` with `indexed: true`
   * (https://learn.microsoft.com/graph/api/columndefinition-update). One read per list; a write
   * only where an index is missing, so a second run only reads.
   */
  private async addMissingIndexes(listIds: Readonly<Record<string, string>>): Promise<string[]> {
    const created: string[] = [];
    for (const spec of this.lists) {
      const listId = listIds[spec.name];
      const wanted = spec.columns.filter((c) => c.indexed).map((c) => c.name);
      if (listId === undefined || wanted.length === 0) continue;
      for (const column of await this.columns(listId)) {
        if (!wanted.includes(column.name) || column.indexed === true) continue;
        await this.graph.call({
          method: 'PATCH',
          path: `${this.site}/lists/${encodeURIComponent(listId)}/columns/${encodeURIComponent(column.id)}`,
          body: { indexed: true },
          schema: UpdatedColumnSchema,
          replaySafe: true,
        });
        created.push(`index ${spec.name}.${column.name}`);
      }
    }
    return created;
  }

  private async readAuditKey(settingsId: string): Promise<string | null> {
    const spec = this.lists.find((l) => l.name === SETTINGS_LIST);
    if (spec === undefined) return null;
    const items = await readItems(this.graph, this.siteId, settingsId, spec, { column: 'clientKey', value: AUDIT_KEY_ITEM });
    const item = items.find((i) => i.fields.clientKey === AUDIT_KEY_ITEM);
    if (item === undefined || typeof item.fields.record !== 'string') return null;
    try {
      const parsed = AuditKeyRecordSchema.safeParse(JSON.parse(item.fields.record));
      return parsed.success ? parsed.data.auditKey : null;
    } catch {
      return null;
    }
  }

  /** True when this run created it; false when another admin's run got there first (409 on the unique clientKey). */
  private async createAuditKey(settingsId: string): Promise<boolean> {
    const auditKey = `${this.ids.newId()}${this.ids.newId()}`.replace(/-/g, '');
    try {
      await this.graph.call({
        method: 'POST',
        path: `${this.site}/lists/${encodeURIComponent(settingsId)}/items`,
        body: { fields: { clientKey: AUDIT_KEY_ITEM, record: JSON.stringify({ auditKey }) } },
        schema: CreatedItemSchema,
        replaySafe: false,
      });
      return true;
    } catch (error) {
      if (error instanceof GraphConflictError) return false;
      throw error;
    }
  }
}

/** Graph failures as the port's typed setup errors. */
export function toSetupError(error: unknown): unknown {
  if (error instanceof SetupError || !(error instanceof GraphRequestError)) return error;
  const status = error.status;
  if (error instanceof GraphForbiddenError) return new SetupError('forbidden', error.message, status);
  if (error instanceof GraphUnauthorizedError) return new SetupError('unauthenticated', error.message, status);
  if (error instanceof GraphNotFoundError) return new SetupError('notFound', error.message, status);
  if (error instanceof GraphThrottledError) return new SetupError('throttled', error.message, status);
  if (error instanceof GraphServiceUnavailableError || error instanceof GraphNetworkError) return new SetupError('unavailable', error.message, status);
  return new SetupError('other', error.message, status);
}
