/**
 * POST /v1/series, GET /v1/series/:id, POST /v1/series/:id/cancel (issue 16). A series is booked
 * in ONE transaction under the mentor's lock: every occurrence checked with the same
 * `planSeries` the browser uses, all inserted or none; the database's exclusion constraint and
 * seat rows stay the last word, so two racing series never share an occurrence. Creation lives
 * in `createSeriesIn` alone, the place to hook notifications. A series sends one mail for all its
 * occurrences (series.created / series.cancelled) and webhooks `booking.cancelled` per occurrence.
 */
import { createHmac } from 'node:crypto';
import * as z from 'zod/mini';
import { newId } from '../../src/sdk/ids.js';
import { assertCanChange, assertVisitorCap } from '../../src/sdk/scheduling/policies.js';
import { conflictsOf, planSeries, replacementsOf } from '../../src/sdk/scheduling/series.js';
import { Instant, SeriesRequest, type Booking, type Catalog, type Series } from '../../src/sdk/schemas.js';
import { randomSecret, sameSecret, sha256 } from '../auth.js';
import type { Queryable } from '../db.js';
import { checkInstants, isExclusionViolation, isUniqueViolation, MINUTE, parse, pathId, readJson, type App, type Ctx, type Deps } from '../http.js';
import { HttpProblem } from '../problem.js';
import { checkVisitorCap, seatFor } from '../seats.js';
import { blockedRange, publicBooking } from './bookings.js';
import { busyNear, findEntries } from './slots.js';
import { overlapsBusy, type BusyCalendars } from '../calendar/busy.js';
import { enqueueEvent } from '../webhooks/outbox.js';
import { promoteWaitlist } from '../waitlist.js';

const DAY = 1440 * MINUTE;
const conflictProblem = (conflicts: string[]) =>
  new HttpProblem(409, `${conflicts.length} of the occurrences cannot be booked. Drop them or choose other times.`, conflicts.map((start, i) => ({ path: `conflicts.${i}`, message: start })), {
    body: { conflicts },
  });

const publicSeries = (series: Series): Series => {
  const { cancelToken: _omit, ...rest } = series;
  return { ...rest, bookings: rest.bookings.map(publicBooking) };
};

/** Plans, checks and inserts a whole series inside `tx` (the caller holds the mentor's lock). */
export async function createSeriesIn(
  tx: Queryable,
  catalog: Catalog,
  request: SeriesRequest,
  who: { menteeId?: string; cancelToken: string },
  nowMs: number,
  busy?: BusyCalendars,
): Promise<Series> {
  const { mentor, sessionType } = findEntries(catalog, request.mentorId, request.sessionTypeId);
  const firstMs = Date.parse(request.start);
  const bookings = await busyNear(tx, mentor.id, firstMs - 31 * DAY, firstMs + 14 * 31 * DAY); // moved occurrences may lie a little before the first or after the last
  const stamp = new Date(nowMs).toISOString();
  const planned = planSeries({ mentor, sessionType, bookings, first: request.start, frequency: request.frequency, count: request.count, now: stamp, replacements: replacementsOf(request) });
  // Every occurrence also against the mentor's own calendar, as a single booking is: busy there is taken.
  const length = sessionType.minutes * MINUTE;
  const starts = planned.filter((o) => !o.dropped).map((o) => Date.parse(o.start));
  const calendarBusy = busy && starts.length ? await busy.intervals(mentor, Math.min(...starts), Math.max(...starts) + length, tx) : [];
  const plan = planned.map((o) => (o.free && overlapsBusy(calendarBusy, Date.parse(o.start), Date.parse(o.start) + length) ? { ...o, free: false } : o));
  const conflicts = conflictsOf(plan);
  const free = plan.filter((o) => o.free);
  if ((conflicts.length && !request.skipConflicts) || !free.length) throw conflictProblem(conflicts);
  await checkVisitorCap(tx, mentor, { email: request.email, menteeId: who.menteeId }, nowMs);
  const { frequency, count, skipConflicts: _s, drop: _d, move: _m, ...single } = request;
  const id = newId('sr-');
  const created: Booking[] = free.map((o) => ({
    ...single,
    start: o.start,
    end: o.end,
    id: newId('b-'),
    status: 'confirmed',
    createdAt: stamp,
    updatedAt: stamp,
    seriesId: id,
    ...(who.menteeId ? { menteeId: who.menteeId } : {}),
  }));
  // The visitor cap counts every occurrence the series adds.
  assertVisitorCap(mentor, { email: request.email, menteeId: who.menteeId }, [...bookings, ...created.slice(0, -1)], nowMs);
  const series: Series = { id, mentorId: mentor.id, sessionTypeId: sessionType.id, frequency, count, bookings: created, skipped: plan.filter((o) => !o.free).map((o) => o.start), createdAt: stamp };
  const tokenHash = await sha256(who.cancelToken);
  await tx.query('INSERT INTO series (id, mentor_id, mentee_id, cancel_token_hash, doc) VALUES ($1, $2, $3, $4, $5)', [id, mentor.id, who.menteeId ?? null, tokenHash, JSON.stringify({ ...series, bookings: [] })]);
  for (const booking of created) {
    const seat = await seatFor(tx, mentor.id, sessionType, booking);
    await tx.query(
      `INSERT INTO bookings (id, mentor_id, mentee_id, status, blocked, start_at, cancel_token_hash, doc, occurrence, seat, capacity, series_id)
       VALUES ($1, $2, $3, 'confirmed', $4::tstzrange, $5, $6, $7, $8, $9, $10, $11)`,
      [booking.id, mentor.id, who.menteeId ?? null, blockedRange(mentor, booking.start, booking.end), booking.start, tokenHash, JSON.stringify(booking), seat.occurrence, seat.seat, seat.capacity, id],
    );
  }
  return series;
}

