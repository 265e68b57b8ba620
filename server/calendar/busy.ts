/**
 * Busy time in: each mentor's `busyCalendarUrl` (an ICS address such as a Google Calendar secret
 * address) is fetched on a schedule with conditional requests (ETag / Last-Modified), and the last
 * good copy is kept in the database, shared by every server process. Slots overlapping a busy
 * event are removed and a booking there is refused like any taken slot. A feed that fails or is
 * malformed keeps the last good copy in use; the admin sees the error and the copy's age.
 */
import type ICAL from 'ical.js';
import type { Mentor } from '../../src/sdk/schemas.js';
import type { Database, Queryable } from '../db.js';
import type { CatalogSource } from '../http.js';
import { busyIntervals, parseCalendar, type Interval } from './busy-ics.js';

export interface BusyCalendarOptions {
  /** Minutes between fetches of one feed (BUSY_CALENDAR_REFRESH_MINUTES, default 15). */
  refreshMinutes?: number;
  /** How often each process looks for feeds due (default 30 s). */
  pollMs?: number;
  /** Give up on a feed after this long (default 20 s). */
  timeoutMs?: number;
  /** Largest feed accepted (default 5 MB). */
  maxBytes?: number;
  log?: (message: string) => void;
}

export interface BusyCalendarStatus {
  mentorId: string;
  /** The feed's host only: the full address is a secret. */
  host: string;
  /** When the copy in use was fetched (null: none yet, so nothing is blocked). */
  fetchedAt: Date | null;
  ageSeconds: number | null;
  checkedAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}

export interface BusyCalendars {
  /** Busy intervals of `mentor` overlapping [fromMs, toMs), from the last good copy (read through `q`, e.g. the booking's transaction). */
  intervals(mentor: Mentor, fromMs: number, toMs: number, q?: Queryable): Promise<Interval[]>;
  /** Fetches every feed that is due (or, with `mentorId`, that one now). */
  refresh(mentorId?: string): Promise<void>;
  status(): Promise<BusyCalendarStatus[]>;
  stop(): void;
}

const feedUrl = (url: string) => url.replace(/^webcal:/i, 'https:');

