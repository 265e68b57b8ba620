/**
 * httpBackend against the real reference server (started by `npm test`): the contract end to
 * end, the booking race, idempotency, mentee isolation, bad responses, and the offline queue.
 */
import { expect } from '@open-wc/testing';
import { caught, dayFromNow, httpClient, menteeToken, SERVER, switchableNetwork } from '../http-helpers.js';
import { nextChange } from '../helpers.js';

const MENTOR = 'kenji-watanabe';
const request = (start: string, name = 'Ada Lovelace') => ({
  mentorId: MENTOR,
  sessionTypeId: 'one-on-one',
  start,
  timeZone: 'Europe/Berlin',
  name,
  email: 'ada@example.org',
  careerLevel: 'senior' as const,
  goals: 'Grow into a staff role',
  message: '',
});

(SERVER ? describe : describe.skip)('httpBackend against the reference server', () => {
  // Days 15–40 from today belong to this file, so parallel element tests never race with it.
  const freeSlots = async (client = httpClient()) =>
    client.slots.list({ mentorId: MENTOR, sessionTypeId: 'one-on-one', from: dayFromNow(15), to: dayFromNow(40) });

  it('reads the catalog and slots validated, books, and lists the booking with its cancel token', async () => {
    const client = httpClient();
    const mentors = await client.mentors.list();
    expect(mentors.map((m) => m.id)).to.include(MENTOR);
    const slots = await freshSlotsOrFail(client);
    const booking = await client.bookings.create(request(slots[0]!.start));
    expect(booking.start).to.equal(slots[0]!.start);
    expect(booking.end).to.equal(new Date(Date.parse(slots[0]!.start) + 3_600_000).toISOString());
    expect(booking.status).to.equal('confirmed');
    expect(booking.cancelToken).to.be.a('string');
    const after = await freeSlots(client);
    expect(after.map((s) => s.start)).not.to.include(slots[0]!.start);
    const list = await client.bookings.list();
    expect(list.map((b) => b.id)).to.deep.equal([booking.id]);
    expect(list[0]!.cancelToken).to.equal(booking.cancelToken);
  });

  it('two visitors race for one slot: one booking, the other gets a conflict', async () => {
    const [slot] = await freshSlotsOrFail();
    const results = await Promise.allSettled([httpClient().bookings.create(request(slot!.start, 'A')), httpClient().bookings.create(request(slot!.start, 'B'))]);
    expect(results.map((r) => r.status).sort()).to.deep.equal(['fulfilled', 'rejected']);
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason.code).to.equal('conflict');
    expect(loser.reason.message).to.equal('That time was just taken. Please choose another time.');
  });

  it('the same idempotency key twice gives the same booking', async () => {
    const client = httpClient();
    const [slot] = await freshSlotsOrFail(client);
    const first = await client.bookings.create(request(slot!.start), { idempotencyKey: 'idem-browser-1-' + slot!.start });
    const second = await client.bookings.create(request(slot!.start), { idempotencyKey: 'idem-browser-1-' + slot!.start });
    expect(second.id).to.equal(first.id);
    expect((await client.bookings.list()).length).to.equal(1);
  });

  it('a visitor reschedules and cancels with the cancel token kept in this browser', async () => {
    const client = httpClient();
    const [a, , c] = await freshSlotsOrFail(client);
    const booking = await client.bookings.create(request(a!.start));
    const moved = await client.bookings.reschedule(booking.id, c!.start);
    expect(moved.start).to.equal(c!.start);
    const cancelled = await client.bookings.cancel(booking.id);
    expect(cancelled.status).to.equal('cancelled');
    // Another browser (no cancel token) cannot touch it.
    const stranger = await caught(httpClient().bookings.cancel(booking.id));
    expect(stranger.code).to.equal('not-found');
  });

  it('maps problem+json onto MentorshipError codes', async () => {
    const client = httpClient();
    const unknown = await caught(client.slots.list({ mentorId: 'nobody', sessionTypeId: 'one-on-one', from: dayFromNow(1), to: dayFromNow(2) }));
    expect(unknown.code).to.equal('not-found');
    expect(unknown.message).to.equal('No mentor with id "nobody".');
    const unauthorized = await caught(client.sessions.list());
    expect(unauthorized.code).to.equal('unauthorized');
  });

  it('a response that does not match the schema is bad-response naming the path', async () => {
    const broken = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await fetch(input, init);
      const json = await response.json();
      json.mentors[0].timeZone = 'Mars/Olympus';
      return new Response(JSON.stringify(json), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
    const error = await caught(httpClient({ fetch: broken }).catalog.get());
    expect(error.code).to.equal('bad-response');
    expect(error.message).to.match(/^Invalid response of GET \/catalog: mentors\.0\.timeZone: /);
    expect(error.issues[0]!.path).to.equal('mentors.0.timeZone');
  });

  it('a mentee logs, edits and deletes sessions; another mentee sees none of them', async () => {
    const a = await menteeToken();
    const b = await menteeToken();
    const clientA = httpClient({ getToken: () => a.token });
    const clientB = httpClient({ getToken: () => b.token });
    const s = await clientA.sessions.add({ start: '2026-03-02T09:00:00.000Z', minutes: 60, activity: 'one-on-one', notes: 'first' });
    await clientA.sessions.update(s.id, { minutes: 90, notes: 'first' });
    const listA = await clientA.sessions.list();
    expect(listA.map((x) => [x.id, x.minutes, x.notes, x.menteeId])).to.deep.equal([[s.id, 90, 'first', a.sub]]);
    expect(await clientB.sessions.list()).to.deep.equal([]);
    const denied = await caught(clientB.sessions.update(s.id, { notes: 'mine now' }));
    expect(denied.code).to.equal('not-found');
    await clientA.sessions.remove(s.id);
    expect(await clientA.sessions.list()).to.deep.equal([]);
  });

  it('offline: a session waits in the queue, shows as pending, and is sent once when back online', async () => {
    const { token } = await menteeToken();
    const net = switchableNetwork();
    const client = httpClient({ getToken: () => token, fetch: net.fetch, isOnline: net.isOnline });
    net.offline = true;
    const queuedEvent = nextChange(client, (e) => e.resource === 'sync' && e.pendingSessionIds.length === 1);
    const session = await client.sessions.add({ start: '2026-03-03T09:00:00.000Z', minutes: 45, activity: 'code-review' });
    expect((await queuedEvent).pendingSessionIds).to.deep.equal([session.id]);
    expect(await client.sync.pending()).to.deep.equal([session.id]);
    // Shown from the queue while offline.
    expect((await client.sessions.list()).map((s) => s.id)).to.deep.equal([session.id]);
    const edited = await client.sessions.update(session.id, { notes: 'edited offline' });
    expect(edited.notes).to.equal('edited offline');
    expect(await client.sync.pending()).to.deep.equal([session.id]);

    const synced = nextChange(client, (e) => e.resource === 'sync' && e.pendingSessionIds.length === 0);
    net.offline = false;
    window.dispatchEvent(new Event('online'));
    await synced;
    const onServer = await (await fetch(`${SERVER}/sessions`, { headers: { Authorization: `Bearer ${token}` } })).json();
    expect(onServer.items.map((s: { id: string; notes: string }) => [s.id, s.notes])).to.deep.equal([[session.id, 'edited offline']]);
  });

  it('a write whose response is lost is queued and replayed without doubling', async () => {
    const { token } = await menteeToken();
    const net = switchableNetwork();
    const client = httpClient({ getToken: () => token, fetch: net.fetch, isOnline: net.isOnline });
    net.loseNextResponse = true;
    const session = await client.sessions.add({ start: '2026-03-04T09:00:00.000Z', minutes: 30, activity: 'weekly-review' });
    expect(await client.sync.pending()).to.deep.equal([session.id]);
    const synced = nextChange(client, (e) => e.resource === 'sync' && e.pendingSessionIds.length === 0);
    window.dispatchEvent(new Event('online'));
    await synced;
    const onServer = await (await fetch(`${SERVER}/sessions`, { headers: { Authorization: `Bearer ${token}` } })).json();
    expect(onServer.items.map((s: { id: string }) => s.id)).to.deep.equal([session.id]);
  });

  it('a delete made offline is replayed; the session is gone on the server', async () => {
    const { token } = await menteeToken();
    const net = switchableNetwork();
    const client = httpClient({ getToken: () => token, fetch: net.fetch, isOnline: net.isOnline });
    const keep = await client.sessions.add({ start: '2026-03-05T09:00:00.000Z', minutes: 60, activity: 'one-on-one' });
    const drop = await client.sessions.add({ start: '2026-03-06T09:00:00.000Z', minutes: 60, activity: 'one-on-one' });
    net.offline = true;
    await client.sessions.remove(drop.id);
    expect((await client.sessions.list()).map((s) => s.id)).to.deep.equal([keep.id]);
    const synced = nextChange(client, (e) => e.resource === 'sync' && e.pendingSessionIds.length === 0);
    net.offline = false;
    window.dispatchEvent(new Event('online'));
    await synced;
    const onServer = await (await fetch(`${SERVER}/sessions`, { headers: { Authorization: `Bearer ${token}` } })).json();
    expect(onServer.items.map((s: { id: string }) => s.id)).to.deep.equal([keep.id]);
  });

  it('the plan stays in this browser', async () => {
    const client = httpClient();
    const plan = await client.plan.update({ programId: 'technical-leadership', weeklyHours: 5.5 });
    expect(plan.weeklyHours).to.equal(5.5);
    expect((await client.plan.get())!.programId).to.equal('technical-leadership');
  });

  async function freshSlotsOrFail(client = httpClient()) {
    const slots = await freeSlots(client);
    if (slots.length < 3) throw new Error(`Only ${slots.length} free slots left for ${MENTOR}`);
    return slots;
  }
});

