/**
 * The storage floor: the same 1,000 writes (one awaited at a time) and one read of all of them,
 * through (a) raw idb-keyval, (b) the local backend (idb-keyval + key prefixes + the schema
 * version check), (c) the SDK client on the local backend (adds validation, ids and change
 * events). Each iteration uses fresh databases; the databases are opened before timing starts.
 * Iterations interleave the three so drift hits them alike; the harness drops the first.
 */
import { createStore, get, set, values } from 'idb-keyval';
import { localBackend } from '../../src/sdk/backends/local.js';
import { createClient } from '../../src/sdk/client.js';
import type { Session } from '../../src/sdk/schemas.js';
import { makeSessions, params, run } from './common.js';

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

run(async () => {
  const runs = Number(params.get('runs') ?? 6);
  const n = Number(params.get('n') ?? 1000);
  const sessions = makeSessions(n) as Session[];
  const inputs = sessions.map(({ start, minutes, activity, mentor, notes, tags }) => ({ start, minutes, activity, mentor, notes, tags }));
  const out = { raw: { open: [] as number[], put: [] as number[], getAll: [] as number[] }, local: { open: [] as number[], put: [] as number[], getAll: [] as number[] }, client: { put: [] as number[], getAll: [] as number[] }, counts: [] as number[][] };

  for (let r = 0; r < runs; r++) {
    const tag = `${r}-${Math.random().toString(36).slice(2, 8)}`;

    const store = createStore(`bench-raw-${tag}`, 'records');
    out.raw.open.push(await time(() => get('warm', store)));
    out.raw.put.push(await time(async () => {
      for (const s of sessions) await set(`session:${s.id}`, s, store);
    }));
    let rawCount = 0;
    out.raw.getAll.push(await time(async () => (rawCount = (await values(store)).length)));

    const backend = localBackend({ namespace: `bench-local-${tag}` });
    out.local.open.push(await time(() => backend.getPlan()));
    out.local.put.push(await time(async () => {
      for (const s of sessions) await backend.putSession(s);
    }));
    let localCount = 0;
    out.local.getAll.push(await time(async () => (localCount = (await backend.listSessions()).length)));

    const client = createClient({ backend: localBackend({ namespace: `bench-client-${tag}` }) });
    await client.plan.get();
    out.client.put.push(await time(async () => {
      for (const input of inputs) await client.sessions.add(input);
    }));
    let clientCount = 0;
    out.client.getAll.push(await time(async () => (clientCount = (await client.sessions.list()).length)));
    client.close();
    out.counts.push([rawCount, localCount, clientCount]);
  }
  return out;
});
