/**
 * The Backend on top of a RecordStore: bookings, sessions and the plan as one record each, and
 * the slot re-check inside the store's atomic update. Used by localBackend and memoryBackend.
 */
import { MentorshipError } from '../errors.js';
import { findById, newId, nowIso } from '../ids.js';
import type { isSlotFree } from '../scheduling/slots.js';
import type { Booking, BookingRequest, Catalog, Plan, Session, WaitlistEntry } from '../schemas.js';
import type { Backend, SlotRequest } from './backend.js';
import type { RecordStore } from './record-store.js';
import type { seriesRecords } from './series-records.js';
import { forwardTo, once, WAITLIST_METHODS } from './forward.js';

const BOOKING = 'booking:';
const SESSION = 'session:';
const PLAN = 'plan';

export interface RecordBackendOptions {
  kind: string;
  store: RecordStore;
  loadCatalog: () => Promise<Catalog>;
  channelName?: string;
  /** Injected clock for tests; defaults to the real one. */
  now?: () => string;
}

/**
 * The slot and policy rules, loaded on first use: a page that never lists slots or books (a
 * tracker or calculator alone) never downloads them.
 */
const loadRules = () => Promise.all([import('../scheduling/slots.js'), import('../scheduling/policies.js')]).then(([slots, policies]) => ({ ...slots, ...policies }));

function findCatalogEntries(catalog: Catalog, mentorId: string, sessionTypeId: string) {
  const mentor = findById(catalog.mentors, mentorId, 'mentor');
  const sessionType = findById(catalog.sessionTypes, sessionTypeId, 'session type');
  if (!mentor.sessionTypeIds.includes(sessionTypeId)) {
    throw new MentorshipError('invalid-input', `${mentor.name} does not offer "${sessionType.name}"`);
  }
  return { mentor, sessionType };
}

/**
 * Inside an atomic update: `booking` moved to `start` and stamped, after checking against all
 * stored `bookings` that the slot is still free (else `conflict`).
 */
function place<B extends BookingRequest>(free: typeof isSlotFree, catalog: Catalog, booking: B, bookings: Booking[], start: string, stamp: string, ignoreBookingId?: string) {
  const { mentor, sessionType } = findCatalogEntries(catalog, booking.mentorId, booking.sessionTypeId);
  if (!free({ mentor, sessionType, bookings, start, now: stamp, ignoreBookingId })) {
    throw new MentorshipError('conflict', 'That time was just taken. Please choose another time.');
  }
  return { ...booking, start, end: new Date(Date.parse(start) + sessionType.minutes * 60_000).toISOString(), updatedAt: stamp };
}

/** The visitor's plan, one record in `store` (every backend keeps it in this browser). */
export const planRecord = (store: RecordStore): Pick<Backend, 'getPlan' | 'setPlan'> => ({
  getPlan: async () => (await store.get<Plan>(PLAN)) ?? null,
  async setPlan(plan) {
    await store.set(PLAN, plan);
    return plan;
  },
});

