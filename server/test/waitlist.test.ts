/**
 * The waitlist of a full group session on the reference server, over real HTTP, on PGlite
 * (default) or PostgreSQL (DATABASE_URL): joining only a full session, leaving with the token,
 * first-come-first-served promotion in the transaction that frees the seat (cancel, move away,
 * series cancel), never more seats than the capacity under concurrent cancels, bookings and joins,
 * the visitor cap skipping to the next in line, and two server processes on one PostgreSQL.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Catalog } from '../../src/sdk/schemas.js';
import { openDatabase } from '../db.js';
import { apiFor, bookingBody, expectProblem, isolatedDatabaseUrl, MENTOR, slotAt, startServer, TEST_CATALOG, type TestServer } from './harness.js';

const GROUP = 'circle';
const CAPPED = 'capped-mentor';
const CATALOG: Catalog = {
  ...TEST_CATALOG,
  sessionTypes: [...TEST_CATALOG.sessionTypes, { id: GROUP, name: 'Circle', minutes: 60, frequency: 'biweekly', capacity: 3 }],
  mentors: [
    { ...TEST_CATALOG.mentors[0]!, sessionTypeIds: ['hour', GROUP] },
    { ...TEST_CATALOG.mentors[0]!, id: CAPPED, name: 'Capped Mentor', sessionTypeIds: ['hour', GROUP], rules: { ...TEST_CATALOG.mentors[0]!.rules, maxActivePerVisitor: 1 } },
  ],
};

let server: TestServer;
before(async () => {
  server = await startServer({ catalog: CATALOG });
});
after(() => server.close());

type Json = Record<string, any>;
const api = (path: string, init: Parameters<ReturnType<typeof apiFor>>[1] = {}) => apiFor(server)(path, init);
const seat = (start: string, email: string, extra: Json = {}) => api('/bookings', { method: 'POST', json: bookingBody(start, { sessionTypeId: GROUP, email, ...extra }) });
const join = (start: string, email: string, extra: Json = {}, headers: Record<string, string> = {}) =>
  api('/waitlist', { method: 'POST', json: bookingBody(start, { sessionTypeId: GROUP, email, ...extra }), headers });
const entry = async (e: Json) => (await api(`/waitlist/${e.id}`, { headers: { 'Cancel-Token': e.cancelToken } })).json();
const cancel = (b: Json) => api(`/bookings/${b.id}/cancel`, { method: 'POST', headers: { 'Cancel-Token': b.cancelToken } });
const confirmedSeats = async (start: string, mentor = MENTOR) =>
  (await server.db.query<{ email: string }>(`SELECT doc->>'email' AS email FROM bookings WHERE mentor_id = $1 AND occurrence = $2 AND status = 'confirmed' ORDER BY seat`, [mentor, `${GROUP}@${start}`])).map((r) => r.email);

/** Fills the 3 seats at `start`; returns the bookings. */
async function fill(start: string, prefix: string, mentorId = MENTOR): Promise<Json[]> {
  const out: Json[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await seat(start, `${prefix}${i}@example.org`, { mentorId });
    assert.equal(r.status, 201);
    out.push(await r.json());
  }
  return out;
}

