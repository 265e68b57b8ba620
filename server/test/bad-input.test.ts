/**
 * Every bad input is a 4xx (issue 15): the reproduced 500s (NUL, lone surrogates, year 0000,
 * garbage cursors, %00 in a path), invisible-only names, then a request fuzz over every endpoint
 * asserting that nothing answers 5xx and the server keeps serving.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiFor, bookingBody, expectProblem, MENTOR, SESSION_TYPE, slotAt, startServer, type TestServer } from './harness.js';

let server: TestServer;
let api: ReturnType<typeof apiFor>;
let token: string;
let admin: string;
before(async () => {
  server = await startServer();
  api = apiFor(server);
  token = await server.token('fuzzed');
  admin = await server.token('root', 'admin');
});
after(() => server.close());

const session = { start: '2026-03-02T09:00:00.000Z', minutes: 60, activity: 'one-on-one' };

describe('the inputs that used to answer 500', () => {
  test('a NUL byte or a lone surrogate in any text field is a 400 naming the field', async () => {
    for (const bad of ['Ada\u0000', 'Ada\uD800', '\uDC00x']) {
      const problem = await expectProblem(await api('/bookings', { method: 'POST', json: bookingBody(slotAt(2, 3), { message: bad }) }), 400, 'invalid-input');
      assert.equal(problem.issues[0].path, 'message');
      await expectProblem(await api('/sessions', { method: 'POST', token, json: { ...session, notes: bad } }), 400, 'invalid-input');
      await expectProblem(await api('/sessions', { method: 'POST', token, json: { ...session, tags: [bad] } }), 400, 'invalid-input');
    }
    // A well-formed pair (an emoji) is fine.
    assert.equal((await api('/sessions', { method: 'POST', token, json: { ...session, notes: 'great 🎉' } })).status, 201);
  });

  test('instants outside 1970–9999 are a 400', async () => {
    await expectProblem(await api('/bookings', { method: 'POST', json: bookingBody('0000-01-01T00:00:00Z') }), 400, 'invalid-input');
    await expectProblem(await api('/sessions', { method: 'POST', token, json: { ...session, start: '0000-06-01T10:00:00Z' } }), 400, 'invalid-input');
    await expectProblem(await api('/sessions', { method: 'POST', token, json: { ...session, start: '1969-12-31T23:00:00Z' } }), 400, 'invalid-input');
    await expectProblem(await api(`/mentors/${MENTOR}/slots?sessionType=${SESSION_TYPE}&from=0000-01-01T00:00:00Z&to=${slotAt(2, 0)}`), 400, 'invalid-input');
  });

  test('a malformed cursor is a 400, never page one again', async () => {
    for (const cursor of ['AA', '%00', '!!!', 'x'.repeat(300), Buffer.from('a\u0000b').toString('base64url')]) {
      await expectProblem(await api(`/sessions?cursor=${cursor}`, { token }), 400, 'invalid-input');
    }
  });

  test('ids in paths are checked: %00 and friends are a 400', async () => {
    await expectProblem(await api('/bookings/%00'), 400, 'invalid-input');
    await expectProblem(await api('/bookings/%00/cancel', { method: 'POST', headers: { 'Cancel-Token': 'x' } }), 400, 'invalid-input');
    await expectProblem(await api('/sessions/%F0%9F%8E%89', { token }), 400, 'invalid-input');
    await expectProblem(await api(`/mentors/a%20b/slots?sessionType=${SESSION_TYPE}&from=${slotAt(1, 0)}&to=${slotAt(2, 0)}`), 400, 'invalid-input');
  });

  test('a name made only of invisible characters is refused', async () => {
    for (const name of ['\u200B\u200B', '\u3164', '\u2800\u2800', ' \u00A0\u2060 ', '\u180E']) {
      const problem = await expectProblem(await api('/bookings', { method: 'POST', json: bookingBody(slotAt(2, 5), { name }) }), 400, 'invalid-input');
      assert.ok(problem.issues.some((i: { path: string }) => i.path === 'name'), JSON.stringify(problem.issues));
    }
    assert.equal((await api('/bookings', { method: 'POST', json: bookingBody(slotAt(2, 5), { name: '李' }) })).status, 201);
  });
});

describe('request fuzz: hostile values everywhere, never a 5xx', () => {
  const strings = ['', ' ', '\u0000', '\uD800', '\uDFFF\uD800', 'x'.repeat(5000), '../../etc/passwd', "'; DROP TABLE bookings; --", '<script>alert(1)</script>', '%00', '\u202E', '0000-01-01T00:00:00Z', '99999-01-01T00:00:00Z', 'NaN', '-1', '1e309'];
  const values: unknown[] = [...strings, null, true, 0, -1, 1.5, 1e309, Number.MAX_SAFE_INTEGER, [], {}, [null], { __proto__: { admin: true } }, { constructor: 'x' }];
  const pathIds = ['%00', '%FF', '%ED%A0%80', 'a'.repeat(300), '..', '%2e%2e', 'b-unknown', '%20', '%27'];

  const fields = {
    booking: Object.keys(bookingBody(slotAt(2, 1))),
    session: ['start', 'minutes', 'activity', 'mentor', 'notes', 'tags', 'source', 'bookingId', 'id', 'createdAt', 'updatedAt', 'version'],
  };

  async function check(what: string, response: Promise<Response>) {
    const r = await response;
    assert.ok(r.status < 500, `${what}: ${r.status} ${await r.text()}`);
    await r.arrayBuffer().catch(() => {});
  }

  test('bodies: every field of a booking and a session set to every hostile value', async () => {
    for (const field of fields.booking) {
      for (const value of values) await check(`POST /bookings ${field}=${JSON.stringify(value)?.slice(0, 40)}`, api('/bookings', { method: 'POST', json: bookingBody(slotAt(3, 1), { [field]: value }) }));
    }
    for (const field of fields.session) {
      for (const value of values) {
        await check(`POST /sessions ${field}`, api('/sessions', { method: 'POST', token, json: { ...session, [field]: value } }));
        await check(`PATCH /sessions ${field}`, api('/sessions/s-nope', { method: 'PATCH', token, json: { [field]: value } }));
      }
    }
    for (const value of values) {
      await check('reschedule', api('/bookings/b-x/reschedule', { method: 'POST', headers: { 'Cancel-Token': 'x' }, json: { start: value } }));
      await check('catalog', api('/catalog', { method: 'PUT', token: admin, json: { version: 1, programs: value, mentors: [value], sessionTypes: value, commitmentModels: [] } }));
    }
  });

  test('whole bodies that are not objects, or not JSON, or oversized', async () => {
    const raw = ['', 'null', '[]', '"x"', '1', '{', '{"a":1}x', '\u0000', '{"name":"\\u0000"}', '{"name":"\\ud800"}', JSON.stringify({ a: 'x'.repeat(20_000) }), '{"__proto__":{"x":1}}', '['.repeat(5000)];
    const routes: [string, string][] = [['POST', '/bookings'], ['POST', '/sessions'], ['PATCH', '/sessions/s-1'], ['POST', '/bookings/b-1/reschedule'], ['PUT', '/catalog']];
    for (const [method, path] of routes) {
      for (const body of raw) {
        for (const type of ['application/json', 'text/plain', 'application/x-www-form-urlencoded']) {
          await check(`${method} ${path} ${type} ${body.slice(0, 20)}`, api(path, { method, token: path === '/catalog' ? admin : token, headers: { 'Content-Type': type }, body }));
        }
      }
    }
  });

  test('paths, query strings and headers', async () => {
    for (const id of pathIds) {
      await check(`GET /bookings/${id}`, api(`/bookings/${id}`, { headers: { 'Cancel-Token': 'x' } }));
      await check(`GET /sessions/${id}`, api(`/sessions/${id}`, { token }));
      await check(`DELETE /sessions/${id}`, api(`/sessions/${id}`, { method: 'DELETE', token }));
      await check(`slots ${id}`, api(`/mentors/${id}/slots?sessionType=${SESSION_TYPE}&from=${slotAt(1, 0)}&to=${slotAt(2, 0)}`));
    }
    // Lone surrogates cannot be percent-encoded as UTF-8: send their raw CESU bytes instead.
    const queryValues = [...strings.filter((s) => !/[\uD800-\uDFFF]/.test(s)).map(encodeURIComponent), '%ED%A0%80', '%FF%FE', '%00', '%'];
    for (const q of queryValues) {
      const s = q;
      await check(`slots from=${s.slice(0, 20)}`, api(`/mentors/${MENTOR}/slots?sessionType=${q}&from=${q}&to=${q}`));
      await check(`sessions cursor=${s.slice(0, 20)}`, api(`/sessions?cursor=${q}&limit=${q}`, { token }));
      await check(`dev token ${s.slice(0, 20)}`, api(`/dev/token?sub=${q}`));
    }
    const headerValues = ['', 'x'.repeat(8000), 'Bearer', 'Bearer a.b.c', 'Basic Zm9vOmJhcg==', '"1", "2"', 'W/"x"', '*', '"-1"', '"99999999999999999999"'];
    for (const value of headerValues) {
      await check(`Authorization ${value.slice(0, 20)}`, api('/sessions', { headers: { Authorization: value } }));
      await check(`If-Match ${value.slice(0, 20)}`, api('/sessions/s-1', { method: 'PATCH', token, headers: { 'If-Match': value }, json: { notes: 'x' } }));
      await check(`Idempotency-Key ${value.slice(0, 20)}`, api('/bookings', { method: 'POST', headers: { 'Idempotency-Key': value }, json: bookingBody(slotAt(3, 5)) }));
      await check(`Cancel-Token ${value.slice(0, 20)}`, api('/bookings/b-1/cancel', { method: 'POST', headers: { 'Cancel-Token': value } }));
    }
  });

  test('after all of that the server still books and serves', async () => {
    assert.equal((await api('/bookings', { method: 'POST', json: bookingBody(slotAt(3, 20)) })).status, 201);
    assert.equal((await api('/sessions', { token })).status, 200);
  });
});
