/**
 * The reference server's HTTP contract (docs/http-api.md) as a Hono app: the middleware every
 * request passes, then one module per resource in routes/. Framework-free SDK code does the
 * domain work: the same zod schemas validate every body, and the same pure `generateSlots` /
 * `isSlotFree` compute free time, so the server and the browser always agree.
 *
 * A new resource is a new `routes/<name>.ts` exporting `(app, deps) => void`, registered below.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { Catalog } from '../src/sdk/schemas.js';
import { callerFrom } from './auth.js';
import { memoryCatalog } from './catalog.js';
import type { Database } from './db.js';
import type { CatalogSource, Deps, Env } from './http.js';
import { HttpProblem, problem } from './problem.js';
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

export interface AppOptions {
  db: Database;
  /** The catalog at start (kept in memory), unless `catalogSource` is given. */
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
  const deps: Deps = {
    db: options.db,
    catalog: options.catalogSource ?? memoryCatalog(options.db, options.catalog),
    secret: options.secret,
    now: options.now ?? Date.now,
    dev: options.dev ?? false,
    kickOutbox: options.kickOutbox,
    busy: options.busyCalendars,
  };
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  const app = new Hono<Env>();

  app.onError((error, c) => {
    if (error instanceof HttpProblem) return problem(c, error.status, error.message, error.issues, error.extras);
    // A booking policy's refusal (notice, caps) from the shared SDK rules: 409 naming the rule.
    if (MentorshipError.is(error) && error.code === 'conflict') return problem(c, 409, error.message, error.issues);
    console.error(error);
    return problem(c, 500, 'The server could not complete the request.');
  });
  app.notFound((c) => problem(c, 404, `No route ${c.req.method} ${c.req.path}`));

  app.use(
    '*',
    cors({
      origin: options.corsOrigins ?? DEFAULT_ORIGINS,
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Cancel-Token', 'If-Match'],
      exposeHeaders: ['Location', 'Idempotent-Replayed', 'ETag', 'Retry-After'],
      maxAge: 600,
    }),
  );
  const limit = (maxSize: number) => bodyLimit({ maxSize, onError: (c) => problem(c, 413, `The request body is larger than ${maxSize} bytes.`) });
  app.put('/v1/catalog', limit(maxBody * 16));
  app.use('/v1/*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'OPTIONS' && !(c.req.method === 'PUT' && c.req.path === '/v1/catalog')) {
      return limit(maxBody)(c, next);
    }
    return next();
  });
  app.use('/v1/*', async (c, next) => {
    c.set('caller', await callerFrom(c.req.header('authorization'), deps.secret));
    return next();
  });

  metaRoutes(app, deps);
  catalogRoutes(app, deps);
  slotRoutes(app, deps);
  bookingRoutes(app, deps);
  seriesRoutes(app, deps);
  sessionRoutes(app, deps);
  webhookRoutes(app, deps);
  mentorRoutes(app, deps);
  feedRoutes(app, deps, options.feed);
  busyCalendarRoutes(app, deps);
  return app;
}
