/** POST/GET /v1/bookings, GET /v1/bookings/:id, cancel and reschedule. Booking is atomic. */
import * as z from 'zod/mini';
import { newId } from '../../src/sdk/ids.js';
import { isSlotFree } from '../../src/sdk/scheduling/index.js';
import { Booking, BookingRequest, Instant, type Mentor } from '../../src/sdk/schemas.js';
import { randomSecret, sameSecret, sha256 } from '../auth.js';
import type { Queryable } from '../db.js';
import { isExclusionViolation, isUniqueViolation, MINUTE, parse, readJson, requireMentee, type App, type Ctx, type Deps } from '../http.js';
import { HttpProblem } from '../problem.js';
import { busyNear, findEntries } from './slots.js';

const slotTaken = () => new HttpProblem(409, 'That time was just taken. Please choose another time.');

export const publicBooking = (doc: Booking): Booking => {
  const { cancelToken: _omit, ...rest } = doc;
  return rest;
};

/** The time the mentor is busy: the session widened by the mentor's buffers. */
export const blockedRange = (mentor: Mentor, start: string, end: string) =>
  `[${new Date(Date.parse(start) - mentor.rules.bufferBeforeMinutes * MINUTE).toISOString()},${new Date(Date.parse(end) + mentor.rules.bufferAfterMinutes * MINUTE).toISOString()})`;

export function bookingRoutes(app: App, { db, catalog, now }: Deps): void {
  app.post('/v1/bookings', async (c) => {
    const caller = c.get('caller');
    const request = parse(BookingRequest, await readJson(c), 'booking');
    findEntries(await catalog.get(), request.mentorId, request.sessionTypeId);
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
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [request.mentorId]);
        const again = await replay(tx);
        if (again) return { booking: again.response, replayed: true };
        const { mentor, sessionType } = findEntries(await catalog.get(tx), request.mentorId, request.sessionTypeId);
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
          [booking.id, mentor.id, caller.sub, blockedRange(mentor, booking.start, booking.end), booking.start, await sha256(cancelToken), JSON.stringify(booking)],
        );
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
    return c.json(outcome.booking, 201, {
      Location: `/v1/bookings/${outcome.booking.id}`,
      ...(outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
    });
  });

  app.get('/v1/bookings', async (c) => {
    const sub = requireMentee(c);
    const rows = await db.query<{ doc: Booking }>('SELECT doc FROM bookings WHERE mentee_id = $1 ORDER BY start_at, id', [sub]);
    return c.json({ items: rows.map((r) => publicBooking(r.doc)) });
  });

  /** The booking, if the caller may see and change it: its mentee, an admin, or the cancel token. */
  const ownedBooking = async (c: Ctx, q: Queryable, forUpdate = false): Promise<Booking> => {
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
      return next;
    });
    return c.json(publicBooking(booking));
  });

  app.post('/v1/bookings/:id/reschedule', async (c) => {
    const { start } = parse(z.object({ start: Instant }), await readJson(c), 'reschedule');
    try {
      const booking = await db.transaction(async (tx) => {
        const current = await ownedBooking(c, tx, true);
        if (current.status !== 'confirmed') throw new HttpProblem(409, 'A cancelled booking cannot be moved.');
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [current.mentorId]);
        const { mentor, sessionType } = findEntries(await catalog.get(tx), current.mentorId, current.sessionTypeId);
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
          blockedRange(mentor, next.start, next.end),
          next.start,
          JSON.stringify(next),
        ]);
        return next;
      });
      return c.json(publicBooking(booking));
    } catch (error) {
      if (isExclusionViolation(error)) throw slotTaken();
      throw error;
    }
  });
}
