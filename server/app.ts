/**
 * The reference server's HTTP contract (docs/http-api.md) as a Hono app. Framework-free SDK code
 * does the domain work: the same zod schemas validate every body, and the same pure
 * `generateSlots` / `isSlotFree` compute free time, so the server and the browser always agree.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import * as z from 'zod/mini';
import { newId } from '../src/sdk/ids.js';
import { generateSlots, isSlotFree } from '../src/sdk/scheduling/index.js';
import { Booking, BookingRequest, Catalog, Instant, Id, Session, SessionInput, SessionPatch } from '../src/sdk/schemas.js';
import { buildOpenApi } from '../src/sdk/openapi.js';
import { callerFrom, issueToken, randomSecret, sameSecret, sha256, type Caller } from './auth.js';
import type { Database, Queryable } from './db.js';
import { HttpProblem, problem, zodIssues } from './problem.js';
import { enqueueEvent } from './webhooks/outbox.js';
import { webhookRoutes } from './webhooks/routes.js';

export interface AppOptions {
  db: Database;
  catalog: Catalog;
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
}

type Env = { Variables: { caller: Caller } };

const MINUTE = 60_000;
const DEFAULT_ORIGINS = ['http://127.0.0.1:5173', 'http://localhost:5173'];

function parse<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) {
    const issues = zodIssues(result.error);
    throw new HttpProblem(400, `Invalid ${what}: ${issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  }
  return result.data;
}

async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) throw new HttpProblem(415, 'Send the body as application/json.');
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'The request body is not valid JSON.');
  }
}

const isExclusionViolation = (e: unknown) => (e as { code?: string })?.code === '23P01';
const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505';
const slotTaken = () => new HttpProblem(409, 'That time was just taken. Please choose another time.');

export function createApp(options: AppOptions): Hono<Env> {
  const { db, secret } = options;
  let catalog = options.catalog;
  const now = options.now ?? Date.now;
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  const app = new Hono<Env>();

  app.onError((error, c) => {
    if (error instanceof HttpProblem) return problem(c, error.status, error.message, error.issues);
    console.error(error);
    return problem(c, 500, 'The server could not complete the request.');
  });
  app.notFound((c) => problem(c, 404, `No route ${c.req.method} ${c.req.path}`));

  app.use(
    '*',
    cors({
      origin: options.corsOrigins ?? DEFAULT_ORIGINS,
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Cancel-Token'],
      exposeHeaders: ['Location', 'Idempotent-Replayed'],
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
    c.set('caller', await callerFrom(c.req.header('authorization'), secret));
    return next();
  });
  const mentee = (c: Context<Env>): string => {
    const sub = c.get('caller').sub;
    if (!sub) throw new HttpProblem(401, 'Sign in: this needs a mentee bearer token.');
    return sub;
  };

  app.get('/health', (c) => c.json({ ok: true, database: db.kind }));

  // ---- catalog ---------------------------------------------------------------------------
  app.get('/v1/catalog', (c) => c.json(catalog));
  app.put('/v1/catalog', async (c) => {
    if (!c.get('caller').admin) throw new HttpProblem(403, 'Only an admin may replace the catalog.');
    const next = parse(Catalog, await readJson(c), 'catalog');
    await db.query('INSERT INTO catalog (id, doc, updated_at) VALUES (1, $1, now()) ON CONFLICT (id) DO UPDATE SET doc = $1, updated_at = now()', [JSON.stringify(next)]);
    catalog = next;
    return c.json(catalog);
  });

  const findEntries = (mentorId: string, sessionTypeId: string) => {
    const mentor = catalog.mentors.find((m) => m.id === mentorId);
    if (!mentor) throw new HttpProblem(404, `No mentor with id "${mentorId}".`);
    const sessionType = catalog.sessionTypes.find((t) => t.id === sessionTypeId);
    if (!sessionType) throw new HttpProblem(404, `No session type with id "${sessionTypeId}".`);
    if (!mentor.sessionTypeIds.includes(sessionTypeId)) throw new HttpProblem(400, `${mentor.name} does not offer "${sessionType.name}".`);
    return { mentor, sessionType };
  };

  /** Confirmed bookings of a mentor that could matter for slots in [fromMs, toMs). */
  const busyNear = async (q: Queryable, mentorId: string, fromMs: number, toMs: number): Promise<Booking[]> => {
    const rows = await q.query<{ doc: Booking }>(
      `SELECT doc FROM bookings WHERE mentor_id = $1 AND status = 'confirmed' AND blocked && tstzrange($2::timestamptz, $3::timestamptz)`,
      [mentorId, new Date(fromMs - 2 * 1440 * MINUTE).toISOString(), new Date(toMs + 2 * 1440 * MINUTE).toISOString()],
    );
    return rows.map((r) => r.doc);
  };

  // ---- slots -----------------------------------------------------------------------------
  app.get('/v1/mentors/:id/slots', async (c) => {
    const q = parse(
      z.object({ sessionType: Id, from: Instant, to: Instant }),
      { sessionType: c.req.query('sessionType'), from: c.req.query('from'), to: c.req.query('to') },
      'slot query',
    );
    const { mentor, sessionType } = findEntries(c.req.param('id'), q.sessionType);
    if (!(Date.parse(q.from) < Date.parse(q.to))) throw new HttpProblem(400, 'Invalid slot query: "from" must be before "to".');
    // Nothing before now or past the mentor's horizon is free anyway; clamp so a wide range is cheap.
    const fromMs = Math.max(Date.parse(q.from), now());
    const toMs = Math.min(Date.parse(q.to), now() + (mentor.rules.horizonDays + 1) * 1440 * MINUTE);
    if (!(fromMs < toMs)) return c.json({ items: [] });
    const bookings = await busyNear(db, mentor.id, fromMs, toMs);
    const items = generateSlots({ mentor, sessionType, bookings, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), now: new Date(now()).toISOString() });
    return c.json({ items });
  });

  // ---- bookings --------------------------------------------------------------------------
  const publicBooking = (doc: Booking): Booking => {
    const { cancelToken: _omit, ...rest } = doc;
    return rest;
  };

  const blockedRange = (mentorId: string, start: string, end: string) => {
    const rules = catalog.mentors.find((m) => m.id === mentorId)!.rules;
    return `[${new Date(Date.parse(start) - rules.bufferBeforeMinutes * MINUTE).toISOString()},${new Date(Date.parse(end) + rules.bufferAfterMinutes * MINUTE).toISOString()})`;
  };

  app.post('/v1/bookings', async (c) => {
    const caller = c.get('caller');
    const request = parse(BookingRequest, await readJson(c), 'booking');
    const { mentor, sessionType } = findEntries(request.mentorId, request.sessionTypeId);
    const key = c.req.header('idempotency-key');
    if (key !== undefined && (key.length < 1 || key.length > 200)) throw new HttpProblem(400, 'The Idempotency-Key header must be 1–200 characters.');
    const scope = caller.sub ?? 'anonymous';
    const hash = await sha256(JSON.stringify(request));

    const replay = async (q: Queryable) => {
      if (!key) return null;
      const [row] = await q.query<{ request_hash: string; status: number; response: Booking }>(
        'SELECT request_hash, status, response FROM idempotency_keys WHERE scope = $1 AND key = $2',
        [scope, key],
      );
      if (!row) return null;
      if (row.request_hash !== hash) throw new HttpProblem(422, 'This Idempotency-Key was already used for a different booking.');
      return row;
    };
    const earlier = await replay(db);
    if (earlier) return c.json(earlier.response, 201, { 'Idempotent-Replayed': 'true' });

    const cancelToken = randomSecret(24);
    let outcome: { booking: Booking; replayed: boolean };
    try {
      outcome = await db.transaction(async (tx) => {
        // One booking decision per mentor at a time; the exclusion constraint is the last word.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [mentor.id]);
        const again = await replay(tx);
        if (again) return { booking: again.response, replayed: true };
        const startMs = Date.parse(request.start);
        const bookings = await busyNear(tx, mentor.id, startMs, startMs + 1);
        if (!isSlotFree({ mentor, sessionType, bookings, start: request.start, now: new Date(now()).toISOString() })) throw slotTaken();
        const stamp = new Date(now()).toISOString();
        const booking: Booking = {
          ...request,
          start: new Date(startMs).toISOString(),
          id: newId('b-'),
          end: new Date(startMs + sessionType.minutes * MINUTE).toISOString(),
          status: 'confirmed',
          createdAt: stamp,
          updatedAt: stamp,
          ...(caller.sub ? { menteeId: caller.sub } : {}),
        };
        await tx.query(
          `INSERT INTO bookings (id, mentor_id, mentee_id, status, blocked, start_at, cancel_token_hash, doc) VALUES ($1, $2, $3, 'confirmed', $4::tstzrange, $5, $6, $7)`,
          [booking.id, mentor.id, caller.sub, blockedRange(mentor.id, booking.start, booking.end), booking.start, await sha256(cancelToken), JSON.stringify(booking)],
        );
        await enqueueEvent(tx, 'booking.created', booking);
        const response: Booking = { ...booking, cancelToken };
        if (key) {
          await tx.query('INSERT INTO idempotency_keys (scope, key, request_hash, status, response) VALUES ($1, $2, $3, 201, $4)', [scope, key, hash, JSON.stringify(response)]);
        }
        return { booking: response, replayed: false };
      });
    } catch (error) {
      if (isExclusionViolation(error)) throw slotTaken();
      if (isUniqueViolation(error)) throw new HttpProblem(409, 'This Idempotency-Key is being used by another request; retry.');
      throw error;
    }
    if (!outcome.replayed) options.kickOutbox?.();
    return c.json(outcome.booking, 201, {
      Location: `/v1/bookings/${outcome.booking.id}`,
      ...(outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
    });
  });

  app.get('/v1/bookings', async (c) => {
    const sub = mentee(c);
    const rows = await db.query<{ doc: Booking }>('SELECT doc FROM bookings WHERE mentee_id = $1 ORDER BY start_at, id', [sub]);
    return c.json({ items: rows.map((r) => publicBooking(r.doc)) });
  });

  /** The booking, if the caller may see and change it: its mentee, an admin, or the cancel token. */
  const ownedBooking = async (c: Context<Env>, q: Queryable, forUpdate = false): Promise<Booking> => {
    const id = c.req.param('id')!;
    const [row] = await q.query<{ doc: Booking; mentee_id: string | null; cancel_token_hash: string }>(
      `SELECT doc, mentee_id, cancel_token_hash FROM bookings WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    const caller = c.get('caller');
    const token = c.req.header('cancel-token');
    if (row) {
      if (caller.admin || (caller.sub && row.mentee_id === caller.sub)) return row.doc;
      if (token) {
        if (sameSecret(await sha256(token), row.cancel_token_hash)) return row.doc;
        throw new HttpProblem(403, 'The cancel token does not match this booking.');
      }
    }
    throw new HttpProblem(404, `No booking with id "${id}".`);
  };

  app.get('/v1/bookings/:id', async (c) => c.json(publicBooking(await ownedBooking(c, db))));

  app.post('/v1/bookings/:id/cancel', async (c) => {
    const booking = await db.transaction(async (tx) => {
      const current = await ownedBooking(c, tx, true);
      if (current.status === 'cancelled') return current;
      const next: Booking = { ...current, status: 'cancelled', updatedAt: new Date(now()).toISOString() };
      await tx.query(`UPDATE bookings SET status = 'cancelled', doc = $2 WHERE id = $1`, [current.id, JSON.stringify(next)]);
      await enqueueEvent(tx, 'booking.cancelled', next);
      return next;
    });
    options.kickOutbox?.();
    return c.json(publicBooking(booking));
  });

  app.post('/v1/bookings/:id/reschedule', async (c) => {
    const { start } = parse(z.object({ start: Instant }), await readJson(c), 'reschedule');
    try {
      const booking = await db.transaction(async (tx) => {
        const current = await ownedBooking(c, tx, true);
        if (current.status !== 'confirmed') throw new HttpProblem(409, 'A cancelled booking cannot be moved.');
        const { mentor, sessionType } = findEntries(current.mentorId, current.sessionTypeId);
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [mentor.id]);
        const startMs = Date.parse(start);
        const bookings = await busyNear(tx, mentor.id, startMs, startMs + 1);
        if (!isSlotFree({ mentor, sessionType, bookings, start, now: new Date(now()).toISOString(), ignoreBookingId: current.id })) throw slotTaken();
        const next: Booking = {
          ...current,
          start: new Date(startMs).toISOString(),
          end: new Date(startMs + sessionType.minutes * MINUTE).toISOString(),
          updatedAt: new Date(now()).toISOString(),
        };
        await tx.query('UPDATE bookings SET blocked = $2::tstzrange, start_at = $3, doc = $4 WHERE id = $1', [
          current.id,
          blockedRange(mentor.id, next.start, next.end),
          next.start,
          JSON.stringify(next),
        ]);
        await enqueueEvent(tx, 'booking.rescheduled', { ...next, previousStart: current.start, previousEnd: current.end });
        return next;
      });
      options.kickOutbox?.();
      return c.json(publicBooking(booking));
    } catch (error) {
      if (isExclusionViolation(error)) throw slotTaken();
      throw error;
    }
  });

  // ---- sessions --------------------------------------------------------------------------
  const cursorCodec = {
    encode: (id: string) => Buffer.from(id).toString('base64url'),
    decode: (cursor: string) => Buffer.from(cursor, 'base64url').toString(),
  };

  app.get('/v1/sessions', async (c) => {
    const sub = mentee(c);
    const rawLimit = c.req.query('limit');
    const limit = rawLimit === undefined ? 200 : Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new HttpProblem(400, 'Invalid limit: a whole number from 1 to 1000.', [{ path: 'limit', message: 'expected 1–1000' }]);
    const cursor = c.req.query('cursor');
    const after = cursor ? cursorCodec.decode(cursor) : '';
    const rows = await db.query<{ id: string; doc: Session }>(
      'SELECT id, doc FROM sessions WHERE mentee_id = $1 AND id > $2 ORDER BY id LIMIT $3',
      [sub, after, limit + 1],
    );
    const page = rows.slice(0, limit);
    return c.json({ items: page.map((r) => r.doc), nextCursor: rows.length > limit ? cursorCodec.encode(page.at(-1)!.id) : null });
  });

  /** Creates (201) or replaces (200) one of the caller's sessions; the id makes replays safe. */
  app.post('/v1/sessions', async (c) => {
    const sub = mentee(c);
    const body = await readJson(c);
    const stamp = new Date(now()).toISOString();
    const withId = typeof body === 'object' && body !== null && 'id' in body;
    const session: Session = withId
      ? { ...parse(Session, body, 'session'), menteeId: sub }
      : { ...parse(SessionInput, body, 'session'), id: newId('s-'), createdAt: stamp, updatedAt: stamp, menteeId: sub };
    const [row] = await db.query<{ inserted: boolean }>(
      `INSERT INTO sessions (id, mentee_id, doc) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc, updated_at = now() WHERE sessions.mentee_id = EXCLUDED.mentee_id
       RETURNING (xmax = 0) AS inserted`,
      [session.id, sub, JSON.stringify(session)],
    );
    if (!row) throw new HttpProblem(409, `A session with id "${session.id}" already exists.`);
    return c.json(session, row.inserted ? 201 : 200);
  });

  const ownSession = async (sub: string, id: string): Promise<Session> => {
    const [row] = await db.query<{ doc: Session }>('SELECT doc FROM sessions WHERE id = $1 AND mentee_id = $2', [id, sub]);
    if (!row) throw new HttpProblem(404, `No session with id "${id}".`);
    return row.doc;
  };

  app.get('/v1/sessions/:id', async (c) => c.json(await ownSession(mentee(c), c.req.param('id'))));

  app.patch('/v1/sessions/:id', async (c) => {
    const sub = mentee(c);
    const patch = parse(SessionPatch, await readJson(c), 'session change');
    const current = await ownSession(sub, c.req.param('id'));
    const next = parse(Session, { ...current, ...patch, id: current.id, menteeId: sub, updatedAt: new Date(now()).toISOString() }, 'session');
    await db.query('UPDATE sessions SET doc = $3, updated_at = now() WHERE id = $1 AND mentee_id = $2', [next.id, sub, JSON.stringify(next)]);
    return c.json(next);
  });

  app.delete('/v1/sessions/:id', async (c) => {
    const sub = mentee(c);
    const rows = await db.query('DELETE FROM sessions WHERE id = $1 AND mentee_id = $2 RETURNING id', [c.req.param('id'), sub]);
    if (!rows.length) throw new HttpProblem(404, `No session with id "${c.req.param('id')}".`);
    return c.body(null, 204);
  });

  // ---- contract and dev helpers ----------------------------------------------------------
  let openapi: unknown;
  app.get('/v1/openapi.json', (c) => c.json((openapi ??= buildOpenApi({ serverUrl: new URL('/v1', c.req.url).href }))));

  if (options.dev) {
    /** Dev mode only: a mentee token for the demo and the browser tests. */
    app.get('/v1/dev/token', async (c) => {
      const sub = c.req.query('sub') || 'dev-mentee';
      if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(sub)) throw new HttpProblem(400, 'Invalid sub.');
      return c.json({ sub, token: await issueToken(secret, sub) });
    });
  }
  app.route('/v1', webhookRoutes({ db, kick: options.kickOutbox }));
  return app;
}
