/**
 * The server's settings from the environment, checked before anything starts. Secure by
 * default: outside loopback, or with NODE_ENV=production, a strong AUTH_SECRET is required, and
 * dev tokens exist only on loopback in development.
 */
export class ConfigError extends Error {}

export interface RateLimit {
  /** Requests allowed per window; 0 turns this limit off. */
  limit: number;
  windowMs: number;
}

export interface ServerConfig {
  port: number;
  host: string;
  production: boolean;
  /** No AUTH_SECRET, on loopback, not production: a throw-away secret and /v1/dev/token. */
  dev: boolean;
  secret: string | undefined;
  publicUrl: string | undefined;
  databaseUrl: string | undefined;
  pgliteDir: string;
  catalogFile: string | undefined;
  corsOrigins: string[] | '*' | undefined;
  maxBodyBytes: number | undefined;
  /** Longest token lifetime accepted (exp − iat), in seconds. */
  maxTokenSeconds: number;
  rateLimits: { bookings: RateLimit; cancelToken: RateLimit; mentee: RateLimit };
  /** Use the first X-Forwarded-For address as the client (behind a load balancer you trust). */
  trustProxy: boolean;
  /** How long SIGTERM waits for requests in flight before closing anyway. */
  drainMs: number;
  logLevel: string;
}

export const MIN_SECRET_BYTES = 32;
const MAKE_SECRET = `node -e "console.log(require('node:crypto').randomBytes(32).toString('base64url'))"`;

export const DEFAULT_RATE_LIMITS = {
  /** Anonymous bookings (and reschedules) per client address. */
  bookings: '30/10m',
  /** Requests carrying a Cancel-Token per client address. */
  cancelToken: '60/10m',
  /** Requests per mentee token. */
  mentee: '1200/1m',
} as const;

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** "30/10m" → 30 per 10 minutes; "off" or "0" → no limit. */
export function parseRateLimit(text: string, name: string): RateLimit {
  const value = text.trim();
  if (value === 'off' || value === '0') return { limit: 0, windowMs: 60_000 };
  const match = /^(\d+)\s*\/\s*(\d*)\s*(ms|s|m|h)$/.exec(value);
  if (!match) throw new ConfigError(`${name}="${text}" is not a rate limit: write <requests>/<window>, e.g. 30/10m, 5/1s, 1000/1h, or off.`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[3] as 'ms' | 's' | 'm' | 'h'];
  return { limit: Number(match[1]), windowMs: Number(match[2] || 1) * unit };
}

function positiveInt(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name}="${text}" must be a whole number.`);
  return n;
}

export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const host = env.HOST || '127.0.0.1';
  const port = positiveInt(env.PORT, 'PORT', 8787);
  const production = env.NODE_ENV === 'production';
  const secret = env.AUTH_SECRET || undefined;
  const exposed = !isLoopback(host);

  if (secret !== undefined && Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
    throw new ConfigError(
      `AUTH_SECRET is ${Buffer.byteLength(secret)} bytes; it must be at least ${MIN_SECRET_BYTES} random bytes.\nMake one with:\n  ${MAKE_SECRET}`,
    );
  }
  if (!secret && (production || exposed)) {
    const why = production ? 'NODE_ENV=production' : `HOST=${host} is not a loopback address`;
    throw new ConfigError(
      `Refusing to start: ${why}, so AUTH_SECRET must be set (at least ${MIN_SECRET_BYTES} random bytes; tokens are signed with it).\n` +
        `Make one with:\n  ${MAKE_SECRET}\nthen start with AUTH_SECRET=<that value>. (Without AUTH_SECRET the server runs only on 127.0.0.1 in development, with dev tokens.)`,
    );
  }
  const publicUrl = env.PUBLIC_URL?.trim() || undefined;
  if (publicUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(publicUrl);
    } catch {
      throw new ConfigError(`PUBLIC_URL="${publicUrl}" is not a URL (e.g. https://api.example.com).`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`PUBLIC_URL must be an http(s) URL.`);
  }
  const off = env.RATE_LIMITS?.trim() === 'off';
  const limit = (name: string, fallback: string) => (off ? parseRateLimit('off', name) : parseRateLimit(env[name] || fallback, name));
  return {
    host,
    port,
    production,
    dev: !secret,
    secret,
    publicUrl,
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteDir: env.PGLITE_DIR || '.data/pglite',
    catalogFile: env.CATALOG || undefined,
    corsOrigins: !env.CORS_ORIGINS ? undefined : env.CORS_ORIGINS.trim() === '*' ? '*' : env.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    maxBodyBytes: env.MAX_BODY_BYTES ? positiveInt(env.MAX_BODY_BYTES, 'MAX_BODY_BYTES', 65536) : undefined,
    maxTokenSeconds: positiveInt(env.TOKEN_MAX_DAYS, 'TOKEN_MAX_DAYS', 30) * 86400,
    rateLimits: {
      bookings: limit('RATE_LIMIT_BOOKINGS', DEFAULT_RATE_LIMITS.bookings),
      cancelToken: limit('RATE_LIMIT_CANCEL_TOKEN', DEFAULT_RATE_LIMITS.cancelToken),
      mentee: limit('RATE_LIMIT_MENTEE', DEFAULT_RATE_LIMITS.mentee),
    },
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    drainMs: positiveInt(env.DRAIN_MS, 'DRAIN_MS', 10_000),
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'silent' : 'info'),
  };
}
