/**
 * The test server (./harness.ts) plus the mentor-notification worker on the same database, with
 * this feature's tables emptied first on PostgreSQL.
 */
import type { AppOptions } from '../app.js';
import type { Database } from '../db.js';
import { startNotifications, type NotificationSettings, type Notifications } from '../notifications.js';
import type { WorkerOptions } from '../webhooks/worker.js';
import { startServer, type TestServer } from './harness.js';

export const NOTIFY_TABLES = 'outbox_jobs, outbox_events, webhook_endpoints, mentor_feed_tokens, busy_calendars';

export interface NotifiedServer extends TestServer {
  notifications: Notifications;
  api(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
}

export async function emptyNotifyTables(db: Database) {
  if (db.kind === 'postgres') await db.query(`TRUNCATE ${NOTIFY_TABLES}`);
}

export async function startNotifiedServer(
  settings: NotificationSettings = {},
  options: { app?: Partial<AppOptions>; worker?: Partial<WorkerOptions> } = {},
): Promise<NotifiedServer> {
  let kick = () => {};
  const server = await startServer({ ...options.app, kickOutbox: () => kick() });
  await emptyNotifyTables(server.db);
  const notifications = await startNotifications(server.db, { pollMs: 200, log: () => {}, ...settings }, options.worker);
  kick = notifications.kick;
  const api = (path: string, init: RequestInit & { token?: string; json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
    if (init.json !== undefined) headers.set('Content-Type', 'application/json');
    return fetch(server.url + path, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  };
  return {
    ...server,
    notifications,
    api,
    async close() {
      await notifications.stop({ abandon: true });
      await server.close();
    },
  };
}
