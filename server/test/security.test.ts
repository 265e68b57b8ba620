/**
 * Secure by default (issue 15): the production-config refusal (spawning `npm run server` for
 * real), token expiry, security headers, no-store, the OpenAPI URL, rate limits with 429 +
 * Retry-After, idempotency records without secrets, and logs without personal data.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { sign } from 'hono/jwt';
import { readConfig, ConfigError } from '../config.js';
import { createLogger } from '../log.js';
import { apiFor, bookingBody, expectProblem, SECRET, slotAt, startServer, type TestServer } from './harness.js';

/** Runs `npm run server` with `env`; resolves with its exit code and output once it exits (or is killed after it starts). */
function runServer(env: Record<string, string | undefined>): Promise<{ code: number | null; out: string }> {
  const childEnv: Record<string, string | undefined> = { ...process.env, PORT: '0', PGLITE_DIR: 'memory://', ...env };
  for (const [k, v] of Object.entries(childEnv)) if (v === undefined) delete childEnv[k];
  const child = spawn('npm', ['run', 'server'], { env: childEnv as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const collect = (chunk: Buffer) => {
    out += chunk;
    if (out.includes('MK_SERVER_URL=')) child.kill('SIGTERM');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

describe('refuses an insecure production configuration', () => {
  test('NODE_ENV=production without AUTH_SECRET: npm run server exits 1 and says how to make a secret', async () => {
    const { code, out } = await runServer({ NODE_ENV: 'production', HOST: '127.0.0.1', AUTH_SECRET: undefined, DATABASE_URL: undefined });
    assert.equal(code, 1, out);
    assert.match(out, /Refusing to start: NODE_ENV=production/);
    assert.match(out, /randomBytes\(32\)/);
    assert.doesNotMatch(out, /MK_SERVER_URL=/);
  });

  test('a 1-byte AUTH_SECRET is refused even on loopback', async () => {
    const { code, out } = await runServer({ AUTH_SECRET: 'x', HOST: '127.0.0.1', DATABASE_URL: undefined });
    assert.equal(code, 1, out);
    assert.match(out, /AUTH_SECRET is 1 bytes; it must be at least 32/);
  });

  test('every interface without AUTH_SECRET is refused; dev mode only on loopback', () => {
    assert.throws(() => readConfig({ HOST: '0.0.0.0' }), (e) => e instanceof ConfigError && /HOST=0\.0\.0\.0 is not a loopback address/.test(e.message));
    assert.throws(() => readConfig({ HOST: '::', AUTH_SECRET: 'short' }), ConfigError);
    assert.equal(readConfig({ HOST: '127.0.0.1' }).dev, true);
    const strong = 'a'.repeat(32);
    assert.equal(readConfig({ HOST: '0.0.0.0', AUTH_SECRET: strong }).dev, false);
    assert.equal(readConfig({ NODE_ENV: 'production', AUTH_SECRET: strong }).dev, false);
    assert.deepEqual(readConfig({}).rateLimits.bookings, { limit: 30, windowMs: 600_000 });
    assert.deepEqual(readConfig({ RATE_LIMIT_BOOKINGS: '5/1s' }).rateLimits.bookings, { limit: 5, windowMs: 1000 });
    assert.equal(readConfig({ RATE_LIMITS: 'off' }).rateLimits.mentee.limit, 0);
    assert.throws(() => readConfig({ RATE_LIMIT_MENTEE: 'lots' }), ConfigError);
  });
});

describe('HTTP hygiene', () => {
  let server: TestServer;
  let api: ReturnType<typeof apiFor>;
  const lines: Record<string, unknown>[] = [];
  before(async () => {
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => lines.push(...chunk.toString().trim().split('\n').map((l) => JSON.parse(l))));
    server = await startServer({ logger: createLogger('info', sink), publicUrl: 'https://api.example.com' });
    api = apiFor(server);
  });
  after(() => server.close());

  test('a token without exp, or living longer than 30 days, is refused', async () => {
    const now = Math.floor(Date.now() / 1000);
    const noExp = await sign({ sub: 'forever', iat: now }, SECRET, 'HS256');
    const tooLong = await sign({ sub: 'forever', iat: now, exp: now + 365 * 86400 }, SECRET, 'HS256');
    const fine = await sign({ sub: 'fine', iat: now, exp: now + 3600 }, SECRET, 'HS256');
    const a = await expectProblem(await api('/sessions', { token: noExp }), 401, 'unauthorized');
    assert.match(a.detail, /exp/);
    await expectProblem(await api('/sessions', { token: tooLong }), 401, 'unauthorized');
    assert.equal((await api('/sessions', { token: fine })).status, 200);
  });

  test('security headers on every response; no-store on anything personal', async () => {
    const booked = await api('/bookings', { method: 'POST', json: bookingBody(slotAt(10, 10)) });
    assert.equal(booked.status, 201);
    assert.equal(typeof (await booked.json()).cancelToken, 'string');
    assert.equal(booked.headers.get('cache-control'), 'no-store');
    for (const response of [booked, await api('/catalog'), await api('/no/such/route'), await api('/sessions', { token: await server.token('h') })]) {
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      assert.ok(response.headers.get('strict-transport-security'));
      assert.ok(response.headers.get('cache-control'));
    }
    assert.equal((await api('/sessions', { token: await server.token('h') })).headers.get('cache-control'), 'no-store');
  });

  test('the OpenAPI server URL comes from PUBLIC_URL, never from the Host header', async () => {
    const doc = await (await api('/openapi.json', { headers: { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' } })).json();
    assert.deepEqual(doc.servers.map((s: { url: string }) => s.url), ['https://api.example.com/v1']);
  });

  test('problem+json carries the request id, which finds the log line; the log has no personal data', async () => {
    const response = await api('/bookings', { method: 'POST', headers: { 'X-Request-Id': 'find-me-123' }, json: bookingBody(slotAt(10, 10), { name: 'Grace Hopper', email: 'grace@example.org' }) });
    const body = await expectProblem(response, 409, 'conflict');
    assert.equal(body.requestId, 'find-me-123');
    assert.equal(response.headers.get('x-request-id'), 'find-me-123');
    const line = lines.find((l) => l.reqId === 'find-me-123');
    assert.ok(line, 'no log line with the request id');
    assert.equal(line.route, '/v1/bookings');
    assert.equal(line.status, 409);
    assert.equal(typeof line.ms, 'number');
    const all = JSON.stringify(lines);
    assert.doesNotMatch(all, /Grace Hopper|grace@example\.org|ada@example\.org/);
  });

  test('idempotency records hold no cancel token and no key, and expire after 24 hours', async () => {
    const headers = { 'Idempotency-Key': 'secret-free-1' };
    const first = await (await api('/bookings', { method: 'POST', headers, json: bookingBody(slotAt(11, 10)) })).json();
    const rows = await server.db.query<Record<string, unknown>>('SELECT * FROM idempotency_keys');
    const stored = JSON.stringify(rows);
    assert.ok(rows.length >= 1);
    assert.ok(!stored.includes(first.cancelToken), 'the cancel token is stored in plain text');
    assert.ok(!stored.includes('secret-free-1'), 'the key is stored in plain text');
    const [booking] = await server.db.query<{ cancel_token_hash: string }>('SELECT cancel_token_hash FROM bookings WHERE id = $1', [first.id]);
    assert.notEqual(booking!.cancel_token_hash, first.cancelToken);
    // A replay still gives the same working token.
    const again = await (await api('/bookings', { method: 'POST', headers, json: bookingBody(slotAt(11, 10)) })).json();
    assert.equal(again.cancelToken, first.cancelToken);
    assert.equal((await api(`/bookings/${first.id}`, { headers: { 'Cancel-Token': again.cancelToken } })).status, 200);
    // After 24 hours the key is forgotten: the same request is a new booking attempt (here: taken).
    await server.db.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours'`);
    await expectProblem(await api('/bookings', { method: 'POST', headers, json: bookingBody(slotAt(11, 10)) }), 409, 'conflict');
  });
});

describe('rate limits', () => {
  let server: TestServer;
  let api: ReturnType<typeof apiFor>;
  before(async () => {
    server = await startServer({
      rateLimits: { bookings: { limit: 3, windowMs: 60_000 }, cancelToken: { limit: 2, windowMs: 60_000 }, mentee: { limit: 5, windowMs: 60_000 } },
      trustProxy: true,
    });
    api = apiFor(server);
  });
  after(() => server.close());

  test('one anonymous client cannot book every slot: 429 with Retry-After after the limit; another client still books', async () => {
    const client = { 'X-Forwarded-For': '203.0.113.7' };
    const statuses = [];
    for (let h = 0; h < 6; h++) statuses.push((await api('/bookings', { method: 'POST', headers: client, json: bookingBody(slotAt(12, h * 2)) })).status);
    assert.deepEqual(statuses, [201, 201, 201, 429, 429, 429]);
    const limited = await api('/bookings', { method: 'POST', headers: client, json: bookingBody(slotAt(12, 20)) });
    await expectProblem(limited.clone(), 429, 'network');
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    assert.equal((await api('/bookings', { method: 'POST', headers: { 'X-Forwarded-For': '198.51.100.2' }, json: bookingBody(slotAt(12, 22)) })).status, 201);
  });

  test('cancel-token attempts are limited per client', async () => {
    const client = { 'X-Forwarded-For': '203.0.113.8' };
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await api('/bookings/b-guess/cancel', { method: 'POST', headers: { ...client, 'Cancel-Token': `guess-${i}` } })).status);
    assert.deepEqual(statuses, [404, 404, 429, 429]);
  });

  test('a mentee is limited per token, not per address', async () => {
    const alice = await server.token('limited-alice');
    const bob = await server.token('limited-bob');
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await api('/sessions', { token: alice })).status);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
    assert.equal((await api('/sessions', { token: bob })).status, 200);
  });
});
