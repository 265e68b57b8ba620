export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'unauthorized'
  | 'network'
  | 'timeout'
  | 'bad-response'
  | 'storage';

/** One issue from validation, with a dotted path a person can read ("programs.2.price.min"). */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** The one error type the SDK throws. `code` says what kind of failure; `message` is for people. */
export class MentorshipError extends Error {
  override readonly name = 'MentorshipError';
  readonly code: ErrorCode;
  readonly issues: ValidationIssue[];
  /** On a `conflict` from a stale write: the newer version that won (null: it was deleted). */
  readonly current?: unknown;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; issues?: ValidationIssue[]; current?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
    if (options.current !== undefined) this.current = options.current;
  }

  static is(value: unknown): value is MentorshipError {
    return value instanceof Error && (value as MentorshipError).name === 'MentorshipError' && 'code' in value;
  }
}

/** Wraps failed validation: "Invalid catalog: programs.0.title: expected string". */
export function validationError(
  what: string,
  issues: ValidationIssue[],
  code: ErrorCode = 'invalid-input',
): MentorshipError {
  const summary = issues
    .slice(0, 3)
    .map((i) => `${i.path}: ${i.message}`)
    .join('; ');
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return new MentorshipError(code, `Invalid ${what}: ${summary}${more}`, { issues });
}

/** Turns anything thrown into a MentorshipError, keeping one that already is. */
export function toMentorshipError(value: unknown, fallback: ErrorCode = 'storage'): MentorshipError {
  if (MentorshipError.is(value)) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new MentorshipError(fallback, message, { cause: value });
}
