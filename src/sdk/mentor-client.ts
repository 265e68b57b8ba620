/**
 * `client.mentor`: a mentor's own schedule, for a site's mentor dashboard. It needs a backend with
 * the mentor role: the HTTP backend against the reference server with a mentor's bearer token
 * (`role: "mentor"`, `sub` = the mentor's catalog id). The local and memory backends have no
 * accounts, so no mentor: there every call fails with `invalid-input` saying so.
 */
import type { Backend } from './backends/backend.js';
import { MentorshipError } from './errors.js';
import * as V from './generated/validators.js';
import type { Attendance, Booking, MentorBookingPage, MentorBookingQuery } from './schemas.js';
import { parseOrThrow } from './validate.js';

export function mentorResource(backend: Backend, call: <T>(operation: () => Promise<T>) => Promise<T>, announce: (booking: Booking) => Booking) {
  const need = <K extends 'listMentorBookings' | 'markMentorAttendance'>(name: K): NonNullable<Backend[K]> => {
    const method = backend[name];
    if (!method) throw new MentorshipError('invalid-input', `The ${backend.kind} backend has no mentor role: use the HTTP backend with a mentor's token.`);
    return method.bind(backend) as NonNullable<Backend[K]>;
  };
  return {
    /**
     * One page of the mentor's bookings, any status unless `status`, by start within
     * [`from`, `to`); pass the page's `nextCursor` back as `cursor` for the next (null: last page).
     */
    bookings: (query: MentorBookingQuery = {}): Promise<MentorBookingPage> =>
      call(() => need('listMentorBookings')(parseOrThrow(V.MentorBookingQuery, query, 'mentor booking query'))),
    /** Marks one of the mentor's bookings, once its session has ended, attended or a no-show. */
    markAttendance: (bookingId: string, attendance: Attendance): Promise<Booking> =>
      call(async () => {
        parseOrThrow(V.Id, bookingId, 'booking id');
        parseOrThrow(V.Attendance, attendance, 'attendance');
        return announce(await need('markMentorAttendance')(bookingId, attendance));
      }),
  };
}
