/**
 * client.mentor against the real reference server: a mentor's token (dev mode's /dev/token with
 * role=mentor) lists that mentor's bookings a page at a time, validated; marking attendance
 * before the session ends is a conflict; another mentor sees none of them; a backend without the
 * mentor role (local, memory) says so with a typed error.
 */
import { expect } from '@open-wc/testing';
import { createClient } from '../../src/sdk/client.js';
import { memoryBackend } from '../../src/sdk/backends/memory.js';
import type { Booking } from '../../src/sdk/schemas.js';
import { MentorshipError } from '../../src/sdk/errors.js';
import { caught, dayFromNow, httpClient, SERVER } from '../http-helpers.js';

const MENTOR = 'kenji-watanabe';

async function mentorToken(sub: string): Promise<string> {
  const response = await fetch(`${SERVER}/dev/token?sub=${encodeURIComponent(sub)}&role=mentor`);
  if (!response.ok) throw new Error(`GET /dev/token: HTTP ${response.status}`);
  return (await response.json()).token;
}

(SERVER ? describe : describe.skip)('client.mentor against the reference server', () => {
  it("a mentor lists their own bookings page by page; attendance waits for the session's end", async () => {
    const visitor = httpClient();
    // Days 41–44 from today are this file's.
    const [from, to] = [dayFromNow(41), dayFromNow(44)];
    const slots = await visitor.slots.list({ mentorId: MENTOR, sessionTypeId: 'one-on-one', from, to });
    expect(slots.length).to.be.greaterThan(2);
    const booked: Booking[] = [];
    for (const slot of [slots.at(-1)!, slots[0]!]) {
      const email = `ada-${Math.random().toString(36).slice(2)}@example.org`;
      booked.push(await visitor.bookings.create({ mentorId: MENTOR, sessionTypeId: 'one-on-one', start: slot.start, timeZone: 'Europe/Berlin', name: 'Ada Lovelace', email, careerLevel: 'senior', goals: '', message: '', locale: 'de-DE' }));
    }
    await visitor.bookings.cancel(booked[0]!.id);

    const token = await mentorToken(MENTOR);
    const mentor = httpClient({ getToken: () => token });
    const seen: Booking[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await mentor.mentor.bookings({ from, to, limit: 1, cursor });
      expect(page.items.length).to.be.at.most(1);
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).to.be.at.least(2);
    const mine = seen.filter((b) => booked.some((x) => x.id === b.id));
    // By start, any status, without the visitor's cancel token.
    expect(mine.map((b) => [b.id, b.status])).to.deep.equal([
      [booked[1]!.id, 'confirmed'],
      [booked[0]!.id, 'cancelled'],
    ]);
    expect(mine.every((b) => b.cancelToken === undefined)).to.equal(true);
    const confirmed = await mentor.mentor.bookings({ from, to, status: 'confirmed' });
    expect(confirmed.items.map((b) => b.id)).to.include(booked[1]!.id).and.not.include(booked[0]!.id);

    const early = await caught(mentor.mentor.markAttendance(booked[1]!.id, 'attended'));
    expect([early.code, early.message]).to.deep.equal(['conflict', 'This session has not ended yet; mark attendance afterwards.']);
    const cancelled = await caught(mentor.mentor.markAttendance(booked[0]!.id, 'no-show'));
    expect(cancelled.code).to.equal('conflict');

    const otherToken = await mentorToken('priya-raman');
    const other = httpClient({ getToken: () => otherToken });
    expect((await other.mentor.bookings({ from, to })).items.map((b) => b.id)).to.not.include(booked[1]!.id);
    expect((await caught(other.mentor.markAttendance(booked[1]!.id, 'attended'))).code).to.equal('not-found');
    // A mentee's token is no mentor's.
    expect((await caught(visitor.mentor.bookings())).code).to.equal('unauthorized');
  });

  it('checks the query and the attendance before asking the server', async () => {
    const mentor = httpClient({ getToken: () => mentorToken(MENTOR) });
    const badLimit = await caught(mentor.mentor.bookings({ limit: 0 }));
    expect([badLimit.code, badLimit.issues?.map((i) => i.path)]).to.deep.equal(['invalid-input', ['limit']]);
    const badFrom = await caught(mentor.mentor.bookings({ from: '2027-03-01' }));
    expect(badFrom.issues?.map((i) => i.path)).to.deep.equal(['from']);
    const badWord = await caught(mentor.mentor.markAttendance('b-1', 'late' as never));
    expect(badWord.code).to.equal('invalid-input');
  });
});

describe('client.mentor without the mentor role', () => {
  it('the memory (and local) backend has no mentor: a typed invalid-input error says so', async () => {
    const client = createClient({ backend: memoryBackend() });
    for (const attempt of [client.mentor.bookings(), client.mentor.markAttendance('b-1', 'attended')]) {
      const error = await caught(attempt);
      expect(error).to.be.instanceOf(MentorshipError);
      expect(error.code).to.equal('invalid-input');
      expect(error.message).to.equal("The memory backend has no mentor role: use the HTTP backend with a mentor's token.");
    }
  });
});
