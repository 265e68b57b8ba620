/**
 * `npm run server`: the reference server on http://127.0.0.1:8787/v1. Every setting is an
 * environment variable (see config.ts and README's "Reference server" section): PORT, HOST,
 * DATABASE_URL, PGLITE_DIR, AUTH_SECRET, PUBLIC_URL, CATALOG, CORS_ORIGINS, MAX_BODY_BYTES,
 * RATE_LIMITS / RATE_LIMIT_*, TRUST_PROXY, TOKEN_MAX_DAYS, DRAIN_MS, LOG_LEVEL, PG_POOL_MAX.
 * Mentor notifications (webhooks, mail, calendars): see server/notifications.ts
 */
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { createApp } from './app.js';
import { issueToken, randomSecret } from './auth.js';
import { CatalogFileError, databaseCatalog, readCatalogFile } from './catalog.js';
import { ConfigError, readConfig } from './config.js';
import { DatabaseLocked, DatabaseUnavailable, openDatabase } from './db.js';
import { createLogger } from './log.js';
import { notificationSettingsFromEnv, startNotifications } from './notifications.js';

const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

let config;
try {
  config = readConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}
const log = createLogger(config!.logLevel);
const { host, port, dev } = config!;
const secret = config!.secret ?? randomSecret();

let catalogFile;
try {
  catalogFile = config!.catalogFile ? readCatalogFile(config!.catalogFile) : undefined;
} catch (error) {
  if (error instanceof CatalogFileError) fail(error.message);
  throw error;
}

const db = await openDatabase({
  url: config!.databaseUrl,
  dataDir: config!.pgliteDir,
  poolSize: process.env.PG_POOL_MAX ? Number(process.env.PG_POOL_MAX) : undefined,
  onPoolError: (error) => log.warn({ err: { message: error.message, code: (error as { code?: string }).code } }, 'database connection lost; the pool reconnects on demand'),
}).catch((error: unknown) => {
  if (error instanceof DatabaseLocked) fail(error.message);
  if (error instanceof DatabaseUnavailable) fail(`${error.message}\nCheck DATABASE_URL and that PostgreSQL is running.`);
  throw error;
});
const catalog = databaseCatalog(db, catalogFile ? { initial: catalogFile, force: true } : {});
await catalog.ready();

let notifications: Awaited<ReturnType<typeof startNotifications>>;
try {
  notifications = await startNotifications(db, catalog, notificationSettingsFromEnv(process.env));
} catch (error) {
  await db.close();
  fail((error as Error).message);
}

let draining = false;
const app = createApp({
  kickOutbox: notifications!.kick,
  busyCalendars: notifications!.busy,
  feed: notifications!.feed,
  db,
  catalogSource: catalog,
  secret,
  dev,
  corsOrigins: config!.corsOrigins,
  maxBodyBytes: config!.maxBodyBytes,
  publicUrl: config!.publicUrl,
  maxTokenSeconds: config!.maxTokenSeconds,
  rateLimits: config!.rateLimits,
  trustProxy: config!.trustProxy,
  logger: log,
  draining: () => draining,
});

const server = serve({ fetch: app.fetch, port, hostname: host }, async (info) => {
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${info.port}/v1`;
  console.log(`mentorship-kit server on ${url} (${db.kind === 'pglite' ? `PGlite in ${config!.pgliteDir}` : 'PostgreSQL'}, pid ${process.pid})`);
  if (dev) {
    console.log('Dev mode (no AUTH_SECRET, loopback only): tokens are signed with a throw-away secret.');
    console.log(`Dev mentee token (sub "dev-mentee"): ${await issueToken(secret, 'dev-mentee', { days: 1 })}`);
    console.log(`More at ${url}/dev/token?sub=<id>`);
  }
  // Machine-readable line for scripts/test.mjs.
  console.log(`MK_SERVER_URL=${url}`);
}) as Server;

let inFlight = 0;
server.on('request', (_req, res) => {
  inFlight++;
  if (draining) res.setHeader('Connection', 'close');
  res.once('close', () => inFlight--);
});

/**
 * SIGTERM: readiness turns 503 (a load balancer stops sending), responses close their
 * connections, and the listener stays open until no request has been in flight for a moment —
 * so requests already queued on the socket are served, not reset — or DRAIN_MS passes. Only then
 * does the listener close and, last, the database pool.
 */
const stop = (signal: string) => {
  if (draining) return;
  draining = true;
  log.info({ signal, inFlight }, 'draining');
  const deadline = Date.now() + config!.drainMs;
  let quiet = 0;
  const tick = setInterval(() => {
    quiet = inFlight === 0 ? quiet + 1 : 0;
    if (quiet < 3 && Date.now() < deadline) return;
    clearInterval(tick);
    server.close(() => {
      notifications!
        .stop()
        .catch(() => {})
        .then(() => db.close())
        .catch(() => {})
        .finally(() => {
          log.info('stopped');
          process.exit(0);
        });
    });
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), Math.max(0, deadline - Date.now())).unref();
  }, 50);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
