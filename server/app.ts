/**
 * The reference server's HTTP contract (docs/http-api.md) as a Hono app: the middleware every
 * request passes (request id and log line, security headers, CORS, body limits, the caller, rate
 * limits), then one module per resource in routes/. Framework-free SDK code does the domain work:
 * the same zod schemas validate every body, and the same pure `generateSlots` / `isSlotFree`
 * compute free time, so the server and the browser always agree.
 *
 * A new resource is a new `routes/<name>.ts` exporting `(app, deps) => void`, registered below.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Catalog } from '../src/sdk/schemas.js';
import { callerFrom, MAX_TOKEN_SECONDS } from './auth.js';
import { databaseCatalog } from './catalog.js';
import { DEFAULT_RATE_LIMITS, parseRateLimit, type RateLimit } from './config.js';
import { DatabaseUnavailable, type Database } from './db.js';
import type { CatalogSource, Deps, Env } from './http.js';
import { silentLogger, type Logger } from './log.js';
import { HttpProblem, problem } from './problem.js';
import { rateLimits } from './rate-limit.js';
import { MentorshipError } from '../src/sdk/errors.js';
import { bookingRoutes } from './routes/bookings.js';
import { catalogRoutes } from './routes/catalog.js';
import { metaRoutes } from './routes/meta.js';
import { sessionRoutes } from './routes/sessions.js';
import { slotRoutes } from './routes/slots.js';
import { webhookRoutes } from './webhooks/routes.js';
import { mentorRoutes } from './routes/mentor.js';
import { busyCalendarRoutes } from './calendar/routes.js';
import type { BusyCalendars } from './calendar/busy.js';
import { feedRoutes, type FeedOptions } from './calendar/feed.js';
import { seriesRoutes } from './routes/series.js';
import { waitlistRoutes } from './routes/waitlist.js';

export interface AppOptions {
  db: Database;
  /** The catalog to store at start (replacing the stored one), unless `catalogSource` is given. */
  catalog?: Catalog;
  catalogSource?: CatalogSource;
  /** HS256 secret for bearer tokens. */
  secret: string;
  /** Dev mode: GET /v1/dev/token hands out mentee tokens (never with AUTH_SECRET set). */
  dev?: boolean;
  /** Allowed browser origins; `'*'` for any (tests). Default: the Vite demo's. */
  corsOrigins?: string[] | '*';
  /** Largest accepted request body in bytes (catalog uploads get 16×). */
  maxBodyBytes?: number;
  /** The API's public base URL for the OpenAPI document (PUBLIC_URL); never taken from a request. */
  publicUrl?: string;
  /** Longest bearer-token lifetime accepted, in seconds (default 30 days). */
  maxTokenSeconds?: number;
  /** Per-client and per-mentee limits; `{ limit: 0 }` turns one off. Default: DEFAULT_RATE_LIMITS. */
  rateLimits?: Partial<Record<'bookings' | 'cancelToken' | 'mentee', RateLimit>>;
  /** Take the client address from X-Forwarded-For (behind a trusted load balancer). */
  trustProxy?: boolean;
  logger?: Logger;
  /** True while the process drains before it stops: /health/ready says 503. */
  draining?: () => boolean;
  now?: () => number;
  /** Wakes the outbox worker after a commit that enqueued events (server/webhooks/worker.ts). */
  kickOutbox?: () => void;
  /** Mentors' busy time from their own calendars (server/calendar/busy.ts). */
  busyCalendars?: BusyCalendars;
  /** The mentor calendar feed's options (server/calendar/feed.ts). */
  feed?: FeedOptions;
}

const DEFAULT_ORIGINS = ['http://127.0.0.1:5173', 'http://localhost:5173'];

