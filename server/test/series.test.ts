/**
 * Recurring series on the reference server (issue 16), over real HTTP, on PGlite or PostgreSQL:
 * wall time kept in the mentor's zone across DST, all-or-nothing with the conflicts listed,
 * skipConflicts, cancel-from with the series token, and racing series.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Catalog } from '../../src/sdk/schemas.js';
import { apiFor, bookingBody, startServer, TEST_CATALOG, type TestServer } from './harness.js';

const BERLIN = 'berlin-mentor';
const CATALOG: Catalog = {
  ...TEST_CATALOG,
  mentors: [
    ...TEST_CATALOG.mentors,
    {
      ...TEST_CATALOG.mentors[0]!,
      id: BERLIN,
      name: 'Berlin Mentor',
      timeZone: 'Europe/Berlin',
      weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '18:00' })),
      rules: { ...TEST_CATALOG.mentors[0]!.rules, horizonDays: 400 },
    },
  ],
};
// Monday 15 February 2027, 14:00 in Berlin (CET); Berlin moves to summer time on 28 March 2027.
const FIRST = '2027-02-15T13:00:00.000Z';
const body = (extra: Record<string, unknown> = {}) => ({ ...bookingBody(FIRST, { mentorId: BERLIN }), frequency: 'weekly', count: 12, ...extra });
const berlin = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

let server: TestServer;
let api: ReturnType<typeof apiFor>;
before(async () => {
  server = await startServer({ catalog: CATALOG });
  api = apiFor(server);
});
after(() => server.close());

describe('series', () => {
  test('a taken occurrence refuses the whole series (409 listing it); skipConflicts books the other 11 at 14:00 Berlin across DST', async () => {
    const taken = await api('/bookings', { method: 'POST', json: bookingBody('2027-04-05T12:00:00.000Z', { mentorId: BERLIN, email: 'x@example.org' }) });
    assert.equal(taken.status, 201);
    const refused = await api('/series', { method: 'POST', json: body() });
    assert.equal(refused.status, 409);
    assert.equal(refused.headers.get('content-type'), 'application/problem+json');
    const problem = await refused.json();
    assert.deepEqual(problem.conflicts, ['2027-04-05T12:00:00.000Z']);
    assert.equal(problem.code, 'conflict');
    const [{ count }] = await server.db.query<{ count: number }>(`SELECT count(*)::int AS count FROM bookings WHERE mentor_id = $1`, [BERLIN]);
    assert.equal(count, 1, 'nothing of the refused series was stored');

    const created = await api('/series', { method: 'POST', json: body({ skipConflicts: true }) });
    assert.equal(created.status, 201);
    const series = await created.json();
    assert.equal(series.bookings.length, 11);
    assert.deepEqual(series.skipped, ['2027-04-05T12:00:00.000Z']);
    assert.deepEqual(series.bookings.map((b: { start: string }) => berlin(b.start)), Array(11).fill('14:00'));
    assert.deepEqual(series.bookings.slice(5, 7).map((b: { start: string }) => b.start), ['2027-03-22T13:00:00.000Z', '2027-03-29T12:00:00.000Z']);
    assert.equal(typeof series.cancelToken, 'string');
    assert.equal(series.bookings[0].cancelToken, undefined);

    // The series token reads it, and cancels this occurrence and all later ones.
    const token = { 'Cancel-Token': series.cancelToken };
    const read = await api(`/series/${series.id}`, { headers: token });
    assert.equal(read.status, 200);
    assert.equal((await read.json()).bookings.length, 11);
    assert.equal((await api(`/series/${series.id}`)).status, 404);
    const cancelled = await api(`/series/${series.id}/cancel`, { method: 'POST', headers: token, json: { from: series.bookings[8].start } });
    assert.equal(cancelled.status, 200);
    assert.deepEqual((await cancelled.json()).bookings.map((b: { status: string }) => b.status), [...Array(8).fill('confirmed'), 'cancelled', 'cancelled', 'cancelled']);
    // One occurrence alone, through the booking itself, with the same token.
    const one = await api(`/bookings/${series.bookings[0].id}/cancel`, { method: 'POST', headers: token });
    assert.equal(one.status, 200);
  });

  test('two overlapping series racing: one wins, the other gets 409 and stores nothing', async () => {
    const start = '2027-06-07T08:00:00.000Z';
    const responses = await Promise.all([
      api('/series', { method: 'POST', json: body({ start, count: 8, email: 'a@example.org' }) }),
      api('/series', { method: 'POST', json: body({ start: '2027-06-14T08:00:00.000Z', count: 8, email: 'b@example.org' }) }),
    ]);
    assert.deepEqual(responses.map((r) => r.status).sort(), [201, 409]);
    const rows = await server.db.query<{ start_at: Date }>(`SELECT start_at FROM bookings WHERE mentor_id = $1 AND status = 'confirmed' AND start_at >= $2`, [BERLIN, start]);
    assert.equal(rows.length, 8);
    assert.equal(new Set(rows.map((r) => new Date(r.start_at).toISOString())).size, 8);
  });

  test('the same Idempotency-Key replays the series with the same token', async () => {
    const init = { method: 'POST', json: body({ start: '2027-09-06T12:00:00.000Z', count: 2 }), headers: { 'Idempotency-Key': 'series-key-1' } };
    const first = await (await api('/series', init)).json();
    const again = await api('/series', init);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    const replayed = await again.json();
    assert.equal(replayed.id, first.id);
    assert.equal(replayed.cancelToken, first.cancelToken);
  });

  test('the visitor drops one occurrence and moves another: one transaction, the dropped start under skipped, no drop/move on the bookings', async () => {
    const first = '2027-10-04T12:00:00.000Z'; // Monday 14:00 CEST
    await api('/bookings', { method: 'POST', json: bookingBody('2027-10-11T12:00:00.000Z', { mentorId: BERLIN, email: 'x@example.org' }) });
    await api('/bookings', { method: 'POST', json: bookingBody('2027-10-18T12:00:00.000Z', { mentorId: BERLIN, email: 'x@example.org' }) });
    const moved = '2027-10-12T12:00:00.000Z'; // Tuesday instead of the taken Monday
    const response = await api('/series', {
      method: 'POST',
      json: body({ start: first, count: 4, move: [{ from: '2027-10-11T12:00:00.000Z', to: moved }], drop: ['2027-10-18T12:00:00.000Z'] }),
    });
    assert.equal(response.status, 201);
    const series = await response.json();
    assert.deepEqual(series.bookings.map((b: { start: string }) => b.start), [first, moved, '2027-10-25T12:00:00.000Z']); // still CEST (Berlin changes on 31 October)
    assert.deepEqual(series.skipped, ['2027-10-18T12:00:00.000Z']);
    const [{ doc }] = await server.db.query<{ doc: Record<string, unknown> }>('SELECT doc FROM bookings WHERE id = $1', [series.bookings[1].id]);
    assert.equal('move' in doc || 'drop' in doc, false);
  });

  test('bad input: count out of range is a 400 naming the field', async () => {
    const response = await api('/series', { method: 'POST', json: body({ count: 60 }) });
    assert.equal(response.status, 400);
    assert.ok((await response.json()).issues.some((i: { path: string }) => i.path === 'count'));
  });
});
