/**
 * Busy time in: a mentor's ICS feed (served by a real local HTTP server) with a weekly recurring
 * event in Europe/Berlin across the 2027 spring DST change, an EXDATE, a moved occurrence
 * (RECURRENCE-ID), an all-day event, a free (TRANSPARENT) event and a TZID without VTIMEZONE:
 * exactly those slots disappear and cannot be booked; conditional requests; a failing or
 * malformed feed keeps the last good copy and shows the error and its age to the admin.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Catalog } from '../../src/sdk/schemas.js';
import { bookingBody, MENTOR, SESSION_TYPE, TEST_CATALOG } from './harness.js';
import { startNotifiedServer, type NotifiedServer } from './notify-harness.js';

const BERLIN = `BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE`;

const FEED = `BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//busy//EN
${BERLIN}
BEGIN:VEVENT
UID:weekly@test
DTSTAMP:20270101T000000Z
DTSTART;TZID=Europe/Berlin:20270301T100000
DTEND;TZID=Europe/Berlin:20270301T110000
RRULE:FREQ=WEEKLY;COUNT=8
EXDATE;TZID=Europe/Berlin:20270322T100000
SUMMARY:Dentist
END:VEVENT
BEGIN:VEVENT
UID:weekly@test
DTSTAMP:20270101T000000Z
RECURRENCE-ID;TZID=Europe/Berlin:20270405T100000
DTSTART;TZID=Europe/Berlin:20270406T140000
DTEND;TZID=Europe/Berlin:20270406T150000
SUMMARY:Dentist (moved)
END:VEVENT
BEGIN:VEVENT
UID:allday@test
DTSTAMP:20270101T000000Z
DTSTART;VALUE=DATE:20270414
DTEND;VALUE=DATE:20270415
SUMMARY:Conference
END:VEVENT
BEGIN:VEVENT
UID:free@test
DTSTAMP:20270101T000000Z
DTSTART:20270316T120000Z
DTEND:20270316T130000Z
TRANSP:TRANSPARENT
SUMMARY:Free lunch
END:VEVENT
BEGIN:VEVENT
UID:newyork@test
DTSTAMP:20270101T000000Z
DTSTART;TZID=America/New_York:20270310T090000
DTEND;TZID=America/New_York:20270310T100000
SUMMARY:Call with New York
END:VEVENT
END:VCALENDAR
`.replace(/\n/g, '\r\n');

/** The slots the feed must take, as UTC hours (the mentor is free every hour, in UTC). */
const EXPECTED_BUSY = [
  '2027-03-08T09:00:00.000Z', // Monday 10:00 Berlin, CET (UTC+1)
  '2027-03-10T14:00:00.000Z', // 09:00 New York, EST (UTC-5), no VTIMEZONE in the feed
  '2027-03-15T09:00:00.000Z',
  // 2027-03-22 is an EXDATE; Berlin moves to CEST on 2027-03-28
  '2027-03-29T08:00:00.000Z', // Monday 10:00 Berlin, CEST (UTC+2)
  '2027-04-06T12:00:00.000Z', // the 2027-04-05 occurrence, moved to Tuesday 14:00
  '2027-04-12T08:00:00.000Z',
  ...Array.from({ length: 24 }, (_, h) => `2027-04-14T${String(h).padStart(2, '0')}:00:00.000Z`), // all day
  '2027-04-19T08:00:00.000Z', // the eighth and last (COUNT=8)
];

const NOW = Date.parse('2027-03-08T00:00:00Z');
const FROM = '2027-03-08T00:00:00.000Z';
const TO = '2027-04-21T00:00:00.000Z';

interface Feed {
  url: string;
  requests: IncomingHttpHeaders[];
  answer: 'feed' | 'error' | 'garbage';
  close(): Promise<void>;
}

