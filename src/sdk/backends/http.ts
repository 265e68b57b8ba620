/**
 * httpBackend: the same Backend over the documented HTTP contract (docs/http-api.md).
 *
 * - Over ky (./http-client.ts): `getToken()` sent as `Authorization: Bearer …` by a hook; ky's
 *   timeout; ky's retries with backoff and `Retry-After` for safe calls and for writes that carry
 *   an idempotency key (bookings) or are upserts by id (sessions).
 * - Every response is validated by the schemas; a mismatch is `bad-response` naming the path.
 * - The mentee's sessions, with the offline queue and versions, are ./http-sessions.ts.
 * - Kept in this browser (idb-keyval store "mentorship-kit:http-queue:<namespace>"; in Node, in
 *   memory or the caller's `storage`), not on the server: the offline queue, the visitor's plan,
 *   the cancel tokens of bookings made without an account, and the last session list (to show
 *   while offline).
 */
import { createStore } from 'idb-keyval';
import type { MentorshipError } from '../errors.js';
import * as V from '../generated/validators.js';
import type { Booking } from '../schemas.js';
import { parseOrThrow } from '../validate.js';
import type { Validator } from '../validator.js';
import type { Backend, SlotRequest } from './backend.js';
import { planRecord } from './record-backend.js';
import { idbRecordStore } from './idb-record-store.js';
import { memoryRecordStore, type RecordStore } from './record-store.js';
import { createHttpClient, listPage as page, type CallOptions } from './http-client.js';
import { httpSessions } from './http-sessions.js';
import { httpSeries } from './http-series.js';
import { lazyWaitlist } from './forward.js';

export interface HttpBackendOptions {
  /** The API root, e.g. "https://api.example.com/v1". */
  baseUrl: string;
  /** The mentee's bearer token, if any; called before every request. */
  getToken?: () => string | undefined | null | Promise<string | undefined | null>;
  /** Per-attempt timeout in ms (default 10 000). */
  timeoutMs?: number;
  /** Retries for safe calls and idempotent writes (default 2), with exponential backoff. */
  retries?: number;
  /** Whether the browser is online (default `navigator.onLine`). */
  isOnline?: () => boolean;
  /** The fetch to use (default the global one). */
  fetch?: typeof fetch;
  /**
   * Names this browser's store for the queue, plan and cancel tokens:
   * "mentorship-kit:http-queue:<namespace>" (default: the base URL). Use one per signed-in mentee.
   */
  namespace?: string;
  /**
   * Where the offline queue, the plan and cancel tokens are kept. Default: IndexedDB where there
   * is one, else this process's memory (Node). Pass your own to keep them across restarts.
   */
  storage?: RecordStore;
}

const BOOKING = 'b:';

export function httpBackend(options: HttpBackendOptions): Backend {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const name = options.namespace ?? baseUrl;
  const queueName = `mentorship-kit:http-queue:${name}`;
  const online = options.isOnline ?? (() => globalThis.navigator?.onLine !== false);
  const store = options.storage ?? (typeof indexedDB === 'undefined' ? memoryRecordStore() : idbRecordStore(createStore(queueName, 'records')));
  const request = createHttpClient({ ...options, baseUrl, isOnline: online });

  /** One request whose JSON must match `validator`; a mismatch is `bad-response` naming the call. */
  const call = async <T>(validator: Validator<T>, method: string, path: string, init?: CallOptions): Promise<T> =>
    parseOrThrow(validator, (await request(method, path, init)).json, `response of ${method} /${path}`, 'bad-response');

  // ---- bookings made here (their cancel tokens stay in this browser) -------------------
  const remembered = (id: string) => store.get<Booking>(BOOKING + id);
  const remember = async (booking: Booking) => {
    await store.set(BOOKING + booking.id, booking);
    return booking;
  };
  /** The server's `answer` about a booking; for one made here (`mine`: this browser's copy) it keeps the cancel token and is stored. */
  const keepToken = async (answer: Booking, mine?: Booking) =>
    mine ? remember(mine.cancelToken ? { ...answer, cancelToken: mine.cancelToken } : answer) : answer;
  /**
   * Reads one booking, or with an `action` ("/cancel", "/reschedule") POSTs it, sending the cancel
   * token of this browser's copy (`mine`); the answer keeps the token.
   */
  const onBooking = async (id: string, mine: Booking | undefined, action = '', json?: unknown) =>
    keepToken(
      await call(V.Booking, action ? 'POST' : 'GET', `bookings/${encodeURIComponent(id)}${action}`, {
        json,
        headers: mine?.cancelToken ? { 'Cancel-Token': mine.cancelToken } : {},
      }),
      mine,
    );

  const sessions = httpSessions({ request, store, online, lockName: queueName });

  return {
    kind: 'http',
    channelName: `mentorship-kit:http:${name}`,

    getCatalog: () => call(V.Catalog, 'GET', 'catalog'),

    listSlots: async (slots: SlotRequest) =>
      (
        await call(page(V.Slot), 'GET', `mentors/${encodeURIComponent(slots.mentorId)}/slots`, {
          searchParams: { sessionType: slots.sessionTypeId, from: slots.from, to: slots.to },
        })
      ).items,

    async listBookings() {
      const found = new Map<string, Booking>();
      if (await options.getToken?.()) for (const b of (await call(page(V.Booking), 'GET', 'bookings')).items) found.set(b.id, b);
      await Promise.all(
        (await store.getAll<Booking>(BOOKING)).map(async (b) => {
          try {
            const listed = found.get(b.id);
            found.set(b.id, await (listed ? keepToken(listed, b) : onBooking(b.id, b)));
          } catch (error) {
            if ((error as MentorshipError).code === 'not-found') await store.del(BOOKING + b.id);
            else found.set(b.id, b); // offline: what we last knew
          }
        }),
      );
      return [...found.values()].sort((a, b) => a.start.localeCompare(b.start));
    },

    createBooking: async (booking, { idempotencyKey }) =>
      remember(await call(V.Booking, 'POST', 'bookings', { json: booking, idempotencyKey })),

    cancelBooking: async (id) => onBooking(id, await remembered(id), '/cancel'),
    rescheduleBooking: async (id, start) => onBooking(id, await remembered(id), '/reschedule', { start }),
    // The same word twice is the same answer: safe to retry.
    setBookingAttendance: async (id, attendance) =>
      keepToken(await call(V.Booking, 'POST', `bookings/${encodeURIComponent(id)}/attendance`, { json: { attendance }, idempotent: true }), await remembered(id)),

    listMentorBookings: (query) => call(V.MentorBookingPage, 'GET', 'mentor/bookings', { searchParams: query }),
    markMentorAttendance: (id, attendance) => call(V.Booking, 'POST', `mentor/bookings/${encodeURIComponent(id)}/attendance`, { json: { attendance }, idempotent: true }),

    ...sessions,

    ...planRecord(store),
    ...httpSeries(call, store, remember),
    // The waitlist's code loads on its first use.
    ...lazyWaitlist((promoted) => import('./http-waitlist.js').then((m) => m.httpWaitlist(call, store, remember, options.getToken, promoted))),
  };
}
