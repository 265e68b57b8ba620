/**
 * The SDK in Node 20 end to end against a running reference server: no IndexedDB, no DOM, the
 * offline queue in memory. server/test/sdk-node.test.ts runs it and checks that it prints its
 * summary and exits on its own — nothing here calls `close()` or `process.exit()`.
 *
 *   tsx test/node/sdk-script.ts <base-url> <mentor-id> <session-type-id> <mentee-token>
 */
import { createClient, httpBackend, memoryBackend, MentorshipError } from '../../src/sdk/index.js';

const [baseUrl, mentorId, sessionTypeId, token] = process.argv.slice(2) as [string, string, string, string];

// A visitor without an account: slots, a booking, its cancel token kept in memory.
const visitor = createClient({ backend: httpBackend({ baseUrl }) });
const day = 86_400_000;
const slots = await visitor.slots.list({ mentorId, sessionTypeId, from: new Date(Date.now() + day).toISOString(), to: new Date(Date.now() + 8 * day).toISOString() });
const request = { mentorId, sessionTypeId, start: slots[0]!.start, timeZone: 'Europe/Berlin', name: 'Ada Lovelace', email: 'ada@example.org', careerLevel: 'senior' as const, goals: '', message: '' };
const booking = await visitor.bookings.create(request);
const conflict = await visitor.bookings.create(request).catch((error: MentorshipError) => error.code);
const listed = await visitor.bookings.list();
const moved = await visitor.bookings.reschedule(booking.id, slots[2]!.start);
const cancelled = await visitor.bookings.cancel(booking.id);

// A mentee with a bearer token, through a network that can drop: the write waits in the queue.
let dropping = false;
const network: typeof fetch = async (input, init) => {
  if (dropping) throw new TypeError('fetch failed');
  return fetch(input, init);
};
const mentee = createClient({ backend: httpBackend({ baseUrl, getToken: () => token, fetch: network, retries: 0 }) });
const logged = await mentee.sessions.add({ start: '2026-03-02T09:00:00.000Z', minutes: 60, activity: 'one-on-one', notes: 'from Node' });
const edited = await mentee.sessions.update(logged.id, { minutes: 90 });
dropping = true;
const offline = await mentee.sessions.add({ start: '2026-03-03T09:00:00.000Z', minutes: 30, activity: 'code-review' });
const pending = await mentee.sync.pending();
dropping = false;
await mentee.sync.flush();
const afterFlush = await mentee.sync.pending();
const sessions = await mentee.sessions.list();
await mentee.sessions.remove(logged.id);
const remaining = await mentee.sessions.list();

// The memory backend: everything in this process.
const local = createClient({ backend: memoryBackend() });
const programs = await local.programs.list();
const memorySession = await local.sessions.add({ start: '2026-03-04T09:00:00.000Z', minutes: 45, activity: 'weekly-review' });

console.log(
  JSON.stringify({
    slots: slots.length > 2,
    booked: booking.status,
    conflict,
    listed: listed.map((b) => b.id === booking.id && typeof b.cancelToken === 'string'),
    moved: moved.start === slots[2]!.start,
    cancelled: cancelled.status,
    edited: edited.minutes,
    queued: pending.length === 1 && pending[0] === offline.id,
    afterFlush,
    sessions: sessions.map((s) => s.id).sort().join() === [logged.id, offline.id].sort().join(),
    remaining: remaining.map((s) => s.id === offline.id),
    programs: programs.length,
    memory: (await local.sessions.list()).map((s) => s.id === memorySession.id),
  }),
);