export function seriesRoutes(app: App, { db, catalog, now, secret, kickOutbox, busy }: Deps): void {
  app.post('/v1/series', async (c) => {
    const caller = c.get('caller');
    const request = parse(SeriesRequest, await readJson(c), 'series');
    checkInstants({ start: request.start });
    findEntries(await catalog.get(), request.mentorId, request.sessionTypeId);
    const key = c.req.header('idempotency-key');
    if (key !== undefined && (key.length < 1 || key.length > 200)) throw new HttpProblem(400, 'The Idempotency-Key header must be 1–200 characters.');
    const hash = await sha256(JSON.stringify(request));
    const keyHash = key === undefined ? null : await sha256(`series\n${caller.sub ? `mentee:${caller.sub}` : `anonymous:${hash}`}\n${key}`);
    const tokenFor = (id: string) => (keyHash ? createHmac('sha256', secret).update(`series-token\n${keyHash}\n${id}`).digest('base64url') : randomSecret(24));
    const replay = async (q: Queryable) => {
      if (!keyHash) return null;
      const [row] = await q.query<{ request_hash: string; response: Series }>(`SELECT request_hash, response FROM idempotency_keys WHERE key_hash = $1`, [keyHash]);
      if (!row) return null;
      if (row.request_hash !== hash) throw new HttpProblem(422, 'This Idempotency-Key was already used for a different series.');
      return { ...row.response, cancelToken: tokenFor(row.response.id) };
    };
    const earlier = await replay(db);
    if (earlier) return c.json(earlier, 201, { 'Idempotent-Replayed': 'true', 'Cache-Control': 'no-store' });
    try {
      const series = await db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [request.mentorId]);
        const again = await replay(tx);
        if (again) return again;
        // The token is derived from the series id, which is only known once it is planned.
        const pending = randomSecret(24);
        const created = await createSeriesIn(tx, await catalog.get(tx), request, { menteeId: caller.sub ?? undefined, cancelToken: pending }, now(), busy);
        const cancelToken = keyHash ? tokenFor(created.id) : pending;
        if (keyHash) {
          const hashOfToken = await sha256(cancelToken);
          await tx.query('UPDATE series SET cancel_token_hash = $2 WHERE id = $1', [created.id, hashOfToken]);
          await tx.query('UPDATE bookings SET cancel_token_hash = $2 WHERE series_id = $1', [created.id, hashOfToken]);
          await tx.query('INSERT INTO idempotency_keys (key_hash, request_hash, status, response) VALUES ($1, $2, 201, $3)', [keyHash, hash, JSON.stringify(created)]);
        }
        await enqueueEvent(tx, 'series.created', publicSeries(created));
        return { ...created, cancelToken };
      });
      kickOutbox?.();
      return c.json(series, 201, { Location: `/v1/series/${series.id}`, 'Cache-Control': 'no-store' });
    } catch (error) {
      if (isExclusionViolation(error)) throw conflictProblem([]);
      if (isUniqueViolation(error)) throw new HttpProblem(409, 'This Idempotency-Key is being used by another request; retry.');
      throw error;
    }
  });

  /** The series, if the caller may see and change it: its mentee, an admin, or its cancel token. */
  const ownedSeries = async (c: Ctx, q: Queryable, forUpdate = false): Promise<Series> => {
    const id = pathId(c);
    const [row] = await q.query<{ doc: Series; mentee_id: string | null; cancel_token_hash: string }>(
      `SELECT doc, mentee_id, cancel_token_hash FROM series WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    const caller = c.get('caller');
    const token = c.req.header('cancel-token');
    const allowed = row && (caller.admin || (caller.sub && row.mentee_id === caller.sub) || (token && sameSecret(await sha256(token), row.cancel_token_hash)));
    if (row && token && !allowed) throw new HttpProblem(403, 'The cancel token does not match this series.');
    if (!allowed) throw new HttpProblem(404, `No series with id "${id}".`);
    const bookings = await q.query<{ doc: Booking }>('SELECT doc FROM bookings WHERE series_id = $1 ORDER BY start_at, id', [id]);
    return { ...row.doc, bookings: bookings.map((b) => b.doc) };
  };

  app.get('/v1/series/:id', async (c) => c.json(publicSeries(await ownedSeries(c, db)), 200, { 'Cache-Control': 'no-store' }));

  app.post('/v1/series/:id/cancel', async (c) => {
    const text = await c.req.text();
    let body: unknown = {};
    try {
      if (text.trim()) body = JSON.parse(text);
    } catch {
      throw new HttpProblem(400, 'The request body is not valid JSON.');
    }
    const { from } = parse(z.object({ from: z.optional(Instant) }), body, 'series cancel');
    const fromMs = from ? Date.parse(from) : -Infinity;
    const series = await db.transaction(async (tx) => {
      const current = await ownedSeries(c, tx, true);
      const mentor = (await catalog.get(tx)).mentors.find((m) => m.id === current.mentorId);
      const stamp = new Date(now()).toISOString();
      const bookings: Booking[] = [];
      const cancelled: Booking[] = [];
      for (const booking of current.bookings) {
        if (booking.status !== 'confirmed' || Date.parse(booking.start) < fromMs) {
          bookings.push(booking);
          continue;
        }
        if (mentor && !c.get('caller').admin) assertCanChange(mentor, booking, 'cancel', now());
        const next: Booking = { ...booking, status: 'cancelled', updatedAt: stamp };
        await tx.query(`UPDATE bookings SET status = 'cancelled', doc = $2, version = version + 1 WHERE id = $1`, [booking.id, JSON.stringify(next)]);
        // Webhooks per occurrence; the people get one mail for the series (series.cancelled below).
        await enqueueEvent(tx, 'booking.cancelled', next, { mail: false });
        bookings.push(next);
        cancelled.push(next);
      }
      if (cancelled.length) await enqueueEvent(tx, 'series.cancelled', { ...publicSeries({ ...current, bookings }), cancelled: cancelled.map(publicBooking) });
      // Seats the series gave up go to the waitlists of their occurrences, in this transaction.
      const freed = current.bookings.filter((b) => bookings.some((n) => n.id === b.id && n.status === 'cancelled' && b.status === 'confirmed'));
      if (freed.length) await promoteWaitlist(tx, await catalog.get(tx), freed, now(), busy);
      return { ...current, bookings };
    });
    kickOutbox?.();
    return c.json(publicSeries(series), 200, { 'Cache-Control': 'no-store' });
  });
}
