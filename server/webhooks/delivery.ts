/** Delivers one outbox job to one webhook endpoint: a signed POST, 2xx = delivered. */
import type { Queryable } from '../db.js';
import { webhookHeaders } from './signing.js';
import type { Deliver } from './worker.js';

export interface WebhookDeliveryOptions {
  db: Queryable;
  /** Give up on a receiver after this long (default 15 s; the worker's lease must be longer). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function webhookDelivery(options: WebhookDeliveryOptions): Deliver {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;
  return async (job) => {
    const [endpoint] = await options.db.query<{ url: string; secrets: string[] }>(
      `SELECT url, CASE WHEN previous_secret IS NOT NULL AND previous_secret_until > now() THEN ARRAY[secret, previous_secret] ELSE ARRAY[secret] END AS secrets
         FROM webhook_endpoints WHERE id = $1`,
      [job.target],
    );
    if (!endpoint) return { outcome: 'skipped', reason: 'the endpoint was deleted' };
    const body = JSON.stringify(job.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    let response: Response;
    try {
      response = await doFetch(endpoint.url, {
        method: 'POST',
        headers: { ...webhookHeaders(endpoint.secrets, job.eventId, timestamp, body), 'user-agent': 'mentorship-kit-webhooks/1' },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } };
      return { outcome: 'failed', error: e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : `${e.message}${e.cause?.code ? ` (${e.cause.code})` : ''}` };
    }
    const text = await response.text().catch(() => '');
    if (response.status >= 200 && response.status < 300) return { outcome: 'delivered', status: response.status };
    return { outcome: 'failed', status: response.status, error: `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}` };
  };
}
