import { expect } from '@open-wc/testing';
import { localBackend } from '../../src/sdk/backends/local.js';
import { memoryBackend } from '../../src/sdk/backends/memory.js';
import { createClient } from '../../src/sdk/client.js';
import { MentorshipError } from '../../src/sdk/errors.js';
import { freshNamespace, localClient, nextChange } from '../helpers.js';

const session = { start: '2026-03-02T09:00:00.000Z', minutes: 60, activity: 'one-on-one', notes: 'first' };

describe('localBackend', () => {
  it('serves the built-in demo catalog with no configuration', async () => {
    const client = localClient();
    const programs = await client.programs.list();
    expect(programs.find((p) => p.id === 'three-tier-community')?.title).to.equal('Three-tier Community Mentorship');
    client.close();
  });

  it('keeps data for a new client on the same namespace (a reload)', async () => {
    const namespace = freshNamespace();
    const first = localClient(namespace);
    const added = await first.sessions.add(session);
    await first.plan.update({ roleId: 'mentee', weeklyHours: 5.5 });
    first.close();

    const second = localClient(namespace);
    const sessions = await second.sessions.list();
    expect(sessions.map((s) => s.id)).to.deep.equal([added.id]);
    expect(sessions[0]!.notes).to.equal('first');
    expect((await second.plan.get())?.weeklyHours).to.equal(5.5);
    second.close();
  });

  it('starts opening its database within the first read call, not a turn later', async () => {
    // An element's first render is queued before its first read: opening in the same task lets
    // IndexedDB work while that render runs, instead of after it.
    const opened: string[] = [];
    const open = indexedDB.open;
    indexedDB.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      opened.push(args[0]);
      return open.apply(this, args);
    };
    try {
      const namespace = freshNamespace();
      const listed = localBackend({ namespace }).listSessions();
      expect(opened).to.deep.equal([`mentorship-kit:${namespace}`]);
      expect(await listed).to.deep.equal([]);
    } finally {
      indexedDB.open = open;
    }
  });

  it('isolates namespaces', async () => {
    const a = localClient();
    const b = localClient();
    await a.sessions.add(session);
    expect(await b.sessions.list()).to.deep.equal([]);
    a.close();
    b.close();
  });

  it('delivers a change to a second client on the same namespace (BroadcastChannel)', async () => {
    const namespace = freshNamespace();
    const writer = localClient(namespace);
    const reader = localClient(namespace);
    const received = nextChange(reader, (e) => e.resource === 'session');
    const added = await writer.sessions.add(session);
    const event = await received;
    expect(event.kind).to.equal('added');
    expect(event.remote).to.equal(true);
    expect(event.session.id).to.equal(added.id);
    writer.close();
    reader.close();
  });

  it('rejects invalid input with a MentorshipError naming the field', async () => {
    const client = localClient();
    try {
      await client.sessions.add({ ...session, minutes: 7 });
      expect.fail('should have thrown');
    } catch (error) {
      expect(error).to.be.instanceOf(MentorshipError);
      expect((error as MentorshipError).code).to.equal('invalid-input');
      expect((error as MentorshipError).issues[0]!.path).to.equal('minutes');
    }
    expect(await client.sessions.list()).to.have.length(0);
    client.close();
  });

  it('reports a broken catalog URL as an error, not an exception elsewhere', async () => {
    const client = createClient({ backend: localBackend({ namespace: freshNamespace(), catalogUrl: '/does-not-exist.json' }) });
    try {
      await client.programs.list();
      expect.fail('should have thrown');
    } catch (error) {
      expect((error as MentorshipError).code).to.equal('network');
      expect((error as MentorshipError).message).to.contain('/does-not-exist.json');
    }
    client.close();
  });

  it('runs the migration hook when the stored schema version is older', async () => {
    const namespace = freshNamespace();
    const v1 = localClient(namespace);
    await v1.sessions.add(session);
    v1.close();

    const seen: number[] = [];
    const v2 = createClient({
      backend: localBackend({
        namespace,
        schemaVersion: 2,
        migrations: {
          1: async (store) => {
            const sessions = await store.getAll<any>('session:');
            seen.push(sessions.length);
            for (const s of sessions) await store.set(`session:${s.id}`, { ...s, tags: ['migrated'] });
          },
        },
      }),
    });
    const sessions = await v2.sessions.list();
    expect(seen).to.deep.equal([1]);
    expect(sessions[0]!.tags).to.deep.equal(['migrated']);
    v2.close();
  });
});

describe('client.sessions.update', () => {
  it('changes only the fields it is given', async () => {
    const client = localClient();
    const added = await client.sessions.add({ ...session, tags: ['design'], mentor: 'Lena' });
    const updated = await client.sessions.update(added.id, { minutes: 90 });
    expect(updated.minutes).to.equal(90);
    expect(updated.notes).to.equal('first');
    expect(updated.tags).to.deep.equal(['design']);
    expect(updated.mentor).to.equal('Lena');
    client.close();
  });
});

describe('the offline-queue event', () => {
  it('reaches the other tabs on the same channel', async () => {
    const channelName = `mentorship-kit:test-sync:${freshNamespace()}`;
    let announce: (ids: string[]) => void = () => {};
    const queued = { ...memoryBackend(), channelName, onSyncChange: (listener: (ids: string[]) => void) => void (announce = listener) };
    const writer = createClient({ backend: queued });
    const otherTab = createClient({ backend: { ...memoryBackend(), channelName } });
    const heard = nextChange(otherTab, (e) => e.resource === 'sync');
    announce(['s-1', 's-2']);
    const event = await heard;
    expect([event.pendingSessionIds, event.remote]).to.deep.equal([['s-1', 's-2'], true]);
    writer.close();
    otherTab.close();
  });
});

describe('editing one session among many', () => {
  it('reads that one record, not the whole list', async () => {
    const backend = memoryBackend();
    const client = createClient({ backend });
    const added = await client.sessions.add(session);
    backend.listSessions = () => Promise.reject(new Error('read every session'));
    expect((await client.sessions.update(added.id, { minutes: 45 })).minutes).to.equal(45);
    expect((await client.sessions.remove(added.id)).id).to.equal(added.id);
    const missing = await client.sessions.update(added.id, { minutes: 30 }).catch((e) => e);
    expect(missing.code).to.equal('not-found');
  });
});

describe('not-found errors', () => {
  it('name the kind of record and the id, with and without a backend that reads one session', async () => {
    const message = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e: MentorshipError) => `${e.code}: ${e.message}`);
    const client = createClient({ backend: memoryBackend() });
    expect(await message(client.programs.get('nope'))).to.equal('not-found: No program with id "nope"');
    expect(await message(client.sessions.remove('nope'))).to.equal('not-found: No session with id "nope"');
    expect(await message(client.bookings.cancel('nope'))).to.equal('not-found: No booking with id "nope"');
    const range = { sessionTypeId: 'one-on-one', from: '2026-03-02T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z' };
    expect(await message(client.slots.list({ ...range, mentorId: 'nope' }))).to.equal('not-found: No mentor with id "nope"');
    // A backend without getSession: the session is looked for in the whole list.
    const listOnly = { ...memoryBackend(), getSession: undefined };
    const added = await createClient({ backend: listOnly }).sessions.add(session);
    expect((await createClient({ backend: listOnly }).sessions.remove(added.id)).id).to.equal(added.id);
    expect(await message(createClient({ backend: listOnly }).sessions.update('nope', { minutes: 30 }))).to.equal(
      'not-found: No session with id "nope"',
    );
  });
});
