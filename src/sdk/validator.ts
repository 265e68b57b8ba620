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

class Run {
  issues: { path: Path; message: string }[] = [];
  constructor(private readonly pool: Record<string, Node>) {}

  fail(path: Path, message: string): undefined {
    this.issues.push({ path, message });
    return undefined;
  }

  /** Returns the (possibly defaulted, stripped) value, or undefined after recording issues. */
  walk(node: Node, value: unknown, path: Path): unknown {
    if (node.$ref) return this.walk(this.pool[node.$ref]!, value, path);
    const alternatives = node.oneOf ?? node.anyOf;
    if (alternatives) return this.union(alternatives, value, path);
    if ('const' in node && value !== node.const) return this.fail(path, `expected ${JSON.stringify(node.const)}`);
    if (node.enum && !node.enum.includes(value)) {
      return this.fail(path, `expected one of ${node.enum.map((e: unknown) => JSON.stringify(e)).join(', ')}`);
    }
    const type = node.type as string | undefined;
    if (type && !typeMatches(type, value)) {
      return this.fail(path, `expected ${type === 'integer' ? 'a whole number' : type}, received ${typeOf(value)}`);
    }
    if (type === 'string') return this.string(node, value as string, path);
    if (type === 'number' || type === 'integer') return this.number(node, value as number, path);
    if (type === 'array') return this.array(node, value as unknown[], path);
    if (type === 'object') return this.object(node, value as Record<string, unknown>, path);
    return value;
  }

  union(alternatives: Node[], value: unknown, path: Path): unknown {
    let best: { issues: { path: Path; message: string }[]; score: number } | undefined;
    for (const alternative of alternatives) {
      const before = this.issues;
      this.issues = [];
      const result = this.walk(alternative, value, path);
      const issues = this.issues;
      this.issues = before;
      if (issues.length === 0) return result;
      // Report the alternative that got furthest; one whose discriminator (a const) did not
      // match got nowhere, as with zod's discriminated unions.
      const first = issues[0]!;
      const score = first.message.startsWith('expected "') ? first.path.length - 100 : first.path.length;
      if (!best || score > best.score) best = { issues, score };
    }
    this.issues.push(...(best?.issues ?? [{ path, message: 'matches no allowed shape' }]));
    return undefined;
  }

  string(node: Node, value: string, path: Path): unknown {
    const length = [...value].length;
    if (node.minLength !== undefined && length < node.minLength) {
      return this.fail(path, node.minLength === 1 ? 'must not be empty' : `must be at least ${node.minLength} characters`);
    }
    if (node.maxLength !== undefined && length > node.maxLength) return this.fail(path, `must be at most ${node.maxLength} characters`);
    if (node.pattern && !new RegExp(node.pattern).test(value)) return this.fail(path, formatMessage(node.format));
    if (node.format === 'x-time-zone' && !isValidTimeZone(value)) return this.fail(path, 'Unknown IANA time zone');
    return value;
  }

  number(node: Node, value: number, path: Path): unknown {
    if (node.minimum !== undefined && value < node.minimum) return this.fail(path, `must be at least ${node.minimum}`);
    if (node.maximum !== undefined && value > node.maximum) return this.fail(path, `must be at most ${node.maximum}`);
    if (node.exclusiveMinimum !== undefined && value <= node.exclusiveMinimum) return this.fail(path, `must be more than ${node.exclusiveMinimum}`);
    if (node.exclusiveMaximum !== undefined && value >= node.exclusiveMaximum) return this.fail(path, `must be less than ${node.exclusiveMaximum}`);
    if (node.multipleOf !== undefined && Math.abs(value / node.multipleOf - Math.round(value / node.multipleOf)) > 1e-9) {
      return this.fail(path, `must be a multiple of ${node.multipleOf}`);
    }
    return value;
  }

  array(node: Node, value: unknown[], path: Path): unknown {
    if (node.minItems !== undefined && value.length < node.minItems) return this.fail(path, `must have at least ${node.minItems} items`);
    if (node.maxItems !== undefined && value.length > node.maxItems) return this.fail(path, `must have at most ${node.maxItems} items`);
    return node.items ? value.map((item, index) => this.walk(node.items, item, [...path, index])) : value;
  }

  object(node: Node, value: Record<string, unknown>, path: Path): unknown {
    const out: Record<string, unknown> = {};
    const properties: Record<string, Node> = node.properties ?? {};
    const required: string[] = node.required ?? [];
    for (const [key, child] of Object.entries(properties)) {
      let item = value[key];
      if (item === undefined) {
        if ('default' in child) item = structuredClone(child.default);
        else {
          if (required.includes(key)) this.fail([...path, key], 'is required');
          continue;
        }
      }
      out[key] = this.walk(child, item, [...path, key]);
    }
    if (node.additionalProperties && typeof node.additionalProperties === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (!(key in properties)) out[key] = this.walk(node.additionalProperties, item, [...path, key]);
      }
    }
    return out;
  }
}

function formatMessage(format: string | undefined): string {
  if (format === 'date-time') return 'must be an ISO date-time in UTC (…Z)';
  if (format === 'date') return 'must be a date (YYYY-MM-DD)';
  if (format === 'email') return 'must be an email address';
  return 'has an invalid format';
}

export function check<T>(v: Validator<T>, value: unknown): CheckResult<T> {
  const run = new Run(v.pool);
  const data = run.walk(v.schema, value, []);
  if (run.issues.length === 0) return { success: true, data: data as T };
  return {
    success: false,
    issues: run.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message })),
  };
}
