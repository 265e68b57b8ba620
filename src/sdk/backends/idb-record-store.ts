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
 * Whether database `name` is there, asked without creating it (`indexedDB.databases()`); true
 * where the browser cannot tell (reads then open it, as before). The questions asked in one task
 * share one answer.
 */
export function databaseExists(name: string): () => Promise<boolean> {
  let asking: Promise<boolean> | undefined;
  return () => {
    if (typeof indexedDB.databases !== 'function') return Promise.resolve(true);
    if (!asking) {
      asking = indexedDB.databases().then((all) => all.some((d) => d.name === name), () => true);
      setTimeout(() => (asking = undefined));
    }
    return asking;
  };
}

/**
 * Records in one IndexedDB object store (idb-keyval's `createStore` or a `lazyIdbStore`), read and
 * written with idb-keyval's `get`, `set` and `del`; every call first awaits `ready` (e.g. a schema
 * migration). With `exists`, a read of a database that is not there answers "nothing stored"
 * without creating it: a first visit needs no database until its first write.
 * Failures are `storage` errors.
 */
export function idbRecordStore(use: UseStore, ready: () => Promise<void> = async () => {}, exists: () => Promise<boolean> = async () => true): RecordStore {
  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    await ready();
    return work().catch((e: unknown) => Promise.reject(storageError(e)));
  };
  const read = async <T>(work: () => Promise<T>, none: T): Promise<T> => ((await exists()) ? guarded(work) : none);
  // idb-keyval has no key-range read (its `values()` reads every record of every kind), so one
  // request over the prefix's key range reads only the records of this kind.
  const getAll = <T>(store: IDBObjectStore, prefix: string) => promisifyRequest<T[]>(store.getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`)));
  return {
    get: (key) => read(() => get(key, use), undefined),
    getAll: <T>(prefix: string) => read(() => use('readonly', (store) => getAll<T>(store, prefix)), []),
    set: (key, value) => guarded(() => set(key, value, use)),
    del: (key) => read(() => del(key, use), undefined),
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
