/** RFC 9457 problem details, with the SDK's error code so clients map them onto MentorshipError. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode, ValidationIssue } from '../src/sdk/errors.js';
import { badText } from './text.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  issues?: ValidationIssue[];
  instance?: string;
  /** The id of this request in the server's log (also the `X-Request-Id` response header). */
  requestId?: string;
  [extra: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Request body too large',
  415: 'Unsupported media type',
  422: 'Idempotency key reused',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Server error',
  503: 'Service unavailable',
};

const CODES: Record<number, ErrorCode> = { 400: 'invalid-input', 401: 'unauthorized', 403: 'unauthorized', 404: 'not-found', 409: 'conflict', 412: 'conflict', 428: 'invalid-input', 429: 'network', 503: 'network', 413: 'invalid-input', 415: 'invalid-input', 422: 'invalid-input' };

export interface ProblemExtras {
  /** More members of the problem body (e.g. `current`: the newer version on a 412). */
  body?: Record<string, unknown>;
  /** Response headers (e.g. `Retry-After`, `ETag`). */
  headers?: Record<string, string>;
}

/** Thrown inside handlers; turned into a problem+json response by the app's error handler. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly issues?: ValidationIssue[],
    readonly extras: ProblemExtras = {},
  ) {
    super(detail);
  }
}

export function problemBody(status: number, detail: string, issues?: ValidationIssue[], instance?: string, extra: Record<string, unknown> = {}): Problem {
  const code = CODES[status] ?? (status >= 500 ? 'network' : 'bad-response');
  return {
    type: `https://mentorship-kit.dev/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(issues?.length ? { issues } : {}),
    ...(instance ? { instance } : {}),
    ...extra,
  };
}

export function problem(c: Context, status: number, detail: string, issues?: ValidationIssue[], extras: ProblemExtras = {}): Response {
  const requestId = (c.get('requestId' as never) as string | undefined) ?? undefined;
  const body = problemBody(status, detail, issues, safePath(c.req.path), { ...(requestId ? { requestId } : {}), ...extras.body });
  return c.body(JSON.stringify(body), status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json',
    'Cache-Control': 'no-store',
    ...extras.headers,
  });
}

/** The path as `instance`, unless it holds what JSON or a log should not carry back. */
const safePath = (path: string) => (path.length <= 500 && !badText(path) ? path : undefined);

/** zod's issues as the SDK's ValidationIssue list ("programs.0.title"). */
export function zodIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message }));
}
