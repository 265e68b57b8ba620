/**
 * Scheduling, pure: generateSlots over the demo catalog's mentors with a fixed "now"
 * (Monday 2026-03-02 07:00 UTC, so the month crosses the US and EU daylight-saving changes).
 * Every mentor carries confirmed bookings (every 7th of its free slots) so the busy-interval
 * check does real work. Each sample is one call (or one pass over 50 mentors), timed alone.
 */
import { DEMO_CATALOG } from '../../src/sdk/catalog/demo-catalog.js';
import { generateSlots } from '../../src/sdk/scheduling/index.js';
import { planSeries } from '../../src/sdk/scheduling/series.js';
import { memoryBackend } from '../../src/sdk/backends/memory.js';
import { localBackend } from '../../src/sdk/backends/local.js';
import { createClient } from '../../src/sdk/client.js';
import type { Booking, Mentor, SessionType } from '../../src/sdk/schemas.js';
import { params, run } from './common.js';

const NOW = '2026-03-02T07:00:00.000Z';
const DAY = 86_400_000;
const plus = (days: number) => new Date(Date.parse(NOW) + days * DAY).toISOString();
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Asia/Tokyo', 'Europe/London', 'America/Los_Angeles', 'Australia/Sydney', 'America/Sao_Paulo'];

const sessionType = DEMO_CATALOG.sessionTypes.find((t) => t.id === 'one-on-one') as SessionType;

function bookingsFor(mentor: Mentor, from: string, to: string): Booking[] {
  const free = generateSlots({ mentor, sessionType, bookings: [], from, to, now: NOW });
  return free
    .filter((_, i) => i % 7 === 3)
    .map((slot, i) => ({
      id: `b-${mentor.id}-${i}`,
      mentorId: mentor.id,
      sessionTypeId: sessionType.id,
      start: slot.start,
      end: slot.end,
      timeZone: 'UTC',
      name: 'Bench Visitor',
      email: 'visitor@example.com',
      careerLevel: 'senior',
      goals: '',
      message: '',
      status: 'confirmed',
      createdAt: NOW,
      updatedAt: NOW,
    }) as Booking);
}

function sample(fn: () => number, runs: number) {
  const warm = (() => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  })();
  const samples: number[] = [];
  let slots = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    slots = fn();
    samples.push(performance.now() - t0);
  }
  return { warmup: warm, samples, slots };
}

run(async () => {
  const runs = Number(params.get('runs') ?? 10);
  const lena = DEMO_CATALOG.mentors[0]!;

  const monthTo = plus(31);
  const monthBookings = bookingsFor(lena, NOW, monthTo);
  const month = sample(() => generateSlots({ mentor: lena, sessionType, bookings: monthBookings, from: NOW, to: monthTo, now: NOW }).length, runs);

  // A year needs a horizon of a year (the demo mentor's is 60 days).
  const lenaYear: Mentor = { ...lena, rules: { ...lena.rules, horizonDays: 366 } };
  const yearTo = plus(365);
  const yearBookings = bookingsFor(lenaYear, NOW, yearTo);
  const year = sample(() => generateSlots({ mentor: lenaYear, sessionType, bookings: yearBookings, from: NOW, to: yearTo, now: NOW }).length, runs);

  // 50 mentors: the four demo mentors' patterns, cloned across eight time zones.
  const fifty: Mentor[] = Array.from({ length: 50 }, (_, i) => {
    const base = DEMO_CATALOG.mentors[i % DEMO_CATALOG.mentors.length]!;
    return { ...base, id: `mentor-${i}`, timeZone: ZONES[i % ZONES.length]!, rules: { ...base.rules, horizonDays: Math.max(base.rules.horizonDays, 31) } };
  });
  const own = new Map(fifty.map((m) => [m.id, bookingsFor(m, NOW, monthTo)]));
  const fiftyBookings = [...own.values()].flat();
  const many = sample(() => {
    let n = 0;
    // Each mentor with its own bookings, as the reference server queries them.
    for (const mentor of fifty) n += generateSlots({ mentor, sessionType, bookings: own.get(mentor.id)!, from: NOW, to: monthTo, now: NOW }).length;
    return n;
  }, runs);

  // A weekly series of 52 (a year) for Lena, every occurrence checked: the pure plan against a
  // year of bookings, then the whole creation through the client (memory; IndexedDB).
  const seriesFirst = yearBookings.length ? plus(2) : NOW;
  const plan = sample(() => planSeries({ mentor: lenaYear, sessionType, bookings: yearBookings, first: seriesFirst, frequency: 'weekly', count: 52, now: NOW }).length, runs);
  const catalog = { ...DEMO_CATALOG, mentors: [lenaYear, ...DEMO_CATALOG.mentors.slice(1)] };
  const firstFree = generateSlots({ mentor: lenaYear, sessionType, bookings: [], from: plus(1), to: plus(8), now: NOW })[0]!.start;
  const seriesRequest = (i: number) => ({
    mentorId: lena.id, sessionTypeId: sessionType.id, start: firstFree, timeZone: 'UTC', name: 'Bench', email: `b${i}@example.com`,
    careerLevel: 'senior' as const, goals: '', message: '', frequency: 'weekly' as const, count: 52,
  });
  const createMemory: number[] = [];
  const createLocal: number[] = [];
  let booked = 0;
  for (let i = 0; i < runs; i++) {
    const memoryClient = createClient({ backend: memoryBackend({ catalog, now: () => NOW }) });
    let t0 = performance.now();
    booked = (await memoryClient.series.create(seriesRequest(i))).bookings.length;
    createMemory.push(performance.now() - t0);
    const localClient = createClient({ backend: localBackend({ namespace: `bench-series-${Date.now()}-${i}`, now: () => NOW, catalogUrl: undefined }) });
    // The local backend serves the demo catalog (60-day horizon): 9 weekly occurrences fit.
    t0 = performance.now();
    await localClient.series.create({ ...seriesRequest(i), count: 9 });
    createLocal.push(performance.now() - t0);
    localClient.close();
  }

  return {
    now: NOW,
    series: { plan: plan.samples, occurrences: plan.slots, createMemory, createLocal, booked },
    month: { ...month, bookings: monthBookings.length },
    year: { ...year, bookings: yearBookings.length },
    fiftyMentors: { ...many, bookings: fiftyBookings.length },
  };
});
