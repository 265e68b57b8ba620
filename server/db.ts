/**
 * One small database interface over PGlite (embedded, the default) and PostgreSQL (`pg`, when
 * DATABASE_URL is set). The same SQL and the same migrations run on both.
 */
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; rolls back when it throws. */
  transaction<R>(fn: (tx: Queryable) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… — a real PostgreSQL server. Without it, PGlite. */
  url?: string;
  /** PGlite's data folder; `memory://` keeps it in memory. */
  dataDir?: string;
  /** Most connections this process opens to PostgreSQL (default 10). */
  poolSize?: number;
  /** Told about connection errors the pool recovers from by itself (never with query parameters). */
  onPoolError?: (error: Error) => void;
}

/** PostgreSQL cannot be reached now (down, restarting, failing over): answer 503 and retry later. */
export class DatabaseUnavailable extends Error {
  constructor(cause: unknown) {
    super(`The database is unreachable: ${(cause as Error)?.message ?? cause}`, { cause });
  }
}

/** A second process on the same PGlite folder (which would corrupt it). */
export class DatabaseLocked extends Error {}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);
const CONNECTION_MESSAGES = /Connection terminated|connection error|timeout exceeded when trying to connect|not queryable|Client was closed|the database system is (?:starting up|shutting down)/i;

/** True for errors that mean "no database right now" rather than "this query is wrong". */
export function isConnectionError(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  return !!e && ((e.code !== undefined && CONNECTION_CODES.has(e.code)) || CONNECTION_MESSAGES.test(e.message ?? ''));
}

const unavailable = (error: unknown) => (isConnectionError(error) ? new DatabaseUnavailable(error) : error);

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const db = options.url ? await openPostgres(options) : await openPglite(options.dataDir ?? '.data/pglite');
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  return db;
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
  let unlock = () => {};
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockFolder(dataDir);
  }
  const pg = await PGlite.create(dataDir, { extensions: { btree_gist } }).catch((error: unknown) => {
    unlock();
    throw error;
  });
  const wrap = (q: { query: typeof pg.query }): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      return (await q.query<T>(sql, params)).rows;
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    // PGlite has one connection; its transaction() holds it exclusively until done.
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close().finally(unlock),
  };
}

/**
 * PGlite is one process's database: a second process on the same folder would corrupt it. A lock
 * file holds the owner's pid; a lock left by a process that died (kill -9) is taken over.
 */
function lockFolder(dataDir: string): () => void {
  const path = join(dataDir, 'mentorship-kit.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) unlinkSync(path);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8'));
      if (owner && owner !== process.pid && processAlive(owner)) {
        throw new DatabaseLocked(
          `The PGlite folder ${dataDir} is in use by another server process (pid ${owner}). PGlite serves one process only: ` +
            'stop that process, give this one its own PGLITE_DIR, or run several processes on one PostgreSQL with DATABASE_URL.',
        );
      }
      unlinkSync(path); // left behind by a process that is gone
    }
  }
  throw new DatabaseLocked(`Could not lock the PGlite folder ${dataDir}.`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PostgreSQL through a `pg` pool that survives its server: an idle connection the server drops is
 * an 'error' event the pool handles (without a handler the process would exit), a query while
 * the server is unreachable throws DatabaseUnavailable, and new connections are made on demand
 * once it is back.
 */
async function openPostgres(options: DatabaseOptions): Promise<Database> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, connectionTimeoutMillis: 3000, idleTimeoutMillis: 30_000 });
  pool.on('error', (error) => options.onPoolError?.(error));
  const connect = async () => {
    try {
      return await pool.connect();
    } catch (error) {
      throw unavailable(error);
    }
  };
  return {
    kind: 'postgres',
    async query<T>(sql: string, params: unknown[] = []) {
      try {
        return (await pool.query(sql, params)).rows as T[];
      } catch (error) {
        throw unavailable(error);
      }
    },
    async transaction(fn) {
      const client = await connect();
      let broken: unknown;
      try {
        await client.query('BEGIN');
        const result = await fn({ query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[] });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        if (isConnectionError(error)) broken = error;
        else await client.query('ROLLBACK').catch((e: unknown) => (broken = e));
        throw unavailable(error);
      } finally {
        // A connection that failed is destroyed, not handed to the next request.
        client.release(broken instanceof Error ? broken : broken ? true : undefined);
      }
    },
    close: () => pool.end(),
  };
}

/** Applies every server/migrations/NNN_*.sql not applied yet, each in its own transaction. */
export async function migrate(db: Database): Promise<string[]> {
  // CREATE TABLE IF NOT EXISTS is not safe against a second process running it at the same moment
  // (both pass the check, one fails on pg_type's unique index): the same lock as below serialises it.
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(727001)');
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  });
  const done = new Set((await db.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
  const applied: string[] = [];
  for (const name of readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql')).sort()) {
    if (done.has(name)) continue;
    const sql = readFileSync(join(MIGRATIONS, name), 'utf8');
    await db.transaction(async (tx) => {
      // Two servers starting at once against one PostgreSQL: one applies, the other waits.
      await tx.query('SELECT pg_advisory_xact_lock(727001)');
      const again = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name]);
      if (again.length) return;
      for (const statement of splitSql(sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
    });
    applied.push(name);
  }
  return applied;
}

/** Splits a migration into statements (no semicolons inside strings or bodies in our SQL). */
function splitSql(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}
