/** The RecordStore in IndexedDB, for the local backend and the HTTP backend's queue in a browser. */
import { del, get, promisifyRequest, set, type UseStore } from 'idb-keyval';
import { MentorshipError, toMentorshipError } from '../errors.js';
import type { RecordStore } from './record-store.js';

function storageError(error: unknown): MentorshipError {
  const wrapped = toMentorshipError(error, 'storage');
  if (wrapped.code !== 'storage') return wrapped;
  return new MentorshipError('storage', `Browser storage failed: ${wrapped.message}`, { cause: error });
}

/** A database of one object store, "records", opened on first use, that can be read without being created. */
export interface RecordDatabase {
  /** idb-keyval's custom-store function: opens the database, creating it if need be. */
  use: UseStore;
  /** Whether the database is there, found out without creating it (and opened when it is). */
  exists(): Promise<boolean>;
}

/**
 * idb-keyval's `createStore`, plus `exists()`: it opens the database only if it is there, by
 * aborting the upgrade that opening a missing one starts (which leaves no database). Concurrent
 * calls share one attempt; while a database is being looked for, no other tab can create it (the
 * upgrade holds it), so an answer "not there" is never older than the call. `onCreate` writes the
 * first records in the transaction that creates the database.
 */
export function recordDatabase(name: string, onCreate: (records: IDBObjectStore) => void): RecordDatabase {
  let connection: Promise<IDBDatabase | undefined> | undefined;
  const attempt = (create: boolean) => {
    const opening = new Promise<IDBDatabase | undefined>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onupgradeneeded = () => (create ? onCreate(request.result.createObjectStore('records')) : request.transaction!.abort());
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => (!create && request.error?.name === 'AbortError' ? resolve(undefined) : reject(request.error));
    });
    const forget = () => connection === opening && (connection = undefined);
    opening.then((db) => (db ? (db.onclose = forget) : forget()), forget); // closed by the browser (site data cleared): open again next time
    return (connection = opening);
  };
  const connect = async (create: boolean) => (await (connection ?? attempt(create))) ?? (create ? (connection ?? attempt(true)) : undefined);
  return {
    use: (mode, callback) => connect(true).then((db) => callback(db!.transaction('records', mode).objectStore('records'))),
    exists: async () => !!(await connect(false)),
  };
}

/**
 * Records in one IndexedDB object store (idb-keyval's `createStore` or a `recordDatabase`), read and
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
  const read = <T>(work: () => Promise<T>, none: T): Promise<T> => exists().then((there) => (there ? guarded(work) : none), (e: unknown) => Promise.reject(storageError(e)));
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
