/** The catalog the server serves: a CATALOG JSON file, else the last admin upload, else the demo. */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { DEMO_CATALOG } from '../src/sdk/catalog/demo-catalog.js';
import { Catalog } from '../src/sdk/schemas.js';
import type { Queryable } from './db.js';
import type { CatalogSource } from './http.js';
import { zodIssues } from './problem.js';

export class CatalogFileError extends Error {}

export function readCatalogFile(path: string): Catalog {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CatalogFileError(`CATALOG ${path}: cannot read JSON (${(error as Error).message})`);
  }
  const result = z.safeParse(Catalog, json);
  if (!result.success) {
    const lines = zodIssues(result.error).map((i) => `  ${i.path}: ${i.message}`);
    throw new CatalogFileError(`CATALOG ${path} is not a valid catalog:\n${lines.join('\n')}`);
  }
  return result.data;
}

export async function loadCatalog(db: Queryable, file?: string): Promise<Catalog> {
  if (file) return readCatalogFile(file);
  const [row] = await db.query<{ doc: unknown }>('SELECT doc FROM catalog WHERE id = 1');
  if (row) {
    const stored = z.safeParse(Catalog, row.doc);
    if (stored.success) return stored.data;
  }
  return DEMO_CATALOG;
}

/** The catalog kept in this process's memory; replacing it also stores it. */
export function memoryCatalog(db: Queryable, initial: Catalog = DEMO_CATALOG): CatalogSource {
  let current = initial;
  return {
    get: async () => current,
    async replace(next) {
      await db.query('INSERT INTO catalog (id, doc, updated_at) VALUES (1, $1, now()) ON CONFLICT (id) DO UPDATE SET doc = $1, updated_at = now()', [JSON.stringify(next)]);
      current = next;
      return current;
    },
  };
}
