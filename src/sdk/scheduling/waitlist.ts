/**
 * The waitlist of a full group session, pure: who may join the line, and who is promoted when a
 * seat frees. Every backend calls these inside the atomic write that frees the seat (a cancel, a
 * move away, a series cancelled), so a freed seat goes to the line before anyone else can take it.
 *
 * Promotion is first come, first served, and a promotion is a booking made for the visitor at that
 * moment: the slot must still be free by the same rules as a booking (`isSlotFree`: seats, notice,
 * horizon…), else no one is promoted. A visitor whose promotion a booking policy refuses
 * (`maxActivePerVisitor`: they hold as many upcoming bookings as allowed) is skipped and keeps
 * their place, and the seat goes to the next in line; they are promoted at a later free seat if
 * they are eligible then. (`maxHoursPerWeek` counts the mentor's time, which a seat in an
 * occurrence that already takes place does not add.)
 */
import { MentorshipError } from '../errors.js';
import type { Booking, BookingRequest, Mentor, SessionType, WaitlistEntry } from '../schemas.js';
import { assertVisitorCap, isPolicyRefusal } from './policies.js';
import { isSlotFree } from './slots.js';

/** True for a session type with seats (capacity > 1): only those have a waitlist. */
export const hasSeats = (sessionType: Pick<SessionType, 'capacity'>): boolean => (sessionType.capacity ?? 1) > 1;

const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b);
const sameVisitor = (a: Pick<Booking, 'email' | 'menteeId'>, b: Pick<Booking, 'email' | 'menteeId'>) =>
  (!!a.menteeId && a.menteeId === b.menteeId) || a.email.toLowerCase() === b.email.toLowerCase();

/** True when `x` is in the occurrence of `mentorId`'s `sessionTypeId` at `start`. */
export const inOccurrence = (x: Pick<Booking, 'mentorId' | 'sessionTypeId' | 'start'>, o: Pick<Booking, 'mentorId' | 'sessionTypeId' | 'start'>): boolean =>
  x.mentorId === o.mentorId && x.sessionTypeId === o.sessionTypeId && sameInstant(x.start, o.start);

