/**
 * Mentor notifications with several server processes on one PostgreSQL (runs when DATABASE_URL
 * is set, as in CI): each webhook delivered once however many processes poll, and a process
 * killed mid-delivery loses nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { openDatabase, type Database } from '../db.js';
import { bookingBody, slotAt, SECRET as AUTH_SECRET, TEST_CATALOG } from './harness.js';
import { NOTIFY_TABLES } from './notify-harness.js';
import { startServerProcess, type ServerProcess } from './processes.js';
import { startReceiver, type Receiver } from './webhook-receiver.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const url = process.env.DATABASE_URL;
const WEBHOOK_SECRET = 'whsec_' + Buffer.from('fedcba9876543210fedcba9876543210').toString('base64');

describe('two server processes on one PostgreSQL', { skip: !url && 'needs DATABASE_URL (PostgreSQL)' }, () => {
  let db: Database;
  let receiver: Receiver;
  let dir: string;
  let env: Record<string, string>;
  const running: ServerProcess[] = [];
  const start = async (extra: Record<string, string> = {}) => {
    const p = await startServerProcess({ ...env, ...extra });
    running.push(p);
    return p;
  };
  const book = async (p: ServerProcess, start: string) => {
    const r = await fetch(`${p.url}/bookings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bookingBody(start)) });
    assert.equal(r.status, 201, await r.clone().text());
    return r.json();
  };

  before(async () => {
    db = await openDatabase({ url });
    await db.query(`TRUNCATE bookings, sessions, idempotency_keys, catalog, ${NOTIFY_TABLES}`);
    receiver = await startReceiver();
    dir = mkdtempSync(join(tmpdir(), 'mk-notify-'));
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify(TEST_CATALOG));
    env = {
      DATABASE_URL: url!,
      AUTH_SECRET,
      CATALOG: join(dir, 'catalog.json'),
      WEBHOOK_URL: receiver.url,
      WEBHOOK_SECRET,
      OUTBOX_POLL_MS: '100',
      // Long enough that no delivery outlives it on a busy machine (a lease that runs out means
      // a second, legitimate at-least-once delivery); the crash test shortens it.
      OUTBOX_LEASE_SECONDS: '60',
      WEBHOOK_TIMEOUT_MS: '60000',
    };
  });
  after(async () => {
    await Promise.all(running.map((p) => p.stop('SIGKILL')));
    await receiver?.close();
    await db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('bookings through either process: every event delivered, each once, verifiably signed', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    const bookings = await Promise.all(Array.from({ length: 12 }, (_, i) => book(i % 2 ? a! : b!, slotAt(12, 2 * i))));
    const received = await receiver.waitFor(12);
    await new Promise((r) => setTimeout(r, 1000)); // room for a duplicate to show up
    assert.equal(received.length, 12);
    const ids = received.map((r) => new Webhook(WEBHOOK_SECRET).verify(r.body, r.headers as Record<string, string>) as { data: { id: string } }).map((e) => e.data.id);
    assert.deepEqual(ids.sort(), bookings.map((x) => x.id).sort());
    assert.equal(new Set(received.map((r) => r.headers['webhook-id'])).size, 12);
    await Promise.all([a!.stop(), b!.stop()]);
  });

  test('a process killed mid-delivery: another delivers the same webhook-id after the lease', async () => {
    receiver.received.length = 0;
    receiver.respond = (_r, i) => (i === 0 ? 'hang' : 204);
    const a = await start({ OUTBOX_LEASE_SECONDS: '2' });
    const booking = await book(a, slotAt(13, 9));
    const [first] = await receiver.waitFor(1);
    await a.stop('SIGKILL');
    const b = await start({ OUTBOX_LEASE_SECONDS: '2' });
    const [, second] = await receiver.waitFor(2, 30_000);
    assert.equal(second!.headers['webhook-id'], first!.headers['webhook-id']);
    assert.equal((new Webhook(WEBHOOK_SECRET).verify(second!.body, second!.headers as Record<string, string>) as { data: { id: string } }).data.id, booking.id);
    await b.stop();
  });
});
