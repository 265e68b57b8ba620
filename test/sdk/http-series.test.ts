/** client.series over httpBackend against the real reference server (started by `npm test`). */
import { expect } from '@open-wc/testing';
import { dayFromNow, httpClient, SERVER } from '../http-helpers.js';

const MENTOR = 'kenji-watanabe';

(SERVER ? describe : describe.skip)('client.series over HTTP', () => {
  it('books a bi-weekly group series (a seat in each occurrence), reads it, cancels one occurrence and then the rest', async () => {
    const client = httpClient();
    // Days 50–56 belong to this file; Kenji's horizon is 90 days, so three fortnights fit.
    const [first] = await client.slots.list({ mentorId: MENTOR, sessionTypeId: 'group-session', from: dayFromNow(50), to: dayFromNow(56) });
    expect(first!.seatsLeft).to.be.within(1, 6);
    const seats = first!.seatsLeft!;
    const series = await client.series.create({
      mentorId: MENTOR,
      sessionTypeId: 'group-session',
      start: first!.start,
      timeZone: 'America/New_York',
      name: 'Grace Hopper',
      email: `grace-${Date.now()}@example.org`,
      careerLevel: 'staff',
      goals: '',
      message: '',
      frequency: 'biweekly',
      count: 3,
    });
    expect(series.bookings).to.have.length(3);
    expect(series.cancelToken).to.be.a('string');
    expect(series.bookings.map((b) => Date.parse(b.start) - Date.parse(first!.start))).to.deep.equal([0, 14, 28].map((d) => d * 86_400_000));
    const [after] = await client.slots.list({ mentorId: MENTOR, sessionTypeId: 'group-session', from: first!.start, to: first!.end });
    expect(after?.seatsLeft ?? 0).to.equal(seats - 1);

    expect((await client.series.get(series.id)).bookings.map((b) => b.id)).to.deep.equal(series.bookings.map((b) => b.id));
    // One occurrence through the booking itself (the series' token is on it)…
    expect((await client.bookings.cancel(series.bookings[0]!.id)).status).to.equal('cancelled');
    // …then this one and all later ones.
    const done = await client.series.cancel(series.id, { from: series.bookings[1]!.start });
    expect(done.bookings.map((b) => b.status)).to.deep.equal(['cancelled', 'cancelled', 'cancelled']);
    client.close();
  });
});
