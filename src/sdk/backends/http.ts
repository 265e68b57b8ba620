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
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import type { MentorshipError } from '../errors.js';
import * as V from '../generated/validators.js';
import type { Booking, Plan, Session } from '../schemas.js';
import { parseOrThrow } from '../validate.js';
import { anything, array, object, optional, validator, type Validator } from '../validator.js';
import type { Backend, SlotRequest } from './backend.js';
import { createRequester, type RequestOptions } from './request.js';

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
const PLAN = 'plan';
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
const ignore = () => {};

/** A list response `{ items, nextCursor? }` whose items must each match `item`. */
const page = <T>(item: Validator<T>) =>
  validator<{ items: T[]; nextCursor?: unknown }>(object({ items: array(item), nextCursor: optional(anything) }));

export function httpBackend(options: HttpBackendOptions): Backend {
  const base = options.baseUrl.replace(/\/+$/, '');
  const name = options.namespace ?? base;
  const online = options.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false);
  const store: UseStore = createStore(`mentorship-kit:http-queue:${name}`, 'records');
  const listeners = new Set<(ids: string[]) => void>();

  const request = createRequester({
    baseUrl: base,
    timeoutMs: options.timeoutMs ?? 10_000,
    retries: options.retries ?? 2,
    getToken: options.getToken,
    fetch: options.fetch,
    isOnline: online,
  });

  /** One request whose JSON must match `validator`; a mismatch is `bad-response` naming the call. */
  const call = async <T>(validator: Validator<T>, method: string, path: string, init?: RequestOptions): Promise<T> =>
    parseOrThrow(validator, await request(method, path, init), `response of ${method} /${path}`, 'bad-response');
  const bookingPath = (id: string, action = '') => `bookings/${encodeURIComponent(id)}${action}`;

  // ---- bookings made here (their cancel tokens stay in this browser) -------------------
  const remember = (booking: Booking) => set(BOOKING + booking.id, booking, store);
  const remembered = (id: string) => get<Booking>(BOOKING + id, store);
  const cancelHeaders = async (id: string): Promise<Record<string, string>> => {
    const token = (await remembered(id))?.cancelToken;
    return token ? { 'Cancel-Token': token } : {};
  };
  const keepToken = async (booking: Booking): Promise<Booking> => {
    const earlier = await remembered(booking.id);
    const kept = earlier?.cancelToken ? { ...booking, cancelToken: earlier.cancelToken } : booking;
    if (earlier) await remember(kept);
    return kept;
  };
  /** A call on a booking made here, with its cancel token; the token is kept on the answer. */
  const onBooking = async (id: string, action: string, json?: unknown) =>
    keepToken(await call(V.Booking, 'POST', bookingPath(id, action), { json, headers: await cancelHeaders(id) }));
  const stored = async <T>(prefix: string): Promise<T[]> =>
    (await entries<string, T>(store)).filter(([key]) => String(key).startsWith(prefix)).map(([, value]) => value);

  // ---- the offline queue -----------------------------------------------------------------
  const queued = async () => (await stored<QueuedOp>(QUEUE)).sort((a, b) => a.seq - b.seq);
  const pendingIds = async () => [...new Set((await queued()).map((op) => op.id))];
  const announce = async () => {
    if (!listeners.size) return;
    const ids = await pendingIds();
    for (const listener of listeners) listener(ids);
  };
  let seq = Date.now() * 1000;
  const enqueue = async (op: Write) => {
    const next = { ...op, seq: ++seq };
    await set(queueKey(next), next, store);
    await announce();
  };

  const cached = async () => (await get<Session[]>(CACHE, store)) ?? [];
  /** Sends one session write (a delete of what is already gone counts as done), then updates
   * the last known server list, which is shown while offline. */
  const send = async (op: Write) => {
    if (op.session) await call(V.Session, 'POST', 'sessions', { json: op.session, retryWrite: true });
    else await request('DELETE', `sessions/${encodeURIComponent(op.id)}`).catch((error: MentorshipError) => {
      if (error.code !== 'not-found') throw error;
    });
    await set(CACHE, applied(await cached(), [op]), store);
  };

  let flushing: Promise<void> | undefined;
  /** Sends queued writes in order; stops at the first network failure and keeps the rest. */
  function flush(): Promise<void> {
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
        await del(queueKey(op), store);
        await announce();
      }
    };
    // One tab at a time replays the queue (the ids would keep a double replay harmless anyway).
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return (flushing ??= (locks ? locks.request(`mentorship-kit:http-queue:${name}`, run) : run()).finally(() => (flushing = undefined)));
  }
  const onOnline = () => void flush().catch(ignore);
  if (typeof window !== 'undefined') window.addEventListener('online', onOnline);

  /** A session write: straight to the server when possible, else into the queue. */
  async function write(op: Write): Promise<void> {
    if (online()) {
      if ((await queued()).length) await flush().catch(ignore);
      if (!(await queued()).length) {
        try {
          return await send(op);
        } catch (error) {
          if (!isNetwork(error as MentorshipError)) throw error;
        }
      }
    }
    await enqueue(op);
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
      const mine = new Map<string, Booking>();
      if (await options.getToken?.()) for (const b of (await call(page(V.Booking), 'GET', 'bookings')).items) mine.set(b.id, b);
      await Promise.all(
        (await stored<Booking>(BOOKING)).map(async (b) => {
          try {
            const fresh = mine.get(b.id) ?? (await call(V.Booking, 'GET', bookingPath(b.id), { headers: await cancelHeaders(b.id) }));
            mine.set(b.id, await keepToken(fresh));
          } catch (error) {
            if ((error as MentorshipError).code === 'not-found') await del(BOOKING + b.id, store);
            else mine.set(b.id, b); // offline: what we last knew
          }
        }),
      );
      return [...mine.values()].sort((a, b) => a.start.localeCompare(b.start));
    },

    async createBooking(booking, { idempotencyKey }) {
      const created = await call(V.Booking, 'POST', 'bookings', { json: booking, headers: { 'Idempotency-Key': idempotencyKey }, retryWrite: true });
      await remember(created);
      return created;
    },

    cancelBooking: (id) => onBooking(id, '/cancel'),
    rescheduleBooking: (id, start) => onBooking(id, '/reschedule', { start }),

    async listSessions() {
      let list: Session[] = [];
      try {
        let cursor: string | undefined;
        do {
          const { items, nextCursor } = await call(page(V.Session), 'GET', 'sessions', { searchParams: { limit: 1000, ...(cursor ? { cursor } : {}) } });
          list.push(...items);
          cursor = typeof nextCursor === 'string' ? nextCursor : undefined;
        } while (cursor);
        await set(CACHE, list, store);
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

    getPlan: async () => (await get<Plan>(PLAN, store)) ?? null,
    async setPlan(plan) {
      await set(PLAN, plan, store);
      return plan;
    },

    pendingSessionIds: pendingIds,

    onSyncChange(listener) {
      listeners.add(listener);
      void flush().catch(ignore); // writes left from an earlier visit
    },

    close() {
      listeners.clear();
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
    },
  };
}
