import { ContextRoot, createContext } from '@lit/context';
import type { MentorshipClient } from '../../sdk/client.js';

/** One key for every copy of the kit on the page: Symbol.for makes two bundles agree. */
export const clientContext = createContext<MentorshipClient>(Symbol.for('mentorship-kit/client@1'));

const ROOT_FLAG = Symbol.for('mentorship-kit/context-root@1');

/**
 * A ContextRoot on the document makes late upgrades work: an element that asked for the client
 * before its <mentorship-provider> was defined gets it when the provider arrives.
 */
export function ensureContextRoot(): void {
  const g = globalThis as unknown as Record<symbol, boolean>;
  if (g[ROOT_FLAG] || typeof document === 'undefined') return;
  g[ROOT_FLAG] = true;
  new ContextRoot().attach(document.documentElement);
}
