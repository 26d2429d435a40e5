/**
 * GraphApi's error typing, retry and 401 replay, against the fake Graph (msw, Node). The
 * calendar's getEvent is the probe: a plain GET whose outcome is easy to see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CalendarEventNotFoundError } from '../../../src/ports/calendar';
import { GraphCalendar } from '../../../src/adapters/graph/graph-calendar';
import {
  GraphBadRequestError,
  GraphConflictError,
  GraphForbiddenError,
  GraphNetworkError,
  GraphNotFoundError,
  GraphPreconditionFailedError,
  GraphRequestError,
  GraphServiceUnavailableError,
  GraphThrottledError,
  GraphUnauthorizedError,
} from '../../../src/adapters/graph/graph-errors';
import { backoffMs, defaultRetryPolicy, parseRetryAfter } from '../../../src/adapters/graph/retry-policy';
import { harness, listen, type Harness } from '../../support/fake-graph/graph-harness';

listen(beforeAll, afterAll);

const EVENT = {
  subject: 'Tværfagligt teammøde (TB)',
  body: 'Tværfagligt teammøde med borgeren.',
  location: null,
  start: '2031-03-11T09:00:00.000Z',
  end: '2031-03-11T10:00:00.000Z',
  attendees: [{ email: 'tove@kommune.example', name: 'Tove Holder', kind: 'required' as const }],
  transactionId: 'tx-1',
  helhedMeetingId: 'm-1',
};

async function withEvent(h: Harness): Promise<{ calendar: GraphCalendar; id: string }> {
  const calendar = new GraphCalendar(h.api);
  const { id } = await calendar.createEvent(EVENT);
  h.fake.requests.length = 0;
  h.sleeps.length = 0;
  return { calendar, id };
}

async function failure(promise: Promise<unknown>): Promise<GraphRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GraphRequestError) return error;
    throw error;
  }
  throw new Error('expected a GraphRequestError');
}

describe('typed Graph errors [STYLE 6]', () => {
  const cases = [
    { status: 400, code: 'BadRequest', type: GraphBadRequestError, ui: 'GRAPH_BAD_REQUEST' },
    { status: 403, code: 'ErrorAccessDenied', type: GraphForbiddenError, ui: 'GRAPH_FORBIDDEN' },
    { status: 404, code: 'ErrorItemNotFound', type: GraphNotFoundError, ui: 'GRAPH_NOT_FOUND' },
    { status: 409, code: 'ErrorIrresolvableConflict', type: GraphConflictError, ui: 'GRAPH_CONFLICT' },
    { status: 412, code: 'ErrorIrresolvableConflict', type: GraphPreconditionFailedError, ui: 'GRAPH_PRECONDITION_FAILED' },
    { status: 500, code: 'InternalServerError', type: GraphServiceUnavailableError, ui: 'GRAPH_SERVICE_UNAVAILABLE' },
  ] as const;

  for (const c of cases) {
    it(`${c.status} becomes ${c.type.name} with code ${c.ui}, Graph's code and request id, after one request`, async () => {
      const h = harness();
      h.fake.inject({ method: 'PATCH', status: c.status, code: c.code });
      const call = h.api.call({ method: 'PATCH', path: `/me/events/${encodeURIComponent(EVENT_ID_FOR_FAULT)}`, body: { subject: 'x' }, schema: z.unknown() });
      const error = await failure(call);
      expect(error).toBeInstanceOf(c.type);
      expect(error).toMatchObject({ code: c.ui, status: c.status, graphCode: c.code, requestId: `req-${c.status}-${c.code}` });
      expect(error.operation).toBe(`PATCH /me/events/${encodeURIComponent(EVENT_ID_FOR_FAULT)}`);
      expect(h.fake.requests).toHaveLength(1);
    });
  }

  it('the calendar turns 404 (and 400 ErrorInvalidIdMalformed) into the port’s CalendarEventNotFoundError, keeping the Graph error as cause', async () => {
    const h = harness();
    const calendar = new GraphCalendar(h.api);
    const missing = await calendar.getEvent(EVENT_ID_FOR_FAULT).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(CalendarEventNotFoundError);
    const malformed = await calendar.cancelEvent('nope', 'x').catch((e: unknown) => e);
    expect(malformed).toBeInstanceOf(CalendarEventNotFoundError);
    expect((malformed as Error).cause).toBeInstanceOf(GraphBadRequestError);
    expect(h.fake.requests.map((r) => r.method)).toStrictEqual(['GET', 'POST']);
  });

  it('a 2xx body without the documented shape is GraphInvalidResponseError, never data', async () => {
    const h = harness();
    const { calendar, id } = await withEvent(h);
    h.fake.corruptNext = (json) => ({ ...json, start: { dateTime: '11-03-2031 09:00', timeZone: 'UTC' } });
    const error = await failure(calendar.getEvent(id));
    expect(error.code).toBe('GRAPH_INVALID_RESPONSE');
  });
});

// A well-formed id: the fault answers before the fake looks the event up.
const EVENT_ID_FOR_FAULT = 'AAMkAGVmMDEz-no-such=';

describe('retry and back-off', () => {
  it('[throttling] a 429 with Retry-After is waited out exactly, then the request succeeds', async () => {
    const h = harness();
    const { calendar, id } = await withEvent(h);
    h.fake.inject({ method: 'GET', status: 429, headers: { 'Retry-After': '7' } });
    const event = await calendar.getEvent(id);
    expect(event.id).toBe(id);
    expect(h.sleeps).toStrictEqual([7000]);
    expect(h.fake.requests).toHaveLength(2);
  });

  it('[throttling] an HTTP-date Retry-After is waited until that instant', async () => {
    const h = harness();
    const { calendar, id } = await withEvent(h);
    const at = new Date(h.fake.nowMs + 12_000).toUTCString();
    h.fake.inject({ method: 'GET', status: 503, headers: { 'Retry-After': at } });
    await calendar.getEvent(id);
    expect(h.sleeps).toStrictEqual([12_000]);
  });

  it('[throttling] without a readable Retry-After (CORS), back-off doubles: 429, 503, 504, then success', async () => {
    const h = harness();
    const { calendar, id } = await withEvent(h);
    h.fake.inject({ method: 'GET', status: 429 });
    h.fake.inject({ method: 'GET', status: 503 });
    h.fake.inject({ method: 'GET', status: 504 });
    await calendar.getEvent(id);
    // base 500 ms, jitter 0.5: 375, 750, 1500.
    expect(h.sleeps).toStrictEqual([375, 750, 1500]);
    expect(h.fake.requests).toHaveLength(4);
  });

  it('[throttling] after maxRetries the 429 reaches the caller as GraphThrottledError with its Retry-After', async () => {
    const h = harness({ retry: { maxRetries: 2 } });
    const { calendar, id } = await withEvent(h);
    h.fake.inject({ method: 'GET', status: 429, headers: { 'Retry-After': '3' }, times: 3 });
    const error = await failure(calendar.getEvent(id));
    expect(error).toBeInstanceOf(GraphThrottledError);
    expect((error as GraphThrottledError).retryAfterMs).toBe(3000);
    expect(error.retryable).toBe(true);
    expect(h.fake.requests).toHaveLength(3);
  });

  it('[throttling] a Retry-After longer than the policy allows is not waited out in the UI: the caller gets it at once', async () => {
    const h = harness({ retry: { maxRetryAfterMs: 60_000 } });
    const { calendar, id } = await withEvent(h);
    h.fake.inject({ method: 'GET', status: 429, headers: { 'Retry-After': '600' } });
    const error = await failure(calendar.getEvent(id));
    expect(error).toMatchObject({ code: 'GRAPH_THROTTLED', retryAfterMs: 600_000 });
    expect(h.sleeps).toStrictEqual([]);
  });

  it('a dropped connection on a replay-safe request is retried; on cancel it is not (a replay of a landed cancel answers 404)', async () => {
    const h = harness();
    const { calendar, id } = await withEvent(h);
    h.fake.inject({ method: 'GET', drop: true });
    expect((await calendar.getEvent(id)).id).toBe(id);
    expect(h.fake.requests).toHaveLength(2);

    h.fake.requests.length = 0;
    h.fake.inject({ method: 'POST', path: /\/cancel$/, drop: true });
    const error = await failure(calendar.cancelEvent(id, 'Aflyst'));
    expect(error).toBeInstanceOf(GraphNetworkError);
    expect(error.status).toBe(0);
    expect(h.fake.requests).toHaveLength(1);
  });

  it('offline (navigator.onLine false) a dropped connection fails at once: no back-off for the UI to wait out', async () => {
    let offline = true;
    const h = harness({ retry: { isOffline: () => offline } });
    offline = false;
    const { calendar, id } = await withEvent(h);
    offline = true;
    h.fake.inject({ method: 'GET', drop: true });
    const error = await failure(calendar.getEvent(id));
    expect(error).toBeInstanceOf(GraphNetworkError);
    expect(h.fake.requests).toHaveLength(1);
    expect(h.sleeps).toStrictEqual([]);
  });

  it('[idempotent] a create that committed but answered 504 is replayed with the same transactionId: one event', async () => {
    const h = harness();
    const calendar = new GraphCalendar(h.api);
    h.fake.inject({ method: 'POST', path: /^\/me\/events$/, status: 504, afterCommit: true });
    const event = await calendar.createEvent(EVENT);
    expect(h.fake.storedEvents()).toHaveLength(1);
    expect(event.id).toBe(h.fake.storedEvents()[0]?.id);
    expect(h.fake.requestsTo('POST', /^\/me\/events$/).map((r) => (r.body as { transactionId: string }).transactionId)).toStrictEqual(['tx-1', 'tx-1']);
  });
});

describe('401: one token refresh, one replay', () => {
  it('a 401 gets a forced token refresh and one replay with the new token', async () => {
    const h = harness();
    const { calendar, id } = await withEvent(h);
    h.fake.rejectedTokens.add('token-1');
    h.tokens.asked.length = 0;
    expect((await calendar.getEvent(id)).id).toBe(id);
    expect(h.tokens.asked.map((a) => a.forceRefresh)).toStrictEqual([false, true]);
    expect(h.fake.requests.map((r) => r.headers.get('Authorization'))).toStrictEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('a second 401 is not replayed again: GraphUnauthorizedError, two requests', async () => {
    const h = harness();
    const { calendar, id } = await withEvent(h);
    h.fake.rejectedTokens.add('token-1');
    h.fake.rejectedTokens.add('token-2');
    const error = await failure(calendar.getEvent(id));
    expect(error).toBeInstanceOf(GraphUnauthorizedError);
    expect(error.code).toBe('GRAPH_UNAUTHORIZED');
    expect(h.fake.requests).toHaveLength(2);
  });

  it('asks the token provider for the adapter’s delegated scopes', async () => {
    const h = harness({ scopes: ['Calendars.ReadWrite'] });
    await withEvent(h);
    expect(h.tokens.asked[0]?.scopes).toStrictEqual(['Calendars.ReadWrite']);
  });
});

describe('retry policy', () => {
  it('parses Retry-After as seconds or as an HTTP-date; anything else is unreadable', () => {
    const now = Date.parse('2031-03-11T08:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Tue, 11 Mar 2031 08:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 11 Mar 2031 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });

  it('back-off is capped and never zero', () => {
    const policy = defaultRetryPolicy({ random: () => 0, baseDelayMs: 500, maxDelayMs: 4000 });
    expect([0, 1, 2, 3, 4, 10].map((n) => backoffMs(policy, n))).toStrictEqual([250, 500, 1000, 2000, 2000, 2000]);
  });
});
