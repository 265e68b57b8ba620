/**
 * The one interface every backend implements. The client adds validation of inputs, change
 * events and error wrapping around it; a backend only stores and answers. Writes that must not
 * race (creating, rescheduling a booking) are ONE atomic operation inside the backend.
 */
import type { ErrorCode } from '../errors.js';
import type { Attendance, Booking, BookingRequest, Catalog, MentorBookingPage, MentorBookingQuery, Plan, Series, SeriesRequest, Session, Slot, WaitlistEntry } from '../schemas.js';

export interface SlotRequest {
  mentorId: string;
  sessionTypeId: string;
  /** Inclusive start of the range, ISO instant. */
  from: string;
  /** Exclusive end of the range, ISO instant. */
  to: string;
}

/** A queued session write the server refused for good, kept for the mentee to see and decide. */
export interface FailedSessionWrite {
  /** Names this entry for `resolveFailedSessionWrite`. */
  key: string;
  sessionId: string;
  /** What the mentee wrote; undefined for a delete. */
  session?: Session | undefined;
  code: ErrorCode;
  /** Why, in the server's words. */
  message: string;
  /** After a `conflict`: the server's newer version (null: deleted there). */
  current?: Session | null | undefined;
}

export interface Backend {
  /** "local", "memory", "http" or your own. */
  readonly kind: string;
  /**
   * When set, changes are shared with other clients on the same channel (other tabs) through
   * BroadcastChannel. Local storage sets it per namespace.
   */
  readonly channelName?: string;
  /**
   * Starts, without waiting, what the first reads will need (the local backend asks whether its
   * database exists yet). The client calls it once, after its change channel is open, so nothing
   * another tab writes from then on goes unheard.
   */
  prepare?(): void;

  getCatalog(): Promise<Catalog>;
  listSlots(request: SlotRequest): Promise<Slot[]>;

  listBookings(): Promise<Booking[]>;
  /** Re-checks that the slot is free and stores the booking atomically; throws `conflict` if not. */
  createBooking(request: BookingRequest, options: { idempotencyKey: string }): Promise<Booking>;
  cancelBooking(id: string): Promise<Booking>;
  /** Atomically frees the old slot and takes the new one; throws `conflict` if it is taken. */
  rescheduleBooking(id: string, start: string): Promise<Booking>;

  /**
   * Books every occurrence of a series in ONE atomic operation: each is checked like a single
   * booking; any taken one refuses all (`conflict`, its starts as issues `conflicts.<n>`) unless
   * `skipConflicts`. Optional: `client.series` says so when a backend lacks it.
   */
  createSeries?(request: SeriesRequest, options: { idempotencyKey: string }): Promise<Series>;
  getSeries?(id: string): Promise<Series>;
  /** Cancels the series' confirmed occurrences starting at or after `from` (all without it). */
  cancelSeries?(id: string, options?: { from?: string }): Promise<Series>;

  /**
   * The mentee's word on their own booking once it has ended (`null` takes it back); a mentee
   * may not contradict the mentor's record. Optional: the tracker then offers "Mark done" only.
   */
  setBookingAttendance?(id: string, attendance: Attendance | null): Promise<Booking>;

  /** The mentor role (a mentor's token over HTTP): one page of the mentor's own bookings, by start. */
  listMentorBookings?(query: MentorBookingQuery): Promise<MentorBookingPage>;
  /** The mentor role: marks one of the mentor's bookings that has ended attended or a no-show. */
  markMentorAttendance?(id: string, attendance: Attendance): Promise<Booking>;

  /**
   * The waitlist of a full group session (optional: `client.waitlist` says so when a backend
   * lacks it). Joining checks atomically that the occurrence is full; whatever frees a seat
   * (cancel, reschedule, series cancel) promotes the first in line in the same atomic write.
   */
  joinWaitlist?(request: BookingRequest, options: { idempotencyKey: string }): Promise<WaitlistEntry>;
  getWaitlistEntry?(id: string): Promise<WaitlistEntry>;
  /** Leaves the line (a `conflict` once promoted: cancel the booking instead). */
  leaveWaitlist?(id: string): Promise<WaitlistEntry>;
  /** This visitor's entries: every one in this browser (local), or those joined here and the mentee's (HTTP). */
  listWaitlist?(): Promise<WaitlistEntry[]>;
  /** Full occurrences of a group session in the range (their waitlist can be joined), sorted by start. */
  listFullSessions?(request: SlotRequest): Promise<Slot[]>;
  /** Records that the visitor was shown this promotion (kept in this browser). */
  markWaitlistSeen?(id: string): Promise<WaitlistEntry>;
  /**
   * Called by the client so the backend can announce promotions: made by a write through it
   * (local), or found on the server since this browser last looked (HTTP).
   */
  onWaitlistPromoted?(listener: (entries: WaitlistEntry[]) => void): void;

  listSessions(): Promise<Session[]>;
  /** One session by id, without reading the rest; the client falls back to `listSessions()`. */
  getSession?(id: string): Promise<Session | undefined>;
  /** Creates or replaces one session by id. */
  putSession(session: Session): Promise<Session>;
  /** Deletes one session; with `version`, only if that is still the stored version (else `conflict`). */
  deleteSession(id: string, version?: number): Promise<void>;
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
  /** Queued writes the server refused for good (HTTP backend's queue). */
  failedSessionWrites?(): Promise<FailedSessionWrite[]>;
  /** Sends a failed write again (after a conflict: on top of the newer version) or discards it. */
  resolveFailedSessionWrite?(key: string, action: 'retry' | 'discard'): Promise<void>;
  /** Tries to send the queued writes now; settles when done trying, never rejects. */
  flushSessionWrites?(): Promise<void>;
  /** Called by the client so the backend can announce queue changes (`resource: 'sync'`). */
  onSyncChange?(listener: (pendingSessionIds: string[], failed?: FailedSessionWrite[]) => void): void;

  /** Releases connections and listeners. */
  close?(): void;
}
