/**
 * Rate limits (hono-rate-limiter, in-memory per process): anonymous bookings and reschedules per
 * client address, Cancel-Token attempts per client address, and everything a mentee does per
 * mentee. Over the limit: 429 problem+json with Retry-After.
 *
 * The counters live in each process's memory: with N processes behind a load balancer a client
 * can get up to N× a limit. That is acceptable because the limits only damp abuse — correctness
 * (one booking per slot, a mentee's own data) is enforced by the database — and a load balancer
 * that hashes client addresses to processes keeps each client on one counter anyway.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { RateLimit } from './config.js';
import type { Ctx, Env } from './http.js';
import { problem } from './problem.js';

export interface RateLimitOptions {
  bookings: RateLimit;
  cancelToken: RateLimit;
  mentee: RateLimit;
  trustProxy: boolean;
}

/** The client's address: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
export function clientAddress(c: Ctx, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // not on @hono/node-server (app.request() in a test)
  }
}

const isBookingWrite = (c: Ctx) => c.req.method === 'POST' && (c.req.path === '/v1/bookings' || c.req.path === '/v1/waitlist' || /^\/v1\/bookings\/[^/]+\/reschedule$/.test(c.req.path));

function limiter(rule: RateLimit, what: string, key: (c: Ctx) => string, applies: (c: Ctx) => boolean): MiddlewareHandler<Env> {
  if (rule.limit <= 0) return (_c, next) => next();
  return rateLimiter<Env>({
    windowMs: rule.windowMs,
    limit: rule.limit,
    standardHeaders: 'draft-6',
    keyGenerator: key,
    skip: (c) => c.req.method === 'OPTIONS' || !applies(c),
    handler: (c) => problem(c, 429, `Too many ${what}: at most ${rule.limit} per ${Math.round(rule.windowMs / 1000)} s. Try again after the time in Retry-After.`),
  });
}

/** The three limiters, each a middleware to `app.use` in this order. */
export function rateLimits(options: RateLimitOptions): MiddlewareHandler<Env>[] {
  const address = (c: Ctx) => clientAddress(c, options.trustProxy);
  return [
    limiter(options.bookings, 'bookings from this address', address, (c) => !c.get('caller').sub && isBookingWrite(c)),
    limiter(options.cancelToken, 'cancel-token attempts from this address', address, (c) => c.req.header('cancel-token') !== undefined && !c.get('caller').sub),
    limiter(options.mentee, 'requests for this account', (c) => `mentee:${c.get('caller').sub}`, (c) => !!c.get('caller').sub),
  ];
}
