import { demoCatalog } from '../catalog/load-demo-catalog.js';
import type { Catalog } from '../schemas.js';
import type { Backend } from './backend.js';
import { createRecordBackend } from './record-backend.js';
import type { RecordStore } from './record-store.js';

export interface MemoryBackendOptions {
  catalog?: Catalog;
  now?: () => string;
}

/** Keeps everything in this page's memory; gone on reload. For tests, previews and SSR. */
export function memoryBackend(options: MemoryBackendOptions = {}): Backend {
  const records = new Map<string, unknown>();
  const clone = <T>(value: T): T => structuredClone(value);
  const under = (prefix: string) => [...records].filter(([key]) => key.startsWith(prefix)).map(([, value]) => clone(value));
  const store: RecordStore = {
    async get<T>(key: string) {
      return clone(records.get(key)) as T | undefined;
    },
    getAll: async <T>(prefix: string) => under(prefix) as T[],
    async set(key, value) {
      records.set(key, clone(value));
    },
    async del(key) {
      records.delete(key);
    },
    // Synchronous between read and write, so atomic within this page.
    async update(prefix, decide) {
      const { writes, result } = decide(under(prefix) as never[]);
      // Clone everything first: a value that cannot be cloned then writes nothing at all.
      const cloned = writes.map((w) => [w.key, clone(w.value)] as const);
      for (const [key, value] of cloned) records.set(key, value);
      return result;
    },
  };
  const { catalog } = options;
  return createRecordBackend({ kind: 'memory', store, loadCatalog: async () => catalog ?? demoCatalog(), now: options.now });
}