/** The waiting entries of one occurrence, first come first: by `createdAt`, then by id. */
export function lineOf(entries: readonly WaitlistEntry[], occurrence: Pick<Booking, 'mentorId' | 'sessionTypeId' | 'start'>): WaitlistEntry[] {
  return entries
    .filter((e) => e.status === 'waiting' && inOccurrence(e, occurrence))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/**
 * The `createdAt` of a visitor joining `line` at `stamp`: `createdAt` orders the line, so a join
 * in the same millisecond as the last one (or on a clock behind it) is stamped one millisecond after.
 */
export function joinStamp(line: readonly WaitlistEntry[], stamp: string): string {
  const last = line.reduce((max, e) => Math.max(max, Date.parse(e.createdAt)), -Infinity);
  return last >= Date.parse(stamp) ? new Date(last + 1).toISOString() : stamp;
}

/** `entry` with its place in line (waiting) or without one (promoted, left). */
export function withPosition(entry: WaitlistEntry, entries: readonly WaitlistEntry[]): WaitlistEntry {
  const { position: _drop, ...rest } = entry;
  if (entry.status !== 'waiting') return rest;
  return { ...rest, position: lineOf(entries, entry).findIndex((e) => e.id === entry.id) + 1 || 1 };
}

/** The booking request inside a waitlist entry. */
export function requestOf(entry: WaitlistEntry): BookingRequest {
  const { id: _i, end: _e, status: _s, position: _p, booking: _b, createdAt: _c, updatedAt: _u, cancelToken: _t, menteeId: _m, seenAt: _n, ...request } = entry;
  return request;
}

/**
 * The full occurrences of a group session whose start lies in [from, to) and after `now`: the
 * times a visitor can join the waitlist of (a time grid shows them instead of hiding them).
 */
export function fullOccurrences(input: { mentor: Pick<Mentor, 'id'>; sessionType: SessionType; bookings: readonly Booking[]; from: string; to: string; now: string }): { start: string; end: string }[] {
  const { sessionType } = input;
  if (!hasSeats(sessionType)) return [];
  const fromMs = Math.max(Date.parse(input.from), Date.parse(input.now) + 1);
  const toMs = Date.parse(input.to);
  const seats = new Map<number, number>();
  for (const b of input.bookings) {
    if (b.status !== 'confirmed' || b.mentorId !== input.mentor.id || b.sessionTypeId !== sessionType.id) continue;
    const start = Date.parse(b.start);
    if (start >= fromMs && start < toMs) seats.set(start, (seats.get(start) ?? 0) + 1);
  }
  return [...seats]
    .filter(([, taken]) => taken >= (sessionType.capacity ?? 1))
    .map(([start]) => start)
    .sort((a, b) => a - b)
    .map((start) => ({ start: new Date(start).toISOString(), end: new Date(start + sessionType.minutes * 60_000).toISOString() }));
}

const conflict = (message: string, path: string) => new MentorshipError('conflict', message, { issues: [{ path, message }] });

export interface JoinInput {
  mentor: Mentor;
  sessionType: SessionType;
  request: Pick<Booking, 'mentorId' | 'sessionTypeId' | 'start' | 'email' | 'menteeId'>;
  /** Stored bookings (at least the mentor's around the start). */
  bookings: readonly Booking[];
  /** Stored waitlist entries (at least this occurrence's). */
  entries: readonly WaitlistEntry[];
  now: string;
}

/**
 * Throws `conflict` unless the visitor may join the line: a group session, an occurrence that
 * exists, has not started and is full right now, where the visitor neither holds a seat nor waits.
 * A free seat is a conflict with the path `waitlist.seatsLeft`: book it instead.
 */
export function assertCanJoin(input: JoinInput): void {
  const { mentor, sessionType, request } = input;
  if (!hasSeats(sessionType)) throw new MentorshipError('invalid-input', `"${sessionType.name}" is not a group session: only group sessions have a waitlist.`);
  if (Date.parse(request.start) <= Date.parse(input.now)) throw conflict('This session has already started.', 'waitlist.start');
  const seats = input.bookings.filter((b) => b.status === 'confirmed' && inOccurrence(b, request));
  if (!seats.length) throw conflict('No one has booked a session at that time: there is nothing to wait for. Choose a free time instead.', 'waitlist.start');
  if (seats.some((b) => sameVisitor(b, request))) throw conflict('You already have a seat in this session.', 'waitlist.seated');
  if (seats.length < (sessionType.capacity ?? 1) && isSlotFree({ mentor, sessionType, bookings: input.bookings, start: request.start, now: input.now })) {
    throw conflict('This session has a free seat again: book it instead.', 'waitlist.seatsLeft');
  }
  if (lineOf(input.entries, request).some((e) => sameVisitor(e, request))) throw conflict('You are already on the waitlist for this session.', 'waitlist.waiting');
}

export interface Promotion {
  /** The entry as it is now: promoted, with its booking. */
  entry: WaitlistEntry;
  booking: Booking;
}

export interface PromoteInput {
  mentor: Mentor;
  sessionType: SessionType;
  /** Stored bookings after the change that freed the seat. */
  bookings: readonly Booking[];
  entries: readonly WaitlistEntry[];
  /** The occurrence's start. */
  start: string;
  now: string;
  newBookingId: () => string;
}

/** Who takes the free seats of the occurrence at `start`, first come first served (see the module's comment). */
export function planPromotions(input: PromoteInput): Promotion[] {
  const { mentor, sessionType, now } = input;
  if (!hasSeats(sessionType)) return [];
  const placed = [...input.bookings];
  const promotions: Promotion[] = [];
  const occurrence = { mentorId: mentor.id, sessionTypeId: sessionType.id, start: input.start };
  for (const entry of lineOf(input.entries, occurrence)) {
    if (!isSlotFree({ mentor, sessionType, bookings: placed, start: input.start, now })) break;
    // Booked a seat directly meanwhile: nothing to promote.
    if (placed.some((b) => b.status === 'confirmed' && inOccurrence(b, occurrence) && sameVisitor(b, entry))) continue;
    try {
      assertVisitorCap(mentor, entry, placed, Date.parse(now));
    } catch (error) {
      if (isPolicyRefusal(error)) continue;
      throw error;
    }
    const booking: Booking = {
      ...requestOf(entry),
      start: new Date(Date.parse(entry.start)).toISOString(),
      end: entry.end,
      id: input.newBookingId(),
      status: 'confirmed',
      createdAt: now,
      updatedAt: now,
      ...(entry.menteeId ? { menteeId: entry.menteeId } : {}),
    };
    placed.push(booking);
    const { position: _drop, ...rest } = entry;
    promotions.push({ entry: { ...rest, status: 'promoted', booking, updatedAt: now }, booking });
  }
  return promotions;
}
