/**
 * `npm run server`: the reference server on http://127.0.0.1:8787/v1.
 *   PORT, HOST            where to listen (default 8787 on 127.0.0.1)
 *   DATABASE_URL          postgres://… for a real PostgreSQL; else PGlite in PGLITE_DIR (.data/pglite)
 *   AUTH_SECRET           HS256 secret for mentee tokens; without it: dev mode (prints a token)
 *   CATALOG               path to a catalog JSON (validated at start)
 *   CORS_ORIGINS          comma-separated allowed origins, or * (default the Vite demo's 127.0.0.1:5173, localhost:5173)
 *   MAX_BODY_BYTES        request body limit (default 65536)
 *   Mentor notifications (webhooks, mail, calendars): see server/notifications.ts
 */
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { issueToken, randomSecret } from './auth.js';
import { CatalogFileError, loadCatalog, memoryCatalog } from './catalog.js';
import { openDatabase } from './db.js';
import { notificationSettingsFromEnv, startNotifications } from './notifications.js';

const env = process.env;
const port = Number(env.PORT ?? 8787);
const host = env.HOST ?? '127.0.0.1';
const dev = !env.AUTH_SECRET;
const secret = env.AUTH_SECRET || randomSecret();

const db = await openDatabase({ url: env.DATABASE_URL || undefined, dataDir: env.PGLITE_DIR || '.data/pglite' });
let catalog;
try {
  catalog = await loadCatalog(db, env.CATALOG || undefined);
} catch (error) {
  if (error instanceof CatalogFileError) {
    console.error(error.message);
    await db.close();
    process.exit(1);
  }
  throw error;
}

const catalogSource = memoryCatalog(db, catalog);
let notifications;
try {
  notifications = await startNotifications(db, catalogSource, notificationSettingsFromEnv(env));
} catch (error) {
  console.error((error as Error).message);
  await db.close();
  process.exit(1);
}

const app = createApp({
  kickOutbox: notifications.kick,
  busyCalendars: notifications.busy,
  feed: notifications.feed,
  db,
  catalogSource,
  secret,
  dev,
  corsOrigins: !env.CORS_ORIGINS ? undefined : env.CORS_ORIGINS.trim() === '*' ? '*' : env.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
  maxBodyBytes: env.MAX_BODY_BYTES ? Number(env.MAX_BODY_BYTES) : undefined,
});

const server = serve({ fetch: app.fetch, port, hostname: host }, async (info) => {
  const url = `http://${host}:${info.port}/v1`;
  console.log(`mentorship-kit server on ${url} (${db.kind === 'pglite' ? `PGlite in ${env.PGLITE_DIR || '.data/pglite'}` : 'PostgreSQL'})`);
  if (dev) {
    console.log('Dev mode (no AUTH_SECRET): tokens are signed with a throw-away secret.');
    console.log(`Dev mentee token (sub "dev-mentee"): ${await issueToken(secret, 'dev-mentee')}`);
    console.log(`More at ${url}/dev/token?sub=<id>`);
  }
  // Machine-readable line for scripts/test.mjs.
  console.log(`MK_SERVER_URL=${url}`);
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close();
  void notifications.stop().then(() => db.close()).finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
