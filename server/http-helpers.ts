/** Small request helpers shared by the route modules (mentor notifications, calendars). */
import type { Context } from 'hono';
import * as z from 'zod/mini';
import type { Caller } from './auth.js';
import { HttpProblem, zodIssues } from './problem.js';

export type Env = { Variables: { caller: Caller } };

export function parseInput<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) {
    const issues = zodIssues(result.error);
    throw new HttpProblem(400, `Invalid ${what}: ${issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  }
  return result.data;
}

export async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) throw new HttpProblem(415, 'Send the body as application/json.');
  try {
    return JSON.parse(await c.req.text());
  } catch {
    throw new HttpProblem(400, 'The request body is not valid JSON.');
  }
}

export function requireAdmin(c: Context<Env>, what: string): void {
  const caller = c.get('caller');
  if (!caller.admin) throw new HttpProblem(caller.sub || caller.mentorId ? 403 : 401, `Only an admin may ${what}.`);
}

/** `?limit=` as an integer in [1, max], `fallback` when absent. */
export function limitParam(raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new HttpProblem(400, `Invalid limit: an integer from 1 to ${max}.`);
  return n;
}