(SERVER ? describe : describe.skip)('httpBackend against the reference server through a faulty network', () => {
  /**
   * Every request reaches the real server, except that the network in between can answer the
   * next `failures` requests with `status` itself (a failing proxy), hold requests for `delayMs`,
   * or rewrite the URL; each request is recorded.
   */
  const faultyNetwork = (options: { failures?: number; status?: number; headers?: Record<string, string>; delayMs?: number; rewrite?: (url: URL) => void } = {}) => {
    const net = {
      failures: options.failures ?? 0,
      calls: [] as { method: string; url: URL }[],
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
        // A fetch may be called with a URL and options or with a Request (ky does the latter).
        const original = new Request(input, init);
        const url = new URL(original.url);
        options.rewrite?.(url);
        // The body as bytes: a Request rebuilt around another's body stream cannot be sent.
        const body = ['GET', 'HEAD'].includes(original.method) ? undefined : await original.arrayBuffer();
        const request = new Request(url, { method: original.method, headers: original.headers, body, signal: original.signal });
        net.calls.push({ method: request.method, url });
        if (net.failures > 0) {
          net.failures--;
          return new Response('', { status: options.status ?? 503, headers: options.headers });
        }
        if (options.delayMs) {
          await new Promise((resolve, reject) => {
            setTimeout(resolve, options.delayMs);
            request.signal.addEventListener('abort', () => reject(request.signal.reason));
          });
        }
        return fetch(request);
      }) as typeof fetch,
    };
    return net;
  };

  it('follows nextCursor until the last page', async () => {
    const { token } = await menteeToken();
    const writer = httpClient({ getToken: () => token });
    const written = [];
    for (const day of [2, 3, 4]) written.push(await writer.sessions.add({ start: `2026-03-0${day}T09:00:00.000Z`, minutes: 60, activity: 'one-on-one' }));
    // Pages of one session each, so three pages and a last one without a cursor.
    const net = faultyNetwork({ rewrite: (url) => url.searchParams.has('limit') && url.searchParams.set('limit', '1') });
    const sessions = await httpClient({ getToken: () => token, fetch: net.fetch }).sessions.list();
    expect(sessions.map((s) => s.id).sort()).to.deep.equal(written.map((s) => s.id).sort());
    expect(net.calls.length).to.equal(3);
    expect(net.calls.slice(1).every((c) => c.url.searchParams.has('cursor'))).to.equal(true);
  });

  it('retries a GET after a 503 with backoff, but not a POST without an idempotency key', async () => {
    const net = faultyNetwork({ failures: 1 });
    const started = Date.now();
    expect((await httpClient({ fetch: net.fetch, retries: 1 }).mentors.list()).length).to.be.greaterThan(0);
    expect(net.calls.length).to.equal(2);
    expect(Date.now() - started).to.be.at.least(250); // the first backoff step is 300 ms

    // Cancelling is a POST that carries no idempotency key: one try only.
    const refused = faultyNetwork({ failures: 5 });
    const error = await caught(httpClient({ fetch: refused.fetch, retries: 2 }).bookings.cancel('b-1'));
    expect([error.code, error.message, refused.calls.length]).to.deep.equal(['network', 'POST /bookings/b-1/cancel failed: HTTP 503', 1]);
  });

  it('maps a 400 onto invalid-input with the server\'s detail, and a slow server onto timeout', async () => {
    const { token } = await menteeToken();
    const net = faultyNetwork({ rewrite: (url) => url.searchParams.has('limit') && url.searchParams.set('limit', '0') });
    const invalid = await caught(httpClient({ getToken: () => token, fetch: net.fetch }).sessions.list());
    expect([invalid.code, invalid.message]).to.deep.equal(['invalid-input', 'Invalid limit: a whole number from 1 to 1000.']);
    const slow = faultyNetwork({ delayMs: 1000 });
    const error = await caught(httpClient({ fetch: slow.fetch, retries: 0, timeoutMs: 50 }).catalog.get());
    expect([error.code, error.message]).to.deep.equal(['timeout', 'GET /catalog timed out']);
  });

  for (const [status, headers] of [[500, {}], [503, {}], [429, { 'Retry-After': '1' }], [408, {}]] as const) {
    it(`keeps a session write answered ${status} in the queue and sends it later, never dropping it`, async () => {
      const { token } = await menteeToken();
      const net = faultyNetwork({ status, headers });
      const client = httpClient({ getToken: () => token, fetch: net.fetch });
      await client.sessions.list(); // loaded once: what the server has
      net.failures = 2; // the next two answers come from a failing proxy
      const synced = nextChange(client, (e) => e.resource === 'sync' && e.pendingSessionIds.length === 0);
      const session = await client.sessions.add({ start: '2026-03-09T09:00:00.000Z', minutes: 60, activity: 'one-on-one', notes: `after a ${status}` });
      expect(await client.sync.pending()).to.deep.equal([session.id]);
      await synced; // sent again by the queue's own timer: no 'online' event, no new write
      expect((await client.sync.failed()).length).to.equal(0);
      const onServer = await (await fetch(`${SERVER}/sessions`, { headers: { Authorization: `Bearer ${token}` } })).json();
      expect(onServer.items.map((s: { id: string; notes: string }) => [s.id, s.notes])).to.deep.equal([[session.id, `after a ${status}`]]);
    });
  }
});

