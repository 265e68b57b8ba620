/** The RecordStore in IndexedDB, for the local backend and the HTTP backend's queue in a browser. */
import { del, get, promisifyRequest, set, type UseStore } from 'idb-keyval';
import { MentorshipError, toMentorshipError } from '../errors.js';
import type { RecordStore } from './record-store.js';

function storageError(error: unknown): MentorshipError {
  const wrapped = toMentorshipError(error, 'storage');
  if (wrapped.code !== 'storage') return wrapped;
  return new MentorshipError('storage', `Browser storage failed: ${wrapped.message}`, { cause: error });
}

/**
 * Records in one IndexedDB object store (idb-keyval's `createStore`), read and written with
 * idb-keyval's `get`, `set` and `del`; every call first awaits `ready` when it returns a promise
 * (e.g. a schema migration).
 * Failures are `storage` errors.
 */
export function idbRecordStore(use: UseStore, ready: () => Promise<void> | undefined = () => undefined): RecordStore {
  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    // With nothing to wait for, no await: the database opens in this task, so an element's first
    // render (its own microtask, queued earlier) runs while IndexedDB works, not before it starts.
    const waiting = ready();
    if (waiting) await waiting;
    return work().catch((e: unknown) => Promise.reject(storageError(e)));
  };
  // idb-keyval has no key-range read (its `values()` reads every record of every kind), so one
  // request over the prefix's key range reads only the records of this kind.
  const getAll = <T>(store: IDBObjectStore, prefix: string) => promisifyRequest<T[]>(store.getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`)));
  return {
    get: (key) => guarded(() => get(key, use)),
    getAll: (prefix) => guarded(() => use('readonly', (store) => getAll(store, prefix))),
    set: (key, value) => guarded(() => set(key, value, use)),
    del: (key) => guarded(() => del(key, use)),
    // A raw readwrite transaction, because the read of every record under `prefix`, the decision
    // and the writes must be ONE transaction (idb-keyval's calls are one transaction each): IndexedDB
    // runs readwrite transactions on a store one at a time, across tabs too, so no other write can
    // come between them (the atomic booking). The writes are made as the read's promise settles,
    // while the transaction is still active; when `decide` throws, nothing was written.
    update: (prefix, decide, also = []) =>
      guarded(() =>
        use('readwrite', async (store) => {
          const [records, ...more] = await Promise.all([prefix, ...also].map((p) => getAll(store, p)));
          const { writes, result } = decide(records as never[], more);
          try {
            for (const w of writes) store.put(w.value, w.key);
          } catch (error) {
            // A put that throws (a value IndexedDB cannot clone) must not leave the earlier ones committed.
            store.transaction.abort();
            throw error;
          }
          await promisifyRequest(store.transaction);
          return result;
        }),
      ),
  };
}

