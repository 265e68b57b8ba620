// Generates src/sdk/generated/validators.ts: every zod schema in src/sdk/schemas.ts as a call of
// the small checks in src/sdk/validator.ts, typed with the zod schema's output type (the commitment
// model's, which the SDK needs at once, in generated/commitment-model.ts beside it). The way
// there is zod's own JSON Schema of each (one pool, cross-referenced by name): a stable format
// that says exactly what zod checks. A keyword this generator does not know is an error, so a new
// kind of rule in schemas.ts cannot be dropped silently.
//
// Run `npm run gen`; test/sdk/validator.test.ts fails when a file is stale (it runs this
// generator in the browser, so no Node import at the top).
import * as z from 'zod/mini';
import * as schemas from '../src/sdk/schemas.js';
import { FORMAT_MESSAGES, issueMessage } from '../src/sdk/validation-messages.js';

// A JSON Schema node; `any` keeps the walk short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Node = Record<string, any>;

/** Every zod schema in schemas.ts as JSON Schema, by export name; `$ref: "Name"` links them. */
export function jsonSchemas(): Record<string, Node> {
  const registry = z.registry<{ id: string }>();
  for (const [name, value] of Object.entries(schemas)) {
    if (value && typeof value === 'object' && '_zod' in value) registry.add(value as z.ZodMiniType, { id: name });
  }
  const { schemas: pool } = z.toJSONSchema(registry, { io: 'input', uri: (id) => id, unrepresentable: 'any', override: carryMessage }) as unknown as {
    schemas: Record<string, Node>;
  };
  for (const json of Object.values(pool)) {
    delete json.$schema;
    delete json.$id;
  }
  return pool;
}

/**
 * A schema or check given its own message in schemas.ts (`z.email({ error: '…' })`, not the kit's
 * `issueMessage` that src/sdk/zod.ts gives every schema) keeps it in the browser: it travels as
 * `x-message` on the JSON Schema node, and a node that cannot carry one fails generation.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function carryMessage({ zodSchema, jsonSchema }: { zodSchema: any; jsonSchema: Node }) {
  const def = zodSchema._zod.def;
  const own = [def, ...(def.checks ?? []).map((c: { _zod: { def: Node } }) => c._zod.def)].filter(
    (d) => d.error && d.error !== issueMessage && d.check !== 'custom', // a refine: x-time-zone below
  );
  if (own.length > 1) throw new Error(`gen-validators: more than one own message on ${JSON.stringify(jsonSchema)}`);
  if (own.length) jsonSchema['x-message'] = own[0].error({ code: 'invalid_format', format: jsonSchema.format ?? 'regex', input: '' });
}

/**
 * Formats checked by hand-written equivalents in validator.ts instead of zod's long patterns,
 * with the pattern each replaces: if zod's pattern changes, the equivalent needs a look (and
 * test/sdk/validator.test.ts compares both on every day of many years).
 */
const FORMAT_CHECKS: Record<string, { check: string; pattern: string }> = {
  date: {
    check: 'isoDate',
    pattern: String.raw`^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))$`,
  },
  'date-time': {
    check: 'isoDateTime',
    pattern: String.raw`^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z))$`,
  },
};

/** `name(args)`, leaving out trailing arguments that equal the check's defaults. */
function call(name: string, args: string[], defaults: string[]): string {
  while (args.length && args[args.length - 1] === defaults[args.length - 1]) args.pop();
  return `${name}(${args.join(', ')})`;
}

const literal = (value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value));
const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

/**
 * The validators the SDK's own file needs at once (the synchronous `parseCommitmentModel`), with
 * the ones they refer to: generated into a module of their own, so the SDK's file carries only
 * these and every other validator loads on demand with the validation chunk.
 */
const AT_ONCE = ['CommitmentModel'];

export const VALIDATORS_FILE = 'src/sdk/generated/validators.ts';
export const AT_ONCE_FILE = 'src/sdk/generated/commitment-model.ts';

