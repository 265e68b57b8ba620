/** How <mentor-booking> writes days and times: only through Intl, in the zone they are shown in. */
import type { LocalizeController } from '../shared/localize.js';
import type { MentorBookingMessages } from './mentor-booking.messages.js';

export type Localize = LocalizeController<MentorBookingMessages>;

/** What every step renders with: the messages, the zone times are shown in, the clock, and whether a change is under way. */
export interface View {
  l: Localize;
  zone: string;
  cycle: 'h12' | 'h23' | undefined;
  pending: boolean;
}

/** "Tuesday, 3 March 2026, 10:00–11:00"; ZONED adds the zone's short name ("CET"). */
export const WHEN: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' };
export const ZONED: Intl.DateTimeFormatOptions = { ...WHEN, timeZoneName: 'short' };
export const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** A calendar date "YYYY-MM-DD", which has no zone: read as UTC midnight and shown in UTC. */
export function day(v: View, date: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'full' }): string {
  return v.l.date(date, { ...options, timeZone: 'UTC' });
}

/** A slot's or booking's time range in `zone`, with the hour cycle. */
export function range(v: View, span: { start: string; end: string }, options = WHEN, zone = v.zone): string {
  return v.l.dateFormat({ ...options, timeZone: zone, hourCycle: v.cycle }).formatRange(new Date(span.start), new Date(span.end));
}

/** The same day `months` later, clamped to the month's length (31 January + 1 → 28 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m + months, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}
