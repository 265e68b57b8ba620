/**
 * Recurring series, pure: the starts of every occurrence and which of them are free. Every
 * occurrence keeps the first one's wall-clock time in the MENTOR's zone, so a weekly 14:00 in
 * Berlin stays 14:00 in Berlin across daylight-saving changes (and moves in UTC and in the
 * visitor's zone when either side changes). Each occurrence is checked on its own with
 * `isSlotFree` — availability, overrides, buffers, notice, horizon, caps — against the stored
 * bookings plus the series' earlier occurrences, so the daily and weekly caps count the series too.
 */
import type { Booking, Mentor, SessionType } from '../schemas.js';
import { isSlotFree } from './slots.js';
import { addDays, dateInZone, timeInZone, wallTimeAsCalendarsRead } from './zone.js';

export type SeriesFrequency = 'weekly' | 'biweekly' | 'monthly';

export interface PlannedOccurrence {
  start: string;
  end: string;
  /** False when the occurrence cannot be booked (taken, outside availability, past the horizon…). */
  free: boolean;
  /** The visitor left it out (not free, but not a conflict either). */
  dropped?: true;
}

/** The calendar date `months` months after `date`, on the same day, or the month's last day. */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/**
 * `count` starts (ISO instants) from `first`, every week, two weeks or month, at the same wall
 * time in `zone`. Where that wall time does not exist (inside a spring-forward gap) the
 * occurrence is as much later as the clock jumped, as calendar apps read it (RFC 5545): it is
 * still planned and checked like any other, never silently left out.
 */
export function seriesStarts(first: string, zone: string, frequency: SeriesFrequency, count: number): string[] {
  const firstMs = Date.parse(first);
  const date = dateInZone(firstMs, zone);
  const time = timeInZone(firstMs, zone);
  return Array.from({ length: count }, (_, i) => {
    const day = frequency === 'monthly' ? addMonths(date, i) : addDays(date, i * (frequency === 'weekly' ? 7 : 14));
    return new Date(wallTimeAsCalendarsRead(day, time, zone)).toISOString();
  });
}

export interface SeriesPlanInput {
  mentor: Mentor;
  sessionType: SessionType;
  /** Stored bookings (any mentor's; only this mentor's confirmed ones matter). */
  bookings: readonly Booking[];
  first: string;
  frequency: SeriesFrequency;
  count: number;
  now: string;
  /** Starts the visitor dropped or moved: these are planned at the given instants instead. */
  replacements?: Record<string, string | null>;
}

/**
 * Every occurrence with whether it is free. A free one is counted as booked for the ones after it
 * (a stand-in booking), so the series respects the mentor's caps as a whole.
 */
export function planSeries(input: SeriesPlanInput): PlannedOccurrence[] {
  const { mentor, sessionType } = input;
  const length = sessionType.minutes * 60_000;
  const planned: Booking[] = [];
  const occurrences: PlannedOccurrence[] = [];
  for (const [i, computed] of seriesStarts(input.first, mentor.timeZone, input.frequency, input.count).entries()) {
    const start = input.replacements && computed in input.replacements ? input.replacements[computed] : computed;
    if (start === null || start === undefined) {
      occurrences.push({ start: computed, end: new Date(Date.parse(computed) + length).toISOString(), free: false, ...(start === null ? { dropped: true as const } : {}) });
      continue;
    }
    const end = new Date(Date.parse(start) + length).toISOString();
    const free = isSlotFree({ mentor, sessionType, bookings: [...input.bookings, ...planned], start, now: input.now });
    occurrences.push({ start, end, free });
    if (free) planned.push({ ...STAND_IN, id: `planned-${i}`, mentorId: mentor.id, sessionTypeId: sessionType.id, start, end });
  }
  return occurrences;
}

/** A series request's `drop` and `move` as `planSeries` replacements (a dropped start maps to null). */
export function replacementsOf(request: { drop?: string[] | undefined; move?: { from: string; to: string }[] | undefined }): Record<string, string | null> {
  const replacements: Record<string, string | null> = {};
  for (const { from, to } of request.move ?? []) replacements[new Date(from).toISOString()] = new Date(to).toISOString();
  for (const start of request.drop ?? []) replacements[new Date(start).toISOString()] = null;
  return replacements;
}

/** The starts that refuse a series: not free, and not left out by the visitor. */
export const conflictsOf = (plan: PlannedOccurrence[]): string[] => plan.filter((o) => !o.free && !o.dropped).map((o) => o.start);

const STAND_IN = {
  timeZone: 'UTC',
  name: 'planned',
  email: 'planned@example.invalid',
  careerLevel: 'other',
  goals: '',
  message: '',
  status: 'confirmed',
  createdAt: '1970-01-01T00:00:00.000Z',
  updatedAt: '1970-01-01T00:00:00.000Z',
} as const;
