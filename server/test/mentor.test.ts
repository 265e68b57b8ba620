/** The mentor role: a mentor token reads that mentor's bookings and marks past ones attended or no-show. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { issueToken } from '../auth.js';
import { bookingBody, MENTOR, SECRET, slotAt, startServer, TEST_CATALOG, type TestServer } from './harness.js';

const OTHER = 'other-mentor';
let server: TestServer;
let clock = Date.now();
const api = (path: string, init: RequestInit & { token?: string; json?: unknown } = {}) => {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  if (init.json !== undefined) headers.set('Content-Type', 'application/json');
  return fetch(server.url + path, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
};
const book = async (mentorId: string, start: string) => {
  const r = await api('/bookings', { method: 'POST', json: bookingBody(start, { mentorId }) });
  assert.equal(r.status, 201);
  return r.json();
};

before(async () => {
  const catalog = structuredClone(TEST_CATALOG);
  catalog.mentors.push({ ...catalog.mentors[0]!, id: OTHER, name: 'Other Mentor' });
  server = await startServer({ catalog, now: () => clock });
});
after(() => server.close());

describe('mentor role', () => {
  test('a mentor lists their own bookings, any status, page by page; nobody else may', async () => {
    const mine = [await book(MENTOR, slotAt(2, 9)), await book(MENTOR, slotAt(1, 9)), await book(MENTOR, slotAt(3, 9))];
    await book(OTHER, slotAt(1, 9));
    await api(`/bookings/${mine[2].id}/cancel`, { method: 'POST', headers: { 'Cancel-Token': mine[2].cancelToken } });
    const token = await issueToken(SECRET, MENTOR, { role: 'mentor' });

    const first = await (await api('/mentor/bookings?limit=2', { token })).json();
    assert.deepEqual(first.items.map((b: { id: string }) => b.id), [mine[1].id, mine[0].id]); // by start
    assert.ok(first.nextCursor);
    const second = await (await api(`/mentor/bookings?limit=2&cursor=${first.nextCursor}`, { token })).json();
    assert.deepEqual(second.items.map((b: { id: string; status: string }) => [b.id, b.status]), [[mine[2].id, 'cancelled']]);
    assert.equal(second.nextCursor, null);
    assert.ok(![...first.items, ...second.items].some((b: object) => 'cancelToken' in b));
    const cancelled = await (await api('/mentor/bookings?status=cancelled', { token })).json();
    assert.deepEqual(cancelled.items.map((b: { id: string }) => b.id), [mine[2].id]);

    assert.equal((await api('/mentor/bookings')).status, 401);
    assert.equal((await api('/mentor/bookings', { token: await server.token('mentee-1') })).status, 403);
    assert.equal((await api('/mentor/bookings?cursor=bm9wZQ', { token })).status, 400);
    // A mentor token is no mentee token: the mentee's own list needs a mentee.
    assert.equal((await api('/bookings', { token })).status, 401);
  });

  test('attendance: only after the session, only the mentor\'s own, only confirmed bookings', async () => {
    const token = await issueToken(SECRET, MENTOR, { role: 'mentor' });
    const booking = await book(MENTOR, slotAt(5, 9));
    const others = await book(OTHER, slotAt(5, 9));
    const mark = (id: string, attendance: unknown) => api(`/mentor/bookings/${id}/attendance`, { method: 'POST', token, json: { attendance } });
    assert.equal((await mark(booking.id, 'attended')).status, 409); // not over yet
    clock = Date.parse(slotAt(5, 11));
    assert.equal((await mark(booking.id, 'maybe')).status, 400);
    assert.equal((await mark(others.id, 'attended')).status, 404);
    const marked = await mark(booking.id, 'no-show');
    assert.equal(marked.status, 200);
    assert.equal((await marked.json()).attendance, 'no-show');
    const list = await (await api(`/mentor/bookings?from=${slotAt(5, 0)}&to=${slotAt(6, 0)}`, { token })).json();
    assert.deepEqual(list.items.map((b: { id: string; attendance?: string }) => [b.id, b.attendance]), [[booking.id, 'no-show']]);
  });
});
