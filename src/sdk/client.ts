/**
 * createClient(): typed resources over one backend, with input validation, MentorshipError
 * everywhere, and change events — also from other tabs on the same channel (BroadcastChannel).
 */
import type { Backend, FailedSessionWrite, SlotRequest } from './backends/backend.js';
import { localBackend } from './backends/local.js';
import { MentorshipError, toMentorshipError } from './errors.js';
import { findById, newId, nowIso } from './ids.js';
import { loadValidation, parse } from './load-validation.js';
import type { Attendance, Booking, BookingRequest, Catalog, MentorBookingPage, MentorBookingQuery, Plan, Session, SessionInput, SessionPatch, Slot, WaitlistEntry } from './schemas.js';
import { putEach, withoutVersion } from './session-records.js';
import { seriesResource } from './series-client.js';
import type { AttendanceResult } from './attendance-sessions.js';
import { forwardTo, once } from './backends/forward.js';

export type ChangeKind = 'added' | 'updated' | 'removed';

export type ChangeEvent =
  | { resource: 'booking'; kind: ChangeKind; booking: Booking; remote: boolean }
  | { resource: 'session'; kind: ChangeKind; session: Session; remote: boolean }
  /** One import stored these sessions, all in one write: one event, not one per record. */
  | { resource: 'import'; kind: 'added'; sessions: Session[]; remote: boolean }
  | { resource: 'plan'; kind: 'updated'; plan: Plan; remote: boolean }
  /** A waitlist entry joined, left, or promoted (a promotion also comes as the booking `added`). */
  | { resource: 'waitlist'; kind: ChangeKind; entry: WaitlistEntry; remote: boolean }
  /**
   * The offline queue changed: these session ids are still waiting to reach the server, and
   * these writes were refused by it for good (`failed`).
   */
  | { resource: 'sync'; kind: 'updated'; pendingSessionIds: string[]; failed: FailedSessionWrite[]; remote: boolean };

/** What `sessions.import` did with each record. */
export interface ImportSummary {
  imported: number;
  /** The sessions stored (those not already there). */
  sessions: Session[];
  alreadyThere: number;
  invalid: { index: number; message: string }[];
}

export interface ClientOptions {
  /** Where data lives; defaults to `localBackend()` (IndexedDB, namespace "default"). */
  backend?: Backend;
}

type Listener = (event: ChangeEvent) => void;
/** What each kind of change event carries. */
type Written = { booking: Booking; session: Session; plan: Plan; import: Session[]; waitlist: WaitlistEntry };
/** The field of a change event that carries what was written. */
const FIELD: Partial<Record<keyof Written, string>> = { import: 'sessions', waitlist: 'entry' };

async function call<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw toMentorshipError(error);
  }
}

