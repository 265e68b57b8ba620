/** POST/GET /v1/bookings, GET /v1/bookings/:id, cancel and reschedule. Booking is atomic. */
import { createHmac } from 'node:crypto';
import * as z from 'zod/mini';
import { newId } from '../../src/sdk/ids.js';
import { isSlotFree } from '../../src/sdk/scheduling/index.js';
import { Attendance, Booking, BookingRequest, Instant, type Mentor } from '../../src/sdk/schemas.js';
import { randomSecret, sameSecret, sha256 } from '../auth.js';
import type { Queryable } from '../db.js';
import { checkInstants, etag, ifMatch, isExclusionViolation, isUniqueViolation, MINUTE, parse, pathId, readJson, requireMentee, type App, type Ctx, type Deps } from '../http.js';
import { HttpProblem } from '../problem.js';
import { assertCanChange } from '../../src/sdk/scheduling/policies.js';
import { checkVisitorCap, seatFor } from '../seats.js';
import { hasVisibleCharacter } from '../text.js';
import { busyNear, findEntries } from './slots.js';
import { enqueueEvent } from '../webhooks/outbox.js';
import { overlapsBusy } from '../calendar/busy.js';
import { promoteWaitlist } from '../waitlist.js';

const slotTaken = () => new HttpProblem(409, 'That time was just taken. Please choose another time.');

export const publicBooking = (doc: Booking): Booking => {
  const { cancelToken: _omit, ...rest } = doc;
  return rest;
};

/** The time the mentor is busy: the session widened by the mentor's buffers. */
export const blockedRange = (mentor: Mentor, start: string, end: string) =>
  `[${new Date(Date.parse(start) - mentor.rules.bufferBeforeMinutes * MINUTE).toISOString()},${new Date(Date.parse(end) + mentor.rules.bufferAfterMinutes * MINUTE).toISOString()})`;

const IDEMPOTENCY_HOURS = 24;
const hmac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('base64url');

/** Deletes expired idempotency records now and then (at most every ten minutes per process). */
let lastSweep = 0;
function sweepIdempotencyKeys(db: Queryable): void {
  if (Date.now() - lastSweep < 10 * MINUTE) return;
  lastSweep = Date.now();
  db.query(`DELETE FROM idempotency_keys WHERE created_at <= now() - interval '${IDEMPOTENCY_HOURS} hours'`).catch(() => {
    lastSweep = 0;
  });
}

