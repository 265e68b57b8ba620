/**
 * Admin API for webhooks and the outbox: /v1/webhooks (create, list, delete, rotate the secret,
 * recent deliveries) and /v1/outbox/jobs (every delivery, mail included; dead letters with
 * ?status=dead), and sending a dead or failed delivery again.
 */
import * as z from 'zod/mini';
import type { Queryable } from '../db.js';
import { limitParam, requireAdmin } from '../http-helpers.js';
import { parse, readJson, type App, type Deps } from '../http.js';
import { HttpProblem } from '../problem.js';
import { ENV_ENDPOINT_ID, isWebhookUrl } from './endpoints.js';
import { EVENT_TYPES } from './outbox.js';
import { newWebhookSecret } from './signing.js';

const EndpointInput = z.object({
  url: z.string().check(z.maxLength(2000), z.refine(isWebhookUrl, 'must be an http(s) URL without credentials')),
  eventTypes: z._default(z.array(z.enum(EVENT_TYPES)).check(z.maxLength(EVENT_TYPES.length)), []),
  description: z._default(z.string().check(z.maxLength(500)), ''),
});

const JOB_STATUSES = ['pending', 'delivered', 'dead', 'skipped'] as const;

interface EndpointRow {
  id: string;
  url: string;
  event_types: string[];
  description: string;
  created_at: Date;
  previous_secret_until: Date | null;
}

const endpointJson = (r: EndpointRow) => ({
  id: r.id,
  url: r.url,
  eventTypes: r.event_types,
  description: r.description,
  createdAt: r.created_at,
  ...(r.previous_secret_until && r.previous_secret_until > new Date() ? { previousSecretValidUntil: r.previous_secret_until } : {}),
});

async function listJobs(db: Queryable, filter: { channel?: string; target?: string; status?: string }, limit: number) {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT j.id, j.event_id, e.type, j.channel, j.target, j.status, j.attempts, j.next_attempt_at, j.last_attempt_at, j.last_status, j.last_error, j.delivered_at, j.created_at
       FROM outbox_jobs j JOIN outbox_events e ON e.id = j.event_id
      WHERE ($1::text IS NULL OR j.channel = $1) AND ($2::text IS NULL OR j.target = $2) AND ($3::text IS NULL OR j.status = $3)
      ORDER BY j.id DESC LIMIT $4`,
    [filter.channel ?? null, filter.target ?? null, filter.status ?? null, limit],
  );
  return rows.map((r) => ({
    id: String(r.id),
    eventId: r.event_id,
    type: r.type,
    channel: r.channel,
    target: r.target,
    status: r.status,
    attempts: r.attempts,
    ...(r.status === 'pending' ? { nextAttemptAt: r.next_attempt_at } : {}),
    lastAttemptAt: r.last_attempt_at,
    lastStatus: r.last_status,
    lastError: r.last_error,
    deliveredAt: r.delivered_at,
    createdAt: r.created_at,
  }));
}

function statusParam(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!(JOB_STATUSES as readonly string[]).includes(raw)) throw new HttpProblem(400, `Invalid status: one of ${JOB_STATUSES.join(', ')}.`);
  return raw;
}

export function webhookRoutes(app: App, { db, kickOutbox }: Deps): void {
  app.use('/v1/webhooks/*', async (c, next) => (requireAdmin(c, 'manage webhooks'), next()));
  app.use('/v1/webhooks', async (c, next) => (requireAdmin(c, 'manage webhooks'), next()));
  app.use('/v1/outbox/*', async (c, next) => (requireAdmin(c, 'read the outbox'), next()));

  const endpoint = async (id: string) => {
    const [row] = await db.query<EndpointRow>('SELECT id, url, event_types, description, created_at, previous_secret_until FROM webhook_endpoints WHERE id = $1', [id]);
    if (!row) throw new HttpProblem(404, `No webhook endpoint with id "${id}".`);
    return row;
  };

  app.get('/v1/webhooks', async (c) => {
    const rows = await db.query<EndpointRow>('SELECT id, url, event_types, description, created_at, previous_secret_until FROM webhook_endpoints ORDER BY created_at, id');
    return c.json({ items: rows.map(endpointJson) });
  });

  app.post('/v1/webhooks', async (c) => {
    const input = parse(EndpointInput, await readJson(c), 'webhook endpoint');
    const id = 'wh_' + crypto.randomUUID().replace(/-/g, '').slice(0, 20);
    const secret = newWebhookSecret();
    const [row] = await db.query<EndpointRow>(
      'INSERT INTO webhook_endpoints (id, url, secret, event_types, description) VALUES ($1, $2, $3, $4, $5) RETURNING id, url, event_types, description, created_at, previous_secret_until',
      [id, input.url, secret, input.eventTypes, input.description],
    );
    return c.json({ ...endpointJson(row!), secret }, 201, { Location: `/v1/webhooks/${id}` });
  });

  app.get('/v1/webhooks/:id', async (c) => c.json(endpointJson(await endpoint(c.req.param('id')))));

  app.delete('/v1/webhooks/:id', async (c) => {
    const id = c.req.param('id');
    if (id === ENV_ENDPOINT_ID) throw new HttpProblem(409, 'This endpoint comes from WEBHOOK_URL; unset that to remove it.');
    await endpoint(id);
    await db.query('DELETE FROM webhook_endpoints WHERE id = $1', [id]);
    return c.body(null, 204);
  });

  /** A new secret; the old one keeps signing alongside it for 24 hours. */
  app.post('/v1/webhooks/:id/rotate-secret', async (c) => {
    const id = c.req.param('id');
    if (id === ENV_ENDPOINT_ID) throw new HttpProblem(409, 'This endpoint\'s secret comes from WEBHOOK_SECRET; change it there.');
    await endpoint(id);
    const secret = newWebhookSecret();
    const [row] = await db.query<EndpointRow>(
      `UPDATE webhook_endpoints SET previous_secret = secret, previous_secret_until = now() + interval '24 hours', secret = $2 WHERE id = $1
       RETURNING id, url, event_types, description, created_at, previous_secret_until`,
      [id, secret],
    );
    return c.json({ ...endpointJson(row!), secret });
  });

  app.get('/v1/webhooks/:id/deliveries', async (c) => {
    const id = c.req.param('id');
    await endpoint(id);
    const items = await listJobs(db, { channel: 'webhook', target: id, status: statusParam(c.req.query('status')) }, limitParam(c.req.query('limit'), 50, 500));
    return c.json({ items });
  });

  app.get('/v1/outbox/jobs', async (c) => {
    const channel = c.req.query('channel');
    if (channel !== undefined && channel !== 'webhook' && channel !== 'mail') throw new HttpProblem(400, 'Invalid channel: webhook or mail.');
    const items = await listJobs(db, { channel, status: statusParam(c.req.query('status')) }, limitParam(c.req.query('limit'), 50, 500));
    return c.json({ items });
  });

  /** Sends a dead (or skipped) delivery again, from a fresh retry schedule. */
  app.post('/v1/outbox/jobs/:id/retry', async (c) => {
    const id = c.req.param('id');
    if (!/^\d{1,18}$/.test(id)) throw new HttpProblem(404, `No delivery with id "${id}".`);
    const rows = await db.query(`UPDATE outbox_jobs SET status = 'pending', attempts = 0, next_attempt_at = now() WHERE id = $1 AND status <> 'delivered' RETURNING id`, [id]);
    if (!rows.length) throw new HttpProblem(409, `Delivery ${id} does not exist or was already delivered.`);
    kickOutbox?.();
    return c.json({ id, status: 'pending' }, 202);
  });
}
