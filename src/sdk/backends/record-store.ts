/**
 * A key-value store of records, the small surface the local and memory backends share (the
 * HTTP backend keeps its queue, plan and cancel tokens in one too).
 * Keys are "<kind>:<id>" so one write touches one record, whatever the number of others.
 */
import { del, get, promisifyRequest, set, type UseStore } from 'idb-keyval';
import { MentorshipError, toMentorshipError } from '../errors.js';

export interface RecordWrite {
  key: string;
  value: unknown;
}

export interface RecordStore {
  get<T>(key: string): Promise<T | undefined>;
  /** Every record whose key starts with `prefix`, in key order. */
  getAll<T>(prefix: string): Promise<T[]>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  /**
   * Reads every record under `prefix`, hands them to `decide`, and writes what it returns — in
   * ONE atomic step. `decide` is synchronous and may throw to write nothing.
   */
  update<T, R>(prefix: string, decide: (records: T[]) => { writes: RecordWrite[]; result: R }): Promise<R>;
}

function storageError(error: unknown): MentorshipError {
  const wrapped = toMentorshipError(error, 'storage');
  if (wrapped.code !== 'storage') return wrapped;
  return new MentorshipError('storage', `Browser storage failed: ${wrapped.message}`, { cause: error });
}

/**
 * Records in one IndexedDB object store (idb-keyval's `createStore`), read and written with
 * idb-keyval's `get`, `set` and `del`; every call first awaits `ready` (e.g. a schema migration).
 * Failures are `storage` errors.
 */
export function idbRecordStore(use: UseStore, ready: () => Promise<void> = async () => {}): RecordStore {
  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    await ready();
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
    update: (prefix, decide) =>
      guarded(() =>
        use('readwrite', async (store) => {
          const { writes, result } = decide(await getAll(store, prefix));
          for (const w of writes) store.put(w.value, w.key);
          await promisifyRequest(store.transaction);
          return result;
        }),
      ),
  };
}

/**
 * Records in this process's memory, copied in and out like IndexedDB's structured clone: the
 * memory backend's store, and the HTTP backend's where there is no IndexedDB (Node, workers).
 */
export function memoryRecordStore(): RecordStore {
  const records = new Map<string, unknown>();
  const clone = <T>(value: T): T => structuredClone(value);
  const under = (prefix: string) => [...records.keys()].filter((key) => key.startsWith(prefix)).sort().map((key) => clone(records.get(key)));
  return {
    get: async <T>(key: string) => clone(records.get(key)) as T | undefined,
    getAll: async <T>(prefix: string) => under(prefix) as T[],
    async set(key, value) {
      records.set(key, clone(value));
    },
    async del(key) {
      records.delete(key);
    },
    // Synchronous between read and write, so atomic within this process.
    async update(prefix, decide) {
      const { writes, result } = decide(under(prefix) as never[]);
      for (const w of writes) records.set(w.key, clone(w.value));
      return result;
    },
  };
}