export function createRecordBackend(options: RecordBackendOptions): Backend {
  const { store, loadCatalog } = options;
  const now = options.now ?? nowIso;
  const idempotent = new Map<string, Promise<Booking>>();
  // The waitlist loads on its first use (and with the first cancel or move, which may promote).
  const loadWaitlistModule = () => import('./waitlist-records.js');
  const loadWaitlist = once(() => loadWaitlistModule().then((m) => m.waitlistRecords({ store, loadCatalog, now })));
  // Recurring series load on the first series call: most pages never book one.
  let series: Promise<ReturnType<typeof seriesRecords>> | undefined;
  const loadSeries = () =>
    (series ??= import('./series-records.js').then(
      (m) => m.seriesRecords(store, loadCatalog, now, announcePromoted),
      (error: unknown) => {
        series = undefined;
        throw error;
      },
    ));
  /** Stores the booking `decide` makes from all stored bookings, in one atomic update. */
  const writeBooking = (decide: (bookings: Booking[]) => Booking) =>
    store.update<Booking, Booking>(BOOKING, (bookings) => {
      const booking = decide(bookings);
      return { writes: [{ key: BOOKING + booking.id, value: booking }], result: booking };
    });
  const promotedListeners = new Set<(entries: WaitlistEntry[]) => void>();
  const announcePromoted = (entries: WaitlistEntry[]) => promotedListeners.forEach((listener) => listener(entries));
  /**
   * Like `writeBooking` for a change that may free a seat (cancel, move): in the same atomic
   * update, the first in line of the freed occurrence is promoted; listeners hear it once stored.
   */
  const writeFreeing = async (id: string, catalog: Catalog, decide: (bookings: Booking[]) => Booking) => {
    // Only a seat of a group session can have a line waiting: anything else needs no waitlist code.
    const current = await store.get<Booking>(BOOKING + id);
    if ((catalog.sessionTypes.find((t) => t.id === current?.sessionTypeId)?.capacity ?? 1) < 2) return writeBooking(decide);
    const { writeFreeing: write } = await loadWaitlistModule();
    const { booking, promoted } = await write(store, catalog, decide);
    if (promoted.length) announcePromoted(promoted);
    return booking;
  };

  return {
    kind: options.kind,
    channelName: options.channelName,
    getCatalog: loadCatalog,

    async listSlots(request: SlotRequest) {
      const { mentor, sessionType } = findCatalogEntries(await loadCatalog(), request.mentorId, request.sessionTypeId);
      const [bookings, { generateSlots }] = await Promise.all([store.getAll<Booking>(BOOKING), loadRules()]);
      return generateSlots({ mentor, sessionType, bookings, from: request.from, to: request.to, now: now() });
    },

    listBookings: () => store.getAll<Booking>(BOOKING),

    createBooking(request: BookingRequest, { idempotencyKey }) {
      const attempt =
        idempotent.get(idempotencyKey) ??
        Promise.all([loadCatalog(), loadRules()]).then(([catalog, { assertVisitorCap, isSlotFree }]) =>
          writeBooking((bookings) => {
            const stamp = now();
            assertVisitorCap(findById(catalog.mentors, request.mentorId, 'mentor'), request, bookings, Date.parse(stamp));
            return { ...place(isSlotFree, catalog, request, bookings, request.start, stamp), id: newId('b-'), status: 'confirmed', createdAt: stamp };
          }),
        );
      idempotent.set(idempotencyKey, attempt);
      attempt.catch(() => idempotent.delete(idempotencyKey)); // a failed attempt may be retried
      return attempt;
    },

    // Everyone using this backend is the visitor: the mentor's notice rules always apply.
    async cancelBooking(id: string) {
      const [catalog, { assertCanChange }] = await Promise.all([loadCatalog(), loadRules()]);
      return writeFreeing(id, catalog, (bookings) => {
        const booking = findById(bookings, id, 'booking');
        if (booking.status === 'cancelled') return booking;
        const stamp = now();
        const mentor = catalog.mentors.find((m) => m.id === booking.mentorId);
        if (mentor) assertCanChange(mentor, booking, 'cancel', Date.parse(stamp));
        return { ...booking, status: 'cancelled', updatedAt: stamp };
      });
    },

    async rescheduleBooking(id: string, start: string) {
      const [catalog, { assertCanChange, isSlotFree }] = await Promise.all([loadCatalog(), loadRules()]);
      return writeFreeing(id, catalog, (bookings) => {
        const booking = findById(bookings, id, 'booking');
        if (booking.status !== 'confirmed') throw new MentorshipError('conflict', 'A cancelled booking cannot be moved.');
        const stamp = now();
        assertCanChange(findById(catalog.mentors, booking.mentorId, 'mentor'), booking, 'reschedule', Date.parse(stamp));
        return place(isSlotFree, catalog, booking, bookings, start, stamp, id);
      });
    },
    async setBookingAttendance(id, attendance) {
      const { withAttendance } = await import('./attendance-records.js');
      return writeBooking((bookings) => withAttendance(findById(bookings, id, 'booking'), attendance, now()));
    },

    listSessions: () => store.getAll<Session>(SESSION),
    getSession: (id: string) => store.get<Session>(SESSION + id),
    async putSession(session: Session) {
      await store.set(SESSION + session.id, session);
      return session;
    },
    deleteSession: (id: string) => store.del(SESSION + id),
    importSessions: (sessions: Session[]) =>
      store.update<Session, Session[]>(SESSION, (stored) => {
        const existing = new Set(stored.map((s) => s.id));
        const added = sessions.filter((s) => !existing.has(s.id));
        return { writes: added.map((s) => ({ key: SESSION + s.id, value: s })), result: added };
      }),
    ...planRecord(store),
    createSeries: async (request, options) => (await loadSeries()).createSeries(request, options),
    getSeries: async (id) => (await loadSeries()).getSeries(id),
    cancelSeries: async (id, options) => (await loadSeries()).cancelSeries(id, options),
    ...forwardTo(loadWaitlist, WAITLIST_METHODS),
    onWaitlistPromoted: (listener) => void promotedListeners.add(listener),
  };
}