export function busyCalendars(db: Database, catalog: CatalogSource, options: BusyCalendarOptions = {}): BusyCalendars {
  const refreshMinutes = options.refreshMinutes ?? 15;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const log = options.log ?? ((m: string) => console.error(m));
  const parsed = new Map<string, { version: string; calendar: ICAL.Component }>();

  /** Rows follow the catalog: a new or changed URL is due at once, a removed one is dropped. */
  const syncRows = async () => {
    const mentors = (await catalog.get()).mentors.filter((m) => m.busyCalendarUrl);
    for (const m of mentors) {
      await db.query(
        `INSERT INTO busy_calendars (mentor_id, url) VALUES ($1, $2)
         ON CONFLICT (mentor_id) DO UPDATE SET url = $2, body = NULL, etag = NULL, last_modified = NULL, fetched_at = NULL, next_fetch_at = now(), last_error = NULL, last_error_at = NULL
         WHERE busy_calendars.url <> $2`,
        [m.id, m.busyCalendarUrl],
      );
    }
    await db.query('DELETE FROM busy_calendars WHERE NOT (mentor_id = ANY ($1::text[]))', [mentors.map((m) => m.id)]);
  };

  const fetchOne = async (row: { mentor_id: string; url: string; etag: string | null; last_modified: string | null }) => {
    const fail = (error: string) =>
      db.query('UPDATE busy_calendars SET checked_at = now(), last_error = $2, last_error_at = now() WHERE mentor_id = $1 AND url = $3', [row.mentor_id, error.slice(0, 500), row.url]);
    let response: Response;
    try {
      response = await fetch(feedUrl(row.url), {
        headers: { accept: 'text/calendar', ...(row.etag ? { 'if-none-match': row.etag } : {}), ...(row.last_modified ? { 'if-modified-since': row.last_modified } : {}) },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return fail(`fetch failed: ${(error as Error).message}`);
    }
    if (response.status === 304) {
      await db.query('UPDATE busy_calendars SET checked_at = now(), last_error = NULL WHERE mentor_id = $1 AND url = $2', [row.mentor_id, row.url]);
      return;
    }
    if (!response.ok) return fail(`HTTP ${response.status}`);
    const body = await response.text();
    if (body.length > maxBytes) return fail(`the feed is larger than ${maxBytes} bytes`);
    try {
      parseCalendar(body);
    } catch (error) {
      return fail(`not a valid iCalendar feed: ${(error as Error).message}`);
    }
    await db.query(
      `UPDATE busy_calendars SET body = $2, etag = $3, last_modified = $4, fetched_at = now(), checked_at = now(), last_error = NULL WHERE mentor_id = $1 AND url = $5`,
      [row.mentor_id, body, response.headers.get('etag'), response.headers.get('last-modified'), row.url],
    );
  };

  const refresh = async (mentorId?: string) => {
    await syncRows();
    const due = await db.query<{ mentor_id: string; url: string; etag: string | null; last_modified: string | null }>(
      `UPDATE busy_calendars SET next_fetch_at = now() + make_interval(mins => $1::int)
        WHERE mentor_id IN (SELECT mentor_id FROM busy_calendars WHERE ${mentorId ? 'mentor_id = $2' : 'next_fetch_at <= now()'} FOR UPDATE SKIP LOCKED)
        RETURNING mentor_id, url, etag, last_modified`,
      mentorId ? [refreshMinutes, mentorId] : [refreshMinutes],
    );
    await Promise.all(due.map(fetchOne));
  };

  let timer: ReturnType<typeof setInterval> | undefined;
  if (options.pollMs !== 0) {
    let busy = false;
    const tick = async () => {
      if (busy) return;
      busy = true;
      try {
        await refresh();
      } catch (error) {
        log(`busy calendars: ${(error as Error).message}`);
      } finally {
        busy = false;
      }
    };
    void tick();
    timer = setInterval(tick, options.pollMs ?? 30_000);
    timer.unref?.();
  }

  return {
    async intervals(mentor, fromMs, toMs, q = db) {
      if (!mentor.busyCalendarUrl) return [];
      const [row] = await q.query<{ body: string | null; fetched_at: Date | null; url: string }>('SELECT body, fetched_at, url FROM busy_calendars WHERE mentor_id = $1', [mentor.id]);
      if (!row?.body || row.url !== mentor.busyCalendarUrl) return [];
      const version = `${row.url} ${row.fetched_at?.toISOString()}`;
      let entry = parsed.get(mentor.id);
      if (entry?.version !== version) {
        entry = { version, calendar: parseCalendar(row.body) };
        parsed.set(mentor.id, entry);
      }
      return busyIntervals(entry.calendar, mentor.timeZone, fromMs, toMs);
    },
    refresh,
    async status() {
      const rows = await db.query<{ mentor_id: string; url: string; fetched_at: Date | null; checked_at: Date | null; last_error: string | null; last_error_at: Date | null; age: number | null }>(
        `SELECT mentor_id, url, fetched_at, checked_at, last_error, last_error_at, extract(epoch FROM now() - fetched_at)::int AS age FROM busy_calendars ORDER BY mentor_id`,
      );
      return rows.map((r) => ({
        mentorId: r.mentor_id,
        host: (() => {
          try {
            return new URL(feedUrl(r.url)).host;
          } catch {
            return '';
          }
        })(),
        fetchedAt: r.fetched_at,
        ageSeconds: r.age,
        checkedAt: r.checked_at,
        lastError: r.last_error,
        lastErrorAt: r.last_error_at,
      }));
    },
    stop: () => clearInterval(timer),
  };
}

/** True when [startMs, endMs) overlaps any interval. */
export const overlapsBusy = (busy: readonly Interval[], startMs: number, endMs: number) => busy.some(([s, e]) => startMs < e && endMs > s);
