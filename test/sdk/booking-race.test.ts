import { expect } from '@open-wc/testing';
import { localBackend } from '../../src/sdk/backends/local.js';
import { memoryBackend } from '../../src/sdk/backends/memory.js';
import { createClient, type MentorshipClient } from '../../src/sdk/client.js';
import { MentorshipError } from '../../src/sdk/errors.js';
import type { BookingRequest } from '../../src/sdk/schemas.js';
import { freshNamespace } from '../helpers.js';

// Monday 2 March 2026; Lena (Europe/Berlin) needs 12 h notice, so her first slot is 14:00 CET.
const now = () => '2026-03-02T00:00:00.000Z';
const range = { mentorId: 'lena-hoffmann', sessionTypeId: 'one-on-one', from: '2026-03-02T00:00:00.000Z', to: '2026-03-04T00:00:00.000Z' };
const request = (start: string, name = 'Ada'): BookingRequest => ({
  mentorId: 'lena-hoffmann',
  sessionTypeId: 'one-on-one',
  start,
  timeZone: 'Europe/Berlin',
  name,
  email: 'ada@example.com',
  careerLevel: 'senior',
  goals: 'Staff promotion',
  message: '',
});

async function settle(promises: Promise<unknown>[]) {
  const results = await Promise.allSettled(promises);
  const won = results.filter((r) => r.status === 'fulfilled');
  const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  return { won, lost };
}

function localPair() {
  const namespace = freshNamespace('race');
  return [createClient({ backend: localBackend({ namespace, now }) }), createClient({ backend: localBackend({ namespace, now }) })] as const;
}

