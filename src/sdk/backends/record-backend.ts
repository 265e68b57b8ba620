/**
 * The Backend on top of a RecordStore: bookings, sessions and the plan as one record each, and
 * the slot re-check inside the store's atomic update. Used by localBackend and memoryBackend.
 */
import { MentorshipError } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import { generateSlots, isSlotFree } from '../scheduling/index.js';
import type { Booking, BookingRequest, Catalog, Plan, Session } from '../schemas.js';
import type { Backend, SlotRequest } from './backend.js';
import type { RecordStore } from './record-store.js';

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

function findCatalogEntries(catalog: Catalog, mentorId: string, sessionTypeId: string) {
  const mentor = catalog.mentors.find((m) => m.id === mentorId);
  if (!mentor) throw new MentorshipError('not-found', `No mentor with id "${mentorId}"`);
  const sessionType = catalog.sessionTypes.find((t) => t.id === sessionTypeId);
  if (!sessionType) throw new MentorshipError('not-found', `No session type with id "${sessionTypeId}"`);
  if (!mentor.sessionTypeIds.includes(sessionTypeId)) {
    throw new MentorshipError('invalid-input', `${mentor.name} does not offer "${sessionType.name}"`);
  }
  return { mentor, sessionType };
}

const slotTaken = () => new MentorshipError('conflict', 'That time was just taken. Please choose another time.');

export function createRecordBackend(options: RecordBackendOptions): Backend {
  const { store, loadCatalog } = options;
  const now = options.now ?? nowIso;
  const idempotent = new Map<string, Promise<Booking>>();

  const backend: Backend = {
    kind: options.kind,
    channelName: options.channelName,
    getCatalog: loadCatalog,

    async listSlots(request: SlotRequest) {
      const catalog = await loadCatalog();
      const { mentor, sessionType } = findCatalogEntries(catalog, request.mentorId, request.sessionTypeId);
      const bookings = await store.getAll<Booking>(BOOKING);
      return generateSlots({ mentor, sessionType, bookings, from: request.from, to: request.to, now: now() });
    },

    listBookings: () => store.getAll<Booking>(BOOKING),

    createBooking(request: BookingRequest, { idempotencyKey }) {
      const earlier = idempotent.get(idempotencyKey);
      if (earlier) return earlier;
      const attempt = (async () => {
        const catalog = await loadCatalog();
        const { mentor, sessionType } = findCatalogEntries(catalog, request.mentorId, request.sessionTypeId);
        return store.update<Booking, Booking>(BOOKING, (bookings) => {
          const stamp = now();
          if (!isSlotFree({ mentor, sessionType, bookings, start: request.start, now: stamp })) throw slotTaken();
          const booking: Booking = {
            ...request,
            id: newId('b-'),
            end: new Date(Date.parse(request.start) + sessionType.minutes * 60_000).toISOString(),
            status: 'confirmed',
            createdAt: stamp,
            updatedAt: stamp,
          };
          return { writes: [{ key: BOOKING + booking.id, value: booking }], result: booking };
        });
      })();
      idempotent.set(idempotencyKey, attempt);
      attempt.catch(() => idempotent.delete(idempotencyKey));
      return attempt;
    },

    cancelBooking(id: string) {
      return store.update<Booking, Booking>(BOOKING, (bookings) => {
        const booking = bookings.find((b) => b.id === id);
        if (!booking) throw new MentorshipError('not-found', `No booking with id "${id}"`);
        const cancelled: Booking = { ...booking, status: 'cancelled', updatedAt: now() };
        return { writes: [{ key: BOOKING + id, value: cancelled }], result: cancelled };
      });
    },

    async rescheduleBooking(id: string, start: string) {
      const catalog = await loadCatalog();
      return store.update<Booking, Booking>(BOOKING, (bookings) => {
        const booking = bookings.find((b) => b.id === id);
        if (!booking) throw new MentorshipError('not-found', `No booking with id "${id}"`);
        if (booking.status !== 'confirmed') throw new MentorshipError('conflict', 'A cancelled booking cannot be moved.');
        const { mentor, sessionType } = findCatalogEntries(catalog, booking.mentorId, booking.sessionTypeId);
        const stamp = now();
        if (!isSlotFree({ mentor, sessionType, bookings, start, now: stamp, ignoreBookingId: id })) throw slotTaken();
        const moved: Booking = {
          ...booking,
          start,
          end: new Date(Date.parse(start) + sessionType.minutes * 60_000).toISOString(),
          updatedAt: stamp,
        };
        return { writes: [{ key: BOOKING + id, value: moved }], result: moved };
      });
    },

    listSessions: () => store.getAll<Session>(SESSION),
    async putSession(session: Session) {
      await store.set(SESSION + session.id, session);
      return session;
    },
    deleteSession: (id: string) => store.del(SESSION + id),

    async getPlan() {
      return (await store.get<Plan>(PLAN)) ?? null;
    },
    async setPlan(plan: Plan) {
      await store.set(PLAN, plan);
      return plan;
    },
  };
  return backend;
}
