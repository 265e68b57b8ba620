/** Request helpers for the mentor-notification route modules (beside ./http.ts). */
import type { Ctx } from './http.js';
import { HttpProblem } from './problem.js';

export function requireAdmin(c: Ctx, what: string): void {
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
