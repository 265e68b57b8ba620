/**
 * `client.mentor` (loaded on first use): a mentor's own schedule, for a site's mentor dashboard.
 * It needs a backend with the mentor role: the HTTP backend against the reference server with a
 * mentor's bearer token (`role: "mentor"`, `sub` = the mentor's catalog id). The local and memory
 * backends have no accounts, so no mentor: there every call fails with `invalid-input` saying so.
 */
import type { Backend } from './backends/backend.js';
import { MentorshipError } from './errors.js';
import { loadValidation } from './load-validation.js';
import type { Attendance, Booking, MentorBookingPage, MentorBookingQuery } from './schemas.js';

function need<K extends 'listMentorBookings' | 'markMentorAttendance'>(backend: Backend, name: K): NonNullable<Backend[K]> {
  const method = backend[name];
  if (!method) throw new MentorshipError('invalid-input', `The ${backend.kind} backend has no mentor role: use the HTTP backend with a mentor's token.`);
  return method.bind(backend) as NonNullable<Backend[K]>;
}

export async function mentorBookings(backend: Backend, query: MentorBookingQuery): Promise<MentorBookingPage> {
  const { V, parseOrThrow } = await loadValidation();
  return need(backend, 'listMentorBookings')(parseOrThrow(V.MentorBookingQuery, query, 'mentor booking query'));
}

export async function markMentorAttendance(backend: Backend, bookingId: string, attendance: Attendance): Promise<Booking> {
  const { V, parseOrThrow } = await loadValidation();
  parseOrThrow(V.Id, bookingId, 'booking id');
  parseOrThrow(V.Attendance, attendance, 'attendance');
  return need(backend, 'markMentorAttendance')(bookingId, attendance);
}
