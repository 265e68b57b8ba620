/**
 * Recurring series on a RecordStore (local and memory backends): the whole series — every
 * occurrence checked, all written or none — is ONE atomic update of the store, like one booking.
 * A series record keeps its settings and the ids of its bookings; the bookings are ordinary
 * booking records carrying `seriesId`. The scheduling rules load on first use, as for bookings.
 */
import { MentorshipError } from '../errors.js';
import { findById, newId } from '../ids.js';
import { assertCanChange, assertVisitorCap } from '../scheduling/policies.js';
import type { Booking, Catalog, Series, SeriesRequest, WaitlistEntry } from '../schemas.js';
import type { Backend } from './backend.js';
import { findCatalogEntries } from './booking-records.js';
import type { RecordStore } from './record-store.js';
import { promoteFreed, WAITLIST } from './waitlist-records.js';

// Imported, not loaded on demand as series.js is: the booking records' chunk has them already.
const loadRules = () => import('../scheduling/series.js');

const BOOKING = 'booking:';
const SERIES = 'series:';

interface SeriesRecord extends Omit<Series, 'bookings'> {
  bookingIds: string[];
}

type Stored = { key: string; value: unknown };

/** The conflict a series refuses with: each taken start as an issue `conflicts.<n>`. */
export function seriesConflict(starts: string[]): MentorshipError {
  return new MentorshipError('conflict', `${starts.length} of the occurrences cannot be booked. Drop them or choose other times.`, {
    issues: starts.map((start, i) => ({ path: `conflicts.${i}`, message: start })),
  });
}

export function seriesRecords(
  store: RecordStore,
  loadCatalog: () => Promise<Catalog>,
  now: () => string,
  /** Told about waitlist promotions into the seats a cancelled series freed. */
  promoted: (entries: WaitlistEntry[]) => void = () => {},
): Required<Pick<Backend, 'createSeries' | 'getSeries' | 'cancelSeries'>> {
  const idempotent = new Map<string, Promise<Series>>();
  /** Reads every booking in one transaction, decides, writes (bookings and the series record). */
  const update = <R>(decide: (bookings: Booking[]) => { writes: Stored[]; result: R }) => store.update<Booking, R>(BOOKING, decide);
  /** A series record never changes after creation, so it is read before the transaction. */
  const record = async (id: string) => {
    const found = await store.get<SeriesRecord>(SERIES + id);
    if (!found) throw new MentorshipError('not-found', `No series with id "${id}".`);
    return found;
  };
  const assemble = (record: SeriesRecord, bookings: Booking[]): Series => {
    const { bookingIds, ...rest } = record;
    return { ...rest, bookings: bookingIds.map((id) => findById(bookings, id, 'booking')).sort((a, b) => a.start.localeCompare(b.start)) };
  };

  return {
    createSeries(request: SeriesRequest, { idempotencyKey }) {
      const attempt =
        idempotent.get(idempotencyKey) ??
        Promise.all([loadCatalog(), loadRules()]).then(([catalog, { planSeries, replacementsOf, conflictsOf }]) =>
          update((bookings) => {
            const stamp = now();
            const { mentor, sessionType } = findCatalogEntries(catalog, request.mentorId, request.sessionTypeId);
            const plan = planSeries({ mentor, sessionType, bookings, first: request.start, frequency: request.frequency, count: request.count, now: stamp, replacements: replacementsOf(request) });
            const conflicts = conflictsOf(plan);
            if (conflicts.length && !request.skipConflicts) throw seriesConflict(conflicts);
            const free = plan.filter((o) => o.free);
            if (!free.length) throw seriesConflict(conflicts);
            const { frequency: _f, count: _c, skipConflicts: _s, drop: _d, move: _m, ...single } = request;
            // The visitor cap counts every occurrence the series would add.
            for (let i = 0; i < free.length; i++) assertVisitorCap(mentor, request, [...bookings, ...free.slice(0, i).map((o) => ({ ...single, ...o, id: `p${i}`, status: 'confirmed' as const, createdAt: stamp, updatedAt: stamp }))], Date.parse(stamp));
            const id = newId('sr-');
            const created: Booking[] = free.map((o) => ({ ...single, start: o.start, end: o.end, id: newId('b-'), status: 'confirmed', createdAt: stamp, updatedAt: stamp, seriesId: id }));
            const created_: SeriesRecord = { id, mentorId: mentor.id, sessionTypeId: sessionType.id, frequency: request.frequency, count: request.count, skipped: plan.filter((o) => !o.free).map((o) => o.start), createdAt: stamp, bookingIds: created.map((b) => b.id) };
            return {
              writes: [...created.map((b) => ({ key: BOOKING + b.id, value: b })), { key: SERIES + id, value: created_ }],
              result: assemble(created_, created),
            };
          }),
        );
      idempotent.set(idempotencyKey, attempt);
      attempt.catch(() => idempotent.delete(idempotencyKey));
      return attempt;
    },

    async getSeries(id: string) {
      return assemble(await record(id), await store.getAll<Booking>(BOOKING));
    },

    /** Cancels every occurrence from `from` on (all when absent) in one write; the mentor's notice applies. */
    async cancelSeries(id: string, options: { from?: string } = {}) {
      const catalog = await loadCatalog();
      const series = await record(id);
      const result = await store.update<Booking, { series: Series; promoted: WaitlistEntry[] }>(BOOKING, (bookings, [entries]) => {
        const stamp = now();
        const mentor = catalog.mentors.find((m) => m.id === series.mentorId);
        const from = options.from ? Date.parse(options.from) : -Infinity;
        const cancelled = bookings
          .filter((b) => b.seriesId === id && b.status === 'confirmed' && Date.parse(b.start) >= from)
          .map((b) => {
            if (mentor) assertCanChange(mentor, b, 'cancel', Date.parse(stamp));
            return { ...b, status: 'cancelled' as const, updatedAt: stamp };
          });
        const next = bookings.map((b) => cancelled.find((c) => c.id === b.id) ?? b);
        // The seats given up go to the waitlists of their occurrences, in this same write.
        const freed = bookings.filter((b) => cancelled.some((c) => c.id === b.id));
        const promotion = promoteFreed(catalog, next, entries as WaitlistEntry[], freed, stamp);
        return {
          writes: [...cancelled.map((b) => ({ key: BOOKING + b.id, value: b })), ...promotion.writes],
          result: { series: assemble(series, next), promoted: promotion.promoted },
        };
      }, [WAITLIST]);
      if (result.promoted.length) promoted(result.promoted);
      return result.series;
    },
  };
}
