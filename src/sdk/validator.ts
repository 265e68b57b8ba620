/**
 * Checks that validate in the browser as our zod schemas do. scripts/gen-validators.ts turns each
 * zod schema (through its JSON Schema) into a call of the small checks below, in
 * src/sdk/generated/validators.ts. Why not zod itself: zod/mini's runtime is ~10 KB min+gzip for
 * our schemas, which alone would break the 25 KB per-element and 40 KB kit budgets; these checks
 * plus the generated calls are ~2 KB. The zod schemas stay the single source: the server
 * validates with zod directly, and test/sdk/validator.test.ts checks that both agree.
 *
 * A check returns the value (defaults filled, unknown object keys dropped, as zod's default
 * objects do) or records issues and returns undefined. Objects and arrays check every member, so
 * every broken path is reported.
 */
import type { ValidationIssue } from './errors.js';
import { isValidTimeZone } from './time-zone.js';
import { typeOf } from './validation-messages.js';

type Path = (string | number)[];
/** As reported: the path dotted ("roles.0.name", "(root)" for the value itself) and a message. */
type Issue = ValidationIssue;

/** A check whose valid output is `T` (for the generated ones: the zod schema's output type). */
export interface Validator<T> {
  (value: unknown, path: Path, issues: Issue[]): T | undefined;
  /** As an object property: the key may be missing (it stays out of the result). */
  optional?: true;
  /** As an object property: what a missing key becomes (then checked like a given value). */
  fallback?: unknown;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyValidator = Validator<any>;

/** Gives a check the type of what it outputs; nothing happens at run time. */
export const validator = <T>(check: AnyValidator): Validator<T> => check;

export type CheckResult<T> = { success: true; data: T } | { success: false; issues: ValidationIssue[] };

/** Runs `validator` on `input`: the parsed data, or every issue. */
export function check<T>(validator: Validator<T>, input: unknown): CheckResult<T> {
  const issues: Issue[] = [];
  const data = validator(input, [], issues) as T;
  return issues.length === 0 ? { success: true, data } : { success: false, issues };
}

const fail = (issues: Issue[], path: Path, message: string): undefined => void issues.push({ path: path.join('.') || '(root)', message });


/** Checks the JSON type ("expected string, received number"), then hands the value to `then`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function typed<T>(type: string, then: (value: any, path: Path, issues: Issue[]) => T | undefined): Validator<T> {
  return (value, path, issues) => {
    const actual = typeOf(value);
    if (actual === type || (type === 'number' && actual === 'integer')) return then(value, path, issues);
    return fail(issues, path, `expected ${type === 'integer' ? 'a whole number' : type}, received ${actual}`);
  };
}

/** A check of one JSON type; `problem` says what is wrong with a value of that type, if anything. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const leaf = <T>(type: string, problem: (value: any) => string | undefined): Validator<T> =>
  typed(type, (value, path, issues) => {
    const message = problem(value);
    return message ? fail(issues, path, message) : value;
  });

/** "must be at least 2 items"-style message for a number or size outside [minimum, maximum]. */
const outOfRange = (size: number, minimum: number, maximum: number, verb: string, unit = '') =>
  size < minimum ? `must ${verb} at least ${minimum}${unit}` : size > maximum ? `must ${verb} at most ${maximum}${unit}` : undefined;

/** A RegExp, or any other `test` (the time zone and calendar checks below). */
type Format = { test(text: string): boolean };

/** A string of `minLength`…`maxLength` characters (code points) that matches `format`. */
export const string = (minLength = 0, maxLength = Infinity, format?: Format, formatMessage = 'has an invalid format') =>
  leaf<string>('string', (text: string) => {
    const length = [...text].length;
    if (minLength === 1 && !length) return 'must not be empty';
    return outOfRange(length, minLength, maxLength, 'be', ' characters') ?? (format && !format.test(text) ? formatMessage : undefined);
  });

/** An IANA time zone name this browser knows. */
export const timeZone = string(0, Infinity, { test: isValidTimeZone }, 'Unknown IANA time zone');

/**
 * An ISO date (time) as zod accepts it: `pattern`, and a real day of the (proleptic Gregorian)
 * calendar, leap years included. zod spells the calendar out in one long pattern; here the date
 * makes a round trip through Date instead: a real day comes back as itself, "2023-02-29" as
 * another day or as an invalid date (whose toJSON() is null).
 */
const isoCalendar = (pattern: RegExp, message: string) => {
  const format = {
    test(text: string) {
      const date = text.slice(0, 10);
      return pattern.test(text) && new Date(date).toJSON()?.slice(0, 10) === date;
    },
  };
  return string(0, Infinity, format, message);
};

/** A calendar date as zod's `z.iso.date()` accepts it ("2026-03-29"). */
export const isoDate = isoCalendar(/^\d{4}-\d\d-\d\d$/, 'must be a date (YYYY-MM-DD)');

/** An instant in UTC as zod's `z.iso.datetime()` accepts it ("2026-03-29T07:00:00Z", any fraction of a second). */
export const isoDateTime = isoCalendar(/^\d{4}-\d\d-\d\dT(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z$/, 'must be an ISO date-time in UTC (…Z)');

type NumberOptions = { exclusiveMinimum?: number; multipleOf?: number };

const numeric =
  (type: 'number' | 'integer') =>
  (minimum = -Infinity, maximum = Infinity, { exclusiveMinimum = -Infinity, multipleOf }: NumberOptions = {}) =>
    leaf<number>(type, (value: number) => {
      const steps = multipleOf ? value / multipleOf : 0;
      return (
        outOfRange(value, minimum, maximum, 'be') ??
        (value <= exclusiveMinimum
          ? `must be more than ${exclusiveMinimum}`
          : Math.abs(steps - Math.round(steps)) > 1e-9
            ? `must be a multiple of ${multipleOf}`
            : undefined)
      );
    });

/** A number in [minimum, maximum]. As a type, NaN and ±Infinity count as numbers (JSON has neither). */
export const number = numeric('number');
/** A whole number in [minimum, maximum]. */
export const integer = numeric('integer');

export const boolean = leaf<boolean>('boolean', () => undefined);

/** Any value at all, kept as it is. */
export const anything: Validator<unknown> = (value) => value;

/** Exactly `expected` (a discriminator such as `kind: "tiered"`). */
export const literal =
  <T>(expected: T): Validator<T> =>
  (value, path, issues) =>
    value === expected ? expected : fail(issues, path, `expected ${JSON.stringify(expected)}`);

/** One of `choices`. */
export const oneOf =
  <T>(...choices: T[]): Validator<T> =>
  (value, path, issues) =>
    choices.includes(value as T) ? (value as T) : fail(issues, path, `expected one of ${choices.map((c) => JSON.stringify(c)).join(', ')}`);

/** An array of `minItems`…`maxItems` values that each pass `items`. */
export const array = <T>(items: Validator<T>, minItems = 0, maxItems = Infinity) =>
  typed('array', (list: unknown[], path, issues) => {
    const message = outOfRange(list.length, minItems, maxItems, 'have', ' items');
    return message ? fail(issues, path, message) : list.map((item, index) => items(item, [...path, index], issues) as T);
  });

/** An object with these properties; other keys are dropped. */
export const object = (properties: Record<string, AnyValidator>) =>
  typed('object', (value: Record<string, unknown>, path, issues) => {
    const out: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(properties)) {
      let item = value[key];
      if (item === undefined) {
        if (!('fallback' in property)) {
          if (!property.optional) fail(issues, [...path, key], 'is required');
          continue;
        }
        item = structuredClone(property.fallback);
      }
      out[key] = property(item, [...path, key], issues);
    }
    return out;
  });

/** An object used as a map: any keys, every value passes `values`. */
export const record = <T>(values: Validator<T>) =>
  typed('object', (value: Record<string, unknown>, path, issues) =>
    Object.fromEntries(Object.entries(value).map(([key, item]) => [key, values(item, [...path, key], issues)])),
  );

/**
 * The first of `alternatives` that passes. Else, as with zod's discriminated unions, the issues of
 * the first one whose discriminator (a literal, the first property checked) matched, or one issue
 * at the discriminator when none did.
 */
export const union =
  (...alternatives: AnyValidator[]): AnyValidator =>
  (value, path, issues) => {
    const failures: Issue[][] = [];
    for (const alternative of alternatives) {
      const found: Issue[] = [];
      const result = alternative(value, path, found);
      if (found.length === 0) return result;
      failures.push(found);
    }
    // No discriminator matched: one issue at it, naming every alternative's value (as zod does).
    const matched = failures.find(([first]) => !first!.message.startsWith('expected "'));
    issues.push(...(matched ?? [{ path: failures[0]![0]!.path, message: `expected one of ${failures.map(([first]) => first!.message.slice(9)).join(', ')}` }]));
  };

/** A copy of `check` that tells `object` what to do when its key is missing. */
const property = <T>(check: Validator<T>, whenMissing: Pick<Validator<T>, 'optional' | 'fallback'>): Validator<T> =>
  Object.assign((value: unknown, path: Path, issues: Issue[]) => check(value, path, issues), whenMissing);

/** As an object property: may be missing. */
export const optional = <T>(check: Validator<T>) => property(check, { optional: true });

/** As an object property: a missing key becomes a copy of `fallback`. */
export const withDefault = <T>(fallback: unknown, check: Validator<T>) => property(check, { fallback });
