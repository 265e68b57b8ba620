/**
 * The waitlist of a full group session (issue 16): POST /v1/waitlist joins the line of one
 * occurrence (only when it is full: a free seat is booked instead), GET /v1/waitlist/:id and POST
 * /v1/waitlist/:id/leave with the entry's cancel token (or as its mentee, or an admin), GET
 * /v1/waitlist for a mentee's own entries. Idempotency keys and cancel tokens work as for
 * bookings. Promotion happens where seats free (../waitlist.ts).
 */
import { createHmac } from 'node:crypto';
import { newId } from '../../src/sdk/ids.js';
import { assertCanJoin, hasSeats, joinStamp } from '../../src/sdk/scheduling/waitlist.js';
import { BookingRequest, type WaitlistEntry } from '../../src/sdk/schemas.js';
import { randomSecret, sameSecret, sha256 } from '../auth.js';
import type { Queryable } from '../db.js';
import { checkInstants, isUniqueViolation, MINUTE, parse, pathId, readJson, requireMentee, type App, type Ctx, type Deps } from '../http.js';
import { HttpProblem } from '../problem.js';
import { occurrenceKey } from '../seats.js';
import { hasVisibleCharacter } from '../text.js';
import { enqueueEvent } from '../webhooks/outbox.js';
import { publicBooking } from './bookings.js';
import { busyNear, findEntries } from './slots.js';

type Row = { doc: WaitlistEntry; mentee_id: string | null; cancel_token_hash: string; position: number | null; booking: WaitlistEntry['booking'] | null };

/** The entry as the API shows it: its place in line while waiting, its booking once promoted, never a token. */
const SELECT = `SELECT w.doc, w.mentee_id, w.cancel_token_hash, b.doc AS booking,
  CASE WHEN w.status = 'waiting' THEN (SELECT count(*)::int FROM waitlist o WHERE o.mentor_id = w.mentor_id AND o.occurrence = w.occurrence AND o.status = 'waiting' AND o.seq <= w.seq) END AS position
  FROM waitlist w LEFT JOIN bookings b ON b.id = w.booking_id`;

const shown = (row: Row): WaitlistEntry => {
  const { cancelToken: _omit, position: _p, booking: _b, ...doc } = row.doc;
  return { ...doc, ...(row.position ? { position: row.position } : {}), ...(row.booking ? { booking: publicBooking(row.booking) } : {}) };
};

const IDEMPOTENCY_HOURS = 24;

