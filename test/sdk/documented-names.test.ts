/**
 * Names in README.md and the docs it links exist: every identifier the prose shows as code
 * (`sessionsToCsv`, `createClient(…)`, `menteesPerMentor`) is an export of the kit or the SDK, a
 * property of an element, a field of a schema, or a member of a client or backend, unless listed
 * below with why. A renamed or removed export fails here instead of misleading a reader.
 */
import { expect } from '@open-wc/testing';
import { readFile } from '@web/test-runner-commands';
import * as kit from '../../src/index.js';
import * as S from '../../src/sdk/schemas.js';

/** Named in the docs on purpose though no export or member has the name. */
const NOT_OURS: Record<string, string> = {
  onBookingConfirmed: 'README says React needs `onbooking-confirmed`, not this',
  onBooked: "the README Vue/Svelte/Angular examples' own handler",
  sendKeys: '@web/test-runner-commands, used by the tests',
  measureSizes: 'scripts/size.mjs, named in docs/performance.md',
  isOnline: 'an httpBackend option (a hook, not a member)',
  beforeWrite: 'an option of client.sessions.add (a callback in its options, not a member)',
  alert: 'the script in an XSS example',
  prefixUrl: "ky's option, which httpBackend uses",
  beforeRequest: "ky's hook, which httpBackend uses",
  PROGRAMFILES: 'a Windows environment variable (`%PROGRAMFILES(X86)%`)',
  nextCursor: 'a field of the GET /v1/sessions answer',
  previousStart: 'a field of the booking.rescheduled webhook',
  previousEnd: 'a field of the booking.rescheduled webhook',
  fetchedAt: 'a field of the reference server\'s GET /busy-calendars answer',
  ageSeconds: 'a field of the reference server\'s GET /busy-calendars answer',
  lastError: 'a field of the reference server\'s GET /busy-calendars answer',
  requestId: 'a field of every problem+json answer of the reference server',
  secureHeaders: "Hono's middleware, which the reference server uses",
};

/** Keys of every object schema, however deep (through optional, default, array, union, record). */
function schemaFields(schema: unknown, into: Set<string>, seen = new Set<unknown>()): Set<string> {
  if (!schema || typeof schema !== 'object' || seen.has(schema) || !('_zod' in schema)) return into;
  seen.add(schema);
  const def = (schema as { _zod: { def: Record<string, any> } })._zod.def;
  for (const [key, field] of Object.entries(def.shape ?? {})) into.add(key), schemaFields(field, into, seen);
  for (const inner of [def.innerType, def.element, def.valueType, ...(def.options ?? [])]) schemaFields(inner, into, seen);
  return into;
}

/** Every key on `value` and its prototype chain, and `depth` levels down on its own object members (`client.sessions.add`). */
function memberNames(value: object, into: Set<string>, depth = 0): Set<string> {
  for (let o: object | null = value; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const key of Reflect.ownKeys(o)) {
      if (typeof key !== 'string') continue;
      into.add(key);
      if (depth === 0 || o !== value) continue;
      const member = (value as Record<string, unknown>)[key];
      if (member && typeof member === 'object') memberNames(member, into, depth - 1);
    }
  }
  return into;
}

/** Identifiers the prose shows as inline code: camelCase names and `name(` calls (not `.method(`). */
function codeNames(markdown: string): Set<string> {
  const names = new Set<string>();
  const prose = markdown.replace(/```[\s\S]*?```/g, '');
  for (const [, code] of prose.matchAll(/`([^`\n]+)`/g)) {
    if (/^[a-z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*$/.test(code!)) names.add(code!);
    for (const [, call] of code!.matchAll(/(?<![.\w$])([A-Za-z_][\w]*)\s*\(/g)) names.add(call!);
  }
  return names;
}

describe('documented names', () => {
  it('exist in the kit: README.md and every docs page it links', async () => {
    const readme = await readFile({ path: '../../README.md' });
    const pages = [...new Set([...readme!.matchAll(/\]\((docs\/[\w-]+\.md)\)/g)].map(([, path]) => path!))];
    expect(pages).to.include.members(['docs/http-api.md', 'docs/session-tracker.md', 'docs/mentor-booking.md']);

    const known = new Set<string>(Object.keys(kit));
    for (const schema of Object.values(S)) schemaFields(schema, known);
    for (const tag of ['commitment-calculator', 'program-picker', 'mentor-booking', 'session-tracker', 'mentorship-provider']) {
      memberNames(document.createElement(tag), known);
    }
    const backends = [kit.memoryBackend(), kit.httpBackend({ baseUrl: 'http://127.0.0.1:9/v1' })];
    for (const backend of backends) memberNames(backend, known, 1);
    const client = kit.createClient({ backend: kit.memoryBackend() });
    memberNames(client, known, 1);
    client.close();

    const unknown: string[] = [];
    for (const file of ['README.md', ...pages]) {
      const text = file === 'README.md' ? readme! : await readFile({ path: `../../${file}` });
      for (const name of codeNames(text!)) if (!known.has(name) && !(name in NOT_OURS)) unknown.push(`${file}: ${name}`);
    }
    expect(unknown, 'names in the docs that nothing in the kit has').to.deep.equal([]);
  });

  it('catch a name that does not exist', () => {
    expect([...codeNames('The SDK has `toCsv` and `parseCsv(text)`, and `client.on(…)`.')]).to.deep.equal(['toCsv', 'parseCsv']);
  });
});
