// npm run bench: size, speed and scale of mentorship-kit against the quality bars in BRIEF.md.
// Measurement only: nothing here asserts on time, and the exit code is 0 unless the harness
// itself breaks.
//
// What it does, in one process, in about two minutes on two cores:
//   1. bundles its own pages (bench/pages/*.ts) with esbuild, and the kit and one standalone
//      element exactly as `npm run build` makes them (Vite, lazy chunks), into a temp folder;
//      nothing in dist/ is touched;
//   2. serves them from a tiny node:http server on 127.0.0.1 (cross-origin isolated, so
//      performance.now() has 5 µs resolution instead of 100 µs);
//   3. drives headless Chromium (playwright-core; scripts/find-browser.mjs picks it); every run of a
//      browser case is a fresh browser context, i.e. a fresh IndexedDB;
//   4. starts the reference server (tsx server/main.ts) on a free port with a temp PGlite folder
//      and loads it with autocannon on loopback; again on PostgreSQL when DATABASE_URL is set;
//   5. prints a Markdown table (median, min, max, bar) and writes bench/results.json.
//
// Options: --runs=N (measured runs after one warm-up, default 5), --only=a,b (case groups:
// sizes, requests, elements, overhead, scheduling, tracker, storage, server, scale), --tracker-n=N (default
// 10000), --duration=S (autocannon seconds per server case, default 5).
// Environment: CHROME_PATH (else scripts/find-browser.mjs finds one), DATABASE_URL (adds the PostgreSQL run).
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundleForBrowser } from '../scripts/bundle.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
process.chdir(ROOT);

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const RUNS = Math.max(1, Number(args.runs ?? 5));
const ONLY = args.only ? new Set(args.only.split(',')) : null;
const TRACKER_N = Number(args['tracker-n'] ?? 10_000);
const DURATION = Number(args.duration ?? 5);
const CHROME = async () => (await import('../scripts/find-browser.mjs').then((m) => m.findBrowser())).path;
const want = (group) => !ONLY || ONLY.has(group);

const started = performance.now();
const log = (message) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);

// ---- statistics and the table -------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (samples) =>
  samples.length ? { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), n: samples.length } : { median: null, min: null, max: null, n: 0 };

/** Every figure: { group, name, unit, median, min, max, n, samples, bar, verdict, note }. */
const rows = [];
const notes = [];

/**
 * Adds a row. `bar` is { max, strict } in the row's unit (lower is better) or undefined;
 * `verdict` says how far a missed bar is missed.
 */
function record(group, name, unit, samples, { bar, note, higherIsBetter = false, override } = {}) {
  const s = { ...stats(samples), ...override };
  let verdict = '';
  if (bar && s.median !== null) {
    const ok = bar.strict ? s.median < bar.max : s.median <= bar.max;
    const over = s.median - bar.max;
    verdict = ok ? 'ok' : `missed by ${fmt(over, unit)} (${Math.round((over / bar.max) * 100)} %)`;
  }
  rows.push({ group, name, unit, ...s, samples: samples.map((x) => Math.round(x * 1000) / 1000), bar: bar ? `${bar.strict ? '<' : '≤'} ${fmt(bar.max, unit)}` : '', verdict, note: note ?? '', higherIsBetter });
}

function skip(group, name, reason) {
  rows.push({ group, name, unit: '', median: null, min: null, max: null, n: 0, samples: [], bar: '', verdict: 'skipped', note: reason });
}

function fmt(x, unit) {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (unit === 'ms') return `${x < 1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : Math.round(x)} ms`;
  if (unit === 'KB') return `${x.toFixed(1)} KB`;
  if (unit === '×') return `${x.toFixed(2)}×`;
  if (unit === 'req/s') return `${Math.round(x)} req/s`;
  if (unit === 'ratio') return x.toFixed(2);
  return `${Math.round(x * 100) / 100} ${unit}`;
}

function table() {
  const out = ['| case | median | min | max | runs | bar | |', '| --- | ---: | ---: | ---: | ---: | --- | --- |'];
  let group = '';
  for (const r of rows) {
    if (r.group !== group) {
      group = r.group;
      out.push(`| **${group}** | | | | | | |`);
    }
    const cells = r.n ? [fmt(r.median, r.unit), fmt(r.min, r.unit), fmt(r.max, r.unit), String(r.n)] : ['–', '–', '–', '0'];
    out.push(`| ${r.name}${r.note ? ` <br><sub>${r.note}</sub>` : ''} | ${cells.join(' | ')} | ${r.bar} | ${r.verdict} |`);
  }
  return out.join('\n');
}

// ---- machine -------------------------------------------------------------------------------

const cpus = os.cpus();
const machine = {
  cpu: cpus[0]?.model?.trim() ?? 'unknown',
  cores: cpus.length,
  memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
  chromium: null,
  /** Load averages (1, 5, 15 min) when the run started and ended: other work skews timings. */
  loadAverage: { start: os.loadavg().map((x) => Math.round(x * 100) / 100), end: null },
};

// ---- 1. bundle the pages -------------------------------------------------------------------

