/** RFC 9457 problem details, with the SDK's error code so clients map them onto MentorshipError. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode, ValidationIssue } from '../src/sdk/errors.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  issues?: ValidationIssue[];
  instance?: string;
}

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request body too large',
  415: 'Unsupported media type',
  422: 'Idempotency key reused',
  500: 'Server error',
};

const CODES: Record<number, ErrorCode> = { 400: 'invalid-input', 401: 'unauthorized', 403: 'unauthorized', 404: 'not-found', 409: 'conflict', 413: 'invalid-input', 415: 'invalid-input', 422: 'invalid-input' };

/** Thrown inside handlers; turned into a problem+json response by the app's error handler. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly issues?: ValidationIssue[],
  ) {
    super(detail);
  }
}

export function problemBody(status: number, detail: string, issues?: ValidationIssue[], instance?: string): Problem {
  const code = CODES[status] ?? 'bad-response';
  return {
    type: `https://mentorship-kit.dev/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(issues?.length ? { issues } : {}),
    ...(instance ? { instance } : {}),
  };
}

export function problem(c: Context, status: number, detail: string, issues?: ValidationIssue[]): Response {
  return c.body(JSON.stringify(problemBody(status, detail, issues, c.req.path)), status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json',
  });
}

/** zod's issues as the SDK's ValidationIssue list ("programs.0.title"). */
export function zodIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message }));
}
