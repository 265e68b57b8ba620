/**
 * Wall time ⇄ instant in an IANA zone, with Intl only (no date library). A wall time never exists
 * without its zone.
 *
 * Offsets are read from `Intl.DateTimeFormat` once per zone and 15-minute UTC bucket and cached:
 * every zone's transitions since 1970 fall on a quarter hour of UTC, so the offset cannot change
 * inside a bucket. Slot generation therefore makes a handful of Intl calls per day, not per minute.
 */
const MINUTE = 60_000;
const BUCKET = 15 * MINUTE;
const DAY = 1440 * MINUTE;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    const numeric = 'numeric';
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: numeric, month: numeric, day: numeric, hour: numeric, minute: numeric });
    formatters.set(zone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Offset of `zone` from UTC at instant `ms`, in minutes (Berlin in summer: +120, Kolkata: +330). */
export function offsetMinutes(ms: number, zone: string): number {
  const bucket = Math.floor(ms / BUCKET) * BUCKET;
  const key = zone + bucket;
  let offset = offsets.get(key);
  if (offset === undefined) {
    // The wall clock's fields as numbers (the "literal" separators become NaN and are not read).
    const wall = Object.fromEntries(formatterFor(zone).formatToParts(new Date(bucket)).map((p) => [p.type, Number(p.value)] as const));
    const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
    offset = Math.round((asUtc - bucket) / MINUTE);
    if (offsets.size > 20_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** A Date whose UTC fields show the wall clock in `zone` at instant `ms`. */
const wallDate = (ms: number, zone: string) => new Date(ms + offsetMinutes(ms, zone) * MINUTE);

/** The wall clock in `zone` at instant `ms`. */
export function wallClockAt(ms: number, zone: string): WallClock {
  const d = wallDate(ms, zone);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** "YYYY-MM-DD" of the wall clock in `zone` at instant `ms`. */
export function dateInZone(ms: number, zone: string): string {
  return wallDate(ms, zone).toISOString().slice(0, 10);
}

/** "HH:MM" of the wall clock in `zone` at instant `ms`. */
export function timeInZone(ms: number, zone: string): string {
  return wallDate(ms, zone).toISOString().slice(11, 16);
}

/** Midnight UTC of the calendar date `days` after "YYYY-MM-DD" `date`. */
function utcDate(date: string, days = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days));
}

/** A wall time read as if it were UTC. */
function wallUtc(date: string, time: string): number {
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return utcDate(date).setUTCHours(h, mi);
}

/**
 * The two offsets around a wall time (a day before and after, as if it were UTC): equal on
 * ordinary days, different when a transition is near.
 */
function candidates(wallMs: number, zone: string): [number, number] {
  return [offsetMinutes(wallMs - DAY, zone), offsetMinutes(wallMs + DAY, zone)];
}

/**
 * The instant when the wall clock in `zone` shows `date` `time`, or null when that wall time does
 * not exist (inside a spring-forward gap). In a fall-back overlap the earlier instant is returned.
 */
export function wallTimeToInstant(date: string, time: string, zone: string): number | null {
  const wallMs = wallUtc(date, time);
  let best: number | null = null;
  for (const offset of candidates(wallMs, zone)) {
    const instant = wallMs - offset * MINUTE;
    if (offsetMinutes(instant, zone) === offset && (best === null || instant < best)) best = instant;
  }
  return best;
}

/**
 * The instant a calendar means by `date` `time` in `zone`, as RFC 5545 (3.3.5) reads a local
 * time: the exact instant normally, the earlier one in a fall-back overlap, and for a wall time
 * inside a spring-forward gap the offset from before the gap, i.e. as much later as the clock
 * jumped (Berlin 2026-03-29 02:30 → 01:30Z, shown as 03:30).
 */
export function wallTimeAsCalendarsRead(date: string, time: string, zone: string): number {
  return wallTimeToInstant(date, time, zone) ?? wallUtc(date, time) - candidates(wallUtc(date, time), zone)[0] * MINUTE;
}

/**
 * The first instant at which the wall clock in `zone` shows `date` `time` or later: the exact
 * instant normally, the earlier one in a fall-back overlap, and the moment the clock jumps past it
 * when the wall time falls in a spring-forward gap (Berlin 2026-03-29 02:30 → 01:00Z, shown as
 * 03:00). "24:00" is midnight at the end of `date` (read as UTC it is the next day's 00:00).
 */
export function firstInstantAtOrAfter(date: string, time: string, zone: string): number {
  const exact = wallTimeToInstant(date, time, zone);
  if (exact !== null) return exact;
  // In a gap: the offset before the jump holds at `lo`, the one after at `hi`; find the jump.
  const wallMs = wallUtc(date, time);
  const [before, after] = candidates(wallMs, zone);
  let lo = Math.floor((wallMs - after * MINUTE) / BUCKET);
  let hi = Math.ceil((wallMs - before * MINUTE) / BUCKET);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMinutes(mid * BUCKET, zone) === before) lo = mid;
    else hi = mid;
  }
  return hi * BUCKET;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(date: string): number {
  return utcDate(date).getUTCDay() || 7;
}

/** The calendar date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return utcDate(date, days).toISOString().slice(0, 10);
}
