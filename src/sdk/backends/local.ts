/**
 * The embedded default: everything in the visitor's browser, in IndexedDB through idb-keyval.
 * The catalog is the built-in demo catalog (or `catalogUrl`'s, fetched and validated).
 * One database per namespace ("mentorship-kit:<namespace>"), one key per record, a stored
 * schema version with migrations, and changes shared with other tabs via the client.
 */
import { createStore, del, get, promisifyRequest, set, type UseStore } from 'idb-keyval';
import { DEMO_CATALOG } from '../catalog/demo-catalog.js';
import { MentorshipError, toMentorshipError, type ErrorCode } from '../errors.js';
import * as V from '../generated/validators.js';
import type { Catalog } from '../schemas.js';
import { parseOrThrow } from '../validate.js';
import type { Backend } from './backend.js';
import { createRecordBackend } from './record-backend.js';
import type { RecordStore } from './record-store.js';

export const LOCAL_SCHEMA_VERSION = 1;
const VERSION_KEY = 'meta:schema-version';

/** Upgrades stored records from one schema version to the next: migrations[n] takes n → n+1. */
export type Migration = (store: RecordStore) => Promise<void>;

export interface LocalBackendOptions {
  /** Keeps several independent data sets on one origin (e.g. one per site section or test). */
  namespace?: string;
  /** URL of a catalog JSON to use instead of the built-in demo catalog. */
  catalogUrl?: string;
  migrations?: Record<number, Migration>;
  /** The version this code writes; raise it together with a migration. */
  schemaVersion?: number;
  now?: () => string;
}

function storageError(error: unknown): MentorshipError {
  const wrapped = toMentorshipError(error, 'storage');
  if (wrapped.code !== 'storage') return wrapped;
  return new MentorshipError('storage', `Browser storage failed: ${wrapped.message}`, { cause: error });
}

/** Records in one IndexedDB store; every call first awaits `ready` (the schema migration). */
function idbRecordStore(use: UseStore, ready: () => Promise<void> = async () => {}): RecordStore {
  const range = (prefix: string) => IDBKeyRange.bound(prefix, `${prefix}\uffff`);
  const guard = async <T>(operation: () => Promise<T>) => {
    await ready();
    return operation().catch((e: unknown) => Promise.reject(storageError(e)));
  };
  return {
    get: (key) => guard(() => get(key, use)),
    getAll: <T>(prefix: string) => guard(() => use('readonly', (s) => promisifyRequest(s.getAll(range(prefix)) as IDBRequest<T[]>))),
    set: (key, value) => guard(() => set(key, value, use)),
    del: (key) => guard(() => del(key, use)),
    async update<T, R>(prefix: string, decide: (records: T[]) => { writes: { key: string; value: unknown }[]; result: R }) {
      await ready();
      // One readwrite transaction: IndexedDB runs them one at a time per store, across tabs too,
      // so the read, the decision and the write cannot interleave with another tab's.
      return use('readwrite', (s) =>
        new Promise<R>((resolve, reject) => {
          const request = s.getAll(range(prefix));
          let result: R;
          request.onsuccess = () => {
            try {
              const decision = decide(request.result as T[]);
              result = decision.result;
              for (const w of decision.writes) s.put(w.value, w.key);
            } catch (error) {
              s.transaction.abort();
              reject(error);
            }
          };
          s.transaction.oncomplete = () => resolve(result);
          // After `decide` threw, the promise is already rejected; any other abort (quota, a
          // closing connection) must reject too instead of leaving the caller waiting forever.
          s.transaction.onabort = () => reject(storageError(s.transaction.error ?? new Error('Transaction aborted')));
        }),
      );
    },
  };
}

async function fetchCatalog(url: string): Promise<Catalog> {
  const failure = (code: ErrorCode, message: string) => (cause?: unknown) => Promise.reject(new MentorshipError(code, message, { cause }));
  const unreachable = `Could not load the catalog from ${url}`;
  const response = await fetch(url).catch(failure('network', unreachable));
  if (!response.ok) return failure('network', `${unreachable}: HTTP ${response.status}`)();
  const json: unknown = await response.json().catch(failure('bad-response', `The catalog at ${url} is not JSON`));
  return parseOrThrow(V.Catalog, json, `catalog at ${url}`, 'bad-response');
}

/** Stores everything in this browser (IndexedDB). The default when a page has no backend. */
export function localBackend(options: LocalBackendOptions = {}): Backend {
  const namespace = options.namespace ?? 'default';
  const use = createStore(`mentorship-kit:${namespace}`, 'records');
  const target = options.schemaVersion ?? LOCAL_SCHEMA_VERSION;
  // Migrations see the store as it is; everything else waits for them.
  const unmigrated = idbRecordStore(use);
  let ready: Promise<void> | undefined;
  const migrate = () =>
    (ready ??= (async () => {
      const version = (await unmigrated.get<number>(VERSION_KEY)) ?? 0;
      if (version > 0) for (let v = version; v < target; v++) await options.migrations?.[v]?.(unmigrated);
      if (version !== target) await unmigrated.set(VERSION_KEY, target);
    })());

  let catalog: Promise<Catalog> | undefined;
  const loadCatalog = () => {
    // The built-in catalog is read from the bundle, not copied into every visitor's
    // IndexedDB: first paint then needs no storage round trip for it.
    catalog ??= options.catalogUrl ? fetchCatalog(options.catalogUrl) : Promise.resolve(DEMO_CATALOG);
    catalog.catch(() => (catalog = undefined)); // a failed load may be retried
    return catalog;
  };

  return createRecordBackend({
    kind: 'local',
    store: idbRecordStore(use, migrate),
    loadCatalog,
    channelName: `mentorship-kit:${namespace}`,
    now: options.now,
  });
}
