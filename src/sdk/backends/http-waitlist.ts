/**
 * The waitlist over HTTP (POST /waitlist, GET /waitlist/{id}, POST /waitlist/{id}/leave, GET
 * /waitlist for a mentee). Each entry joined here is kept in this browser with its cancel token;
 * reading it again is how a promotion made on the server (someone else cancelled) is found: the
 * booking is remembered with the entry's token (which cancels it too) and announced once.
 */
import * as V from '../generated/validators.js';
import type { Booking, WaitlistEntry } from '../schemas.js';
import type { MentorshipError } from '../errors.js';
import type { Validator } from '../validator.js';
import type { Backend } from './backend.js';
import type { RecordStore } from './record-store.js';
import { listPage, type CallOptions } from './http-client.js';
import type { HttpBackendOptions } from './http.js';

const ENTRY = 'w:';

type Call = <T>(validator: Validator<T>, method: string, path: string, init?: CallOptions) => Promise<T>;

export function httpWaitlist(
  call: Call,
  store: RecordStore,
  remember: (booking: Booking) => Promise<Booking>,
  getToken: HttpBackendOptions['getToken'],
  /** Told about a promotion this browser had not seen yet. */
  promoted: Set<(entries: WaitlistEntry[]) => void>,
): Required<Pick<Backend, 'joinWaitlist' | 'getWaitlistEntry' | 'leaveWaitlist' | 'listWaitlist' | 'markWaitlistSeen' | 'listFullSessions'>> {
  const path = (id: string) => `waitlist/${encodeURIComponent(id)}`;
  const headers = (mine: WaitlistEntry | undefined): Record<string, string> => (mine?.cancelToken ? { 'Cancel-Token': mine.cancelToken } : {});

  /** The server's answer merged with this browser's copy (token, seenAt), stored; a new promotion is announced. */
  const keep = async (answer: WaitlistEntry, mine: WaitlistEntry | undefined, announce = true): Promise<WaitlistEntry> => {
    const token = answer.cancelToken ?? mine?.cancelToken;
    const booking = answer.booking && token ? await remember({ ...answer.booking, cancelToken: token }) : answer.booking;
    const entry: WaitlistEntry = { ...answer, ...(token ? { cancelToken: token } : {}), ...(booking ? { booking } : {}), ...(mine?.seenAt ? { seenAt: mine.seenAt } : {}) };
    await store.set(ENTRY + entry.id, entry);
    if (announce && entry.status === 'promoted' && mine?.status !== 'promoted') for (const listener of promoted) listener([entry]);
    return entry;
  };
  const refresh = async (id: string, announce = true) => {
    const mine = await store.get<WaitlistEntry>(ENTRY + id);
    return keep(await call(V.WaitlistEntry, 'GET', path(id), { headers: headers(mine) }), mine, announce);
  };

  return {
    joinWaitlist: async (request, { idempotencyKey }) => keep(await call(V.WaitlistEntry, 'POST', 'waitlist', { json: request, idempotencyKey }), undefined),
    getWaitlistEntry: (id) => refresh(id),
    async leaveWaitlist(id) {
      const mine = await store.get<WaitlistEntry>(ENTRY + id);
      return keep(await call(V.WaitlistEntry, 'POST', `${path(id)}/leave`, { headers: headers(mine) }), mine);
    },
    async listWaitlist() {
      const found = new Map<string, WaitlistEntry>();
      if (await getToken?.()) {
        for (const e of (await call(listPage(V.WaitlistEntry), 'GET', 'waitlist')).items) found.set(e.id, await keep(e, await store.get<WaitlistEntry>(ENTRY + e.id)));
      }
      await Promise.all(
        (await store.getAll<WaitlistEntry>(ENTRY)).map(async (mine) => {
          if (found.has(mine.id)) return;
          try {
            found.set(mine.id, await refresh(mine.id));
          } catch (error) {
            if ((error as MentorshipError).code === 'not-found') await store.del(ENTRY + mine.id);
            else found.set(mine.id, mine); // offline: what we last knew
          }
        }),
      );
      return [...found.values()].sort((a, b) => a.start.localeCompare(b.start));
    },
    async markWaitlistSeen(id) {
      const mine = (await store.get<WaitlistEntry>(ENTRY + id)) ?? (await refresh(id, false));
      const seen = { ...mine, seenAt: mine.seenAt ?? new Date().toISOString() };
      await store.set(ENTRY + id, seen);
      return seen;
    },
    listFullSessions: async (slots) =>
      (
        await call(listPage(V.Slot), 'GET', `mentors/${encodeURIComponent(slots.mentorId)}/full-sessions`, {
          searchParams: { sessionType: slots.sessionTypeId, from: slots.from, to: slots.to },
        })
      ).items,
  };
}
