import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import type { AccessTokenProvider } from './access-token-provider';
import { RETRYABLE_STATUSES, backoffMs, parseRetryAfter, type RetryPolicy } from './retry-policy';

/**
 * Per-request flag: may a request whose connection dropped be sent again? True for reads,
 * PATCH, and creates that carry an idempotency key (`transactionId`, `clientKey`); false for
 * actions such as `cancel`, where a replay of a request that landed answers 404.
 */
export class ReplayOption implements MiddlewareOptions {
  constructor(readonly replaySafe: boolean) {}
}

/** Observes every attempt (tests count round trips; a bench can too). */
export type AttemptListener = (attempt: { method: string; url: string; status: number | null; retry: number }) => void;

function headersOf(context: Context): Headers {
  const options = (context.options ??= {});
  const headers = new Headers(options.headers as HeadersInit | undefined);
  options.headers = headers;
  return headers;
}

/**
 * Replaces graph-client's AuthenticationHandler and RetryHandler (src/adapters/graph/graph-api.ts
 * says why) with one middleware:
 * - sets the bearer token from the injected AccessTokenProvider;
 * - on 401, asks for a fresh token once and replays once (a revoked or CAE-invalidated token);
 * - on 429/503/504, waits `Retry-After` when the browser can read it, otherwise exponential
 *   back-off with jitter, up to `policy.maxRetries`; a Retry-After longer than
 *   `policy.maxRetryAfterMs` is handed to the caller at once (the outbox waits, not the UI);
 * - on a dropped connection, retries replay-safe requests with the same back-off, unless the
 *   browser reports that it is offline (then the error goes to the caller at once).
 */
export class ResilienceMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly tokens: AccessTokenProvider,
    private readonly scopes: readonly string[],
    private readonly policy: RetryPolicy,
    private readonly onAttempt: AttemptListener = () => {},
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const next = this.next;
    if (next === undefined) throw new Error('ResilienceMiddleware must not be the last middleware');
    const method = (context.options?.method ?? 'GET').toUpperCase();
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const replay = context.middlewareControl?.getMiddlewareOptions(ReplayOption) as ReplayOption | undefined;
    const replaySafe = replay?.replaySafe ?? (method === 'GET' || method === 'PATCH');

    let refreshed = false;
    let forceRefresh = false;
    for (let retry = 0; ; retry += 1) {
      const token = await this.tokens.getToken(this.scopes, forceRefresh ? { forceRefresh } : undefined);
      forceRefresh = false;
      headersOf(context).set('Authorization', `Bearer ${token}`);
      context.response = undefined;
      try {
        await next.execute(context);
      } catch (error) {
        // fetch rejects only when no response arrived (offline, reset, DNS): the request may or may not have landed.
        this.onAttempt({ method, url, status: null, retry });
        if (!replaySafe || retry >= this.policy.maxRetries || this.policy.isOffline()) throw error;
        await this.policy.sleep(backoffMs(this.policy, retry));
        continue;
      }
      const response = context.response as Response | undefined;
      const status = response?.status ?? 0;
      this.onAttempt({ method, url, status, retry });
      if (response === undefined) return;

      if (status === 401 && !refreshed) {
        refreshed = true;
        forceRefresh = true;
        continue;
      }
      if (!RETRYABLE_STATUSES.has(status) || retry >= this.policy.maxRetries) return;
      const retryAfter = parseRetryAfter(response.headers.get('Retry-After'), this.policy.now());
      if (retryAfter !== null && retryAfter > this.policy.maxRetryAfterMs) return;
      await this.policy.sleep(retryAfter ?? backoffMs(this.policy, retry));
    }
  }
}
