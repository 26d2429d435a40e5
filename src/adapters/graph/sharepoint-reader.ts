import { z } from 'zod';
import type { GraphApi } from './graph-api';
import { readAllPages } from './graph-pages';
import type { ListSpec } from './sharepoint-lists';

/** A column a query may filter on is indexed (SharePoint fails non-indexed filters past 5,000 items). */
export class NonIndexedFilterError extends Error {
  constructor(
    readonly list: string,
    readonly column: string,
  ) {
    super(`${list}.${column} is not indexed: filtering on it fails once the list passes 5,000 items`);
    this.name = 'NonIndexedFilterError';
  }
}

const ItemSchema = z.object({
  id: z.string().min(1),
  eTag: z.string().nullable().optional(),
  fields: z.record(z.string(), z.unknown()),
});
export type ListItemRead = { id: string; etag: string | null; fields: Record<string, unknown> };

const odata = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * Every item of a list whose `column` equals `value`, all pages. The filter is refused here,
 * before any request, when the column is not indexed in the list's spec.
 */
export async function readItems(
  graph: GraphApi,
  siteId: string,
  listId: string,
  spec: ListSpec,
  filter: { column: string; value: string } | null,
  pageSize = 200,
): Promise<ListItemRead[]> {
  if (filter !== null && spec.columns.find((c) => c.name === filter.column)?.indexed !== true) {
    throw new NonIndexedFilterError(spec.name, filter.column);
  }
  const query: Record<string, string> = { $expand: 'fields', $select: 'id,eTag', $top: String(pageSize) };
  if (filter !== null) query.$filter = `fields/${filter.column} eq ${odata(filter.value)}`;
  const items = await readAllPages(
    graph,
    { path: `/sites/${encodeURIComponent(siteId)}/lists/${encodeURIComponent(listId)}/items`, query },
    ItemSchema,
  );
  return items.map((i) => ({ id: i.id, etag: i.eTag ?? null, fields: i.fields }));
}
