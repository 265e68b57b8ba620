// Scale-out bench: bookings/s and slot queries/s with 1, 2 and 4 reference-server processes on
// one PostgreSQL (DATABASE_URL; skipped without it). Each process is `node --import tsx
// server/main.ts` on its own port; autocannon loads all of them at once, connections split evenly
// (what a round-robin load balancer does). Rate limits are off (RATE_LIMITS=off) — this measures
// the server, not the limiter. Measurement only: prints a table, writes bench/server-scale.json.
//
//   node bench/server-scale.mjs [--duration=S] [--processes=1,2,4] [--connections=N]
// Run by `npm run bench` (group "scale"). Bookings go to 40 bench mentors in a fresh schema, each
// to a distinct free hour, so every answer is a real booking decision (201, or 409 if taken).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
process.chdir(ROOT);
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const DURATION = Number(args.duration ?? 5);
const PROCESSES = (args.processes ?? '1,2,4').split(',').map(Number);
const CONNECTIONS = Number(args.connections ?? 16);
const DATABASE_URL = process.env.DATABASE_URL;
const log = (m) => console.error(`[server-scale] ${m}`);

if (!DATABASE_URL) {
  console.log('server scale-out: skipped (DATABASE_URL is not set: it needs one PostgreSQL for all processes)');
  process.exit(0);
}

const { default: pg } = await import('pg');
const { default: autocannon } = await import('autocannon');
const TMP = mkdtempSync(join(os.tmpdir(), 'mk-scale-'));
const MENTORS = 40;
const catalog = {
  version: 1,
  programs: [],
  commitmentModels: [],
  sessionTypes: [{ id: 'hour', name: 'One hour', minutes: 60, frequency: 'weekly' }],
  mentors: Array.from({ length: MENTORS }, (_, i) => ({
    id: `scale-${i}`,
    name: `Scale Mentor ${i}`,
    title: '',
    bio: '',
    timeZone: 'UTC',
    sessionTypeIds: ['hour'],
    weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' })),
    overrides: [],
    rules: { slotIntervalMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minimumNoticeMinutes: 0, horizonDays: 365 },
  })),
};
const catalogPath = join(TMP, 'catalog.json');
writeFileSync(catalogPath, JSON.stringify(catalog));

async function withSchema(fn) {
  const schema = `mk_scale_${process.pid}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema},public`);
  try {
    return await fn(url.href);
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

function startProcess(url) {
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: url, CATALOG: catalogPath, RATE_LIMITS: 'off', LOG_LEVEL: 'warn', AUTH_SECRET: 'bench-secret-bench-secret-bench-secret!!', PG_POOL_MAX: '8' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr.on('data', (c) => (out += c));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c) => {
      out += c;
      const m = /MK_SERVER_URL=(\S+)/.exec(out);
      if (m) resolve({ url: m[1], stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))) });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out.slice(-400)}`)));
  });
}

const run = (opts) => new Promise((resolve, reject) => autocannon({ duration: DURATION, timeout: 10, ...opts }, (e, r) => (e ? reject(e) : resolve(r))));

/** Loads every process at once with `make(base, i)` options; sums the answers per second. */
async function load(servers, make) {
  const per = Math.max(1, Math.round(CONNECTIONS / servers.length));
  const results = await Promise.all(servers.map((s, i) => run({ connections: per, ...make(s.url, i) })));
  const sum = (f) => results.reduce((n, r) => n + f(r), 0);
  return {
    perSecond: Math.round(sum((r) => r.requests.average)),
    ok: sum((r) => r['2xx']),
    conflicts: sum((r) => r.statusCodeStats?.['409']?.count ?? 0),
    errors: sum((r) => r.errors + r.timeouts + r.non2xx) - sum((r) => r.statusCodeStats?.['409']?.count ?? 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    statuses: results.map((r) => JSON.stringify(r.statusCodeStats)).join(" "),
  };
}

const day0 = new Date();
day0.setUTCHours(0, 0, 0, 0);
const rows = [];
let hourOffset = 24; // bookings start tomorrow; each round moves on, so no round sees another's slots
for (const n of PROCESSES) {
  await withSchema(async (url) => {
    log(`${n} process(es)`);
    const servers = [];
    for (let i = 0; i < n; i++) servers.push(await startProcess(url));
    try {
      const from = new Date(day0.getTime() + 86_400_000).toISOString();
      const to = new Date(day0.getTime() + 8 * 86_400_000).toISOString();
      const slots = await load(servers, (base, i) => ({
        url: `${base}/mentors/scale-${i % MENTORS}/slots?sessionType=hour&from=${from}&to=${to}`,
      }));
      let next = 0;
      const bookings = await load(servers, (base) => ({
        url: new URL(base).origin,
        requests: [{
        method: 'POST',
        path: '/v1/bookings',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => {
          const k = next++;
          const start = new Date(day0.getTime() + (hourOffset + Math.floor(k / MENTORS)) * 3_600_000).toISOString();
          return {
            ...req,
            body: JSON.stringify({ mentorId: `scale-${k % MENTORS}`, sessionTypeId: 'hour', start, timeZone: 'UTC', name: 'Bench Visitor', email: 'bench@example.org', careerLevel: 'senior', goals: '', message: '' }),
          };
        },
        }],
      }));
      if (process.env.MK_SCALE_DEBUG) log(`booking answers: ${bookings.statuses}`);
      hourOffset += Math.ceil(next / MENTORS) + 1;
      rows.push({ processes: n, slotQueriesPerSecond: slots.perSecond, slotP50ms: slots.p50, bookingsPerSecond: bookings.perSecond, booked: bookings.ok, conflicts: bookings.conflicts, errors: bookings.errors + slots.errors, bookingP50ms: bookings.p50 });
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  });
}
rmSync(TMP, { recursive: true, force: true });

const load1 = os.loadavg()[0].toFixed(2);
console.log(`\nserver scale-out on one PostgreSQL — ${os.cpus().length} cores, load average ${load1}; ${DURATION} s per case, ${CONNECTIONS} connections in all\n`);
console.log('| processes | slot queries/s | p50 ms | bookings/s | booked (201) | taken (409) | errors | p50 ms |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.processes} | ${r.slotQueriesPerSecond} | ${r.slotP50ms} | ${r.bookingsPerSecond} | ${r.booked} | ${r.conflicts} | ${r.errors} | ${r.bookingP50ms} |`);
writeFileSync('bench/server-scale.json', JSON.stringify({ date: new Date().toISOString(), cores: os.cpus().length, loadAverage: load1, duration: DURATION, connections: CONNECTIONS, rows }, null, 2) + '\n');
console.log('\nWrote bench/server-scale.json');
