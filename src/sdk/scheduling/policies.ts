/**
 * Booking policies beyond free time, pure: how late a visitor may cancel or move a booking, and
 * how many active bookings one visitor may hold with a mentor. Every backend calls these inside
 * its atomic write (the weekly-hours cap lives in `generateSlots`, since it shapes free time).
 * A refusal names the rule in its issue path (`rules.cancelNoticeMinutes`), so an element can
 * tell a policy from a slot someone else took.
 */
import { MentorshipError } from '../errors.js';
import type { Booking, Mentor } from '../schemas.js';

const MINUTE = 60_000;

export type ChangeAction = 'cancel' | 'reschedule';

const NOTICE_RULE = { cancel: 'cancelNoticeMinutes', reschedule: 'rescheduleNoticeMinutes' } as const;

/** "2 days", "3 hours", "45 minutes": a notice period in words for messages from the backend. */
function period(minutes: number): string {
  const [n, unit] = minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** The last instant (ms) a visitor may still cancel or move `booking`; Infinity without a rule. */
export function changeDeadline(mentor: Pick<Mentor, 'rules'>, booking: Pick<Booking, 'start'>, action: ChangeAction): number {
  const notice = mentor.rules[NOTICE_RULE[action]];
  return notice === undefined ? Infinity : Date.parse(booking.start) - notice * MINUTE;
}

/** Whether a visitor may still cancel (or move) `booking` at `now`. */
export function canChange(mentor: Pick<Mentor, 'rules'>, booking: Pick<Booking, 'start'>, action: ChangeAction, now: number): boolean {
  return now <= changeDeadline(mentor, booking, action);
}

/** Throws `conflict` (naming the rule) when a visitor is too late to cancel or move `booking`. */
export function assertCanChange(mentor: Pick<Mentor, 'rules' | 'name'>, booking: Pick<Booking, 'start'>, action: ChangeAction, now: number): void {
  if (canChange(mentor, booking, action, now)) return;
  const rule = NOTICE_RULE[action];
  const message = `This booking can no longer be ${action === 'cancel' ? 'cancelled' : 'moved'} online: ${mentor.name} asks to be told at least ${period(mentor.rules[rule]!)} before. Please contact your mentor.`;
  throw new MentorshipError('conflict', message, { issues: [{ path: `rules.${rule}`, message }] });
}

/** True when `booking` belongs to the same visitor: the same mentee, or the same email address. */
const sameVisitor = (a: Pick<Booking, 'email' | 'menteeId'>, b: Pick<Booking, 'email' | 'menteeId'>) =>
  (!!a.menteeId && a.menteeId === b.menteeId) || a.email.toLowerCase() === b.email.toLowerCase();

/**
 * Throws `conflict` when the visitor of `request` already holds `maxActivePerVisitor` confirmed
 * bookings with `mentor` that have not started yet. `bookings` are the stored ones.
 */
export function assertVisitorCap(
  mentor: Pick<Mentor, 'id' | 'name' | 'rules'>,
  request: Pick<Booking, 'email' | 'menteeId'>,
  bookings: readonly Booking[],
  now: number,
  ignoreBookingId?: string,
): void {
  const max = mentor.rules.maxActivePerVisitor;
  if (max === undefined) return;
  const active = bookings.filter(
    (b) => b.mentorId === mentor.id && b.status === 'confirmed' && b.id !== ignoreBookingId && Date.parse(b.start) > now && sameVisitor(b, request),
  ).length;
  if (active < max) return;
  const message = `You already have ${active} upcoming booking${active === 1 ? '' : 's'} with ${mentor.name}, the most one visitor may hold. Cancel one or wait until it has taken place.`;
  throw new MentorshipError('conflict', message, { issues: [{ path: 'rules.maxActivePerVisitor', message }] });
}

/** True when `error` is a refusal by a booking policy (not a slot someone else took). */
export const isPolicyRefusal = (error: unknown): boolean =>
  MentorshipError.is(error) && error.code === 'conflict' && error.issues.some((i) => i.path.startsWith('rules.'));

