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
import { MentorshipError, type ErrorCode, type ValidationIssue } from '../errors.js';
import * as V from '../generated/validators.js';
import type { Booking, Catalog, Plan, Session, Slot } from '../schemas.js';
import { parseOrThrow } from '../validate.js';
import type { Validator } from '../validator.js';
import type { Backend, SlotRequest } from './backend.js';
import { createRequester, HttpStatusError, RequestTimeoutError, type RequestOptions } from './request.js';

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

/** One queued session write. `seq` keeps the order; the session id makes replays idempotent. */
type Write = { op: 'put'; id: string; session: Session } | { op: 'delete'; id: string };
type QueuedOp = Write & { seq: number };

const CODE_BY_STATUS: Record<number, ErrorCode> = { 400: 'invalid-input', 401: 'unauthorized', 403: 'unauthorized', 404: 'not-found', 409: 'conflict', 413: 'invalid-input', 415: 'invalid-input', 422: 'invalid-input' };
const QUEUE = 'q:';
const BOOKING = 'b:';

async function toError(error: unknown, what: string): Promise<MentorshipError> {
  if (MentorshipError.is(error)) return error;
  if (error instanceof HttpStatusError) {
    const { status } = error.response;
    let detail = '';
    let issues: ValidationIssue[] | undefined;
    try {
      const body = (await error.response.json()) as { detail?: unknown; issues?: unknown };
      if (typeof body.detail === 'string') detail = body.detail;
      if (Array.isArray(body.issues)) issues = body.issues as ValidationIssue[];
    } catch {
      // not problem+json: keep the status line
    }
    const code = CODE_BY_STATUS[status] ?? (status >= 502 && status <= 504 ? 'network' : 'bad-response');
    return new MentorshipError(code, detail || `${what} failed: HTTP ${status}`, { cause: error, issues });
  }
  if (error instanceof RequestTimeoutError) return new MentorshipError('timeout', `${what} timed out`, { cause: error });
  return new MentorshipError('network', `${what} failed: the server cannot be reached`, { cause: error });
}

const isNetwork = (error: MentorshipError) => error.code === 'network' || error.code === 'timeout';

