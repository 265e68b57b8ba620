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

describe('localBackend on a first visit (no database yet)', () => {
  const databaseNames = async () => (await indexedDB.databases()).map((d) => d.name);
  const readRaw = (name: string, key: string) =>
    new Promise<unknown>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => {
        const db = request.result;
        const get = db.transaction('records', 'readonly').objectStore('records').get(key);
        get.onsuccess = () => (db.close(), resolve(get.result));
        get.onerror = () => reject(get.error);
      };
      request.onerror = () => reject(request.error);
    });

  it('answers reads without creating the database; the first write creates it with the schema version; a reload reads the record', async () => {
    const namespace = freshNamespace();
    const name = `mentorship-kit:${namespace}`;
    const first = localClient(namespace);
    expect(await first.plan.get()).to.equal(null);
    expect(await first.sessions.list()).to.deep.equal([]);
    expect(await first.bookings.list()).to.deep.equal([]);
    expect(await databaseNames()).not.to.include(name);

    const added = await first.sessions.add(session);
    expect(await databaseNames()).to.include(name);
    expect(await readRaw(name, 'meta:schema-version')).to.equal(1);
    first.close();

    const reload = localClient(namespace);
    expect((await reload.sessions.list()).map((s) => s.id)).to.deep.equal([added.id]);
    reload.close();
  });

  it('reads what another tab wrote after this one found no database', async () => {
    const namespace = freshNamespace();
    const reader = localClient(namespace);
    const writer = localClient(namespace);
    expect(await reader.plan.get()).to.equal(null);
    const heard = nextChange(reader, (e) => e.resource === 'plan');
    await writer.plan.update({ roleId: 'mentee', weeklyHours: 5.5 });
    await heard;
    expect((await reader.plan.get())?.roleId).to.equal('mentee');
    reader.close();
    writer.close();
  });

  it("a client made before another tab's first write reads that write (the early question is not kept)", async () => {
    const namespace = freshNamespace();
    const reader = localClient(namespace); // asks at once whether the database exists: not yet
    const writer = localClient(namespace);
    await writer.sessions.add(session);
    expect((await reader.sessions.list()).map((s) => s.notes)).to.deep.equal(['first']);
    reader.close();
    writer.close();
  });

  it('migrates a database of an older schema version before its first read', async () => {
    const namespace = freshNamespace();
    const name = `mentorship-kit:${namespace}`;
    // A database as an older kit left it: schema version 1, one session.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onupgradeneeded = () => request.result.createObjectStore('records');
      request.onsuccess = () => {
        const db = request.result;
        const tx = db.transaction('records', 'readwrite');
        tx.objectStore('records').put(1, 'meta:schema-version');
        tx.objectStore('records').put({ id: 's-old', ...session, tags: [], updatedAt: session.start }, 'session:s-old');
        tx.oncomplete = () => (db.close(), resolve());
        tx.onerror = () => reject(tx.error);
      };
    });
    const v2 = createClient({
      backend: localBackend({
        namespace,
        schemaVersion: 2,
        migrations: { 1: async (store) => store.set('session:s-old', { ...(await store.get<object>('session:s-old')), notes: 'migrated' }) },
      }),
    });
    expect((await v2.sessions.list()).map((s) => s.notes)).to.deep.equal(['migrated']);
    expect(await readRaw(name, 'meta:schema-version')).to.equal(2);
    v2.close();
  });

  it('works where the browser cannot list databases (opens it to read, as before)', async () => {
    const databases = Object.getOwnPropertyDescriptor(IDBFactory.prototype, 'databases')!;
    Object.defineProperty(IDBFactory.prototype, 'databases', { configurable: true, value: undefined });
    try {
      const namespace = freshNamespace();
      const client = localClient(namespace);
      expect(await client.sessions.list()).to.deep.equal([]);
      const added = await client.sessions.add(session);
      expect((await localClient(namespace).sessions.list()).map((s) => s.id)).to.deep.equal([added.id]);
      client.close();
    } finally {
      Object.defineProperty(IDBFactory.prototype, 'databases', databases);
    }
  });
});
