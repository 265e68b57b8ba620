import type { Catalog } from '../schemas.js';

/**
 * The built-in demo catalog, loaded on demand: a page whose catalog comes from `catalog-src`, a
 * backend or the caller never downloads it.
 */
export const demoCatalog = (): Promise<Catalog> => import('./demo-catalog.js').then((m) => m.DEMO_CATALOG);
