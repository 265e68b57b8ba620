/**
 * A key-value store of records, the small surface the local and memory backends share (the
 * HTTP backend keeps its queue, plan and cancel tokens in one too). IndexedDB's is
 * ./idb-record-store.ts, kept apart so these types need no DOM (Node projects use them).
 * Keys are "<kind>:<id>" so one write touches one record, whatever the number of others.
 */
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
   * ONE atomic step. `decide` is synchronous and may throw to write nothing. The records under
   * each of `also`'s prefixes are read in the same step and handed over as `more[i]`.
   */
  update<T, R>(prefix: string, decide: (records: T[], more: unknown[][]) => { writes: RecordWrite[]; result: R }, also?: readonly string[]): Promise<R>;
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
    async update(prefix, decide, also = []) {
      const { writes, result } = decide(under(prefix) as never[], also.map(under));
      // Clone everything first: a value that cannot be cloned then writes nothing at all.
      const cloned = writes.map((w) => [w.key, clone(w.value)] as const);
      for (const [key, value] of cloned) records.set(key, value);
      return result;
    },
  };
}
