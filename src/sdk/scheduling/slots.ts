/**
 * Free slots from a mentor's availability rules, as UTC instants. Pure: everything it needs,
 * including "now", comes in as arguments.
 */
import type { AvailabilityWindow, Booking, Mentor, SessionType, Slot } from '../schemas.js';
import { addDays, dateInZone, isoWeekday, wallTimeToInstant } from './zone.js';

const MINUTE = 60_000;

export interface SlotInput {
  mentor: Mentor;
  sessionType: SessionType;
  /** The mentor's bookings; only confirmed ones block time. */
  bookings: readonly Booking[];
  /** Range of slot starts, ISO instants: [from, to). */
  from: string;
  to: string;
  now: string;
  /** A booking to ignore (the one being rescheduled). */
  ignoreBookingId?: string;
}

function windowsFor(mentor: Mentor, date: string): AvailabilityWindow[] {
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
  const fromMs = Math.max(Date.parse(input.from), Date.parse(input.now) + rules.minimumNoticeMinutes * MINUTE);
  const toMs = Math.min(Date.parse(input.to), Date.parse(input.now) + rules.horizonDays * 1440 * MINUTE);
  if (!(fromMs < toMs)) return [];

  const busy = input.bookings
    .filter((b) => b.status === 'confirmed' && b.mentorId === mentor.id && b.id !== input.ignoreBookingId)
    .map((b) => ({
      start: Date.parse(b.start) - rules.bufferBeforeMinutes * MINUTE,
      end: Date.parse(b.end) + rules.bufferAfterMinutes * MINUTE,
      date: dateInZone(Date.parse(b.start), zone),
    }));

  const slots: Slot[] = [];
  const lastDate = dateInZone(toMs, zone);
  for (let date = dateInZone(fromMs, zone); date <= lastDate; date = addDays(date, 1)) {
    let taken = busy.filter((b) => b.date === date).length;
    const daySlots: Slot[] = [];
    for (const window of windowsFor(mentor, date)) {
      const windowStart = firstInstantAtOrAfter(date, window.start, zone);
      const windowEnd = window.end === '24:00' ? firstInstantAtOrAfter(addDays(date, 1), '00:00', zone) : firstInstantAtOrAfter(date, window.end, zone);
      // Step in real minutes from the window's start, so a DST change inside the window
      // neither invents nor drops an hour.
      for (let start = windowStart; start + length <= windowEnd; start += step) {
        if (start < fromMs || start >= toMs) continue;
        const end = start + length;
        const blocked = busy.some(
          (b) => start - rules.bufferBeforeMinutes * MINUTE < b.end && end + rules.bufferAfterMinutes * MINUTE > b.start,
        );
        if (!blocked) daySlots.push({ start: new Date(start).toISOString(), end: new Date(end).toISOString() });
      }
    }
    if (rules.maxPerDay !== undefined && taken >= rules.maxPerDay) continue;
    slots.push(...daySlots);
  }
  return slots.sort((a, b) => a.start.localeCompare(b.start));
}

/** Wall time → instant, moving forward past a spring-forward gap to the first real instant. */
function firstInstantAtOrAfter(date: string, time: string, zone: string): number {
  const exact = wallTimeToInstant(date, time, zone);
  if (exact !== null) return exact;
  const [h, m] = time.split(':').map(Number) as [number, number];
  for (let minutes = h * 60 + m + 1; minutes < 24 * 60; minutes++) {
    const t = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const instant = wallTimeToInstant(date, t, zone);
    if (instant !== null) return instant;
  }
  throw new Error(`No valid time on ${date} in ${zone}`);
}

/** True when `start` is one of the free slots right now (the re-check before a booking). */
export function isSlotFree(input: Omit<SlotInput, 'from' | 'to'> & { start: string }): boolean {
  const startMs = Date.parse(input.start);
  const slots = generateSlots({ ...input, from: new Date(startMs).toISOString(), to: new Date(startMs + MINUTE).toISOString() });
  return slots.some((s) => Date.parse(s.start) === startMs);
}
