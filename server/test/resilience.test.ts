/**
 * Survive the database (issue 15): the PGlite folder lock, ready vs alive, SIGTERM draining,
 * 503 + Retry-After while PostgreSQL is unreachable and recovery by itself — through a TCP proxy
 * that drops every connection (any PostgreSQL). Stopping the real cluster is pg-restart.test.ts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openDatabase } from '../db.js';
import { apiFor, bookingBody, expectProblem, isolatedDatabaseUrl, MENTOR, SESSION_TYPE, slotAt, startServer, TEST_CATALOG } from './harness.js';
import { eventually, spawnServer } from './spawn.js';

const PG = process.env.DATABASE_URL;
const slotsPath = () => `/mentors/${MENTOR}/slots?sessionType=${SESSION_TYPE}&from=${slotAt(1, 0)}&to=${slotAt(20, 0)}`;

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

describe('PGlite: one process per folder', () => {
  const dir = temp('mk-lock-');
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a second process on the same PGLITE_DIR refuses to start with a clear message; the folder frees on exit', async () => {
    const first = await spawnServer({ PGLITE_DIR: dir, DATABASE_URL: undefined, AUTH_SECRET: undefined });
    const second = await spawnServer({ PGLITE_DIR: dir, DATABASE_URL: undefined, AUTH_SECRET: undefined }).then(
      () => assert.fail('the second server started on the same folder'),
      (error: { code: number; out: string }) => error,
    );
    assert.equal(second.code, 1);
    assert.match(second.out, /in use by another server process \(pid \d+\)/);
    assert.equal(await first.stop(), 0);
    const third = await spawnServer({ PGLITE_DIR: dir, DATABASE_URL: undefined, AUTH_SECRET: undefined });
    assert.equal(await third.stop(), 0);
  });

  test('a lock left by a process that died (kill -9) is taken over', async () => {
    writeFileSync(join(dir, 'mentorship-kit.lock'), '999999999');
    const server = await spawnServer({ PGLITE_DIR: dir, DATABASE_URL: undefined, AUTH_SECRET: undefined });
    assert.equal(await server.stop(), 0);
  });
});

describe('health and shutdown', () => {
  test('/health/live is alive; /health/ready checks the database', async () => {
    const server = await startServer();
    const base = server.url.replace(/\/v1$/, '');
    assert.equal((await fetch(`${base}/health/live`)).status, 200);
    const ready = await fetch(`${base}/health/ready`);
    assert.equal(ready.status, 200);
    assert.equal((await ready.json()).ok, true);
    await server.db.close();
    const down = await fetch(`${base}/health/ready`);
    assert.equal(down.status, 503);
    assert.equal((await fetch(`${base}/health/live`)).status, 200);
    await server.close().catch(() => {});
  });

  test('SIGTERM under load: every request already sent is answered (no 5xx, no reset), then the process exits 0', async () => {
    const dir = temp('mk-drain-');
    const server = await spawnServer({ PGLITE_DIR: dir, DATABASE_URL: undefined, AUTH_SECRET: undefined, RATE_LIMITS: 'off' });
    try {
      assert.equal((await apiFor(server)(slotsPath())).status, 200);
      // node:http tells when a request has been handed to the OS in full ('finish'); only then is
      // it the server's to answer. Slot queries are slow enough to still be running at SIGTERM.
      const sent: Promise<void>[] = [];
      const answers = Array.from({ length: 30 }, (_, i) => {
        const booking = i % 3 === 0;
        const body = booking ? JSON.stringify(bookingBody(slotAt(2, i))) : undefined;
        return new Promise<number>((resolve, reject) => {
          const req = request(server.url + (booking ? '/bookings' : slotsPath()), {
            method: booking ? 'POST' : 'GET',
            agent: false,
            headers: booking ? { 'Content-Type': 'application/json' } : {},
          });
          sent.push(new Promise((done) => req.once('finish', done)));
          req.once('response', (res) => {
            res.resume();
            res.once('end', () => resolve(res.statusCode!));
          });
          req.once('error', reject);
          req.end(body);
        });
      });
      const settled = Promise.allSettled(answers);
      await Promise.all(sent);
      const code = await server.stop('SIGTERM');
      const results = await settled;
      const failures = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
      const statuses = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      assert.deepEqual(failures, [], 'a request sent before SIGTERM was dropped');
      assert.ok(statuses.every((s) => s === 200 || s === 201), `while draining: ${statuses}`);
      assert.equal(code, 0, server.output());
      assert.match(server.output(), /"msg":"draining"/);
    } finally {
      await server.stop('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A TCP proxy in front of PostgreSQL that can drop every connection and refuse new ones. */
async function pgProxy(target: URL) {
  const sockets = new Set<Socket>();
  let cut = false;
  const proxy = createServer((client) => {
    if (cut) return client.destroy();
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const port = (proxy.address() as { port: number }).port;
  return {
    port,
    cut() {
      cut = true;
      for (const s of sockets) s.destroy();
    },
    resume() {
      cut = false;
    },
    close: () => new Promise<void>((resolve) => (this_cut(), proxy.close(() => resolve()))),
  };
  function this_cut() {
    for (const s of sockets) s.destroy();
  }
}

describe('PostgreSQL drops every connection', { skip: PG ? false : 'needs DATABASE_URL (a throw-away PostgreSQL)' }, () => {
  test('the process stays up, answers 503 problem+json with Retry-After, and recovers by itself', async () => {
    const isolated = await isolatedDatabaseUrl();
    const proxy = await pgProxy(new URL(PG!));
    const viaProxy = new URL(isolated.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const server = await startServer({ db: await openDatabase({ url: viaProxy.href }), catalog: TEST_CATALOG });
    const api = apiFor(server);
    try {
      assert.equal((await api('/bookings', { method: 'POST', json: bookingBody(slotAt(2, 1)) })).status, 201);
      proxy.cut();
      for (const request of [() => api(slotsPath()), () => api('/bookings', { method: 'POST', json: bookingBody(slotAt(2, 4)) }), () => api('/sessions', { token: 'x' })]) {
        const response = await request();
        if (response.status === 401) continue; // decided before any query
        await new Promise((r) => setTimeout(r, 300)); // past the catalog's cached quarter second
        const problem = await expectProblem(response.status === 503 ? response : await request(), 503, 'network');
        assert.equal(typeof problem.requestId, 'string');
      }
      const down = await api(slotsPath());
      assert.equal(down.status, 503);
      assert.ok(Number(down.headers.get('retry-after')) > 0);
      proxy.resume();
      assert.ok(await eventually(async () => (await api(slotsPath())).status === 200), 'did not recover');
      assert.equal((await api('/bookings', { method: 'POST', json: bookingBody(slotAt(2, 7)) })).status, 201);
    } finally {
      await server.close().catch(() => {});
      await proxy.close();
      await isolated.drop();
    }
  });
});
