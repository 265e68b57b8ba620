/**
 * Scale out (issue 15): several server processes on one database behave as one. An admin's
 * catalog change through one is seen by the other (the catalog lives in the database with a
 * revision each process checks), and a slot can be booked once across both.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { issueToken } from '../auth.js';
import { openDatabase } from '../db.js';
import type { Catalog } from '../../src/sdk/schemas.js';
import { apiFor, bookingBody, isolatedDatabaseUrl, MENTOR, SESSION_TYPE, slotAt, startServer, TEST_CATALOG } from './harness.js';
import { eventually, spawnServer } from './spawn.js';

const PG = process.env.DATABASE_URL;

/** The test catalog with the mentor taking the whole day `days` from today off. */
function dayOff(days: number): Catalog {
  const date = slotAt(days, 0).slice(0, 10);
  return { ...TEST_CATALOG, mentors: TEST_CATALOG.mentors.map((m) => ({ ...m, overrides: [{ date, windows: [] }] })) };
}

const slotsOn = (days: number) => `/mentors/${MENTOR}/slots?sessionType=${SESSION_TYPE}&from=${slotAt(days, 0)}&to=${slotAt(days + 1, 0)}`;

async function behaveAsOne(a: ReturnType<typeof apiFor>, b: ReturnType<typeof apiFor>, adminToken: string) {
  // Both serve the same catalog; B offers the day, then A's admin takes it off.
  const day = 14;
  const before = await (await b(slotsOn(day))).json();
  assert.equal(before.items.length, 24);
  const put = await a('/catalog', { method: 'PUT', token: adminToken, json: dayOff(day) });
  assert.equal(put.status, 200);
  assert.ok(await eventually(async () => (await (await b(slotsOn(day))).json()).items.length === 0, 50, 100), 'the other process still offers the day off');
  // And B refuses a booking on it at once (writes read the catalog inside their transaction).
  assert.equal((await b('/bookings', { method: 'POST', json: bookingBody(slotAt(day, 10)) })).status, 409);
  assert.equal((await b('/catalog')).headers.get('etag'), (await a('/catalog')).headers.get('etag'));

  // 20 visitors, half through each process, race for one slot: exactly one wins.
  const start = slotAt(15, 9);
  const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b)('/bookings', { method: 'POST', json: bookingBody(start, { name: `Visitor ${i}` }) })));
  assert.deepEqual(responses.map((r) => r.status).sort(), [201, ...Array(19).fill(409)]);
}

describe('two apps on one database', () => {
  test('an admin change through one is seen by the other; a slot is booked once across both', async () => {
    const isolated = PG ? await isolatedDatabaseUrl() : null;
    const db = await openDatabase(isolated ? { url: isolated.url } : { dataDir: 'memory://' });
    const one = await startServer({ db, catalog: TEST_CATALOG });
    const two = await startServer({ db, catalog: TEST_CATALOG });
    try {
      await behaveAsOne(apiFor(one), apiFor(two), await one.token('ops', 'admin'));
    } finally {
      await one.close().catch(() => {});
      await two.close().catch(() => {});
      await isolated?.drop();
    }
  });
});

describe('two server processes on one PostgreSQL', { skip: PG ? false : 'needs DATABASE_URL (a throw-away PostgreSQL)' }, () => {
  test('an admin change through one process is seen by the other; double booking refused across them', async () => {
    const isolated = await isolatedDatabaseUrl();
    const secret = 'scale-test-secret-0123456789abcdef-xyz';
    const env = { DATABASE_URL: isolated.url, AUTH_SECRET: secret, RATE_LIMITS: 'off' };
    const [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
    try {
      await behaveAsOne(apiFor(a), apiFor(b), await issueToken(secret, 'ops', { role: 'admin', days: 1 }));
    } finally {
      assert.equal(await a.stop(), 0, a.output());
      assert.equal(await b.stop(), 0, b.output());
      await isolated.drop();
    }
  });
});