/**
 * The validators modules for the current schemas, by path: AT_ONCE_FILE with the AT_ONCE
 * validators, and VALIDATORS_FILE with every validator (it re-exports AT_ONCE_FILE's).
 */
export function generateValidators(): Record<string, string> {
  const pool = jsonSchemas();
  /** The checks of validator.ts the schema being written calls. */
  let used = new Set<string>();
  const use = (name: string) => (used.add(name), name);

  /** The check for `node`, as TypeScript source. */
  function expression(node: Node, topLevel = false): string {
    const only = (...keywords: string[]) => {
      const unknown = Object.keys(node).filter((k) => !keywords.includes(k));
      if (unknown.length) throw new Error(`gen-validators: cannot express ${unknown.join(', ')} in ${JSON.stringify(node)}`);
    };
    if (node.$ref) {
      only('$ref');
      if (!(node.$ref in pool)) throw new Error(`gen-validators: unresolvable $ref ${node.$ref}`);
      return node.$ref;
    }
    const alternatives: Node[] | undefined = node.oneOf ?? node.anyOf;
    if (alternatives?.length) {
      only('oneOf', 'anyOf');
      return `${use('union')}(${alternatives.map((alternative) => expression(alternative)).join(', ')})`;
    }
    // z.nullable(z.string()) comes as `type: ["string", "null"]`, the string's checks beside it.
    if (Array.isArray(node.type)) {
      return `${use('union')}(${node.type.map((type: string) => (type === 'null' ? `${use('literal')}(null)` : expression({ ...node, type }))).join(', ')})`;
    }
    if ('const' in node) {
      only('type', 'const');
      return `${use('literal')}(${literal(node.const)})`;
    }
    if (node.enum) {
      only('type', 'enum');
      return `${use('oneOf')}(${node.enum.map(literal).join(', ')})`;
    }
    switch (node.type) {
      case 'string': {
        if (node.format === 'x-time-zone') {
          only('type', 'format');
          return use('timeZone');
        }
        const replaced = FORMAT_CHECKS[node.format];
        if (replaced) {
          only('type', 'format', 'pattern');
          if (node.pattern !== replaced.pattern) throw new Error(`gen-validators: zod's ${node.format} pattern changed; check ${replaced.check} in validator.ts`);
          return use(replaced.check);
        }
        only('type', 'minLength', 'maxLength', 'pattern', 'format', 'x-message');
        if (node.format && !node.pattern) throw new Error(`gen-validators: format ${node.format} without a pattern`);
        if (node['x-message'] && !node.pattern) throw new Error(`gen-validators: only a pattern's message can be carried, in ${JSON.stringify(node)}`);
        const pattern = node.pattern ? String(new RegExp(node.pattern)) : 'undefined';
        const formatMessage = node['x-message'] ?? FORMAT_MESSAGES[node.format];
        const message = formatMessage ? literal(formatMessage) : 'undefined';
        return call(use('string'), [literal(node.minLength ?? 0), literal(node.maxLength ?? Infinity), pattern, message], ['0', 'Infinity', 'undefined', 'undefined']);
      }
      case 'number':
      case 'integer': {
        only('type', 'minimum', 'maximum', 'exclusiveMinimum', 'multipleOf');
        const options = Object.entries({ exclusiveMinimum: node.exclusiveMinimum, multipleOf: node.multipleOf })
          .filter(([, value]) => value !== undefined)
          .map(([name, value]) => `${name}: ${literal(value)}`);
        const bounds = [literal(node.minimum ?? -Infinity), literal(node.maximum ?? Infinity)];
        return call(use(node.type), [...bounds, options.length ? `{ ${options.join(', ')} }` : '{}'], ['-Infinity', 'Infinity', '{}']);
      }
      case 'boolean':
        only('type');
        return use('boolean');
      case 'null':
        only('type');
        return `${use('literal')}(null)`;
      case 'array':
        only('type', 'items', 'minItems', 'maxItems');
        return call(use('array'), [expression(node.items), literal(node.minItems ?? 0), literal(node.maxItems ?? Infinity)], ['', '0', 'Infinity']);
      case 'object': {
        if (node.additionalProperties) {
          only('type', 'propertyNames', 'additionalProperties');
          if (node.propertyNames?.type !== 'string') throw new Error(`gen-validators: record keys must be strings in ${JSON.stringify(node)}`);
          return `${use('record')}(${expression(node.additionalProperties)})`;
        }
        only('type', 'properties', 'required');
        const properties = Object.entries<Node>(node.properties ?? {}).map(
          ([name, child]) => `${key(name)}: ${property(child, node.required?.includes(name) ?? false)}`,
        );
        // One property a line for a schema's own object; nested ones stay on one line.
        return `${use('object')}({${topLevel ? `\n  ${properties.join(',\n  ')},\n` : ` ${properties.join(', ')} `}})`;
      }
    }
    throw new Error(`gen-validators: cannot express ${JSON.stringify(node)}`);
  }

  /** An object property: required, optional, or with a default. */
  function property(node: Node, required: boolean): string {
    if ('default' in node) {
      if (required) throw new Error(`gen-validators: required property with a default ${JSON.stringify(node)}`);
      const { default: fallback, ...rest } = node;
      return `${use('withDefault')}(${JSON.stringify(fallback)}, ${expression(rest)})`;
    }
    return required ? expression(node) : `${use('optional')}(${expression(node)})`;
  }

  // Each schema after the ones it refers to: the checks are built when the module loads.
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name)) return;
    if (visiting.has(name)) throw new Error(`gen-validators: ${name} refers to itself (recursive schemas are not supported)`);
    visiting.add(name);
    for (const [, ref] of JSON.stringify(pool[name]).matchAll(/"\$ref":"([^"]+)"/g)) visit(ref!);
    ordered.push(name);
  };
  Object.keys(pool).sort().forEach(visit);
  const refs = (name: string) => [...JSON.stringify(pool[name]).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
  const atOnce = new Set<string>();
  const need = (name: string) => atOnce.has(name) || (atOnce.add(name), refs(name).forEach(need));
  AT_ONCE.forEach(need);

  /** One module: the declarations of `names` (in dependency order) with the imports they use. */
  const module = (names: string[], head: string[]) => {
    used = new Set();
    const expressions = names.map((name) => [name, expression(pool[name]!, true)] as const);
    // Building a check has no side effects: marked pure, a bundle drops the schemas it never uses.
    const calls = new RegExp(`\\b(${[...used].join('|')})\\(`, 'g');
    const declarations = expressions.map(
      ([name, code]) => `export const ${name} = ${code.replace(calls, '/* @__PURE__ */ $1(')} as Validator<z.output<typeof S.${name}>>;`,
    );
    return [
      '// Generated by scripts/gen-validators.ts from src/sdk/schemas.ts. Do not edit: run `npm run gen`.',
      "import type * as z from 'zod/mini';",
      "import type * as S from '../schemas.js';",
      `import { ${[...used].sort().join(', ')}, type Validator } from '../validator.js';`,
      ...head,
      '',
      ...declarations,
      '',
    ].join('\n');
  };
  const rest = ordered.filter((name) => !atOnce.has(name));
  const shared = [...new Set(rest.flatMap(refs))].filter((name) => atOnce.has(name)).sort();
  const from = `'./${AT_ONCE_FILE.replace(/^.*\//, '').replace(/\.ts$/, '.js')}'`;
  return {
    [AT_ONCE_FILE]: module(
      ordered.filter((name) => atOnce.has(name)),
      [],
    ),
    [VALIDATORS_FILE]: module(rest, [`import { ${shared.join(', ')} } from ${from};`, '', `export * from ${from};`]),
  };
}

if (typeof process !== 'undefined' && process.argv[1]?.endsWith('gen-validators.ts')) {
  for (const [file, text] of Object.entries(generateValidators())) {
    process.getBuiltinModule('node:fs').writeFileSync(file, text);
    console.log(`Wrote ${file}`);
  }
}
