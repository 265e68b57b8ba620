/**
 * The Backend on top of a RecordStore: bookings, sessions and the plan as one record each. Used
 * by localBackend and memoryBackend. Slots and booking writes (booking-records.ts, with the
 * scheduling rules) and recurring series (series-records.ts) load on their first call.
 */
import { nowIso } from '../ids.js';
import type { Booking, Catalog, Plan, Session, WaitlistEntry } from '../schemas.js';
import type { Backend } from './backend.js';
import type { bookingRecords } from './booking-records.js';
import type { RecordStore } from './record-store.js';
import type { seriesRecords } from './series-records.js';
import { forwardTo, WAITLIST_METHODS } from './forward.js';

const BOOKING = 'booking:';
const SESSION = 'session:';
const PLAN = 'plan';

export interface RecordBackendOptions {
  kind: string;
  store: RecordStore;
  loadCatalog: () => Promise<Catalog>;
  channelName?: string;
  prepare?: () => void;
  /** Injected clock for tests; defaults to the real one. */
  now?: () => string;
}

/** The visitor's plan, one record in `store` (every backend keeps it in this browser). */
export const planRecord = (store: RecordStore): Pick<Backend, 'getPlan' | 'setPlan'> => ({
  getPlan: async () => (await store.get<Plan>(PLAN)) ?? null,
  async setPlan(plan) {
    await store.set(PLAN, plan);
    return plan;
  },
});

/** `create()` once, on first use; a failed load (the chunk did not come) is tried again next time. */
function onDemand<T>(create: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= create().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

export function createRecordBackend(options: RecordBackendOptions): Backend {
  const { store, loadCatalog } = options;
  const now = options.now ?? nowIso;
  const idempotent = new Map<string, Promise<Booking>>();
  // A cancel, a move or a series cancelled may promote someone from a waitlist: the client hears it here.
  const promotedListeners = new Set<(entries: WaitlistEntry[]) => void>();
  const promoted = (entries: WaitlistEntry[]) => promotedListeners.forEach((listener) => listener(entries));
  const bookings = onDemand<ReturnType<typeof bookingRecords>>(() => import('./booking-records.js').then((m) => m.bookingRecords(store, loadCatalog, now, promoted)));
  const series = onDemand<ReturnType<typeof seriesRecords>>(() => import('./series-records.js').then((m) => m.seriesRecords(store, loadCatalog, now, promoted)));
  const waitlist = onDemand(() => import('./waitlist-records.js').then((m) => m.waitlistRecords({ store, loadCatalog, now })));

  return {
    kind: options.kind,
    channelName: options.channelName,
    prepare: options.prepare,
    getCatalog: loadCatalog,
    listSlots: async (request) => (await bookings()).listSlots(request),
    listBookings: () => store.getAll<Booking>(BOOKING),
    createBooking(request, { idempotencyKey }) {
      const attempt = idempotent.get(idempotencyKey) ?? bookings().then((b) => b.createBooking(request));
      idempotent.set(idempotencyKey, attempt);
      attempt.catch(() => idempotent.delete(idempotencyKey)); // a failed attempt may be retried
      return attempt;
    },
    cancelBooking: async (id) => (await bookings()).cancelBooking(id),
    rescheduleBooking: async (id, start) => (await bookings()).rescheduleBooking(id, start),
    setBookingAttendance: async (id, attendance) => (await bookings()).setBookingAttendance(id, attendance),
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
    createSeries: async (request, options) => (await series()).createSeries(request, options),
    getSeries: async (id) => (await series()).getSeries(id),
    cancelSeries: async (id, options) => (await series()).cancelSeries(id, options),
    ...forwardTo(waitlist, WAITLIST_METHODS),
    onWaitlistPromoted: (listener) => void promotedListeners.add(listener),
  };
}
