/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): the headers `webhook-id`,
 * `webhook-timestamp` (Unix seconds) and `webhook-signature`, which is `v1,` + the base64
 * HMAC-SHA256 of `{id}.{timestamp}.{body}` keyed with the bytes of a `whsec_<base64>` secret.
 * Several signatures are separated by spaces (while a rotated secret is still honoured).
 */
import { createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';

export function newWebhookSecret(): string {
  return PREFIX + randomBytes(24).toString('base64');
}

/** True for `whsec_` followed by base64 of 16 to 64 bytes. */
export function isWebhookSecret(secret: string): boolean {
  if (!secret.startsWith(PREFIX)) return false;
  const key = secret.slice(PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(key)) return false;
  const bytes = Buffer.from(key, 'base64').length;
  return bytes >= 16 && bytes <= 64;
}

export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice(PREFIX.length), 'base64');
  return 'v1,' + createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
}

export function webhookHeaders(secrets: readonly string[], id: string, timestamp: number, body: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((s) => sign(s, id, timestamp, body)).join(' '),
  };
}
