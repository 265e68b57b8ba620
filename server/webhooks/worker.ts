/**
 * Delivers the outbox: claims due jobs with `FOR UPDATE SKIP LOCKED` (so any number of server
 * processes on one PostgreSQL deliver each job once), pushes each claimed job's next attempt one
 * lease ahead before delivering (so a process killed mid-delivery only delays it: the job is due
 * again when the lease ends), then records delivered, a retry after a backoff, or dead.
 * At-least-once: a receiver dedupes on the stable `webhook-id`.
 */
import type { Database } from '../db.js';
import type { EventPayload } from './outbox.js';

/**
 * Seconds to wait before each retry (the Standard Webhooks schedule): 5 s, 5 min, 30 min, 2 h,
 * 5 h, 10 h, 10 h — the first retry within seconds, the last about 27.6 h after the event. A job
 * that fails all eight attempts is dead (the admin sees it and can send it again).
 */
export const DEFAULT_RETRY_SCHEDULE = [5, 300, 1800, 7200, 18000, 36000, 36000];

export interface ClaimedJob {
  id: string;
  eventId: string;
  channel: 'webhook' | 'mail';
  target: string;
  attempts: number;
  payload: EventPayload;
}

export type DeliveryResult = { outcome: 'delivered'; status?: number } | { outcome: 'failed'; status?: number; error: string } | { outcome: 'skipped'; reason: string };

export type Deliver = (job: ClaimedJob) => Promise<DeliveryResult>;

export interface WorkerOptions {
  db: Database;
  handlers: Partial<Record<ClaimedJob['channel'], Deliver>>;
  retrySchedule?: readonly number[];
  /** How long a claimed job stays with its worker before another may take it (default 60 s). */
  leaseSeconds?: number;
  /** How often to look for due jobs (default 1000 ms); `kick()` looks at once. */
  pollMs?: number;
  batchSize?: number;
  /** Reminder jobs are due this long before the session starts (default 1440; 0 = at the start, then skipped). */
  reminderLeadMinutes?: number;
  log?: (message: string) => void;
}

export interface OutboxWorker {
  /** Look for due jobs now (after a commit that enqueued some). */
  kick(): void;
  /** One claim-and-deliver round; resolves with the number of jobs handled. */
  runOnce(): Promise<number>;
  /** Stops polling and waits for deliveries in flight; with `abandon`, drops their results (a crash). */
  stop(options?: { abandon?: boolean }): Promise<void>;
}

export function startOutboxWorker(options: WorkerOptions): OutboxWorker {
  const { db, handlers } = options;
  const schedule = options.retrySchedule ?? DEFAULT_RETRY_SCHEDULE;
  const lease = options.leaseSeconds ?? 60;
  const pollMs = options.pollMs ?? 1000;
  const batch = options.batchSize ?? 10;
  const lead = options.reminderLeadMinutes ?? 1440;
  const log = options.log ?? ((m: string) => console.error(m));
  let stopped = false;
  let abandoned = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<number> | null = null;
  let again = false;

  const claim = () =>
    db.query<{ id: string; event_id: string; channel: ClaimedJob['channel']; target: string; attempts: number; payload: EventPayload }>(
      `UPDATE outbox_jobs j
          SET attempts = j.attempts + 1, last_attempt_at = now(), next_attempt_at = now() + make_interval(secs => $1::double precision)
         FROM outbox_events e
        WHERE e.id = j.event_id AND j.id IN (
          SELECT id FROM outbox_jobs
           WHERE status = 'pending'
             AND next_attempt_at <= now() + CASE WHEN target LIKE 'reminder:%' AND attempts = 0 THEN make_interval(mins => $2::int) ELSE interval '0' END
           ORDER BY next_attempt_at, id
           LIMIT $3
           FOR UPDATE SKIP LOCKED)
      RETURNING j.id, j.event_id, j.channel, j.target, j.attempts, e.payload`,
      [lease, lead, batch],
    );

  const record = async (job: ClaimedJob, result: DeliveryResult) => {
    if (abandoned) return;
    if (result.outcome === 'delivered') {
      await db.query(`UPDATE outbox_jobs SET status = 'delivered', delivered_at = now(), last_status = $2, last_error = NULL WHERE id = $1`, [job.id, result.status ?? null]);
    } else if (result.outcome === 'skipped') {
      await db.query(`UPDATE outbox_jobs SET status = 'skipped', last_error = $2 WHERE id = $1`, [job.id, result.reason]);
    } else {
      const dead = job.attempts > schedule.length;
      const delay = schedule[Math.min(job.attempts - 1, schedule.length - 1)] ?? 0;
      await db.query(
        `UPDATE outbox_jobs SET status = $2, next_attempt_at = now() + make_interval(secs => $3::double precision), last_status = $4, last_error = $5 WHERE id = $1`,
        [job.id, dead ? 'dead' : 'pending', delay, result.status ?? null, result.error.slice(0, 500)],
      );
      if (dead) log(`outbox: ${job.channel} ${job.target} for ${job.eventId} is dead after ${job.attempts} attempts: ${result.error}`);
    }
  };

  const deliverOne = async (job: ClaimedJob) => {
    const handler = handlers[job.channel];
    let result: DeliveryResult;
    try {
      result = handler ? await handler(job) : { outcome: 'skipped', reason: `no ${job.channel} delivery configured` };
    } catch (error) {
      result = { outcome: 'failed', error: (error as Error).message || String(error) };
    }
    await record(job, result);
  };

  const round = async (): Promise<number> => {
    const rows = await claim();
    const jobs: ClaimedJob[] = rows.map((r) => ({ id: String(r.id), eventId: r.event_id, channel: r.channel, target: r.target, attempts: r.attempts, payload: r.payload }));
    await Promise.all(jobs.map(deliverOne));
    return jobs.length;
  };

  const runOnce = async (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      try {
        do {
          again = false;
          const n = await round();
          total += n;
          if (n === batch) again = true;
        } while (again && !stopped);
      } catch (error) {
        if (!stopped) log(`outbox: ${(error as Error).message}`);
      } finally {
        running = null;
      }
      return total;
    })();
    return running;
  };

  const schedulePoll = () => {
    if (stopped) return;
    timer = setTimeout(() => void runOnce().finally(schedulePoll), pollMs);
    timer.unref?.();
  };
  schedulePoll();

  return {
    kick: () => {
      if (!stopped) void runOnce();
    },
    runOnce,
    async stop({ abandon = false } = {}) {
      stopped = true;
      abandoned = abandon;
      clearTimeout(timer);
      if (!abandon) await running;
    },
  };
}
