// npm test: every test. Server tests run on Node (PGlite, and PostgreSQL too when DATABASE_URL
// is set); then the reference server starts on a free port with a fresh PGlite folder and the
// browser tests run in Debian's Chromium against it (window.__MK_SERVER__). Fails when any part fails.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (cmd, args, env = {}) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
};

/** Starts `npm run server` on a free port; resolves with its /v1 URL and a stop function. */
function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'mk-pglite-'));
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', PGLITE_DIR: dataDir, CORS_ORIGINS: '*' };
  delete env.AUTH_SECRET; // dev mode: the browser tests fetch mentee tokens from /v1/dev/token
  delete env.DATABASE_URL;
  delete env.CATALOG;
  const child = spawn('node_modules/.bin/tsx', ['server/main.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = () =>
    new Promise((resolve) => {
      const done = () => {
        rmSync(dataDir, { recursive: true, force: true });
        resolve();
      };
      if (child.exitCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  const url = new Promise((resolve, reject) => {
    let out = '';
    // Generous: on a machine busy with other work, tsx alone can take a minute.
    const timer = setTimeout(() => reject(new Error('The reference server did not start within 180 s')), 180_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /MK_SERVER_URL=(\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`The reference server exited (${code}) before it started:\n${out}`)));
  });
  return url.then((u) => ({ url: u, stop }), async (error) => (await stop(), Promise.reject(error)));
}

// A second, self-contained copy of the kit for test/components/two-copies.test.ts.
const { build } = await import('esbuild');
await build({ entryPoints: ['src/index.ts'], bundle: true, format: 'esm', outfile: 'test/.tmp/kit-copy.js', logLevel: 'warning' });

let failed = 0;
const serverTests = existsSync('server/test') ? readdirSync('server/test').filter((f) => f.endsWith('.test.ts')).map((f) => `server/test/${f}`) : [];
if (serverTests.length) failed += run('node_modules/.bin/tsx', ['--test', ...serverTests]) ? 1 : 0;

let server;
try {
  server = await startServer();
  console.log(`Browser tests use the reference server at ${server.url}`);
} catch (error) {
  console.error(error.message);
  failed++;
}
const wtr = spawn('node_modules/.bin/web-test-runner', ['--config', 'web-test-runner.config.mjs'], {
  stdio: 'inherit',
  env: { ...process.env, MK_SERVER_URL: server?.url ?? '' },
});
const code = await new Promise((resolve) => wtr.once('exit', (c) => resolve(c ?? 1)));
failed += code ? 1 : 0;
await server?.stop();
process.exit(failed ? 1 : 0);
