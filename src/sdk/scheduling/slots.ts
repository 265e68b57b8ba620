/**
 * Free slots from a mentor's availability rules, as UTC instants. Pure: everything it needs,
 * including "now", comes in as arguments.
 *
 * The rules, in order:
 * - A day's windows are the date override for that date (none = day off) or the weekly windows
 *   of its ISO weekday, all in the mentor's zone.
 * - A window runs from the first instant its start wall time is reached to the first instant its
 *   end wall time is reached (see `firstInstantAtOrAfter`): a wall time in a spring-forward gap
 *   means the moment the clock jumps past it; a wall time that occurs twice (fall-back) means its
 *   first occurrence. Slots step in real minutes from the window's start, so a window over a DST
 *   change holds exactly the real time the mentor is there: no slot in the missing hour, and the
 *   repeated hour counted once as the real hour it is (Berlin 2026-10-25, 01:00–04:00 is four
 *   real hours and gives four one-hour slots).
 * - A slot fits when the whole session ends by the window's end.
 * - Minimum notice: starts at or after now + notice. Horizon: starts before now + horizonDays × 24 h.
 * - Buffers keep time free around each confirmed booking: a new session needs its own buffer
 *   before and after, and an existing booking keeps its buffers too. They do not apply at window
 *   edges.
 * - Daily cap: a mentor-local day that already has `maxPerDay` confirmed bookings offers nothing.
 */
import type { AvailabilityWindow, Booking, Mentor, SessionType, Slot } from '../schemas.js';
import { addDays, dateInZone, firstInstantAtOrAfter, isoWeekday } from './zone.js';

const MINUTE = 60_000;

export interface SlotInput {
  mentor: Mentor;
  sessionType: SessionType;
  /** Bookings (any mentor's; others are ignored); only confirmed ones block time. */
  bookings: readonly Booking[];
  /** Range of slot starts, ISO instants: [from, to). */
  from: string;
  to: string;
  now: string;
  /** A booking to ignore (the one being rescheduled). */
  ignoreBookingId?: string;
}

function windowsFor(mentor: Mentor, date: string): readonly AvailabilityWindow[] {
  const override = mentor.overrides.find((o) => o.date === date);
  if (override) return override.windows;
  const day = isoWeekday(date);
  return mentor.weekly.filter((w) => w.day === day);
}

/** Free slots whose start lies in [from, to), sorted by start. */
export function generateSlots(input: SlotInput): Slot[] {
  const { mentor, sessionType } = input;
  const rules = mentor.rules;
  const zone = mentor.timeZone;
  const length = sessionType.minutes * MINUTE;
  const step = rules.slotIntervalMinutes * MINUTE;
  const before = rules.bufferBeforeMinutes * MINUTE;
  const after = rules.bufferAfterMinutes * MINUTE;
  const now = Date.parse(input.now);
  const fromMs = Math.max(Date.parse(input.from), now + rules.minimumNoticeMinutes * MINUTE);
  const toMs = Math.min(Date.parse(input.to), now + rules.horizonDays * 1440 * MINUTE);
  if (!(fromMs < toMs)) return [];

  // Busy intervals, each widened by the booking's own buffers; bookings per mentor-local day.
  const busy: [number, number][] = [];
  const perDay = new Map<string, number>();
  for (const b of input.bookings) {
    if (b.status !== 'confirmed' || b.mentorId !== mentor.id || b.id === input.ignoreBookingId) continue;
    const start = Date.parse(b.start);
    busy.push([start - before, Date.parse(b.end) + after]);
    const date = dateInZone(start, zone);
    perDay.set(date, (perDay.get(date) ?? 0) + 1);
  }

  const starts = new Set<number>();
  const lastDate = dateInZone(toMs, zone);
  for (let date = dateInZone(fromMs, zone); date <= lastDate; date = addDays(date, 1)) {
    if ((perDay.get(date) ?? 0) >= (rules.maxPerDay ?? Infinity)) continue;
    for (const window of windowsFor(mentor, date)) {
      const windowStart = firstInstantAtOrAfter(date, window.start, zone);
      const windowEnd = firstInstantAtOrAfter(date, window.end, zone);
      for (let start = windowStart; start + length <= windowEnd; start += step) {
        if (start < fromMs || start >= toMs) continue;
        if (busy.some(([busyStart, busyEnd]) => start - before < busyEnd && start + length + after > busyStart)) continue;
        starts.add(start);
      }
    }
  }
  // Windows may overlap or be listed out of order: each start once, in order.
  return [...starts].sort((a, b) => a - b).map((start) => ({ start: new Date(start).toISOString(), end: new Date(start + length).toISOString() }));
}

/** True when `start` is one of the free slots right now (the re-check before a booking). */
export function isSlotFree(input: Omit<SlotInput, 'from' | 'to'> & { start: string }): boolean {
  const startMs = Date.parse(input.start);
  if (Number.isNaN(startMs)) return false;
  const slots = generateSlots({ ...input, from: new Date(startMs).toISOString(), to: new Date(startMs + MINUTE).toISOString() });
  return slots.some((s) => Date.parse(s.start) === startMs);
}
