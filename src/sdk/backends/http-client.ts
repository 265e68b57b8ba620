/**
 * The ky instance httpBackend talks through: the base URL as `prefixUrl`, a `beforeRequest` hook
 * for the bearer token and one for idempotency keys, ky's timeout per attempt, and ky's retry
 * (exponential backoff, `Retry-After` on 413/429/503) for safe calls and for writes marked
 * idempotent. ky's `HTTPError` and `TimeoutError` become MentorshipErrors here, so nothing past
 * this module sees ky.
 */
import ky, { isHTTPError, isTimeoutError, type Options } from 'ky';
import { MentorshipError, type ErrorCode, type ValidationIssue } from '../errors.js';
import { anything, array, object, optional, validator, type Validator } from '../validator.js';

export interface HttpClientOptions {
  /** The API root without a trailing slash. */
  baseUrl: string;
  getToken?: () => string | undefined | null | Promise<string | undefined | null>;
  timeoutMs?: number;
  retries?: number;
  fetch?: typeof fetch;
  /** Offline, a request fails at once with `network` instead of waiting for the timeout. */
  isOnline: () => boolean;
}

export interface CallOptions {
  json?: unknown;
  headers?: Record<string, string>;
  /** Query parameters; undefined ones are left out. */
  searchParams?: Record<string, unknown>;
  /** Sent as `Idempotency-Key` (by the hook); makes the write retryable. */
  idempotencyKey?: string;
  /** Retry this write too: an upsert by id, or a change guarded by `If-Match`. */
  idempotent?: boolean;
}

/** Our code for an HTTP status outside 2xx; any other is `bad-response`. */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'invalid-input',
  413: 'invalid-input',
  415: 'invalid-input',
  422: 'invalid-input',
  401: 'unauthorized',
  403: 'unauthorized',
  404: 'not-found',
  409: 'conflict',
  // A stale `If-Match`: someone else changed it first.
  412: 'conflict',
  // Busy or unreachable behind a gateway: as if we could not reach the server.
  408: 'network',
  429: 'network',
  500: 'network',
  502: 'network',
  503: 'network',
  504: 'network',
};

/** The HTTP status behind an error from `request`, or 0 when no answer came (offline, timeout). */
export function statusOf(error: unknown): number {
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  return isHTTPError(cause) ? cause.response.status : 0;
}

/** How long the server asked us to wait (`Retry-After`, seconds or a date), in ms; 0 when it did not say. */
export function retryAfterMs(error: unknown): number {
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  const header = isHTTPError(cause) ? cause.response.headers.get('Retry-After') : null;
  if (!header) return 0;
  const ms = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

/** ky's failure as ours: the problem+json `detail` and `issues` when the server sent them. */
async function toMentorshipError(error: unknown, what: string): Promise<MentorshipError> {
  if (isHTTPError(error)) {
    const { status } = error.response;
    const body = ((await error.response.json().catch(() => 0)) || {}) as { detail?: unknown; issues?: unknown; current?: unknown };
    const message = typeof body.detail === 'string' && body.detail ? body.detail : `${what} failed: HTTP ${status}`;
    const issues = Array.isArray(body.issues) ? (body.issues as ValidationIssue[]) : undefined;
    // A 412 carries the resource as it is now (unvalidated here; the caller checks it).
    return new MentorshipError(CODE_BY_STATUS[status] ?? (status >= 500 ? 'network' : 'bad-response'), message, { cause: error, issues, current: body.current });
  }
  if (isTimeoutError(error)) return new MentorshipError('timeout', `${what} timed out`, { cause: error });
  return new MentorshipError('network', `${what} failed: the server cannot be reached`, { cause: error });
}

/**
 * `request(method, path, init)` resolves to the response's JSON and its `ETag` (undefined JSON for
 * 204) or rejects with a MentorshipError naming the call ("POST /bookings failed: HTTP 500").
 * GET, PUT and DELETE are retried (ky's default methods); POST and PATCH only when `idempotent`
 * or with an idempotency key.
 */
export function createHttpClient(options: HttpClientOptions) {
  const api = ky.create({
    prefixUrl: options.baseUrl,
    timeout: options.timeoutMs ?? 10_000,
    retry: { limit: options.retries ?? 2, backoffLimit: 4000 },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    hooks: {
      beforeRequest: [
        async (request) => {
          const token = await options.getToken?.();
          if (token) request.headers.set('Authorization', `Bearer ${token}`);
        },
        (request, { context }) => {
          if (typeof context.idempotencyKey === 'string') request.headers.set('Idempotency-Key', context.idempotencyKey);
        },
      ],
    },
  });

  return async function request(method: string, path: string, init: CallOptions = {}): Promise<{ json: unknown; etag: string | null }> {
    const what = `${method} /${path}`;
    if (!options.isOnline()) throw new MentorshipError('network', `${what} failed: the browser is offline`);
    const searchParams = Object.entries(init.searchParams ?? {}).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]);
    const kyOptions: Options = {
      method,
      headers: init.headers,
      json: init.json,
      searchParams: new URLSearchParams(searchParams),
      context: { idempotencyKey: init.idempotencyKey },
    };
    if (init.idempotent || init.idempotencyKey) kyOptions.retry = { methods: ['get', 'put', 'delete', 'post', 'patch'] };
    try {
      const response = await api(path, kyOptions);
      const etag = response.headers.get('ETag');
      if (response.status === 204) return { json: undefined, etag };
      return { json: await response.json(), etag };
    } catch (error) {
      throw await toMentorshipError(error, what);
    }
  };
}

export type HttpRequest = ReturnType<typeof createHttpClient>;

/** A list response `{ items, nextCursor? }` whose items must each match `item`. */
export const listPage = <T>(item: Validator<T>) =>
  validator<{ items: T[]; nextCursor?: unknown }>(object({ items: array(item), nextCursor: optional(anything) }));
