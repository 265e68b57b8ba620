/**
 * The tracker's in-memory index: sessions by id, grouped by week (newest first), minutes per week
 * and activity, tags and logged booking ids. Every change touches one week only (a few dozen
 * rows sorted), so adding a session to 10,000 never re-reads or re-sorts the rest.
 * Weeks are keyed by the local-midnight timestamp of their first day.
 */
import type { Session } from '../../sdk/schemas.js';

/** The local-midnight timestamp `days` calendar days after `time` (so DST cannot shift it). */
const addDays = (time: Date | number | string, days: number) => {
  const d = new Date(time);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime();
};

/** Local-midnight timestamp of the first day of the week holding `time`. */
export function weekStart(time: Date | number | string, firstDay: number): number {
  const d = new Date(time);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - (((d.getDay() || 7) - firstDay + 7) % 7)).getTime();
}

/** The week key `n` weeks after (negative: before) `key`. */
export const addWeeks = (key: number, n: number) => addDays(key, 7 * n);

/**
 * Weeks with at least `goal` hours, counted back from the current week. The current week counts
 * once it is on goal; until then the streak runs up to last week. Up to `allowedMisses` weeks
 * below the goal, in all, are forgiven (they do not count, nor break it), as habit trackers do;
 * the next one ends the streak, at the latest before the first session. A goal of 0 has none.
 */
export function streakOfWeeks(hoursOf: (key: number) => number, goal: number, current: number, allowedMisses = 0): number {
  if (goal <= 0) return 0;
  let count = 0;
  let misses = 0;
  for (let key = hoursOf(current) >= goal ? current : addWeeks(current, -1); ; key = addWeeks(key, -1)) {
    if (hoursOf(key) >= goal) count++;
    else if (++misses > allowedMisses) return count;
  }
}

/** Newest first; ties by id so the order is stable. */
const newestFirst = (a: Session, b: Session) => ((a.start === b.start ? a.id > b.id : a.start > b.start) ? -1 : 1);

/** Adds `by` to a counter; a counter at zero leaves the map. */
function bump<K>(map: Map<K, number>, key: K, by: number): void {
  const next = (map.get(key) ?? 0) + by;
  if (next) map.set(key, next);
  else map.delete(key);
}

export class SessionIndex {
  readonly byId = new Map<string, Session>();
  readonly weeks = new Map<number, Session[]>();
  /** Minutes per week key, per activity. */
  readonly minutes = new Map<number, Map<string, number>>();
  /** Sessions per activity and per tag: every activity and tag in use. */
  readonly activities = new Map<string, number>();
  readonly tags = new Map<string, number>();
  readonly bookingIds = new Map<string, number>();
  /** The session created last (for the quick-add defaults). */
  latest?: Session;

  constructor(
    readonly firstDay = 1,
    sessions: Iterable<Session> = [],
  ) {
    // All at once: each week sorted once at the end (a put each would sort its week each time:
    // the first render of 10,000 waits for this).
    for (const session of sessions) this.#add(session, weekStart(session.start, firstDay));
    for (const rows of this.weeks.values()) rows.sort(newestFirst);
  }

  get size(): number {
    return this.byId.size;
  }

  /** Week keys, newest first. */
  get keys(): number[] {
    return [...this.weeks.keys()].sort((a, b) => b - a);
  }

  /** Adds or replaces one session. */
  put(session: Session): void {
    this.#add(session, weekStart(session.start, this.firstDay)).sort(newestFirst);
  }

  /** Adds or replaces `session` at the end of its week's rows (week `key`); returns them. */
  #add(session: Session, key: number): Session[] {
    const old = this.byId.get(session.id);
    if (old) this.#drop(old);
    this.byId.set(session.id, session);
    let rows = this.weeks.get(key);
    if (!rows) this.weeks.set(key, (rows = []));
    rows.push(session);
    this.#count(session, key, 1);
    if (!this.latest || session.createdAt >= this.latest.createdAt) this.latest = session;
    else if (this.latest === old) this.#findLatest();
    return rows;
  }

  /** Removes one session, when it is there. */
  remove(id: string): void {
    const session = this.byId.get(id);
    if (!session) return;
    this.#drop(session);
    if (this.latest === session) this.#findLatest();
  }

  #drop(session: Session): void {
    this.byId.delete(session.id);
    const key = weekStart(session.start, this.firstDay);
    const rows = this.weeks.get(key)!;
    rows.splice(rows.indexOf(session), 1);
    if (!rows.length) this.weeks.delete(key);
    this.#count(session, key, -1);
  }

  /** The quick-add defaults come from the latest: after it goes, the one before it. */
  #findLatest(): void {
    this.latest = undefined;
    for (const s of this.byId.values()) if (!this.latest || s.createdAt >= this.latest.createdAt) this.latest = s;
  }

  /** Total hours in the week `key`. */
  hours(key: number): number {
    let sum = 0;
    for (const m of this.minutes.get(key)?.values() ?? []) sum += m;
    return sum / 60;
  }

  /** Sorted newest first, oldest last. */
  all(): Session[] {
    return this.keys.flatMap((key) => this.weeks.get(key)!);
  }

  #count(s: Session, key: number, sign: 1 | -1): void {
    let perActivity = this.minutes.get(key);
    if (!perActivity) this.minutes.set(key, (perActivity = new Map<string, number>()));
    bump(perActivity, s.activity, sign * s.minutes);
    if (!perActivity.size) this.minutes.delete(key);
    bump(this.activities, s.activity, sign);
    for (const tag of s.tags) bump(this.tags, tag, sign);
    if (s.bookingId) bump(this.bookingIds, s.bookingId, sign);
  }
}
