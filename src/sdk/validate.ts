import { validationError, type ErrorCode } from './errors.js';
import { check, type Validator } from './validator.js';

/**
 * Validates `value` with a generated validator (src/sdk/generated/validators.ts) and returns the
 * parsed data (defaults filled, unknown keys dropped), or throws a MentorshipError naming `what`
 * and the failing paths.
 */
export function parseOrThrow<T>(validator: Validator<T>, value: unknown, what: string, code: ErrorCode = 'invalid-input'): T {
  const result = check(validator, value);
  if (!result.success) throw validationError(what, result.issues, code);
  return result.data;
}
