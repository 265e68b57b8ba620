import { localBackend } from '../../sdk/backends/local.js';
import { createClient, type MentorshipClient } from '../../sdk/client.js';

const DEFAULT_CLIENT = Symbol.for('mentorship-kit/default-client@1');

/**
 * The client elements use when no <mentorship-provider> is above them: one per page, shared by
 * every element (and by a second copy of the kit), storing in IndexedDB namespace "default".
 */
export function defaultClient(): MentorshipClient {
  const g = globalThis as unknown as Record<symbol, MentorshipClient | undefined>;
  return (g[DEFAULT_CLIENT] ??= createClient({ backend: localBackend() }));
}

const CONSUMERS = 'commitment-calculator, program-picker, mentor-booking, session-tracker';

// A page that already holds kit elements and no provider will use the default client: made now,
// while the rest of the kit is evaluated, its storage question is on its way before the elements
// upgrade (it creates nothing: see localBackend).
if (typeof document !== 'undefined' && document.querySelector(CONSUMERS) && !document.querySelector('mentorship-provider')) defaultClient();
