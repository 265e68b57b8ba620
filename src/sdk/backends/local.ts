/**
 * The embedded default: everything in the visitor's browser, in IndexedDB through idb-keyval.
 * The catalog is the built-in demo catalog (or `catalogUrl`'s, fetched and validated).
 * One database per namespace ("mentorship-kit:<namespace>"), one key per record, a stored
 * schema version with migrations, and changes shared with other tabs via the client.
 */
import { createStore } from 'idb-keyval';
import { demoCatalog } from '../catalog/load-demo-catalog.js';
import { fetchJson } from '../fetch-json.js';
import { loadValidation } from '../load-validation.js';
import type { Catalog } from '../schemas.js';
import type { Backend } from './backend.js';
import { createRecordBackend } from './record-backend.js';
import { databaseExists, idbRecordStore } from './idb-record-store.js';
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

async function fetchCatalog(url: string): Promise<Catalog> {
  const unreachable = `Could not load the catalog from ${url}`;
  const [json, { V, parseOrThrow }] = await Promise.all([
    fetchJson(url, { failed: (status) => (status ? `${unreachable}: HTTP ${status}` : unreachable), notJson: `The catalog at ${url} is not JSON` }),
    loadValidation(),
  ]);
  return parseOrThrow(V.Catalog, json, `catalog at ${url}`, 'bad-response');
}

/** Stores everything in this browser (IndexedDB). The default when a page has no backend. */
export function localBackend(options: LocalBackendOptions = {}): Backend {
  const namespace = options.namespace ?? 'default';
  const name = `mentorship-kit:${namespace}`;
  const target = options.schemaVersion ?? LOCAL_SCHEMA_VERSION;
  const use = createStore(name, 'records');
  // Migrations see the store as it is; everything else waits for them. They run before the
  // first read or write of a database that exists, once per backend.
  const unmigrated = idbRecordStore(use);
  let ready: Promise<void> | undefined;
  let opened = false;
  const migrate = () =>
    (ready ??= (async () => {
      const version = (await unmigrated.get<number>(VERSION_KEY)) ?? 0;
      if (version > 0) for (let v = version; v < target; v++) await options.migrations?.[v]?.(unmigrated);
      if (version !== target) await unmigrated.set(VERSION_KEY, target);
      opened = true;
    })());
  // Until a write creates the database, reads answer "nothing stored" without creating it: a
  // first visit needs no database. Asked again for every read until then (another tab may create it).
  const asked = databaseExists(name);
  const exists = async () => opened || asked();

  let catalog: Promise<Catalog> | undefined;
  const loadCatalog = () => {
    // The built-in catalog is read from the bundle, not copied into every visitor's
    // IndexedDB: first paint then needs no storage round trip for it.
    catalog ??= options.catalogUrl ? fetchCatalog(options.catalogUrl) : demoCatalog();
    catalog.catch(() => (catalog = undefined)); // a failed load may be retried
    return catalog;
  };

  return createRecordBackend({
    kind: 'local',
    store: idbRecordStore(use, migrate, exists),
    loadCatalog,
    channelName: name,
    // The first question of a fresh browser context to its storage takes tens of milliseconds:
    // asked now, it travels while the elements render their loading state.
    prepare: () => void exists(),
    now: options.now,
  });
}
