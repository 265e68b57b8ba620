/**
 * `npm run server`: the reference server on http://127.0.0.1:8787/v1. Every setting is an
 * environment variable (see config.ts and README's "Reference server" section): PORT, HOST,
 * DATABASE_URL, PGLITE_DIR, AUTH_SECRET, PUBLIC_URL, CATALOG, CORS_ORIGINS, MAX_BODY_BYTES,
 * RATE_LIMITS / RATE_LIMIT_*, TRUST_PROXY, TOKEN_MAX_DAYS, DRAIN_MS, LOG_LEVEL, PG_POOL_MAX.
 */
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { createApp } from './app.js';
import { issueToken, randomSecret } from './auth.js';
import { CatalogFileError, databaseCatalog, readCatalogFile } from './catalog.js';
import { ConfigError, readConfig } from './config.js';
import { DatabaseLocked, DatabaseUnavailable, openDatabase } from './db.js';
import { createLogger } from './log.js';

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

let draining = false;
const app = createApp({
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

/**
 * SIGTERM: readiness turns 503, no new connections, requests in flight finish (up to DRAIN_MS),
 * and only then the database closes — so a rolling restart answers every request it accepted.
 */
const stop = (signal: string) => {
  if (draining) return;
  draining = true;
  log.info({ signal }, 'draining');
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  const force = setTimeout(() => server.closeAllConnections(), config!.drainMs);
  server.close(() => {
    clearInterval(idle);
    clearTimeout(force);
    db.close()
      .catch(() => {})
      .finally(() => {
        log.info('stopped');
        process.exit(0);
      });
  });
  server.closeIdleConnections();
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
