/**
 * `client.waitlist`: the line for a full group session, over any backend that keeps one. Joining
 * and leaving are announced as `waitlist` changes; a promotion (a seat freed and went to this
 * visitor) is announced as a `waitlist` change AND as the new booking, so everything that follows
 * bookings sees it. `unseen()` is what to tell the visitor on their next visit.
 */
import type { Backend, SlotRequest } from './backends/backend.js';
import { MentorshipError } from './errors.js';
import { newId } from './ids.js';
import { loadValidation } from './load-validation.js';
import type { BookingRequest, Slot, WaitlistEntry } from './schemas.js';

type Methods = 'joinWaitlist' | 'getWaitlistEntry' | 'leaveWaitlist' | 'listWaitlist' | 'markWaitlistSeen' | 'listFullSessions';

export function waitlistResource(backend: Backend, call: <T>(op: () => Promise<T>) => Promise<T>, announce: (kind: 'added' | 'updated', entry: WaitlistEntry) => void) {
  const need = <K extends Methods>(method: K): NonNullable<Backend[K]> => {
    const fn = backend[method];
    if (!fn) throw new MentorshipError('invalid-input', `The ${backend.kind} backend has no waitlist.`);
    return fn.bind(backend) as NonNullable<Backend[K]>;
  };
  const list = (): Promise<WaitlistEntry[]> => call(() => (backend.listWaitlist ? backend.listWaitlist() : Promise.resolve([])));
  return {
    /**
     * Joins the line of a full group session (the same fields as a booking request). Throws
     * `conflict` when a seat is free (issue path `waitlist.seatsLeft`: book it), when the visitor
     * already has a seat or waits, or the session has started.
     */
    join: (request: BookingRequest, options: { idempotencyKey?: string } = {}): Promise<WaitlistEntry> =>
      call(async () => {
        const { V, parseOrThrow } = await loadValidation();
        const valid = parseOrThrow(V.BookingRequest, request, 'waitlist entry');
        const entry = await need('joinWaitlist')(valid, { idempotencyKey: options.idempotencyKey ?? newId('idem-') });
        announce('added', entry);
        return entry;
      }),
    /** One entry as it is now: `waiting` with its `position`, `promoted` with its `booking`, or `left`. */
    get: (id: string): Promise<WaitlistEntry> => call(() => need('getWaitlistEntry')(id)),
    /** Leaves the line. */
    leave: (id: string): Promise<WaitlistEntry> =>
      call(async () => {
        const entry = await need('leaveWaitlist')(id);
        announce('updated', entry);
        return entry;
      }),
    /**
     * Full occurrences of a group session with a start in [from, to): no seat left, but a line to
     * join. Empty where the backend keeps no waitlist.
     */
    fullSessions: (request: SlotRequest): Promise<Slot[]> =>
      call(async () => {
        const { V, parseOrThrow } = await loadValidation();
        parseOrThrow(V.Instant, request.from, 'range start');
        parseOrThrow(V.Instant, request.to, 'range end');
        return backend.listFullSessions ? backend.listFullSessions(request) : [];
      }),
    /** This visitor's entries, fresh (over HTTP this is when promotions made elsewhere are found). */
    list,
    /** Promotions the visitor has not been shown yet: tell them, then `markSeen`. */
    unseen: async (): Promise<WaitlistEntry[]> => (await list()).filter((e) => e.status === 'promoted' && !e.seenAt),
    markSeen: (id: string): Promise<WaitlistEntry> => call(() => need('markWaitlistSeen')(id)),
  };
}
