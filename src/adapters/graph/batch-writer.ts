import { z } from 'zod';
import type { GraphApi } from './graph-api';
import { graphErrorFor, type GraphRequestError } from './graph-errors';
import { RETRYABLE_STATUSES, backoffMs, defaultRetryPolicy, parseRetryAfter, type RetryPolicy } from './retry-policy';

/** Graph JSON batching takes at most 20 requests per call (https://learn.microsoft.com/graph/json-batching). */
export const BATCH_LIMIT = 20;

type FieldValue = string | number | boolean | null;

export type ItemWrite =
  | { kind: 'create'; listId: string; clientKey: string; fields: Readonly<Record<string, FieldValue>> }
  | { kind: 'update'; listId: string; itemId: string; etag: string; fields: Readonly<Record<string, FieldValue>> };

export type ItemWriteResult =
  | { ok: true; itemId: string; etag: string | null; /** true when a retried create found the item the first attempt made. */ existed: boolean }
  /** 412: the item changed since `etag` was read. Never overwritten: the caller merges or shows it. */
  | { ok: false; conflict: true; itemId: string }
  | { ok: false; conflict: false; error: GraphRequestError };

const BatchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.string(), z.string()).nullable().optional(),
      body: z.unknown().optional(),
    }),
  ),
});
const CreatedItemSchema = z.object({ id: z.string().min(1), eTag: z.string().nullable().optional() });
const UpdatedFieldsSchema = z.object({ '@odata.etag': z.string().optional() });
const FoundItemsSchema = z.object({ value: z.array(z.object({ id: z.string().min(1), eTag: z.string().nullable().optional() })) });
const CurrentItemSchema = z.object({ id: z.string().min(1), eTag: z.string().nullable().optional(), fields: z.record(z.string(), z.unknown()) });
const StepErrorSchema = z.object({ error: z.object({ code: z.string().optional(), message: z.string().optional() }) });

type Step =
  | { kind: 'write'; index: number; write: ItemWrite }
  /** A create answered 409 on the unique clientKey: find the item the earlier attempt created. */
  | { kind: 'lookup'; index: number; write: Extract<ItemWrite, { kind: 'create' }> }
  /**
   * An update answered 412: read the item. If it already holds exactly what we wrote, an earlier
   * attempt landed (committed, answer lost) and the 412 is our own; otherwise it is a conflict.
   */
  | { kind: 'verify'; index: number; write: Extract<ItemWrite, { kind: 'update' }> };

/** OData string literal. */
const odata = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * Writes list items through `$batch`, at most 20 per call, so K writes cost ceil(K/20) calls
 * when nothing fails. graph-client's own retry does not look inside a batch: a step answered
 * 429/503/504 is retried here in the next round (its Retry-After when readable, else back-off);
 * a create is idempotent through its unique `clientKey` (a 409 on it means an earlier attempt
 * landed, and the item is looked up); an update carries If-Match, and a 412 is reported as a
 * conflict (never overwritten) unless the item already holds exactly what was written.
 *
 * Step URLs are relative and carry no version: graph-client 3.0.7 keeps `/v1.0` in steps built
 * from absolute URLs and Graph answers 400 (ARCHITECTURE.md, known traps), so the batch body is
 * built here rather than with BatchRequestContent.
 */
export class BatchWriter {
  private readonly policy: RetryPolicy;

  constructor(
    private readonly graph: GraphApi,
    private readonly siteId: string,
    retry: Partial<RetryPolicy> = {},
    private readonly maxRounds = 8,
  ) {
    this.policy = defaultRetryPolicy(retry);
  }

