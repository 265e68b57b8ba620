import { MentorshipError } from './errors.js';

/** A random id that sorts roughly by creation time: "<time base36>-<random>". */
export function newId(prefix = ''): string {
  const random = crypto.getRandomValues(new Uint32Array(2));
  const tail = Array.from(random, (n) => n.toString(36).padStart(7, '0')).join('');
  return `${prefix}${Date.now().toString(36)}-${tail}`;
}

export function nowIso(): string {
  return new Date().toISOString();
}

/**
 * The item of `items` with this `id` (undefined entries are skipped), or a `not-found` error
 * naming `what`: 'No mentor with id "x"'.
 */
export function findById<T extends { id: string }>(items: (T | undefined)[], id: string, what: string): T {
  const item = items.find((x) => x?.id === id);
  if (!item) throw new MentorshipError('not-found', `No ${what} with id "${id}"`);
  return item;
}
