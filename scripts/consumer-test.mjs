// The package as an npm user gets it (npm run build first): `npm pack`, the tarball's contents,
// an install into an empty app (no server package, at most 15 MB), then three production builds
// from that install — a Vite vanilla-TS app importing one entry per element, a React 19 app
// (examples/react/App.tsx), and `esbuild --bundle` of `import 'mentorship-kit'` — each served
// and opened in Chromium, where all four elements must reach `ready`/`empty` and a visitor books
// a session. Fixture apps: test/consumer/. Run by .ci/run after the build.
// Options: --keep (leave the temp app folder for a look).
import { execFileSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { chromium } from 'playwright-core';
import { findBrowser } from './find-browser.mjs';
import { build as viteBuild } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MB = 1024 * 1024;
const INSTALL_BUDGET = 15 * MB;
/** Packages only the reference server needs: a front-end install must not pull any of them. */
const SERVER_PACKAGES = ['@mentorship-kit/server', '@electric-sql/pglite', 'pg', 'pg-pool', 'pg-protocol', 'pg-types', 'hono', '@hono/node-server'];
const TAGS = ['commitment-calculator', 'program-picker', 'mentor-booking', 'session-tracker'];

const started = performance.now();
const log = (message) => console.log(`[consumer ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);
const problems = [];
const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

if (!existsSync(join(ROOT, 'dist/mentorship-kit.js'))) throw new Error('No dist/: run npm run build first');
const APP = mkdtempSync(join(os.tmpdir(), 'mk-consumer-'));

try {
  // ---- 1. The tarball: what it holds ------------------------------------------------------
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', APP], ROOT));
  const tarball = join(APP, packed.filename);
  const files = packed.files.map((f) => f.path);
  log(`npm pack: ${packed.filename}, ${files.length} files, ${(packed.size / 1024).toFixed(0)} KB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KB unpacked`);
  const shipped = (path) => ['package.json', 'README.md', 'LICENSE', 'custom-elements.json'].includes(path) || path.startsWith('dist/');
  const unneeded = files.filter((path) => !shipped(path) || path.startsWith('dist/demo/') || /\.(test|spec)\./.test(path) || path.endsWith('.tsbuildinfo'));
  if (unneeded.length) problems.push(`the tarball holds files a user does not need: ${unneeded.slice(0, 10).join(', ')}`);
  for (const needed of ['custom-elements.json', 'LICENSE', 'dist/mentorship-kit.js', 'dist/esm/index.js', 'dist/types/index.d.ts']) {
    if (!files.includes(needed)) problems.push(`the tarball lacks ${needed}`);
  }
  if (!files.some((path) => path.endsWith('.js.map'))) problems.push('the tarball holds no source maps');

  // ---- 2. An install into an empty app: what it adds -------------------------------------
  writeFileSync(join(APP, 'package.json'), JSON.stringify({ name: 'consumer-app', private: true, type: 'module' }, null, 2));
  npm(['install', '--prefer-offline', tarball], APP);
  const installed = listPackages(join(APP, 'node_modules'));
  const bytes = installed.reduce((sum, p) => sum + p.bytes, 0);
  log(`installing the tarball adds ${installed.length} packages, ${(bytes / MB).toFixed(2)} MB: ${installed.map((p) => `${p.name} ${(p.bytes / 1024).toFixed(0)} KB`).join(', ')}`);
  const server = installed.filter((p) => SERVER_PACKAGES.includes(p.name));
  if (server.length) problems.push(`the install pulls server packages: ${server.map((p) => p.name).join(', ')}`);
  if (bytes > INSTALL_BUDGET) problems.push(`the install adds ${(bytes / MB).toFixed(2)} MB, over ${INSTALL_BUDGET / MB} MB`);

  // ---- 3. Three production builds from that one install -----------------------------------
  npm(['install', '--prefer-offline', 'react@19', 'react-dom@19'], APP);
  for (const app of ['vanilla', 'react', 'esbuild']) cpSync(join(ROOT, 'test/consumer', app), join(APP, app), { recursive: true });
  cpSync(join(ROOT, 'examples/react'), join(APP, 'react'), { recursive: true });
  // Vite from this repository's install, run on the app's folder: it resolves mentorship-kit,
  // Lit and React from the app's node_modules, as the app's own Vite would.
  for (const app of ['vanilla', 'react']) {
    await viteBuild({ root: join(APP, app), base: `/${app}/`, configFile: false, logLevel: 'warn', build: { outDir: 'dist', emptyOutDir: true } });
  }
  const bundled = await esbuild({
    absWorkingDir: join(APP, 'esbuild'),
    entryPoints: ['entry.js'],
    bundle: true,
    format: 'esm',
    minify: true,
    splitting: true,
    outdir: 'dist',
    entryNames: 'app',
    logLevel: 'error',
    metafile: true,
  });
  cpSync(join(APP, 'esbuild/index.html'), join(APP, 'esbuild/dist/index.html'));
  const entryBytes = bundled.metafile.outputs['dist/app.js'].bytes;
  log(`built: vite vanilla-TS, vite React 19, esbuild --bundle (app.js ${(entryBytes / 1024).toFixed(1)} KB)`);
  if (entryBytes < 10_000) problems.push(`esbuild --bundle of import 'mentorship-kit' is ${entryBytes} bytes: the definitions were dropped`);

  // ---- 4. Each build served and used in Chromium -----------------------------------------
  const http = await serve(APP);
  const browser = await chromium.launch({
    executablePath: (await findBrowser()).path,
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  try {
    await Promise.all(
      ['vanilla', 'react', 'esbuild'].map(async (app) => {
        const failures = await usePage(browser, `http://127.0.0.1:${http.address().port}/${app}/dist/index.html`, app);
        problems.push(...failures.map((f) => `${app}: ${f}`));
        log(`${app}: ${failures.length ? 'FAILED' : 'all four elements ready, a session booked'}`);
      }),
    );
  } finally {
    await browser.close();
    http.close();
  }
} finally {
  if (process.argv.includes('--keep')) log(`kept ${APP}`);
  else rmSync(APP, { recursive: true, force: true });
}

