/** /health (ready and alive), the OpenAPI document and, in dev mode only, mentee (and mentor) tokens. */
import { buildOpenApi } from '../../src/sdk/openapi.js';
import { issueToken } from '../auth.js';
import type { App, Ctx, Deps } from '../http.js';
import { HttpProblem } from '../problem.js';

/** The OpenAPI server URL: PUBLIC_URL (with /v1), else relative to wherever the document is served. */
export function openApiServerUrl(publicUrl: string | undefined): string {
  if (!publicUrl) return '/v1';
  const base = publicUrl.replace(/\/+$/, '');
  return base.endsWith('/v1') ? base : `${base}/v1`;
}

export function metaRoutes(app: App, { db, secret, dev, publicUrl, draining }: Deps): void {
  /** Alive: the process answers. A supervisor restarts it only when this fails. */
  app.get('/health/live', (c) => c.json({ ok: true }, 200, { 'Cache-Control': 'no-store' }));

  /** Ready: the database answers and the process is not draining. A load balancer routes by this. */
  const ready = async () => {
    if (draining()) return { ok: false, database: db.kind, reason: 'draining' };
    try {
      await db.query('SELECT 1');
      return { ok: true, database: db.kind };
    } catch {
      return { ok: false, database: db.kind, reason: 'database unreachable' };
    }
  };
  const readiness = async (c: Ctx) => {
    const state = await ready();
    return c.json(state, state.ok ? 200 : 503, { 'Cache-Control': 'no-store', ...(state.ok ? {} : { 'Retry-After': '2' }) });
  };
  app.get('/health/ready', readiness);
  app.get('/health', readiness);

  const openapi = buildOpenApi({ serverUrl: openApiServerUrl(publicUrl) });
  app.get('/v1/openapi.json', (c) => c.json(openapi, 200, { 'Cache-Control': 'no-cache' }));

  if (dev) {
    /** Dev mode only (loopback, no AUTH_SECRET): a mentee token for the demo and the browser tests. */
    app.get('/v1/dev/token', async (c) => {
      const sub = c.req.query('sub') || 'dev-mentee';
      if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(sub)) throw new HttpProblem(400, 'Invalid sub.');
      // role=mentor: a mentor's token (sub = the mentor's catalog id), to try the mentor role in dev.
      const role = c.req.query('role') === 'mentor' ? 'mentor' : undefined;
      return c.json({ sub, token: await issueToken(secret, sub, { days: 1, ...(role ? { role } : {}) }) });
    });
  }
}
