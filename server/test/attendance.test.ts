/**
 * Attendance over HTTP, through the SDK as a site uses it (httpBackend against the reference
 * server, whose clock the test moves past the sessions): the mentee's attended / no-show on their
 * own booking (`client.bookings.markAttendance`) counts the booking once as a session, whatever
 * is repeated; the mentor's record stands; `client.mentor.*` lists and marks the mentor's own.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { httpBackend } from '../../src/sdk/backends/http.js';
import { createClient } from '../../src/sdk/client.js';
import type { MentorshipError } from '../../src/sdk/errors.js';
import { apiFor, bookingBody, expectProblem, MENTOR, slotAt, startServer, type TestServer } from './harness.js';

let server: TestServer;
let clock = Date.now();
before(async () => {
  server = await startServer({ now: () => clock });
});
after(() => server.close());

const clientFor = (token: string) => createClient({ backend: httpBackend({ baseUrl: server.url, getToken: () => token, retries: 0, namespace: `t-${Math.random()}` }) });
const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as MentorshipError;
  }
  assert.fail('expected a rejection');
};

describe('attendance over HTTP', () => {
  test("a mentee's attended counts their booking once as a session; no-show and undo take it back", async () => {
    clock = Date.now();
    const mentee = clientFor(await server.token('attending-mentee'));
    const booking = await mentee.bookings.create(bookingBody(slotAt(2, 9)) as never);
    assert.equal((await rejection(mentee.bookings.markAttendance(booking.id, 'attended'))).code, 'conflict'); // not over yet
    clock = Date.parse(slotAt(2, 11));

    const first = await mentee.bookings.markAttendance(booking.id, 'attended');
    assert.deepEqual([first.booking.attendance, first.booking.attendanceBy], ['attended', 'mentee']);
    assert.deepEqual([first.session?.minutes, first.session?.source, first.session?.bookingId], [60, 'booking', booking.id]);
    // Again, and from a second device (a new client): still one session.
    await mentee.bookings.markAttendance(booking.id, 'attended');
    await clientFor(await server.token('attending-mentee')).bookings.markAttendance(booking.id, 'attended');
    const counted = (await mentee.sessions.list()).filter((s) => s.bookingId === booking.id);
    assert.equal(counted.length, 1);

    const noShow = await mentee.bookings.markAttendance(booking.id, 'no-show');
    assert.deepEqual([noShow.booking.attendance, noShow.session], ['no-show', null]);
    assert.equal((await mentee.sessions.list()).filter((s) => s.bookingId === booking.id).length, 0);
    const undone = await mentee.bookings.markAttendance(booking.id, null);
    assert.equal(undone.booking.attendance, undefined);
    assert.equal((await mentee.bookings.list()).find((b) => b.id === booking.id)?.attendance, undefined);
    mentee.close();
  });

  test("the same rules as sessions: a mentee's token, their own booking; the mentor's record stands", async () => {
    clock = Date.now();
    const api = apiFor(server);
    const ownerToken = await server.token('owner-mentee');
    const owner = clientFor(ownerToken);
    const booking = await owner.bookings.create(bookingBody(slotAt(3, 9)) as never);
    clock = Date.parse(slotAt(3, 11));
    const path = `/bookings/${booking.id}/attendance`;
    await expectProblem(await api(path, { method: 'POST', json: { attendance: 'attended' } }), 401, 'unauthorized');
    await expectProblem(await api(path, { method: 'POST', json: { attendance: 'attended' }, token: await server.token('someone-else') }), 404, 'not-found');
    await expectProblem(await api(path, { method: 'POST', json: { attendance: 'maybe' }, token: ownerToken }), 400, 'invalid-input');

    const mentor = clientFor(await server.token(MENTOR, 'mentor'));
    const page = await mentor.mentor.bookings({ from: slotAt(3, 0), to: slotAt(4, 0) });
    assert.deepEqual(page.items.map((b) => b.id), [booking.id]);
    const marked = await mentor.mentor.markAttendance(booking.id, 'no-show');
    assert.deepEqual([marked.attendance, marked.attendanceBy], ['no-show', 'mentor']);
    const refused = await rejection(owner.bookings.markAttendance(booking.id, 'attended'));
    assert.equal(refused.code, 'conflict');
    assert.match(refused.message, /Your mentor recorded this session as a no-show/);
    assert.equal((await rejection(owner.bookings.markAttendance(booking.id, null))).code, 'conflict');
    assert.equal((await owner.sessions.list()).length, 0);
    // Repeating the mentor's word is fine.
    assert.equal((await owner.bookings.markAttendance(booking.id, 'no-show')).booking.attendance, 'no-show');
    owner.close();
    mentor.close();
  });
});

test('OpenAPI describes the attendance and mentor routes', async () => {
  const doc = await (await fetch(`${server.url}/openapi.json`)).json();
  assert.ok(doc.paths['/bookings/{id}/attendance'].post.responses['409']);
  assert.deepEqual(doc.paths['/mentor/bookings'].get.parameters.map((p: { name: string }) => p.name), ['status', 'from', 'to', 'cursor', 'limit']);
  assert.ok(doc.paths['/mentor/bookings/{id}/attendance'].post);
  assert.deepEqual([...doc.components.schemas.MentorBookingPage.required].sort(), ['items', 'nextCursor']);
  assert.deepEqual(doc.components.schemas.Booking.properties.attendanceBy.enum, ['mentor', 'mentee']);
});