if (problems.length) {
  console.error(`The package as a consumer gets it:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
log('the packed kit installs lean and works in Vite, React 19 and esbuild production builds');

/** Every package under node_modules with the bytes of its files. */
function listPackages(dir) {
  const size = (path) => {
    const stat = statSync(path);
    return stat.isDirectory() ? readdirSync(path).reduce((sum, name) => sum + size(join(path, name)), 0) : stat.size;
  };
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) for (const inner of readdirSync(join(dir, name))) out.push({ name: `${name}/${inner}`, bytes: size(join(dir, name, inner)) });
    else out.push({ name, bytes: size(join(dir, name)) });
  }
  return out;
}

function serve(root) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json' };
  const server = createServer((req, res) => {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    // Vite builds with base /<app>/ and emits its assets under dist/.
    const file = [path, path.replace(/^(.*?\/(?:vanilla|react))\//, '$1/dist/')].find((p) => p.startsWith(root) && existsSync(p) && statSync(p).isFile());
    if (!file) return void res.writeHead(404).end('Not found');
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/** Opens a built page, waits for the four elements, books the first free time; returns what failed. */
async function usePage(browser, url, app) {
  const failures = [];
  const context = await browser.newContext();
  context.setDefaultTimeout(30_000); // CI machines are shared: generous, and never a measurement
  const page = await context.newPage();
  page.on('pageerror', (error) => failures.push(`uncaught: ${error.message}`));
  // A failed load is reported with its URL by the response handler.
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && failures.push(`console: ${m.text()}`));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && failures.push(`HTTP ${r.status()} for ${r.url()}`));
  try {
    await page.goto(url);
    for (const tag of TAGS) {
      await page.waitForSelector(`${tag}[state="ready"], ${tag}[state="empty"]`, { state: 'attached', timeout: 60_000 }).catch(async () => {
        const defined = await page.evaluate((t) => !!customElements.get(t), tag);
        failures.push(defined ? `<${tag}> never became ready` : `<${tag}> is not defined`);
      });
    }
    if (failures.length) return failures;
    const calculator = await page.locator('commitment-calculator').textContent().then(() => page.evaluate(() => document.querySelector('commitment-calculator').shadowRoot.textContent));
    if (!calculator.includes(app === 'vanilla' ? '5,5' : '5.5')) failures.push(`the calculator does not show the mentee's ${app === 'vanilla' ? 'German 5,5' : '5.5'} hours`);

    const booking = page.locator('mentor-booking');
    await booking.locator('[part=choice]').first().click();
    await booking.locator('[part=choice]').first().click();
    const freeDay = booking.locator('[part=day][data-free]').first();
    for (let i = 0; i < 3 && !(await freeDay.count()); i++) await booking.locator('.cal .row button').last().click();
    await freeDay.click();
    await booking.locator('[part=time]').first().click();
    await booking.locator('input[name=name]').fill('Ada Lovelace');
    await booking.locator('input[name=email]').fill('ada@example.com');
    await booking.locator('select[name=careerLevel]').selectOption('senior');
    await booking.locator('textarea[name=goals]').fill('Staff engineer');
    await booking.locator('form button.primary').click();
    await booking.locator('[part=ics]').waitFor({ timeout: 30_000 });
    // The page's own listener heard `booking-confirmed` (in React, through onbooking-confirmed).
    await page.locator('#last-booking', { hasText: 'Booked: Ada Lovelace' }).waitFor({ timeout: 30_000 });
    // The tracker shares the client: the booking shows there as upcoming.
    await page.locator('session-tracker [data-booking]').first().waitFor({ timeout: 30_000 });
  } catch (error) {
    failures.push(error.message.split('\n')[0]);
  } finally {
    await context.close();
  }
  return failures;
}
