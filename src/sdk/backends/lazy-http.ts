import type { Backend } from './backend.js';
import type { HttpBackendOptions } from './http.js';
import { lazyBackend } from './lazy.js';

/**
 * The HTTP backend as the SDK exports it: the same options and Backend, with its code (and ky)
 * loaded from its own chunk on the first request, so a page or app that never talks HTTP never
 * downloads it.
 */
export function httpBackend(options: HttpBackendOptions): Backend {
  const channel = `mentorship-kit:http:${options.namespace ?? options.baseUrl}`;
  return lazyBackend('http', channel, () => import('./http.js').then((m) => m.httpBackend(options)));
}
