/**
 * The mentor's calendar feed out (ical.js parses it: confirmed bookings only, visitor name and
 * session type, email only when enabled; a rotated token is refused at once), and mail without
 * SMTP_URL: nothing sent, dev mode logs where it would have gone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { bookingBody, MENTOR, slotAt } from './harness.js';
import { startNotifiedServer, type NotifiedServer } from './notify-harness.js';

let server: NotifiedServer;
const logs: string[] = [];
before(async () => {
  server = await startNotifiedServer({ dev: true, log: (m) => logs.push(m) });
});
after(() => server.close());

const events = async (url: string) => {
  const r = await fetch(url);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type')!, /^text\/calendar/);
  const root = new ICAL.Component(ICAL.parse(await r.text()));
  return root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
};

describe('calendar feed out', () => {
  test('lists confirmed bookings with visitor and session type; a rotated token stops working at once', async () => {
    const admin = await server.token('root', 'admin');
    assert.equal((await server.api(`/mentors/${MENTOR}/feed-token`, { method: 'POST', token: await server.token('mentee-1') })).status, 403);
    const issued = await server.api(`/mentors/${MENTOR}/feed-token`, { method: 'POST', token: admin });
    assert.equal(issued.status, 201);
    const { url } = await issued.json();
    assert.match(url, new RegExp(`/v1/mentors/${MENTOR}/calendar\\.ics\\?token=`));

    const kept = await (await server.api('/bookings', { method: 'POST', json: bookingBody(slotAt(3, 9)) })).json();
    const dropped = await (await server.api('/bookings', { method: 'POST', json: bookingBody(slotAt(3, 14), { name: 'Grace Hopper' }) })).json();
    await server.api(`/bookings/${dropped.id}/cancel`, { method: 'POST', headers: { 'Cancel-Token': dropped.cancelToken } });
    const listed = await events(url);
    assert.deepEqual(listed.map((e) => [e.uid, e.summary, e.startDate.toJSDate().toISOString()]), [[`${kept.id}@mentorship-kit`, 'Ada Lovelace — One hour', slotAt(3, 9)]]);
    assert.ok(!listed[0]!.description.includes('ada@example.org'), 'no email unless the operator enables it');

    const rotated = (await (await server.api(`/mentors/${MENTOR}/feed-token`, { method: 'POST', token: admin })).json()).url;
    assert.notEqual(rotated, url);
    assert.equal((await fetch(url)).status, 403);
    assert.equal((await events(rotated)).length, 1);
    assert.equal((await fetch(rotated.replace(/token=.*/, 'token='))).status, 403);
    assert.equal((await fetch(rotated.replace(`/mentors/${MENTOR}/`, '/mentors/nobody/'))).status, 403);
  });

  test('without SMTP_URL no mail is sent; dev mode logs where it would have gone', async () => {
    await server.api('/bookings', { method: 'POST', json: bookingBody(slotAt(4, 9), { email: 'nomail@example.org' }) });
    for (let i = 0; i < 100 && !logs.some((l) => l.includes('nomail@example.org')); i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(logs.some((l) => /^mail not sent \(no SMTP_URL\): to nomail@example\.org: Confirmed: /.test(l)), logs.join('\n'));
    const rows = await server.db.query<{ status: string }>(`SELECT j.status FROM outbox_jobs j JOIN outbox_events e ON e.id = j.event_id WHERE j.channel = 'mail' AND j.target = 'visitor' AND e.payload->'data'->>'email' = 'nomail@example.org'`);
    assert.deepEqual(rows.map((r) => r.status), ['skipped']);
  });
});
