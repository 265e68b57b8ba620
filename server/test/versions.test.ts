/**
 * No lost updates (issue 15): sessions carry a version, sent as ETag; PATCH merges only the
 * fields sent in one statement; a stale If-Match gets 412 with the current session; DELETE and
 * PATCH cannot both succeed. On PGlite, or PostgreSQL with DATABASE_URL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiFor, bookingBody, expectProblem, slotAt, startServer, type TestServer } from './harness.js';

let server: TestServer;
let api: ReturnType<typeof apiFor>;
before(async () => {
  server = await startServer();
  api = apiFor(server);
});
after(() => server.close());

const input = { start: '2026-03-02T09:00:00.000Z', minutes: 60, activity: 'one-on-one', notes: 'first notes', tags: ['a'] };

async function create(token: string) {
  const response = await api('/sessions', { method: 'POST', token, json: input });
  assert.equal(response.status, 201);
  assert.equal(response.headers.get('etag'), '"1"');
  const body = await response.json();
  assert.equal(body.version, 1);
  return body as { id: string; version: number };
}

describe('session versions', () => {
  test('two concurrent PATCHes of different fields both land, 50 times out of 50', async () => {
    const token = await server.token('racer');
    for (let round = 0; round < 50; round++) {
      const { id } = await create(token);
      const [a, b] = await Promise.all([
        api(`/sessions/${id}`, { method: 'PATCH', token, json: { notes: `notes ${round}` } }),
        api(`/sessions/${id}`, { method: 'PATCH', token, json: { minutes: 90 } }),
      ]);
      assert.deepEqual([a.status, b.status], [200, 200]);
      const now = await (await api(`/sessions/${id}`, { token })).json();
      assert.equal(now.notes, `notes ${round}`, `round ${round}: the notes change was lost`);
      assert.equal(now.minutes, 90, `round ${round}: the minutes change was lost`);
      assert.equal(now.version, 3);
    }
  });

  test('a PATCH changes only the fields it names (defaults never overwrite)', async () => {
    const token = await server.token('partial');
    const { id } = await create(token);
    const patched = await (await api(`/sessions/${id}`, { method: 'PATCH', token, json: { minutes: 45 } })).json();
    assert.equal(patched.minutes, 45);
    assert.equal(patched.notes, 'first notes');
    assert.deepEqual(patched.tags, ['a']);
  });

  test('ETag and If-Match: the current version wins, a stale one gets 412 with the current session', async () => {
    const token = await server.token('etag');
    const { id } = await create(token);
    const ok = await api(`/sessions/${id}`, { method: 'PATCH', token, headers: { 'If-Match': '"1"' }, json: { notes: 'mine' } });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('etag'), '"2"');
    const stale = await api(`/sessions/${id}`, { method: 'PATCH', token, headers: { 'If-Match': '"1"' }, json: { notes: 'theirs' } });
    const problem = await expectProblem(stale, 412, 'conflict');
    assert.equal(stale.headers.get('etag'), '"2"');
    assert.equal(problem.current.notes, 'mine');
    assert.equal(problem.current.version, 2);
    assert.equal((await (await api(`/sessions/${id}`, { token })).json()).notes, 'mine');
    await expectProblem(await api(`/sessions/${id}`, { method: 'DELETE', token, headers: { 'If-Match': '"1"' } }), 412, 'conflict');
    await expectProblem(await api(`/sessions/${id}`, { method: 'PATCH', token, headers: { 'If-Match': 'garbage' }, json: { notes: 'x' } }), 412, 'conflict');
    // A whole session sent back with the version it was read at replaces only that version.
    const current = await (await api(`/sessions/${id}`, { token })).json();
    await expectProblem(await api('/sessions', { method: 'POST', token, json: { ...current, version: 1, notes: 'old copy' } }), 412, 'conflict');
    const replaced = await api('/sessions', { method: 'POST', token, json: { ...current, notes: 'new copy' } });
    assert.equal(replaced.status, 200);
    assert.equal(replaced.headers.get('etag'), '"3"');
    assert.equal((await api(`/sessions/${id}`, { method: 'DELETE', token, headers: { 'If-Match': '"3"' } })).status, 204);
  });

  test('a DELETE racing a PATCH of the same version: exactly one succeeds, 20 times out of 20', async () => {
    const token = await server.token('delete-race');
    for (let round = 0; round < 20; round++) {
      const { id } = await create(token);
      const [patch, del] = await Promise.all([
        api(`/sessions/${id}`, { method: 'PATCH', token, headers: { 'If-Match': '"1"' }, json: { notes: 'edit' } }),
        api(`/sessions/${id}`, { method: 'DELETE', token, headers: { 'If-Match': '"1"' } }),
      ]);
      const won = [patch.ok, del.ok].filter(Boolean).length;
      assert.equal(won, 1, `round ${round}: PATCH ${patch.status}, DELETE ${del.status}`);
      assert.ok([404, 412].includes(patch.ok ? del.status : patch.status));
    }
  });

  test('a PATCH after a DELETE is a 404, never a 200', async () => {
    const token = await server.token('after-delete');
    const { id } = await create(token);
    assert.equal((await api(`/sessions/${id}`, { method: 'DELETE', token })).status, 204);
    await expectProblem(await api(`/sessions/${id}`, { method: 'PATCH', token, json: { notes: 'ghost' } }), 404, 'not-found');
  });

  test('bookings carry an ETag too; a stale If-Match on cancel is a 412', async () => {
    const created = await api('/bookings', { method: 'POST', json: bookingBody(slotAt(9, 10)) });
    const booking = await created.json();
    assert.equal(created.headers.get('etag'), '"1"');
    const headers = { 'Cancel-Token': booking.cancelToken };
    const moved = await api(`/bookings/${booking.id}/reschedule`, { method: 'POST', headers: { ...headers, 'If-Match': '"1"' }, json: { start: slotAt(9, 12) } });
    assert.equal(moved.status, 200);
    assert.equal(moved.headers.get('etag'), '"2"');
    const stale = await expectProblem(await api(`/bookings/${booking.id}/cancel`, { method: 'POST', headers: { ...headers, 'If-Match': '"1"' } }), 412, 'conflict');
    assert.equal(stale.current.start, slotAt(9, 12));
    assert.equal(stale.current.cancelToken, undefined);
    assert.equal((await api(`/bookings/${booking.id}/cancel`, { method: 'POST', headers: { ...headers, 'If-Match': '"2"' } })).status, 200);
  });
});
