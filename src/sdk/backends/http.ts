/**
 * httpBackend: the same Backend over the documented HTTP contract (docs/http-api.md).
 *
 * - `getToken()` is sent as `Authorization: Bearer …`; a timeout; retries with backoff for safe
 *   calls and for writes that carry an idempotency key (bookings, session upserts by id).
 * - Every response is validated by the schemas; a mismatch is `bad-response` naming the path.
 * - Session writes made while offline (or that fail on the network) wait in an IndexedDB queue
 *   (idb-keyval store "mentorship-kit:http-queue:<baseUrl>"), are announced through
 *   `onSyncChange`, and are replayed in order when the browser is back online. A session write is
 *   an upsert by the session's id, so a replay never doubles it.
 * - Kept in this browser, not on the server: the visitor's plan, the cancel tokens of bookings
 *   made without an account, and the last session list (to show while offline).
 */
import { createStore } from 'idb-keyval';
import type { MentorshipError } from '../errors.js';
import * as V from '../generated/validators.js';
import type { Booking, Session } from '../schemas.js';
import { parseOrThrow } from '../validate.js';
import { anything, array, object, optional, validator, type Validator } from '../validator.js';
import type { Backend, SlotRequest } from './backend.js';
import { planRecord } from './record-backend.js';
import { idbRecordStore } from './record-store.js';
import { createRequester, type RequestOptions } from './request.js';
import { httpSeries } from './http-series.js';

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
}

/**
 * One session write: with a session, a put (create or replace by id); without, a delete.
 * Queued, `seq` keeps the order; the session id makes replays idempotent.
 */
type Write = { id: string; session?: Session };
type QueuedOp = Write & { seq: number };

const QUEUE = 'q:';
const BOOKING = 'b:';
const CACHE = 'cache:sessions';
/** Zero-padded, so the store's key order is the order of the writes. */
const queueKey = (op: QueuedOp) => QUEUE + String(op.seq).padStart(20, '0');
const isNetwork = (error: MentorshipError) => error.code === 'network' || error.code === 'timeout';
/** `list` with `writes` applied in order. */
const applied = (list: Session[], writes: Write[]) => {
  const byId = new Map(list.map((s) => [s.id, s]));
  for (const w of writes) {
    if (w.session) byId.set(w.id, w.session);
    else byId.delete(w.id);
  }
  return [...byId.values()];
};

/** A list response `{ items, nextCursor? }` whose items must each match `item`. */
const page = <T>(item: Validator<T>) =>
  validator<{ items: T[]; nextCursor?: unknown }>(object({ items: array(item), nextCursor: optional(anything) }));

export function httpBackend(options: HttpBackendOptions): Backend {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const name = options.namespace ?? baseUrl;
  const queueName = `mentorship-kit:http-queue:${name}`;
  const online = options.isOnline ?? (() => globalThis.navigator?.onLine !== false);
  const store = idbRecordStore(createStore(queueName, 'records'));
  const listeners = new Set<(ids: string[]) => void>();
  const request = createRequester({ ...options, baseUrl, isOnline: online });

  /** One request whose JSON must match `validator`; a mismatch is `bad-response` naming the call. */
  const call = async <T>(validator: Validator<T>, method: string, path: string, init?: RequestOptions): Promise<T> =>
    parseOrThrow(validator, await request(method, path, init), `response of ${method} /${path}`, 'bad-response');

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

  // ---- the offline queue -----------------------------------------------------------------
  const queued = () => store.getAll<QueuedOp>(QUEUE);
  const pendingIds = async () => [...new Set((await queued()).map((op) => op.id))];
  const announce = async () => {
    if (!listeners.size) return;
    const ids = await pendingIds();
    for (const listener of listeners) listener(ids);
  };
  let seq = Date.now() * 1000;

  const cached = async () => (await store.get<Session[]>(CACHE)) ?? [];
  /** Sends one session write (a delete of what is already gone counts as done), then updates
   * the last known server list, which is shown while offline. */
  const send = async (op: Write) => {
    if (op.session) await call(V.Session, 'POST', 'sessions', { json: op.session, retryWrite: true });
    else await request('DELETE', `sessions/${encodeURIComponent(op.id)}`).catch((error: MentorshipError) => {
      if (error.code !== 'not-found') throw error;
    });
    await store.set(CACHE, applied(await cached(), [op]));
  };

  let flushing: Promise<void> | undefined;
  /**
   * Sends queued writes in order; stops at the first network failure and keeps the rest. Never
   * rejects: what could not be sent waits for the next try.
   */
  const flush = (): Promise<void> => {
    const run = async () => {
      for (const op of await queued()) {
        if (!online()) return;
        try {
          await send(op);
        } catch (error) {
          const e = error as MentorshipError;
          if (isNetwork(e) || e.code === 'unauthorized') return; // try again later
          // The server refuses this write for good (invalid, conflict): drop it, say why.
          console.warn(`mentorship-kit: dropped a queued session write (${op.id}): ${e.message}`);
        }
        await store.del(queueKey(op));
        await announce();
      }
    };
    // One tab at a time replays the queue (the ids would keep a double replay harmless anyway).
    const locks = globalThis.navigator?.locks;
    return (flushing ??= (locks ? locks.request(queueName, run) : run()).catch(() => {}).finally(() => (flushing = undefined)));
  };
  globalThis.addEventListener?.('online', flush);

  /** A session write: straight to the server when possible (after earlier queued ones), else into the queue. */
  async function write(op: Write): Promise<void> {
    if (online()) {
      await flush();
      if (!(await queued()).length) {
        try {
          return await send(op);
        } catch (error) {
          if (!isNetwork(error as MentorshipError)) throw error;
        }
      }
    }
    const next = { ...op, seq: ++seq };
    await store.set(queueKey(next), next);
    await announce();
  }

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
      remember(await call(V.Booking, 'POST', 'bookings', { json: booking, headers: { 'Idempotency-Key': idempotencyKey }, retryWrite: true })),

    cancelBooking: async (id) => onBooking(id, await remembered(id), '/cancel'),
    rescheduleBooking: async (id, start) => onBooking(id, await remembered(id), '/reschedule', { start }),

    async listSessions() {
      let list: Session[] = [];
      try {
        let cursor: unknown;
        do {
          const { items, nextCursor } = await call(page(V.Session), 'GET', 'sessions', { searchParams: { limit: 1000, cursor } });
          list.push(...items);
          cursor = nextCursor;
        } while (typeof cursor === 'string');
        await store.set(CACHE, list);
      } catch (error) {
        if (!isNetwork(error as MentorshipError)) throw error;
        list = await cached();
      }
      // What the server has, with this browser's unsent writes on top.
      return applied(list, await queued());
    },

    async putSession(session) {
      await write({ id: session.id, session });
      return session;
    },

    deleteSession: (id) => write({ id }),

    ...planRecord(store),
    ...httpSeries(call, store, remember),

    pendingSessionIds: pendingIds,

    onSyncChange(listener) {
      listeners.add(listener);
      void flush(); // writes left from an earlier visit
    },

    close() {
      listeners.clear();
      globalThis.removeEventListener?.('online', flush);
    },
  };
}
