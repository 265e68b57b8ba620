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
 * - Weekly cap: a new session may not take the mentor's booked time in its mentor-local week
 *   (Monday–Sunday) past `maxHoursPerWeek`.
 * - Seats: a session type with `capacity` > 1 is a group session. Its bookings at one start are
 *   ONE occurrence: it blocks the mentor's time (with buffers) once, counts once toward the caps,
 *   and stays on offer, with `seatsLeft`, until `capacity` visitors hold a seat. Joining an
 *   occurrence adds no mentor time, so the caps do not stop it.
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

  const capacity = sessionType.capacity ?? 1;
  // Busy intervals, each widened by the booking's own buffers, once per occurrence (a group
  // session's seats share one); occurrences per mentor-local day, minutes per week.
  const busy: [start: number, end: number, seatOf: number | undefined][] = [];
  const seatsTaken = new Map<number, number>();
  const occurrences = new Set<string>();
  const perDay = new Map<string, number>();
  const perWeek = new Map<string, number>();
  for (const b of input.bookings) {
    if (b.status !== 'confirmed' || b.mentorId !== mentor.id || b.id === input.ignoreBookingId) continue;
    const start = Date.parse(b.start);
    const end = Date.parse(b.end);
    // A seat in an occurrence of the type asked for: that occurrence's seats, not busy time for it.
    const seatOf = capacity > 1 && b.sessionTypeId === sessionType.id ? start : undefined;
    if (seatOf !== undefined) seatsTaken.set(start, (seatsTaken.get(start) ?? 0) + 1);
    const occurrence = `${b.sessionTypeId}@${start}`;
    if (occurrences.has(occurrence)) continue;
    occurrences.add(occurrence);
    busy.push([start - before, end + after, seatOf]);
    const date = dateInZone(start, zone);
    perDay.set(date, (perDay.get(date) ?? 0) + 1);
    const week = weekOf(date);
    perWeek.set(week, (perWeek.get(week) ?? 0) + (end - start));
  }
  const weekLimit = (rules.maxHoursPerWeek ?? Infinity) * 60 * MINUTE;

  const starts = new Map<number, number | undefined>();
  const lastDate = dateInZone(toMs, zone);
  for (let date = dateInZone(fromMs, zone); date <= lastDate; date = addDays(date, 1)) {
    // A full day or week still lets visitors join an occurrence that has seats left.
    const capped = (perDay.get(date) ?? 0) >= (rules.maxPerDay ?? Infinity) || (perWeek.get(weekOf(date)) ?? 0) + length > weekLimit;
    for (const window of windowsFor(mentor, date)) {
      const windowStart = firstInstantAtOrAfter(date, window.start, zone);
      const windowEnd = firstInstantAtOrAfter(date, window.end, zone);
      for (let start = windowStart; start + length <= windowEnd; start += step) {
        if (start < fromMs || start >= toMs) continue;
        const taken = seatsTaken.get(start) ?? 0;
        if (taken >= capacity || (capped && !taken)) continue;
        if (busy.some(([busyStart, busyEnd, seatOf]) => seatOf !== start && start - before < busyEnd && start + length + after > busyStart)) continue;
        starts.set(start, capacity > 1 ? capacity - taken : undefined);
      }
    }
  }
  // Windows may overlap or be listed out of order: each start once, in order.
  return [...starts]
    .sort(([a], [b]) => a - b)
    .map(([start, seatsLeft]) => ({ start: new Date(start).toISOString(), end: new Date(start + length).toISOString(), ...(seatsLeft ? { seatsLeft } : {}) }));
}

/** The Monday (a mentor-local date) of the week holding `date`. */
const weekOf = (date: string) => addDays(date, 1 - isoWeekday(date));

/** True when `start` is one of the free slots right now (the re-check before a booking). */
export function isSlotFree(input: Omit<SlotInput, 'from' | 'to'> & { start: string }): boolean {
  const startMs = Date.parse(input.start);
  if (Number.isNaN(startMs)) return false;
  const slots = generateSlots({ ...input, from: new Date(startMs).toISOString(), to: new Date(startMs + MINUTE).toISOString() });
  return slots.some((s) => Date.parse(s.start) === startMs);
}
