/**
 * Waitlist promotion on the server (issue 16): called inside every transaction that frees a seat
 * (a cancel, a move away, a series cancelled), under the mentor's advisory lock, so the freed seat
 * goes to the first in line (the same `planPromotions` the browser uses) before any other booking
 * can take it. The promoted booking gets the entry's cancel token, so the visitor who waited can
 * cancel it; `seat.promoted` (the entry, with its booking) and `booking.created` (with the
 * visitor's and mentor's mail) go through the outbox in the same transaction.
 */
import { newId } from '../src/sdk/ids.js';
import { hasSeats, planPromotions } from '../src/sdk/scheduling/waitlist.js';
import type { Booking, Catalog, WaitlistEntry } from '../src/sdk/schemas.js';
import type { BusyCalendars } from './calendar/busy.js';
import { overlapsBusy } from './calendar/busy.js';
import type { Queryable } from './db.js';
import { MINUTE } from './http.js';
import { blockedRange } from './routes/bookings.js';
import { busyNear } from './routes/slots.js';
import { occurrenceKey, seatFor } from './seats.js';
import { enqueueEvent } from './webhooks/outbox.js';

/** Promotes the lines of the occurrences `freed` (bookings as they were) gave seats up in; returns how many were promoted. */
export async function promoteWaitlist(tx: Queryable, catalog: Catalog, freed: readonly Booking[], nowMs: number, busy?: BusyCalendars): Promise<WaitlistEntry[]> {
  const promoted: WaitlistEntry[] = [];
  const done = new Set<string>();
  for (const old of freed) {
    const mentor = catalog.mentors.find((m) => m.id === old.mentorId);
    const sessionType = catalog.sessionTypes.find((t) => t.id === old.sessionTypeId);
    if (!mentor || !sessionType || !hasSeats(sessionType)) continue;
    const occurrence = occurrenceKey(sessionType, old)!;
    if (done.has(`${mentor.id}|${occurrence}`)) continue;
    done.add(`${mentor.id}|${occurrence}`);
    // Re-entrant: the route may hold it already; every seat decision for this mentor is serialised.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [mentor.id]);
    const line = await tx.query<{ doc: WaitlistEntry; cancel_token_hash: string }>(
      `SELECT doc, cancel_token_hash FROM waitlist WHERE mentor_id = $1 AND occurrence = $2 AND status = 'waiting' ORDER BY seq FOR UPDATE`,
      [mentor.id, occurrence],
    );
    if (!line.length) continue;
    const startMs = Date.parse(old.start);
    const endMs = startMs + sessionType.minutes * MINUTE;
    // The mentor's own calendar has them busy then: no one is promoted (as no one could book).
    if (busy && overlapsBusy(await busy.intervals(mentor, startMs, endMs, tx), startMs, endMs)) continue;
    const near = await busyNear(tx, mentor.id, startMs, startMs + 1);
    // The per-visitor cap counts every upcoming booking with the mentor, not only those near.
    const upcoming = mentor.rules.maxActivePerVisitor === undefined ? [] : await tx.query<{ doc: Booking }>(`SELECT doc FROM bookings WHERE mentor_id = $1 AND status = 'confirmed' AND start_at > $2`, [mentor.id, new Date(nowMs).toISOString()]);
    const bookings = [...new Map([...near, ...upcoming.map((r) => r.doc)].map((b) => [b.id, b])).values()];
    const tokens = new Map(line.map((r) => [r.doc.id, r.cancel_token_hash]));
    const now = new Date(nowMs).toISOString();
    for (const { entry, booking } of planPromotions({ mentor, sessionType, bookings, entries: line.map((r) => r.doc), start: old.start, now, newBookingId: () => newId('b-') })) {
      const seat = await seatFor(tx, mentor.id, sessionType, booking);
      await tx.query(
        `INSERT INTO bookings (id, mentor_id, mentee_id, status, blocked, start_at, cancel_token_hash, doc, occurrence, seat, capacity)
         VALUES ($1, $2, $3, 'confirmed', $4::tstzrange, $5, $6, $7, $8, $9, $10)`,
        [booking.id, mentor.id, booking.menteeId ?? null, blockedRange(mentor, booking.start, booking.end), booking.start, tokens.get(entry.id), JSON.stringify(booking), seat.occurrence, seat.seat, seat.capacity],
      );
      const { booking: _inline, ...doc } = entry;
      await tx.query(`UPDATE waitlist SET status = 'promoted', booking_id = $2, doc = $3 WHERE id = $1`, [entry.id, booking.id, JSON.stringify(doc)]);
      await enqueueEvent(tx, 'seat.promoted', entry);
      await enqueueEvent(tx, 'booking.created', booking, { mail: false }); // seat.promoted's mail tells it
      promoted.push(entry);
    }
  }
  return promoted;
}
