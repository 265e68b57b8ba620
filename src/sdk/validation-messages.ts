/**
 * The one wording of validation messages. The browser checks (validator.ts) say these words; zod
 * says the same through `issueMessage`, which schemas.ts gives every schema (see ./zod.ts), so the
 * server, `mentorship-kit/schemas` and the browser report one message for one bad value
 * ("email: must be an email address"). test/sdk/validator.test.ts holds them to it.
 */

/** The JSON type of a value as messages name it ("integer" for whole numbers). */
export function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

/** What a failed string format says (validator.ts spells the same in its checks). */
export const FORMAT_MESSAGES: Record<string, string> = {
  email: 'must be an email address',
  datetime: 'must be an ISO date-time in UTC (…Z)',
  date: 'must be a date (YYYY-MM-DD)',
};

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** The fields of a zod issue that messages use (zod's raw issue has more). */
export interface IssueFacts {
  code: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  divisor?: number | bigint;
  values?: readonly unknown[];
  options?: readonly unknown[];
}

/** A zod issue in the kit's words; undefined leaves it to zod (a refine brings its own). */
export function issueMessage(issue: IssueFacts): string | undefined {
  const { origin } = issue;
  const unit = origin === 'string' ? ' characters' : origin === 'array' || origin === 'set' ? ' items' : '';
  const verb = unit === ' items' ? 'have' : 'be';
  // A missing key: zod's type checks, enums and literals each see `undefined`.
  if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) return 'is required';
  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected === 'int' ? 'a whole number' : issue.expected === 'record' ? 'object' : issue.expected;
      return `expected ${expected}, received ${typeOf(issue.input)}`;
    }
    case 'too_small':
      if (origin === 'string' && issue.minimum === 1) return 'must not be empty';
      return issue.inclusive === false ? `must be more than ${issue.minimum}` : `must ${verb} at least ${issue.minimum}${unit}`;
    case 'too_big':
      return issue.inclusive === false ? `must be less than ${issue.maximum}` : `must ${verb} at most ${issue.maximum}${unit}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'invalid_format':
      return FORMAT_MESSAGES[issue.format!] ?? 'has an invalid format';
    case 'invalid_value':
      return issue.values!.length === 1 ? `expected ${list(issue.values!)}` : `expected one of ${list(issue.values!)}`;
    case 'invalid_union':
      return issue.options ? `expected one of ${list(issue.options)}` : undefined;
  }
  return undefined;
}