describe('joining and leaving the waitlist', () => {
  test('only a full group session has a line; places are first come first served; the token reads and leaves', async () => {
    const start = slotAt(5, 9);
    const first = await seat(start, 'a0@example.org');
    assert.equal(first.status, 201);
    // A free seat: book it instead.
    const early = await expectProblem(await join(start, 'w@example.org'), 409, 'conflict');
    assert.deepEqual(early.issues.map((i: Json) => i.path), ['waitlist.seatsLeft']);
    // A one-to-one session has no waitlist; nor does a time no one booked.
    await expectProblem(await api('/waitlist', { method: 'POST', json: bookingBody(slotAt(5, 12)) }), 400, 'invalid-input');
    assert.deepEqual((await expectProblem(await join(slotAt(5, 14), 'w@example.org'), 409, 'conflict')).issues.map((i: Json) => i.path), ['waitlist.start']);

    const full = async () => (await (await api(`/mentors/${MENTOR}/full-sessions?sessionType=${GROUP}&from=${slotAt(5, 0)}&to=${slotAt(6, 0)}`)).json()).items;
    assert.deepEqual(await full(), []);
    await seat(start, 'a1@example.org');
    await seat(start, 'a2@example.org');
    // Full: gone from the slots, listed as a full session instead.
    assert.deepEqual(await full(), [{ start, end: slotAt(5, 10) }]);
    // Seated already: no place in line.
    assert.deepEqual((await expectProblem(await join(start, 'A1@example.org'), 409, 'conflict')).issues.map((i: Json) => i.path), ['waitlist.seated']);
    const w1 = await join(start, 'w1@example.org');
    assert.equal(w1.status, 201);
    const one = await w1.json();
    assert.equal(one.status, 'waiting');
    assert.equal(one.position, 1);
    assert.equal(one.end, slotAt(5, 10));
    assert.equal(typeof one.cancelToken, 'string');
    assert.match(w1.headers.get('location')!, new RegExp(`/v1/waitlist/${one.id}$`));
    const two = await (await join(start, 'w2@example.org')).json();
    assert.equal(two.position, 2);
    assert.deepEqual((await expectProblem(await join(start, 'w2@example.org'), 409, 'conflict')).issues.map((i: Json) => i.path), ['waitlist.waiting']);

    // Reading needs the token (or the mentee, or an admin); it never shows the token.
    await expectProblem(await api(`/waitlist/${one.id}`), 404, 'not-found');
    await expectProblem(await api(`/waitlist/${one.id}`, { headers: { 'Cancel-Token': two.cancelToken } }), 403, 'unauthorized');
    const read = await entry(one);
    assert.equal(read.position, 1);
    assert.equal('cancelToken' in read, false);

    const left = await api(`/waitlist/${one.id}/leave`, { method: 'POST', headers: { 'Cancel-Token': one.cancelToken } });
    assert.equal(left.status, 200);
    assert.equal((await left.json()).status, 'left');
    assert.equal((await entry(two)).position, 1);
  });

  test('an Idempotency-Key replays the same entry and token; a mentee lists their own entries', async () => {
    const start = slotAt(5, 16);
    await fill(start, 'idem');
    const key = { 'Idempotency-Key': 'join-once' };
    const a = await join(start, 'retry@example.org', {}, key);
    const b = await join(start, 'retry@example.org', {}, key);
    assert.equal(a.status, 201);
    assert.equal(b.headers.get('idempotent-replayed'), 'true');
    const [ea, eb] = [await a.json(), await b.json()];
    assert.equal(eb.id, ea.id);
    assert.equal(eb.cancelToken, ea.cancelToken);

    const token = await server.token('mentee-w');
    const mine = await api('/waitlist', { method: 'POST', token, json: bookingBody(start, { sessionTypeId: GROUP, email: 'mentee-w@example.org' }) });
    assert.equal(mine.status, 201);
    const listed = await (await api('/waitlist', { token })).json();
    assert.deepEqual(listed.items.map((e: Json) => [e.email, e.position, e.menteeId]), [['mentee-w@example.org', 2, 'mentee-w']]);
    await expectProblem(await api('/waitlist'), 401, 'unauthorized');
  });
});

