import { expect } from '@open-wc/testing';
import { localBackend } from '../../src/sdk/backends/local.js';
import { memoryBackend } from '../../src/sdk/backends/memory.js';
import { DEMO_CATALOG } from '../../src/sdk/catalog/demo-catalog.js';
import { createClient, type MentorshipClient } from '../../src/sdk/client.js';
import { MentorshipError } from '../../src/sdk/errors.js';
import { generateSlots } from '../../src/sdk/scheduling/index.js';
import { canChange, isPolicyRefusal } from '../../src/sdk/scheduling/policies.js';
import type { Booking, BookingRequest, Catalog, Mentor } from '../../src/sdk/schemas.js';
import { freshNamespace } from '../helpers.js';

// Monday 2 March 2026, 00:00 UTC. Lena (Europe/Berlin, 12 h notice) first has time at 14:00 CET.
const NOW = '2026-03-02T00:00:00.000Z';
const now = () => NOW;
const range = (sessionTypeId: string) => ({ mentorId: 'lena-hoffmann', sessionTypeId, from: NOW, to: '2026-03-03T00:00:00.000Z' });
const request = (start: string, i: number, extra: Partial<BookingRequest> = {}): BookingRequest => ({
  mentorId: 'lena-hoffmann',
  sessionTypeId: 'group-session',
  start,
  timeZone: 'Europe/Berlin',
  name: `Visitor ${i}`,
  email: `v${i}@example.com`,
  careerLevel: 'senior',
  goals: '',
  message: '',
  ...extra,
});
const conflicts = (results: PromiseSettledResult<unknown>[]) =>
  results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as MentorshipError).code);

describe('group sessions with seats', () => {
  let clients: MentorshipClient[] = [];
  afterEach(() => {
    for (const c of clients) c.close();
    clients = [];
  });

  it('IndexedDB: 9 connections (as tabs) race for a 6-seat group session: exactly 6 seats, 3 conflicts', async () => {
    const namespace = freshNamespace('seats');
    clients = Array.from({ length: 9 }, () => createClient({ backend: localBackend({ namespace, now }) }));
    const [first] = await clients[0]!.slots.list(range('group-session'));
    expect(first).to.deep.equal({ start: '2026-03-02T13:00:00.000Z', end: '2026-03-02T14:30:00.000Z', seatsLeft: 6 });
    const results = await Promise.allSettled(clients.map((c, i) => c.bookings.create(request(first!.start, i))));
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(6);
    expect(conflicts(results)).to.deep.equal(['conflict', 'conflict', 'conflict']);
    const stored = (await clients[1]!.bookings.list()).filter((b) => b.status === 'confirmed');
    expect(stored).to.have.length(6);
    // Full: no longer offered; and the mentor is busy for 1:1 coaching at that time.
    expect((await clients[2]!.slots.list(range('group-session'))).map((s) => s.start)).not.to.include(first!.start);
    expect((await clients[2]!.slots.list(range('one-on-one'))).map((s) => s.start)).not.to.include('2026-03-02T13:30:00.000Z');
    // A cancel frees one seat.
    await clients[3]!.bookings.cancel(stored[0]!.id);
    expect((await clients[4]!.slots.list(range('group-session')))[0]).to.deep.equal({ ...first, seatsLeft: 1 });
  });

  it('memory: seats count down in the slots, 1:1 blocked once one seat is taken, 8 racers give 6 seats', async () => {
    const client = createClient({ backend: memoryBackend({ now }) });
    const [first] = await client.slots.list(range('group-session'));
    await client.bookings.create(request(first!.start, 0));
    await client.bookings.create(request(first!.start, 1));
    expect((await client.slots.list(range('group-session')))[0]).to.deep.equal({ ...first, seatsLeft: 4 });
    let error: unknown;
    await client.bookings.create({ ...request(first!.start, 2), sessionTypeId: 'one-on-one' }).catch((e) => (error = e));
    expect((error as MentorshipError).code).to.equal('conflict');
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => client.bookings.create(request(first!.start, 10 + i))));
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(4);
    expect((await client.bookings.list()).filter((b) => b.status === 'confirmed')).to.have.length(6);
  });

  it('generateSlots: a day at its cap still lets visitors join an occurrence with seats left', () => {
    const mentor = { ...DEMO_CATALOG.mentors[0]!, rules: { ...DEMO_CATALOG.mentors[0]!.rules, maxPerDay: 1 } } as Mentor;
    const sessionType = DEMO_CATALOG.sessionTypes.find((t) => t.id === 'group-session')!;
    const seat: Booking = {
      ...request('2026-03-02T13:00:00.000Z', 0),
      id: 'b1',
      end: '2026-03-02T14:30:00.000Z',
      status: 'confirmed',
      createdAt: NOW,
      updatedAt: NOW,
    };
    const slots = generateSlots({ mentor, sessionType, bookings: [seat], from: NOW, to: '2026-03-03T00:00:00.000Z', now: NOW });
    expect(slots).to.deep.equal([{ start: seat.start, end: seat.end, seatsLeft: 5 }]);
  });
});

