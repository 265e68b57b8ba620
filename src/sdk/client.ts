/**
 * createClient(): typed resources over one backend, with input validation, MentorshipError
 * everywhere, and change events — also from other tabs on the same channel (BroadcastChannel).
 */
import type { Backend, SlotRequest } from './backends/backend.js';
import { localBackend } from './backends/local.js';
import { MentorshipError, toMentorshipError } from './errors.js';
import { newId, nowIso } from './ids.js';
import * as V from './generated/validators.js';
import type {
  Booking,
  BookingRequest,
  Plan,
  Session,
  SessionInput,
  SessionPatch,
  Catalog,
  CommitmentModel,
  Mentor,
  Program,
  SessionType,
  Slot,
} from './schemas.js';
import { parseOrThrow } from './validate.js';

export type ChangeKind = 'added' | 'updated' | 'removed';

export type ChangeEvent =
  | { resource: 'booking'; kind: ChangeKind; booking: Booking; remote: boolean }
  | { resource: 'session'; kind: ChangeKind; session: Session; remote: boolean }
  | { resource: 'plan'; kind: 'updated'; plan: Plan; remote: boolean }
  /** The offline queue changed: these session ids are still waiting to reach the server. */
  | { resource: 'sync'; kind: 'updated'; pendingSessionIds: string[]; remote: boolean };

/** What `sessions.import` did with each record. */
export interface ImportSummary {
  imported: number;
  alreadyThere: number;
  invalid: { index: number; message: string }[];
}

export interface ClientOptions {
  /** Where data lives; defaults to `localBackend()` (IndexedDB, namespace "default"). */
  backend?: Backend;
}

