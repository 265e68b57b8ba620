/**
 * Issue 16 on the reference server, over real HTTP, on PGlite (default) or PostgreSQL
 * (DATABASE_URL): group sessions with seats under concurrency, notice rules for visitors (an admin
 * may still), and the per-visitor and weekly-hours caps.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Catalog } from '../../src/sdk/schemas.js';
import { openDatabase } from '../db.js';
import { apiFor, bookingBody, isolatedDatabaseUrl, MENTOR, SESSION_TYPE, slotAt, startServer, TEST_CATALOG, type TestServer } from './harness.js';

const GROUP = 'circle';
const STRICT = 'strict-mentor';
const CATALOG: Catalog = {
  ...TEST_CATALOG,
  sessionTypes: [...TEST_CATALOG.sessionTypes, { id: GROUP, name: 'Circle', minutes: 60, frequency: 'biweekly', capacity: 3 }],
  mentors: [
    { ...TEST_CATALOG.mentors[0]!, sessionTypeIds: [SESSION_TYPE, GROUP] },
    {
      ...TEST_CATALOG.mentors[0]!,
      id: STRICT,
      name: 'Strict Mentor',
      rules: { ...TEST_CATALOG.mentors[0]!.rules, cancelNoticeMinutes: 1440, rescheduleNoticeMinutes: 2880, maxActivePerVisitor: 2, maxHoursPerWeek: 3 },
    },
  ],
};

let server: TestServer;
before(async () => {
  server = await startServer({ catalog: CATALOG });
});
after(() => server.close());

const api = (path: string, init: Parameters<ReturnType<typeof apiFor>>[1] = {}) => apiFor(server)(path, init);
const book = (start: string, extra: Record<string, unknown> = {}) => api('/bookings', { method: 'POST', json: bookingBody(start, extra) });
const slots = async (mentor: string, type: string, from: string, to: string) =>
  (await (await api(`/mentors/${mentor}/slots?sessionType=${type}&from=${from}&to=${to}`)).json()).items as { start: string; seatsLeft?: number }[];

describe('group sessions with seats', () => {
  test('10 visitors race for a 3-seat session: exactly 3 seats, the rest 409; slots count down and a cancel frees a seat', async () => {
    const start = slotAt(5, 10);
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => book(start, { sessionTypeId: GROUP, email: `v${i}@example.org` })));
    assert.deepEqual(responses.map((r) => r.status).sort(), [201, 201, 201, ...Array(7).fill(409)]);
    const [{ count }] = await server.db.query<{ count: number }>(`SELECT count(*)::int AS count FROM bookings WHERE occurrence = $1 AND status = 'confirmed'`, [`${GROUP}@${start}`]);
    assert.equal(count, 3);
    const seats = await server.db.query<{ seat: number }>(`SELECT seat FROM bookings WHERE occurrence = $1 ORDER BY seat`, [`${GROUP}@${start}`]);
    assert.deepEqual(seats.map((r) => r.seat), [1, 2, 3]);
    // Full: not offered any more; the mentor is busy for the one-to-one type too.
    assert.deepEqual(await slots(MENTOR, GROUP, start, slotAt(5, 10.5)), []);
    assert.equal((await book(start)).status, 409);

    const winner = await responses.find((r) => r.status === 201)!.json();
    const cancelled = await api(`/bookings/${winner.id}/cancel`, { method: 'POST', headers: { 'Cancel-Token': winner.cancelToken } });
    assert.equal(cancelled.status, 200);
    const open = await slots(MENTOR, GROUP, start, slotAt(5, 10.5));
    assert.deepEqual(open, [{ start, end: slotAt(5, 11), seatsLeft: 1 }]);
    assert.equal((await book(start, { sessionTypeId: GROUP, email: 'late@example.org' })).status, 201);
  });

  test('one seat taken blocks the mentor for other session types; seats show as seatsLeft', async () => {
    const start = slotAt(6, 14);
    assert.equal((await book(start, { sessionTypeId: GROUP })).status, 201);
    assert.deepEqual(await slots(MENTOR, GROUP, start, slotAt(6, 14.5)), [{ start, end: slotAt(6, 15), seatsLeft: 2 }]);
    assert.equal((await book(start)).status, 409);
    // 15:00 is inside the session's 15-minute buffer after: not offered for either type.
    assert.equal((await book(slotAt(6, 15))).status, 409);
    // The database forbids a second occurrence overlapping the first, past the server's check.
    await assert.rejects(
      server.db.query(
        `INSERT INTO bookings (id, mentor_id, status, blocked, start_at, cancel_token_hash, doc, occurrence, seat, capacity) VALUES ('raw-seat', $1, 'confirmed', tstzrange($2::timestamptz, $3::timestamptz), $2, 'x', '{}', 'other@x', 1, 3)`,
        [MENTOR, slotAt(6, 14.5), slotAt(6, 15.5)],
      ),
      (error: { code?: string }) => error.code === '23P01',
    );
    // …and a seat beyond the capacity.
    await assert.rejects(
      server.db.query(
        `INSERT INTO bookings (id, mentor_id, status, blocked, start_at, cancel_token_hash, doc, occurrence, seat, capacity) VALUES ('raw-seat-4', $1, 'confirmed', tstzrange($2::timestamptz, $3::timestamptz), $2, 'x', '{}', $4, 4, 3)`,
        [MENTOR, start, slotAt(6, 15.25), `${GROUP}@${start}`],
      ),
      (error: { code?: string }) => error.code === '23514',
    );
  });
});

describe('booking policies', () => {
  test('a visitor cannot cancel or move inside the notice; an admin still can', async () => {
    const start = slotAt(1, 23); // at most 47 hours away: inside the 48 h move notice
    const created = await book(start, { mentorId: STRICT, email: 'notice@example.org' });
    assert.equal(created.status, 201);
    const booking = await created.json();
    const token = { 'Cancel-Token': booking.cancelToken };
    const moved = await api(`/bookings/${booking.id}/reschedule`, { method: 'POST', headers: token, json: { start: slotAt(2, 20) } });
    assert.equal(moved.status, 409);
    assert.equal(moved.headers.get('content-type'), 'application/problem+json');
    const problem = await moved.json();
    assert.equal(problem.code, 'conflict');
    assert.match(problem.detail, /can no longer be moved online: Strict Mentor asks to be told at least 2 days before/);
    assert.deepEqual(problem.issues.map((i: { path: string }) => i.path), ['rules.rescheduleNoticeMinutes']);

    const admin = await server.token('operator', 'admin');
    const near = await book(slotAt(0, 23) > new Date().toISOString() ? slotAt(0, 23) : slotAt(1, 1), { mentorId: STRICT, email: 'near@example.org' });
    assert.equal(near.status, 201);
    const nearBooking = await near.json();
    const refused = await api(`/bookings/${nearBooking.id}/cancel`, { method: 'POST', headers: { 'Cancel-Token': nearBooking.cancelToken } });
    assert.equal(refused.status, 409);
    assert.deepEqual((await refused.json()).issues.map((i: { path: string }) => i.path), ['rules.cancelNoticeMinutes']);
    const byAdmin = await api(`/bookings/${nearBooking.id}/cancel`, { method: 'POST', token: admin });
    assert.equal(byAdmin.status, 200);
    assert.equal((await byAdmin.json()).status, 'cancelled');
  });

  test('maxActivePerVisitor: a third upcoming booking by the same email is refused, another visitor is not', async () => {
    const email = 'cap@example.org';
    assert.equal((await book(slotAt(10, 8), { mentorId: STRICT, email })).status, 201);
    assert.equal((await book(slotAt(11, 8), { mentorId: STRICT, email: 'CAP@example.org' })).status, 201);
    const third = await book(slotAt(12, 8), { mentorId: STRICT, email });
    assert.equal(third.status, 409);
    const problem = await third.json();
    assert.deepEqual(problem.issues.map((i: { path: string }) => i.path), ['rules.maxActivePerVisitor']);
    assert.match(problem.detail, /already have 2 upcoming bookings with Strict Mentor/);
    assert.equal((await book(slotAt(12, 8), { mentorId: STRICT, email: 'other@example.org' })).status, 201);
  });

  test('maxHoursPerWeek: the mentor takes 3 hours in a week, then that week offers nothing', async () => {
    // Three one-hour sessions in the week of day 21 (any three days of one Monday–Sunday week).
    const monday = new Date(slotAt(21, 0));
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    const day = (n: number, hour: number) => new Date(monday.getTime() + (n * 24 + hour) * 3_600_000).toISOString();
    for (const [i, n] of [0, 1, 2].entries()) assert.equal((await book(day(n, 9), { mentorId: STRICT, email: `week${i}@example.org` })).status, 201);
    const fourth = await book(day(3, 9), { mentorId: STRICT, email: 'week3@example.org' });
    assert.equal(fourth.status, 409);
    assert.deepEqual(await slots(STRICT, SESSION_TYPE, day(0, 0), day(7, 0)), []);
    assert.ok((await slots(STRICT, SESSION_TYPE, day(7, 0), day(7, 12))).length > 0);
  });
});

/** `npm run server` as its own Node process on a free port, serving CATALOG; resolves with its URL. */
function serverProcess(catalogFile: string, databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', CATALOG: catalogFile, DATABASE_URL: databaseUrl, AUTH_SECRET: 'two-process-secret-at-least-32-bytes-long' /* the server refuses shorter ones */ },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const url = /MK_SERVER_URL=(\S+)/.exec(out)?.[1];
      if (url) resolve({ url, child });
    });
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}: ${out}`)));
  });
}

describe('two server processes on one PostgreSQL', { skip: !process.env.DATABASE_URL && 'needs DATABASE_URL (PostgreSQL)' }, () => {
  test('12 visitors spread over two processes race for a 3-seat session: exactly 3 seats', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mk-seats-'));
    const file = join(dir, 'catalog.json');
    writeFileSync(file, JSON.stringify(CATALOG));
    // Both processes on one schema of their own (the harness gives each test file its own too).
    const isolated = await isolatedDatabaseUrl();
    const servers = await Promise.all([serverProcess(file, isolated.url), serverProcess(file, isolated.url)]);
    const db = await openDatabase({ url: isolated.url });
    try {
      const start = slotAt(8, 10);
      const responses = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          fetch(`${servers[i % 2]!.url}/bookings`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(bookingBody(start, { sessionTypeId: GROUP, email: `p${i}@example.org` })),
          }),
        ),
      );
      assert.deepEqual(responses.map((r) => r.status).sort(), [201, 201, 201, ...Array(9).fill(409)]);
      const [{ count }] = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM bookings WHERE occurrence = $1 AND status = 'confirmed'`, [`${GROUP}@${start}`]);
      assert.equal(count, 3);
    } finally {
      for (const { child } of servers) child.kill('SIGTERM');
      await db.close();
      await Promise.all(servers.map(({ child }) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
      await isolated.drop();
    }
  });
});
