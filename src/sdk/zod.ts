/**
 * zod/mini, with the kit's validation messages (./validation-messages.ts) on every schema that
 * schemas.ts builds: a schema's `error` also words the issues of its checks, so the constructors
 * are enough. A schema given its own `error` (or `message`) keeps it; scripts/gen-validators.ts
 * carries such a message into the browser checks.
 */
import * as zm from 'zod/mini';
import { issueMessage } from './validation-messages.js';

export * from 'zod/mini';

type Params = string | { error?: unknown; message?: unknown } | undefined;

const worded = (params: Params) =>
  typeof params === 'string' || (params && ('error' in params || 'message' in params)) ? params : { ...params, error: issueMessage };

/** `make` with the kit's messages on the params at `index` (every argument before it is passed on). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const withMessages = <F extends (...args: any[]) => unknown>(make: F, index: number): F =>
  ((...args: unknown[]) => {
    args[index] = worded(args[index] as Params);
    return make(...args);
  }) as F;

export const string = withMessages(zm.string, 0);
export const number = withMessages(zm.number, 0);
export const boolean = withMessages(zm.boolean, 0);
export const int = withMessages(zm.int, 0);
export const email = withMessages(zm.email, 0);
export const literal = withMessages(zm.literal, 1);
const enumOf = withMessages(zm.enum, 1);
export { enumOf as enum };
export const array = withMessages(zm.array, 1);
export const object = withMessages(zm.object, 1);
export const record = withMessages(zm.record, 2);
export const union = withMessages(zm.union, 1);
export const discriminatedUnion = withMessages(zm.discriminatedUnion, 2);
export const iso = { ...zm.iso, datetime: withMessages(zm.iso.datetime, 0), date: withMessages(zm.iso.date, 0) };
