/** GET /v1/mentors/:id/slots, and the catalog look-ups bookings share. */
import * as z from 'zod/mini';
import { generateSlots } from '../../src/sdk/scheduling/index.js';
import { Id, Instant, type Booking, type Catalog } from '../../src/sdk/schemas.js';
import type { Queryable } from '../db.js';
import { checkInstants, MINUTE, parse, pathId, type App, type Ctx, type Deps } from '../http.js';
import { HttpProblem } from '../problem.js';
import { overlapsBusy } from '../calendar/busy.js';
import { fullOccurrences } from '../../src/sdk/scheduling/waitlist.js';

export function findEntries(catalog: Catalog, mentorId: string, sessionTypeId: string) {
  const mentor = catalog.mentors.find((m) => m.id === mentorId);
  if (!mentor) throw new HttpProblem(404, `No mentor with id "${mentorId}".`);
  const sessionType = catalog.sessionTypes.find((t) => t.id === sessionTypeId);
  if (!sessionType) throw new HttpProblem(404, `No session type with id "${sessionTypeId}".`);
  if (!mentor.sessionTypeIds.includes(sessionTypeId)) throw new HttpProblem(400, `${mentor.name} does not offer "${sessionType.name}".`);
  return { mentor, sessionType };
}

/** Confirmed bookings of a mentor that could matter for slots in [fromMs, toMs). */
export async function busyNear(q: Queryable, mentorId: string, fromMs: number, toMs: number): Promise<Booking[]> {
  const rows = await q.query<{ doc: Booking }>(
    `SELECT doc FROM bookings WHERE mentor_id = $1 AND status = 'confirmed' AND blocked && tstzrange($2::timestamptz, $3::timestamptz)`,
    // Eight days either side: the weekly-hours cap counts the whole mentor-local week.
    [mentorId, new Date(fromMs - 8 * 1440 * MINUTE).toISOString(), new Date(toMs + 8 * 1440 * MINUTE).toISOString()],
  );
  return rows.map((r) => r.doc);
}

export function slotRoutes(app: App, { db, catalog, now, busy }: Deps): void {
  /** `?sessionType=&from=&to=` for the mentor in the path: validated, the range in order. */
  const rangeQuery = async (c: Ctx, label: string) => {
    const q = parse(
      z.object({ sessionType: Id, from: Instant, to: Instant }),
      { sessionType: c.req.query('sessionType'), from: c.req.query('from'), to: c.req.query('to') },
      label,
    );
    checkInstants({ from: q.from, to: q.to });
    const { mentor, sessionType } = findEntries(await catalog.get(), pathId(c), q.sessionType);
    if (!(Date.parse(q.from) < Date.parse(q.to))) throw new HttpProblem(400, `Invalid ${label}: "from" must be before "to".`);
    return { q, mentor, sessionType };
  };

  app.get('/v1/mentors/:id/slots', async (c) => {
    const { q, mentor, sessionType } = await rangeQuery(c, 'slot query');
    // Nothing before now or past the mentor's horizon is free anyway; clamp so a wide range is cheap.
    const fromMs = Math.max(Date.parse(q.from), now());
    const toMs = Math.min(Date.parse(q.to), now() + (mentor.rules.horizonDays + 1) * 1440 * MINUTE);
    if (!(fromMs < toMs)) return c.json({ items: [] });
    const bookings = await busyNear(db, mentor.id, fromMs, toMs);
    const free = generateSlots({ mentor, sessionType, bookings, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), now: new Date(now()).toISOString() });
    // Busy time from the mentor's own calendar (server/calendar/busy.ts) takes its slots too.
    const calendarBusy = busy ? await busy.intervals(mentor, fromMs, toMs + sessionType.minutes * MINUTE) : [];
    const items = calendarBusy.length ? free.filter((s) => !overlapsBusy(calendarBusy, Date.parse(s.start), Date.parse(s.end))) : free;
    return c.json({ items });
  });

  // Full occurrences of a group session (issue 16): the times whose waitlist a visitor can join.
  app.get('/v1/mentors/:id/full-sessions', async (c) => {
    const { q, mentor, sessionType } = await rangeQuery(c, 'full-sessions query');
    if (Date.parse(q.to) - Date.parse(q.from) > 400 * 1440 * MINUTE) throw new HttpProblem(400, 'Invalid full-sessions query: at most 400 days at once.');
    const rows = await db.query<{ doc: Booking }>(
      `SELECT doc FROM bookings WHERE mentor_id = $1 AND status = 'confirmed' AND occurrence IS NOT NULL AND start_at >= $2 AND start_at < $3`,
      [mentor.id, q.from, q.to],
    );
    const items = fullOccurrences({ mentor, sessionType, bookings: rows.map((r) => r.doc), from: q.from, to: q.to, now: new Date(now()).toISOString() });
    return c.json({ items });
  });
}
