/** Webhook endpoints: the one from WEBHOOK_URL/WEBHOOK_SECRET (id "env") and the admin's. */
import type { Queryable } from '../db.js';
import { isWebhookSecret } from './signing.js';

export const ENV_ENDPOINT_ID = 'env';

export class WebhookConfigError extends Error {}

/** Makes the "env" endpoint match the environment: created or updated, or removed when unset. */
export async function syncEnvEndpoint(db: Queryable, url: string | undefined, secret: string | undefined): Promise<void> {
  if (!url) {
    await db.query('DELETE FROM webhook_endpoints WHERE id = $1', [ENV_ENDPOINT_ID]);
    return;
  }
  if (!isWebhookUrl(url)) throw new WebhookConfigError(`WEBHOOK_URL must be an http(s) URL, not "${url}".`);
  if (!secret || !isWebhookSecret(secret)) throw new WebhookConfigError('WEBHOOK_URL needs WEBHOOK_SECRET: "whsec_" followed by base64 of 16–64 random bytes (e.g. whsec_$(openssl rand -base64 24)).');
  await db.query(
    `INSERT INTO webhook_endpoints (id, url, secret, description) VALUES ($1, $2, $3, 'from WEBHOOK_URL')
     ON CONFLICT (id) DO UPDATE SET url = $2, secret = $3, previous_secret = NULL, previous_secret_until = NULL`,
    [ENV_ENDPOINT_ID, url, secret],
  );
}

export function isWebhookUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
  } catch {
    return false;
  }
}