const TMP = mkdtempSync(join(os.tmpdir(), 'mk-bench-'));
const TAGS = ['commitment-calculator', 'program-picker', 'mentor-booking', 'session-tracker'];
const common = { bundle: true, format: 'esm', target: 'es2022', minify: true, legalComments: 'none', logLevel: 'silent', write: true };
const entries = {
  ...Object.fromEntries(TAGS.map((t) => [`element-${t}`, `bench/pages/element-${t}.ts`])),
  scheduling: 'bench/pages/scheduling.ts',
  tracker: 'bench/pages/tracker.ts',
  idb: 'bench/pages/idb.ts',
  observe: 'bench/pages/observe.ts',
};
/** Entry name → error message, for pages that did not build (an element mid-rewrite). */
const broken = {};

async function buildPages() {
  // The kit and the standalone elements exactly as `npm run build` makes them, lazy chunks included.
  try {
    await bundleForBrowser('kit', { outDir: TMP });
    await bundleForBrowser('src/define/commitment-calculator.ts', { outDir: join(TMP, 'components'), name: 'commitment-calculator' });
    await bundleForBrowser('src/locales/de.ts', { outDir: join(TMP, 'locales'), name: 'de' });
  } catch (error) {
    broken['mentorship-kit'] = error.message.split('\n')[0].slice(0, 300);
  }
  // Each element's page as the build makes a standalone element (Vite, its own lazy chunks), so
  // define → interactive includes fetching the chunks its first paint needs.
  for (const tag of TAGS) {
    try {
      await bundleForBrowser(entries[`element-${tag}`], { outDir: TMP, name: `element-${tag}` });
    } catch (error) {
      broken[`element-${tag}`] = error.message.split('\n')[0].slice(0, 300);
    }
  }
  await Promise.all(
    Object.entries(entries).filter(([name]) => !name.startsWith('element-')).map(async ([name, entry]) => {
      try {
        await build({ ...common, entryPoints: [entry], outfile: join(TMP, `${name}.js`) });
      } catch (error) {
        broken[name] = (error.errors?.[0] ? `${error.errors[0].text} (${error.errors[0].location?.file}:${error.errors[0].location?.line})` : error.message).slice(0, 300);
      }
    }),
  );
  const page = (title, body, scripts) =>
    `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${title}</title>\n${scripts}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
  for (const tag of TAGS) writeFileSync(join(TMP, `element-${tag}.html`), page(`<${tag}>`, `<${tag}></${tag}>`, `<script type="module" src="element-${tag}.js"></script>`));
  writeFileSync(join(TMP, 'scheduling.html'), page('scheduling', '<p>scheduling</p>', '<script type="module" src="scheduling.js"></script>'));
  writeFileSync(join(TMP, 'tracker.html'), page('tracker', '<session-tracker></session-tracker>', '<script type="module" src="tracker.js"></script>'));
  writeFileSync(join(TMP, 'idb.html'), page('storage', '<p>storage</p>', '<script type="module" src="idb.js"></script>'));

  // The same host page twice; the only difference is the kit's one script tag.
  const host = `<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem}header{border-bottom:1px solid #ccc}section{margin:2rem 0}</style>
<header><h1>Northwind Engineering Mentorship</h1><p>Senior engineers, new managers and newcomers learn with mentors who have done the job.</p></header>
<main>
<section><h2>How much time will it take?</h2><p>Estimate the weekly hours each role asks of you.</p><commitment-calculator></commitment-calculator></section>
<section><h2>Programs</h2><p>Compare our programs side by side.</p><program-picker compare></program-picker></section>
<section><h2>Book a session</h2><p>Pick a mentor and a time that suits you.</p><mentor-booking></mentor-booking></section>
<section><h2>Your sessions</h2><p>Track your sessions against your plan.</p><session-tracker></session-tracker></section>
</main>
<footer><p>© Northwind. Questions? Write to mentoring@example.com.</p></footer>`;
  writeFileSync(join(TMP, 'host.html'), page('host page', host, '<script type="module" src="observe.js"></script>'));
  writeFileSync(join(TMP, 'host-kit.html'), page('host page + kit', host, '<script type="module" src="observe.js"></script>\n<script type="module" src="mentorship-kit.js" data-kit></script>'));
  // Page types for bytes and requests: four elements on local storage, one element alone, and the
  // four over HTTP (written when the reference server's URL is known).
  writeFileSync(join(TMP, 'page-local.html'), page('four elements, local', host, '<script type="module" src="mentorship-kit.js"></script>'));
  writeFileSync(join(TMP, 'page-de.html'), page('four elements, German', host, '<script type="module" src="locales/de.js"></script>\n<script type="module" src="mentorship-kit.js"></script>').replace('<html lang="en">', '<html lang="de">'));
  const one = '<main><h1>How much time will it take?</h1><commitment-calculator></commitment-calculator></main>';
  writeFileSync(join(TMP, 'page-one.html'), page('one element', one, '<script type="module" src="components/commitment-calculator.js"></script>'));
  hostPage = (baseUrl, token) =>
    page('four elements, backend="http"', `<mentorship-provider backend="http" base-url="${baseUrl}" token="${token}">${host}</mentorship-provider>`, '<script type="module" src="mentorship-kit.js"></script>');
}
let hostPage;

// ---- 2. static server ----------------------------------------------------------------------

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.css': 'text/css' };

function serveStatic() {
  const server = createServer((req, res) => {
    const path = normalize(join(TMP, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!path.startsWith(TMP + sep)) return res.writeHead(403).end();
    let body;
    try {
      body = readFileSync(path);
    } catch {
      return res.writeHead(404).end('not found');
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      // Cross-origin isolation: finer performance.now().
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${server.address().port}/` })));
}

