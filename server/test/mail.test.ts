/**
 * Mail through the outbox to a real SMTP server process in the test (smtp-server), parsed as it
 * arrives (mailparser), invitations parsed with ical.js: confirmation with METHOD:REQUEST to the
 * visitor and a notice to the mentor, the new time on a reschedule, METHOD:CANCEL on cancellation,
 * a reminder, German for a German booking; a series' one mail per person for all its occurrences (in German too, naming those
 * it left out); a seat from the waitlist; an SMTP outage delays mail and loses none.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Catalog } from '../../src/sdk/schemas.js';
import { bookingBody, slotAt, TEST_CATALOG } from './harness.js';
import { startNotifiedServer, type NotifiedServer } from './notify-harness.js';

const MENTOR_EMAIL = 'mentor@example.org';
const when = (iso: string, locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(new Date(iso));
let mails: ParsedMail[] = [];
let refuse = false;
let waiters: (() => void)[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(_address, _session, callback) {
    callback(refuse ? Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 }) : undefined);
  },
  onData(stream, _session, callback) {
    simpleParser(stream).then((mail) => {
      mails.push(mail);
      for (const w of waiters.splice(0)) w();
      callback();
    }, callback);
  },
});

async function mailsFor(count: number, timeoutMs = 20_000): Promise<ParsedMail[]> {
  const deadline = Date.now() + timeoutMs;
  while (mails.length < count) {
    if (Date.now() > deadline) throw new Error(`waited for ${count} mails, got ${mails.length}`);
    await new Promise<void>((r) => (waiters.push(r), setTimeout(r, 200)));
  }
  return mails;
}
const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to : [m.to]).flatMap((a) => a?.value.map((v) => v.address) ?? []);
const invitation = (m: ParsedMail) => {
  const part = m.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  assert.ok(part, `"${m.subject}" carries an invitation`);
  const root = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
  const event = new ICAL.Event(root.getFirstSubcomponent('vevent')!);
  return { method: root.getFirstPropertyValue('method'), event, uid: event.uid, start: event.startDate.toJSDate().toISOString(), sequence: event.sequence, status: root.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status') };
};

/** Every VEVENT of a mail's calendar object. */
const invitations = (m: ParsedMail) => {
  const part = m.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  assert.ok(part, `"${m.subject}" carries an invitation`);
  const root = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
  const events = root.getAllSubcomponents('vevent').map((v) => ({ uid: new ICAL.Event(v).uid, start: new ICAL.Event(v).startDate.toJSDate().toISOString(), status: v.getFirstPropertyValue('status') }));
  return { method: root.getFirstPropertyValue('method'), events };
};

let server: NotifiedServer;
// The server's clock runs a day behind, so a booking two hours ahead was made "a day" early and its
// reminder (two hours before) is due at once.
const NOW_OFFSET = 86_400_000;
before(async () => {
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const catalog: Catalog = structuredClone(TEST_CATALOG);
  catalog.sessionTypes.push({ id: 'circle', name: 'Circle', minutes: 60, frequency: 'biweekly', capacity: 2 });
  catalog.mentors[0] = { ...catalog.mentors[0]!, email: MENTOR_EMAIL, sessionTypeIds: [...catalog.mentors[0]!.sessionTypeIds, 'circle'] };
  server = await startNotifiedServer(
    { smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, mailFrom: 'Mentorship <mentors@example.org>', reminderMinutes: 120, retrySchedule: [0.5, 0.5, 0.5] },
    { catalog, app: { now: () => Date.now() - NOW_OFFSET } },
  );
});
after(async () => {
  await server.close();
  await new Promise<void>((r) => smtp.close(() => r()));
});