export function waitlistRoutes(app: App, { db, catalog, now, secret, kickOutbox }: Deps): void {
  app.post('/v1/waitlist', async (c) => {
    const caller = c.get('caller');
    const request = parse(BookingRequest, await readJson(c), 'waitlist entry');
    checkInstants({ start: request.start });
    if (!hasVisibleCharacter(request.name)) throw new HttpProblem(400, 'Invalid waitlist entry: name: Enter a name with at least one visible character.', [{ path: 'name', message: 'Enter a name with at least one visible character' }]);
    const { sessionType: type } = findEntries(await catalog.get(), request.mentorId, request.sessionTypeId);
    if (!hasSeats(type)) throw new HttpProblem(400, `"${type.name}" is not a group session: only group sessions have a waitlist.`, [{ path: 'sessionTypeId', message: 'not a group session' }]);
    const key = c.req.header('idempotency-key');
    if (key !== undefined && (key.length < 1 || key.length > 200)) throw new HttpProblem(400, 'The Idempotency-Key header must be 1–200 characters.');
    const hash = await sha256(JSON.stringify(request));
    // Scoped like bookings' keys, and apart from them: the same key may name a booking and an entry.
    const keyHash = key === undefined ? null : await sha256(`waitlist\n${caller.sub ? `mentee:${caller.sub}` : `anonymous:${hash}`}\n${key}`);
    const tokenFor = (id: string) => (keyHash ? createHmac('sha256', secret).update(`waitlist-token\n${keyHash}\n${id}`).digest('base64url') : randomSecret(24));
    const replay = async (q: Queryable) => {
      if (!keyHash) return null;
      const [row] = await q.query<{ request_hash: string; response: WaitlistEntry }>(
        `SELECT request_hash, response FROM idempotency_keys WHERE key_hash = $1 AND created_at > now() - interval '${IDEMPOTENCY_HOURS} hours'`,
        [keyHash],
      );
      if (!row) return null;
      if (row.request_hash !== hash) throw new HttpProblem(422, 'This Idempotency-Key was already used for a different waitlist entry.');
      return { ...row.response, cancelToken: tokenFor(row.response.id) };
    };
    const earlier = await replay(db);
    if (earlier) return c.json(earlier, 201, { 'Idempotent-Replayed': 'true', 'Cache-Control': 'no-store' });

    let entry: WaitlistEntry;
    try {
      entry = await db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [request.mentorId]);
        const again = await replay(tx);
        if (again) return again;
        const { mentor, sessionType } = findEntries(await catalog.get(tx), request.mentorId, request.sessionTypeId);
        const start = new Date(Date.parse(request.start)).toISOString();
        const occurrence = occurrenceKey(sessionType, { start })!;
        const startMs = Date.parse(start);
        const bookings = await busyNear(tx, mentor.id, startMs, startMs + 1);
        const line = (await tx.query<{ doc: WaitlistEntry }>(`SELECT doc FROM waitlist WHERE mentor_id = $1 AND occurrence = $2 AND status = 'waiting' ORDER BY seq`, [mentor.id, occurrence])).map((r) => r.doc);
        const stamp = new Date(now()).toISOString();
        const menteeId = caller.sub ?? undefined;
        assertCanJoin({ mentor, sessionType, request: { ...request, start, menteeId }, bookings, entries: line, now: stamp });
        const id = newId('w-');
        const cancelToken = tokenFor(id);
        const doc: WaitlistEntry = {
          ...request,
          start,
          end: new Date(startMs + sessionType.minutes * MINUTE).toISOString(),
          id,
          status: 'waiting',
          createdAt: joinStamp(line, stamp),
          updatedAt: stamp,
          ...(menteeId ? { menteeId } : {}),
        };
        await tx.query(
          `INSERT INTO waitlist (id, mentor_id, occurrence, mentee_id, email, cancel_token_hash, doc) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [id, mentor.id, occurrence, menteeId ?? null, request.email, await sha256(cancelToken), JSON.stringify(doc)],
        );
        const created: WaitlistEntry = { ...doc, position: line.length + 1 };
        if (keyHash) await tx.query('INSERT INTO idempotency_keys (key_hash, request_hash, status, response) VALUES ($1, $2, 201, $3)', [keyHash, hash, JSON.stringify(created)]);
        await enqueueEvent(tx, 'seat.waitlisted', created);
        return { ...created, cancelToken };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new HttpProblem(409, 'You are already on the waitlist for this session.');
      throw error;
    }
    kickOutbox?.();
    return c.json(entry, 201, { 'Cache-Control': 'no-store', Location: `/v1/waitlist/${entry.id}` });
  });

  app.get('/v1/waitlist', async (c) => {
    const sub = requireMentee(c);
    const rows = await db.query<Row>(`${SELECT} WHERE w.mentee_id = $1 ORDER BY w.doc->>'start', w.seq`, [sub]);
    return c.json({ items: rows.map(shown) }, 200, { 'Cache-Control': 'no-store' });
  });

  /** The entry, if the caller may see and change it: its mentee, an admin, or its cancel token. */
  const owned = async (c: Ctx, q: Queryable, forUpdate = false): Promise<Row> => {
    const id = pathId(c);
    if (forUpdate) await q.query('SELECT 1 FROM waitlist WHERE id = $1 FOR UPDATE', [id]);
    const [row] = await q.query<Row>(`${SELECT} WHERE w.id = $1`, [id]);
    const caller = c.get('caller');
    const token = c.req.header('cancel-token');
    if (row) {
      if (caller.admin || (caller.sub && row.mentee_id === caller.sub)) return row;
      if (token) {
        if (sameSecret(await sha256(token), row.cancel_token_hash)) return row;
        throw new HttpProblem(403, 'The cancel token does not match this waitlist entry.');
      }
    }
    throw new HttpProblem(404, `No waitlist entry with id "${id}".`);
  };

  app.get('/v1/waitlist/:id', async (c) => c.json(shown(await owned(c, db)), 200, { 'Cache-Control': 'no-store' }));

  app.post('/v1/waitlist/:id/leave', async (c) => {
    const left = await db.transaction(async (tx) => {
      const row = await owned(c, tx, true);
      if (row.doc.status === 'left') return row;
      if (row.doc.status === 'promoted') throw new HttpProblem(409, 'You already have a seat in this session: cancel the booking instead.');
      const doc: WaitlistEntry = { ...row.doc, status: 'left', updatedAt: new Date(now()).toISOString() };
      await tx.query(`UPDATE waitlist SET status = 'left', doc = $2 WHERE id = $1`, [doc.id, JSON.stringify(doc)]);
      return { ...row, doc, position: null };
    });
    return c.json(shown(left), 200, { 'Cache-Control': 'no-store' });
  });
}
