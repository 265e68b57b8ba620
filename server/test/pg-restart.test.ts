/**
 * The PostgreSQL cluster itself stops and starts while a server process runs (issue 15): 503
 * problem+json with Retry-After while it is down, the same process serving again once it is back.
 * It needs DATABASE_URL and MK_PG_CTL, a command taking `stop` or `start` for that cluster. Run it
 * on its own (.ci/run does): stopping the cluster would fail any other test using it meanwhile.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, test } from 'node:test';
import { apiFor, bookingBody, expectProblem, isolatedDatabaseUrl, MENTOR, SESSION_TYPE, slotAt } from './harness.js';
import { eventually, spawnServer } from './spawn.js';

const PG = process.env.DATABASE_URL;
const PG_CTL = process.env.MK_PG_CTL;
const slotsPath = () => `/mentors/${MENTOR}/slots?sessionType=${SESSION_TYPE}&from=${slotAt(1, 0)}&to=${slotAt(20, 0)}`;

const run = promisify(execFile);

describe('the PostgreSQL cluster stops and starts while a server process runs', { skip: PG && PG_CTL ? false : 'needs DATABASE_URL and MK_PG_CTL (a command taking stop|start; .ci/run sets both)' }, () => {
  test('503 while it is down, the same process serves again once it is back', async () => {
    const isolated = await isolatedDatabaseUrl();
    const server = await spawnServer({ DATABASE_URL: isolated.url, AUTH_SECRET: 'x'.repeat(40), RATE_LIMITS: 'off' });
    const api = apiFor(server);
    try {
      assert.equal((await api('/bookings', { method: 'POST', json: bookingBody(slotAt(3, 1)) })).status, 201);
      await run(PG_CTL!, ['stop']);
      try {
        assert.ok(await eventually(async () => (await api(slotsPath())).status === 503), 'never answered 503');
        const down = await api('/bookings', { method: 'POST', json: bookingBody(slotAt(3, 4)) });
        await expectProblem(down.clone(), 503, 'network');
        assert.ok(Number(down.headers.get('retry-after')) > 0);
        assert.equal(server.child.exitCode, null, 'the server process died');
      } finally {
        await run(PG_CTL!, ['start']);
      }
      assert.ok(await eventually(async () => (await api(slotsPath())).status === 200, 200), 'did not recover');
      assert.equal((await api('/bookings', { method: 'POST', json: bookingBody(slotAt(3, 4)) })).status, 201);
      assert.equal(server.child.exitCode, null);
    } finally {
      assert.equal(await server.stop(), 0, server.output());
      await isolated.drop();
    }
  });
});
