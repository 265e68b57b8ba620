/**
 * The waitlist on a RecordStore (local and memory backends). An entry is a record
 * "waitlist:<id>"; joining checks the occurrence is full in the same atomic update that reads the
 * bookings, and every write that frees a seat (cancel, move, series cancel) promotes the line in
 * ITS atomic update through `promoteFreed`, so the seat never goes to anyone else first.
 */
import { MentorshipError } from '../errors.js';
import { findById, newId } from '../ids.js';
import type { Booking, BookingRequest, Catalog, WaitlistEntry } from '../schemas.js';
import * as rules from '../scheduling/waitlist.js';
import type { Backend } from './backend.js';
import type { RecordStore, RecordWrite } from './record-store.js';

export const WAITLIST = 'waitlist:';
const BOOKING = 'booking:';

/**
 * Inside an atomic update, after `freed` (bookings as they were before a cancel or move) gave up
 * their seats: who is promoted in each freed group occurrence, as the writes to add to the update
 * and the promoted entries to announce once it is stored. `bookings` are the stored ones after
 * the change.
 */
export function promoteFreed(catalog: Catalog, bookings: readonly Booking[], entries: readonly WaitlistEntry[], freed: readonly Booking[], now: string): { writes: RecordWrite[]; promoted: WaitlistEntry[] } {
  const writes: RecordWrite[] = [];
  const promoted: WaitlistEntry[] = [];
  const placed = [...bookings];
  const seen = new Set<string>();
  for (const old of freed) {
    const key = `${old.mentorId}|${old.sessionTypeId}|${Date.parse(old.start)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const mentor = catalog.mentors.find((m) => m.id === old.mentorId);
    const sessionType = catalog.sessionTypes.find((t) => t.id === old.sessionTypeId);
    if (!mentor || !sessionType || !rules.hasSeats(sessionType)) continue;
    for (const { entry, booking } of rules.planPromotions({ mentor, sessionType, bookings: placed, entries, start: old.start, now, newBookingId: () => newId('b-') })) {
      placed.push(booking);
      writes.push({ key: BOOKING + booking.id, value: booking }, { key: WAITLIST + entry.id, value: entry });
      promoted.push(entry);
    }
  }
  return { writes, promoted };
}

/**
 * Stores the booking `decide` makes from all stored bookings (a cancel, a move) in ONE atomic
 * update, together with the promotions into the seat it freed.
 */
export async function writeFreeing(store: RecordStore, catalog: Catalog, decide: (bookings: Booking[]) => Booking): Promise<{ booking: Booking; promoted: WaitlistEntry[] }> {
  return store.update<Booking, { booking: Booking; promoted: WaitlistEntry[] }>(
    BOOKING,
    (bookings, [entries]) => {
      const next = decide(bookings);
      const old = bookings.find((b) => b.id === next.id);
      const after = bookings.map((b) => (b.id === next.id ? next : b));
      const freed = old && old.status === 'confirmed' && (next.status !== 'confirmed' || next.start !== old.start) ? [old] : [];
      const promotion = promoteFreed(catalog, after, entries as WaitlistEntry[], freed, next.updatedAt);
      return { writes: [{ key: BOOKING + next.id, value: next }, ...promotion.writes], result: { booking: next, promoted: promotion.promoted } };
    },
    [WAITLIST],
  );
}

export interface WaitlistRecordsOptions {
  store: RecordStore;
  loadCatalog: () => Promise<Catalog>;
  now: () => string;
}

type WaitlistMethods = Required<Pick<Backend, 'joinWaitlist' | 'getWaitlistEntry' | 'leaveWaitlist' | 'listWaitlist' | 'markWaitlistSeen' | 'listFullSessions'>>;

export function waitlistRecords({ store, loadCatalog, now }: WaitlistRecordsOptions): WaitlistMethods {
  const idempotent = new Map<string, Promise<WaitlistEntry>>();
  const all = () => store.getAll<WaitlistEntry>(WAITLIST);
  /** One entry with its place in line. */
  const positioned = async (entry: WaitlistEntry) => rules.withPosition(entry, await all());

  return {
    joinWaitlist(request: BookingRequest, { idempotencyKey }) {
      const attempt =
        idempotent.get(idempotencyKey) ??
        loadCatalog().then((catalog) =>
          store.update<Booking, WaitlistEntry>(
            BOOKING,
            (bookings, [stored]) => {
              const entries = stored as WaitlistEntry[];
              const stamp = now();
              const mentor = findById(catalog.mentors, request.mentorId, 'mentor');
              const sessionType = findById(catalog.sessionTypes, request.sessionTypeId, 'session type');
              if (!mentor.sessionTypeIds.includes(sessionType.id)) throw new MentorshipError('invalid-input', `${mentor.name} does not offer "${sessionType.name}"`);
              const start = new Date(Date.parse(request.start)).toISOString();
              rules.assertCanJoin({ mentor, sessionType, request: { ...request, start }, bookings, entries, now: stamp });
              const createdAt = rules.joinStamp(rules.lineOf(entries, { ...request, start }), stamp);
              const entry: WaitlistEntry = {
                ...request,
                start,
                end: new Date(Date.parse(start) + sessionType.minutes * 60_000).toISOString(),
                id: newId('w-'),
                status: 'waiting',
                createdAt,
                updatedAt: stamp,
              };
              return { writes: [{ key: WAITLIST + entry.id, value: entry }], result: rules.withPosition(entry, [...entries, entry]) };
            },
            [WAITLIST],
          ),
        );
      idempotent.set(idempotencyKey, attempt);
      attempt.catch(() => idempotent.delete(idempotencyKey)); // a failed attempt may be retried
      return attempt;
    },

    async getWaitlistEntry(id: string) {
      const entry = await store.get<WaitlistEntry>(WAITLIST + id);
      if (!entry) throw new MentorshipError('not-found', `No waitlist entry with id "${id}"`);
      return positioned(entry);
    },

    /** Leaves the line; leaving twice is fine, but a promoted entry is a booking now (cancel that). */
    async leaveWaitlist(id: string) {
      const left = await store.update<WaitlistEntry, WaitlistEntry>(WAITLIST, (entries) => {
        const entry = findById(entries, id, 'waitlist entry');
        if (entry.status === 'left') return { writes: [], result: entry };
        if (entry.status === 'promoted') throw new MentorshipError('conflict', 'You already have a seat in this session: cancel the booking instead.');
        const { position: _drop, ...rest } = entry;
        const next: WaitlistEntry = { ...rest, status: 'left', updatedAt: now() };
        return { writes: [{ key: WAITLIST + id, value: next }], result: next };
      });
      return positioned(left);
    },

    async listWaitlist() {
      const entries = await all();
      return entries.map((e) => rules.withPosition(e, entries)).sort((a, b) => a.start.localeCompare(b.start));
    },

    async listFullSessions(request) {
      const [catalog, bookings] = await Promise.all([loadCatalog(), store.getAll<Booking>(BOOKING)]);
      const mentor = findById(catalog.mentors, request.mentorId, 'mentor');
      const sessionType = findById(catalog.sessionTypes, request.sessionTypeId, 'session type');
      return rules.fullOccurrences({ mentor, sessionType, bookings, from: request.from, to: request.to, now: now() });
    },

    async markWaitlistSeen(id: string) {
      const seen = await store.update<WaitlistEntry, WaitlistEntry>(WAITLIST, (entries) => {
        const entry = findById(entries, id, 'waitlist entry');
        if (entry.seenAt) return { writes: [], result: entry };
        const next = { ...entry, seenAt: now() };
        return { writes: [{ key: WAITLIST + id, value: next }], result: next };
      });
      return positioned(seen);
    },
  };
}