describe('booking policies on the local backends', () => {
  // Lena with every policy: 24 h to cancel, 48 h to move, 2 upcoming bookings per visitor, 3 h a week.
  const catalog: Catalog = structuredClone(DEMO_CATALOG);
  catalog.mentors[0]!.rules = { ...catalog.mentors[0]!.rules, cancelNoticeMinutes: 1440, rescheduleNoticeMinutes: 2880, maxActivePerVisitor: 2, maxHoursPerWeek: 3, maxPerDay: undefined };
  const strict = () => createClient({ backend: memoryBackend({ catalog, now }) });
  const one = (start: string, i: number, email = `p${i}@example.com`) => request(start, i, { sessionTypeId: 'one-on-one', email });

  it('refuses to cancel or move inside the notice, naming the rule, and allows it before', async () => {
    const client = strict();
    const soon = await client.bookings.create(one('2026-03-02T13:00:00.000Z', 0)); // 13 h away
    let error: unknown;
    await client.bookings.cancel(soon.id).catch((e) => (error = e));
    expect(isPolicyRefusal(error)).to.equal(true);
    expect((error as MentorshipError).message).to.equal(
      'This booking can no longer be cancelled online: Lena Hoffmann asks to be told at least 1 day before. Please contact your mentor.',
    );
    expect((error as MentorshipError).issues.map((i) => i.path)).to.deep.equal(['rules.cancelNoticeMinutes']);
    await client.bookings.reschedule(soon.id, '2026-03-04T08:00:00.000Z').catch((e) => (error = e));
    expect((error as MentorshipError).issues.map((i) => i.path)).to.deep.equal(['rules.rescheduleNoticeMinutes']);
    expect((await client.bookings.list())[0]!.status).to.equal('confirmed');

    const later = await client.bookings.create(one('2026-03-04T08:00:00.000Z', 1)); // 56 h away
    expect((await client.bookings.reschedule(later.id, '2026-03-04T09:00:00.000Z')).start).to.equal('2026-03-04T09:00:00.000Z');
    expect((await client.bookings.cancel(later.id)).status).to.equal('cancelled');
    expect(canChange(catalog.mentors[0]!, soon, 'cancel', Date.parse(NOW))).to.equal(false);
    expect(canChange(catalog.mentors[0]!, later, 'cancel', Date.parse(NOW))).to.equal(true);
  });

  it('maxActivePerVisitor: the third upcoming booking of one email is refused; cancelling one makes room', async () => {
    const client = strict();
    const a = await client.bookings.create(one('2026-03-04T08:00:00.000Z', 0, 'same@example.com'));
    await client.bookings.create(one('2026-03-04T10:00:00.000Z', 1, 'SAME@example.com'));
    let error: unknown;
    await client.bookings.create(one('2026-03-05T08:00:00.000Z', 2, 'same@example.com')).catch((e) => (error = e));
    expect((error as MentorshipError).issues.map((i) => i.path)).to.deep.equal(['rules.maxActivePerVisitor']);
    expect((error as MentorshipError).message).to.contain('You already have 2 upcoming bookings with Lena Hoffmann');
    await client.bookings.cancel(a.id);
    expect((await client.bookings.create(one('2026-03-05T08:00:00.000Z', 2, 'same@example.com'))).status).to.equal('confirmed');
  });

  it('maxHoursPerWeek: after 3 hours in a week that week offers no more slots and refuses a booking', async () => {
    const client = strict();
    for (const [i, start] of ['2026-03-03T08:00:00.000Z', '2026-03-03T10:00:00.000Z', '2026-03-04T08:00:00.000Z'].entries()) await client.bookings.create(one(start, i));
    const week = { mentorId: 'lena-hoffmann', sessionTypeId: 'one-on-one', from: NOW, to: '2026-03-09T00:00:00.000Z' };
    expect(await client.slots.list(week)).to.deep.equal([]);
    let error: unknown;
    await client.bookings.create(one('2026-03-05T08:00:00.000Z', 9)).catch((e) => (error = e));
    expect((error as MentorshipError).code).to.equal('conflict');
    expect((await client.slots.list({ ...week, from: '2026-03-09T00:00:00.000Z', to: '2026-03-10T00:00:00.000Z' })).length).to.be.above(0);
  });
});
