import { expect } from '@open-wc/testing';
import { lazyBackend } from '../../src/sdk/backends/lazy.js';
import { memoryBackend } from '../../src/sdk/backends/memory.js';
import { createClient } from '../../src/sdk/client.js';

describe('lazyBackend (a backend whose code loads on first use)', () => {
  it('loads once on first use, reports a failed load, and loads on the next call', async () => {
    let loads = 0;
    const inner = memoryBackend({ now: () => '2026-03-02T00:00:00.000Z' });
    const backend = lazyBackend('memory', undefined, async () => {
      loads++;
      if (loads === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return inner;
    });
    const client = createClient({ backend });
    const failed = await client.programs.list().catch((error: Error) => error);
    expect(failed).to.be.instanceOf(Error);
    const programs = await client.programs.list();
    expect(programs.map((p) => p.id)).to.include('technical-leadership');
    const session = await client.sessions.add({ start: '2026-03-02T09:00:00.000Z', minutes: 60, activity: 'one-on-one' });
    expect((await client.sessions.update(session.id, { minutes: 90 })).minutes).to.equal(90); // through getSession
    expect(await client.sync.pending()).to.deep.equal([]);
    expect(loads).to.equal(2);
    client.close();
  });
});