export function createClient(options: ClientOptions = {}) {
  const backend = options.backend ?? localBackend();
  const listeners = new Set<Listener>();
  const channel =
    backend.channelName && typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel(backend.channelName) : null;
  // Node's BroadcastChannel keeps the process alive while open; a client never does by itself.
  (channel as { unref?: () => void } | null)?.unref?.();

  const deliver = (event: ChangeEvent) => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One listener's bug must not stop the others or the write that caused the event.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  };
  const emit = (event: ChangeEvent) => {
    deliver(event);
    channel?.postMessage(event);
  };
  /** Announces a write through this client and returns what was written. */
  const announce = <R extends keyof Written>(resource: R, kind: ChangeKind, value: Written[R]): Written[R] => {
    emit({ resource, kind, [FIELD[resource] ?? resource]: value, remote: false } as unknown as ChangeEvent);
    return value;
  };
  // Tabs share one offline queue, so every tab hears when it changes.
  backend.onSyncChange?.((pendingSessionIds, failed) => emit({ resource: 'sync', kind: 'updated', pendingSessionIds, failed: failed ?? [], remote: false }));
  // A seat freed and went to this visitor: the entry changed, and a booking exists now.
  backend.onWaitlistPromoted?.((entries) => {
    for (const entry of entries) {
      announce('waitlist', 'updated', entry);
      if (entry.booking) announce('booking', 'added', entry.booking);
    }
  });
  if (channel) channel.onmessage = (message: MessageEvent<ChangeEvent>) => deliver({ ...message.data, remote: true });
  backend.prepare?.();

  let catalogPromise: Promise<Catalog> | undefined;
  const catalog = () => {
    catalogPromise ??= call(() => backend.getCatalog());
    catalogPromise.catch(() => (catalogPromise = undefined));
    return catalogPromise;
  };
  /** A read-only resource from the catalog: `list()` and `get(id)`. */
  const catalogList = <K extends 'programs' | 'sessionTypes' | 'mentors' | 'commitmentModels'>(key: K, what: string) => {
    const list = async (): Promise<Catalog[K]> => (await catalog())[key];
    return { list, get: async (id: string): Promise<Catalog[K][number]> => findById<Catalog[K][number]>(await list(), id, what) };
  };
  const sessions = () => backend.listSessions();
  /** One stored session: a single record read where the backend can, not all 10,000. */
  const storedSession = async (id: string) => findById(backend.getSession ? [await backend.getSession(id)] : await sessions(), id, 'session');

  const loadWaitlist = once(() =>
    import('./waitlist-client.js').then(
      (m) => m.waitlistResource(backend, call, (kind, entry) => announce('waitlist', kind, entry)),
      (error: unknown) => Promise.reject(new MentorshipError('network', 'Could not load the waitlist code. Check the connection and try again.', { cause: error })),
    ),
  );

  const client = {
    backend,

    catalog: {
      get: catalog,
      /** Forgets the cached catalog so the next read asks the backend again. */
      reload(): Promise<Catalog> {
        catalogPromise = undefined;
        return catalog();
      },
    },

    programs: catalogList('programs', 'program'),
    sessionTypes: catalogList('sessionTypes', 'session type'),
    mentors: catalogList('mentors', 'mentor'),
    models: catalogList('commitmentModels', 'commitment model'),

    slots: {
      list: (request: SlotRequest): Promise<Slot[]> =>
        call(async () => {
          await parse('Instant', request.from, 'slot range start');
          await parse('Instant', request.to, 'slot range end');
          return backend.listSlots(request);
        }),
    },

    bookings: {
      list: (): Promise<Booking[]> => call(() => backend.listBookings()),
      /** Books a slot. Throws `conflict` when someone else took it first. */
      create: (request: BookingRequest, options: { idempotencyKey?: string } = {}): Promise<Booking> =>
        call(async () => {
          const valid = await parse('BookingRequest', request, 'booking');
          return announce('booking', 'added', await backend.createBooking(valid, { idempotencyKey: options.idempotencyKey ?? newId('idem-') }));
        }),
      cancel: (id: string): Promise<Booking> => call(async () => announce('booking', 'updated', await backend.cancelBooking(id))),
      reschedule: (id: string, start: string): Promise<Booking> =>
        call(async () => {
          await parse('Instant', start, 'new start');
          return announce('booking', 'updated', await backend.rescheduleBooking(id, start));
        }),
      /**
       * The mentee's word on their booking once it has ended: `attended` counts it as a session of
       * its length (once, however often it is marked), `no-show` or `null` (undo) removes that.
       */
      markAttendance: (id: string, attendance: Attendance | null): Promise<AttendanceResult> =>
        call(async () => (await import('./attendance-sessions.js')).markAttendance(backend, () => catalog().catch(() => null), announce, id, attendance)),
    },

    /**
     * A mentor's own schedule (loaded on first use). Needs the mentor role: the HTTP backend with
     * a mentor's token; other backends answer `invalid-input`.
     */
    mentor: {
      /** One page of the mentor's bookings, any status unless `status`, by start in [`from`, `to`); pass `nextCursor` back as `cursor`. */
      bookings: (query: MentorBookingQuery = {}): Promise<MentorBookingPage> => call(async () => (await import('./mentor-client.js')).mentorBookings(backend, query)),
      /** Marks one of the mentor's bookings, once its session has ended, attended or a no-show. */
      markAttendance: (bookingId: string, attendance: Attendance): Promise<Booking> =>
        call(async () => announce('booking', 'updated', await (await import('./mentor-client.js')).markMentorAttendance(backend, bookingId, attendance))),
    },

    series: seriesResource(backend, call, (kind, booking) => announce('booking', kind, booking)),

    /** The waitlist of full group sessions (./waitlist-client.ts, loaded on first use). */
    waitlist: forwardTo(loadWaitlist, ['join', 'get', 'leave', 'list', 'unseen', 'markSeen', 'fullSessions']),

    sessions: {
      list: (): Promise<Session[]> => call(sessions),
      /**
       * Logs a session. `beforeWrite` gets it as it will be stored (id, timestamps), once valid and
       * before the backend writes it, so a view can show it at once: if the returned promise
       * rejects, nothing was stored and the view takes it back.
       */
      add: (input: SessionInput, options: { beforeWrite?: (session: Session) => void } = {}): Promise<Session> =>
        call(async () => {
          const valid = await parse('SessionInput', input, 'session');
          const stamp = nowIso();
          const session: Session = { ...valid, id: newId('s-'), createdAt: stamp, updatedAt: stamp };
          options.beforeWrite?.(session);
          return announce('session', 'added', await backend.putSession(session));
        }),
      /**
       * Changes the given fields. `version`: the version the change was made on (what the mentee
       * saw); where the backend keeps versions (HTTP), a newer one there makes this a `conflict`
       * whose `current` is that newer version, instead of overwriting it. Default: the stored one.
       */
      update: (id: string, patch: SessionPatch, options: { version?: number | undefined } = {}): Promise<Session> =>
        call(async () => {
          const valid = await parse('SessionPatch', patch, 'session change');
          // Only the fields given: schema defaults ('' notes, 'manual' source) must not overwrite.
          const given = Object.fromEntries(Object.entries(valid).filter(([key]) => key in patch));
          const current = await storedSession(id);
          const version = 'version' in options ? options.version : current.version;
          const next = await parse('Session', { ...current, ...given, version, updatedAt: nowIso() }, 'session');
          return announce('session', 'updated', await backend.putSession(next));
        }),
      /** Deletes a session; `version` as for `update` (a newer one elsewhere is a `conflict`). */
      remove: (id: string, options: { version?: number | undefined } = {}): Promise<Session> =>
        call(async () => {
          const removed = await storedSession(id);
          await backend.deleteSession(id, 'version' in options ? options.version : removed.version);
          return announce('session', 'removed', removed);
        }),
      /** Puts back a removed session with its id (undo). */
      restore: (session: Session): Promise<Session> =>
        call(async () => announce('session', 'added', await backend.putSession(withoutVersion(await parse('Session', session, 'session'))))),
      /**
       * Adds the records that are valid sessions and not already stored (by id), all in one
       * atomic write where the backend can (all or none), then announces them in ONE change event.
       */
      import: (records: unknown[]): Promise<ImportSummary> =>
        call(async () => {
          const { valid, repeated, invalid } = (await loadValidation()).validateImport(records);
          const stored = await (backend.importSessions ? backend.importSessions(valid) : putEach(backend, valid));
          if (stored.length) announce('import', 'added', stored);
          return { imported: stored.length, sessions: stored, alreadyThere: valid.length - stored.length + repeated, invalid };
        }),
    },

    sync: {
      /** Session ids written while offline that have not reached the server yet. */
      pending: (): Promise<string[]> => call(async () => (await backend.pendingSessionIds?.()) ?? []),
      /** Queued writes the server refused for good: which session, what was written, and why. */
      failed: (): Promise<FailedSessionWrite[]> => call(async () => (await backend.failedSessionWrites?.()) ?? []),
      /** Sends a failed write again; after a conflict, the mentee's version replaces the newer one. */
      retry: (key: string): Promise<void> => call(async () => backend.resolveFailedSessionWrite?.(key, 'retry')),
      /** Drops a failed write: the server's version stays. */
      discard: (key: string): Promise<void> => call(async () => backend.resolveFailedSessionWrite?.(key, 'discard')),
      /**
       * Tries to send the queued writes now and settles when done trying (never rejects; see
       * `pending()` for what is left). In Node, await it before a script ends.
       */
      flush: (): Promise<void> => call(async () => backend.flushSessionWrites?.()),
    },

    plan: {
      get: (): Promise<Plan | null> => call(() => backend.getPlan()),
      /** Merges `patch` into the visitor's plan (chosen program, role, weekly hours). */
      update: (patch: Partial<Plan>): Promise<Plan> =>
        call(async () => {
          const next = await parse('Plan', { ...(await backend.getPlan()), ...patch, updatedAt: nowIso() }, 'plan');
          return announce('plan', 'updated', await backend.setPlan(next));
        }),
    },

    /** Subscribes to every write through this client and, where shared, other tabs. */
    on(type: 'change', listener: Listener): () => void {
      if (type !== 'change') throw new MentorshipError('invalid-input', `Unknown event "${type}"`);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    close(): void {
      channel?.close();
      listeners.clear();
      backend.close?.();
    },
  };
  return client;
}

export type MentorshipClient = ReturnType<typeof createClient>;
