/**
 * The test server (./harness.ts) plus mentor notifications (outbox worker, mail, busy calendars)
 * on the same database and catalog, with this feature's tables emptied first on PostgreSQL.
 */
import type { AppOptions } from '../app.js';
import type { BusyCalendars } from '../calendar/busy.js';
import { memoryCatalog } from '../catalog.js';
import type { Database } from '../db.js';
import type { CatalogSource } from '../http.js';
import { startNotifications, type NotificationSettings, type Notifications } from '../notifications.js';
import type { WorkerOptions } from '../webhooks/worker.js';
import type { Catalog } from '../../src/sdk/schemas.js';
import { startServer, TEST_CATALOG, type TestServer } from './harness.js';

export const NOTIFY_TABLES = 'outbox_jobs, outbox_events, webhook_endpoints, mentor_feed_tokens, busy_calendars';

export interface NotifiedServer extends TestServer {
  notifications: Notifications;
  catalog: CatalogSource;
  api(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
}

export async function emptyNotifyTables(db: Database) {
  if (db.kind === 'postgres') await db.query(`TRUNCATE ${NOTIFY_TABLES}`);
}

export async function startNotifiedServer(
  settings: NotificationSettings = {},
  options: { app?: Partial<AppOptions>; worker?: Partial<WorkerOptions>; catalog?: Catalog } = {},
): Promise<NotifiedServer> {
  // The app is made before the database exists here, so it gets delegates filled in just after.
  let kick = () => {};
  let catalog!: CatalogSource;
  let busy!: BusyCalendars;
  const server = await startServer({
    ...options.app,
    kickOutbox: () => kick(),
    catalogSource: { get: (q) => catalog.get(q), replace: (next) => catalog.replace(next) },
    busyCalendars: { intervals: (...a) => busy.intervals(...a), refresh: (id) => busy.refresh(id), status: () => busy.status(), stop: () => busy.stop() },
  });
  catalog = memoryCatalog(server.db, options.catalog ?? TEST_CATALOG);
  await emptyNotifyTables(server.db);
  const notifications = await startNotifications(server.db, catalog, { pollMs: 200, busyPollMs: 0, log: () => {}, ...settings }, options.worker);
  kick = notifications.kick;
  busy = notifications.busy;
  const api = (path: string, init: RequestInit & { token?: string; json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
    if (init.json !== undefined) headers.set('Content-Type', 'application/json');
    return fetch(server.url + path, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  };
  return {
    ...server,
    notifications,
    catalog,
    api,
    async close() {
      await notifications.stop({ abandon: true });
      await server.close();
    },
  };
}
