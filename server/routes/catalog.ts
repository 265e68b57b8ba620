/** GET/PUT /v1/catalog. */
import { Catalog } from '../../src/sdk/schemas.js';
import { parse, readJson, type App, type Deps } from '../http.js';
import { HttpProblem } from '../problem.js';

export function catalogRoutes(app: App, { catalog }: Deps): void {
  app.get('/v1/catalog', async (c) => c.json(await catalog.get()));
  app.put('/v1/catalog', async (c) => {
    if (!c.get('caller').admin) throw new HttpProblem(403, 'Only an admin may replace the catalog.');
    const next = parse(Catalog, await readJson(c), 'catalog');
    return c.json(await catalog.replace(next));
  });
}
