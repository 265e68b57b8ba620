import { expect } from '@open-wc/testing';
import { createStore, setMany } from 'idb-keyval';
import { localBackend } from '../../src/sdk/backends/local.js';
import { memoryBackend } from '../../src/sdk/backends/memory.js';
import { createClient, type ChangeEvent } from '../../src/sdk/client.js';
import type { Session } from '../../src/sdk/schemas.js';
import { freshNamespace } from '../helpers.js';

const STAMP = '2026-01-05T09:00:00.000Z';
const session = (i: number): Session => ({
  id: `imp-${String(i).padStart(5, '0')}`,
  start: new Date(Date.parse(STAMP) - i * 3_600_000).toISOString(),
  minutes: 60,
  activity: 'one-on-one',
  mentor: '',
  notes: `n${i}`,
  tags: [],
  source: 'manual',
  createdAt: STAMP,
  updatedAt: STAMP,
});

describe('sessions.import: one transaction, one event', () => {
  it('imports 10,000 sessions into IndexedDB with one change event, and a second run adds nothing', async function () {
    this.timeout(90_000); // a shared, loaded test machine; the bench times it
    const client = createClient({ backend: localBackend({ namespace: freshNamespace('import-10k') }) });
    const events: ChangeEvent[] = [];
    client.on('change', (e) => events.push(e));
    const records = Array.from({ length: 10_000 }, (_, i) => session(i));
    const summary = await client.sessions.import(records);
    expect([summary.imported, summary.alreadyThere, summary.invalid.length]).to.deep.equal([10_000, 0, 0]);
    expect(events.map((e) => [e.resource, e.kind])).to.deep.equal([['import', 'added']]);
    expect(events[0]!.resource === 'import' && events[0]!.sessions.length).to.equal(10_000);
    expect(await client.sessions.list()).to.have.length(10_000);

    const again = await client.sessions.import(records);
    expect([again.imported, again.alreadyThere]).to.deep.equal([0, 10_000]);
    expect(events).to.have.length(1);
    client.close();
  });

  it('skips ids already stored (also ones another tab wrote meanwhile) and repeats within the file, and names invalid records', async () => {
    const namespace = freshNamespace('import-mix');
    // Written straight into the store, as another tab would have.
    await setMany([[`session:${session(1).id}`, session(1)]], createStore(`mentorship-kit:${namespace}`, 'records'));
    const client = createClient({ backend: localBackend({ namespace }) });
    const summary = await client.sessions.import([session(0), session(1), session(0), { ...session(2), minutes: 7 }, session(3)]);
    expect([summary.imported, summary.alreadyThere]).to.deep.equal([2, 2]);
    expect(summary.invalid.map((i) => i.index)).to.deep.equal([3]);
    expect(summary.invalid[0]!.message).to.contain('session 4');
    expect((await client.sessions.list()).map((s) => s.id)).to.deep.equal([session(0).id, session(1).id, session(3).id]);
    client.close();
  });

  it('writes all valid records or none: a failing transaction stores nothing', async () => {
    const namespace = freshNamespace('import-atomic');
    const client = createClient({ backend: localBackend({ namespace }) });
    // A value IndexedDB cannot store (a function) makes the 5th put throw inside the one transaction.
    const poisoned = [session(0), session(1), session(2), session(3), { ...session(4), notes: 'x' }];
    const backend = client.backend;
    const original = backend.importSessions!;
    backend.importSessions = (sessions) => original(sessions.map((s, i) => (i === 4 ? ({ ...s, bad: () => 0 } as unknown as Session) : s)));
    let error: unknown;
    await client.sessions.import(poisoned).catch((e) => (error = e));
    expect((error as { code?: string })?.code).to.equal('storage');
    expect(await client.sessions.list()).to.deep.equal([]);
    client.close();
  });

  it('memory backend: the same summary and one event', async () => {
    const client = createClient({ backend: memoryBackend() });
    let count = 0;
    client.on('change', () => count++);
    const summary = await client.sessions.import([session(0), session(1)]);
    expect(summary.imported).to.equal(2);
    expect(count).to.equal(1);
  });
});
