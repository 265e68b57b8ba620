/**
 * The SDK in Node 20 against the reference server: test/node/sdk-script.ts runs in its own
 * process (no IndexedDB, no DOM), uses every resource over HTTP plus the in-memory offline queue,
 * and must exit by itself — it calls neither `close()` nor `process.exit()`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { MENTOR, SESSION_TYPE, startServer, type TestServer } from './harness.js';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.close());

test('a Node script uses the SDK end to end and exits on its own', async () => {
  const script = fileURLToPath(new URL('../../test/node/sdk-script.ts', import.meta.url));
  const token = await server.token('node-mentee');
  const child = spawn(process.execPath, ['--import', 'tsx', script, server.url, MENTOR, SESSION_TYPE, token], { stdio: ['ignore', 'pipe', 'pipe'] });
  let [stdout, stderr] = ['', ''];
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  // Something left open (a channel, a timer, a socket) would keep it running: then it is killed.
  const kill = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const [code, signal] = await once(child, 'exit');
  clearTimeout(kill);
  assert.equal(signal, null, `the script did not exit by itself:\n${stdout}\n${stderr}`);
  assert.equal(code, 0, stderr);
  assert.deepEqual(JSON.parse(stdout.trim().split('\n').at(-1)!), {
    slots: true,
    booked: 'confirmed',
    conflict: 'conflict',
    listed: [true],
    moved: true,
    cancelled: 'cancelled',
    edited: 90,
    queued: true,
    afterFlush: [],
    sessions: true,
    remaining: [true],
    programs: 6,
    memory: [true],
  });
});
