/** What every route module shares: the app's types and dependencies, and request helpers. */
import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import { Id, type Catalog } from '../src/sdk/schemas.js';
import type { Caller } from './auth.js';
import type { Database, Queryable } from './db.js';
import { HttpProblem, zodIssues } from './problem.js';
import type { BusyCalendars } from './calendar/busy.js';
import { badTextIssues, instantIssue } from './text.js';

export type Env = { Variables: { caller: Caller; requestId: string } };
export type App = Hono<Env>;
export type Ctx = Context<Env>;

/** The catalog every route reads; `get(tx)` inside a write transaction gives the newest one. */
export interface CatalogSource {
  get(q?: Queryable): Promise<Catalog>;
  replace(next: Catalog): Promise<Catalog>;
}

/** Everything a route module may use. */
export interface Deps {
  db: Database;
  catalog: CatalogSource;
  secret: string;
  now: () => number;
  dev: boolean;
  /** Wakes the outbox worker after a commit that enqueued events (server/webhooks/worker.ts). */
  kickOutbox?: () => void;
  /** Mentors' busy time from their own calendars: slots there are removed, bookings refused. */
  busy?: BusyCalendars;
}

export const MINUTE = 60_000;

export function parse<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) {
    const issues = zodIssues(result.error);
    throw new HttpProblem(400, `Invalid ${what}: ${issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  }
  return result.data;
}

export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) throw new HttpProblem(415, 'Send the body as application/json.');
  const text = await c.req.text();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'The request body is not valid JSON.');
  }
  const issues = badTextIssues(value);
  if (issues.length) throw new HttpProblem(400, `Invalid text: ${issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  return value;
}

/** The `:id` path parameter, checked like every id (400 otherwise). */
export function pathId(c: Context, name = 'id'): string {
  const id = c.req.param(name) ?? '';
  if (!z.safeParse(Id, id).success) throw new HttpProblem(400, `Invalid ${name} in the path: letters, digits and _ . : - only, 1–100 characters.`, [{ path: name, message: 'Invalid id' }]);
  return id;
}

/** Throws 400 when any of the instants lies outside the years 1970–9999. */
export function checkInstants(instants: Record<string, string | undefined>): void {
  const issues = Object.entries(instants).flatMap(([path, iso]) => instantIssue(iso, path) ?? []);
  if (issues.length) throw new HttpProblem(400, `Invalid instant: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

/** A strong ETag for a version number. */
export const etag = (version: number) => `"${version}"`;

/**
 * The version an `If-Match` header asks for: undefined without one, '*' for any, a number for
 * `"3"` (or `W/"3"`), and NaN for a value that can match nothing (so the answer is 412).
 */
export function ifMatch(c: Context): number | '*' | undefined {
  const header = c.req.header('if-match')?.trim();
  if (header === undefined) return undefined;
  if (header === '*') return '*';
  const versions = header.split(',').map((tag) => /^(?:W\/)?"(\d{1,9})"$/.exec(tag.trim())?.[1]).filter(Boolean);
  return versions.length === 1 ? Number(versions[0]) : Number.NaN;
}

/** The mentee id of the caller; 401 for anyone without a token. */
export function requireMentee(c: Ctx): string {
  const sub = c.get('caller').sub;
  if (!sub) throw new HttpProblem(401, 'Sign in: this needs a mentee bearer token.');
  return sub;
}

export const isExclusionViolation = (e: unknown) => (e as { code?: string })?.code === '23P01';
export const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505';
