/**
 * The mentee's sessions over HTTP, with the offline queue: httpBackend's session and sync methods.
 *
 * - A write goes straight to the server when it can. When the server cannot be reached or cannot
 *   answer now — offline, a network error, a timeout, 408, 429, any 5xx — the write waits in the
 *   queue (kept in `store`), announced through `onSyncChange`, and is sent again in order: when
 *   the browser is back online, before the next write, and on a timer with exponential backoff
 *   (the server's `Retry-After` wins). A refused token (401/403) waits too: the next may pass.
 * - A queued write the server refuses for good (a 4xx that can never succeed: invalid, gone, a
 *   conflict) is never dropped: it is set aside with the reason, for the mentee to see, to send
 *   again or to discard (`failedSessionWrites`, `resolveFailedSessionWrite`).
 * - Sessions carry the server's `version`: a change is a PATCH and a delete a DELETE with
 *   `If-Match`, so a stale write gets 412, which is a `conflict` carrying the newer version
 *   (`error.current`; null when it was deleted there). A new session is an upsert by its id, so a
 *   replay never doubles it.
 */
import { MentorshipError, toMentorshipError, type ErrorCode } from '../errors.js';
import * as V from '../generated/validators.js';
import type { Session } from '../schemas.js';
import { parseOrThrow } from '../validate.js';
import type { Backend, FailedSessionWrite } from './backend.js';
import { listPage, retryAfterMs, statusOf, type CallOptions, type HttpRequest } from './http-client.js';
import type { RecordStore } from './record-store.js';

type SessionMethods = Required<
  Pick<Backend, 'listSessions' | 'putSession' | 'deleteSession' | 'pendingSessionIds' | 'failedSessionWrites' | 'resolveFailedSessionWrite' | 'flushSessionWrites' | 'onSyncChange' | 'close'>
>;

/** One session write: with a session, a put; without, a delete (of `version`, when known). */
type Write = { id: string; session?: Session | undefined; version?: number | undefined };
/** Queued, `seq` keeps the order. */
type QueuedOp = Write & { seq: number };
type FailedOp = QueuedOp & { code: ErrorCode; message: string; current?: Session | null };

const QUEUE = 'q:';
const FAILED = 'failed:';
const CACHE = 'cache:sessions';
/** Zero-padded, so the store's key order is the order of the writes. */
const seqKey = (seq: number) => String(seq).padStart(20, '0');
/** Codes of a write the server refused for good; anything else may go through later. */
const FINAL: ErrorCode[] = ['invalid-input', 'not-found', 'conflict'];
const isUnreachable = (error: MentorshipError) => error.code === 'network' || error.code === 'timeout';

/** `list` with `writes` applied in order. */
const applied = (list: Session[], writes: Write[]) => {
  const byId = new Map(list.map((s) => [s.id, s]));
  for (const w of writes) {
    if (w.session) byId.set(w.id, w.session);
    else byId.delete(w.id);
  }
  return [...byId.values()];
};

/** What a mentee can change in a session: the body of a PATCH. */
const changeOf = ({ start, minutes, activity, mentor, notes, tags, source, bookingId }: Session) => ({ start, minutes, activity, mentor, notes, tags, source, bookingId });
const sameChange = (a: Session, b: Session) => JSON.stringify(changeOf(a)) === JSON.stringify(changeOf(b));

export interface HttpSessionsOptions {
  request: HttpRequest;
  store: RecordStore;
  online: () => boolean;
  /** Names the Web Lock that lets one tab at a time replay the shared queue. */
  lockName: string;
}