type Listener = (event: ChangeEvent) => void;

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
  backend.onSyncChange?.((pendingSessionIds) => deliver({ resource: 'sync', kind: 'updated', pendingSessionIds, remote: false }));
  if (channel) channel.onmessage = (message: MessageEvent<ChangeEvent>) => deliver({ ...message.data, remote: true });

  let catalogPromise: Promise<Catalog> | undefined;
  const catalog = () => {
    catalogPromise ??= call(() => backend.getCatalog());
    catalogPromise.catch(() => (catalogPromise = undefined));
    return catalogPromise;
  };
  const find = async <T extends { id: string }>(list: Promise<T[]>, id: string, what: string) => {
    const item = (await list).find((x) => x.id === id);
    if (!item) throw new MentorshipError('not-found', `No ${what} with id "${id}"`);
    return item;
  };

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

    programs: {
      list: async (): Promise<Program[]> => (await catalog()).programs,
      get: (id: string): Promise<Program> => find(client.programs.list(), id, 'program'),
    },

    sessionTypes: {
      list: async (): Promise<SessionType[]> => (await catalog()).sessionTypes,
      get: (id: string): Promise<SessionType> => find(client.sessionTypes.list(), id, 'session type'),
    },

    mentors: {
      list: async (): Promise<Mentor[]> => (await catalog()).mentors,
      get: (id: string): Promise<Mentor> => find(client.mentors.list(), id, 'mentor'),
    },

    models: {
      list: async (): Promise<CommitmentModel[]> => (await catalog()).commitmentModels,
      get: (id: string): Promise<CommitmentModel> => find(client.models.list(), id, 'commitment model'),
    },

    slots: {
      list(request: SlotRequest): Promise<Slot[]> {
        return call(() => {
          parseOrThrow(V.Instant, request.from, 'slot range start');
          parseOrThrow(V.Instant, request.to, 'slot range end');
          return backend.listSlots(request);
        });
      },
    },

    bookings: {
      list: (): Promise<Booking[]> => call(() => backend.listBookings()),
      /** Books a slot. Throws `conflict` when someone else took it first. */
      create(request: BookingRequest, options: { idempotencyKey?: string } = {}): Promise<Booking> {
        return call(async () => {
          const valid = parseOrThrow(V.BookingRequest, request, 'booking');
          const booking = await backend.createBooking(valid, { idempotencyKey: options.idempotencyKey ?? newId('idem-') });
          emit({ resource: 'booking', kind: 'added', booking, remote: false });
          return booking;
        });
      },
      cancel(id: string): Promise<Booking> {
        return call(async () => {
          const booking = await backend.cancelBooking(id);
          emit({ resource: 'booking', kind: 'updated', booking, remote: false });
          return booking;
        });
      },
      reschedule(id: string, start: string): Promise<Booking> {
        return call(async () => {
          parseOrThrow(V.Instant, start, 'new start');
          const booking = await backend.rescheduleBooking(id, start);
          emit({ resource: 'booking', kind: 'updated', booking, remote: false });
          return booking;
        });
      },
    },

    sessions: {
      list: (): Promise<Session[]> => call(() => backend.listSessions()),
      add(input: SessionInput): Promise<Session> {
        return call(async () => {
          const valid = parseOrThrow(V.SessionInput, input, 'session');
          const stamp = nowIso();
          const session = await backend.putSession({ ...valid, id: newId('s-'), createdAt: stamp, updatedAt: stamp });
          emit({ resource: 'session', kind: 'added', session, remote: false });
          return session;
        });
      },
      update(id: string, patch: SessionPatch): Promise<Session> {
        return call(async () => {
          const valid = parseOrThrow(V.SessionPatch, patch, 'session change');
          // Only the fields given: schema defaults ('' notes, 'manual' source) must not overwrite.
          const given = Object.fromEntries(Object.entries(valid).filter(([key]) => key in patch));
          const current = await find(backend.listSessions(), id, 'session');
          const next = parseOrThrow(V.Session, { ...current, ...given, updatedAt: nowIso() }, 'session');
          const session = await backend.putSession(next);
          emit({ resource: 'session', kind: 'updated', session, remote: false });
          return session;
        });
      },
      remove(id: string): Promise<Session> {
        return call(async () => {
          const session = await find(backend.listSessions(), id, 'session');
          await backend.deleteSession(id);
          emit({ resource: 'session', kind: 'removed', session, remote: false });
          return session;
        });
      },
      /** Puts back a removed session with its id (undo). */
      restore(session: Session): Promise<Session> {
        return call(async () => {
          const valid = parseOrThrow(V.Session, session, 'session');
          const restored = await backend.putSession(valid);
          emit({ resource: 'session', kind: 'added', session: restored, remote: false });
          return restored;
        });
      },
      /** Adds records that are valid sessions and not already stored (by id). */
      import(records: unknown[]): Promise<ImportSummary> {
        return call(async () => {
          const existing = new Set((await backend.listSessions()).map((s) => s.id));
          const summary: ImportSummary = { imported: 0, alreadyThere: 0, invalid: [] };
          for (const [index, record] of records.entries()) {
            let session: Session;
            try {
              session = parseOrThrow(V.Session, record, `session ${index + 1}`);
            } catch (error) {
              summary.invalid.push({ index, message: (error as Error).message });
              continue;
            }
            if (existing.has(session.id)) {
              summary.alreadyThere++;
              continue;
            }
            existing.add(session.id);
            await backend.putSession(session);
            summary.imported++;
            emit({ resource: 'session', kind: 'added', session, remote: false });
          }
          return summary;
        });
      },
    },

    sync: {
      /** Session ids written while offline that have not reached the server yet. */
      pending: (): Promise<string[]> => call(async () => (await backend.pendingSessionIds?.()) ?? []),
    },

    plan: {
      get: (): Promise<Plan | null> => call(() => backend.getPlan()),
      /** Merges `patch` into the visitor's plan (chosen program, role, weekly hours). */
      update(patch: Partial<Plan>): Promise<Plan> {
        return call(async () => {
          const current = (await backend.getPlan()) ?? {};
          const next = parseOrThrow(V.Plan, { ...current, ...patch, updatedAt: nowIso() }, 'plan');
          const plan = await backend.setPlan(next);
          emit({ resource: 'plan', kind: 'updated', plan, remote: false });
          return plan;
        });
      },
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
