/**
 * Delivers the outbox's mail jobs through nodemailer (SMTP_URL, MAIL_FROM): the visitor's
 * confirmation with a METHOD:REQUEST invitation, the mentor's notice (to Mentor.email), METHOD:CANCEL
 * on cancellation, the new time on a reschedule, and reminders before the session; for a series one
 * mail listing its occurrences (one VEVENT each) and a reminder before each. Addresses and
 * names are read when the job runs; a reminder whose booking was cancelled or moved is skipped.
 * Without a transport nothing is sent (in dev the log says where it would have gone).
 */
import type { Transporter } from 'nodemailer';
import type { Booking } from '../../src/sdk/schemas.js';
import type { Queryable } from '../db.js';
import type { CatalogSource } from '../http.js';
import type { ClaimedJob, Deliver } from '../webhooks/worker.js';
import { inviteIcs } from './invite.js';
import { composeMail, composeSeriesMail, type MailKind, type Role, type SeriesKind } from './messages.js';

export interface MailOptions {
  db: Queryable;
  catalog: CatalogSource;
  /** nodemailer transport (from SMTP_URL); without one, mail is only logged in dev. */
  transport?: Transporter | null;
  /** The From address (MAIL_FROM). */
  from?: string;
  /** Minutes before the start that reminders go (REMINDER_MINUTES, default 1440; 0 = none). */
  reminderMinutes?: number;
  /** Log what would have been sent when there is no transport. */
  dev?: boolean;
  log?: (message: string) => void;
}

const KIND: Record<string, MailKind> = { 'booking.created': 'confirmed', 'booking.rescheduled': 'moved', 'booking.cancelled': 'cancelled', 'seat.promoted': 'promoted' };
const SERIES_KIND: Record<string, SeriesKind> = { 'series.created': 'series-confirmed', 'series.cancelled': 'series-cancelled' };

export function mailDelivery(options: MailOptions): Deliver {
  const reminderMinutes = options.reminderMinutes ?? 1440;
  const log = options.log ?? ((m: string) => console.log(m));
  return async (job: ClaimedJob) => {
    // Targets: `visitor`, `mentor`, `reminder:ROLE`, and for a series' occurrence `reminder:ROLE:BOOKING_ID`.
    const [first, second, occurrenceId] = job.target.split(':');
    const reminder = first === 'reminder';
    const role = (reminder ? second : first) as Role;
    const data = job.payload.data as Record<string, unknown>;
    const seriesKind = reminder ? undefined : SERIES_KIND[job.payload.type];
    // A series mail lists its occurrences: all it booked, or those just cancelled.
    const occurrences = seriesKind ? ((seriesKind === 'series-cancelled' ? data.cancelled : data.bookings) as Booking[] | undefined) : undefined;
    // seat.promoted carries the waitlist entry, with the booking it became.
    const single = job.payload.type === 'seat.promoted' ? data.booking : data;
    let booking = (occurrenceId ? (data.bookings as Booking[] | undefined)?.find((b) => b.id === occurrenceId) : occurrences ? occurrences[0] : single) as (Booking & { previousStart?: string }) | undefined;
    const kind: MailKind | SeriesKind | undefined = reminder ? 'reminder' : (seriesKind ?? KIND[job.payload.type]);
    if (!kind || !booking || (role !== 'visitor' && role !== 'mentor')) return { outcome: 'skipped', reason: `no mail for ${job.payload.type} to ${job.target}` };

    if (reminder) {
      if (reminderMinutes === 0) return { outcome: 'skipped', reason: 'reminders are off (REMINDER_MINUTES=0)' };
      const [row] = await options.db.query<{ doc: Booking }>('SELECT doc FROM bookings WHERE id = $1', [booking.id]);
      if (!row || row.doc.status !== 'confirmed' || row.doc.start !== booking.start) return { outcome: 'skipped', reason: 'the booking was cancelled or moved' };
      const remindAt = Date.parse(booking.start) - reminderMinutes * 60_000;
      if (Date.parse(row.doc.createdAt) > remindAt) return { outcome: 'skipped', reason: 'booked inside the reminder window' };
      if (Date.now() >= Date.parse(booking.start)) return { outcome: 'skipped', reason: 'the session has started' };
      booking = row.doc;
    }

    const catalog = await options.catalog.get();
    const mentor = catalog.mentors.find((m) => m.id === booking.mentorId);
    const sessionTypeName = catalog.sessionTypes.find((t) => t.id === booking.sessionTypeId)?.name ?? booking.sessionTypeId;
    const mentorName = mentor?.name ?? booking.mentorId;
    const to = role === 'visitor' ? booking.email : mentor?.email;
    if (!to) return { outcome: 'skipped', reason: 'the mentor has no email in the catalog' };

    const timeZone = role === 'visitor' ? booking.timeZone : (mentor?.timeZone ?? 'UTC');
    const mail =
      seriesKind && occurrences
        ? composeSeriesMail({ kind: seriesKind, role, bookings: occurrences, mentorName, sessionTypeName, timeZone, ...(seriesKind === 'series-confirmed' ? { skipped: data.skipped as string[] | undefined } : {}) })
        : composeMail({ kind: kind as MailKind, role, booking, mentorName, sessionTypeName, timeZone });
    if (!options.transport) {
      if (options.dev) log(`mail not sent (no SMTP_URL): to ${to}: ${mail.subject}`);
      return { outcome: 'skipped', reason: 'no SMTP_URL' };
    }
    const method = kind === 'cancelled' || kind === 'series-cancelled' ? 'CANCEL' : 'REQUEST';
    const organizer = { name: mentorName, email: mentor?.email ?? options.from ?? 'mentorship@localhost' };
    const ics =
      kind === 'reminder'
        ? undefined
        : inviteIcs({
            bookings: occurrences ?? [booking],
            method,
            summary: `${sessionTypeName}: ${booking.name} / ${mentorName}`,
            description: mail.text,
            organizer,
            attendees: [{ name: booking.name, email: booking.email }],
          });
    try {
      const info = await options.transport.sendMail({
        from: options.from,
        to,
        subject: mail.subject,
        text: mail.text,
        headers: { 'Content-Language': mail.language, 'X-Mentorship-Event-Id': job.eventId },
        ...(ics ? { icalEvent: { method, filename: 'invite.ics', content: ics } } : {}),
      });
      return { outcome: 'delivered', status: Number(/^(\d{3})/.exec(String(info.response))?.[1] ?? 250) };
    } catch (error) {
      const e = error as Error & { responseCode?: number };
      return { outcome: 'failed', status: e.responseCode, error: `SMTP: ${e.message}` };
    }
  };
}
