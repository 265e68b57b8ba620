/**
 * Issue 17's remaining events through the outbox, signed as Standard Webhooks and verified with
 * the `standardwebhooks` library: `series.created` with the whole series, `seat.waitlisted` with
 * the entry, and on a promotion `seat.promoted` (the entry with its booking) plus `booking.created`
 * for the promoted booking; the mail telling the visitor a seat opened is queued with seat.promoted.
 * Cancelling a series sends `booking.cancelled` per cancelled occurrence and `series.cancelled`.
 * No event carries a cancel token.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import type { Catalog } from '../../src/sdk/schemas.js';
import { bookingBody, slotAt, TEST_CATALOG } from './harness.js';
import { startNotifiedServer, type NotifiedServer } from './notify-harness.js';
import { startReceiver, type Received, type Receiver } from './webhook-receiver.js';

const SECRET = 'whsec_' + Buffer.from('waitlist-webhooks-secret-32bytes').toString('base64');
const GROUP = 'circle';
const CATALOG: Catalog = {
  ...TEST_CATALOG,
  sessionTypes: [...TEST_CATALOG.sessionTypes, { id: GROUP, name: 'Circle', minutes: 60, frequency: 'biweekly', capacity: 2 }],
  mentors: [{ ...TEST_CATALOG.mentors[0]!, sessionTypeIds: ['hour', GROUP] }],
};

type Event = { type: string; timestamp: string; data: Record<string, any> };
const verify = (r: Received) => new Webhook(SECRET).verify(r.body, r.headers as Record<string, string>) as Event;

let server: NotifiedServer;
let receiver: Receiver;
before(async () => {
  receiver = await startReceiver();
  server = await startNotifiedServer({ webhookUrl: receiver.url, webhookSecret: SECRET }, { catalog: CATALOG });
});
after(async () => {
  await server.close();
  await receiver.close();
});

/** Waits for `count` more deliveries after `from`, verified. */
const events = async (from: number, count: number) => (await receiver.waitFor(from + count)).slice(from).map(verify);