// ---- 3. browser ----------------------------------------------------------------------------

let browser;
let BASE;

async function launch() {
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: await CHROME(),
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
  machine.chromium = browser.version();
}

/**
 * Opens `path` in a fresh context (fresh storage), waits for window.__bench.done and returns
 * { result } or { error }. `then(page)` may do more in the same context (a reload).
 */
async function visit(path, { timeout = 20_000, then } = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  try {
    const slot = await load(page, path, timeout);
    const more = then && !slot.error ? await then(page) : undefined;
    return { ...slot, more, pageErrors };
  } catch (error) {
    return { error: error.message.split('\n')[0], pageErrors };
  } finally {
    await context.close();
  }
}

async function load(page, path, timeout, reload = false) {
  if (reload) await page.reload();
  else await page.goto(BASE + path);
  await page.waitForFunction(() => window.__bench?.done, null, { timeout, polling: 20 });
  return page.evaluate(() => window.__bench);
}

const errorText = (v) => [v.error, ...(v.pageErrors ?? []).slice(0, 2)].filter(Boolean).join(' / ').replace(/\s+/g, ' ').slice(0, 240);

// ---- cases: elements -----------------------------------------------------------------------

async function caseElements() {
  for (const tag of TAGS) {
    const name = `<${tag}>`;
    if (broken[`element-${tag}`]) {
      skip('elements', name, `does not build: ${broken[`element-${tag}`]}`);
      continue;
    }
    const first = { ready: [], paint: [], nav: [] };
    const repeat = { ready: [], paint: [], nav: [] };
    let failure;
    for (let i = 0; i <= RUNS; i++) {
      const v = await visit(`element-${tag}.html`, { then: (page) => load(page, '', 20_000, true) });
      if (v.error || v.more?.error) {
        failure = errorText(v.error ? v : { ...v.more, pageErrors: v.pageErrors });
        break;
      }
      if (i === 0) continue; // warm-up
      first.ready.push(v.result.defineToReady);
      first.paint.push(v.result.defineToPaint);
      first.nav.push(v.result.navigationToReady);
      repeat.ready.push(v.more.result.defineToReady);
      repeat.paint.push(v.more.result.defineToPaint);
      repeat.nav.push(v.more.result.navigationToReady);
    }
    if (failure) {
      skip('elements', name, `no figure: ${failure}`);
      continue;
    }
    record('elements', `${name} define → interactive, first visit`, 'ms', first.ready, { bar: { max: 50 }, note: "fresh IndexedDB: the database is created on the way; bar: issue 14's target (BRIEF.md's is 100 ms)" });
    record('elements', `${name} define → painted, first visit`, 'ms', first.paint);
    record('elements', `${name} navigation → interactive, first visit`, 'ms', first.nav, { note: 'what the visitor waits for, script download and evaluation included (loopback)' });
    record('elements', `${name} define → interactive, repeat visit`, 'ms', repeat.ready, { bar: { max: 100 }, note: 'same context reloaded: the database exists' });
    record('elements', `${name} navigation → interactive, repeat visit`, 'ms', repeat.nav);
  }
}

// ---- cases: page overhead ------------------------------------------------------------------

async function caseOverhead() {
  if (broken.observe || broken['mentorship-kit']) return skip('page overhead', 'host page ± kit', `does not build: ${broken.observe ?? broken['mentorship-kit']}`);
  const host = { fcp: [], load: [] };
  const kit = { fcp: [], load: [], ready: [], painted: [] };
  let failure;
  for (let i = 0; i <= RUNS; i++) {
    const a = await visit('host.html');
    const b = await visit('host-kit.html');
    if (a.error || b.error) {
      failure = errorText(a.error ? a : b);
      break;
    }
    if (b.result.elementsPainted === undefined) {
      failure = `elements not interactive: ${b.result.elements.filter((e) => e.error).map((e) => e.error).join('; ')}`.slice(0, 300);
      break;
    }
    if (i === 0) continue;
    host.fcp.push(a.result.firstContentfulPaint);
    host.load.push(a.result.load);
    kit.fcp.push(b.result.firstContentfulPaint);
    kit.load.push(b.result.load);
    kit.ready.push(b.result.elementsReady);
    kit.painted.push(b.result.elementsPainted);
  }
  if (failure) return skip('page overhead', 'host page ± kit', `no figure: ${failure}`);
  const kitBytes = readFileSync(join(TMP, 'mentorship-kit.js')).length;
  record('page overhead', 'host page without the kit: first contentful paint', 'ms', host.fcp);
  record('page overhead', 'host page without the kit: load event', 'ms', host.load);
  record('page overhead', 'same page with the kit: first contentful paint', 'ms', kit.fcp);
  record('page overhead', 'same page with the kit: load event', 'ms', kit.load, { note: `kit script ${(kitBytes / 1024).toFixed(0)} KB minified, from loopback (no network cost)` });
  record('page overhead', 'same page with the kit: all four elements interactive', 'ms', kit.ready);
  record('page overhead', 'same page with the kit: all four elements painted', 'ms', kit.painted);
  const ratio = (a, b) => a.map((x, i) => x / b[i]);
  record('page overhead', 'ratio: first contentful paint, with / without', '×', ratio(kit.fcp, host.fcp), { note: 'per pair of runs' });
  record('page overhead', 'ratio: load event, with / without', '×', ratio(kit.load, host.load));
  record('page overhead', 'ratio: elements painted (with) / first contentful paint (without)', '×', ratio(kit.painted, host.fcp), {
    bar: { max: 3 },
    note: "what a visitor waits for the kit, relative to the bare page; bar: issue 14's target",
  });
}