export function httpSessions({ request, store, online, lockName }: HttpSessionsOptions): SessionMethods {
  const listeners = new Set<(ids: string[], failed: FailedSessionWrite[]) => void>();
  const path = (id: string) => `sessions/${encodeURIComponent(id)}`;
  const ifMatch = (version: number | undefined): Record<string, string> => (version ? { 'If-Match': `"${version}"` } : {});

  /** The session a response carries, with its ETag's version when the body has none. */
  const sessionFrom = async (method: string, where: string, init: CallOptions) => {
    const { json, etag } = await request(method, where, init);
    const session = parseOrThrow(V.Session, json, `response of ${method} /${where}`, 'bad-response');
    const tagged = Number(etag?.replace(/^W\//, '').replaceAll('"', ''));
    return session.version === undefined && Number.isInteger(tagged) && tagged > 0 ? { ...session, version: tagged } : session;
  };
  /** The server's copy of a session now, or null when it has none. */
  const serverCopy = (id: string) =>
    sessionFrom('GET', path(id), {}).catch((error: MentorshipError) => {
      if (error.code === 'not-found') return null;
      throw error;
    });

  const queued = () => store.getAll<QueuedOp>(QUEUE);
  const failedOps = () => store.getAll<FailedOp>(FAILED);
  const failed = async (): Promise<FailedSessionWrite[]> =>
    (await failedOps()).map((op) => ({ key: seqKey(op.seq), sessionId: op.id, session: op.session, code: op.code, message: op.message, current: op.current }));
  const pendingIds = async () => [...new Set((await queued()).map((op) => op.id))];
  const announce = async () => {
    if (!listeners.size) return;
    const [ids, problems] = await Promise.all([pendingIds(), failed()]);
    for (const listener of listeners) listener(ids, problems);
  };
  let seq = Date.now() * 1000;
  const enqueue = (write: Write) => {
    const op: QueuedOp = { ...write, seq: ++seq };
    return store.set(QUEUE + seqKey(op.seq), op);
  };
  const cached = async () => (await store.get<Session[]>(CACHE)) ?? [];

  /**
   * Sends one write and updates the last known server list (shown while offline); resolves with
   * the server's session for a put. A stale `If-Match` (412) is a `conflict` carrying the
   * server's copy — unless that copy already is this change (an earlier answer was lost).
   */
  const send = async (op: Write): Promise<Session | undefined> => {
    let saved: Session | undefined;
    try {
      if (op.session?.version) saved = await sessionFrom('PATCH', path(op.id), { json: changeOf(op.session), headers: ifMatch(op.session.version), idempotent: true });
      else if (op.session) saved = await sessionFrom('POST', 'sessions', { json: op.session, idempotent: true });
      else await request('DELETE', path(op.id), { headers: ifMatch(op.version) });
    } catch (error) {
      const e = error as MentorshipError;
      if (statusOf(e) === 412) {
        const current = e.current === undefined ? await serverCopy(op.id) : parseOrThrow(V.Session, e.current, 'current session of a 412', 'bad-response');
        if (!op.session || !current || !sameChange(current, op.session)) {
          throw new MentorshipError('conflict', 'This session was changed elsewhere (another tab or device) after you opened it.', { cause: e, current });
        }
        saved = current;
      } else if (op.session || e.code !== 'not-found') throw e; // deleting what is already gone is done
    }
    await store.set(CACHE, applied(await cached(), [saved ? { id: op.id, session: saved } : op]));
    return saved;
  };

  /**
   * After `op` was saved as `version`, the later queued writes of the same session that were
   * based on what `op` replaced are moved onto the new version (they are the mentee's own).
   */
  const rebase = async (op: QueuedOp, version: number) => {
    const base = op.session?.version;
    for (const later of await queued()) {
      if (later.id !== op.id || later.seq === op.seq || (later.session?.version ?? later.version) !== base) continue;
      await store.set(QUEUE + seqKey(later.seq), later.session ? { ...later, session: { ...later.session, version } } : { ...later, version });
    }
  };

  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Tries the queue again after the server's `Retry-After`, else 1 s, 2 s, 4 s … up to a minute. */
  const later = (error: MentorshipError) => {
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), retryAfterMs(error) || Math.min(1000 * 2 ** attempt++, 60_000));
    // Never keeps a Node process alive by itself; `flushSessionWrites()` sends what is left.
    (timer as { unref?: () => void }).unref?.();
  };

  /** Sends queued writes in order; stops at the first that may go through later. */
  const run = async () => {
    for (const op of await queued()) {
      if (!online()) return;
      try {
        const saved = await send(op);
        if (saved?.version) await rebase(op, saved.version);
        attempt = 0;
      } catch (error) {
        const e = toMentorshipError(error, 'network');
        if (!FINAL.includes(e.code)) return later(e);
        // Refused for good: set aside with the reason, for the mentee to see and decide.
        await store.set(FAILED + seqKey(op.seq), { ...op, code: e.code, message: e.message, current: e.current as Session | null | undefined });
      }
      await store.del(QUEUE + seqKey(op.seq));
      await announce();
    }
  };
  let flushing: Promise<void> | undefined;
  /** Never rejects: what could not be sent waits for the next try. One tab at a time replays the queue. */
  const flush = (): Promise<void> => {
    const locks = globalThis.navigator?.locks;
    return (flushing ??= (locks ? locks.request(lockName, run) : run()).catch(() => {}).finally(() => (flushing = undefined)));
  };
  const onOnline = () => void flush();
  globalThis.addEventListener?.('online', onOnline);

  /** A session write: straight to the server when it can (after earlier queued ones), else into the queue. */
  const write = async (op: Write): Promise<Session | undefined> => {
    let unreachable: MentorshipError | undefined;
    if (online()) {
      await flush();
      if (!(await queued()).length) {
        try {
          return await send(op);
        } catch (error) {
          if (!isUnreachable(error as MentorshipError)) throw error;
          unreachable = error as MentorshipError;
        }
      }
    }
    await enqueue(op);
    await announce();
    if (unreachable) later(unreachable);
    return undefined;
  };

  return {
    async listSessions() {
      let list: Session[] = [];
      try {
        let cursor: unknown;
        do {
          const { json } = await request('GET', 'sessions', { searchParams: { limit: 1000, cursor } });
          const { items, nextCursor } = parseOrThrow(listPage(V.Session), json, 'response of GET /sessions', 'bad-response');
          list.push(...items);
          cursor = nextCursor;
        } while (typeof cursor === 'string');
        await store.set(CACHE, list);
      } catch (error) {
        const known = await store.get<Session[]>(CACHE);
        // Never loaded and nothing written here: an error to show (with Retry), not "no sessions".
        if (!isUnreachable(error as MentorshipError) || (!known && !(await queued()).length)) throw error;
        list = known ?? [];
      }
      // What the server has, with this browser's unsent writes on top.
      return applied(list, await queued());
    },

    putSession: async (session) => (await write({ id: session.id, session })) ?? session,

    async deleteSession(id, version) {
      await write({ id, version });
    },

    pendingSessionIds: pendingIds,
    failedSessionWrites: failed,

    async resolveFailedSessionWrite(key, action) {
      const op = await store.get<FailedOp>(FAILED + key);
      if (!op) throw new MentorshipError('not-found', 'That change is no longer waiting.');
      await store.del(FAILED + key);
      if (action === 'retry') {
        // After a conflict the mentee keeps their change on top of the server's newer version;
        // where the session is gone there, it is written as new.
        const version = op.code === 'conflict' || op.code === 'not-found' ? (op.current?.version ?? undefined) : (op.session?.version ?? op.version);
        await enqueue(op.session ? { id: op.id, session: { ...op.session, version } } : { id: op.id, version });
      }
      await announce();
      if (action === 'retry') await flush();
    },

    flushSessionWrites: flush,

    onSyncChange(listener) {
      listeners.add(listener);
      void flush(); // writes left from an earlier visit
    },

    close() {
      clearTimeout(timer);
      listeners.clear();
      globalThis.removeEventListener?.('online', onOnline);
    },
  };
}
