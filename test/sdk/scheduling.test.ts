import { expect } from '@open-wc/testing';
import {
  addDays,
  dateInZone,
  firstInstantAtOrAfter,
  generateSlots,
  isoWeekday,
  isSlotFree,
  offsetMinutes,
  timeInZone,
  wallClockAt,
  wallTimeToInstant,
} from '../../src/sdk/scheduling/index.js';
import type { Booking, BookingRules, Mentor, SessionType, WeeklyWindow } from '../../src/sdk/schemas.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const hour: SessionType = { id: 'one-on-one', name: '1:1', minutes: 60, frequency: 'weekly' };
const ninety: SessionType = { id: 'review', name: 'Review', minutes: 90, frequency: 'biweekly' };

function mentor(timeZone: string, weekly: WeeklyWindow[], rules: Partial<BookingRules> = {}, overrides: Mentor['overrides'] = []): Mentor {
  return {
    id: 'm1',
    name: 'Mentor',
    title: '',
    bio: '',
    timeZone,
    sessionTypeIds: ['one-on-one', 'review'],
    weekly,
    overrides,
    rules: { slotIntervalMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minimumNoticeMinutes: 0, horizonDays: 365, ...rules },
  };
}

function booking(start: string, end: string, extra: Partial<Booking> = {}): Booking {
  return {
    id: `b-${start}`,
    mentorId: 'm1',
    sessionTypeId: 'one-on-one',
    start,
    end,
    timeZone: 'UTC',
    name: 'A',
    email: 'a@example.com',
    careerLevel: 'mid',
    goals: '',
    message: '',
    status: 'confirmed',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

const NOW = '2026-01-01T00:00:00.000Z';
function starts(m: Mentor, from: string, to: string, options: { bookings?: Booking[]; type?: SessionType; now?: string } = {}) {
  return generateSlots({ mentor: m, sessionType: options.type ?? hour, bookings: options.bookings ?? [], from, to, now: options.now ?? NOW }).map((s) => s.start);
}

describe('zone: wall time ⇄ instant', () => {
  it('converts ordinary wall times, including a +05:30 zone', () => {
    expect(iso(wallTimeToInstant('2026-03-02', '09:00', 'Asia/Kolkata'))).to.equal('2026-03-02T03:30:00.000Z');
    expect(offsetMinutes(Date.parse('2026-03-02T03:30:00Z'), 'Asia/Kolkata')).to.equal(330);
    expect(iso(wallTimeToInstant('2026-07-01', '12:00', 'Europe/Berlin'))).to.equal('2026-07-01T10:00:00.000Z');
    expect(iso(wallTimeToInstant('2026-01-15', '12:00', 'America/New_York'))).to.equal('2026-01-15T17:00:00.000Z');
    expect(wallClockAt(Date.parse('2026-03-02T03:45:30Z'), 'Asia/Kolkata')).to.deep.equal({ year: 2026, month: 3, day: 2, hour: 9, minute: 15, second: 30 });
  });

  it('has no instant for a wall time in the spring-forward gap (Berlin 2026-03-29 02:30)', () => {
    expect(wallTimeToInstant('2026-03-29', '02:30', 'Europe/Berlin')).to.equal(null);
    expect(wallTimeToInstant('2026-03-29', '02:00', 'Europe/Berlin')).to.equal(null);
    expect(iso(wallTimeToInstant('2026-03-29', '01:59', 'Europe/Berlin'))).to.equal('2026-03-29T00:59:00.000Z');
    expect(iso(wallTimeToInstant('2026-03-29', '03:00', 'Europe/Berlin'))).to.equal('2026-03-29T01:00:00.000Z');
    // The first instant at or after a gap time is the jump itself (shown as 03:00 CEST).
    expect(iso(firstInstantAtOrAfter('2026-03-29', '02:30', 'Europe/Berlin'))).to.equal('2026-03-29T01:00:00.000Z');
    expect(iso(firstInstantAtOrAfter('2026-03-08', '02:15', 'America/New_York'))).to.equal('2026-03-08T07:00:00.000Z');
  });

  it('takes the first of two instants in the fall-back overlap (Berlin 2026-10-25 02:30)', () => {
    expect(iso(wallTimeToInstant('2026-10-25', '02:30', 'Europe/Berlin'))).to.equal('2026-10-25T00:30:00.000Z');
    expect(iso(wallTimeToInstant('2026-10-25', '03:00', 'Europe/Berlin'))).to.equal('2026-10-25T02:00:00.000Z');
    expect(timeInZone(Date.parse('2026-10-25T01:30:00Z'), 'Europe/Berlin')).to.equal('02:30');
    expect(iso(wallTimeToInstant('2026-11-01', '01:30', 'America/New_York'))).to.equal('2026-11-01T05:30:00.000Z');
  });

  it('treats 24:00 as midnight at the end of the date', () => {
    expect(iso(firstInstantAtOrAfter('2026-03-28', '24:00', 'Europe/Berlin'))).to.equal('2026-03-28T23:00:00.000Z');
    expect(iso(firstInstantAtOrAfter('2026-10-24', '24:00', 'Europe/Berlin'))).to.equal('2026-10-24T22:00:00.000Z');
    // Where the next midnight is skipped (spring forward at 00:00), the moment the clock jumps.
    expect(iso(firstInstantAtOrAfter('2026-03-07', '24:00', 'America/Havana'))).to.equal('2026-03-08T05:00:00.000Z');
    expect(iso(firstInstantAtOrAfter('2026-03-28', '24:00', 'Asia/Beirut'))).to.equal('2026-03-28T22:00:00.000Z');
    expect(wallTimeToInstant('2026-03-28', '24:00', 'Asia/Beirut')).to.equal(null);
  });

  it('finds a mentor Monday 09:00 in Tokyo on Sunday 17:00 in Los Angeles', () => {
    const instant = wallTimeToInstant('2026-03-16', '09:00', 'Asia/Tokyo')!;
    expect(iso(instant)).to.equal('2026-03-16T00:00:00.000Z');
    expect(isoWeekday('2026-03-16')).to.equal(1);
    expect(dateInZone(instant, 'America/Los_Angeles')).to.equal('2026-03-15');
    expect(isoWeekday(dateInZone(instant, 'America/Los_Angeles'))).to.equal(7);
    expect(timeInZone(instant, 'America/Los_Angeles')).to.equal('17:00');
  });

  it('does calendar arithmetic on dates', () => {
    expect(addDays('2026-02-28', 1)).to.equal('2026-03-01');
    expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
    expect(isoWeekday('2026-03-29')).to.equal(7);
  });
});

describe('generateSlots', () => {
  it('gives no slot inside the spring-forward gap (Europe/Berlin 2026-03-29)', () => {
    // Sunday window 01:00–05:00 wall time is 00:00Z–03:00Z: three real hours.
    const m = mentor('Europe/Berlin', [{ day: 7, start: '01:00', end: '05:00' }]);
    const slots = starts(m, '2026-03-28T12:00:00Z', '2026-03-30T00:00:00Z');
    expect(slots).to.deep.equal([
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T00:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T01:30:00.000Z',
      '2026-03-29T02:00:00.000Z',
    ]);
    expect(slots.map((s) => timeInZone(Date.parse(s), 'Europe/Berlin'))).to.deep.equal(['01:00', '01:30', '03:00', '03:30', '04:00']);
  });

  it('starts a window that opens inside the gap when the clock jumps past it', () => {
    const m = mentor('Europe/Berlin', [{ day: 7, start: '02:30', end: '04:00' }]);
    expect(starts(m, '2026-03-28T12:00:00Z', '2026-03-30T00:00:00Z')).to.deep.equal(['2026-03-29T01:00:00.000Z']);
  });

  it('counts the repeated fall-back hour once, as the real time it is (Europe/Berlin 2026-10-25)', () => {
    // 01:00 CEST (23:00Z) to 04:00 CET (03:00Z) is four real hours: four one-hour slots.
    const m = mentor('Europe/Berlin', [{ day: 7, start: '01:00', end: '04:00' }], { slotIntervalMinutes: 60 });
    const slots = starts(m, '2026-10-24T12:00:00Z', '2026-10-26T00:00:00Z');
    expect(slots).to.deep.equal(['2026-10-24T23:00:00.000Z', '2026-10-25T00:00:00.000Z', '2026-10-25T01:00:00.000Z', '2026-10-25T02:00:00.000Z']);
    expect(slots.map((s) => timeInZone(Date.parse(s), 'Europe/Berlin'))).to.deep.equal(['01:00', '02:00', '02:00', '03:00']);
    // Ordinary days around it keep their three hours.
    expect(starts(m, '2026-10-17T12:00:00Z', '2026-10-19T00:00:00Z')).to.deep.equal([
      '2026-10-17T23:00:00.000Z',
      '2026-10-18T00:00:00.000Z',
      '2026-10-18T01:00:00.000Z',
    ]);
  });

  it('handles America/New_York fall-back on 2026-11-01', () => {
    // 00:00 EDT (04:00Z) to 03:00 EST (08:00Z): four real hours.
    const m = mentor('America/New_York', [{ day: 7, start: '00:00', end: '03:00' }], { slotIntervalMinutes: 60 });
    expect(starts(m, '2026-10-31T12:00:00Z', '2026-11-02T12:00:00Z')).to.deep.equal([
      '2026-11-01T04:00:00.000Z',
      '2026-11-01T05:00:00.000Z',
      '2026-11-01T06:00:00.000Z',
      '2026-11-01T07:00:00.000Z',
    ]);
  });

  it('handles a half-hour zone (Asia/Kolkata)', () => {
    const m = mentor('Asia/Kolkata', [{ day: 1, start: '09:00', end: '11:00' }]);
    expect(starts(m, '2026-03-01T00:00:00Z', '2026-03-08T00:00:00Z')).to.deep.equal([
      '2026-03-02T03:30:00.000Z',
      '2026-03-02T04:00:00.000Z',
      '2026-03-02T04:30:00.000Z',
    ]);
    // A 90-minute session must end by 11:00 IST.
    expect(starts(m, '2026-03-01T00:00:00Z', '2026-03-08T00:00:00Z', { type: ninety })).to.deep.equal([
      '2026-03-02T03:30:00.000Z',
      '2026-03-02T04:00:00.000Z',
    ]);
  });

  it('uses the weekday of the mentor, not of UTC (Tokyo Monday 09:00 = Sunday 00:00Z)', () => {
    const m = mentor('Asia/Tokyo', [{ day: 1, start: '09:00', end: '10:00' }]);
    const slots = generateSlots({ mentor: m, sessionType: hour, bookings: [], from: '2026-03-14T00:00:00Z', to: '2026-03-21T00:00:00Z', now: NOW });
    expect(slots).to.deep.equal([{ start: '2026-03-16T00:00:00.000Z', end: '2026-03-16T01:00:00.000Z' }]);
  });

  it('leaves out time taken by a confirmed booking, not by a cancelled one or another mentor', () => {
    const m = mentor('UTC', [{ day: 1, start: '09:00', end: '13:00' }]);
    const range = ['2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z'] as const;
    const taken = booking('2026-03-02T10:00:00.000Z', '2026-03-02T11:00:00.000Z');
    expect(starts(m, ...range, { bookings: [taken] })).to.deep.equal([
      '2026-03-02T09:00:00.000Z',
      '2026-03-02T11:00:00.000Z',
      '2026-03-02T11:30:00.000Z',
      '2026-03-02T12:00:00.000Z',
    ]);
    const others = [{ ...taken, status: 'cancelled' as const }, { ...taken, id: 'x', mentorId: 'someone-else' }];
    expect(starts(m, ...range, { bookings: others })).to.have.length(7);
    // Rescheduling ignores the booking being moved.
    const all = generateSlots({ mentor: m, sessionType: hour, bookings: [taken], from: range[0], to: range[1], now: NOW, ignoreBookingId: taken.id });
    expect(all).to.have.length(7);
  });

  it('keeps buffers free before and after bookings', () => {
    const m = mentor('UTC', [{ day: 1, start: '09:00', end: '13:00' }], { slotIntervalMinutes: 15, bufferBeforeMinutes: 15, bufferAfterMinutes: 15 });
    const taken = booking('2026-03-02T10:00:00.000Z', '2026-03-02T11:00:00.000Z');
    expect(starts(m, '2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z', { bookings: [taken] })).to.deep.equal([
      '2026-03-02T11:30:00.000Z',
      '2026-03-02T11:45:00.000Z',
      '2026-03-02T12:00:00.000Z',
    ]);
    const early = booking('2026-03-02T12:00:00.000Z', '2026-03-02T13:00:00.000Z');
    expect(starts(m, '2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z', { bookings: [early] })).to.deep.equal([
      '2026-03-02T09:00:00.000Z',
      '2026-03-02T09:15:00.000Z',
      '2026-03-02T09:30:00.000Z',
      '2026-03-02T09:45:00.000Z',
      '2026-03-02T10:00:00.000Z',
      '2026-03-02T10:15:00.000Z',
      '2026-03-02T10:30:00.000Z',
    ]);
  });

  it('respects the minimum notice', () => {
    const m = mentor('UTC', [{ day: 1, start: '09:00', end: '13:00' }], { minimumNoticeMinutes: 120 });
    expect(starts(m, '2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z', { now: '2026-03-02T08:00:00.000Z' })).to.deep.equal([
      '2026-03-02T10:00:00.000Z',
      '2026-03-02T10:30:00.000Z',
      '2026-03-02T11:00:00.000Z',
      '2026-03-02T11:30:00.000Z',
      '2026-03-02T12:00:00.000Z',
    ]);
  });

  it('stops at the booking horizon', () => {
    const daily = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '09:00', end: '10:00' }));
    const m = mentor('UTC', daily, { horizonDays: 2 });
    expect(starts(m, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', { now: '2026-03-02T00:00:00.000Z' })).to.deep.equal([
      '2026-03-02T09:00:00.000Z',
      '2026-03-03T09:00:00.000Z',
    ]);
  });

  it('applies the daily cap to the mentor-local day', () => {
    const m = mentor('Asia/Tokyo', [2, 3].map((day) => ({ day, start: '08:00', end: '11:00' })), { maxPerDay: 1, slotIntervalMinutes: 60 });
    // 23:30Z on Monday 2 March is 08:30 on Tuesday 3 March in Tokyo: Tuesday is full.
    const taken = booking('2026-03-02T23:30:00.000Z', '2026-03-03T00:30:00.000Z');
    const slots = starts(m, '2026-03-02T00:00:00Z', '2026-03-05T00:00:00Z', { bookings: [taken] });
    expect(slots).to.deep.equal(['2026-03-03T23:00:00.000Z', '2026-03-04T00:00:00.000Z', '2026-03-04T01:00:00.000Z']);
    // A cancelled booking does not count toward the cap.
    expect(starts(m, '2026-03-02T00:00:00Z', '2026-03-05T00:00:00Z', { bookings: [{ ...taken, status: 'cancelled' }] })).to.have.length(6);
  });

  it('uses date overrides: a day off, or other windows on one date', () => {
    const weekly = [{ day: 1, start: '09:00', end: '11:00' }];
    const m = mentor('UTC', weekly, { slotIntervalMinutes: 60 }, [
      { date: '2026-03-02', windows: [] },
      { date: '2026-03-09', windows: [{ start: '14:00', end: '15:00' }] },
      { date: '2026-03-14', windows: [{ start: '20:00', end: '24:00' }] },
    ]);
    expect(starts(m, '2026-03-01T00:00:00Z', '2026-03-17T00:00:00Z')).to.deep.equal([
      '2026-03-09T14:00:00.000Z',
      '2026-03-14T20:00:00.000Z',
      '2026-03-14T21:00:00.000Z',
      '2026-03-14T22:00:00.000Z',
      '2026-03-14T23:00:00.000Z',
      '2026-03-16T09:00:00.000Z',
      '2026-03-16T10:00:00.000Z',
    ]);
  });

  it('merges overlapping windows without duplicate slots, sorted', () => {
    const m = mentor('UTC', [
      { day: 1, start: '10:00', end: '12:00' },
      { day: 1, start: '09:00', end: '11:00' },
    ], { slotIntervalMinutes: 60 });
    expect(starts(m, '2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z')).to.deep.equal([
      '2026-03-02T09:00:00.000Z',
      '2026-03-02T10:00:00.000Z',
      '2026-03-02T11:00:00.000Z',
    ]);
  });

  it('computes a month for a mentor across a DST change', () => {
    const m = mentor('Europe/Berlin', [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })));
    const slots = starts(m, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');
    // 22 weekdays × 15 half-hour starts of a one-hour session in 8 hours.
    expect(slots).to.have.length(22 * 15);
    expect(slots[0]).to.equal('2026-03-02T08:00:00.000Z'); // CET
    expect(slots.at(-1)).to.equal('2026-03-31T14:00:00.000Z'); // 16:00 CEST
  });

  it('re-checks one start (isSlotFree)', () => {
    const m = mentor('UTC', [{ day: 1, start: '09:00', end: '13:00' }]);
    const base = { mentor: m, sessionType: hour, bookings: [booking('2026-03-02T10:00:00.000Z', '2026-03-02T11:00:00.000Z')], now: NOW };
    expect(isSlotFree({ ...base, start: '2026-03-02T09:00:00.000Z' })).to.equal(true);
    expect(isSlotFree({ ...base, start: '2026-03-02T09:30:00.000Z' })).to.equal(false);
    expect(isSlotFree({ ...base, start: '2026-03-02T09:10:00.000Z' })).to.equal(false);
    expect(isSlotFree({ ...base, start: 'not a date' })).to.equal(false);
  });
});