// ---- cases: bytes and requests of each page type -------------------------------------------

/**
 * Opens a page type in a fresh context, waits until every element on it is interactive and the
 * network is quiet, and returns the scripts it loaded (name, min+gzip bytes) and its API calls.
 * Then each of `steps` ([label, action(page)]) does what a visitor does next, and `after` lists
 * the scripts that only that step loaded (and what the action returned).
 */
async function pageRequests(path, steps = []) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const scripts = [];
  let api = 0;
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (url.pathname.endsWith('.js')) scripts.push({ name: url.pathname.replace(/^\//, ''), gzip: gzipSync(await response.body(), { level: 9 }).length });
    else if (!url.href.startsWith(BASE)) api++;
  });
  try {
    await page.goto(BASE + path);
    const tags = await page.evaluate(() => [...document.querySelectorAll('*')].map((e) => e.localName).filter((n) => customElements.get(n) && n !== 'mentorship-provider'));
    for (const tag of new Set(tags)) {
      await page.waitForSelector(`${tag}[state=ready], ${tag}[state=empty]`, { state: 'attached', timeout: 30_000 }).catch(async (error) => {
        const state = await page.evaluate((t) => document.querySelector(t)?.getAttribute('state'), tag);
        throw new Error(`${path}: <${tag}> stayed "${state}" (${error.message.split('\n')[0]})`);
      });
    }
    await page.waitForLoadState('networkidle');
    const first = scripts.filter((s) => !s.name.startsWith('observe'));
    const after = [];
    for (const [label, action] of steps) {
      const before = scripts.length;
      const outcome = await action(page);
      await page.waitForLoadState('networkidle');
      after.push({ label, outcome, scripts: scripts.slice(before) });
    }
    return { scripts: first, api, after };
  } finally {
    await context.close();
  }
}

/** Logs one session with the tracker's form as it comes (now, its default length and activity). */
async function logSession(page) {
  await page.locator('session-tracker form[part=add-form] button[type=submit]').click({ timeout: 10_000 });
  await page.locator('session-tracker a[data-export=csv]').waitFor({ timeout: 10_000 });
  return 'the session is listed';
}

/** A visitor's first click on the tracker's "CSV" export link; says whether a download started. */
async function exportCsv(page) {
  const download = page.waitForEvent('download', { timeout: 10_000 }).then(
    () => 'the download started',
    () => 'NO download within 10 s',
  );
  await page.locator('session-tracker a[data-export=csv]').click({ timeout: 10_000 });
  return download;
}

