/**
 * Typed Microsoft Graph failures (STYLE.md statement 6): every status the UI must explain has a
 * class with a stable `code` that the UI maps to Danish and English text. A failure is never
 * turned into '' or []. `retryable` tells the outbox whether a later retry can succeed.
 */

export type GraphErrorCode =
  | 'GRAPH_BAD_REQUEST'
  | 'GRAPH_UNAUTHORIZED'
  | 'GRAPH_FORBIDDEN'
  | 'GRAPH_NOT_FOUND'
  | 'GRAPH_CONFLICT'
  | 'GRAPH_PRECONDITION_FAILED'
  | 'GRAPH_THROTTLED'
  | 'GRAPH_SERVICE_UNAVAILABLE'
  | 'GRAPH_NETWORK'
  | 'GRAPH_INVALID_RESPONSE';

export interface GraphErrorDetails {
  /** HTTP status, or 0 when no response arrived. */
  status: number;
  /** Graph's own error code (`ErrorItemNotFound`, `Authorization_RequestDenied`, ...), if any. */
  graphCode: string | null;
  /** `request-id` from Graph, for support cases. */
  requestId: string | null;
  /** What was asked, e.g. `GET /me/events/{id}` (never a body: it may hold case data). */
  operation: string;
}

export abstract class GraphRequestError extends Error {
  abstract readonly code: GraphErrorCode;
  abstract readonly retryable: boolean;
  readonly status: number;
  readonly graphCode: string | null;
  readonly requestId: string | null;
  readonly operation: string;

  constructor(message: string, details: GraphErrorDetails, options?: { cause?: unknown }) {
    super(`${details.operation}: ${message}`, options);
    this.status = details.status;
    this.graphCode = details.graphCode;
    this.requestId = details.requestId;
    this.operation = details.operation;
  }
}

/** 400 and other 4xx without a class of their own: a bug on our side, not the user's. */
export class GraphBadRequestError extends GraphRequestError {
  readonly code = 'GRAPH_BAD_REQUEST';
  readonly retryable = false;
  override readonly name = 'GraphBadRequestError';
}

/** 401 after one token refresh and one replay: the user must sign in again. */
export class GraphUnauthorizedError extends GraphRequestError {
  readonly code = 'GRAPH_UNAUTHORIZED';
  readonly retryable = false;
  override readonly name = 'GraphUnauthorizedError';
}

/** 403: consent or a permission is missing (e.g. the SharePoint site was not granted). */
export class GraphForbiddenError extends GraphRequestError {
  readonly code = 'GRAPH_FORBIDDEN';
  readonly retryable = false;
  override readonly name = 'GraphForbiddenError';
}

export class GraphNotFoundError extends GraphRequestError {
  readonly code = 'GRAPH_NOT_FOUND';
  readonly retryable = false;
  override readonly name = 'GraphNotFoundError';
}

export class GraphConflictError extends GraphRequestError {
  readonly code = 'GRAPH_CONFLICT';
  readonly retryable = false;
  override readonly name = 'GraphConflictError';
}

/** 412: the item changed since it was read (stale ETag); goes to the conflict path, never overwritten. */
export class GraphPreconditionFailedError extends GraphRequestError {
  readonly code = 'GRAPH_PRECONDITION_FAILED';
  readonly retryable = false;
  override readonly name = 'GraphPreconditionFailedError';
}

/** 429 that outlasted the retries. `retryAfterMs` is null when the browser could not read Retry-After (CORS). */
export class GraphThrottledError extends GraphRequestError {
  readonly code = 'GRAPH_THROTTLED';
  readonly retryable = true;
  override readonly name = 'GraphThrottledError';
  constructor(
    message: string,
    details: GraphErrorDetails,
    readonly retryAfterMs: number | null,
    options?: { cause?: unknown },
  ) {
    super(message, details, options);
  }
}

/** 5xx that outlasted the retries. */
export class GraphServiceUnavailableError extends GraphRequestError {
  readonly code = 'GRAPH_SERVICE_UNAVAILABLE';
  readonly retryable = true;
  override readonly name = 'GraphServiceUnavailableError';
}

/** No response at all (offline, DNS, dropped connection) after the retries. */
export class GraphNetworkError extends GraphRequestError {
  readonly code = 'GRAPH_NETWORK';
  readonly retryable = true;
  override readonly name = 'GraphNetworkError';
}

/** Graph answered 2xx with a body that does not have the documented shape. */
export class GraphInvalidResponseError extends GraphRequestError {
  readonly code = 'GRAPH_INVALID_RESPONSE';
  readonly retryable = false;
  override readonly name = 'GraphInvalidResponseError';
}

/** The one place a status becomes a class. */
export function graphErrorFor(
  message: string,
  details: GraphErrorDetails,
  retryAfterMs: number | null,
  cause?: unknown,
): GraphRequestError {
  const options = { cause };
  const { status } = details;
  if (status === 0) return new GraphNetworkError(message, details, options);
  if (status === 401) return new GraphUnauthorizedError(message, details, options);
  if (status === 403) return new GraphForbiddenError(message, details, options);
  if (status === 404) return new GraphNotFoundError(message, details, options);
  if (status === 409) return new GraphConflictError(message, details, options);
  if (status === 412) return new GraphPreconditionFailedError(message, details, options);
  if (status === 429) return new GraphThrottledError(message, details, retryAfterMs, options);
  if (status >= 500) return new GraphServiceUnavailableError(message, details, options);
  return new GraphBadRequestError(message, details, options);
}
