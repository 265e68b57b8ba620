/**
 * Slots and bookings on a RecordStore (local and memory backends): listing free slots, and every
 * booking write as ONE atomic update of the store that re-checks the slot against all stored
 * bookings. Loaded with the scheduling rules on the first slot list or booking call: a page that
 * never books (a tracker or calculator alone) never downloads it.
 */
import { MentorshipError } from '../errors.js';
import { findById, newId } from '../ids.js';
import { assertCanChange, assertVisitorCap } from '../scheduling/policies.js';
import { generateSlots, isSlotFree } from '../scheduling/slots.js';
import type { Booking, BookingRequest, Catalog, WaitlistEntry } from '../schemas.js';
import type { Backend, SlotRequest } from './backend.js';
import type { RecordStore } from './record-store.js';

const BOOKING = 'booking:';

/** The mentor and session type of a booking, or `not-found` / `invalid-input` when the mentor does not offer it. */
export function findCatalogEntries(catalog: Catalog, mentorId: string, sessionTypeId: string) {
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
function place<B extends BookingRequest>(catalog: Catalog, booking: B, bookings: Booking[], start: string, stamp: string, ignoreBookingId?: string) {
  const { mentor, sessionType } = findCatalogEntries(catalog, booking.mentorId, booking.sessionTypeId);
  if (!isSlotFree({ mentor, sessionType, bookings, start, now: stamp, ignoreBookingId })) {
    throw new MentorshipError('conflict', 'That time was just taken. Please choose another time.');
  }
  return { ...booking, start, end: new Date(Date.parse(start) + sessionType.minutes * 60_000).toISOString(), updatedAt: stamp };
}

export type BookingRecords = Pick<Backend, 'listSlots' | 'cancelBooking' | 'rescheduleBooking'> & Required<Pick<Backend, 'setBookingAttendance'>> & {
  createBooking(request: BookingRequest): Promise<Booking>;
};

export function bookingRecords(
  store: RecordStore,
  loadCatalog: () => Promise<Catalog>,
  now: () => string,
  /** Told about waitlist promotions into a seat a cancel or move freed. */
  promoted: (entries: WaitlistEntry[]) => void = () => {},
): BookingRecords {
  /** Stores the booking `decide` makes from all stored bookings, in one atomic update. */
  const writeBooking = (decide: (bookings: Booking[]) => Booking) =>
    store.update<Booking, Booking>(BOOKING, (bookings) => {
      const booking = decide(bookings);
      return { writes: [{ key: BOOKING + booking.id, value: booking }], result: booking };
    });

  /**
   * Like `writeBooking` for a change that may free a seat (cancel, move): in the same atomic
   * update the first in line of the freed occurrence is promoted (./waitlist-records.ts).
   */
  const writeFreeing = async (id: string, catalog: Catalog, decide: (bookings: Booking[]) => Booking) => {
    // Only a seat of a group session can have a line waiting: anything else needs no waitlist code.
    const current = await store.get<Booking>(BOOKING + id);
    if ((catalog.sessionTypes.find((t) => t.id === current?.sessionTypeId)?.capacity ?? 1) < 2) return writeBooking(decide);
    const { writeFreeing: write } = await import('./waitlist-records.js');
    const result = await write(store, catalog, decide);
    if (result.promoted.length) promoted(result.promoted);
    return result.booking;
  };

  return {
    async listSlots(request: SlotRequest) {
      const { mentor, sessionType } = findCatalogEntries(await loadCatalog(), request.mentorId, request.sessionTypeId);
      const bookings = await store.getAll<Booking>(BOOKING);
      return generateSlots({ mentor, sessionType, bookings, from: request.from, to: request.to, now: now() });
    },

    async createBooking(request: BookingRequest) {
      const catalog = await loadCatalog();
      return writeBooking((bookings) => {
        const stamp = now();
        assertVisitorCap(findById(catalog.mentors, request.mentorId, 'mentor'), request, bookings, Date.parse(stamp));
        return { ...place(catalog, request, bookings, request.start, stamp), id: newId('b-'), status: 'confirmed', createdAt: stamp };
      });
    },

    // Everyone using this backend is the visitor: the mentor's notice rules always apply.
    async cancelBooking(id: string) {
      const catalog = await loadCatalog();
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
      const catalog = await loadCatalog();
      return writeFreeing(id, catalog, (bookings) => {
        const booking = findById(bookings, id, 'booking');
        if (booking.status !== 'confirmed') throw new MentorshipError('conflict', 'A cancelled booking cannot be moved.');
        const stamp = now();
        assertCanChange(findById(catalog.mentors, booking.mentorId, 'mentor'), booking, 'reschedule', Date.parse(stamp));
        return place(catalog, booking, bookings, start, stamp, id);
      });
    },

    async setBookingAttendance(id, attendance) {
      const { withAttendance } = await import('./attendance-records.js');
      return writeBooking((bookings) => withAttendance(findById(bookings, id, 'booking'), attendance, now()));
    },
  };
}