describe('promotion when a seat frees', () => {
  test('a cancel promotes the first in line in the same transaction; its token cancels the booking, which promotes the next', async () => {
    const start = slotAt(6, 9);
    const seated = await fill(start, 'p');
    const w1 = await (await join(start, 'first@example.org')).json();
    const w2 = await (await join(start, 'second@example.org')).json();
    assert.equal((await cancel(seated[1]!)).status, 200);
    // Promoted at once: the seat never shows as free.
    assert.deepEqual(await confirmedSeats(start), ['p0@example.org', 'first@example.org', 'p2@example.org']);
    const slots = await (await api(`/mentors/${MENTOR}/slots?sessionType=${GROUP}&from=${start}&to=${slotAt(6, 9.5)}`)).json();
    assert.deepEqual(slots.items, []);
    const promoted = await entry(w1);
    assert.equal(promoted.status, 'promoted');
    assert.equal('position' in promoted, false);
    assert.equal(promoted.booking.status, 'confirmed');
    assert.equal(promoted.booking.email, 'first@example.org');
    assert.equal(promoted.booking.start, start);
    assert.equal('cancelToken' in promoted.booking, false);
    assert.equal((await entry(w2)).position, 1);
    // The entry's token is the booking's: the visitor who waited can cancel it, and a leave is refused.
    await expectProblem(await api(`/waitlist/${w1.id}/leave`, { method: 'POST', headers: { 'Cancel-Token': w1.cancelToken } }), 409, 'conflict');
    assert.equal((await cancel({ id: promoted.booking.id, cancelToken: w1.cancelToken })).status, 200);
    assert.equal((await entry(w2)).status, 'promoted');
    assert.deepEqual(await confirmedSeats(start), ['p0@example.org', 'second@example.org', 'p2@example.org']);
  });

  test('a move away and a cancelled series free seats for the line too', async () => {
    const start = slotAt(7, 9);
    const seated = await fill(start, 'm');
    const w = await (await join(start, 'mover-wait@example.org')).json();
    const moved = await api(`/bookings/${seated[0]!.id}/reschedule`, { method: 'POST', headers: { 'Cancel-Token': seated[0]!.cancelToken }, json: { start: slotAt(7, 9) } });
    assert.equal(moved.status, 200); // same time: nothing freed
    assert.equal((await entry(w)).status, 'waiting');
    const away = await api(`/bookings/${seated[0]!.id}/reschedule`, { method: 'POST', headers: { 'Cancel-Token': seated[0]!.cancelToken }, json: { start: slotAt(7, 13) } });
    assert.equal(away.status, 200);
    assert.equal((await entry(w)).status, 'promoted');

    // A weekly series of group seats; cancelling it frees its seat in each occurrence.
    const first = slotAt(8, 9);
    const series = await (await api('/series', { method: 'POST', json: { ...bookingBody(first, { sessionTypeId: GROUP, email: 'series@example.org' }), frequency: 'weekly', count: 2 } })).json();
    assert.equal(series.bookings.length, 2);
    await seat(first, 's1@example.org');
    await seat(first, 's2@example.org');
    const ws = await (await join(first, 'series-wait@example.org')).json();
    const cancelled = await api(`/series/${series.id}/cancel`, { method: 'POST', headers: { 'Cancel-Token': series.cancelToken } });
    assert.equal(cancelled.status, 200);
    assert.equal((await entry(ws)).status, 'promoted');
    assert.deepEqual((await confirmedSeats(first)).sort(), ['s1@example.org', 's2@example.org', 'series-wait@example.org']);
  });

  test('maxActivePerVisitor: a visitor at their cap is skipped and keeps their place; the next in line gets the seat', async () => {
    const start = slotAt(9, 9);
    const seated = await fill(start, 'cap', CAPPED);
    const busy = await api('/bookings', { method: 'POST', json: bookingBody(slotAt(9, 15), { mentorId: CAPPED, email: 'full@example.org' }) });
    assert.equal(busy.status, 201);
    const capped = await (await join(start, 'full@example.org', { mentorId: CAPPED })).json();
    const next = await (await join(start, 'free@example.org', { mentorId: CAPPED })).json();
    assert.equal((await cancel(seated[0]!)).status, 200);
    assert.equal((await entry(next)).status, 'promoted');
    const still = await entry(capped);
    assert.equal(still.status, 'waiting');
    assert.equal(still.position, 1);
    // Once under the cap, the skipped visitor takes the next free seat.
    assert.equal((await cancel(await busy.json())).status, 200);
    assert.equal((await cancel(seated[1]!)).status, 200);
    assert.equal((await entry(capped)).status, 'promoted');
  });
});

