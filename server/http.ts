/** What every route module shares: the app's types and dependencies, and request helpers. */
import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import type { Catalog } from '../src/sdk/schemas.js';
import type { Caller } from './auth.js';
import type { Database, Queryable } from './db.js';
import { HttpProblem, zodIssues } from './problem.js';

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
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'The request body is not valid JSON.');
  }
}

/** The mentee id of the caller; 401 for anyone without a token. */
export function requireMentee(c: Ctx): string {
  const sub = c.get('caller').sub;
  if (!sub) throw new HttpProblem(401, 'Sign in: this needs a mentee bearer token.');
  return sub;
}

export const isExclusionViolation = (e: unknown) => (e as { code?: string })?.code === '23P01';
export const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505';
