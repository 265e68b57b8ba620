/**
 * The one interface every backend implements. The client adds validation of inputs, change
 * events and error wrapping around it; a backend only stores and answers. Writes that must not
 * race (creating, rescheduling a booking) are ONE atomic operation inside the backend.
 */
import type { Booking, BookingRequest, Catalog, Plan, Session, Slot } from '../schemas.js';

export interface SlotRequest {
  mentorId: string;
  sessionTypeId: string;
  /** Inclusive start of the range, ISO instant. */
  from: string;
  /** Exclusive end of the range, ISO instant. */
  to: string;
}

export interface Backend {
  /** "local", "memory", "http" or your own. */
  readonly kind: string;
  /**
   * When set, changes are shared with other clients on the same channel (other tabs) through
   * BroadcastChannel. Local storage sets it per namespace.
   */
  readonly channelName?: string;

  getCatalog(): Promise<Catalog>;
  listSlots(request: SlotRequest): Promise<Slot[]>;

  listBookings(): Promise<Booking[]>;
  /** Re-checks that the slot is free and stores the booking atomically; throws `conflict` if not. */
  createBooking(request: BookingRequest, options: { idempotencyKey: string }): Promise<Booking>;
  cancelBooking(id: string): Promise<Booking>;
  /** Atomically frees the old slot and takes the new one; throws `conflict` if it is taken. */
  rescheduleBooking(id: string, start: string): Promise<Booking>;

  listSessions(): Promise<Session[]>;
  /** One session by id, without reading the rest; the client falls back to `listSessions()`. */
  getSession?(id: string): Promise<Session | undefined>;
  /** Creates or replaces one session by id. */
  putSession(session: Session): Promise<Session>;
  deleteSession(id: string): Promise<void>;
  /**
   * Stores every session whose id is not stored yet, in ONE atomic write (all or none), and
   * returns those it stored. Optional: the client otherwise writes them one by one.
   */
  importSessions?(sessions: Session[]): Promise<Session[]>;

  getPlan(): Promise<Plan | null>;
  setPlan(plan: Plan): Promise<Plan>;

  /**
   * Ids of sessions written while offline and not yet accepted by the server (HTTP backend's
   * queue). Backends that write immediately leave this out.
   */
  pendingSessionIds?(): Promise<string[]>;
  /** Called by the client so the backend can announce queue changes (`resource: 'sync'`). */
  onSyncChange?(listener: (pendingSessionIds: string[]) => void): void;

  /** Releases connections and listeners. */
  close?(): void;
}
