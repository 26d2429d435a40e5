import { z } from 'zod';
import { GRAPH_ORIGIN, type GraphApi, type GraphCall } from './graph-api';

/**
 * Reads every page of a Graph collection. `@odata.nextLink` is followed verbatim (its skip token
 * is opaque; rebuilding the URL loses it), only ever to Graph itself. A page may be empty and
 * still have a nextLink (SharePoint does this when it scans past filtered-out rows): keep going.
 */
export async function readAllPages<T>(graph: GraphApi, first: Omit<GraphCall<unknown>, 'schema' | 'method'>, item: z.ZodType<T>): Promise<T[]> {
  const pageSchema = z.object({ value: z.array(item), '@odata.nextLink': z.string().optional() });
  const out: T[] = [];
  let call: GraphCall<z.infer<typeof pageSchema>> = { ...first, method: 'GET', schema: pageSchema };
  for (;;) {
    const page = await graph.call(call);
    out.push(...page.value);
    const next = page['@odata.nextLink'];
    if (next === undefined) return out;
    if (!next.startsWith(`${GRAPH_ORIGIN}/`)) throw new Error(`refusing to follow a nextLink outside Graph: ${new URL(next).origin}`);
    call = { method: 'GET', path: next, headers: first.headers, schema: pageSchema };
  }
}
