/**
 * Runs the JSON Schemas generated from our zod schemas (scripts/gen-validators.ts) in the
 * browser. Why not zod itself: zod/mini's runtime is ~10 KB min+gzip for our schemas, which
 * alone would break the 25 KB per-element and 40 KB kit budgets; this interpreter plus the
 * generated schemas is ~3 KB. The zod schemas stay the single source: the server validates with
 * zod directly, and test/sdk/validator.test.ts checks that both agree.
 *
 * Supports the subset toJSONSchema emits for our schemas: type, enum, const, pattern, min/max
 * length, minimum/maximum (exclusive too), multipleOf, items, min/maxItems, properties,
 * required, additionalProperties (records), oneOf/anyOf, $ref by schema name, default, and the
 * custom format "x-time-zone". Unknown object keys are dropped, as zod's default objects do.
 */
import type { ValidationIssue } from './errors.js';
import { isValidTimeZone } from './time-zone.js';

// A JSON Schema node; `any` keeps this interpreter short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Node = Record<string, any>;

/** A generated schema that validates to `T` (the zod schema's output type). */
export interface Validator<T> {
  /** Every schema by name; `$ref: "Name"` points into it. */
  readonly pool: Record<string, Node>;
  readonly schema: Node;
  /** Phantom: never set; carries the type. */
  readonly _type?: T;
}

export function validator<T>(pool: Record<string, Node>, name: string): Validator<T> {
  return { pool, schema: pool[name]! };
}

export type CheckResult<T> = { success: true; data: T } | { success: false; issues: ValidationIssue[] };

type Path = (string | number)[];
type Issue = { path: Path; message: string };

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(expected: string, value: unknown): boolean {
  const actual = typeOf(value);
  if (expected === 'number') return actual === 'number' || actual === 'integer';
  return expected === actual && !(actual === 'number' && !Number.isFinite(value));
}

const below = (value: number, bound: number) => value < bound;
const above = (value: number, bound: number) => value > bound;

/**
 * Limits on a number, or on a string's length in characters or an array's in items, in the
 * order they are checked: [keyword, broken by, message with # for the bound].
 */
const BOUNDS: [string, (value: number, bound: number) => boolean, string][] = [
  ['minimum', below, 'must be at least #'],
  ['maximum', above, 'must be at most #'],
  ['exclusiveMinimum', (value, bound) => value <= bound, 'must be more than #'],
  ['exclusiveMaximum', (value, bound) => value >= bound, 'must be less than #'],
  ['multipleOf', (value, bound) => Math.abs(value / bound - Math.round(value / bound)) > 1e-9, 'must be a multiple of #'],
  ['minLength', below, 'must be at least # characters'],
  ['maxLength', above, 'must be at most # characters'],
  ['minItems', below, 'must have at least # items'],
  ['maxItems', above, 'must have at most # items'],
];

const FORMAT_MESSAGES: Record<string, string> = {
  'date-time': 'must be an ISO date-time in UTC (…Z)',
  date: 'must be a date (YYYY-MM-DD)',
  email: 'must be an email address',
};

export function check<T>(v: Validator<T>, input: unknown): CheckResult<T> {
  let issues: Issue[] = [];
  const fail = (path: Path, message: string): undefined => void issues.push({ path, message });

  /** Returns the (possibly defaulted, stripped) value, or undefined after recording issues. */
  function walk(node: Node, value: unknown, path: Path): unknown {
    if (node.$ref) return walk(v.pool[node.$ref]!, value, path);
    const alternatives: Node[] | undefined = node.oneOf ?? node.anyOf;
    if (alternatives) return union(alternatives, value, path);
    if ('const' in node && value !== node.const) return fail(path, `expected ${JSON.stringify(node.const)}`);
    if (node.enum && !node.enum.includes(value)) {
      return fail(path, `expected one of ${node.enum.map((e: unknown) => JSON.stringify(e)).join(', ')}`);
    }
    const type = node.type as string | undefined;
    if (!type) return value;
    if (!typeMatches(type, value)) return fail(path, `expected ${type === 'integer' ? 'a whole number' : type}, received ${typeOf(value)}`);
    const size = type === 'string' ? [...(value as string)].length : type === 'array' ? (value as unknown[]).length : (value as number);
    for (const [keyword, broken, message] of BOUNDS) {
      const bound = node[keyword];
      if (bound !== undefined && broken(size, bound)) {
        return fail(path, keyword === 'minLength' && bound === 1 ? 'must not be empty' : message.replace('#', bound));
      }
    }
    if (node.pattern && !new RegExp(node.pattern).test(value as string)) return fail(path, FORMAT_MESSAGES[node.format] ?? 'has an invalid format');
    if (node.format === 'x-time-zone' && !isValidTimeZone(value as string)) return fail(path, 'Unknown IANA time zone');
    if (type === 'array' && node.items) return (value as unknown[]).map((item, index) => walk(node.items, item, [...path, index]));
    return type === 'object' ? object(node, value as Record<string, unknown>, path) : value;
  }

  function union(alternatives: Node[], value: unknown, path: Path): unknown {
    let best: { issues: Issue[]; score: number } | undefined;
    const before = issues;
    for (const alternative of alternatives) {
      issues = [];
      const result = walk(alternative, value, path);
      const found = issues;
      issues = before;
      if (found.length === 0) return result;
      // Report the alternative that got furthest; one whose discriminator (a const) did not
      // match got nowhere, as with zod's discriminated unions.
      const first = found[0]!;
      const score = first.message.startsWith('expected "') ? first.path.length - 100 : first.path.length;
      if (!best || score > best.score) best = { issues: found, score };
    }
    issues.push(...(best?.issues ?? [{ path, message: 'matches no allowed shape' }]));
    return undefined;
  }

  function object(node: Node, value: Record<string, unknown>, path: Path): unknown {
    const out: Record<string, unknown> = {};
    const properties: Record<string, Node> = node.properties ?? {};
    for (const [key, child] of Object.entries(properties)) {
      let item = value[key];
      if (item === undefined) {
        if (!('default' in child)) {
          if (node.required?.includes(key)) fail([...path, key], 'is required');
          continue;
        }
        item = structuredClone(child.default);
      }
      out[key] = walk(child, item, [...path, key]);
    }
    if (typeof node.additionalProperties === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (!(key in properties)) out[key] = walk(node.additionalProperties, item, [...path, key]);
      }
    }
    return out;
  }

  const data = walk(v.schema, input, []);
  if (issues.length === 0) return { success: true, data: data as T };
  return { success: false, issues: issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message })) };
}
