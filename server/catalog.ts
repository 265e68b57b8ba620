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

export interface DatabaseCatalogOptions {
  /** Written at start: `force` replaces what is stored (a CATALOG file, the tests), else only fills an empty table. */
  initial?: Catalog;
  force?: boolean;
  /** How stale a read may be: the revision is checked at most this often (default 250 ms). */
  maxAgeMs?: number;
  now?: () => number;
}

/**
 * The catalog lives in the database with a revision that every admin change bumps, so any
 * number of server processes agree on it. Reads use this process's copy and check the revision
 * at most every `maxAgeMs` (one tiny query, shared by concurrent requests), so a change made
 * through another process is seen within that time; writes pass their transaction and check it
 * there, so a booking is always judged by the catalog that is current when it commits.
 */
export function databaseCatalog(db: Queryable, options: DatabaseCatalogOptions = {}): CatalogSource & { ready(): Promise<void>; revision(): number } {
  const maxAge = options.maxAgeMs ?? 250;
  const clock = options.now ?? Date.now;
  let cached: { doc: Catalog; revision: number } | null = null;
  let checkedAt = -Infinity;
  let checking: Promise<Catalog> | null = null;

  const seed = async () => {
    const initial = JSON.stringify(options.initial ?? DEMO_CATALOG);
    await (options.force
      ? db.query(
          `INSERT INTO catalog (id, doc, revision, updated_at) VALUES (1, $1, 1, now())
           ON CONFLICT (id) DO UPDATE SET doc = $1, revision = catalog.revision + 1, updated_at = now() WHERE catalog.doc <> $1::jsonb`,
          [initial],
        )
      : db.query('INSERT INTO catalog (id, doc, revision) VALUES (1, $1, 1) ON CONFLICT (id) DO NOTHING', [initial]));
  };
  let seeded: Promise<void> | null = null;
  const ready = () => (seeded ??= seed().catch((error) => {
    seeded = null;
    throw error;
  }));

  /** The stored catalog if its revision differs from ours. */
  const refresh = async (q: Queryable): Promise<Catalog> => {
    await ready();
    const [head] = await q.query<{ revision: string | number }>('SELECT revision FROM catalog WHERE id = 1');
    const revision = Number(head?.revision ?? 0);
    if (!cached || cached.revision !== revision) {
      const [row] = await q.query<{ doc: unknown; revision: string | number }>('SELECT doc, revision FROM catalog WHERE id = 1');
      const parsed = row ? z.safeParse(Catalog, row.doc) : null;
      // A stored catalog that no longer validates (older schema) falls back to the demo, never crashes.
      cached = { doc: parsed?.success ? parsed.data : (options.initial ?? DEMO_CATALOG), revision: Number(row?.revision ?? 0) };
    }
    return cached.doc;
  };

  return {
    ready,
    revision: () => cached?.revision ?? 0,
    async get(q?: Queryable) {
      if (q) return refresh(q);
      if (cached && clock() - checkedAt < maxAge) return cached.doc;
      checking ??= refresh(db).then(
        (doc) => {
          checkedAt = clock();
          checking = null;
          return doc;
        },
        (error: unknown) => {
          checking = null;
          throw error;
        },
      );
      return checking;
    },
    async replace(next: Catalog) {
      await ready();
      const [row] = await db.query<{ revision: string | number }>(
        'UPDATE catalog SET doc = $1, revision = revision + 1, updated_at = now() WHERE id = 1 RETURNING revision',
        [JSON.stringify(next)],
      );
      cached = { doc: next, revision: Number(row!.revision) };
      checkedAt = clock();
      return next;
    },
  };
}

/** A catalog kept in one process's memory (tests); replacing it also stores it. Servers use databaseCatalog. */
export function memoryCatalog(db: Queryable, initial: Catalog = DEMO_CATALOG): CatalogSource {
  let current = initial;
  return {
    get: async () => current,
    async replace(next) {
      await db.query(
        'INSERT INTO catalog (id, doc, updated_at) VALUES (1, $1, now()) ON CONFLICT (id) DO UPDATE SET doc = $1, revision = catalog.revision + 1, updated_at = now()',
        [JSON.stringify(next)],
      );
      current = next;
      return current;
    },
  };
}
