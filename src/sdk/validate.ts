import * as z from 'zod/mini';
import { validationError, type ErrorCode } from './errors.js';

/** Parses `value` with `schema` or throws a MentorshipError naming `what` and the failing paths. */
export function parseOrThrow<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  what: string,
  code: ErrorCode = 'invalid-input',
): z.infer<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) throw validationError(what, result.error, code);
  return result.data;
}
