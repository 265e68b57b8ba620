/** Methods that load their implementation on first call: `names` of what `load` resolves to. */
export function forwardTo<T, K extends keyof T>(load: () => Promise<T>, names: readonly K[]): Pick<T, K> {
  return Object.fromEntries(names.map((name) => [name, async (...args: unknown[]) => ((await load())[name] as (...a: unknown[]) => unknown)(...args)])) as Pick<T, K>;
}

/** The waitlist's methods of a Backend (all but `onWaitlistPromoted`), forwarded as one group. */
export const WAITLIST_METHODS = ['joinWaitlist', 'getWaitlistEntry', 'leaveWaitlist', 'listWaitlist', 'markWaitlistSeen', 'listFullSessions'] as const;
