/**
 * The mentor's calendar feed out: a secret subscription URL per mentor,
 * `GET /v1/mentors/{id}/calendar.ics?token=…`, listing their confirmed bookings (visitor name and
 * session type; the visitor's email only when the operator enables it) for Google Calendar,
 * Apple Calendar or Outlook to subscribe to. `POST /v1/mentors/{id}/feed-token` (admin) issues a
 * new token and with it invalidates the old one at once (only a hash of the newest is stored).
 */
import { toIcs, type IcsEvent } from '../../src/sdk/export/ics.js';
import type { Booking, Catalog } from '../../src/sdk/schemas.js';
import { randomSecret, sameSecret, sha256 } from '../auth.js';
import { requireAdmin } from '../http-helpers.js';
import { pathId, type App, type Deps } from '../http.js';
import { HttpProblem } from '../problem.js';

/** How far back the feed reaches (calendars keep what they already have). */
const PAST_DAYS = 90;

export interface FeedOptions {
  /** Put the visitor's email in each event's description (FEED_INCLUDE_EMAIL=true). */
  includeEmail?: boolean;
  /** The server's public base URL for the feed links (PUBLIC_URL); else the request's origin. */
  publicUrl?: string;
}

export function feedEvents(bookings: readonly Booking[], catalog: Catalog, options: FeedOptions = {}): IcsEvent[] {
  const typeName = new Map(catalog.sessionTypes.map((t) => [t.id, t.name]));
  return bookings.map((b) => {
    const type = typeName.get(b.sessionTypeId) ?? b.sessionTypeId;
    const lines = [type, b.goals && `Goals: ${b.goals}`, b.message && `Message: ${b.message}`, options.includeEmail && `Email: ${b.email}`].filter(Boolean);
    return {
      uid: `${b.id}@mentorship-kit`,
      start: b.start,
      end: b.end,
      summary: `${b.name} — ${type}`,
      description: lines.join('\n'),
      stamp: b.updatedAt,
      status: 'CONFIRMED',
    };
  });
}

export function feedRoutes(app: App, { db, catalog, now }: Deps, options: FeedOptions = {}): void {
  const mentorOf = async (id: string) => {
    const cat = await catalog.get();
    const mentor = cat.mentors.find((m) => m.id === id);
    if (!mentor) throw new HttpProblem(404, `No mentor with id "${id}".`);
    return { mentor, catalog: cat };
  };

  app.post('/v1/mentors/:id/feed-token', async (c) => {
    requireAdmin(c, 'issue calendar feed tokens');
    const { mentor } = await mentorOf(pathId(c));
    const token = randomSecret(24);
    await db.query(
      `INSERT INTO mentor_feed_tokens (mentor_id, token_hash) VALUES ($1, $2) ON CONFLICT (mentor_id) DO UPDATE SET token_hash = $2, created_at = now()`,
      [mentor.id, await sha256(token)],
    );
    const base = (options.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
    return c.json({ url: `${base}/v1/mentors/${encodeURIComponent(mentor.id)}/calendar.ics?token=${token}` }, 201);
  });

  app.get('/v1/mentors/:id/calendar.ics', async (c) => {
    const id = pathId(c);
    const token = c.req.query('token') ?? '';
    const [row] = await db.query<{ token_hash: string }>('SELECT token_hash FROM mentor_feed_tokens WHERE mentor_id = $1', [id]);
    if (!token || !row || !sameSecret(await sha256(token), row.token_hash)) throw new HttpProblem(403, 'This calendar feed link is not valid (it may have been replaced).');
    const { mentor, catalog: cat } = await mentorOf(id);
    const rows = await db.query<{ doc: Booking }>(
      `SELECT doc FROM bookings WHERE mentor_id = $1 AND status = 'confirmed' AND start_at >= $2 ORDER BY start_at, id`,
      [id, new Date(now() - PAST_DAYS * 86_400_000).toISOString()],
    );
    const ics = toIcs(feedEvents(rows.map((r) => r.doc), cat, options), { name: `${mentor.name} — mentorship sessions` });
    return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, no-store' });
  });
}
