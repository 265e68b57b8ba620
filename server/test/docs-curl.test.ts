/**
 * docs/http-api.md's curl examples, run as they stand (bash, curl, jq) against the reference
 * server with the demo catalog in dev mode, as a reader runs them against `npm run server`. Only
 * the base URL changes. Each ```sh block's printed answer must equal the ```json block after it.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { DEMO_CATALOG } from '../../src/sdk/catalog/demo-catalog.js';
import { startServer, type TestServer } from './harness.js';

const run = promisify(execFile);
const DOC = new URL('../../docs/http-api.md', import.meta.url);
const DOC_URL = 'http://127.0.0.1:8787/v1';

interface Example {
  script: string;
  expected?: string;
}

/** The ```sh blocks between <!-- curl:start --> and <!-- curl:end -->, each with the ```json answer right after it. */
function examples(markdown: string): Example[] {
  const found: Example[] = [];
  for (const [, section] of markdown.matchAll(/<!-- curl:start -->([\s\S]*?)<!-- curl:end -->/g)) {
    for (const [, lang, body] of section!.matchAll(/```(sh|json)\n([\s\S]*?)```/g)) {
      if (lang === 'sh') found.push({ script: body! });
      else if (found.length && found.at(-1)!.expected === undefined) found.at(-1)!.expected = body;
      else throw new Error(`a json block without its sh block: ${body}`);
    }
  }
  return found;
}

/** JSON values, one compact line each, whatever the layout: the way to compare two answers. */
async function compact(json: string): Promise<string> {
  // A problem's requestId is new on every request: the page may leave it out.
  const child = run('jq', ['-c', 'if type == "object" then del(.requestId) else . end']);
  child.child.stdin!.end(json);
  return (await child).stdout;
}

let server: TestServer;
before(async () => {
  server = await startServer({ catalog: DEMO_CATALOG, dev: true });
});
after(() => server.close());

test('docs/http-api.md: every curl example runs against the reference server and prints what the page shows', async () => {
  const markdown = readFileSync(DOC, 'utf8');
  const all = examples(markdown);
  const joined = all.map((e) => e.script).join('\n');
  // One example at least for every endpoint a site owner's developer needs.
  for (const path of ['/dev/token', '/slots', '/bookings"', '/bookings/$ID"', '/reschedule', '/cancel', '/sessions"', '/sessions/$SESSION', '/mentor/bookings', '/attendance']) {
    assert.ok(joined.includes(path), `docs/http-api.md has no curl example for ${path}`);
  }
  assert.ok(joined.includes(`API=${DOC_URL}\n`), `the examples start with API=${DOC_URL}`);
  // One shell for all, so variables flow from one block to the next; a marker between blocks splits the output.
  const marker = (i: number) => `@@example ${i}@@`;
  const script = ['set -euo pipefail', ...all.flatMap((e, i) => [`echo '${marker(i)}'`, e.script])].join('\n').replace(`API=${DOC_URL}\n`, `API=${server.url}\n`);
  const { stdout } = await run('bash', ['-c', script], { timeout: 60_000 });
  for (const [i, example] of all.entries()) {
    const output = stdout.slice(stdout.indexOf(marker(i)) + marker(i).length + 1, i + 1 < all.length ? stdout.indexOf(marker(i + 1)) : undefined);
    if (example.expected === undefined) assert.equal(output, '', `example ${i + 1} prints nothing:\n${example.script}`);
    else assert.equal(await compact(output), await compact(example.expected), `example ${i + 1}:\n${example.script}`);
  }
});