describe('mail', () => {
  test('confirmation (REQUEST) to visitor and mentor, then the new time, then CANCEL', async () => {
    mails = [];
    const created = await server.api('/bookings', { method: 'POST', json: bookingBody(slotAt(5, 9)) });
    assert.equal(created.status, 201);
    const booking = await created.json();
    await mailsFor(2);
    const byTo = (address: string) => mails.find((m) => to(m).includes(address))!;
    const visitor = byTo('ada@example.org');
    const mentor = byTo(MENTOR_EMAIL);
    assert.equal(visitor.subject, 'Confirmed: One hour with Test Mentor');
    assert.match(visitor.text!, /Hello Ada Lovelace/);
    assert.equal(mentor.subject, 'New booking: Ada Lovelace, One hour');
    for (const m of [visitor, mentor]) {
      assert.equal(m.from?.value[0]?.address, 'mentors@example.org');
      const ics = invitation(m);
      assert.equal(ics.method, 'REQUEST');
      assert.equal(ics.uid, `${booking.id}@mentorship-kit`);
      assert.equal(ics.start, slotAt(5, 9));
      assert.ok(!m.text!.includes(booking.cancelToken));
    }

    mails = [];
    await server.api(`/bookings/${booking.id}/reschedule`, { method: 'POST', json: { start: slotAt(5, 12) }, headers: { 'Cancel-Token': booking.cancelToken } });
    await mailsFor(2);
    const moved = invitation(byTo('ada@example.org'));
    assert.equal(byTo('ada@example.org').subject, 'Moved: One hour with Test Mentor');
    assert.equal(moved.method, 'REQUEST');
    assert.equal(moved.start, slotAt(5, 12));
    assert.equal(moved.uid, `${booking.id}@mentorship-kit`);

    mails = [];
    await server.api(`/bookings/${booking.id}/cancel`, { method: 'POST', headers: { 'Cancel-Token': booking.cancelToken } });
    await mailsFor(2);
    for (const address of ['ada@example.org', MENTOR_EMAIL]) {
      const ics = invitation(byTo(address));
      assert.equal(ics.method, 'CANCEL');
      assert.equal(ics.status, 'CANCELLED');
      assert.equal(ics.uid, `${booking.id}@mentorship-kit`);
      assert.ok(ics.sequence >= moved.sequence);
    }
    assert.match(byTo('ada@example.org').subject!, /^Cancelled: /);
  });

  test('German for a booking made in German, with Intl dates in the visitor\'s zone', async () => {
    mails = [];
    const created = await server.api('/bookings', { method: 'POST', json: bookingBody(slotAt(6, 9), { locale: 'de-DE', email: 'grete@example.org', name: 'Grete' }) });
    assert.equal(created.status, 201);
    await mailsFor(2);
    const visitor = mails.find((m) => to(m).includes('grete@example.org'))!;
    assert.equal(visitor.subject, 'Bestätigt: One hour mit Test Mentor');
    const at = when(slotAt(6, 9), 'de-DE', 'Europe/Berlin');
    assert.ok(visitor.text!.includes(at), `${visitor.text} names ${at}`);
    assert.equal(invitation(visitor).method, 'REQUEST');
  });

  test('a seat from the waitlist: the visitor who waited is told a seat opened (REQUEST), in their language, and the mentor who has it', async () => {
    const start = slotAt(8, 9);
    /** Waits until the mails to `address` include one whose subject matches `subject`. */
    const mailTo = async (address: string, subject: RegExp) => {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const found = mails.find((m) => to(m).includes(address) && subject.test(m.subject ?? ''));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no mail to ${address} matching ${subject}: ${mails.map((m) => m.subject).join(' / ')}`);
        await new Promise<void>((r) => (waiters.push(r), setTimeout(r, 200)));
      }
    };
    const seated = await (await server.api('/bookings', { method: 'POST', json: bookingBody(start, { sessionTypeId: 'circle', email: 'first@example.org', name: 'First' }) })).json();
    await server.api('/bookings', { method: 'POST', json: bookingBody(start, { sessionTypeId: 'circle', email: 'second@example.org', name: 'Second' }) });
    const joined = await server.api('/waitlist', { method: 'POST', json: bookingBody(start, { sessionTypeId: 'circle', email: 'wanda@example.org', name: 'Wanda', locale: 'de-DE' }) });
    assert.equal(joined.status, 201, await joined.clone().text());
    // Every mail of the two bookings has come, so none arrives during a later test.
    for (const [address, subject] of [['first@example.org', /^Confirmed/], ['second@example.org', /^Confirmed/], [MENTOR_EMAIL, /^New booking: First/], [MENTOR_EMAIL, /^New booking: Second/]] as const) await mailTo(address, subject);
    await server.api(`/bookings/${seated.id}/cancel`, { method: 'POST', headers: { 'Cancel-Token': seated.cancelToken } });
    await mailTo('first@example.org', /^Cancelled: /);
    await mailTo(MENTOR_EMAIL, /^Cancelled: First/);
    const wanda = await mailTo('wanda@example.org', /./);
    assert.equal(wanda.subject, 'Ein Platz ist frei: Circle mit Test Mentor');
    assert.ok(wanda.text!.includes(`Sie sind gebucht für ${when(start, 'de-DE', 'Europe/Berlin')}`), wanda.text);
    const seat = invitation(wanda);
    assert.equal(seat.method, 'REQUEST');
    assert.equal(seat.start, start);
    // The mentor's notice is in the booking's language, as for every booking.
    await mailTo(MENTOR_EMAIL, /^Von der Warteliste: Wanda, Circle$/);
    assert.equal(mails.filter((m) => to(m).includes('wanda@example.org')).length, 1, 'no plain confirmation besides');
  });

  test('a series booked without a taken week names the week it left out, in German for a German booking, in each reader\'s zone', async () => {
    const starts = [slotAt(9, 9), slotAt(16, 9), slotAt(23, 9)];
    await server.api('/bookings', { method: 'POST', json: bookingBody(starts[1]!, { email: 'taken@example.org', name: 'Taken' }) });
    const created = await server.api('/series', { method: 'POST', json: { ...bookingBody(starts[0]!, { email: 'sam@example.org', name: 'Sam', locale: 'de-DE' }), frequency: 'weekly', count: 3, skipConflicts: true } });
    assert.equal(created.status, 201);
    assert.deepEqual((await created.json()).skipped, [starts[1]]);
    const deadline = Date.now() + 20_000;
    const find = (address: string, subject: RegExp) => mails.find((m) => to(m).includes(address) && subject.test(m.subject ?? ''));
    while (!(find('sam@example.org', /^Bestätigt/) && find(MENTOR_EMAIL, /^Neue Serie: Sam/) && find('taken@example.org', /^Confirmed/) && find(MENTOR_EMAIL, /^New booking: Taken/))) {
      if (Date.now() > deadline) throw new Error(`mails: ${mails.map((m) => m.subject).join(' / ')}`);
      await new Promise<void>((r) => (waiters.push(r), setTimeout(r, 200)));
    }
    const visitor = find('sam@example.org', /^Bestätigt/)!;
    assert.equal(visitor.subject, 'Bestätigt: 2 × One hour mit Test Mentor');
    for (const start of [starts[0]!, starts[2]!]) assert.ok(visitor.text!.includes(`- ${when(start, 'de-DE', 'Europe/Berlin')}`), visitor.text);
    assert.ok(visitor.text!.includes(`Nicht gebucht, weil diese Zeiten nicht frei waren:\n- ${when(starts[1]!, 'de-DE', 'Europe/Berlin')}`), visitor.text);
    const mentor = find(MENTOR_EMAIL, /^Neue Serie: Sam/)!;
    assert.equal(mentor.subject, 'Neue Serie: Sam, 2 × One hour');
    assert.ok(mentor.text!.includes(`Nicht gebucht, weil diese Zeiten nicht frei waren:\n- ${when(starts[1]!, 'de-DE', 'UTC')}`), mentor.text);
    assert.deepEqual(invitations(visitor).events.map((e) => e.start), [starts[0], starts[2]]);
  });

  test('a series of 3: one mail each with all 3 occurrences, a reminder per occurrence; cancelling from the 2nd: one CANCEL mail each for 2', async () => {
    mails = [];
    // The first occurrence is an hour ahead, so its reminders (two hours before) are due at once.
    const first = slotAt(0, new Date().getUTCHours() + 1);
    const starts = [first, new Date(Date.parse(first) + 7 * 86_400_000).toISOString(), new Date(Date.parse(first) + 14 * 86_400_000).toISOString()];
    const created = await server.api('/series', { method: 'POST', json: { ...bookingBody(starts[0]!), frequency: 'weekly', count: 3 } });
    assert.equal(created.status, 201);
    const series = await created.json();
    const uids = series.bookings.map((b: { id: string }) => `${b.id}@mentorship-kit`);
    await mailsFor(4);
    await new Promise((r) => setTimeout(r, 1000)); // no per-occurrence confirmation follows
    assert.equal(mails.length, 4);
    const byTo = (address: string) => mails.filter((m) => to(m).includes(address));
    const subjects = mails.map((m) => `${to(m)[0]}: ${m.subject}`).sort();
    assert.deepEqual(subjects, [
      'ada@example.org: Confirmed: 3 × One hour with Test Mentor',
      `ada@example.org: Reminder: One hour with Test Mentor, ${when(first, 'en-GB', 'Europe/Berlin')}`,
      'mentor@example.org: New series: Ada Lovelace, 3 × One hour',
      `mentor@example.org: Reminder: Ada Lovelace, One hour, ${when(first, 'en-GB', 'UTC')}`,
    ]);
    const confirmation = (address: string) => byTo(address).find((m) => !m.subject!.startsWith('Reminder'))!;
    const visitor = confirmation('ada@example.org');
    const mentor = confirmation(MENTOR_EMAIL);
    assert.equal(visitor!.subject, 'Confirmed: 3 × One hour with Test Mentor');
    assert.equal(mentor!.subject, 'New series: Ada Lovelace, 3 × One hour');
    for (const start of starts) assert.ok(visitor!.text!.includes(when(start, 'en-GB', 'Europe/Berlin')), `${visitor!.text} lists ${start}`);
    for (const start of starts) assert.ok(mentor!.text!.includes(when(start, 'en-GB', 'UTC')), `${mentor!.text} lists ${start}`);
    for (const m of [visitor!, mentor!]) {
      const ics = invitations(m);
      assert.equal(ics.method, 'REQUEST');
      assert.deepEqual(ics.events.map((e) => e.start), starts);
      assert.deepEqual(ics.events.map((e) => e.uid), uids);
      assert.ok(!m.text!.includes(series.cancelToken));
    }
    const reminders = await server.db.query<{ target: string; due: string }>(
      `SELECT j.target, j.next_attempt_at AS due FROM outbox_jobs j JOIN outbox_events e ON e.id = j.event_id WHERE e.type = 'series.created' AND e.payload->'data'->>'id' = $1 AND j.target LIKE 'reminder:%' ORDER BY j.target`,
      [series.id],
    );
    const expected = series.bookings.flatMap((b: { id: string }) => [`reminder:mentor:${b.id}`, `reminder:visitor:${b.id}`]).sort();
    assert.deepEqual(reminders.map((r) => r.target), expected);
    const dueOf = (target: string) => new Date(reminders.find((r) => r.target === target)!.due).toISOString();
    // The later occurrences' reminders wait for their own start (the first one's went above).
    for (const b of series.bookings.slice(1)) for (const role of ['visitor', 'mentor']) assert.equal(dueOf(`reminder:${role}:${b.id}`), b.start);

    mails = [];
    const cancelled = await server.api(`/series/${series.id}/cancel`, { method: 'POST', headers: { 'Cancel-Token': series.cancelToken }, json: { from: starts[1] } });
    assert.equal(cancelled.status, 200);
    await mailsFor(2);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(mails.length, 2);
    for (const address of ['ada@example.org', MENTOR_EMAIL]) {
      assert.equal(byTo(address).length, 1);
      const ics = invitations(byTo(address)[0]!);
      assert.equal(ics.method, 'CANCEL');
      assert.deepEqual(ics.events.map((e) => e.uid), uids.slice(1));
      assert.deepEqual(ics.events.map((e) => e.start), starts.slice(1));
      assert.deepEqual(ics.events.map((e) => e.status), ['CANCELLED', 'CANCELLED']);
    }
    assert.equal(byTo('ada@example.org')[0]!.subject, 'Cancelled: 2 × One hour with Test Mentor');
    assert.ok(!byTo('ada@example.org')[0]!.text!.includes(when(starts[0]!, 'en-GB', 'Europe/Berlin')));

    // Free the hour for the next test; its cancellation mails arrive here.
    mails = [];
    assert.equal((await server.api(`/bookings/${series.bookings[0].id}/cancel`, { method: 'POST', headers: { 'Cancel-Token': series.cancelToken } })).status, 200);
    await mailsFor(2);
  });

  test('a reminder goes before the session; an SMTP outage delays mail and loses none', async () => {
    mails = [];
    refuse = true;
    const soon = slotAt(0, new Date().getUTCHours() + 2);
    const created = await server.api('/bookings', { method: 'POST', json: bookingBody(soon) });
    assert.equal(created.status, 201);
    // Refused at first: the jobs wait for their retry.
    for (let i = 0; i < 50; i++) {
      const [{ n }] = await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_jobs WHERE channel = 'mail' AND attempts > 0 AND status = 'pending'`);
      if (n >= 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(mails.length, 0);
    refuse = false;
    await mailsFor(4); // confirmation and reminder, each to visitor and mentor
    const subjects = mails.map((m) => `${to(m)[0]}: ${m.subject}`).sort();
    assert.deepEqual(subjects, [
      'ada@example.org: Confirmed: One hour with Test Mentor',
      `ada@example.org: Reminder: One hour with Test Mentor, ${when(soon, 'en-GB', 'Europe/Berlin')}`,
      'mentor@example.org: New booking: Ada Lovelace, One hour',
      `mentor@example.org: Reminder: Ada Lovelace, One hour, ${when(soon, 'en-GB', 'UTC')}`,
    ]);
  });
});
