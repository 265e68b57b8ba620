/**
 * Mentor notifications as the server runs them: the outbox worker with webhook delivery (and,
 * as configured, mail), set up from the environment. main.ts starts it; tests start their own.
 *
 *   WEBHOOK_URL, WEBHOOK_SECRET   one webhook endpoint (id "env"); more through /v1/webhooks
 *   WEBHOOK_TIMEOUT_MS            give up on a receiver after this long (default 15000)
 *   OUTBOX_POLL_MS                how often each process looks for due deliveries (default 1000)
 *   OUTBOX_LEASE_SECONDS          how long a claimed delivery stays with one process (default 60)
 */
import type { Database } from './db.js';
import { syncEnvEndpoint } from './webhooks/endpoints.js';
import { webhookDelivery } from './webhooks/delivery.js';
import { startOutboxWorker, type OutboxWorker, type WorkerOptions } from './webhooks/worker.js';

export interface NotificationSettings {
  webhookUrl?: string;
  webhookSecret?: string;
  webhookTimeoutMs?: number;
  pollMs?: number;
  leaseSeconds?: number;
  retrySchedule?: readonly number[];
  log?: (message: string) => void;
}

export function notificationSettingsFromEnv(env: NodeJS.ProcessEnv): NotificationSettings {
  const num = (name: string) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, not "${raw}".`);
    return n;
  };
  return {
    webhookUrl: env.WEBHOOK_URL || undefined,
    webhookSecret: env.WEBHOOK_SECRET || undefined,
    webhookTimeoutMs: num('WEBHOOK_TIMEOUT_MS'),
    pollMs: num('OUTBOX_POLL_MS'),
    leaseSeconds: num('OUTBOX_LEASE_SECONDS'),
  };
}

export interface Notifications {
  worker: OutboxWorker;
  kick(): void;
  stop(options?: { abandon?: boolean }): Promise<void>;
}

export async function startNotifications(db: Database, settings: NotificationSettings, extra: Partial<WorkerOptions> = {}): Promise<Notifications> {
  await syncEnvEndpoint(db, settings.webhookUrl, settings.webhookSecret);
  const worker = startOutboxWorker({
    db,
    pollMs: settings.pollMs,
    leaseSeconds: settings.leaseSeconds,
    retrySchedule: settings.retrySchedule,
    log: settings.log,
    ...extra,
    handlers: { webhook: webhookDelivery({ db, timeoutMs: settings.webhookTimeoutMs }), ...extra.handlers },
  });
  return { worker, kick: () => worker.kick(), stop: (o) => worker.stop(o) };
}
