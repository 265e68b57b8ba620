/**
 * Seats and booking policies on the server (issue 16): which occurrence and seat a booking takes,
 * and the visitor checks that need the database. Called inside the booking transaction, after
 * the mentor's advisory lock, so the decision and the write are one atomic step; the schema
 * (migration 003) is the last word: one seat per row, never more seats than the capacity.
 */
import { assertVisitorCap } from '../src/sdk/scheduling/policies.js';
import type { Booking, Mentor, SessionType } from '../src/sdk/schemas.js';
import type { Queryable } from './db.js';
import { HttpProblem } from './problem.js';

export interface SeatColumns {
  occurrence: string | null;
  seat: number;
  capacity: number;
}

/** The occurrence a booking belongs to: shared by the seats of one group session; null = its own. */
export function occurrenceKey(sessionType: SessionType, booking: Pick<Booking, 'start'>): string | null {
  return (sessionType.capacity ?? 1) > 1 ? `${sessionType.id}@${new Date(booking.start).toISOString()}` : null;
}

/** The lowest free seat of the booking's occurrence (1 for a one-to-one session). */
export async function seatFor(q: Queryable, mentorId: string, sessionType: SessionType, booking: Pick<Booking, 'id' | 'start'>): Promise<SeatColumns> {
  const capacity = sessionType.capacity ?? 1;
  const occurrence = occurrenceKey(sessionType, booking);
  if (occurrence === null) return { occurrence, seat: 1, capacity: 1 };
  const rows = await q.query<{ seat: number }>(
    `SELECT seat FROM bookings WHERE mentor_id = $1 AND occurrence = $2 AND status = 'confirmed' AND id <> $3`,
    [mentorId, occurrence, booking.id],
  );
  const taken = new Set(rows.map((r) => r.seat));
  let seat = 1;
  while (taken.has(seat)) seat++;
  if (seat > capacity) throw new HttpProblem(409, 'That group session is full. Please choose another time.');
  return { occurrence, seat, capacity };
}

/** Enforces `maxActivePerVisitor` from the mentor's stored upcoming bookings. */
export async function checkVisitorCap(q: Queryable, mentor: Mentor, request: Pick<Booking, 'email' | 'menteeId'>, now: number, ignoreBookingId?: string): Promise<void> {
  if (mentor.rules.maxActivePerVisitor === undefined) return;
  const rows = await q.query<{ doc: Booking }>(
    `SELECT doc FROM bookings WHERE mentor_id = $1 AND status = 'confirmed' AND start_at > $2`,
    [mentor.id, new Date(now).toISOString()],
  );
  assertVisitorCap(mentor, request, rows.map((r) => r.doc), now, ignoreBookingId);
}
