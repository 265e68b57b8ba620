import { expect } from '@open-wc/testing';
import { localBackend } from '../../src/sdk/backends/local.js';
import { memoryBackend } from '../../src/sdk/backends/memory.js';
import { DEMO_CATALOG } from '../../src/sdk/catalog/demo-catalog.js';
import { createClient, type ChangeEvent, type MentorshipClient } from '../../src/sdk/client.js';
import { MentorshipError } from '../../src/sdk/errors.js';
import { seriesStarts } from '../../src/sdk/scheduling/series.js';
import { seriesToIcs } from '../../src/sdk/export/series-ics.js';
import ICAL from 'ical.js';
import type { Catalog, SeriesRequest } from '../../src/sdk/schemas.js';
import { freshNamespace } from '../helpers.js';

const NOW = () => '2026-03-02T00:00:00.000Z';
// Lena (Europe/Berlin) with a 120-day horizon, so 12 weeks fit.
const catalog: Catalog = structuredClone(DEMO_CATALOG);
catalog.mentors[0]!.rules = { ...catalog.mentors[0]!.rules, horizonDays: 120 };
const FIRST = '2026-03-16T13:00:00.000Z'; // Monday 14:00 CET
const request = (extra: Partial<SeriesRequest> = {}): SeriesRequest => ({
  mentorId: 'lena-hoffmann',
  sessionTypeId: 'one-on-one',
  start: FIRST,
  timeZone: 'America/New_York',
  name: 'Ada',
  email: 'ada@example.com',
  careerLevel: 'senior',
  goals: '',
  message: '',
  frequency: 'weekly',
  count: 12,
  ...extra,
});
const memory = () => createClient({ backend: memoryBackend({ catalog, now: NOW }) });
const newYork = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
const berlin = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