async function startFeed(): Promise<Feed> {
  const feed: Feed = { url: '', requests: [], answer: 'feed', close: () => new Promise((r) => server.close(() => r())) };
  const server = createServer((req, res) => {
    feed.requests.push(req.headers);
    if (feed.answer === 'error') return res.writeHead(503).end('down');
    if (feed.answer === 'garbage') return res.writeHead(200, { 'content-type': 'text/calendar' }).end('<html>not a calendar</html>');
    if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'text/calendar', etag: '"v1"', 'last-modified': 'Fri, 01 Jan 2027 00:00:00 GMT' }).end(FEED);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  feed.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/busy.ics`;
  return feed;
}

let server: NotifiedServer;
let feed: Feed;
let admin: string;
before(async () => {
  feed = await startFeed();
  const catalog: Catalog = structuredClone(TEST_CATALOG);
  catalog.mentors[0] = { ...catalog.mentors[0]!, busyCalendarUrl: feed.url, rules: { ...catalog.mentors[0]!.rules, bufferAfterMinutes: 0 } };
  server = await startNotifiedServer({}, { catalog, app: { now: () => NOW } });
  admin = await server.token('root', 'admin');
});
after(async () => {
  await server.close();
  await feed.close();
});

const freeSlots = async () => {
  const r = await server.api(`/mentors/${MENTOR}/slots?sessionType=${SESSION_TYPE}&from=${FROM}&to=${TO}`);
  assert.equal(r.status, 200);
  return new Set<string>((await r.json()).items.map((s: { start: string }) => s.start));
};
const missing = (free: Set<string>) => {
  const out: string[] = [];
  for (let t = Date.parse(FROM); t < Date.parse(TO); t += 3_600_000) if (!free.has(new Date(t).toISOString())) out.push(new Date(t).toISOString());
  return out;
};

describe('busy time from the mentor\'s calendar', () => {
  test('before the first fetch nothing is blocked', async () => {
    assert.deepEqual(missing(await freeSlots()), []);
  });

  test('a weekly event across the DST change, EXDATE, RECURRENCE-ID, all-day, TZID: exactly those slots go', async () => {
    const refreshed = await server.api(`/busy-calendars/${MENTOR}/refresh`, { method: 'POST', token: admin });
    assert.equal(refreshed.status, 200);
    const status = await refreshed.json();
    assert.equal(status.lastError, null);
    assert.equal(status.host, new URL(feed.url).host);
    assert.deepEqual(missing(await freeSlots()), EXPECTED_BUSY);
  });

  test('a booking in busy time is refused like a taken slot; the EXDATE\'d hour books', async () => {
    const busy = await server.api('/bookings', { method: 'POST', json: bookingBody('2027-03-29T08:00:00.000Z') });
    assert.equal(busy.status, 409);
    const free = await server.api('/bookings', { method: 'POST', json: bookingBody('2027-03-22T09:00:00.000Z') });
    assert.equal(free.status, 201);
    const booked = await free.json();
    const moved = await server.api(`/bookings/${booked.id}/reschedule`, { method: 'POST', json: { start: '2027-04-14T10:00:00.000Z' }, headers: { 'Cancel-Token': booked.cancelToken } });
    assert.equal(moved.status, 409);
  });

  test('conditional request: the next fetch sends If-None-Match and a 304 keeps the copy', async () => {
    await server.api(`/busy-calendars/${MENTOR}/refresh`, { method: 'POST', token: admin });
    assert.equal(feed.requests.at(-1)!['if-none-match'], '"v1"');
    assert.equal(feed.requests.at(-1)!['if-modified-since'], 'Fri, 01 Jan 2027 00:00:00 GMT');
    // The same slots as before, plus the hour booked in the test before.
    assert.deepEqual(missing(await freeSlots()), [...EXPECTED_BUSY, '2027-03-22T09:00:00.000Z'].sort());
  });

  test('a failing, then a malformed feed: the last good copy stays in use, the admin sees the error and its age', async () => {
    for (const answer of ['error', 'garbage'] as const) {
      feed.answer = answer;
      const status = await (await server.api(`/busy-calendars/${MENTOR}/refresh`, { method: 'POST', token: admin })).json();
      assert.match(status.lastError, answer === 'error' ? /HTTP 503/ : /not a valid iCalendar/);
      assert.ok(status.lastErrorAt);
      assert.ok(status.fetchedAt);
      assert.equal(typeof status.ageSeconds, 'number');
      const list = await (await server.api('/busy-calendars', { token: admin })).json();
      assert.equal(list.items[0].lastError, status.lastError);
      assert.ok(missing(await freeSlots()).includes('2027-03-29T08:00:00.000Z'));
    }
    assert.equal((await server.api('/busy-calendars', { token: await server.token('mentee-1') })).status, 403);
  });

  test('a series: every occurrence in busy time is a conflict, like a single booking (issue 17)', async () => {
    // Mondays 08:00 UTC: 10:00 Berlin in CEST, the weekly event, except 2027-04-05 (moved to Tuesday).
    const body = { ...bookingBody('2027-03-29T08:00:00.000Z'), frequency: 'weekly', count: 4 };
    const refused = await server.api('/series', { method: 'POST', json: body });
    assert.equal(refused.status, 409);
    assert.deepEqual((await refused.json()).conflicts, ['2027-03-29T08:00:00.000Z', '2027-04-12T08:00:00.000Z', '2027-04-19T08:00:00.000Z']);
    const skipping = await server.api('/series', { method: 'POST', json: { ...body, skipConflicts: true } });
    assert.equal(skipping.status, 201);
    const series = await skipping.json();
    assert.deepEqual(series.bookings.map((b: { start: string }) => b.start), ['2027-04-05T08:00:00.000Z']);
    assert.deepEqual(series.skipped, ['2027-03-29T08:00:00.000Z', '2027-04-12T08:00:00.000Z', '2027-04-19T08:00:00.000Z']);
  });
});