  async write(writes: readonly ItemWrite[]): Promise<ItemWriteResult[]> {
    const results: (ItemWriteResult | undefined)[] = writes.map(() => undefined);
    let pending: Step[] = writes.map((write, index) => ({ kind: 'write', index, write }));
    for (let round = 0; pending.length > 0; round += 1) {
      const again: Step[] = [];
      let waitMs = 0;
      for (let i = 0; i < pending.length; i += BATCH_LIMIT) {
        const chunk = pending.slice(i, i + BATCH_LIMIT);
        let responses: z.infer<typeof BatchResponseSchema>['responses'];
        try {
          const batch = await this.graph.call({
            method: 'POST',
            path: '/$batch',
            body: { requests: chunk.map((step, n) => ({ id: String(n + 1), ...this.request(step) })) },
            schema: BatchResponseSchema,
            // Every step is idempotent (clientKey, If-Match, GET), so a lost batch may be re-sent.
            replaySafe: true,
          });
          responses = batch.responses;
        } catch (error) {
          const failure = error as GraphRequestError;
          if (failure.retryable === true && round + 1 < this.maxRounds) {
            again.push(...chunk);
            continue;
          }
          for (const step of chunk) results[step.index] = { ok: false, conflict: false, error: failure };
          continue;
        }
        const byId = new Map(responses.map((r) => [r.id, r]));
        chunk.forEach((step, n) => {
          const response = byId.get(String(n + 1));
          const status = response?.status ?? 0;
          const headers = new Headers(response?.headers ?? {});
          if (response === undefined || (RETRYABLE_STATUSES.has(status) && round + 1 < this.maxRounds)) {
            const after = parseRetryAfter(headers.get('Retry-After'), this.policy.now());
            waitMs = Math.max(waitMs, after ?? backoffMs(this.policy, round));
            again.push(step);
            return;
          }
          const outcome = this.outcome(step, status, response.body, headers);
          if (outcome === 'lookup' && step.kind === 'write' && step.write.kind === 'create') {
            again.push({ kind: 'lookup', index: step.index, write: step.write });
          } else if (outcome === 'verify' && step.kind === 'write' && step.write.kind === 'update') {
            again.push({ kind: 'verify', index: step.index, write: step.write });
          } else if (outcome !== 'lookup' && outcome !== 'verify') {
            results[step.index] = outcome;
          }
        });
      }
      pending = again;
      if (pending.length > 0 && waitMs > 0) await this.policy.sleep(waitMs);
    }
    return results.map(
      (r) =>
        r ??
        ({ ok: false, conflict: false, error: graphErrorFor('not written', { status: 0, graphCode: null, requestId: null, operation: 'POST /$batch' }, null) } as const),
    );
  }

  private request(step: Step): Record<string, unknown> {
    const list = `/sites/${encodeURIComponent(this.siteId)}/lists/${encodeURIComponent(step.write.listId)}/items`;
    if (step.kind === 'verify') {
      return { method: 'GET', url: `${list}/${encodeURIComponent(step.write.itemId)}?$expand=fields` };
    }
    if (step.kind === 'lookup') {
      // clientKey is indexed, so this filter is allowed on lists of any size.
      const filter = `fields/clientKey eq ${odata(step.write.clientKey)}`;
      return { method: 'GET', url: `${list}?$filter=${encodeURIComponent(filter)}&$select=id,eTag` };
    }
    const w = step.write;
    if (w.kind === 'create') {
      return {
        method: 'POST',
        url: list,
        headers: { 'Content-Type': 'application/json' },
        body: { fields: { Title: w.clientKey, clientKey: w.clientKey, ...w.fields } },
      };
    }
    return {
      method: 'PATCH',
      url: `${list}/${encodeURIComponent(w.itemId)}/fields`,
      headers: { 'Content-Type': 'application/json', 'If-Match': w.etag },
      body: { ...w.fields },
    };
  }

  private outcome(step: Step, status: number, body: unknown, headers: Headers): ItemWriteResult | 'lookup' | 'verify' {
    const operation =
      step.kind === 'lookup' ? 'GET items by clientKey' : step.kind === 'verify' ? 'GET item' : step.write.kind === 'create' ? 'POST item' : 'PATCH item fields';
    const fail = (): ItemWriteResult => {
      const parsed = StepErrorSchema.safeParse(body);
      const graphCode = parsed.success ? (parsed.data.error.code ?? null) : null;
      const message = parsed.success ? (parsed.data.error.message ?? `HTTP ${status}`) : `HTTP ${status}`;
      return {
        ok: false,
        conflict: false,
        error: graphErrorFor(message, { status, graphCode, requestId: headers.get('request-id'), operation }, parseRetryAfter(headers.get('Retry-After'), this.policy.now())),
      };
    };
    if (step.kind === 'lookup') {
      const found = FoundItemsSchema.safeParse(body);
      const item = found.success ? found.data.value[0] : undefined;
      if (status >= 200 && status < 300 && item !== undefined) return { ok: true, itemId: item.id, etag: item.eTag ?? null, existed: true };
      return fail();
    }
    if (step.kind === 'verify') {
      const current = CurrentItemSchema.safeParse(body);
      if (!(status >= 200 && status < 300) || !current.success) return fail();
      const landed = Object.entries(step.write.fields).every(([k, v]) => current.data.fields[k] === v);
      return landed
        ? { ok: true, itemId: current.data.id, etag: current.data.eTag ?? null, existed: true }
        : { ok: false, conflict: true, itemId: step.write.itemId };
    }
    const w = step.write;
    if (w.kind === 'create') {
      if (status === 201 || status === 200) {
        const item = CreatedItemSchema.safeParse(body);
        return item.success ? { ok: true, itemId: item.data.id, etag: item.data.eTag ?? null, existed: false } : fail();
      }
      // The unique clientKey already exists: an earlier attempt (committed, answer lost) made it.
      if (status === 409) return 'lookup';
      return fail();
    }
    if (status === 200) {
      const fields = UpdatedFieldsSchema.safeParse(body);
      return { ok: true, itemId: w.itemId, etag: fields.success ? (fields.data['@odata.etag'] ?? null) : null, existed: true };
    }
    if (status === 412) return 'verify';
    return fail();
  }
}
