import { demoCatalog } from '../catalog/load-demo-catalog.js';
import type { Catalog } from '../schemas.js';
import type { Backend } from './backend.js';
import { createRecordBackend } from './record-backend.js';
import { memoryRecordStore } from './record-store.js';

export interface MemoryBackendOptions {
  catalog?: Catalog;
  now?: () => string;
}

/** Keeps everything in this page's memory; gone on reload. For tests, previews and SSR. */
export function memoryBackend(options: MemoryBackendOptions = {}): Backend {
  const store = memoryRecordStore();
  const { catalog } = options;
  return createRecordBackend({ kind: 'memory', store, loadCatalog: async () => catalog ?? demoCatalog(), now: options.now });
}
