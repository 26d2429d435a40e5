import { Client, GraphError, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import type { z } from 'zod';
import type { AccessTokenProvider } from './access-token-provider';
import { GraphInvalidResponseError, graphErrorFor, type GraphRequestError } from './graph-errors';
import { ReplayOption, ResilienceMiddleware, type AttemptListener } from './resilience-middleware';
import { defaultRetryPolicy, parseRetryAfter, type RetryPolicy } from './retry-policy';

export const GRAPH_ORIGIN = 'https://graph.microsoft.com';

export interface GraphApiOptions {
  tokens: AccessTokenProvider;
  /** Delegated scopes this adapter needs (README lists why each is needed). */
  scopes: readonly string[];
  retry?: Partial<RetryPolicy>;
  onAttempt?: AttemptListener;
}

export interface GraphCall<T> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to /v1.0, e.g. `/me/events/{id}` with the id already encoded. */
  path: string;
  query?: Readonly<Record<string, string>>;
  headers?: Readonly<Record<string, string>>;
  body?: unknown;
  /** The documented response shape; a 2xx that does not match is a GraphInvalidResponseError, not data. */
  schema: z.ZodType<T>;
  /** See ReplayOption. Defaults: GET and PATCH yes, POST and DELETE no. */
  replaySafe?: boolean;
}

/**
 * The one door to Microsoft Graph: the official client (@microsoft/microsoft-graph-client 3) with
 * its own middleware chain. Its default chain is not used because (1) its AuthenticationHandler
 * cannot force a token refresh on 401, and (2) its RetryHandler re-sends every request,
 * including non-idempotent actions, and cannot be told which ones are safe. ResilienceMiddleware
 * does both; HTTPMessageHandler (global `fetch`, which msw replaces in tests) sends.
 */
export class GraphApi {
  private readonly client: Client;

  constructor(options: GraphApiOptions) {
    const policy = defaultRetryPolicy(options.retry);
    this.policy = policy;
    this.client = Client.initWithMiddleware({
      baseUrl: GRAPH_ORIGIN,
      defaultVersion: 'v1.0',
      middleware: [new ResilienceMiddleware(options.tokens, options.scopes, policy, options.onAttempt), new HTTPMessageHandler()],
    });
  }

  private readonly policy: RetryPolicy;

  async call<T>(call: GraphCall<T>): Promise<T> {
    const operation = `${call.method} ${call.path}`;
    let request = this.client.api(call.path);
    if (call.query !== undefined) request = request.query({ ...call.query });
    if (call.headers !== undefined) request = request.headers({ ...call.headers });
    if (call.replaySafe !== undefined) request = request.middlewareOptions([new ReplayOption(call.replaySafe)]);
    let raw: unknown;
    try {
      if (call.method === 'GET') raw = await request.get();
      else if (call.method === 'POST') raw = await request.post(call.body ?? {});
      else if (call.method === 'PATCH') raw = await request.patch(call.body ?? {});
      else raw = await request.delete();
    } catch (error) {
      throw this.toTypedError(error, operation);
    }
    const parsed = call.schema.safeParse(raw);
    if (!parsed.success) {
      throw new GraphInvalidResponseError(
        `response does not have the documented shape: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        { status: 200, graphCode: null, requestId: null, operation },
      );
    }
    return parsed.data;
  }

  private toTypedError(error: unknown, operation: string): GraphRequestError | unknown {
    if (!(error instanceof GraphError)) return error;
    // graph-client reports "no response" (fetch rejected) as statusCode -1.
    const status = error.statusCode > 0 ? error.statusCode : 0;
    const headers: Headers | undefined = error.headers;
    const retryAfterMs = parseRetryAfter(headers?.get('Retry-After') ?? null, this.policy.now());
    return graphErrorFor(
      error.message || (status === 0 ? 'no response from Microsoft Graph' : `HTTP ${status}`),
      { status, graphCode: error.code ?? null, requestId: error.requestId ?? headers?.get('request-id') ?? null, operation },
      retryAfterMs,
      error,
    );
  }
}
