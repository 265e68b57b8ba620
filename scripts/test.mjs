// npm test: every test. Server tests run on Node (PGlite, and PostgreSQL too when DATABASE_URL
// is set); then the reference server starts on a free port with a fresh PGlite folder and the
// browser tests run against it (window.__MK_SERVER__) in the Chromium that scripts/find-browser.mjs
// finds, which it names first and last. Fails when any part fails.
// `node scripts/test.mjs --browser`: only the browser tests (with the reference server), as .ci/run
// does for its second browser (MK_BROWSER=registry).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeBrowser, findBrowser } from './find-browser.mjs';

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

// The browser first: without one the rest is no use, and which one it is belongs at the top.
let browser;
try {
  browser = await findBrowser();
  console.log(describeBrowser(browser));
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const browserEnv = { MK_BROWSER_FOUND: JSON.stringify(browser) };

const browserOnly = process.argv.includes('--browser');
let failed = 0;
// The finder's own tests: stubs in place of a system Chromium must lose to a real browser (not
// with TEST_FILES, which is for iterating on other tests: `node --test scripts/find-browser.test.mjs`).
if (!browserOnly && !process.env.TEST_FILES) failed += run(process.execPath, ['--test', 'scripts/find-browser.test.mjs'], browserEnv) ? 1 : 0;
const serverTests = existsSync('server/test') ? readdirSync('server/test').filter((f) => f.endsWith('.test.ts')).map((f) => `server/test/${f}`) : [];
if (serverTests.length && !browserOnly) failed += run('node_modules/.bin/tsx', ['--test', ...serverTests]) ? 1 : 0;

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
  env: { ...process.env, ...browserEnv, MK_SERVER_URL: server?.url ?? '' },
});
const code = await new Promise((resolve) => wtr.once('exit', (c) => resolve(c ?? 1)));
failed += code ? 1 : 0;
await server?.stop();
console.log(`The browser tests ran in ${browser.label}.`);
process.exit(failed ? 1 : 0);
