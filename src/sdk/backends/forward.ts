import type { WaitlistEntry } from '../schemas.js';
import type { Backend } from './backend.js';

/** Methods that load their implementation on first call: `names` of what `load` resolves to. */
export function forwardTo<T, K extends keyof T>(load: () => Promise<T>, names: readonly K[]): Pick<T, K> {
  return Object.fromEntries(names.map((name) => [name, async (...args: unknown[]) => ((await load())[name] as (...a: unknown[]) => unknown)(...args)])) as Pick<T, K>;
}

/** The waitlist's methods of a Backend (all but `onWaitlistPromoted`), forwarded as one group. */
export const WAITLIST_METHODS = ['joinWaitlist', 'getWaitlistEntry', 'leaveWaitlist', 'listWaitlist', 'markWaitlistSeen', 'listFullSessions'] as const;

/** `load` called once and remembered; a failure is forgotten, so the next call tries again. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load().catch((error: unknown) => Promise.reject((loading = undefined, error))));
}

type PromotedListener = (entries: WaitlistEntry[]) => void;
type WaitlistMethods = Pick<Required<Backend>, (typeof WAITLIST_METHODS)[number]>;

/**
 * A backend's waitlist methods whose code `load` brings on first use, and `onWaitlistPromoted`,
 * whose listeners wait in the set `load` is given.
 */
export function lazyWaitlist(load: (promoted: Set<PromotedListener>) => Promise<WaitlistMethods>): WaitlistMethods & Pick<Backend, 'onWaitlistPromoted'> {
  const promoted = new Set<PromotedListener>();
  return { ...forwardTo(once(() => load(promoted)), WAITLIST_METHODS), onWaitlistPromoted: (listener) => void promoted.add(listener) };
}
