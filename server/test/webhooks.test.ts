/**
 * Webhooks: Standard Webhooks signatures a real verifier accepts, the outbox written with the
 * booking, retries with the same webhook-id, dead letters, the admin API, several workers on one
 * database, and a worker that dies mid-delivery.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, sign, webhookHeaders } from '../webhooks/signing.js';
import { DEFAULT_RETRY_SCHEDULE, startOutboxWorker } from '../webhooks/worker.js';
import { webhookDelivery } from '../webhooks/delivery.js';
import { enqueueEvent } from '../webhooks/outbox.js';
import { bookingBody, slotAt } from './harness.js';
import { startNotifiedServer, type NotifiedServer } from './notify-harness.js';
import { startReceiver, type Received, type Receiver } from './webhook-receiver.js';

const SECRET = 'whsec_' + Buffer.from('0123456789abcdef0123456789abcdef').toString('base64');

const verify = (r: Received, secret = SECRET) => new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as { type: string; timestamp: string; data: Record<string, unknown> };

describe('Standard Webhooks signing', () => {
  test('our signature is what the standardwebhooks library expects, and a changed body fails', () => {
    const id = 'msg_test';
    const ts = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({ type: 'booking.created', timestamp: new Date().toISOString(), data: { id: 'b-1' } });
    const headers = webhookHeaders([SECRET], id, ts, body);
    assert.match(headers['webhook-signature']!, /^v1,[A-Za-z0-9+/]+=*$/);
    assert.deepEqual(new Webhook(SECRET).verify(body, headers), JSON.parse(body));
    assert.throws(() => new Webhook(SECRET).verify(body.replace('b-1', 'b-2'), headers));
    assert.throws(() => new Webhook(newWebhookSecret()).verify(body, headers));
  });

  test('the Standard Webhooks specification example signature', () => {
    // From the specification's test vectors (https://github.com/standard-webhooks/standard-webhooks).
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    assert.equal(sign(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body), 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  test('retry schedule: first retry within seconds, retries for at least 24 hours', () => {
    assert.ok(DEFAULT_RETRY_SCHEDULE[0]! <= 10);
    assert.ok(DEFAULT_RETRY_SCHEDULE.reduce((a, b) => a + b, 0) >= 24 * 3600);
  });
});

// One server for the file (PGlite takes seconds to start); the last suite stops its worker.
let server: NotifiedServer;
let receiver: Receiver;
before(async () => {
  receiver = await startReceiver();
  server = await startNotifiedServer({ webhookUrl: receiver.url, webhookSecret: SECRET, retrySchedule: [0.3, 0.3] });
});
after(async () => {
  await server.close();
  await receiver.close();
});

describe('booking webhooks from WEBHOOK_URL', () => {

  test('created, rescheduled and cancelled arrive signed, with the whole booking and no cancel token', async () => {
    const created = await server.api('/bookings', { method: 'POST', json: bookingBody(slotAt(6, 9)) });
    assert.equal(created.status, 201);
    const booking = await created.json();
    const moved = await server.api(`/bookings/${booking.id}/reschedule`, { method: 'POST', json: { start: slotAt(6, 12) }, headers: { 'Cancel-Token': booking.cancelToken } });
    assert.equal(moved.status, 200);
    const cancelled = await server.api(`/bookings/${booking.id}/cancel`, { method: 'POST', headers: { 'Cancel-Token': booking.cancelToken } });
    assert.equal(cancelled.status, 200);
    const received = await receiver.waitFor(3);
    const events = received.map((r) => verify(r)).sort((a, b) => a.type.localeCompare(b.type));
    assert.deepEqual(events.map((e) => e.type), ['booking.cancelled', 'booking.created', 'booking.rescheduled']);
    for (const e of events) {
      assert.equal(e.data.id, booking.id);
      assert.equal(e.data.email, 'ada@example.org');
      assert.equal('cancelToken' in e.data, false);
      assert.ok(!received.some((r) => r.body.includes(booking.cancelToken)));
    }
    assert.equal(events[1]!.data.start, slotAt(6, 9));
    assert.equal(events[2]!.data.start, slotAt(6, 12));
    assert.equal(events[2]!.data.previousStart, slotAt(6, 9));
    assert.equal(events[0]!.data.status, 'cancelled');
    assert.equal(new Set(received.map((r) => r.headers['webhook-id'])).size, 3);
  });

  test('a refused booking (slot taken) sends nothing: the event is written with the booking or not at all', async () => {
    const before = receiver.received.length;
    const first = await server.api('/bookings', { method: 'POST', json: bookingBody(slotAt(7, 9)) });
    assert.equal(first.status, 201);
    const second = await server.api('/bookings', { method: 'POST', json: bookingBody(slotAt(7, 9)) });
    assert.equal(second.status, 409);
    await receiver.waitFor(before + 1);
    const [{ count }] = await server.db.query<{ count: number }>(`SELECT count(*)::int AS count FROM outbox_events WHERE payload->'data'->>'start' = $1`, [slotAt(7, 9)]);
    assert.equal(count, 1);
  });

  test('a receiver that fails the first delivery gets it again with the same webhook-id', async () => {
    const before = receiver.received.length;
    receiver.respond = (_r, i) => (i === before ? 503 : 204);
    const created = await server.api('/bookings', { method: 'POST', json: bookingBody(slotAt(8, 9)) });
    assert.equal(created.status, 201);
    const [first, second] = (await receiver.waitFor(before + 2)).slice(before);
    assert.equal(second!.headers['webhook-id'], first!.headers['webhook-id']);
    assert.equal(verify(second!).data.id, (await created.json()).id);
    receiver.respond = () => 204;
    const deliveries = await (await server.api('/webhooks/env/deliveries', { token: await server.token('root', 'admin') })).json();
    const job = deliveries.items.find((d: { eventId: string }) => d.eventId === first!.headers['webhook-id']);
    assert.equal(job.status, 'delivered');
    assert.equal(job.attempts, 2);
  });

  test('a receiver that keeps failing: the delivery goes dead, the admin sees it and sends it again', async () => {
    const admin = await server.token('root', 'admin');
    const before = receiver.received.length;
    receiver.respond = () => 500;
    assert.equal((await server.api('/bookings', { method: 'POST', json: bookingBody(slotAt(9, 9)) })).status, 201);
    await receiver.waitFor(before + 3); // the first attempt and the two retries of the schedule
    let dead: { id: string; status: string; attempts: number; lastStatus: number; lastError: string }[] = [];
    for (let i = 0; i < 50 && !dead.length; i++) {
      dead = (await (await server.api('/webhooks/env/deliveries?status=dead', { token: admin })).json()).items;
      if (!dead.length) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(dead.length, 1);
    assert.equal(dead[0]!.attempts, 3);
    assert.equal(dead[0]!.lastStatus, 500);
    assert.match(dead[0]!.lastError, /HTTP 500/);
    receiver.respond = () => 204;
    const retry = await server.api(`/outbox/jobs/${dead[0]!.id}/retry`, { method: 'POST', token: admin });
    assert.equal(retry.status, 202);
    const again = (await receiver.waitFor(before + 4))[before + 3]!;
    assert.equal(again.headers['webhook-id'], receiver.received[before]!.headers['webhook-id']);
  });
});

describe('admin API /v1/webhooks', () => {
  let receiver: Receiver;
  before(async () => {
    receiver = await startReceiver();
  });
  after(() => receiver.close());

  test('only an admin may manage webhooks', async () => {
    assert.equal((await server.api('/webhooks')).status, 401);
    assert.equal((await server.api('/webhooks', { token: await server.token('mentee-1') })).status, 403);
    assert.equal((await server.api('/outbox/jobs', { token: await server.token('mentee-1') })).status, 403);
  });

  test('create (filtered to one event type), list, rotate, deliveries, delete', async () => {
    const admin = await server.token('root', 'admin');
    const bad = await server.api('/webhooks', { method: 'POST', token: admin, json: { url: 'ftp://example.org/x' } });
    assert.equal(bad.status, 400);
    const created = await server.api('/webhooks', { method: 'POST', token: admin, json: { url: receiver.url, eventTypes: ['booking.cancelled'], description: 'CRM' } });
    assert.equal(created.status, 201);
    const endpoint = await created.json();
    assert.match(endpoint.secret, /^whsec_/);
    const list = await (await server.api('/webhooks', { token: admin })).json();
    assert.deepEqual(list.items.map((e: { id: string }) => e.id), ['env', endpoint.id]);
    assert.equal(list.items.some((e: object) => 'secret' in e), false);
    assert.equal((await server.api('/webhooks/env', { method: 'DELETE', token: admin })).status, 409);

    const booked = await (await server.api('/bookings', { method: 'POST', json: bookingBody(slotAt(10, 9)) })).json();
    const rotated = await (await server.api(`/webhooks/${endpoint.id}/rotate-secret`, { method: 'POST', token: admin })).json();
    assert.notEqual(rotated.secret, endpoint.secret);
    assert.ok(rotated.previousSecretValidUntil);
    await server.api(`/bookings/${booked.id}/cancel`, { method: 'POST', headers: { 'Cancel-Token': booked.cancelToken } });
    const [delivery] = await receiver.waitFor(1);
    // Only the cancellation (the filter), signed with the new secret and, for a day, the old one too.
    assert.equal(receiver.received.length, 1);
    assert.equal(verify(delivery!, rotated.secret).type, 'booking.cancelled');
    assert.equal(verify(delivery!, endpoint.secret).type, 'booking.cancelled');

    const deliveries = await (await server.api(`/webhooks/${endpoint.id}/deliveries`, { token: admin })).json();
    assert.deepEqual(deliveries.items.map((d: { type: string; status: string }) => [d.type, d.status]), [['booking.cancelled', 'delivered']]);
    assert.equal((await server.api(`/webhooks/${endpoint.id}`, { method: 'DELETE', token: admin })).status, 204);
    assert.equal((await server.api(`/webhooks/${endpoint.id}`, { token: admin })).status, 404);
  });
});

describe('delivery across workers', () => {
  before(async () => {
    await server.notifications.stop(); // these tests run their own workers
    await server.db.query(`UPDATE outbox_jobs SET status = 'skipped' WHERE status = 'pending'`);
    receiver.received.length = 0;
    receiver.respond = () => 204;
  });

  test('three workers on one database deliver each of 15 events exactly once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 15; i++) ids.push(await server.db.transaction((tx) => enqueueEvent(tx, 'booking.created', { id: `b-${i}` })));
    const workers = [1, 2, 3].map(() => startOutboxWorker({ db: server.db, pollMs: 20, batchSize: 2, handlers: { webhook: webhookDelivery({ db: server.db }) }, log: () => {} }));
    const received = await receiver.waitFor(15);
    await new Promise((r) => setTimeout(r, 300)); // room for a duplicate to show up
    await Promise.all(workers.map((w) => w.stop()));
    assert.equal(received.length, 15);
    assert.deepEqual(received.map((r) => r.headers['webhook-id']).sort(), [...ids].sort());
  });

  test('a worker that dies mid-delivery loses nothing: the next one delivers the same webhook-id after the lease', async () => {
    receiver.received.length = 0;
    receiver.respond = (_r, i) => (i === 0 ? 'hang' : 204);
    const id = await server.db.transaction((tx) => enqueueEvent(tx, 'booking.cancelled', { id: 'b-crash' }));
    const handlers = { webhook: webhookDelivery({ db: server.db, timeoutMs: 60_000 }) };
    const doomed = startOutboxWorker({ db: server.db, pollMs: 20, leaseSeconds: 1, handlers, log: () => {} });
    await receiver.waitFor(1);
    await doomed.stop({ abandon: true }); // as if the process were killed: its result is never recorded
    const next = startOutboxWorker({ db: server.db, pollMs: 50, leaseSeconds: 1, handlers, log: () => {} });
    const [first, second] = await receiver.waitFor(2);
    await next.stop();
    assert.equal(first!.headers['webhook-id'], id);
    assert.equal(second!.headers['webhook-id'], id);
    const [row] = await server.db.query<{ status: string }>(`SELECT status FROM outbox_jobs WHERE event_id = $1 AND channel = 'webhook'`, [id]);
    assert.equal(row!.status, 'delivered');
  });
});

describe('README: verifying a webhook', () => {
  test('the README snippets accept a delivery and reject a forged one', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const snippet = /<!-- webhook-verify-snippet -->\s*```js\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(snippet, 'README has the webhook verification snippet');
    const code = snippet.replace(`'standardwebhooks'`, JSON.stringify(import.meta.resolve('standardwebhooks')));
    const mod = await import('data:text/javascript;base64,' + Buffer.from(code).toString('base64'));
    const body = JSON.stringify({ type: 'booking.created', timestamp: new Date().toISOString(), data: { id: 'b-1' } });
    const headers = webhookHeaders([SECRET], 'msg_readme', Math.floor(Date.now() / 1000), body);
    for (const verifyFn of [mod.verifyWebhook, mod.verifyWebhookByHand]) {
      assert.equal(typeof verifyFn, 'function');
      assert.deepEqual(verifyFn(body, headers, SECRET), JSON.parse(body));
      assert.throws(() => verifyFn(body.replace('b-1', 'b-9'), headers, SECRET));
    }
  });
});
