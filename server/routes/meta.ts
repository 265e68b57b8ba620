/** /health, the OpenAPI document and, in dev mode only, mentee tokens. */
import { buildOpenApi } from '../../src/sdk/openapi.js';
import { issueToken } from '../auth.js';
import type { App, Deps } from '../http.js';
import { HttpProblem } from '../problem.js';

export function metaRoutes(app: App, { db, secret, dev }: Deps): void {
  app.get('/health', (c) => c.json({ ok: true, database: db.kind }));

  let openapi: unknown;
  app.get('/v1/openapi.json', (c) => c.json((openapi ??= buildOpenApi({ serverUrl: new URL('/v1', c.req.url).href }))));

  if (dev) {
    /** Dev mode only: a mentee token for the demo and the browser tests. */
    app.get('/v1/dev/token', async (c) => {
      const sub = c.req.query('sub') || 'dev-mentee';
      if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(sub)) throw new HttpProblem(400, 'Invalid sub.');
      return c.json({ sub, token: await issueToken(secret, sub) });
    });
  }
}