describe('races', () => {
  test('3 seats, 5 in line: 3 concurrent cancels, 8 concurrent bookings and 4 joins give exactly 3 seats, to the first 3 in line', async () => {
    const start = slotAt(10, 9);
    const seated = await fill(start, 'r');
    const line: Json[] = [];
    for (let i = 0; i < 5; i++) line.push(await (await join(start, `line${i}@example.org`)).json());
    const results = await Promise.all([
      ...seated.map((b) => cancel(b)),
      ...Array.from({ length: 8 }, (_, i) => seat(start, `racer${i}@example.org`)),
      ...Array.from({ length: 4 }, (_, i) => join(start, `late${i}@example.org`)),
    ]);
    assert.deepEqual(results.slice(0, 3).map((r) => r.status), [200, 200, 200]);
    // Every freed seat went to the line in its own transaction: no direct booking got one.
    assert.deepEqual(results.slice(3, 11).map((r) => r.status), Array(8).fill(409));
    assert.deepEqual(results.slice(11).map((r) => r.status), Array(4).fill(201));
    assert.deepEqual((await confirmedSeats(start)).sort(), ['line0@example.org', 'line1@example.org', 'line2@example.org']);
    assert.deepEqual(await Promise.all(line.map(async (e) => (await entry(e)).status)), ['promoted', 'promoted', 'promoted', 'waiting', 'waiting']);
    assert.deepEqual(await Promise.all(line.slice(3).map(async (e) => (await entry(e)).position)), [1, 2]);
  });
});

/** `npm run server` as its own Node process on a free port, serving CATALOG; resolves with its URL. */
function serverProcess(catalogFile: string, databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', CATALOG: catalogFile, DATABASE_URL: databaseUrl, AUTH_SECRET: 'two-process-secret-at-least-32-bytes-long' },
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
  test('cancels, bookings and joins spread over two processes: exactly 3 seats, the line promoted in order', async () => {
    const dir = mkdtempSync(joinPath(tmpdir(), 'mk-waitlist-'));
    const file = joinPath(dir, 'catalog.json');
    writeFileSync(file, JSON.stringify(CATALOG));
    const isolated = await isolatedDatabaseUrl();
    const servers = await Promise.all([serverProcess(file, isolated.url), serverProcess(file, isolated.url)]);
    const db = await openDatabase({ url: isolated.url });
    const post = (i: number, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      fetch(`${servers[i % 2]!.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    try {
      const start = slotAt(11, 10);
      const seated: Json[] = [];
      for (let i = 0; i < 3; i++) seated.push(await (await post(i, '/bookings', bookingBody(start, { sessionTypeId: GROUP, email: `s${i}@example.org` }))).json());
      for (let i = 0; i < 4; i++) assert.equal((await post(i, '/waitlist', bookingBody(start, { sessionTypeId: GROUP, email: `q${i}@example.org` }))).status, 201);
      const results = await Promise.all([
        ...seated.map((b, i) => post(i, `/bookings/${b.id}/cancel`, undefined, { 'Cancel-Token': b.cancelToken })),
        ...Array.from({ length: 8 }, (_, i) => post(i, '/bookings', bookingBody(start, { sessionTypeId: GROUP, email: `x${i}@example.org` }))),
      ]);
      assert.deepEqual(results.map((r) => r.status), [200, 200, 200, ...Array(8).fill(409)]);
      const seats = await db.query<{ email: string }>(`SELECT doc->>'email' AS email FROM bookings WHERE occurrence = $1 AND status = 'confirmed' ORDER BY email`, [`${GROUP}@${start}`]);
      assert.deepEqual(seats.map((r) => r.email), ['q0@example.org', 'q1@example.org', 'q2@example.org']);
    } finally {
      for (const { child } of servers) child.kill('SIGTERM');
      await db.close();
      await Promise.all(servers.map(({ child }) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
      await isolated.drop();
    }
  });
});