describe('recurring series', () => {
  let clients: MentorshipClient[] = [];
  afterEach(() => {
    for (const c of clients) c.close();
    clients = [];
  });

  it('keeps the wall time in the mentor\'s zone across both daylight-saving changes', () => {
    const starts = seriesStarts(FIRST, 'Europe/Berlin', 'weekly', 12) as string[];
    expect(starts).to.have.length(12);
    expect(starts.map(berlin)).to.deep.equal(Array(12).fill('14:00'));
    // Berlin moves to summer time on 29 March: 13:00 UTC before, 12:00 UTC after.
    expect(starts.slice(0, 3)).to.deep.equal(['2026-03-16T13:00:00.000Z', '2026-03-23T13:00:00.000Z', '2026-03-30T12:00:00.000Z']);
    // New York changed on 8 March already: 09:00 there for two weeks, then 08:00.
    expect(starts.map(newYork).slice(0, 3)).to.deep.equal(['09:00', '09:00', '08:00']);
    expect(starts.at(-1)).to.equal('2026-06-01T12:00:00.000Z');
    expect(seriesStarts(FIRST, 'Europe/Berlin', 'biweekly', 3)).to.deep.equal(['2026-03-16T13:00:00.000Z', '2026-03-30T12:00:00.000Z', '2026-04-13T12:00:00.000Z']);
    expect(seriesStarts('2026-01-31T13:00:00.000Z', 'Europe/Berlin', 'monthly', 3)).to.deep.equal(['2026-01-31T13:00:00.000Z', '2026-02-28T13:00:00.000Z', '2026-03-31T12:00:00.000Z']);
  });

  it('plans an occurrence whose wall time falls in the spring-forward gap an hour later, as calendars read it, instead of leaving it out', async () => {
    // Sundays 02:30 in Berlin; on 29 March the clocks jump from 02:00 to 03:00.
    const starts = seriesStarts('2026-03-22T01:30:00.000Z', 'Europe/Berlin', 'weekly', 3);
    expect(starts).to.deep.equal(['2026-03-22T01:30:00.000Z', '2026-03-29T01:30:00.000Z', '2026-04-05T00:30:00.000Z']);
    expect(starts.map(berlin)).to.deep.equal(['02:30', '03:30', '02:30']);

    // A mentor who takes night calls on Sundays: all three are booked, the second at 03:30.
    const night = structuredClone(catalog);
    night.mentors[0]!.weekly = [{ day: 7, start: '02:00', end: '05:00' }];
    const client = createClient({ backend: memoryBackend({ catalog: night, now: NOW }) });
    clients.push(client);
    const series = await client.series.create(request({ start: '2026-03-22T01:30:00.000Z', count: 3 }));
    expect(series.bookings.map((b) => b.start)).to.deep.equal(starts);
    expect(series.skipped).to.deep.equal([]);
  });

  it('checks every occurrence: one taken refuses the whole series and names it; skipConflicts books the rest', async () => {
    const client = memory();
    // Someone already has the 7th Monday (27 April, 14:00 CEST).
    await client.bookings.create({ ...request(), start: '2026-04-27T12:00:00.000Z', email: 'other@example.com' });
    let error: unknown;
    await client.series.create(request()).catch((e) => (error = e));
    expect((error as MentorshipError).code).to.equal('conflict');
    expect((error as MentorshipError).issues).to.deep.equal([{ path: 'conflicts.0', message: '2026-04-27T12:00:00.000Z' }]);
    expect(await client.bookings.list()).to.have.length(1); // nothing of the series was written

    const events: ChangeEvent[] = [];
    client.on('change', (e) => events.push(e));
    const series = await client.series.create(request({ skipConflicts: true }));
    expect(series.bookings).to.have.length(11);
    expect(series.skipped).to.deep.equal(['2026-04-27T12:00:00.000Z']);
    expect(series.bookings.every((b) => b.seriesId === series.id && b.status === 'confirmed')).to.equal(true);
    expect(series.bookings.map((b) => berlin(b.start))).to.deep.equal(Array(11).fill('14:00'));
    expect(events.filter((e) => e.resource === 'booking' && e.kind === 'added')).to.have.length(11);
    expect(await client.series.get(series.id)).to.deep.equal(series);
  });

  it('the visitor drops one occurrence and moves another: booked all together, the dropped one under skipped', async () => {
    const client = memory();
    await client.bookings.create({ ...request(), start: '2026-04-27T12:00:00.000Z', email: 'other@example.com' }); // the 7th Monday is taken
    await client.bookings.create({ ...request(), start: '2026-05-04T12:00:00.000Z', email: 'other@example.com' }); // and the 8th
    const moved = '2026-04-29T12:00:00.000Z'; // the 7th to Wednesday 14:00 CEST
    const series = await client.series.create(request({ move: [{ from: '2026-04-27T12:00:00.000Z', to: moved }], drop: ['2026-05-04T12:00:00.000Z'] }));
    expect(series.bookings).to.have.length(11);
    expect(series.bookings.map((b) => b.start)).to.include(moved);
    expect(series.skipped).to.deep.equal(['2026-05-04T12:00:00.000Z']);
    expect(series.bookings.some((b) => 'move' in b || 'drop' in b)).to.equal(false);

    // A move to a time that is not free is a conflict naming that time; nothing is written.
    const before = (await client.bookings.list()).length;
    const error = await client.series.create(request({ start: '2026-03-18T13:00:00.000Z', count: 6, move: [{ from: '2026-03-25T13:00:00.000Z', to: '2026-03-28T13:00:00.000Z' }] })).catch((e: MentorshipError) => e);
    expect((error as MentorshipError).issues).to.deep.equal([{ path: 'conflicts.0', message: '2026-03-28T13:00:00.000Z' }]); // a Saturday
    expect(await client.bookings.list()).to.have.length(before);
  });

  it('respects the daily cap and notice for every occurrence (the series counts itself)', async () => {
    const client = memory();
    let error: unknown;
    // The first occurrence is inside Lena's 12 hours' notice.
    await client.series.create(request({ start: '2026-03-02T08:00:00.000Z', count: 2 })).catch((e) => (error = e));
    expect((error as MentorshipError).issues.map((i) => i.message)).to.deep.equal(['2026-03-02T08:00:00.000Z']);
  });

  it('cancels this occurrence and all later ones, announcing each', async () => {
    const client = memory();
    const series = await client.series.create(request({ count: 4 }));
    const events: ChangeEvent[] = [];
    client.on('change', (e) => events.push(e));
    const after = await client.series.cancel(series.id, { from: series.bookings[2]!.start });
    expect(after.bookings.map((b) => b.status)).to.deep.equal(['confirmed', 'confirmed', 'cancelled', 'cancelled']);
    expect(events.map((e) => e.resource === 'booking' && `${e.kind} ${e.booking.status}`)).to.deep.equal(['updated cancelled', 'updated cancelled']);
    // Those times are free again.
    expect((await client.slots.list({ mentorId: 'lena-hoffmann', sessionTypeId: 'one-on-one', from: series.bookings[2]!.start, to: series.bookings[2]!.end })).map((s) => s.start)).to.include(series.bookings[2]!.start);
  });

  it('IndexedDB: two connections racing with overlapping series: one winner per occurrence', async () => {
    const namespace = freshNamespace('series-race');
    clients = [0, 1].map(() => createClient({ backend: localBackend({ namespace, now: NOW, catalogUrl: undefined }) }));
    // The local backend reads the demo catalog: Lena's 60-day horizon allows 8 weekly occurrences from 16 March.
    const results = await Promise.allSettled([
      clients[0]!.series.create(request({ count: 6, email: 'a@example.com' })),
      clients[1]!.series.create(request({ count: 6, email: 'b@example.com', start: '2026-03-23T13:00:00.000Z' })),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).to.have.length(1);
    expect(((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as MentorshipError).code).to.equal('conflict');
    const confirmed = (await clients[0]!.bookings.list()).filter((b) => b.status === 'confirmed');
    expect(confirmed).to.have.length(6);
    expect(new Set(confirmed.map((b) => b.start)).size).to.equal(6);
  });

  it('group sessions as a series: one seat in each occurrence', async () => {
    const client = memory();
    const series = await client.series.create(request({ sessionTypeId: 'group-session', frequency: 'biweekly', count: 3 }));
    expect(series.bookings).to.have.length(3);
    const slots = await client.slots.list({ mentorId: 'lena-hoffmann', sessionTypeId: 'group-session', from: FIRST, to: '2026-03-16T13:30:00.000Z' });
    expect(slots[0]!.seatsLeft).to.equal(5);
  });

  it('gives an .ics that ical.js reads as one event per occurrence, at the right instants', async () => {
    const client = memory();
    await client.bookings.create({ ...request(), start: '2026-04-27T12:00:00.000Z', email: 'other@example.com' });
    const series = await client.series.create(request({ skipConflicts: true }));
    const text = seriesToIcs(series, '1:1 coaching with Lena Hoffmann');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).to.have.length(11);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).to.deep.equal(series.bookings.map((b) => b.start));
    expect(events.map((e) => berlin(e.startDate.toJSDate().toISOString()))).to.deep.equal(Array(11).fill('14:00'));
    expect(events.map((e) => e.endDate.toJSDate().getTime() - e.startDate.toJSDate().getTime())).to.deep.equal(Array(11).fill(3_600_000));
    expect(new Set(events.map((e) => e.uid)).size).to.equal(11);
    expect(events[0]!.summary).to.equal('1:1 coaching with Lena Hoffmann');
  });
});