async function caseRequests() {
  if (broken['mentorship-kit']) return skip('page weight', 'page types', `does not build: ${broken['mentorship-kit']}`);
  let server;
  try {
    server = await startServer({});
    // A signed-in mentee (the server's dev mode hands out tokens): the tracker needs one.
    const { token } = await (await fetch(`${server.url}/dev/token?sub=bench-mentee`)).json();
    writeFileSync(join(TMP, 'page-http.html'), hostPage(server.url, token));
  } catch (error) {
    notes.push(`page weight: no backend="http" page: ${error.message}`);
  }
  const types = [
    ['four elements, local storage', 'page-local.html', [['then logging a first session', logSession], ["then a first click on the tracker's CSV export", exportCsv]]],
    ['one element alone (<commitment-calculator>, dist/components/)', 'page-one.html'],
    ['four elements, local storage, in German (lang="de", locales/de.js included)', 'page-de.html'],
    ...(server ? [['four elements, backend="http" (reference server)', 'page-http.html']] : []),
  ];
  const strip = (name) => name.replace(/^chunks\/|^components\/|^locales\//, '').replace(/-[\w-]{8}\.js$|\.js$/, '');
  const list = (scripts) => scripts.map((s) => `${strip(s.name)} ${(s.gzip / 1024).toFixed(1)}`).join(', ');
  const total = (scripts) => scripts.reduce((sum, s) => sum + s.gzip, 0) / 1024;
  try {
    for (const [label, path, steps] of types) {
      const { scripts, api, after } = await pageRequests(path, steps);
      record('page weight', `${label}: scripts until interactive, min+gzip`, 'KB', [total(scripts)], { note: `${scripts.length} requests: ${list(scripts)}${server && path === 'page-http.html' ? `; ${api} API calls` : ''}` });
      for (const step of after) {
        record('page weight', `${label}, ${step.label}: scripts it loads, min+gzip`, 'KB', [total(step.scripts)], { note: `${step.scripts.length} requests: ${list(step.scripts) || 'none'}; ${step.outcome}` });
      }
      results.requests ??= {};
      results.requests[path] = { scripts, api, after };
    }
  } finally {
    await server?.stop();
  }
}

// ---- cases: scheduling ---------------------------------------------------------------------

async function caseScheduling() {
  if (broken.scheduling) return skip('scheduling', 'generateSlots', `does not build: ${broken.scheduling}`);
  const v = await visit(`scheduling.html?runs=${Math.max(RUNS, 10)}`, { timeout: 60_000 });
  if (v.error) return skip('scheduling', 'generateSlots', `no figure: ${errorText(v)}`);
  const r = v.result;
  record('scheduling', `one mentor, one month (${r.month.slots} slots, ${r.month.bookings} bookings)`, 'ms', r.month.samples, { bar: { max: 5, strict: true } });
  record('scheduling', `one mentor, one year (${r.year.slots} slots, ${r.year.bookings} bookings)`, 'ms', r.year.samples);
  record('scheduling', `50 mentors, one month each (${r.fiftyMentors.slots} slots, ${r.fiftyMentors.bookings} bookings)`, 'ms', r.fiftyMentors.samples, {
    note: 'eight time zones; each sample one call per mentor',
  });
  if (r.series) {
    record('scheduling', `series of 52 weekly: planSeries, every occurrence checked (${r.series.occurrences} planned, ${r.year.bookings} bookings)`, 'ms', r.series.plan);
    record('scheduling', `series of 52 weekly: client.series.create on memory (${r.series.booked} booked)`, 'ms', r.series.createMemory, { note: 'one atomic write' });
    record('scheduling', 'series of 9 weekly: client.series.create on IndexedDB (demo 60-day horizon)', 'ms', r.series.createLocal, { note: 'one IndexedDB transaction' });
  }
}

// ---- cases: tracker ------------------------------------------------------------------------

async function caseTracker() {
  if (broken.tracker) return skip('tracker', `<session-tracker> with ${TRACKER_N} sessions`, `does not build: ${broken.tracker}`);
  const acc = { seed: [], ready: [], paint: [], add: [], addPainted: [], csvElement: [], csvSdk: [], rerender: [], importMs: [] };
  let failure;
  let last;
  const extra = new Set();
  for (let i = 0; i <= RUNS; i++) {
    const v = await visit(`tracker.html?n=${TRACKER_N}&adds=3`, { timeout: 120_000 });
    if (v.error) {
      failure = errorText(v);
      break;
    }
    for (const n of v.result.notes) extra.add(n);
    if (i === 0) continue;
    last = v.result;
    acc.seed.push(v.result.seed);
    acc.ready.push(v.result.defineToReady);
    acc.paint.push(v.result.defineToPaint);
    acc.add.push(...v.result.add);
    acc.addPainted.push(...v.result.addPainted);
    acc.csvElement.push(...v.result.csvElement);
    acc.rerender.push(...v.result.rerender);
    acc.csvSdk.push(...v.result.csvSdk);
    acc.importMs.push(...(v.result.importMs ?? []));
  }
  if (failure) return skip('tracker', `<session-tracker> with ${TRACKER_N} sessions`, `no figure: ${failure}`);
  const n = TRACKER_N.toLocaleString('en');
  record('tracker', `seed ${n} sessions through the local backend`, 'ms', acc.seed, { note: 'all puts in flight at once (one IndexedDB transaction each)' });
  record('tracker', `first render with ${n}: define → interactive`, 'ms', acc.ready, { bar: { max: 200, strict: true }, note: `${last.rowsShown} rows in the DOM (a few weeks at a time)` });
  record('tracker', `first render with ${n}: define → painted`, 'ms', acc.paint);
  if (acc.add.length) {
    record('tracker', 'add one: click "Add" → new row in the DOM', 'ms', acc.add, { bar: { max: 10, strict: true }, note: '3 adds per run' });
    record('tracker', 'add one: click "Add" → painted', 'ms', acc.addPainted);
    if (acc.rerender.length) record('tracker', `re-render alone with ${n} (requestUpdate → updateComplete)`, 'ms', acc.rerender, { note: 'the part of "add one" that is rendering' });
  } else skip('tracker', 'add one', [...extra].join('; ') || 'no figure');
  if (acc.csvElement.length) record('tracker', `export CSV through the element (${(last.csvBytes / 1024).toFixed(0)} KB)`, 'ms', acc.csvElement, { note: 'click handler: CSV text, Blob and object URL' });
  else skip('tracker', 'export CSV through the element', [...extra].join('; ') || 'no figure');
  record('tracker', `sessionsToCsv(${n}) alone (SDK)`, 'ms', acc.csvSdk);
  if (acc.importMs.length) {
    record('tracker', `import ${n} sessions (client.sessions.import, empty namespace)`, 'ms', acc.importMs, {
      bar: { max: 1000, strict: true },
      note: `validation + one IndexedDB transaction; ${last.importEvents / 2} change event per import`,
    });
  }
  if (extra.size) notes.push(`tracker: ${[...extra].join('; ')}`);
}

// ---- cases: storage floor ------------------------------------------------------------------

async function caseStorage() {
  if (broken.idb) return skip('storage', 'local backend vs idb-keyval', `does not build: ${broken.idb}`);
  const v = await visit(`idb.html?runs=${RUNS + 1}&n=1000`, { timeout: 180_000 });
  if (v.error) return skip('storage', 'local backend vs idb-keyval', `no figure: ${errorText(v)}`);
  const r = v.result;
  const drop = (xs) => xs.slice(1);
  const raw = { put: drop(r.raw.put), getAll: drop(r.raw.getAll) };
  const local = { put: drop(r.local.put), getAll: drop(r.local.getAll) };
  const client = { put: drop(r.client.put), getAll: drop(r.client.getAll) };
  record('storage', 'raw idb-keyval: open a new database', 'ms', drop(r.raw.open), { note: `the very first database of a fresh browser context took ${fmt(r.raw.open[0], 'ms')}` });
  record('storage', 'local backend: open a new namespace (writes its schema version)', 'ms', drop(r.local.open));
  record('storage', 'raw idb-keyval: 1,000 puts, one awaited at a time', 'ms', raw.put);
  record('storage', 'local backend: the same 1,000 puts', 'ms', local.put);
  record('storage', 'SDK client (local): 1,000 sessions.add', 'ms', client.put, { note: 'plus validation, ids, change events' });
  record('storage', 'raw idb-keyval: read all 1,000', 'ms', raw.getAll);
  record('storage', 'local backend: read all 1,000', 'ms', local.getAll);
  record('storage', 'SDK client (local): sessions.list()', 'ms', client.getAll);
  const ratio = (a, b) => a.map((x, i) => x / b[i]);
  record('storage', 'ratio local / raw: puts', '×', ratio(local.put, raw.put), { note: 'per run, same iteration' });
  record('storage', 'ratio local / raw: read all', '×', ratio(local.getAll, raw.getAll));
  record('storage', 'ratio client / raw: puts', '×', ratio(client.put, raw.put));
}

// ---- cases: sizes --------------------------------------------------------------------------

async function caseSizes() {
  let measured;
  try {
    const { measureSizes } = await import('../scripts/size.mjs');
    measured = await measureSizes();
  } catch (error) {
    return skip('sizes', 'min+gzip', `npm run size failed: ${error.message.split('\n')[0].slice(0, 240)}`);
  }
  for (const r of measured) record('sizes', `${r.name}, min+gzip`, 'KB', [r.gzip / 1024], { bar: { max: r.budget / 1024 }, note: `${(r.minified / 1024).toFixed(1)} KB minified` });
  return measured;
}

// ---- cases: the reference server under load ------------------------------------------------

const BENCH_TAG = `bench-${Date.now().toString(36)}`;

/** The demo catalog plus 50 bookable mentors with room for many bookings. */
async function benchCatalog() {
  const out = join(TMP, 'catalog-node.mjs');
  await build({ ...common, minify: false, platform: 'node', entryPoints: ['src/sdk/catalog/demo-catalog.ts'], outfile: out });
  const { DEMO_CATALOG } = await import(out);
  const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Asia/Tokyo', 'Europe/London', 'America/Los_Angeles', 'Australia/Sydney', 'America/Sao_Paulo'];
  const days = [1, 2, 3, 4, 5, 6, 7];
  const mentors = Array.from({ length: 50 }, (_, i) => ({
    ...DEMO_CATALOG.mentors[i % DEMO_CATALOG.mentors.length],
    id: `${BENCH_TAG}-${i}`,
    name: `Bench Mentor ${i + 1}`,
    timeZone: zones[i % zones.length],
    sessionTypeIds: ['one-on-one'],
    weekly: days.map((day) => ({ day, start: '08:00', end: '20:00' })),
    overrides: [],
    rules: { slotIntervalMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minimumNoticeMinutes: 60, horizonDays: 365 },
  }));
  const catalog = { ...DEMO_CATALOG, mentors: [...DEMO_CATALOG.mentors, ...mentors] };
  const path = join(TMP, 'catalog.json');
  writeFileSync(path, JSON.stringify(catalog));
  return { path, mentors };
}

function startServer(extraEnv) {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'mk-bench-pglite-'));
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', PGLITE_DIR: dataDir, CORS_ORIGINS: '*', RATE_LIMITS: 'off', ...extraEnv };
  delete env.AUTH_SECRET;
  // Vite's build (run in this process) sets NODE_ENV=production, which makes the server demand a secret.
  delete env.NODE_ENV;
  if (!extraEnv.DATABASE_URL) delete env.DATABASE_URL;
  const child = spawn('node_modules/.bin/tsx', ['server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  const stop = () =>
    new Promise((resolve) => {
      const done = () => (rmSync(dataDir, { recursive: true, force: true }), resolve());
      if (child.exitCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start within 60 s')), 60_000);
    child.stdout.on('data', () => {
      const m = /MK_SERVER_URL=(\S+)/.exec(out);
      if (m) clearTimeout(timer), resolve(m[1]);
    });
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`the server exited (${code}): ${out.trim().split('\n').slice(-3).join(' ')}`))));
  });
  return url.then(
    (u) => ({ url: u, stop, startup: () => out }),
    async (error) => (await stop(), Promise.reject(error)),
  );
}

