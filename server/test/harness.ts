/**
 * Starts the reference server on a free port over real HTTP for the Node tests: PGlite in memory,
 * or the PostgreSQL at DATABASE_URL (its tables are emptied first — use a throw-away database).
 */
import assert from 'node:assert/strict';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from '../app.js';
import { issueToken } from '../auth.js';
import { openDatabase, type Database } from '../db.js';
import { createLogger } from '../log.js';
import type { Catalog } from '../../src/sdk/schemas.js';

export const SECRET = 'test-secret-not-for-production-use'; // ≥ 32 bytes, as the server requires
export const MENTOR = 'test-mentor';
export const SESSION_TYPE = 'hour';

/** One mentor free every hour of every day in UTC, no notice, no cap, 15 minutes' buffer after. */
export const TEST_CATALOG: Catalog = {
  version: 1,
  programs: [],
  commitmentModels: [],
  sessionTypes: [{ id: SESSION_TYPE, name: 'One hour', minutes: 60, frequency: 'weekly' }],
  mentors: [
    {
      id: MENTOR,
      name: 'Test Mentor',
      title: '',
      bio: '',
      timeZone: 'UTC',
      sessionTypeIds: [SESSION_TYPE],
      weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' })),
      overrides: [],
      rules: { slotIntervalMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 15, minimumNoticeMinutes: 0, horizonDays: 60 },
    },
  ],
};

export interface TestServer {
  url: string;
  /** The server's database (a test that passes its own `db` closes it too, with close()). */
  db: Database;
  token(sub: string, role?: 'admin' | 'mentor'): Promise<string>;
  close(): Promise<void>;
}

let schemas = 0;

/**
 * A fresh schema of their own on the PostgreSQL at DATABASE_URL, so test files running in
 * parallel never see each other's rows: the URL (search_path set) and a function that drops it.
 */
export async function isolatedDatabaseUrl(base = process.env.DATABASE_URL!): Promise<{ url: string; drop(): Promise<void> }> {
  const { default: pg } = await import('pg');
  const schema = `mk_test_${process.pid}_${++schemas}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema},public`);
  return {
    url: url.href,
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

export async function startServer(overrides: Partial<AppOptions> = {}): Promise<TestServer> {
  const isolated = process.env.DATABASE_URL && !overrides.db ? await isolatedDatabaseUrl() : null;
  const db = overrides.db ?? (await openDatabase(isolated ? { url: isolated.url } : { dataDir: 'memory://' }));
  // Rate limits off unless a test asks for them: these suites book hundreds of times from one address.
  const off = { limit: 0, windowMs: 60_000 };
  const app = createApp({ db, catalog: TEST_CATALOG, secret: SECRET, maxBodyBytes: 16 * 1024, rateLimits: { bookings: off, cancelToken: off, mentee: off }, logger: createLogger(process.env.MK_TEST_LOG || 'silent'), ...overrides });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    db,
    token: (sub, role) => issueToken(SECRET, sub, role ? { role } : {}),
    async close() {
      (server as import('node:http').Server).closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
      await isolated?.drop();
    },
  };
}

/** The start of the UTC hour `hours` after midnight, `days` days from today. */
export function slotAt(days: number, hours: number): string {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  return new Date(d.getTime() + (days * 24 + hours) * 3_600_000).toISOString();
}

export function bookingBody(start: string, extra: Record<string, unknown> = {}) {
  return {
    mentorId: MENTOR,
    sessionTypeId: SESSION_TYPE,
    start,
    timeZone: 'Europe/Berlin',
    name: 'Ada Lovelace',
    email: 'ada@example.org',
    careerLevel: 'senior',
    goals: 'Staff engineer',
    message: '',
    ...extra,
  };
}

export type ApiInit = RequestInit & { token?: string; json?: unknown };

/** fetch() against a test server's /v1, with a bearer token and a JSON body made easy. */
export function apiFor(server: { url: string }) {
  return (path: string, init: ApiInit = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
    if (init.json !== undefined) headers.set('Content-Type', 'application/json');
    return fetch(server.url + path, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  };
}

/** Asserts a problem+json answer with this status and SDK error code; returns its body. */
export async function expectProblem(response: Response, status: number, code: string) {
  assert.equal(response.status, status, `expected ${status}, got ${response.status}`);
  assert.equal(response.headers.get('content-type'), 'application/problem+json');
  const body = await response.json();
  assert.equal(body.status, status);
  assert.equal(body.code, code);
  assert.equal(typeof body.title, 'string');
  assert.equal(typeof body.detail, 'string');
  assert.match(body.type, /^https:\/\/mentorship-kit\.dev\/problems\//);
  return body;
}