describe('series and seat webhooks', () => {
  test('series.created carries the whole series with every booking, and no token', async () => {
    const from = receiver.received.length;
    const created = await server.api('/series', { method: 'POST', json: { ...bookingBody(slotAt(5, 9)), frequency: 'weekly', count: 3 } });
    assert.equal(created.status, 201);
    const series = await created.json();
    const [event] = await events(from, 1);
    assert.equal(event!.type, 'series.created');
    assert.equal(event!.data.id, series.id);
    assert.deepEqual(event!.data.bookings.map((b: { start: string }) => b.start), [slotAt(5, 9), slotAt(12, 9), slotAt(19, 9)]);
    assert.equal(event!.data.bookings[0].email, 'ada@example.org');
    assert.ok(!receiver.received.slice(from).some((r) => r.body.includes(series.cancelToken)));
    assert.ok(!receiver.received.slice(from).some((r) => r.body.includes('cancelToken')));
  });

  test('cancelling a series from its 2nd occurrence: booking.cancelled for each cancelled occurrence, then series.cancelled listing them', async () => {
    const before = receiver.received.length;
    const created = await server.api('/series', { method: 'POST', json: { ...bookingBody(slotAt(3, 13)), frequency: 'weekly', count: 3 } });
    assert.equal(created.status, 201);
    const series = await created.json();
    assert.equal((await events(before, 1))[0]!.type, 'series.created');
    const from = before + 1;
    const cancelled = await server.api(`/series/${series.id}/cancel`, { method: 'POST', headers: { 'Cancel-Token': series.cancelToken }, json: { from: series.bookings[1].start } });
    assert.equal(cancelled.status, 200);
    const after = await events(from, 3);
    assert.deepEqual(after.map((e) => e.type).sort(), ['booking.cancelled', 'booking.cancelled', 'series.cancelled']);
    const perBooking = after.filter((e) => e.type === 'booking.cancelled').map((e) => e.data).sort((a, b) => a.start.localeCompare(b.start));
    assert.deepEqual(perBooking.map((b) => b.id), [series.bookings[1].id, series.bookings[2].id]);
    for (const b of perBooking) {
      assert.equal(b.status, 'cancelled');
      assert.equal(b.seriesId, series.id);
      assert.equal(b.email, 'ada@example.org');
    }
    const whole = after.find((e) => e.type === 'series.cancelled')!.data;
    assert.equal(whole.id, series.id);
    assert.deepEqual(whole.cancelled.map((b: { id: string }) => b.id), [series.bookings[1].id, series.bookings[2].id]);
    assert.deepEqual(whole.bookings.map((b: { status: string }) => b.status), ['confirmed', 'cancelled', 'cancelled']);
    assert.ok(!receiver.received.slice(from).some((r) => r.body.includes('cancelToken')));
  });

  test('seat.waitlisted on joining; on a cancel seat.promoted and booking.created for the visitor who waited, and their confirmation mail', async () => {
    const start = slotAt(6, 9);
    const seated = [];
    const before = receiver.received.length;
    for (const email of ['s1@example.org', 's2@example.org']) seated.push(await (await server.api('/bookings', { method: 'POST', json: bookingBody(start, { sessionTypeId: GROUP, email }) })).json());
    await receiver.waitFor(before + 2);
    const from = receiver.received.length;
    const joined = await server.api('/waitlist', { method: 'POST', json: bookingBody(start, { sessionTypeId: GROUP, email: 'waiting@example.org', name: 'Wanda Waits' }) });
    assert.equal(joined.status, 201);
    const entry = await joined.json();
    const [waitlisted] = await events(from, 1);
    assert.equal(waitlisted!.type, 'seat.waitlisted');
    assert.equal(waitlisted!.data.id, entry.id);
    assert.equal(waitlisted!.data.status, 'waiting');
    assert.equal(waitlisted!.data.position, 1);
    assert.equal(waitlisted!.data.start, start);
    assert.equal('cancelToken' in waitlisted!.data, false);

    const cancelled = await server.api(`/bookings/${seated[0].id}/cancel`, { method: 'POST', headers: { 'Cancel-Token': seated[0].cancelToken } });
    assert.equal(cancelled.status, 200);
    const after = await events(from + 1, 3);
    const byType = Object.fromEntries(after.map((e) => [e.type, e]));
    assert.deepEqual(Object.keys(byType).sort(), ['booking.cancelled', 'booking.created', 'seat.promoted']);
    const promoted = byType['seat.promoted']!.data;
    assert.equal(promoted.id, entry.id);
    assert.equal(promoted.status, 'promoted');
    assert.equal(promoted.booking.email, 'waiting@example.org');
    assert.equal(promoted.booking.status, 'confirmed');
    assert.deepEqual(byType['booking.created']!.data, promoted.booking);
    assert.ok(!receiver.received.slice(from).some((r) => r.body.includes(entry.cancelToken) || r.body.includes('cancelToken')));

    // The promoted visitor's mail (a seat opened, not a plain confirmation) and the mentor's notice
    // wait in the same outbox as seat.promoted; the promotion's booking.created queues none.
    const mailOf = (type: string, path: string) =>
      server.db.query<{ target: string }>(
        `SELECT j.target FROM outbox_jobs j JOIN outbox_events e ON e.id = j.event_id WHERE j.channel = 'mail' AND e.type = $1 AND e.payload->'data'#>>$2 = $3 ORDER BY j.target`,
        [type, path, promoted.booking.id],
      );
    assert.deepEqual((await mailOf('seat.promoted', '{booking,id}')).map((m) => m.target), ['mentor', 'reminder:mentor', 'reminder:visitor', 'visitor']);
    assert.deepEqual(await mailOf('booking.created', '{id}'), []);
  });
});
