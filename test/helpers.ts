import { localBackend } from '../src/sdk/backends/local.js';
import { createClient } from '../src/sdk/client.js';

let counter = 0;
/** A namespace no other test uses, so IndexedDB data never leaks between tests. */
export function freshNamespace(prefix = 'test'): string {
  return `${prefix}-${Date.now().toString(36)}-${counter++}-${Math.random().toString(36).slice(2, 8)}`;
}

export function localClient(namespace = freshNamespace()) {
  return createClient({ backend: localBackend({ namespace }) });
}

/** Resolves after `client` emits a change matching `predicate`. */
export function nextChange<T extends { on: (t: 'change', l: (e: any) => void) => () => void }>(
  client: T,
  predicate: (event: any) => boolean = () => true,
): Promise<any> {
  return new Promise((resolve) => {
    const stop = client.on('change', (event) => {
      if (predicate(event)) {
        stop();
        resolve(event);
      }
    });
  });
}