/** autocannon's per-second request counts as median / min / max (all responses). */
const perSecond = (r) => ({ median: r.requests.p50, min: r.requests.min, max: r.requests.max, n: Math.round(r.duration || DURATION) });

async function cannon(options) {
  const { default: autocannon } = await import('autocannon');
  return new Promise((resolve, reject) => {
    autocannon({ connections: 10, duration: DURATION, timeout: 10, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

function requestBody(mentorId, start) {
  return JSON.stringify({
    mentorId,
    sessionTypeId: 'one-on-one',
    start,
    timeZone: 'Europe/Berlin',
    name: 'Bench Visitor',
    email: 'visitor@example.com',
    careerLevel: 'senior',
    goals: 'Measure the server',
    message: '',
  });
}

async function loadServer(label, extraEnv, catalog) {
  const group = `server (${label})`;
  let server;
  try {
    server = await startServer({ ...extraEnv, CATALOG: catalog.path });
  } catch (error) {
    return skip(group, 'reference server', `could not start: ${error.message.slice(0, 240)}`);
  }
  const summary = { label, cases: [] };
  try {
    const base = server.url; // …/v1
    const origin = new URL(base).origin;
    const now = Date.now();
    const iso = (ms) => new Date(ms).toISOString();
    const monthQuery = (mentorId) => `/v1/mentors/${mentorId}/slots?sessionType=one-on-one&from=${encodeURIComponent(iso(now))}&to=${encodeURIComponent(iso(now + 31 * 86_400_000))}`;

    // Free slots of every bench mentor over 93 days (the server's longest range), round-robin,
    // so concurrent POSTs ask for distinct slots of different mentors.
    const lists = await Promise.all(
      catalog.mentors.map(async (m) => {
        const r = await fetch(`${origin}/v1/mentors/${m.id}/slots?sessionType=one-on-one&from=${encodeURIComponent(iso(now + 3 * 3_600_000))}&to=${encodeURIComponent(iso(now + 93 * 86_400_000))}`);
        if (!r.ok) throw new Error(`GET slots for ${m.id}: HTTP ${r.status} ${(await r.text()).slice(0, 200)}`);
        return (await r.json()).items.map((s) => [m.id, s.start]);
      }),
    );
    const queue = [];
    for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) queue.push(l[i]);

    const runCase = async (name, options, note) => {
      log(`  ${label}: ${name}`);
      const r = await cannon({ url: origin, ...options });
      const codes = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]));
      const secs = r.duration || DURATION;
      const per = (code) => (codes[code] ?? 0) / secs;
      const entry = { name, requestsPerSecond: r.requests.average, latencyMs: { p50: r.latency.p50, p99: r.latency.p99 }, codes, errors: r.errors, timeouts: r.timeouts, seconds: secs };
      summary.cases.push(entry);
      return { r, per, codes, note };
    };

    // Warm-up (not reported): JIT, the connection pool, PostgreSQL's caches.
    log(`  ${label}: warm-up`);
    await cannon({ url: origin, duration: 1, requests: [{ method: 'GET', path: monthQuery('lena-hoffmann') }] });

    const get1 = await runCase('GET slots, a demo mentor, one month', { requests: [{ method: 'GET', path: monthQuery('lena-hoffmann') }] });
    record(group, 'GET slots (demo mentor, one month, no bookings)', 'req/s', [get1.per(200)], { override: perSecond(get1.r), note: `per-second samples; p50 ${get1.r.latency.p50} ms, p99 ${get1.r.latency.p99} ms; non-200: ${get1.r.non2xx}` });

    let next = 0;
    const post = await runCase('POST bookings, distinct free slots', {
      requests: [
        {
          method: 'POST',
          path: '/v1/bookings',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => {
            const [mentorId, start] = queue[next++ % queue.length];
            return { ...req, body: requestBody(mentorId, start) };
          },
        },
      ],
    });
    record(group, `POST bookings, distinct free slots: 201 Created`, 'req/s', [post.per(201)], {
      note: `409: ${Math.round(post.per(409))}/s; other: ${JSON.stringify(Object.fromEntries(Object.entries(post.codes).filter(([c]) => c !== '201' && c !== '409')))}; p50 ${post.r.latency.p50} ms, p99 ${post.r.latency.p99} ms; ${queue.length} slots over 50 mentors`,
    });

    const [mentorId, start] = queue[queue.length - 1];
    const race = await runCase('POST bookings, everyone wants the same slot', {
      requests: [{ method: 'POST', path: '/v1/bookings', headers: { 'content-type': 'application/json' }, body: requestBody(mentorId, start) }],
    });
    record(group, 'POST bookings, all for one slot: 409 Conflict', 'req/s', [race.per(409)], {
      note: `201: ${race.codes['201'] ?? 0} in total (must be ≤ 1); p50 ${race.r.latency.p50} ms, p99 ${race.r.latency.p99} ms`,
    });

    const busy = catalog.mentors[0].id;
    const get2 = await runCase('GET slots, a booked-up bench mentor, one month', { requests: [{ method: 'GET', path: monthQuery(busy) }] });
    record(group, 'GET slots (bench mentor, one month, after the bookings above)', 'req/s', [get2.per(200)], { override: perSecond(get2.r), note: `per-second samples; p50 ${get2.r.latency.p50} ms, p99 ${get2.r.latency.p99} ms; non-200: ${get2.r.non2xx}` });
  } catch (error) {
    skip(group, 'load', `failed: ${error.message.slice(0, 240)}`);
  } finally {
    await server.stop();
  }
  return summary;
}

async function cleanPostgres(url) {
  try {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rowCount } = await client.query('DELETE FROM bookings WHERE mentor_id LIKE $1', [`${BENCH_TAG}-%`]);
    await client.end();
    return rowCount;
  } catch (error) {
    notes.push(`PostgreSQL clean-up failed: ${error.message}`);
    return 0;
  }
}