(SERVER ? describe : describe.skip)('httpBackend: conflicts, refusals and an unreachable server', () => {
  const onServer = async (token: string) =>
    (await (await fetch(`${SERVER}/sessions`, { headers: { Authorization: `Bearer ${token}` } })).json()).items as { id: string; notes: string; version: number }[];

  it('sends If-Match: a change or delete based on an older version is a conflict carrying the newer one', async () => {
    const { token } = await menteeToken();
    const client = httpClient({ getToken: () => token });
    const session = await client.sessions.add({ start: '2026-03-10T09:00:00.000Z', minutes: 60, activity: 'one-on-one', notes: 'first' });
    expect(session.version).to.equal(1);
    const tab1 = await client.sessions.update(session.id, { notes: 'from tab 1' }, { version: 1 });
    expect(tab1.version).to.equal(2);
    // Tab 2 still shows version 1.
    const stale = await caught(client.sessions.update(session.id, { notes: 'from tab 2' }, { version: 1 }));
    expect(stale.code).to.equal('conflict');
    expect((stale.current as { notes: string; version: number }) ).to.include({ notes: 'from tab 1', version: 2 });
    expect((await onServer(token)).map((s) => s.notes)).to.deep.equal(['from tab 1']);
    // Seen the newer version, tab 2 saves its change on top of it.
    const kept = await client.sessions.update(session.id, { notes: 'from tab 2' }, { version: 2 });
    expect([kept.notes, kept.version]).to.deep.equal(['from tab 2', 3]);
    const staleDelete = await caught(client.sessions.remove(session.id, { version: 2 }));
    expect([staleDelete.code, (staleDelete.current as { version: number }).version]).to.deep.equal(['conflict', 3]);
    expect((await onServer(token)).length).to.equal(1);
    await client.sessions.remove(session.id, { version: 3 });
    expect(await onServer(token)).to.deep.equal([]);
  });

  it('an offline change that meets a newer version is set aside as a conflict; retry keeps the mentee\'s change', async () => {
    const { token } = await menteeToken();
    const net = switchableNetwork();
    const phone = httpClient({ getToken: () => token, fetch: net.fetch, isOnline: net.isOnline });
    const laptop = httpClient({ getToken: () => token });
    const session = await phone.sessions.add({ start: '2026-03-11T09:00:00.000Z', minutes: 60, activity: 'one-on-one' });
    net.offline = true;
    await phone.sessions.update(session.id, { notes: 'written offline' });
    await laptop.sessions.update(session.id, { notes: 'written on the laptop' });

    const failed = nextChange(phone, (e) => e.resource === 'sync' && e.failed.length === 1);
    net.offline = false;
    window.dispatchEvent(new Event('online'));
    const [problem] = (await failed).failed;
    expect(problem!.code).to.equal('conflict');
    expect(problem!.session!.notes).to.equal('written offline');
    expect(problem!.current!.notes).to.equal('written on the laptop');
    expect(await phone.sync.pending()).to.deep.equal([]);
    expect((await onServer(token)).map((s) => s.notes)).to.deep.equal(['written on the laptop']);

    await phone.sync.retry(problem!.key);
    expect(await phone.sync.failed()).to.deep.equal([]);
    expect((await onServer(token)).map((s) => [s.notes, s.version])).to.deep.equal([['written offline', 3]]);
  });

  it('a queued write the server refuses for good is set aside with the reason, never dropped, until discarded', async () => {
    const owner = await menteeToken();
    const mine = await httpClient({ getToken: () => owner.token }).sessions.add({ start: '2026-03-12T09:00:00.000Z', minutes: 60, activity: 'one-on-one' });
    // Another mentee imports a file holding that session while offline: the id is taken on the server.
    const other = await menteeToken();
    const net = switchableNetwork();
    const client = httpClient({ getToken: () => other.token, fetch: net.fetch, isOnline: net.isOnline });
    await client.sessions.list();
    net.offline = true;
    expect((await client.sessions.import([mine])).imported).to.equal(1);
    expect(await client.sync.pending()).to.deep.equal([mine.id]);

    const refused = nextChange(client, (e) => e.resource === 'sync' && e.failed.length === 1);
    net.offline = false;
    window.dispatchEvent(new Event('online'));
    const [problem] = (await refused).failed;
    expect([problem!.sessionId, problem!.code, problem!.message]).to.deep.equal([mine.id, 'conflict', `A session with id "${mine.id}" already exists.`]);
    expect(await client.sync.pending()).to.deep.equal([]);
    expect((await client.sync.failed()).map((f) => f.sessionId)).to.deep.equal([mine.id]); // still there after the event
    await client.sync.discard(problem!.key);
    expect(await client.sync.failed()).to.deep.equal([]);
    expect(await onServer(other.token)).to.deep.equal([]);
  });

  it('an unreachable server with nothing loaded before is an error, not an empty list', async () => {
    const client = httpClient({ baseUrl: 'http://127.0.0.1:9/v1', getToken: () => 'any' });
    const error = await caught(client.sessions.list());
    expect(error.code).to.equal('network');
    expect(error.message).to.equal('GET /sessions failed: the server cannot be reached');
  });
});
