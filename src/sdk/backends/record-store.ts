/**
 * A key-value store of records, the small surface the local and memory backends share.
 * Keys are "<kind>:<id>" so one write touches one record, whatever the number of others.
 */
export interface RecordWrite {
  key: string;
  value: unknown;
}

export interface RecordStore {
  get<T>(key: string): Promise<T | undefined>;
  /** Every record whose key starts with `prefix`. */
  getAll<T>(prefix: string): Promise<T[]>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  /**
   * Reads every record under `prefix`, hands them to `decide`, and writes what it returns — in
   * ONE atomic step. `decide` is synchronous and may throw to write nothing.
   */
  update<T, R>(prefix: string, decide: (records: T[]) => { writes: RecordWrite[]; result: R }): Promise<R>;
}