async function caseServer() {
  const { existsSync } = await import('node:fs');
  if (!existsSync('server/main.ts')) return skip('server', 'reference server', 'server/main.ts is not there yet');
  let catalog;
  try {
    catalog = await benchCatalog();
  } catch (error) {
    return skip('server', 'reference server', `bench catalog failed: ${error.message.slice(0, 200)}`);
  }
  const out = [await loadServer('PGlite', {}, catalog)];
  if (process.env.DATABASE_URL) {
    out.push(await loadServer('PostgreSQL', { DATABASE_URL: process.env.DATABASE_URL }, catalog));
    const removed = await cleanPostgres(process.env.DATABASE_URL);
    notes.push(`PostgreSQL: removed the ${removed} bench bookings (mentor ids ${BENCH_TAG}-*) afterwards.`);
  } else {
    skip('server (PostgreSQL)', 'reference server on PostgreSQL', 'DATABASE_URL is not set');
  }
  return out;
}

// ---- main ----------------------------------------------------------------------------------

const results = { date: new Date().toISOString(), runs: RUNS, machine, rows, notes, sizes: null, server: null, broken };
let staticServer;
try {
  if (want('sizes')) {
    log('sizes (scripts/size.mjs)');
    results.sizes = await caseSizes();
  }
  const browserGroups = ['requests', 'elements', 'overhead', 'scheduling', 'tracker', 'storage'].filter(want);
  if (browserGroups.length) {
    log('bundling pages');
    await buildPages();
    for (const [name, message] of Object.entries(broken)) notes.push(`${name} did not build: ${message}`);
    const s = await serveStatic();
    staticServer = s.server;
    BASE = s.base;
    await launch();
    log(`Chromium ${machine.chromium}`);
    const cases = { requests: caseRequests, elements: caseElements, overhead: caseOverhead, scheduling: caseScheduling, tracker: caseTracker, storage: caseStorage };
    for (const group of browserGroups) {
      log(group);
      try {
        await cases[group]();
      } catch (error) {
        skip(group, group, `harness error: ${error.message.split('\n')[0].slice(0, 240)}`);
      }
    }
    await browser.close();
    browser = undefined;
  }
  if (want('server')) {
    log('server');
    results.server = await caseServer();
  }
  if (want('scale')) {
    log('server scale-out: 1, 2, 4 processes on one PostgreSQL (bench/server-scale.mjs)');
    await new Promise((resolve) => spawn(process.execPath, ['bench/server-scale.mjs', `--duration=${DURATION}`], { stdio: 'inherit' }).once('exit', resolve));
  }
} finally {
  await browser?.close().catch(() => {});
  staticServer?.close();
  rmSync(TMP, { recursive: true, force: true });
}

results.seconds = Math.round((performance.now() - started) / 100) / 10;
machine.loadAverage.end = os.loadavg().map((x) => Math.round(x * 100) / 100);
const busy = Math.max(machine.loadAverage.start[0], machine.loadAverage.end[0]) > machine.cores * 0.75;
const header = `mentorship-kit bench — ${results.date}\n${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}; Node ${machine.node}; Chromium ${machine.chromium ?? '–'}; ${RUNS} runs after 1 warm-up; ${results.seconds} s\nLoad average at start ${machine.loadAverage.start[0]}, at end ${machine.loadAverage.end[0]}${busy ? ' — the machine was busy with other work; timings are inflated and noisy' : ''}\n`;
console.log(header);
console.log(table());
if (notes.length) console.log(`\nNotes:\n${notes.map((n) => `- ${n}`).join('\n')}`);
writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
console.log('\nWrote bench/results.json');
