/** GET/PUT /v1/catalog. The catalog's revision is its ETag; a stale If-Match on PUT is a 412. */
import { Catalog } from '../../src/sdk/schemas.js';
import { etag, ifMatch, parse, readJson, type App, type Deps } from '../http.js';
import { HttpProblem } from '../problem.js';

export function catalogRoutes(app: App, { catalog }: Deps): void {
  const headers = () => ({ 'Cache-Control': 'no-cache', ...(catalog.revision ? { ETag: etag(catalog.revision()) } : {}) });
  app.get('/v1/catalog', async (c) => {
    const doc = await catalog.get();
    return c.json(doc, 200, headers());
  });
  app.put('/v1/catalog', async (c) => {
    if (!c.get('caller').admin) throw new HttpProblem(403, 'Only an admin may replace the catalog.');
    const next = parse(Catalog, await readJson(c), 'catalog');
    const want = ifMatch(c);
    if (want !== undefined && want !== '*' && catalog.revision) {
      await catalog.get();
      if (want !== catalog.revision()) throw new HttpProblem(412, 'The catalog was changed elsewhere. Reload it, then apply your change again.', undefined, { headers: headers() });
    }
    const stored = await catalog.replace(next);
    return c.json(stored, 200, headers());
  });
}