export function httpBackend(options: HttpBackendOptions): Backend {
  const base = options.baseUrl.replace(/\/+$/, '');
  const online = options.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false);
  const retries = options.retries ?? 2;
  const store: UseStore = createStore(`mentorship-kit:http-queue:${options.namespace ?? base}`, 'records');
  const listeners = new Set<(ids: string[]) => void>();

  const request = createRequester({
    baseUrl: base,
    timeoutMs: options.timeoutMs ?? 10_000,
    retries,
    getToken: options.getToken,
    fetch: options.fetch,
  });

  /** One request → validated JSON (or nothing for 204). */
  async function call<T>(method: string, path: string, init: RequestOptions = {}, check?: (json: unknown, what: string) => T): Promise<T> {
    const what = `${method.toUpperCase()} /${path.split('?')[0]}`;
    if (!online()) throw new MentorshipError('network', `${what} failed: the browser is offline`);
    let json: unknown;
    try {
      const response = await request(path, { method, ...init });
      if (response.status === 204) return undefined as T;
      json = await response.json();
    } catch (error) {
      throw await toError(error, what);
    }
    return check ? check(json, `response of ${what}`) : (json as T);
  }
  const as =
    <T>(validator: Validator<T>) =>
    (json: unknown, what: string): T =>
      parseOrThrow(validator, json, what, 'bad-response');
  const items =
    <T>(validator: Validator<T>) =>
    (json: unknown, what: string): T[] => {
      const list = (json as { items?: unknown } | null)?.items;
      if (!Array.isArray(list)) throw new MentorshipError('bad-response', `Invalid ${what}: items: expected array`);
      return list.map((item, i) => parseOrThrow(validator, item, `${what} at items.${i}`, 'bad-response'));
    };

  // ---- bookings made here (their cancel tokens stay in this browser) -------------------
  const remember = (booking: Booking) => set(BOOKING + booking.id, booking, store);
  const remembered = async (id: string) => get<Booking>(BOOKING + id, store);
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

  // ---- the offline queue -----------------------------------------------------------------
  const queued = async (): Promise<QueuedOp[]> =>
    (await entries<string, QueuedOp>(store)).filter(([k]) => String(k).startsWith(QUEUE)).map(([, v]) => v).sort((a, b) => a.seq - b.seq);
  const pendingIds = async () => [...new Set((await queued()).map((op) => op.id))];
  const announce = async () => {
    if (!listeners.size) return;
    const ids = await pendingIds();
    for (const listener of listeners) listener(ids);
  };
  let seq = Date.now() * 1000;
  const enqueue = async (op: Write) => {
    const next = { ...op, seq: ++seq } as QueuedOp;
    await set(QUEUE + String(next.seq).padStart(20, '0'), next, store);
    await announce();
  };

  const sendPut = (session: Session) =>
    call('post', 'sessions', { json: session, retryWrite: true }, as(V.Session));
  const sendDelete = async (id: string) => {
    try {
      await call('delete', `sessions/${encodeURIComponent(id)}`);
    } catch (error) {
      if (!(MentorshipError.is(error) && error.code === 'not-found')) throw error; // already gone: done
    }
  };

  /** Keeps the last known server list current, so it can be shown while offline. */
  const CACHE = 'cache:sessions';
  const cacheApply = async (op: Write) => {
    const list = ((await get<Session[]>(CACHE, store)) ?? []).filter((s) => s.id !== op.id);
    if (op.op === 'put') list.push(op.session);
    await set(CACHE, list, store);
  };

  let flushing: Promise<void> | undefined;
  /** Sends queued writes in order; stops at the first network failure and keeps the rest. */
  function flush(): Promise<void> {
    flushing ??= (async () => {
      const run = async () => {
        for (const op of await queued()) {
          if (!online()) return;
          try {
            if (op.op === 'put') await sendPut(op.session);
            else await sendDelete(op.id);
            await cacheApply(op);
          } catch (error) {
            const e = error as MentorshipError;
            if (isNetwork(e) || e.code === 'unauthorized') return; // try again later
            // The server refuses this write for good (invalid, conflict): drop it, say why.
            console.warn(`mentorship-kit: dropped a queued session write (${op.id}): ${e.message}`);
          }
          await del(QUEUE + String(op.seq).padStart(20, '0'), store);
          await announce();
        }
      };
      // One tab at a time replays the queue (the ids would keep a double replay harmless anyway).
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
      await (locks ? locks.request(`mentorship-kit:http-queue:${options.namespace ?? base}`, run) : run());
    })().finally(() => (flushing = undefined));
    return flushing;
  }
  const onOnline = () => void flush().catch(() => {});
  if (typeof window !== 'undefined') window.addEventListener('online', onOnline);

  /** A session write: straight to the server when possible, else into the queue. */
  async function write(op: Write): Promise<void> {
    if (online()) {
      if ((await queued()).length) await flush().catch(() => {});
      if (!(await queued()).length) {
        try {
          if (op.op === 'put') await sendPut(op.session);
          else await sendDelete(op.id);
          await cacheApply(op);
          return;
        } catch (error) {
          if (!isNetwork(error as MentorshipError)) throw error;
        }
      }
    }
    await enqueue(op);
  }

  const backend: Backend = {
    kind: 'http',
    channelName: `mentorship-kit:http:${options.namespace ?? base}`,

    getCatalog: () => call<Catalog>('get', 'catalog', {}, as(V.Catalog)),

    listSlots: (request: SlotRequest) =>
      call<Slot[]>(
        'get',
        `mentors/${encodeURIComponent(request.mentorId)}/slots`,
        { searchParams: { sessionType: request.sessionTypeId, from: request.from, to: request.to } },
        items(V.Slot),
      ),

    async listBookings() {
      const mine = new Map<string, Booking>();
      if (await options.getToken?.()) for (const b of await call('get', 'bookings', {}, items(V.Booking))) mine.set(b.id, b);
      const local = (await entries<string, Booking>(store)).filter(([k]) => String(k).startsWith(BOOKING)).map(([, b]) => b);
      await Promise.all(
        local.map(async (b) => {
          try {
            const fresh = mine.get(b.id) ?? (await call('get', `bookings/${encodeURIComponent(b.id)}`, { headers: await cancelHeaders(b.id) }, as(V.Booking)));
            mine.set(b.id, await keepToken(fresh));
          } catch (error) {
            const e = error as MentorshipError;
            if (e.code === 'not-found') await del(BOOKING + b.id, store);
            else mine.set(b.id, b); // offline: what we last knew
          }
        }),
      );
      return [...mine.values()].sort((a, b) => a.start.localeCompare(b.start));
    },

    async createBooking(request, { idempotencyKey }) {
      const booking = await call(
        'post',
        'bookings',
        { json: request, headers: { 'Idempotency-Key': idempotencyKey }, retryWrite: true },
        as(V.Booking),
      );
      await remember(booking);
      return booking;
    },

    async cancelBooking(id) {
      const booking = await call('post', `bookings/${encodeURIComponent(id)}/cancel`, { headers: await cancelHeaders(id) }, as(V.Booking));
      return keepToken(booking);
    },

    async rescheduleBooking(id, start) {
      const booking = await call('post', `bookings/${encodeURIComponent(id)}/reschedule`, { json: { start }, headers: await cancelHeaders(id) }, as(V.Booking));
      return keepToken(booking);
    },

    async listSessions() {
      let list: Session[];
      try {
        list = [];
        let cursor: string | null = null;
        do {
          const page: { items: Session[]; nextCursor: string | null } = await call('get', 'sessions', { searchParams: { limit: 1000, ...(cursor ? { cursor } : {}) } }, (json, what) => ({
            items: items(V.Session)(json, what),
            nextCursor: typeof (json as { nextCursor?: unknown }).nextCursor === 'string' ? (json as { nextCursor: string }).nextCursor : null,
          }));
          list.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        await set(CACHE, list, store);
      } catch (error) {
        if (!isNetwork(error as MentorshipError)) throw error;
        list = (await get<Session[]>(CACHE, store)) ?? [];
      }
      // What the server has, with this browser's unsent writes on top.
      const byId = new Map(list.map((s) => [s.id, s]));
      for (const op of await queued()) {
        if (op.op === 'put') byId.set(op.id, op.session);
        else byId.delete(op.id);
      }
      return [...byId.values()];
    },

    async putSession(session) {
      await write({ op: 'put', id: session.id, session });
      return session;
    },

    deleteSession: (id) => write({ op: 'delete', id }),

    async getPlan() {
      return (await get<Plan>('plan', store)) ?? null;
    },
    async setPlan(plan) {
      await set('plan', plan, store);
      return plan;
    },

    pendingSessionIds: pendingIds,

    onSyncChange(listener) {
      listeners.add(listener);
      void flush().catch(() => {}); // writes left from an earlier visit
    },

    close() {
      listeners.clear();
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
    },
  };
  return backend;
}
