/**
 * `client.bookings.markAttendance`: the mentee's word on a booking that has ended. Attended, it
 * counts as a session of the booking's length; no-show (or `null`, taking the word back), it does
 * not. The session's id comes from the booking's, so marking twice, in two tabs or after a reload
 * writes the one same session: a booking counts once at most.
 */
import type { Backend } from './backends/backend.js';
import { MentorshipError } from './errors.js';
import { nowIso } from './ids.js';
import { loadValidation } from './load-validation.js';
import type { Attendance, Booking, Catalog, Session } from './schemas.js';

/** The id of the session an attended booking counts as. */
export const attendedSessionId = (bookingId: string) => `attended:${bookingId}`;

/** What an attended booking counts as: its start, its length in 15-minute steps, its session type as the activity. */
export function sessionOfBooking(booking: Booking, catalog: Catalog | null): Session {
  const minutes = Math.min(600, Math.max(15, Math.round((Date.parse(booking.end) - Date.parse(booking.start)) / 900_000) * 15));
  const mentor = catalog?.mentors.find((m) => m.id === booking.mentorId)?.name ?? '';
  const stamp = nowIso();
  return { id: attendedSessionId(booking.id), start: booking.start, minutes, activity: booking.sessionTypeId, mentor, notes: '', tags: [], source: 'booking', bookingId: booking.id, createdAt: stamp, updatedAt: stamp };
}

export interface AttendanceResult {
  booking: Booking;
  /** The session the booking counts as; null when it counts as none. */
  session: Session | null;
  /** The session this call removed (no-show or undo after attended), if any. */
  removed: Session | null;
}

/** The client's change announcement. */
export interface Announce {
  (resource: 'booking', kind: 'updated', booking: Booking): unknown;
  (resource: 'session', kind: 'added' | 'removed', session: Session): unknown;
}

export async function markAttendance(backend: Backend, catalog: () => Promise<Catalog | null>, announce: Announce, id: string, attendance: Attendance | null): Promise<AttendanceResult> {
  const { V, parseOrThrow } = await loadValidation();
  parseOrThrow(V.Id, id, 'booking id');
  if (attendance !== null) parseOrThrow(V.Attendance, attendance, 'attendance');
  if (!backend.setBookingAttendance) throw new MentorshipError('invalid-input', `The ${backend.kind} backend does not record attendance.`);
  // The booking first: the backend refuses a session not ended yet, a cancelled one, or a word
  // against the mentor's; only then does the session follow.
  const booking = await backend.setBookingAttendance(id, attendance);
  announce('booking', 'updated', booking);
  const sessionId = attendedSessionId(id);
  const stored = backend.getSession ? await backend.getSession(sessionId) : (await backend.listSessions()).find((s) => s.id === sessionId);
  if (attendance === 'attended') {
    if (stored) return { booking, session: stored, removed: null };
    const session = await backend.putSession(sessionOfBooking(booking, await catalog()));
    announce('session', 'added', session);
    return { booking, session, removed: null };
  }
  if (stored) {
    await backend.deleteSession(sessionId, stored.version);
    announce('session', 'removed', stored);
  }
  return { booking, session: null, removed: stored ?? null };
}
