/**
 * The record backends' (local, memory) rule for a mentee's attendance, loaded on first use: only
 * a confirmed booking whose session has ended (else `conflict`); `null` takes the word back.
 * Nobody is the mentor there, so the mentee's word is the record.
 */
import { MentorshipError } from '../errors.js';
import type { Attendance, Booking } from '../schemas.js';

export function withAttendance(booking: Booking, attendance: Attendance | null, now: string): Booking {
  if (booking.status !== 'confirmed') throw new MentorshipError('conflict', 'A cancelled booking has no attendance.');
  if (Date.parse(booking.end) > Date.parse(now)) throw new MentorshipError('conflict', 'This session has not ended yet; mark attendance afterwards.');
  const { attendance: _was, attendanceBy: _by, ...rest } = booking;
  return { ...rest, ...(attendance ? { attendance, attendanceBy: 'mentee' as const } : {}), updatedAt: now };
}
