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
};

const newEventId = () => 'msg_' + randomBytes(16).toString('base64url');

/** Drops secrets a receiver must never see (a booking's cancel token). */
function publicData(data: Record<string, unknown>): Record<string, unknown> {
  const { cancelToken: _omit, ...rest } = data;
  return rest;
}

/**
 * Records `type` with `data` (the whole object: a booking, a series, a seat) in `tx`. Returns the
 * event id. Reminders are due at the booking's start; the worker sends them its lead time before.
 */
export async function enqueueEvent(tx: Queryable, type: EventType, data: Record<string, unknown>, at = new Date()): Promise<string> {
  const id = newEventId();
  const payload: EventPayload = { type, timestamp: at.toISOString(), data: publicData(data) };
  await tx.query('INSERT INTO outbox_events (id, type, payload) VALUES ($1, $2, $3)', [id, type, JSON.stringify(payload)]);
  await tx.query(
    `INSERT INTO outbox_jobs (event_id, channel, target)
     SELECT $1, 'webhook', id FROM webhook_endpoints WHERE cardinality(event_types) = 0 OR $2 = ANY (event_types)`,
    [id, type],
  );
  const targets = MAIL_TARGETS[type] ?? [];
  const start = typeof data.start === 'string' ? data.start : null;
  for (const target of targets) {
    const reminder = target.startsWith('reminder:');
    if (reminder && !start) continue;
    await tx.query(`INSERT INTO outbox_jobs (event_id, channel, target, next_attempt_at) VALUES ($1, 'mail', $2, ${reminder ? '$3::timestamptz' : 'now()'})`, reminder ? [id, target, start] : [id, target]);
  }
  return id;
}