export function bookingRoutes(app: App, { db, catalog, now, secret, kickOutbox, busy }: Deps): void {
  /** True when the mentor's own calendar has them busy then (server/calendar/busy.ts). */
  const calendarBusy = async (q: Queryable, mentor: Mentor, startMs: number, endMs: number) => (busy ? overlapsBusy(await busy.intervals(mentor, startMs, endMs, q), startMs, endMs) : false);

  app.post('/v1/bookings', async (c) => {
    const caller = c.get('caller');
    const request = parse(BookingRequest, await readJson(c), 'booking');
    checkInstants({ start: request.start });
    if (!hasVisibleCharacter(request.name)) throw new HttpProblem(400, 'Invalid booking: name: Enter a name with at least one visible character.', [{ path: 'name', message: 'Enter a name with at least one visible character' }]);
    findEntries(await catalog.get(), request.mentorId, request.sessionTypeId);
    const key = c.req.header('idempotency-key');
    if (key !== undefined && (key.length < 1 || key.length > 200)) throw new HttpProblem(400, 'The Idempotency-Key header must be 1–200 characters.');
    const hash = await sha256(JSON.stringify(request));
    // Keys are scoped per caller: a mentee's own, or for a visitor the key plus what they sent.
    const keyHash = key === undefined ? null : await sha256(`${caller.sub ? `mentee:${caller.sub}` : `anonymous:${hash}`}\n${key}`);
    // A replay must give back the same cancel token, which is stored nowhere: derive it.
    const tokenFor = (bookingId: string) => (keyHash ? hmac(secret, `cancel-token\n${keyHash}\n${bookingId}`) : randomSecret(24));

    const replay = async (q: Queryable) => {
      if (!keyHash) return null;
      const [row] = await q.query<{ request_hash: string; response: Booking }>(
        `SELECT request_hash, response FROM idempotency_keys WHERE key_hash = $1 AND created_at > now() - interval '${IDEMPOTENCY_HOURS} hours'`,
        [keyHash],
      );
      if (!row) return null;
      if (row.request_hash !== hash) throw new HttpProblem(422, 'This Idempotency-Key was already used for a different booking.');
      return { ...row.response, cancelToken: tokenFor(row.response.id) };
    };
    const earlier = await replay(db);
    if (earlier) return c.json(earlier, 201, { 'Idempotent-Replayed': 'true', 'Cache-Control': 'no-store' });
    sweepIdempotencyKeys(db);

    let outcome: { booking: Booking; replayed: boolean };
    try {
      outcome = await db.transaction(async (tx) => {
        // One booking decision per mentor at a time; the exclusion constraint is the last word.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [request.mentorId]);
        const again = await replay(tx);
        if (again) return { booking: again, replayed: true };
        const { mentor, sessionType } = findEntries(await catalog.get(tx), request.mentorId, request.sessionTypeId);
        const startMs = Date.parse(request.start);
        const bookings = await busyNear(tx, mentor.id, startMs, startMs + 1);
        if (!isSlotFree({ mentor, sessionType, bookings, start: request.start, now: new Date(now()).toISOString() })) throw slotTaken();
        if (await calendarBusy(tx, mentor, startMs, startMs + sessionType.minutes * MINUTE)) throw slotTaken();
        await checkVisitorCap(tx, mentor, { email: request.email, menteeId: caller.sub ?? undefined }, now());
        const stamp = new Date(now()).toISOString();
        const id = newId('b-');
        const cancelToken = tokenFor(id);
        const booking: Booking = {
          ...request,
          start: new Date(startMs).toISOString(),
          id,
          end: new Date(startMs + sessionType.minutes * MINUTE).toISOString(),
          status: 'confirmed',
          createdAt: stamp,
          updatedAt: stamp,
          ...(caller.sub ? { menteeId: caller.sub } : {}),
        };
        const seat = await seatFor(tx, mentor.id, sessionType, booking);
        await tx.query(
          `INSERT INTO bookings (id, mentor_id, mentee_id, status, blocked, start_at, cancel_token_hash, doc, occurrence, seat, capacity)
           VALUES ($1, $2, $3, 'confirmed', $4::tstzrange, $5, $6, $7, $8, $9, $10)`,
          [booking.id, mentor.id, caller.sub, blockedRange(mentor, booking.start, booking.end), booking.start, await sha256(cancelToken), JSON.stringify(booking), seat.occurrence, seat.seat, seat.capacity],
        );
        if (keyHash) {
          await tx.query(`DELETE FROM idempotency_keys WHERE key_hash = $1 AND created_at <= now() - interval '${IDEMPOTENCY_HOURS} hours'`, [keyHash]);
          await tx.query('INSERT INTO idempotency_keys (key_hash, request_hash, status, response) VALUES ($1, $2, 201, $3)', [keyHash, hash, JSON.stringify(booking)]);
        }
        await enqueueEvent(tx, 'booking.created', booking);
        const response: Booking = { ...booking, cancelToken };
        return { booking: response, replayed: false };
      });
    } catch (error) {
      if (isExclusionViolation(error)) throw slotTaken();
      if (isUniqueViolation(error)) throw new HttpProblem(409, 'This Idempotency-Key is being used by another request; retry.');
      throw error;
    }
    if (!outcome.replayed) kickOutbox?.();
    return c.json(outcome.booking, 201, {
      'Cache-Control': 'no-store',
      ETag: etag(1),
      Location: `/v1/bookings/${outcome.booking.id}`,
      ...(outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
    });
  });

  app.get('/v1/bookings', async (c) => {
    const sub = requireMentee(c);
    const rows = await db.query<{ doc: Booking }>('SELECT doc FROM bookings WHERE mentee_id = $1 ORDER BY start_at, id', [sub]);
    return c.json({ items: rows.map((r) => publicBooking(r.doc)) }, 200, { 'Cache-Control': 'no-store' });
  });

  /**
   * The booking, if the caller may see and change it: its mentee, an admin, or the cancel token.
   * For a change (`forUpdate`) the row is locked and a stale `If-Match` is a 412.
   */
  const ownedBooking = async (c: Ctx, q: Queryable, forUpdate = false): Promise<{ booking: Booking; version: number }> => {
    const id = pathId(c);
    const [row] = await q.query<{ doc: Booking; mentee_id: string | null; cancel_token_hash: string; version: number }>(
      `SELECT doc, mentee_id, cancel_token_hash, version FROM bookings WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    const caller = c.get('caller');
    const token = c.req.header('cancel-token');
    const found = (r: NonNullable<typeof row>) => {
      const want = forUpdate ? ifMatch(c) : undefined;
      if (want !== undefined && want !== '*' && want !== r.version) {
        throw new HttpProblem(412, 'This booking was changed elsewhere. Review it, then retry.', undefined, {
          body: { current: publicBooking(r.doc) },
          headers: { ETag: etag(r.version) },
        });
      }
      return { booking: r.doc, version: r.version };
    };
    if (row) {
      if (caller.admin || (caller.sub && row.mentee_id === caller.sub)) return found(row);
      if (token) {
        if (sameSecret(await sha256(token), row.cancel_token_hash)) return found(row);
        throw new HttpProblem(403, 'The cancel token does not match this booking.');
      }
    }
    throw new HttpProblem(404, `No booking with id "${id}".`);
  };
  const sendBooking = (c: Ctx, booking: Booking, version: number) => c.json(publicBooking(booking), 200, { ETag: etag(version), 'Cache-Control': 'no-store' });

  app.get('/v1/bookings/:id', async (c) => {
    const { booking, version } = await ownedBooking(c, db);
    return sendBooking(c, booking, version);
  });

  app.post('/v1/bookings/:id/cancel', async (c) => {
    const { booking, version } = await db.transaction(async (tx) => {
      const { booking: current, version } = await ownedBooking(c, tx, true);
      if (current.status === 'cancelled') return { booking: current, version };
      // Visitors (cancel token or mentee) keep to the mentor's notice; an admin may always cancel.
      const owner = (await catalog.get(tx)).mentors.find((m) => m.id === current.mentorId);
      if (owner && !c.get('caller').admin) assertCanChange(owner, current, 'cancel', now());
      const next: Booking = { ...current, status: 'cancelled', updatedAt: new Date(now()).toISOString() };
      await tx.query(`UPDATE bookings SET status = 'cancelled', doc = $2, version = version + 1 WHERE id = $1`, [current.id, JSON.stringify(next)]);
      await enqueueEvent(tx, 'booking.cancelled', next);
      // The freed seat goes to the first in the session's waitlist, in this transaction.
      await promoteWaitlist(tx, await catalog.get(tx), [current], now(), busy);
      return { booking: next, version: version + 1 };
    });
    kickOutbox?.();
    return sendBooking(c, booking, version);
  });

  /**
   * The mentee's word on their own booking once it has ended (the tracker's attended / no-show;
   * `null` takes it back). The same rule as sessions: a mentee's bearer token, their own booking.
   * The mentor's record stands: a mentee may repeat it, not contradict or clear it.
   */
  app.post('/v1/bookings/:id/attendance', async (c) => {
    const sub = requireMentee(c);
    const id = pathId(c);
    const { attendance } = parse(z.object({ attendance: z.nullable(Attendance) }), await readJson(c), 'attendance');
    const { booking, version } = await db.transaction(async (tx) => {
      const [row] = await tx.query<{ doc: Booking; version: number }>('SELECT doc, version FROM bookings WHERE id = $1 AND mentee_id = $2 FOR UPDATE', [id, sub]);
      if (!row) throw new HttpProblem(404, `No booking with id "${id}".`);
      if (row.doc.status !== 'confirmed') throw new HttpProblem(409, 'A cancelled booking has no attendance.');
      if (Date.parse(row.doc.end) > now()) throw new HttpProblem(409, 'This session has not ended yet; mark attendance afterwards.');
      if (row.doc.attendanceBy === 'mentor') {
        if (row.doc.attendance === attendance) return { booking: row.doc, version: row.version };
        throw new HttpProblem(409, `Your mentor recorded this session as ${row.doc.attendance === 'attended' ? 'attended' : 'a no-show'}; ask them to change it.`);
      }
      const { attendance: _was, attendanceBy: _by, ...rest } = row.doc;
      const next: Booking = { ...rest, ...(attendance ? { attendance, attendanceBy: 'mentee' as const } : {}), updatedAt: new Date(now()).toISOString() };
      await tx.query('UPDATE bookings SET doc = $2, version = version + 1 WHERE id = $1', [id, JSON.stringify(next)]);
      return { booking: next, version: row.version + 1 };
    });
    return sendBooking(c, booking, version);
  });

  app.post('/v1/bookings/:id/reschedule', async (c) => {
    const { start } = parse(z.object({ start: Instant }), await readJson(c), 'reschedule');
    checkInstants({ start });
    try {
      const { booking, version } = await db.transaction(async (tx) => {
        const { booking: current, version } = await ownedBooking(c, tx, true);
        if (current.status !== 'confirmed') throw new HttpProblem(409, 'A cancelled booking cannot be moved.');
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [current.mentorId]);
        const { mentor, sessionType } = findEntries(await catalog.get(tx), current.mentorId, current.sessionTypeId);
        if (!c.get('caller').admin) assertCanChange(mentor, current, 'reschedule', now());
        const startMs = Date.parse(start);
        const bookings = await busyNear(tx, mentor.id, startMs, startMs + 1);
        if (!isSlotFree({ mentor, sessionType, bookings, start, now: new Date(now()).toISOString(), ignoreBookingId: current.id })) throw slotTaken();
        if (await calendarBusy(tx, mentor, startMs, startMs + sessionType.minutes * MINUTE)) throw slotTaken();
        const next: Booking = {
          ...current,
          start: new Date(startMs).toISOString(),
          end: new Date(startMs + sessionType.minutes * MINUTE).toISOString(),
          updatedAt: new Date(now()).toISOString(),
        };
        const seat = await seatFor(tx, mentor.id, sessionType, next);
        await tx.query('UPDATE bookings SET blocked = $2::tstzrange, start_at = $3, doc = $4, version = version + 1, occurrence = $5, seat = $6, capacity = $7 WHERE id = $1', [
          current.id,
          blockedRange(mentor, next.start, next.end),
          next.start,
          JSON.stringify(next),
          seat.occurrence,
          seat.seat,
          seat.capacity,
        ]);
        await enqueueEvent(tx, 'booking.rescheduled', { ...next, previousStart: current.start, previousEnd: current.end });
        if (next.start !== current.start) await promoteWaitlist(tx, await catalog.get(tx), [current], now(), busy);
        return { booking: next, version: version + 1 };
      });
      kickOutbox?.();
      return sendBooking(c, booking, version);
    } catch (error) {
      if (isExclusionViolation(error)) throw slotTaken();
      throw error;
    }
  });
}
