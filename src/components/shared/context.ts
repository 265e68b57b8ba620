/**
 * The client travels from <mentorship-provider> to the elements inside it through the Web
 * Components Community Group's context protocol, with @lit/context: its ContextProvider (in the
 * provider), ContextConsumer (in ClientController) and ContextRoot for late upgrades.
 */
import { ContextRoot, createContext } from '@lit/context';
import type { MentorshipClient } from '../../sdk/client.js';

/** One key for every copy of the kit on the page: Symbol.for makes two bundles agree. */
export const clientContext = createContext<MentorshipClient>(Symbol.for('mentorship-kit/client@1'));

const ROOT = Symbol.for('mentorship-kit/context-root@1');

/**
 * Attaches one ContextRoot to the document: it keeps the requests no provider answered and
 * replays them when a provider connects later (an element upgraded before the provider above it
 * was defined). One per page, shared with another copy of the kit, so requests replay once.
 */
export function attachContextRoot(): void {
  const page = globalThis as unknown as Record<symbol, boolean | undefined>;
  if (page[ROOT] || typeof document === 'undefined') return;
  page[ROOT] = true;
  new ContextRoot().attach(document.documentElement);
}
