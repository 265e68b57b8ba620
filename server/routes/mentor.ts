/**
 * The mentor's own view: a bearer token with `role: "mentor"` and `sub` = the mentor's catalog id
 * lists that mentor's bookings (any status, paginated by start) and marks a past one attended or
 * no-show. A mentor sees no other mentor's bookings and no cancel tokens.
 */
import * as z from 'zod/mini';
import { Instant, type Booking } from '../../src/sdk/schemas.js';
import { limitParam } from '../http-helpers.js';
import { checkInstants, etag, parse, pathId, readJson, type App, type Ctx, type Deps } from '../http.js';
import { HttpProblem } from '../problem.js';
import { publicBooking } from './bookings.js';

export const ATTENDANCE = ['attended', 'no-show'] as const;

function requireMentor(c: Ctx): string {
  const caller = c.get('caller');
  if (caller.mentorId) return caller.mentorId;
  throw new HttpProblem(caller.sub || caller.admin ? 403 : 401, 'This needs a mentor bearer token (role "mentor", sub = the mentor id).');
}

/** Keyset cursor over (start, id): base64url of `start|id`. */
const cursorCodec = {
  encode: (b: Booking) => Buffer.from(`${b.start}|${b.id}`).toString('base64url'),
  decode(cursor: string): [string, string] {
    const [start, id] = Buffer.from(cursor, 'base64url').toString().split('|');
    if (!start || !id || Number.isNaN(Date.parse(start)) || Buffer.from(`${start}|${id}`).toString('base64url') !== cursor) {
      throw new HttpProblem(400, 'Invalid cursor: pass back the nextCursor of an earlier page.', [{ path: 'cursor', message: 'Invalid cursor' }]);
    }
    return [start, id];
  },
};

export function mentorRoutes(app: App, { db, now }: Deps): void {
  app.get('/v1/mentor/bookings', async (c) => {
    const mentorId = requireMentor(c);
    const q = parse(
      z.object({ status: z.optional(z.enum(['confirmed', 'cancelled'])), from: z.optional(Instant), to: z.optional(Instant) }),
      { status: c.req.query('status'), from: c.req.query('from'), to: c.req.query('to') },
      'booking query',
    );
    checkInstants({ from: q.from, to: q.to });
    const limit = limitParam(c.req.query('limit'), 50, 200);
    const cursor = c.req.query('cursor');
    const [afterStart, afterId] = cursor === undefined ? [null, null] : cursorCodec.decode(cursor);
    const rows = await db.query<{ doc: Booking }>(
      `SELECT doc FROM bookings
        WHERE mentor_id = $1
          AND ($2::text IS NULL OR status = $2)
          AND ($3::timestamptz IS NULL OR start_at >= $3)
          AND ($4::timestamptz IS NULL OR start_at < $4)
          AND ($5::timestamptz IS NULL OR (start_at, id) > ($5::timestamptz, $6::text))
        ORDER BY start_at, id LIMIT $7`,
      [mentorId, q.status ?? null, q.from ?? null, q.to ?? null, afterStart, afterId, limit + 1],
    );
    const page = rows.slice(0, limit).map((r) => publicBooking(r.doc));
    return c.json({ items: page, nextCursor: rows.length > limit ? cursorCodec.encode(page.at(-1)!) : null }, 200, { 'Cache-Control': 'no-store' });
  });

  app.post('/v1/mentor/bookings/:id/attendance', async (c) => {
    const mentorId = requireMentor(c);
    const id = pathId(c);
    const { attendance } = parse(z.object({ attendance: z.enum(ATTENDANCE) }), await readJson(c), 'attendance');
    const { booking, version } = await db.transaction(async (tx) => {
      const [row] = await tx.query<{ doc: Booking; version: number }>('SELECT doc, version FROM bookings WHERE id = $1 AND mentor_id = $2 FOR UPDATE', [id, mentorId]);
      if (!row) throw new HttpProblem(404, `No booking with id "${id}".`);
      if (row.doc.status !== 'confirmed') throw new HttpProblem(409, 'A cancelled booking has no attendance.');
      if (Date.parse(row.doc.end) > now()) throw new HttpProblem(409, 'This session has not ended yet; mark attendance afterwards.');
      const next: Booking = { ...row.doc, attendance, attendanceBy: 'mentor', updatedAt: new Date(now()).toISOString() };
      await tx.query('UPDATE bookings SET doc = $2, version = version + 1 WHERE id = $1', [id, JSON.stringify(next)]);
      return { booking: next, version: row.version + 1 };
    });
    return c.json(publicBooking(booking), 200, { ETag: etag(version), 'Cache-Control': 'no-store' });
  });
}
