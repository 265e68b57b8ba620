/**
 * The transactional outbox. `enqueueEvent` is called inside the transaction that makes a change
 * (a booking created, cancelled, moved; a series; a seat), so the event exists exactly when the
 * change does. It writes the event and one job per delivery: each subscribed webhook endpoint,
 * and for booking events the visitor's and the mentor's mail and their reminders. The worker
 * (./worker.ts) delivers the jobs afterwards, never inside the request.
 */
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db.js';

export const EVENT_TYPES = [
  'booking.created',
  'booking.cancelled',
  'booking.rescheduled',
  'series.created',
  'series.cancelled',
  'seat.waitlisted',
  'seat.promoted',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The JSON body every receiver gets. */
export interface EventPayload {
  type: EventType;
  /** When the change happened, ISO instant. */
  timestamp: string;
  data: Record<string, unknown>;
}

/** Mail jobs an event asks for (targets are recipient roles; addresses are looked up on delivery). */
const MAIL_TARGETS: Partial<Record<EventType, string[]>> = {
  'booking.created': ['visitor', 'mentor', 'reminder:visitor', 'reminder:mentor'],
  'booking.cancelled': ['visitor', 'mentor'],
  'booking.rescheduled': ['visitor', 'mentor', 'reminder:visitor', 'reminder:mentor'],
  // One mail listing every occurrence; a reminder before each (target `reminder:ROLE:BOOKING_ID`).
  'series.created': ['visitor', 'mentor', 'reminder:visitor', 'reminder:mentor'],
  'series.cancelled': ['visitor', 'mentor'],
  // A seat from the waitlist: its mail says a seat opened (the promotion's booking.created sends none).
  'seat.promoted': ['visitor', 'mentor', 'reminder:visitor', 'reminder:mentor'],
};

const newEventId = () => 'msg_' + randomBytes(16).toString('base64url');

/** Drops secrets a receiver must never see (a booking's cancel token). */
function publicData(data: Record<string, unknown>): Record<string, unknown> {
  const { cancelToken: _omit, ...rest } = data;
  return rest;
}

export interface EnqueueOptions {
  /** false: webhooks only, no mail jobs (a series' occurrences, whose mail is one for the series). */
  mail?: boolean;
  at?: Date;
}

/**
 * Records `type` with `data` (the whole object: a booking, a series, a seat) in `tx`. Returns the
 * event id. Reminders are due at the booking's start; the worker sends them its lead time before.
 */
export async function enqueueEvent(tx: Queryable, type: EventType, data: Record<string, unknown>, { mail = true, at = new Date() }: EnqueueOptions = {}): Promise<string> {
  const id = newEventId();
  const payload: EventPayload = { type, timestamp: at.toISOString(), data: publicData(data) };
  await tx.query('INSERT INTO outbox_events (id, type, payload) VALUES ($1, $2, $3)', [id, type, JSON.stringify(payload)]);
  await tx.query(
    `INSERT INTO outbox_jobs (event_id, channel, target)
     SELECT $1, 'webhook', id FROM webhook_endpoints WHERE cardinality(event_types) = 0 OR $2 = ANY (event_types)`,
    [id, type],
  );
  const targets = mail ? (MAIL_TARGETS[type] ?? []) : [];
  const start = typeof data.start === 'string' ? data.start : null;
  const occurrences = Array.isArray(data.bookings) ? (data.bookings as { id: string; start: string; status?: string }[]).filter((b) => b.status === 'confirmed') : null;
  for (const target of targets) {
    if (!target.startsWith('reminder:')) {
      await tx.query(`INSERT INTO outbox_jobs (event_id, channel, target) VALUES ($1, 'mail', $2)`, [id, target]);
      continue;
    }
    const due = occurrences ? occurrences.map((b) => ({ target: `${target}:${b.id}`, start: b.start })) : start ? [{ target, start }] : [];
    for (const job of due) await tx.query(`INSERT INTO outbox_jobs (event_id, channel, target, next_attempt_at) VALUES ($1, 'mail', $2, $3::timestamptz)`, [id, job.target, job.start]);
  }
  return id;
}