describe('booking lifecycle and races', () => {
  let clients: MentorshipClient[] = [];
  afterEach(() => {
    for (const c of clients) c.close();
    clients = [];
  });

  it('two local clients (two IndexedDB connections) racing for one slot: exactly one booking, one conflict', async () => {
    const [a, b] = localPair();
    clients = [a, b];
    const [first] = await a.slots.list(range);
    expect(first!.start).to.equal('2026-03-02T13:00:00.000Z');
    const { won, lost } = await settle([a.bookings.create(request(first!.start, 'A')), b.bookings.create(request(first!.start, 'B'))]);
    expect(won).to.have.length(1);
    expect(lost).to.have.length(1);
    expect(MentorshipError.is(lost[0]!.reason)).to.equal(true);
    expect((lost[0]!.reason as MentorshipError).code).to.equal('conflict');
    const stored = await b.bookings.list();
    expect(stored.filter((x) => x.status === 'confirmed').map((x) => x.start)).to.deep.equal(['2026-03-02T13:00:00.000Z']);
    expect((await a.slots.list(range)).map((s) => s.start)).not.to.include('2026-03-02T13:00:00.000Z');
  });

  it('five local clients racing: still exactly one booking', async () => {
    const namespace = freshNamespace('race5');
    clients = Array.from({ length: 5 }, () => createClient({ backend: localBackend({ namespace, now }) }));
    const start = '2026-03-03T08:00:00.000Z';
    const { won, lost } = await settle(clients.map((c, i) => c.bookings.create(request(start, `V${i}`))));
    expect(won).to.have.length(1);
    expect(lost.map((l) => (l.reason as MentorshipError).code)).to.deep.equal(['conflict', 'conflict', 'conflict', 'conflict']);
    expect(await clients[0]!.bookings.list()).to.have.length(1);
  });

  it('two clients on one memory backend racing: exactly one booking', async () => {
    const backend = memoryBackend({ now });
    const a = createClient({ backend });
    const b = createClient({ backend });
    clients = [a, b];
    const { won, lost } = await settle([a.bookings.create(request('2026-03-03T08:00:00.000Z')), b.bookings.create(request('2026-03-03T08:00:00.000Z'))]);
    expect(won).to.have.length(1);
    expect((lost[0]!.reason as MentorshipError).code).to.equal('conflict');
    expect(await a.bookings.list()).to.have.length(1);
  });

  it('a double submit with one idempotency key makes one booking', async () => {
    const [a] = localPair();
    clients = [a];
    const key = 'idem-double-click';
    const [one, two] = await Promise.all([
      a.bookings.create(request('2026-03-03T08:00:00.000Z'), { idempotencyKey: key }),
      a.bookings.create(request('2026-03-03T08:00:00.000Z'), { idempotencyKey: key }),
    ]);
    expect(one.id).to.equal(two.id);
    expect(await a.bookings.list()).to.have.length(1);
  });

  it('a refused attempt under an idempotency key can be tried again; the refusal wrote nothing', async () => {
    const [a, b] = localPair();
    clients = [a, b];
    const start = '2026-03-03T08:00:00.000Z';
    const blocker = await b.bookings.create(request(start, 'Grace'));
    const key = 'idem-after-conflict';
    try {
      await a.bookings.create(request(start), { idempotencyKey: key });
      expect.fail('booked a taken slot');
    } catch (error) {
      expect((error as MentorshipError).code).to.equal('conflict');
    }
    expect((await a.bookings.list()).map((x) => x.id)).to.deep.equal([blocker.id]);
    await b.bookings.cancel(blocker.id);
    const booked = await a.bookings.create(request(start), { idempotencyKey: key });
    expect([booked.name, booked.status]).to.deep.equal(['Ada', 'confirmed']);
  });

  it('refuses a start that is not a free slot', async () => {
    const client = createClient({ backend: memoryBackend({ now }) });
    clients = [client];
    for (const start of ['2026-03-03T08:10:00.000Z', '2026-03-02T08:00:00.000Z', '2026-03-07T08:00:00.000Z']) {
      try {
        await client.bookings.create(request(start));
        expect.fail(`booked ${start}`);
      } catch (error) {
        expect((error as MentorshipError).code).to.equal('conflict');
      }
    }
  });

  it('cancel frees the slot', async () => {
    const [a, b] = localPair();
    clients = [a, b];
    const start = '2026-03-03T08:00:00.000Z';
    const booking = await a.bookings.create(request(start));
    expect(booking.end).to.equal('2026-03-03T09:00:00.000Z');
    expect(booking.status).to.equal('confirmed');
    const cancelled = await b.bookings.cancel(booking.id);
    expect(cancelled.status).to.equal('cancelled');
    expect((await a.slots.list(range)).map((s) => s.start)).to.include(start);
    const again = await b.bookings.create(request(start, 'Grace'));
    expect(again.name).to.equal('Grace');
  });

  it('reschedule moves the booking atomically and refuses a taken slot', async () => {
    const [a, b] = localPair();
    clients = [a, b];
    const booking = await a.bookings.create(request('2026-03-03T08:00:00.000Z'));
    const other = await b.bookings.create(request('2026-03-03T10:00:00.000Z', 'Grace'));
    const moved = await a.bookings.reschedule(booking.id, '2026-03-02T14:00:00.000Z');
    expect(moved.id).to.equal(booking.id);
    expect([moved.start, moved.end]).to.deep.equal(['2026-03-02T14:00:00.000Z', '2026-03-02T15:00:00.000Z']);
    const free = (await a.slots.list(range)).map((s) => s.start);
    expect(free).to.include('2026-03-03T08:00:00.000Z');
    expect(free).not.to.include('2026-03-02T14:00:00.000Z');
    try {
      await a.bookings.reschedule(booking.id, other.start);
      expect.fail('moved onto a taken slot');
    } catch (error) {
      expect((error as MentorshipError).code).to.equal('conflict');
    }
    const stored = (await b.bookings.list()).find((x) => x.id === booking.id)!;
    expect(stored.start).to.equal('2026-03-02T14:00:00.000Z');
  });

  it('two reschedules racing for one slot: one wins', async () => {
    const [a, b] = localPair();
    clients = [a, b];
    const one = await a.bookings.create(request('2026-03-03T08:00:00.000Z'));
    const two = await b.bookings.create(request('2026-03-03T10:00:00.000Z', 'Grace'));
    const { won, lost } = await settle([a.bookings.reschedule(one.id, '2026-03-04T08:00:00.000Z'), b.bookings.reschedule(two.id, '2026-03-04T08:00:00.000Z')]);
    expect(won).to.have.length(1);
    expect((lost[0]!.reason as MentorshipError).code).to.equal('conflict');
    const starts = (await a.bookings.list()).map((x) => x.start).sort();
    expect(starts.filter((s) => s === '2026-03-04T08:00:00.000Z')).to.have.length(1);
  });
});
