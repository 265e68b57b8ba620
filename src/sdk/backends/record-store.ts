/**
 * A key-value store of records, the small surface the local and memory backends share (the
 * HTTP backend keeps its queue, plan and cancel tokens in one too).
 * Keys are "<kind>:<id>" so one write touches one record, whatever the number of others.
 */
import { promisifyRequest, type UseStore } from 'idb-keyval';
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
 * Records in one IndexedDB object store (idb-keyval's `createStore`); every call first awaits
 * `ready` (e.g. a schema migration) and settles when its transaction is complete. Failures are
 * `storage` errors.
 */
export function idbRecordStore(use: UseStore, ready: () => Promise<void> = async () => {}): RecordStore {
  const run = async <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => T | Promise<T>): Promise<T> => {
    await ready();
    return use(mode, async (store) => {
      const result = await work(store);
      await promisifyRequest(store.transaction);
      return result;
    }).catch((e: unknown) => Promise.reject(storageError(e)));
  };
  const getAll = (store: IDBObjectStore, prefix: string) => promisifyRequest(store.getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`)));
  return {
    get: (key) => run('readonly', (store) => promisifyRequest(store.get(key))),
    getAll: (prefix) => run('readonly', (store) => getAll(store, prefix)),
    set: (key, value) => run('readwrite', (store) => void store.put(value, key)),
    del: (key) => run('readwrite', (store) => void store.delete(key)),
    // One readwrite transaction: IndexedDB runs them one at a time per store, across tabs too,
    // so the read, the decision and the write cannot interleave with another tab's. The writes
    // are made as the read's promise settles, while the transaction is still active; when
    // `decide` throws, nothing was written and the transaction ends empty.
    update: (prefix, decide) =>
      run('readwrite', async (store) => {
        const { writes, result } = decide(await getAll(store, prefix));
        try {
          for (const w of writes) store.put(w.value, w.key);
        } catch (error) {
          // A put that throws (a value IndexedDB cannot clone) must not leave the earlier ones committed.
          store.transaction.abort();
          throw error;
        }
        return result;
      }),
  };
}