export function createApp(options: AppOptions): Hono<Env> {
  const log = options.logger ?? silentLogger;
  const deps: Deps = {
    db: options.db,
    catalog: options.catalogSource ?? databaseCatalog(options.db, { initial: options.catalog, force: options.catalog !== undefined }),
    secret: options.secret,
    now: options.now ?? Date.now,
    dev: options.dev ?? false,
    publicUrl: options.publicUrl,
    draining: options.draining ?? (() => false),
    log,
    kickOutbox: options.kickOutbox,
    busy: options.busyCalendars,
  };
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  const app = new Hono<Env>();

  app.onError((error, c) => {
    if (error instanceof HttpProblem) return problem(c, error.status, error.message, error.issues, error.extras);
    // A booking policy's refusal (notice, caps) from the shared SDK rules: 409 naming the rule.
    if (MentorshipError.is(error) && error.code === 'conflict') return problem(c, 409, error.message, error.issues);
    if (error instanceof DatabaseUnavailable) {
      log.warn({ reqId: c.get('requestId'), err: { message: error.message } }, 'database unavailable');
      return problem(c, 503, 'The database is unreachable right now. Please try again in a moment.', undefined, { headers: { 'Retry-After': '2' } });
    }
    // Only the message and where: never the query's parameters (names, emails, messages).
    const e = error as Error & { code?: string };
    log.error({ reqId: c.get('requestId'), err: { type: e.name, message: e.message, code: e.code, stack: e.stack } }, 'request failed');
    return problem(c, 500, 'The server could not complete the request.');
  });
  app.notFound((c) => problem(c, 404, `No route ${c.req.method} ${c.req.path.length > 200 ? `${c.req.path.slice(0, 200)}…` : c.req.path}`));

  app.use('*', requestId());
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    log.info(
      { reqId: c.get('requestId'), method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10 },
      'request',
    );
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      crossOriginResourcePolicy: 'cross-origin',
    }),
  );
  app.use(
    '*',
    cors({
      origin: options.corsOrigins ?? DEFAULT_ORIGINS,
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Cancel-Token', 'If-Match', 'X-Request-Id'],
      exposeHeaders: ['Location', 'Idempotent-Replayed', 'ETag', 'Retry-After', 'X-Request-Id'],
      maxAge: 600,
    }),
  );
  // Nothing personal is ever cached; routes that serve public data say so themselves.
  app.use('/v1/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });
  const limit = (maxSize: number) => bodyLimit({ maxSize, onError: (c) => problem(c, 413, `The request body is larger than ${maxSize} bytes.`) });
  app.put('/v1/catalog', limit(maxBody * 16));
  app.use('/v1/*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'OPTIONS' && !(c.req.method === 'PUT' && c.req.path === '/v1/catalog')) {
      return limit(maxBody)(c, next);
    }
    return next();
  });
  app.use('/v1/*', async (c, next) => {
    c.set('caller', await callerFrom(c.req.header('authorization'), deps.secret, options.maxTokenSeconds ?? MAX_TOKEN_SECONDS));
    return next();
  });
  for (const limiter of rateLimits({
      bookings: options.rateLimits?.bookings ?? parseRateLimit(DEFAULT_RATE_LIMITS.bookings, 'bookings'),
      cancelToken: options.rateLimits?.cancelToken ?? parseRateLimit(DEFAULT_RATE_LIMITS.cancelToken, 'cancelToken'),
      mentee: options.rateLimits?.mentee ?? parseRateLimit(DEFAULT_RATE_LIMITS.mentee, 'mentee'),
      trustProxy: options.trustProxy ?? false,
  })) {
    app.use('/v1/*', limiter);
  }

  metaRoutes(app, deps);
  catalogRoutes(app, deps);
  slotRoutes(app, deps);
  bookingRoutes(app, deps);
  seriesRoutes(app, deps);
  waitlistRoutes(app, deps);
  sessionRoutes(app, deps);
  webhookRoutes(app, deps);
  mentorRoutes(app, deps);
  feedRoutes(app, deps, options.feed);
  busyCalendarRoutes(app, deps);
  return app;
}
