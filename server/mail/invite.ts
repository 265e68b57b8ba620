/**
 * The .ics an invitation mail carries: METHOD:REQUEST for a new or moved session, METHOD:CANCEL
 * when it is cancelled, one stable UID per booking and a SEQUENCE that grows with every change,
 * so calendars update the event they already hold (RFC 5546). Built with the SDK's ICS helpers.
 */
import { escapeIcsText, foldIcsLine, icsDateTime } from '../../src/sdk/export/ics.js';
import type { Booking } from '../../src/sdk/schemas.js';

export interface InviteInput {
  /** One VEVENT each (a series sends all its occurrences in one calendar object). */
  bookings: Booking[];
  method: 'REQUEST' | 'CANCEL';
  summary: string;
  description: string;
  organizer: { name: string; email: string };
  attendees: { name: string; email: string }[];
}

/** Seconds since the booking was made: later changes always carry a larger number. */
export const sequenceOf = (b: Booking) => Math.max(0, Math.floor((Date.parse(b.updatedAt) - Date.parse(b.createdAt)) / 1000));

const mailto = (p: { name: string; email: string }) => `CN=${JSON.stringify(p.name.replace(/["\r\n]/g, ''))}:mailto:${p.email}`;

export function inviteIcs(input: InviteInput): string {
  const { method } = input;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//mentorship-kit//server//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    ...input.bookings.flatMap((booking) => eventLines(booking, input)),
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}

function eventLines(booking: Booking, input: InviteInput): string[] {
  const { method } = input;
  return [
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(`${booking.id}@mentorship-kit`)}`,
    `DTSTAMP:${icsDateTime(booking.updatedAt)}`,
    `DTSTART:${icsDateTime(booking.start)}`,
    `DTEND:${icsDateTime(booking.end)}`,
    `SEQUENCE:${sequenceOf(booking)}`,
    `SUMMARY:${escapeIcsText(input.summary)}`,
    `DESCRIPTION:${escapeIcsText(input.description)}`,
    `ORGANIZER;${mailto(input.organizer)}`,
    ...input.attendees.map((a) => `ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE;${mailto(a)}`),
    `STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
  ];
}
