/**
 * Wall time ⇄ instant in an IANA zone, with Intl only. A wall time never exists without its zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
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

/** The wall clock in `zone` at instant `ms`. */
export function wallClockAt(ms: number, zone: string): WallClock {
  const parts = formatterFor(zone).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Offset of `zone` from UTC at instant `ms`, in minutes (Berlin in summer: +120). */
export function offsetMinutes(ms: number, zone: string): number {
  const w = wallClockAt(ms, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/**
 * The instant when the wall clock in `zone` shows `date` `time`, or null when that wall time does
 * not exist (inside a spring-forward gap). In a fall-back overlap the earlier instant is returned.
 */
export function wallTimeToInstant(date: string, time: string, zone: string): number | null {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wallMs = Date.UTC(y, mo - 1, d, h, mi);
  // Try both offsets around the wall time; the earlier valid candidate wins (fall-back overlap).
  const candidates = new Set([
    wallMs - offsetMinutes(wallMs - 86_400_000 / 2, zone) * 60000,
    wallMs - offsetMinutes(wallMs + 86_400_000 / 2, zone) * 60000,
  ]);
  let best: number | null = null;
  for (const candidate of candidates) {
    const back = wallClockAt(candidate, zone);
    const same = Date.UTC(back.year, back.month - 1, back.day, back.hour, back.minute) === wallMs;
    if (same && (best === null || candidate < best)) best = candidate;
  }
  return best;
}

/** "YYYY-MM-DD" of the wall clock in `zone` at instant `ms`. */
export function dateInZone(ms: number, zone: string): string {
  const w = wallClockAt(ms, zone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The calendar date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
