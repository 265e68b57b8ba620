/**
 * A backend whose code is loaded on first use, e.g. `lazyBackend('http', …, () =>
 * import('./http.js').then((m) => m.httpBackend(options)))`: the HTTP backend (and ky) stay out of
 * a page's first download until it asks for `backend="http"`. A failed load rejects that call
 * (the element shows the error and Retry) and the next call tries again.
 */
import { putEach } from '../session-records.js';
import type { Backend } from './backend.js';
import { forwardTo, WAITLIST_METHODS } from './forward.js';

export function lazyBackend(kind: string, channelName: string | undefined, load: () => Promise<Backend>): Backend {
  let loading: Promise<Backend> | undefined;
  let closed = false;
  const backend = () =>
    (loading ??= load().then(
      (loaded) => {
        if (closed) loaded.close?.();
        return loaded;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  type Method = Exclude<{ [K in keyof Backend]-?: Backend[K] extends ((...args: never[]) => Promise<unknown>) | undefined ? K : never }[keyof Backend], undefined>;
  const forward = <K extends Method>(name: K) =>
    (async (...args: unknown[]) => ((await backend())[name] as (...a: unknown[]) => unknown)(...args)) as NonNullable<Backend[K]>;

  return {
    kind,
    ...(channelName ? { channelName } : {}),
    getCatalog: forward('getCatalog'),
    listSlots: forward('listSlots'),
    listBookings: forward('listBookings'),
    createBooking: forward('createBooking'),
    cancelBooking: forward('cancelBooking'),
    rescheduleBooking: forward('rescheduleBooking'),
    listSessions: forward('listSessions'),
    async getSession(id) {
      const loaded = await backend();
      return loaded.getSession ? loaded.getSession(id) : (await loaded.listSessions()).find((s) => s.id === id);
    },
    putSession: forward('putSession'),
    async importSessions(sessions) {
      const loaded = await backend();
      return loaded.importSessions ? loaded.importSessions(sessions) : putEach(loaded, sessions);
    },
    // Series (issue 16): the loaded backend's, which client.series reports when it has none.
    createSeries: forward('createSeries'),
    getSeries: forward('getSeries'),
    cancelSeries: forward('cancelSeries'),
    // The waitlist (issue 16), likewise.
    ...(forwardTo(backend, WAITLIST_METHODS) as Pick<Required<Backend>, (typeof WAITLIST_METHODS)[number]>),
    onWaitlistPromoted(listener) {
      backend().then(
        (loaded) => loaded.onWaitlistPromoted?.(listener),
        () => {},
      );
    },
    deleteSession: forward('deleteSession'),
    getPlan: forward('getPlan'),
    setPlan: forward('setPlan'),
    async pendingSessionIds() {
      return (await (await backend()).pendingSessionIds?.()) ?? [];
    },
    async failedSessionWrites() {
      return (await (await backend()).failedSessionWrites?.()) ?? [];
    },
    async resolveFailedSessionWrite(key, action) {
      await (await backend()).resolveFailedSessionWrite?.(key, action);
    },
    async flushSessionWrites() {
      await (await backend()).flushSessionWrites?.();
    },
    onSyncChange(listener) {
      backend().then(
        (loaded) => loaded.onSyncChange?.(listener),
        () => {}, // the next call reports the failed load
      );
    },
    close() {
      closed = true;
      void loading?.then((loaded) => loaded.close?.(), () => {});
    },
  };
}
