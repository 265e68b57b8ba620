/**
 * The reference server over real HTTP, on PGlite (default) or PostgreSQL (DATABASE_URL): the
 * booking race, idempotency, mentee isolation, and problem+json for bad input.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiFor, expectProblem, bookingBody, MENTOR, SESSION_TYPE, slotAt, startServer, type TestServer } from './harness.js';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.close());

const api = (path: string, init: Parameters<ReturnType<typeof apiFor>>[1] = {}) => apiFor(server)(path, init);


describe('bookings', () => {
  test('20 concurrent POST /bookings for one slot: exactly one 201, nineteen 409', async () => {
    const start = slotAt(3, 10);
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => api('/bookings', { method: 'POST', json: bookingBody(start, { name: `Visitor ${i}` }) })));
    const statuses = responses.map((r) => r.status).sort();
    assert.deepEqual(statuses, [201, ...Array(19).fill(409)]);
    for (const r of responses.filter((r) => r.status === 409)) await expectProblem(r, 409, 'conflict');
    const winner = await responses.find((r) => r.status === 201)!.json();
    assert.equal(winner.start, start);
    assert.equal(winner.end, slotAt(3, 11));
    assert.equal(winner.status, 'confirmed');
    assert.equal(typeof winner.cancelToken, 'string');
    const [{ count }] = await server.db.query<{ count: number }>(`SELECT count(*)::int AS count FROM bookings WHERE mentor_id = $1 AND start_at = $2`, [MENTOR, start]);
    assert.equal(count, 1);
  });

  test('the database itself rejects an overlapping confirmed booking (exclusion constraint)', async () => {
    const start = slotAt(3, 14);
    const first = await api('/bookings', { method: 'POST', json: bookingBody(start) });
    assert.equal(first.status, 201);
    // Straight into the table, past the server's own check: 14:30–15:30 overlaps 14:00–15:15.
    await assert.rejects(
      server.db.query(`INSERT INTO bookings (id, mentor_id, status, blocked, start_at, cancel_token_hash, doc) VALUES ('raw', $1, 'confirmed', tstzrange($2::timestamptz, $3::timestamptz), $2, 'x', '{}')`, [
        MENTOR,
        slotAt(3, 14.5),
        slotAt(3, 15.5),
      ]),
      (error: { code?: string }) => error.code === '23P01',
    );
  });

  test('the buffer after a booking blocks the next slot, and slots list what is free', async () => {
    const start = slotAt(4, 8);
    assert.equal((await api('/bookings', { method: 'POST', json: bookingBody(start) })).status, 201);
    const response = await api(`/mentors/${MENTOR}/slots?sessionType=${SESSION_TYPE}&from=${slotAt(4, 7)}&to=${slotAt(4, 11)}`);
    assert.equal(response.status, 200);
    const { items } = await response.json();
    // Every session is followed by 15 minutes' buffer: 07:00 (+buffer to 08:15) runs into the 08:00
    // booking, 09:00 starts inside that booking's buffer (to 09:15), so only 10:00 is free.
    assert.deepEqual(items.map((s: { start: string }) => s.start), [slotAt(4, 10)]);
    const taken = await api('/bookings', { method: 'POST', json: bookingBody(slotAt(4, 9)) });
    await expectProblem(taken, 409, 'conflict');
  });

  test('the same Idempotency-Key twice gives one booking, and a different body with it is refused', async () => {
    const start = slotAt(5, 10);
    const headers = { 'Idempotency-Key': 'retry-me-1' };
    const first = await api('/bookings', { method: 'POST', headers, json: bookingBody(start) });
    const second = await api('/bookings', { method: 'POST', headers, json: bookingBody(start) });
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    const a = await first.json();
    const b = await second.json();
    assert.equal(b.id, a.id);
    assert.equal(b.cancelToken, a.cancelToken);
    const [{ count }] = await server.db.query<{ count: number }>('SELECT count(*)::int AS count FROM bookings WHERE start_at = $1', [start]);
    assert.equal(count, 1);
    // A visitor's key is scoped by what they send: another body with it is another booking.
    const other = await api('/bookings', { method: 'POST', headers, json: bookingBody(slotAt(5, 12)) });
    assert.equal(other.status, 201);
    assert.notEqual((await other.json()).id, a.id);
    // A mentee's key is theirs: another body with it is refused; another mentee's same key is theirs.
    const mentee = await server.token('key-reuser');
    assert.equal((await api('/bookings', { method: 'POST', token: mentee, headers, json: bookingBody(slotAt(5, 20)) })).status, 201);
    await expectProblem(await api('/bookings', { method: 'POST', token: mentee, headers, json: bookingBody(slotAt(5, 18)) }), 422, 'invalid-input');
    assert.equal((await api('/bookings', { method: 'POST', token: await server.token('someone-else'), headers, json: bookingBody(slotAt(5, 18)) })).status, 201);
  });

  test('the same Idempotency-Key sent 10 times at once still gives one booking', async () => {
    const start = slotAt(5, 16);
    const responses = await Promise.all(Array.from({ length: 10 }, () => api('/bookings', { method: 'POST', headers: { 'Idempotency-Key': 'burst-1' }, json: bookingBody(start) })));
    assert.deepEqual(responses.map((r) => r.status), Array(10).fill(201));
    const ids = new Set(await Promise.all(responses.map(async (r) => (await r.json()).id)));
    assert.equal(ids.size, 1);
  });

  test('an anonymous visitor cancels and reschedules with the cancel token, not without it', async () => {
    const created = await (await api('/bookings', { method: 'POST', json: bookingBody(slotAt(6, 10)) })).json();
    await expectProblem(await api(`/bookings/${created.id}/cancel`, { method: 'POST' }), 404, 'not-found');
    await expectProblem(await api(`/bookings/${created.id}/cancel`, { method: 'POST', headers: { 'Cancel-Token': 'wrong' } }), 403, 'unauthorized');
    const moved = await api(`/bookings/${created.id}/reschedule`, { method: 'POST', headers: { 'Cancel-Token': created.cancelToken }, json: { start: slotAt(6, 12) } });
    assert.equal(moved.status, 200);
    const movedBody = await moved.json();
    assert.equal(movedBody.start, slotAt(6, 12));
    assert.equal(movedBody.end, slotAt(6, 13));
    assert.equal(movedBody.cancelToken, undefined);
    // The old time is free again: someone else can book it.
    assert.equal((await api('/bookings', { method: 'POST', json: bookingBody(slotAt(6, 10)) })).status, 201);
    const cancelled = await api(`/bookings/${created.id}/cancel`, { method: 'POST', headers: { 'Cancel-Token': created.cancelToken } });
    assert.equal((await cancelled.json()).status, 'cancelled');
    assert.equal((await api('/bookings', { method: 'POST', json: bookingBody(slotAt(6, 12)) })).status, 201);
  });

  test('a mentee lists only their own bookings and cannot cancel another\'s', async () => {
    const alice = await server.token('alice');
    const bob = await server.token('bob');
    const mine = await (await api('/bookings', { method: 'POST', token: alice, json: bookingBody(slotAt(7, 9)) })).json();
    assert.equal(mine.menteeId, 'alice');
    await api('/bookings', { method: 'POST', token: bob, json: bookingBody(slotAt(7, 11)) });
    const list = await (await api('/bookings', { token: alice })).json();
    assert.deepEqual(list.items.map((b: { id: string }) => b.id), [mine.id]);
    await expectProblem(await api(`/bookings/${mine.id}/cancel`, { method: 'POST', token: bob }), 404, 'not-found');
    await expectProblem(await api(`/bookings/${mine.id}`, { token: bob }), 404, 'not-found');
    await expectProblem(await api('/bookings'), 401, 'unauthorized');
  });
});

describe('sessions', () => {
  const session = (extra: Record<string, unknown> = {}) => ({ start: '2026-03-02T09:00:00.000Z', minutes: 60, activity: 'one-on-one', ...extra });

  test('mentee A cannot read or change B\'s sessions', async () => {
    const a = await server.token('mentee-a');
    const b = await server.token('mentee-b');
    const created = await api('/sessions', { method: 'POST', token: b, json: session({ notes: 'B only' }) });
    assert.equal(created.status, 201);
    const bs = await created.json();
    assert.equal(bs.menteeId, 'mentee-b');
    assert.deepEqual((await (await api('/sessions', { token: a })).json()).items, []);
    await expectProblem(await api(`/sessions/${bs.id}`, { token: a }), 404, 'not-found');
    await expectProblem(await api(`/sessions/${bs.id}`, { method: 'PATCH', token: a, json: { notes: 'hijacked' } }), 404, 'not-found');
    await expectProblem(await api(`/sessions/${bs.id}`, { method: 'DELETE', token: a }), 404, 'not-found');
    await expectProblem(await api('/sessions', { method: 'POST', token: a, json: { ...bs, notes: 'overwrite' } }), 409, 'conflict');
    const still = await (await api(`/sessions/${bs.id}`, { token: b })).json();
    assert.equal(still.notes, 'B only');
    await expectProblem(await api('/sessions'), 401, 'unauthorized');
    await expectProblem(await api('/sessions', { token: 'not-a-jwt' }), 401, 'unauthorized');
    const forged = await (await import('../../server/auth.js')).issueToken('another-secret', 'mentee-b');
    await expectProblem(await api('/sessions', { token: forged }), 401, 'unauthorized');
  });

  test('create with an id is a replayable upsert; patch, delete, and paging by cursor', async () => {
    const t = await server.token('pager');
    const full = { ...session(), id: 's-fixed-1', createdAt: '2026-03-02T10:00:00.000Z', updatedAt: '2026-03-02T10:00:00.000Z' };
    assert.equal((await api('/sessions', { method: 'POST', token: t, json: full })).status, 201);
    assert.equal((await api('/sessions', { method: 'POST', token: t, json: full })).status, 200);
    const patched = await (await api('/sessions/s-fixed-1', { method: 'PATCH', token: t, json: { minutes: 90, tags: ['x'] } })).json();
    assert.equal(patched.minutes, 90);
    assert.deepEqual(patched.tags, ['x']);
    await expectProblem(await api('/sessions/s-fixed-1', { method: 'PATCH', token: t, json: { minutes: 20 } }), 400, 'invalid-input');
    for (let i = 0; i < 4; i++) await api('/sessions', { method: 'POST', token: t, json: session({ notes: `n${i}` }) });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await (await api(`/sessions?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: t })).json();
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    assert.equal(pages, 3);
    assert.equal(seen.length, 5);
    assert.equal(new Set(seen).size, 5);
    assert.equal((await api('/sessions/s-fixed-1', { method: 'DELETE', token: t })).status, 204);
    await expectProblem(await api('/sessions/s-fixed-1', { method: 'DELETE', token: t }), 404, 'not-found');
    await expectProblem(await api('/sessions?limit=0', { token: t }), 400, 'invalid-input');
  });
});

describe('bad requests get problem+json and the server keeps serving', () => {
  test('malformed JSON → 400', async () => {
    await expectProblem(await api('/bookings', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"mentorId": ' }), 400, 'invalid-input');
  });

  test('wrong types → 400 naming the paths', async () => {
    const body = await expectProblem(await api('/bookings', { method: 'POST', json: bookingBody(slotAt(8, 10), { start: 42, email: 'nope' }) }), 400, 'invalid-input');
    assert.deepEqual(body.issues.map((i: { path: string }) => i.path).sort(), ['email', 'start']);
  });

  test('a body that is not JSON at all → 415', async () => {
    await expectProblem(await api('/bookings', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hello' }), 415, 'invalid-input');
  });

  test('an oversized body → 413', async () => {
    const big = bookingBody(slotAt(8, 10), { message: 'x'.repeat(20 * 1024) });
    await expectProblem(await api('/bookings', { method: 'POST', json: big }), 413, 'invalid-input');
  });

  test('unknown ids → 404', async () => {
    await expectProblem(await api('/bookings', { method: 'POST', json: bookingBody(slotAt(8, 10), { mentorId: 'nobody' }) }), 404, 'not-found');
    await expectProblem(await api(`/mentors/nobody/slots?sessionType=${SESSION_TYPE}&from=${slotAt(1, 0)}&to=${slotAt(2, 0)}`), 404, 'not-found');
    await expectProblem(await api('/bookings/b-unknown/cancel', { method: 'POST', headers: { 'Cancel-Token': 'x' } }), 404, 'not-found');
    await expectProblem(await api('/no/such/route'), 404, 'not-found');
  });

  test('bad slot queries → 400; only an admin replaces the catalog', async () => {
    await expectProblem(await api(`/mentors/${MENTOR}/slots?sessionType=${SESSION_TYPE}&from=yesterday&to=${slotAt(2, 0)}`), 400, 'invalid-input');
    await expectProblem(await api('/catalog', { method: 'PUT', token: await server.token('alice'), json: {} }), 403, 'unauthorized');
    const bad = await expectProblem(await api('/catalog', { method: 'PUT', token: await server.token('root', 'admin'), json: { version: 1 } }), 400, 'invalid-input');
    assert.ok(bad.issues.some((i: { path: string }) => i.path === 'programs'));
  });

  test('after all of that the server still books and serves', async () => {
    const ok = await api('/bookings', { method: 'POST', json: bookingBody(slotAt(8, 10)) });
    assert.equal(ok.status, 201);
    const catalog = await (await api('/catalog')).json();
    assert.equal(catalog.mentors[0].id, MENTOR);
  });
});

describe('contract', () => {
  test('runs on the database the environment names', () => {
    assert.equal(server.db.kind, process.env.DATABASE_URL ? 'postgres' : 'pglite');
  });

  test('GET /openapi.json is generated from the zod schemas', async () => {
    const doc = await (await api('/openapi.json')).json();
    assert.equal(doc.openapi, '3.1.0');
    const request = doc.components.schemas.BookingRequest;
    assert.deepEqual([...request.required].sort(), ['careerLevel', 'email', 'goals', 'mentorId', 'message', 'name', 'sessionTypeId', 'start', 'timeZone']);
    assert.deepEqual(request.properties.careerLevel.enum, ['student', 'junior', 'mid', 'senior', 'staff', 'manager', 'director', 'other']);
    assert.equal(doc.components.schemas.SessionInput.properties.minutes.multipleOf, 15);
    assert.ok(doc.paths['/bookings'].post.responses['409']);
  });

  test('CORS allows the demo origin and not others', async () => {
    const allowed = await api('/catalog', { method: 'OPTIONS', headers: { Origin: 'http://127.0.0.1:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'idempotency-key,content-type' } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'http://127.0.0.1:5173');
    assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
    const other = await api('/catalog', { headers: { Origin: 'https://evil.example' } });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });
});

describe('slots', () => {
  test('a range reaching far into the past and future gives the free slots from now to the horizon', async () => {
    const from = new Date(Date.now() - 366 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 800 * 86_400_000).toISOString();
    const { items } = await (await api(`/mentors/${MENTOR}/slots?sessionType=${SESSION_TYPE}&from=${from}&to=${to}`)).json();
    assert.ok(items.length > 24 * 50, `only ${items.length} slots`);
    assert.ok(Date.parse(items[0].start) >= Date.now() - 3_600_000);
    assert.ok(Date.parse(items.at(-1).start) <= Date.now() + 61 * 86_400_000);
  });
});
