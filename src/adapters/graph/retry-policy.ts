/**
 * When and how long to wait before re-sending a Graph request.
 *
 * Graph throttles with 429 and answers 503/504 when busy; `Retry-After` says how long to wait
 * (https://learn.microsoft.com/graph/throttling). A browser can read it only when Graph lists it in
 * `Access-Control-Expose-Headers`, which it often does not, so exponential back-off with jitter
 * is the normal path (ARCHITECTURE.md, "Every write is idempotent").
 */
export interface RetryPolicy {
  /** Re-sends after the first attempt (so at most maxRetries + 1 requests). */
  maxRetries: number;
  /** First back-off; doubles per retry. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited out here: the error goes to the caller (the outbox retries later). */
  maxRetryAfterMs: number;
  /**
   * True when the browser knows it has no network (`navigator.onLine === false`; only `false` is
   * reliable). A dropped connection is then not retried here: back-off would only delay the
   * error by seconds, while the outbox and the 'online' event take over at once.
   */
  isOffline(): boolean;
  /** Injected for tests: the wait itself, the clock for HTTP-date Retry-After, and jitter in [0, 1). */
  sleep(ms: number): Promise<void>;
  now(): number;
  random(): number;
}

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

export function defaultRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return {
    maxRetries: 5,
    baseDelayMs: 500,
    maxDelayMs: 30_000,
    maxRetryAfterMs: 120_000,
    isOffline: () => typeof navigator !== 'undefined' && navigator.onLine === false,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
    random: () => Math.random(),
    ...overrides,
  };
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP-date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/** Full-jitter exponential back-off for retry number `attempt` (0-based). */
export function backoffMs(policy: RetryPolicy, attempt: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  // Half fixed, half random: never zero (a tight loop against a throttled tenant makes it worse).
  return Math.round(ceiling / 2 + (ceiling / 2) * policy.random());
}
