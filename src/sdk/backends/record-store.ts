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
 * Records in one IndexedDB object store (idb-keyval's `createStore`); every call first awaits
 * `ready` (e.g. a schema migration). Failures are `storage` errors.
 */
export function idbRecordStore(use: UseStore, ready: () => Promise<void> = async () => {}): RecordStore {
  const range = (prefix: string) => IDBKeyRange.bound(prefix, `${prefix}\uffff`);
  const getAll = <T>(store: IDBObjectStore, prefix: string) => promisifyRequest(store.getAll(range(prefix)) as IDBRequest<T[]>);
  const guard = async <T>(operation: () => Promise<T>) => {
    await ready();
    return operation().catch((e: unknown) => Promise.reject(storageError(e)));
  };
  return {
    get: (key) => guard(() => get(key, use)),
    getAll: (prefix) => guard(() => use('readonly', (s) => getAll(s, prefix))),
    set: (key, value) => guard(() => set(key, value, use)),
    del: (key) => guard(() => del(key, use)),
    // One readwrite transaction: IndexedDB runs them one at a time per store, across tabs too,
    // so the read, the decision and the write cannot interleave with another tab's. The writes
    // are made as the read's promise settles, while the transaction is still active; when
    // `decide` throws, nothing was written and the transaction ends empty.
    update: (prefix, decide) =>
      guard(() =>
        use('readwrite', async (s) => {
          const { writes, result } = decide(await getAll(s, prefix));
          for (const w of writes) s.put(w.value, w.key);
          await promisifyRequest(s.transaction);
          return result;
        }),
      ),
  };
}
