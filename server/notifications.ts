/**
 * Mentor notifications as the server runs them, set up from the environment: the outbox worker
 * delivering webhooks and mail, the busy-calendar fetcher, and the calendar feed's options.
 * main.ts starts it; the tests start their own (test/notify-harness.ts).
 *
 *   WEBHOOK_URL, WEBHOOK_SECRET   one webhook endpoint (id "env"); more through /v1/webhooks
 *   WEBHOOK_TIMEOUT_MS            give up on a receiver after this long (default 15000)
 *   OUTBOX_POLL_MS                how often each process looks for due deliveries (default 1000)
 *   OUTBOX_LEASE_SECONDS          how long a claimed delivery stays with one process (default 60)
 *   SMTP_URL, MAIL_FROM           send mail (smtp://user:pass@host:587, smtps://…); none without
 *   REMINDER_MINUTES              reminder mail this long before a session (default 1440; 0 = none)
 *   FEED_INCLUDE_EMAIL            "true": the mentor's calendar feed shows visitors' emails
 *   PUBLIC_URL                    the server's public origin for feed links (default: the request's)
 *   BUSY_CALENDAR_REFRESH_MINUTES how often each mentor's busyCalendarUrl is fetched (default 15)
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from './db.js';
import type { CatalogSource } from './http.js';
import { busyCalendars, type BusyCalendars } from './calendar/busy.js';
import type { FeedOptions } from './calendar/feed.js';
import { mailDelivery } from './mail/delivery.js';
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
  smtpUrl?: string;
  mailFrom?: string;
  reminderMinutes?: number;
  feedIncludeEmail?: boolean;
  publicUrl?: string;
  busyRefreshMinutes?: number;
  /** How often the busy-calendar fetcher looks for due feeds (ms; 0 = only on refresh()). */
  busyPollMs?: number;
  /** Dev mode: log the mail that is not sent. */
  dev?: boolean;
  log?: (message: string) => void;
}

export class NotificationConfigError extends Error {}

export function notificationSettingsFromEnv(env: NodeJS.ProcessEnv): NotificationSettings {
  const num = (name: string) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new NotificationConfigError(`${name} must be a non-negative number, not "${raw}".`);
    return n;
  };
  if (env.SMTP_URL && !env.MAIL_FROM) throw new NotificationConfigError('SMTP_URL needs MAIL_FROM (the From address, e.g. "Mentorship <mentors@example.org>").');
  return {
    webhookUrl: env.WEBHOOK_URL || undefined,
    webhookSecret: env.WEBHOOK_SECRET || undefined,
    webhookTimeoutMs: num('WEBHOOK_TIMEOUT_MS'),
    pollMs: num('OUTBOX_POLL_MS'),
    leaseSeconds: num('OUTBOX_LEASE_SECONDS'),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || undefined,
    reminderMinutes: num('REMINDER_MINUTES'),
    feedIncludeEmail: env.FEED_INCLUDE_EMAIL === 'true',
    publicUrl: env.PUBLIC_URL || undefined,
    busyRefreshMinutes: num('BUSY_CALENDAR_REFRESH_MINUTES'),
    dev: !env.AUTH_SECRET,
  };
}

export interface Notifications {
  worker: OutboxWorker;
  busy: BusyCalendars;
  feed: FeedOptions;
  mailTransport: Transporter | null;
  kick(): void;
  stop(options?: { abandon?: boolean }): Promise<void>;
}

export async function startNotifications(
  db: Database,
  catalog: CatalogSource,
  settings: NotificationSettings,
  extra: Partial<WorkerOptions> = {},
): Promise<Notifications> {
  await syncEnvEndpoint(db, settings.webhookUrl, settings.webhookSecret);
  const mailTransport = settings.smtpUrl ? nodemailer.createTransport(settings.smtpUrl) : null;
  if (!mailTransport && settings.dev) (settings.log ?? console.log)('Mail: no SMTP_URL, so no mail is sent; each one is logged here instead.');
  const worker = startOutboxWorker({
    db,
    pollMs: settings.pollMs,
    leaseSeconds: settings.leaseSeconds,
    retrySchedule: settings.retrySchedule,
    reminderLeadMinutes: settings.reminderMinutes,
    log: settings.log,
    ...extra,
    handlers: {
      webhook: webhookDelivery({ db, timeoutMs: settings.webhookTimeoutMs }),
      mail: mailDelivery({ db, catalog, transport: mailTransport, from: settings.mailFrom, reminderMinutes: settings.reminderMinutes, dev: settings.dev, log: settings.log }),
      ...extra.handlers,
    },
  });
  const busy = busyCalendars(db, catalog, { refreshMinutes: settings.busyRefreshMinutes, pollMs: settings.busyPollMs, log: settings.log });
  return {
    worker,
    busy,
    feed: { includeEmail: settings.feedIncludeEmail, publicUrl: settings.publicUrl },
    mailTransport,
    kick: () => worker.kick(),
    async stop(o) {
      busy.stop();
      await worker.stop(o);
      mailTransport?.close();
    },
  };
}
