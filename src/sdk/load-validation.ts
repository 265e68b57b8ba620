import { MentorshipError } from './errors.js';
import type * as Validation from './validation.js';

export type { Validation };

let loading: Promise<typeof Validation> | undefined;

/**
 * The validators, loaded once on first use from their own chunk. A failed load is a `network`
 * error for that call (the element shows it with Retry) and the next call tries again.
 */
export function loadValidation(): Promise<typeof Validation> {
  return (loading ??= import('./validation.js').catch((error: unknown) => {
    loading = undefined;
    throw new MentorshipError('network', 'Could not load the validation code. Check the connection and try again.', { cause: error });
  }));
}

type Validators = typeof Validation.V;
type Output<K extends keyof Validators> = Validators[K] extends Validation.Validator<infer T> ? T : never;

/** Validates `value` with the generated validator `name` (loaded on first use), as parseOrThrow does. */
export async function parse<K extends keyof Validators>(name: K, value: unknown, what: string): Promise<Output<K>> {
  const { V, parseOrThrow } = await loadValidation();
  return parseOrThrow(V[name] as Validation.Validator<Output<K>>, value, what);
}
