import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createStore, setMany } from 'idb-keyval';
import '../../src/define/mentorship-provider.js';
import '../../src/define/session-tracker.js';
import type { SessionChangeDetail, SessionTracker } from '../../src/components/session-tracker/session-tracker.js';
import { addWeeks, SessionIndex, streakOfWeeks, weekStart } from '../../src/components/session-tracker/session-index.js';
import type { Backend } from '../../src/sdk/backends/backend.js';
import { localBackend } from '../../src/sdk/backends/local.js';
import { memoryBackend } from '../../src/sdk/backends/memory.js';
import { createClient, type MentorshipClient } from '../../src/sdk/client.js';
import { parseCsv } from '../../src/sdk/export/csv.js';
import type { Session } from '../../src/sdk/schemas.js';
import { freshNamespace, localClient } from '../helpers.js';
import { dateText, unitText } from '../intl.js';
import '../../src/locales/de.js';

const memoryClient = () => createClient({ backend: memoryBackend() });

async function mount(client: MentorshipClient, attributes: Record<string, string> = {}): Promise<SessionTracker> {
  const wrapper = await fixture(html`<mentorship-provider .client=${client}></mentorship-provider>`);
  const el = document.createElement('session-tracker');
  el.setAttribute('locale', 'en-GB');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  wrapper.append(el);
  await waitUntil(() => el.viewState !== 'loading', 'tracker did not load', { timeout: 15_000 }); // 10,000 sessions on a busy machine
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: SessionTracker, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: SessionTracker, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const rows = (el: SessionTracker) => $$(el, '.week li[data-id]');
/** A session's length as the element formats it (Intl, en-GB): "90 mins". */
const mins = (n: number) => unitText('en-GB', n, 'minute', { unitDisplay: 'short' });
/** A week's heading as the element formats it: "Week of 5 Jan 2026 · 2 h". */
const weekOf = (year: number, month: number, day: number, hours: number) => `Week of ${dateText('en-GB', new Date(year, month - 1, day), { dateStyle: 'medium' })} · ${hours} h`;

/** Replaces an input's content by typing, as a user would. */
async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  if (value) await sendKeys({ type: value });
}

async function addThroughForm(el: SessionTracker, fields: { start?: string; minutes?: string; activity?: string; mentor?: string; notes?: string; tags?: string }) {
  const form = $<HTMLFormElement>(el, 'form[part="add-form"]');
  if (fields.start) form.querySelector<HTMLInputElement>('[name=start]')!.value = fields.start;
  if (fields.minutes) await type(form.querySelector('[name=minutes]')!, fields.minutes);
  if (fields.activity) {
    const select = form.querySelector<HTMLSelectElement>('[name=activity]')!;
    select.value = fields.activity;
    select.dispatchEvent(new Event('change'));
  }
  if (fields.mentor !== undefined) await type(form.querySelector('[name=mentor]')!, fields.mentor);
  if (fields.notes !== undefined) await type(form.querySelector('[name=notes]')!, fields.notes);
  if (fields.tags !== undefined) await type(form.querySelector('[name=tags]')!, fields.tags);
  const changed = oneEvent(el, 'session-change');
  form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  return (await changed).detail as { kind: string; session: Session };
}

const localValue = (iso: string) => {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

function session(over: Partial<Session> & { start: string }): Session {
  return {
    id: `s-${Math.random().toString(36).slice(2)}`,
    minutes: 60,
    activity: 'one-on-one',
    mentor: '',
    notes: '',
    tags: [],
    source: 'manual',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...over,
  };
}

/** A backend of our own against the interface: memory storage plus a sync queue we control. */
function queuedBackend(pending: string[]) {
  const inner = memoryBackend();
  let announce: ((ids: string[]) => void) | undefined;
  const backend: Backend = {
    ...inner,
    pendingSessionIds: async () => pending,
    onSyncChange: (listener) => (announce = listener),
  };
  return { backend, announce: (ids: string[]) => announce?.(ids) };
}

/** The focused element, looking through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses Tab until the focus is on an element matching `selector` (at most `limit` times). */
async function tabTo(selector: string, limit = 20) {
  for (let i = 0; i < limit && !deepActive()?.matches(selector); i++) await sendKeys({ press: 'Tab' });
  expect(deepActive()?.matches(selector), `Tab never reached ${selector}`).to.equal(true);
}

describe('<session-tracker>', () => {
  it('logs, then deletes and restores a session by keyboard alone', async () => {
    const client = memoryClient();
    const el = await mount(client);
    const start = document.createElement('button');
    start.textContent = 'before';
    el.before(start);
    start.focus();

    await tabTo('[name=minutes]');
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '90' });
    await tabTo('[name=mentor]');
    await sendKeys({ type: 'Ada' });
    await tabTo('[name=tags]');
    await sendKeys({ type: 'design, review' });
    await tabTo('[name=notes]');
    await sendKeys({ type: 'Typed without a mouse' });
    await tabTo('button[type=submit]');
    const added = oneEvent(el, 'session-change');
    await sendKeys({ press: 'Enter' });
    const { session } = (await added).detail;
    expect([session.minutes, session.mentor, session.tags, session.notes]).to.deep.equal([90, 'Ada', ['design', 'review'], 'Typed without a mouse']);

    await el.updateComplete;
    await tabTo(`li[data-id="${session.id}"] button.delete`, 40);
    const removed = oneEvent(el, 'session-change');
    await sendKeys({ press: 'Enter' });
    expect((await removed).detail.kind).to.equal('removed');
    expect(await client.sessions.list()).to.deep.equal([]);

    await el.updateComplete;
    // Focus lands on Undo: Enter restores the same session.
    const restored = oneEvent(el, 'session-change');
    await waitUntil(() => deepActive()?.textContent?.includes('Undo'), 'focus is not on Undo');
    await sendKeys({ press: 'Enter' });
    expect((await restored).detail.session.id).to.equal(session.id);
    expect((await client.sessions.list()).map((s) => s.id)).to.deep.equal([session.id]);
    start.remove();
  });

  it('shows the empty state, adds a session from the quick-add form and keeps the last activity', async () => {
    const client = memoryClient();
    const mounted = new Date().toISOString();
    const el = await mount(client, { 'weekly-goal': '5' });
    expect(el.viewState).to.equal('empty');
    // One first-run message with the goal and the import control: no empty chart, nothing to export.
    expect($$(el, '[part=empty] p').map(text)).to.deep.equal(['No sessions yet. Log your first one above, or import a file.', 'Your goal: 5 hours a week.']);
    expect($(el, '[part=empty] input[type=file]')).to.not.equal(null);
    for (const absent of ['svg', '[part=progress]', '[part=sessions]', '[part=export]', 'a[data-export]']) expect($(el, absent), absent).to.equal(null);
    await expect(el).to.be.accessible();

    const form = $<HTMLFormElement>(el, 'form[part="add-form"]');
    expect(form.querySelector<HTMLInputElement>('[name=minutes]')!.value).to.equal('60');
    // Now, to the minute: the minute it was mounted in or, on a slow machine, the next.
    expect([localValue(mounted), localValue(new Date().toISOString())]).to.include(form.querySelector<HTMLInputElement>('[name=start]')!.value);

    const detail = await addThroughForm(el, { minutes: '90', activity: 'code-review', mentor: 'Lena Hoffmann', notes: 'Reviewed the parser', tags: 'parser, review' });
    expect(detail.kind).to.equal('added');
    expect(detail.session).to.include({ minutes: 90, activity: 'code-review', mentor: 'Lena Hoffmann', notes: 'Reviewed the parser', source: 'manual' });
    expect(detail.session.tags).to.deep.equal(['parser', 'review']);
    await el.updateComplete;

    expect(el.viewState).to.equal('ready');
    expect(rows(el)).to.have.length(1);
    const row = rows(el)[0]!;
    expect(text(row.querySelector('.what'))).to.equal('Code review');
    expect(text(row.querySelector('.length'))).to.equal(mins(90));
    expect(text(row.querySelector('.mentor'))).to.equal('Lena Hoffmann');
    expect(text(row.querySelector('.notes'))).to.equal('Reviewed the parser');
    expect($$(el, 'li[data-id] .badge').map(text)).to.deep.equal(['parser', 'review']);
    expect(text($(el, '[part="notice"]'))).to.contain('Session added.');
    expect(text($(el, '.week-hours'))).to.equal('1.5 of 5 hours');
    expect($(el, '[part=empty]')).to.equal(null);
    expect($$(el, 'a[data-export]')).to.have.length(3);
    await waitUntil(() => $(el, 'svg[part=chart]'), 'the chart never loaded', { timeout: 10_000 });
    expect($$(el, 'svg[part=chart] rect')).to.have.length(1);

    // The form is back to its defaults, with the activity just used.
    expect(form.querySelector<HTMLSelectElement>('[name=activity]')!.value).to.equal('code-review');
    expect(form.querySelector<HTMLInputElement>('[name=minutes]')!.value).to.equal('60');
    expect(form.querySelector<HTMLTextAreaElement>('[name=notes]')!.value).to.equal('');
    expect(await client.sessions.list()).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('refuses a length off the 15-minute grid with a message on the field', async () => {
    const client = memoryClient();
    const el = await mount(client);
    const form = $<HTMLFormElement>(el, 'form[part="add-form"]');
    await type(form.querySelector('[name=minutes]')!, '50');
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await el.updateComplete;
    const minutes = form.querySelector<HTMLInputElement>('[name=minutes]')!;
    expect(minutes.getAttribute('aria-invalid')).to.equal('true');
    expect(text(el.shadowRoot!.getElementById(minutes.getAttribute('aria-describedby')!))).to.equal('Enter 15 to 600 minutes in steps of 15.');
    await aTimeout(0);
    expect(el.shadowRoot!.activeElement).to.equal(minutes);
    expect(await client.sessions.list()).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('edits a session inline and keeps where it came from', async () => {
    const client = memoryClient();
    const original = await client.sessions.add({ start: new Date().toISOString(), minutes: 60, activity: 'one-on-one', source: 'booking', bookingId: 'b-1', notes: 'first', tags: ['x'] });
    const el = await mount(client);
    rows(el)[0]!.querySelector<HTMLButtonElement>('.edit')!.click();
    await el.updateComplete;
    const form = $<HTMLFormElement>(el, 'form[part="session-form"]');
    await aTimeout(0);
    expect(el.shadowRoot!.activeElement).to.equal(form.querySelector('[name=start]'));
    expect(form.querySelector<HTMLTextAreaElement>('[name=notes]')!.value).to.equal('first');
    await expect(el).to.be.accessible();

    await type(form.querySelector('[name=minutes]')!, '45');
    await type(form.querySelector('[name=notes]')!, 'second, "better"');
    const changed = oneEvent(el, 'session-change');
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    const { detail } = await changed;
    expect(detail.kind).to.equal('updated');
    expect(detail.session).to.include({ id: original.id, minutes: 45, notes: 'second, "better"', source: 'booking', bookingId: 'b-1' });
    await el.updateComplete;
    await aTimeout(0);
    const row = rows(el)[0]!;
    expect(text(row.querySelector('.length'))).to.equal(mins(45));
    expect(text(row.querySelector('.notes'))).to.equal('second, "better"');
    expect(el.shadowRoot!.activeElement).to.equal(row.querySelector('.edit'));
    const [stored] = await client.sessions.list();
    expect(stored).to.include({ minutes: 45, source: 'booking', bookingId: 'b-1' });
    expect(stored!.tags).to.deep.equal(['x']);
  });

  it('deletes with an undo notice and restores the same session', async () => {
    const client = memoryClient();
    const kept = await client.sessions.add({ start: new Date().toISOString(), minutes: 30, activity: 'weekly-review', notes: 'keep me' });
    const el = await mount(client);
    const removed = oneEvent(el, 'session-change');
    rows(el)[0]!.querySelector<HTMLButtonElement>('.delete')!.click();
    expect((await removed).detail).to.deep.equal({ kind: 'removed', session: kept });
    await el.updateComplete;
    await aTimeout(0);
    expect(rows(el)).to.have.length(0);
    expect(await client.sessions.list()).to.have.length(0);
    expect(text($(el, '[part="notice"]'))).to.contain('Session deleted.');
    const undo = $<HTMLButtonElement>(el, '.undo');
    expect(el.shadowRoot!.activeElement).to.equal(undo);
    await expect(el).to.be.accessible();

    const restored = oneEvent(el, 'session-change');
    await sendKeys({ press: 'Enter' });
    expect((await restored).detail).to.deep.equal({ kind: 'added', session: kept });
    await el.updateComplete;
    expect(rows(el).map((r) => r.dataset.id)).to.deep.equal([kept.id]);
    expect(await client.sessions.list()).to.deep.equal([kept]);
    expect(text($(el, '[part="notice"]'))).to.contain('Session restored.');
  });

  it('keeps sessions across a reload (a new client on the same storage)', async () => {
    const namespace = freshNamespace('tracker');
    const first = localClient(namespace);
    const el = await mount(first);
    await addThroughForm(el, { minutes: '75', notes: 'survives' });
    el.parentElement!.remove();
    first.close();

    const second = localClient(namespace);
    const again = await mount(second);
    expect(rows(again)).to.have.length(1);
    expect(text(rows(again)[0]!.querySelector('.notes'))).to.equal('survives');
    expect(text(rows(again)[0]!.querySelector('.length'))).to.equal(mins(75));
    second.close();
  });

  it('shows a script-like note as the characters typed', async () => {
    const client = memoryClient();
    const el = await mount(client);
    const note = '<img src=x onerror=alert(1)>';
    await addThroughForm(el, { notes: note, mentor: '<b>bold</b>' });
    await el.updateComplete;
    expect(rows(el)[0]!.querySelector('.notes')!.textContent).to.equal(note);
    expect(text(rows(el)[0]!.querySelector('.mentor'))).to.equal('<b>bold</b>');
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
  });

  it('shows a change made by a second client on the same storage without reload', async () => {
    const namespace = freshNamespace('tracker-tabs');
    const here = localClient(namespace);
    const there = localClient(namespace);
    const el = await mount(here);
    const added = await there.sessions.add({ start: new Date().toISOString(), minutes: 45, activity: 'career-planning', notes: 'from the other tab' });
    await waitUntil(() => rows(el).length === 1, 'the other tab\'s session did not appear');
    expect(rows(el)[0]!.dataset.id).to.equal(added.id);
    expect(text(rows(el)[0]!.querySelector('.what'))).to.equal('Career planning');

    await there.sessions.update(added.id, { minutes: 60 });
    await waitUntil(() => text(rows(el)[0]?.querySelector('.length')) === mins(60), 'the edit did not appear');
    // A partial update changes only what it names (the notes stay).
    expect(text(rows(el)[0]!.querySelector('.notes'))).to.equal('from the other tab');
    expect((await here.sessions.list())[0]!.notes).to.equal('from the other tab');
    await there.sessions.remove(added.id);
    await waitUntil(() => rows(el).length === 0, 'the removal did not appear');
    here.close();
    there.close();
  });

  it('counts the streak across a year boundary (weeks start on Monday for en-GB)', async () => {
    const client = memoryClient();
    // 2 hours in the weeks of 22 Dec 2025, 29 Dec 2025 and 5 Jan 2026; 1 hour in the week of 15 Dec.
    const starts = ['2025-12-16T10:00:00', '2025-12-23T10:00:00', '2025-12-23T14:00:00', '2025-12-31T18:00:00', '2026-01-01T09:00:00', '2026-01-05T08:00:00', '2026-01-06T08:00:00'];
    for (const start of starts) await client.sessions.add({ start: new Date(start).toISOString(), minutes: 60, activity: 'project-practice' });
    const wrapper = await fixture(html`<mentorship-provider .client=${client}></mentorship-provider>`);
    const el = document.createElement('session-tracker');
    el.setAttribute('locale', 'en-GB');
    el.setAttribute('weekly-goal', '2');
    el.today = new Date('2026-01-07T12:00:00');
    wrapper.append(el);
    await waitUntil(() => el.viewState === 'ready');
    await el.updateComplete;
    expect(text($(el, '.streak'))).to.equal('Streak: 3 weeks in a row on goal');
    expect(text($(el, '.week-hours'))).to.equal('2 of 2 hours');
    expect($$(el, '.week h4').map(text)).to.deep.equal([
      weekOf(2026, 1, 5, 2),
      weekOf(2025, 12, 29, 2),
      weekOf(2025, 12, 22, 2),
      weekOf(2025, 12, 15, 1),
    ]);
    // The chart: 8 weeks, a bar label per week, the goal line, and the text alternative. It loads
    // on demand: on a busy machine it may come after the rest.
    await waitUntil(() => el.shadowRoot!.querySelector('svg[part="chart"]'), 'the chart did not load');
    expect($(el, 'svg[part="chart"]').getAttribute('aria-label')).to.equal(
      'Hours per week, last 8 weeks. This week 2 h, average 0.88 h a week. 3 of 8 weeks on goal.',
    );
    expect($$(el, 'svg[part="chart"] .goal-line')).to.have.length(1);
    expect($$(el, 'tbody tr').map((r) => text(r.lastElementChild))).to.deep.equal(['0', '0', '0', '0', '1', '2', '2', '2']);
    await expect(el).to.be.accessible();
  });

  it('keeps week keys newest first as sessions come and go (pure)', () => {
    const index = new SessionIndex(1, [
      session({ id: 'a', start: new Date(2026, 0, 6, 10).toISOString() }),
      session({ id: 'b', start: new Date(2025, 11, 23, 10).toISOString() }),
    ]);
    const monday = (year: number, month: number, day: number) => new Date(year, month, day).getTime();
    expect(index.keys).to.deep.equal([monday(2026, 0, 5), monday(2025, 11, 22)]);
    index.put(session({ id: 'c', start: new Date(2025, 11, 30, 10).toISOString() }));
    expect(index.keys).to.deep.equal([monday(2026, 0, 5), monday(2025, 11, 29), monday(2025, 11, 22)]);
    index.remove('a');
    expect(index.keys).to.deep.equal([monday(2025, 11, 29), monday(2025, 11, 22)]);
    expect(index.weeks.has(monday(2026, 0, 5))).to.equal(false);
  });

  it('builds the same index from a list at once as one put at a time, duplicates included (pure)', () => {
    // Weeks on both sides of the spring DST change, ties on start, an id given twice (the last wins).
    const list = [
      session({ id: 'd', start: new Date(2026, 2, 30, 9).toISOString(), createdAt: '2026-03-30T09:00:00.000Z', tags: ['x'] }),
      session({ id: 'a', start: new Date(2026, 2, 28, 23, 30).toISOString(), createdAt: '2026-03-28T23:30:00.000Z' }),
      session({ id: 'c', start: new Date(2026, 2, 29, 3).toISOString(), createdAt: '2026-03-29T03:00:00.000Z', activity: 'code-review' }),
      session({ id: 'b', start: new Date(2026, 2, 29, 3).toISOString(), createdAt: '2026-03-29T03:00:00.000Z', bookingId: 'bk-1' }),
      session({ id: 'e', start: new Date(2026, 1, 2, 12).toISOString(), createdAt: '2026-04-01T00:00:00.000Z', tags: ['x', 'y'] }),
      session({ id: 'e', start: new Date(2026, 3, 6, 12).toISOString(), createdAt: '2026-02-02T12:00:00.000Z', minutes: 90 }),
    ];
    for (const firstDay of [1, 7]) {
      const bulk = new SessionIndex(firstDay, list);
      const one = new SessionIndex(firstDay);
      for (const s of list) one.put(s);
      expect(bulk.keys).to.deep.equal(one.keys);
      for (const key of one.keys) expect(bulk.weeks.get(key)!.map((s) => s.id), `week ${new Date(key).toDateString()}`).to.deep.equal(one.weeks.get(key)!.map((s) => s.id));
      expect(bulk.all().map((s) => s.id)).to.deep.equal(['e', 'd', 'c', 'b', 'a']);
      expect([...bulk.minutes].map(([k, m]) => [k, [...m]])).to.deep.equal([...one.minutes].map(([k, m]) => [k, [...m]]));
      expect([...bulk.tags]).to.deep.equal([['x', 1]]);
      expect([...bulk.bookingIds]).to.deep.equal([...one.bookingIds]);
      expect([bulk.latest?.id, one.latest?.id]).to.deep.equal(['d', 'd']);
    }
  });

  it('falls back to the session logged before when the latest goes (pure)', () => {
    const older = session({ id: 'older', start: '2026-01-05T10:00:00.000Z', createdAt: '2026-01-05T10:00:00.000Z', mentor: 'Ada' });
    const newer = session({ id: 'newer', start: '2026-01-06T10:00:00.000Z', createdAt: '2026-01-06T10:00:00.000Z', mentor: 'Grace' });
    const index = new SessionIndex(1, [older]);
    index.put(newer);
    expect(index.latest?.mentor).to.equal('Grace');
    index.remove('newer');
    expect(index.latest?.mentor).to.equal('Ada');
    index.remove('older');
    expect(index.latest).to.equal(undefined);
  });

  it('computes streaks from week keys across a year boundary (pure)', () => {
    const monday = 1;
    const current = weekStart(new Date(2026, 0, 7), monday);
    expect(new Date(current).toDateString()).to.equal(new Date(2026, 0, 5).toDateString());
    expect(new Date(addWeeks(current, -1)).toDateString()).to.equal(new Date(2025, 11, 29).toDateString());
    const hours = new Map([[addWeeks(current, -1), 3], [addWeeks(current, -2), 3], [addWeeks(current, -3), 1]]);
    // The current week is not on goal yet: the streak runs to last week.
    expect(streakOfWeeks((k) => hours.get(k) ?? 0, 2, current)).to.equal(2);
    hours.set(current, 2);
    expect(streakOfWeeks((k) => hours.get(k) ?? 0, 2, current)).to.equal(3);
    // No goal, no streak (and no endless count of weeks with 0 ≥ 0 hours).
    expect(streakOfWeeks((k) => hours.get(k) ?? 0, 0, current)).to.equal(0);
    // Sunday-first weeks (en-US): 1 Jan 2026 is a Thursday; its week starts on Sunday 28 Dec 2025.
    expect(new Date(weekStart(new Date(2026, 0, 1, 23), 7)).toDateString()).to.equal(new Date(2025, 11, 28).toDateString());
  });

  it('counts the activities and tags in use, and forgets them with their last session (pure)', () => {
    const review = session({ start: '2026-01-05T10:00:00.000Z', activity: 'code-review', tags: ['parser'] });
    const other = session({ start: '2026-01-12T10:00:00.000Z', activity: 'code-review', tags: ['parser', 'ci'] });
    const index = new SessionIndex(1, [review, other]);
    expect([...index.activities]).to.deep.equal([['code-review', 2]]);
    expect([...index.tags]).to.deep.equal([['parser', 2], ['ci', 1]]);
    index.put({ ...other, activity: 'weekly-review', tags: [] });
    expect([...index.activities]).to.deep.equal([['code-review', 1], ['weekly-review', 1]]);
    index.remove(review.id);
    expect([...index.activities]).to.deep.equal([['weekly-review', 1]]);
    expect(index.tags.size).to.equal(0);
  });

  it('takes the goal from the plan when there is no weekly-goal, and reports a bad weekly-goal', async () => {
    const client = memoryClient();
    await client.plan.update({ weeklyHours: 5.5, roleId: 'mentee' });
    await client.sessions.add({ start: new Date().toISOString(), minutes: 60, activity: 'one-on-one' });
    const el = await mount(client);
    expect(text($(el, '.week-hours'))).to.equal('1 of 5.5 hours');
    expect($<HTMLMeterElement>(el, 'meter').max).to.equal(5.5);

    await client.plan.update({ weeklyHours: 7 });
    await el.updateComplete;
    expect(text($(el, '.week-hours'))).to.equal('1 of 7 hours');

    const error = oneEvent(el, 'mentorship-error');
    el.setAttribute('weekly-goal', 'lots');
    expect((await error).detail).to.include({ source: 'weekly-goal', element: 'session-tracker' });
    await el.updateComplete;
    expect(text($(el, '[role=alert]'))).to.contain('weekly-goal');
    expect(text($(el, '[role=alert]'))).to.contain('"lots" is not a number');
    expect(text($(el, '.week-hours'))).to.equal('1 of 7 hours');
    await expect(el).to.be.accessible();

    el.setAttribute('weekly-goal', '2');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=error]')).to.equal(null);
    expect(text($(el, '.week-hours'))).to.equal('1 of 2 hours');
  });

  it('filters by activity and by tag', async () => {
    const client = memoryClient();
    const now = Date.now();
    await client.sessions.add({ start: new Date(now - 3_600_000).toISOString(), minutes: 60, activity: 'code-review', tags: ['api'] });
    await client.sessions.add({ start: new Date(now - 7_200_000).toISOString(), minutes: 60, activity: 'one-on-one', tags: ['api', 'career'] });
    await client.sessions.add({ start: new Date(now - 10_800_000).toISOString(), minutes: 60, activity: 'one-on-one' });
    const el = await mount(client);
    expect(rows(el)).to.have.length(3);
    const [activity, tag] = $$<HTMLSelectElement>(el, '[part=filters] select');
    activity!.value = 'one-on-one';
    activity!.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(rows(el).map((r) => text(r.querySelector('.what')))).to.deep.equal(['One-on-one', 'One-on-one']);
    tag!.value = 'api';
    tag!.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(rows(el)).to.have.length(1);
    expect(text(rows(el)[0]!.querySelector('.badge'))).to.equal('api');
    activity!.value = 'career-planning';
    activity!.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text($(el, '.message.info'))).to.equal('No sessions match this filter.');
    await expect(el).to.be.accessible();
  });

  it('lists upcoming booked sessions and logs one with "Mark done"', async () => {
    const client = memoryClient();
    const from = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const [slot] = await client.slots.list({ mentorId: 'lena-hoffmann', sessionTypeId: 'technical-review', from, to });
    const el = await mount(client);
    const booking = await client.bookings.create({
      mentorId: 'lena-hoffmann',
      sessionTypeId: 'technical-review',
      start: slot!.start,
      timeZone: 'Europe/Berlin',
      name: 'Ada',
      email: 'ada@example.com',
      careerLevel: 'senior',
      goals: '',
      message: '',
    });
    await el.updateComplete;
    const item = $(el, `[part=upcoming] li[data-booking="${booking.id}"]`);
    expect(text(item.querySelector('.what'))).to.equal('Technical review');
    expect(text(item)).to.contain('Lena Hoffmann');
    await expect(el).to.be.accessible();

    const logged = oneEvent(el, 'session-change');
    item.querySelector<HTMLButtonElement>('.mark-done')!.click();
    const { detail } = await logged;
    expect(detail.session).to.include({ start: booking.start, minutes: 90, activity: 'technical-review', mentor: 'Lena Hoffmann', source: 'booking', bookingId: booking.id });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=upcoming]')).to.equal(null);
    const row = el.shadowRoot!.querySelector(`li[data-id="${detail.session.id}"]`)!;
    expect([...row.querySelectorAll('.badge')].map(text)).to.deep.equal(['Booked']);
  });

  it('marks sessions waiting to sync', async () => {
    const { backend, announce } = queuedBackend([]);
    const client = createClient({ backend });
    const a = await client.sessions.add({ start: new Date().toISOString(), minutes: 60, activity: 'one-on-one' });
    const b = await client.sessions.add({ start: new Date(Date.now() - 3_600_000).toISOString(), minutes: 60, activity: 'one-on-one' });
    const el = await mount(client);
    expect($$(el, '.badge.pending')).to.have.length(0);
    announce([b.id]);
    await el.updateComplete;
    expect($$(el, '.badge.pending').map((badge) => [badge.closest('li')!.dataset.id, text(badge)])).to.deep.equal([[b.id, 'Waiting to sync']]);
    announce([]);
    await el.updateComplete;
    expect($$(el, '.badge.pending')).to.have.length(0);
    expect(a.id).to.not.equal(b.id);
  });

  it('exports CSV with a header row and quoted notes through a download link', async () => {
    const client = memoryClient();
    const notes = 'Agenda: design, tests\n"Ship it" next week';
    const added = await client.sessions.add({ start: '2026-01-05T09:00:00.000Z', minutes: 90, activity: 'code-review', mentor: 'Reed, Marcus', notes });
    const el = await mount(client);
    const link = $<HTMLAnchorElement>(el, 'a[data-export=csv]');
    // Each click the browser would follow; the first one loads the export code, then follows the
    // link itself: one click by the user is one download.
    const followed: string[] = [];
    link.addEventListener('click', (e) => (e.preventDefault(), followed.push(link.href)));
    link.click();
    await waitUntil(() => followed.some((href) => href.startsWith('blob:')), 'the first click did not download');
    expect(followed.filter((href) => href.startsWith('blob:'))).to.have.length(1);
    expect(link.href).to.match(/^blob:/);
    expect(link.download).to.match(/^sessions-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await (await fetch(link.href)).text();
    const parsed = parseCsv(csv);
    expect(parsed[0]!.slice(0, 7)).to.deep.equal(['id', 'start', 'end', 'minutes', 'activity', 'mentor', 'notes']);
    expect(parsed[1]!.slice(0, 7)).to.deep.equal([added.id, added.start, '2026-01-05T10:30:00.000Z', '90', 'code-review', 'Reed, Marcus', notes]);
    expect(csv).to.contain('"Agenda: design, tests\n""Ship it"" next week"');

    const ics = $<HTMLAnchorElement>(el, 'a[data-export=ics]');
    ics.addEventListener('click', (e) => e.preventDefault());
    ics.click();
    await waitUntil(() => ics.href.startsWith('blob:'), 'no calendar file');
    const calendar = await (await fetch(ics.href)).text();
    expect(calendar).to.contain('DTSTART:20260105T090000Z\r\nDTEND:20260105T103000Z\r\nSUMMARY:Code review · Reed\\, Marcus\r\n');
  });

  it('round-trips JSON: export, import into another store, duplicates skipped, invalid ones named', async () => {
    const source = memoryClient();
    await source.sessions.add({ start: '2026-01-05T09:00:00.000Z', minutes: 60, activity: 'one-on-one', notes: 'one', tags: ['a'] });
    await source.sessions.add({ start: '2026-01-06T09:00:00.000Z', minutes: 30, activity: 'weekly-review', notes: 'two' });
    const exporter = await mount(source);
    const link = $<HTMLAnchorElement>(exporter, 'a[data-export=json]');
    link.addEventListener('click', (e) => e.preventDefault());
    link.click();
    await waitUntil(() => link.href.startsWith('blob:'), 'no JSON file');
    const json = await (await fetch(link.href)).text();
    expect(JSON.parse(json)).to.include({ format: 'mentorship-kit.sessions', version: 1 });

    const target = memoryClient();
    const el = await mount(target);
    const events: SessionChangeDetail[] = [];
    el.addEventListener('session-change', (e) => events.push(e.detail));
    const importFile = async (content: string) => {
      const input = $<HTMLInputElement>(el, 'input[type=file]');
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'sessions.json', { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
      await waitUntil(() => text($(el, '[part=notice]')) !== '', 'no import summary');
      const summary = text($(el, '[part=notice]'));
      [...$$<HTMLButtonElement>(el, '[part=notice] button')].at(-1)!.click(); // Dismiss
      await el.updateComplete;
      expect(text($(el, '[part=notice]'))).to.equal('');
      return summary;
    };
    expect(await importFile(json)).to.equal('2 imported, 0 already there, 0 invalid Dismiss');
    // One event for the whole import, carrying its summary and the sessions stored.
    expect(events.map((e) => e.kind)).to.deep.equal(['imported']);
    expect(events[0]!.kind === 'imported' && events[0]!.summary.sessions.map((x) => x.notes).sort()).to.deep.equal(['one', 'two']);
    expect((await target.sessions.list()).sort((a, b) => a.start.localeCompare(b.start))).to.deep.equal(
      (await source.sessions.list()).sort((a, b) => a.start.localeCompare(b.start)),
    );
    expect(rows(el)).to.have.length(2);
    const data = JSON.parse(json);
    data.sessions.push({ ...data.sessions[0], id: 'new-one' }, { ...data.sessions[0], id: 'broken', start: 'yesterday' });
    expect(await importFile(JSON.stringify(data))).to.match(/^1 imported, 2 already there, 1 invalid: session 4: start: .+ Dismiss$/);
    expect(rows(el)).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('changes nothing and says why when the import file is broken', async () => {
    const client = memoryClient();
    await client.sessions.add({ start: new Date().toISOString(), minutes: 60, activity: 'one-on-one' });
    const el = await mount(client);
    const before = await client.sessions.list();
    const input = $<HTMLInputElement>(el, 'input[type=file]');
    const transfer = new DataTransfer();
    transfer.items.add(new File(['{"format":"mentorship-kit.sessions","version":1,"sessions":[{"id":'], 'broken.json'));
    input.files = transfer.files;
    const error = oneEvent(el, 'mentorship-error');
    input.dispatchEvent(new Event('change'));
    expect((await error).detail).to.include({ source: 'import', code: 'invalid-input' });
    await el.updateComplete;
    expect(text($(el, '[part=notice] .field-error'))).to.match(/^Nothing was imported\. The file is not JSON \(.+\)$/);
    expect(await client.sessions.list()).to.deep.equal(before);
    expect(rows(el)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('holds 10,000 sessions, renders a few weeks at a time and adds one correctly', async () => {
    const namespace = freshNamespace('tracker-10k');
    const hour = 3_600_000;
    const newest = Date.now() - 2 * hour;
    const activities = ['one-on-one', 'code-review', 'project-practice', 'weekly-review'];
    const seeded = Array.from({ length: 10_000 }, (_, i) =>
      session({ id: `seed-${String(i).padStart(5, '0')}`, start: new Date(newest - i * 8 * hour).toISOString(), activity: activities[i % 4]!, minutes: 60 }),
    );
    // One batch straight into the IndexedDB store the local backend reads.
    await setMany(seeded.map((s) => [`session:${s.id}`, s]), createStore(`mentorship-kit:${namespace}`, 'records'));
    const client = createClient({ backend: localBackend({ namespace }) });
    const el = await mount(client, { 'weekly-goal': '10' });

    const index = new SessionIndex(1, seeded);
    const expectedWeeks = index.keys.slice(0, 4).map((k) => index.weeks.get(k)!.length);
    const rendered = $$(el, '.week').map((w) => w.querySelectorAll('li[data-id]').length);
    expect(rendered).to.deep.equal(expectedWeeks);
    expect(rows(el).length).to.be.below(100);
    expect(rows(el)[0]!.dataset.id).to.equal('seed-00000');

    const before = rows(el).length;
    const detail = await addThroughForm(el, { minutes: '45', notes: 'number 10,001' });
    await el.updateComplete;
    expect(rows(el)).to.have.length(before + 1);
    expect(rows(el)[0]!.dataset.id).to.equal(detail.session.id);
    expect(text(rows(el)[0]!.querySelector('.notes'))).to.equal('number 10,001');
    expect(await client.sessions.list()).to.have.length(10_001);

    $<HTMLButtonElement>(el, '.more').click();
    await el.updateComplete;
    expect($$(el, '.week')).to.have.length(8);
    await aTimeout(0);
    expect(el.shadowRoot!.activeElement).to.equal($$(el, '.week h4')[4]);
    client.close();
  });

  it('shows a new session at once while it saves; a failed write takes it back, says why and keeps the form', async () => {
    const inner = memoryBackend();
    const kept = await createClient({ backend: inner }).sessions.add({ start: new Date(Date.now() - 8 * 86_400_000).toISOString(), minutes: 30, activity: 'one-on-one', mentor: 'Ada' });
    const writes: { session: Session; settle: (error?: Error) => void }[] = [];
    const backend: Backend = {
      ...inner,
      putSession: (s) =>
        new Promise<Session>((resolve, reject) => writes.push({ session: s, settle: (error) => (error ? reject(error) : resolve(inner.putSession(s))) })),
    };
    const client = createClient({ backend });
    const el = await mount(client);
    const form = $<HTMLFormElement>(el, 'form[part="add-form"]');
    const field = <T extends HTMLElement>(name: string) => form.querySelector<T>(`[name=${name}]`)!;
    await type(field<HTMLInputElement>('minutes'), '45');
    await type(field<HTMLTextAreaElement>('notes'), 'Paired on the parser');
    const changes: SessionChangeDetail[] = [];
    el.addEventListener('session-change', (e) => changes.push(e.detail));

    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => writes.length === 1, 'the write never started');
    await el.updateComplete;
    // Shown before the write is done: at the top, marked as saving, with no Edit or Delete yet.
    const pendingRow = rows(el)[0]!;
    expect(pendingRow.dataset.id).to.equal(writes[0]!.session.id);
    expect(text(pendingRow.querySelector('.notes'))).to.equal('Paired on the parser');
    expect(text(pendingRow.querySelector('.badge.pending'))).to.equal('Saving…');
    expect(pendingRow.querySelector('.edit, .delete')).to.equal(null);
    expect(text($(el, '.week-hours'))).to.equal('0.75 hours');
    expect(changes).to.deep.equal([]);
    await expect(el).to.be.accessible();

    const error = oneEvent(el, 'mentorship-error');
    writes[0]!.settle(new Error('disk full'));
    expect((await error).detail).to.include({ source: 'add', code: 'storage' });
    await el.updateComplete;
    // Taken back: only the session stored before; the notice says why; the form still holds what was typed.
    expect(rows(el).map((r) => r.dataset.id)).to.deep.equal([kept.id]);
    expect(text($(el, '[part=notice] .field-error'))).to.contain('disk full');
    expect(field<HTMLInputElement>('minutes').value).to.equal('45');
    expect(field<HTMLTextAreaElement>('notes').value).to.equal('Paired on the parser');
    expect(field<HTMLInputElement>('mentor').value).to.equal('Ada');
    expect(changes).to.deep.equal([]);
    expect((await client.sessions.list()).map((s) => s.id)).to.deep.equal([kept.id]);

    // Trying again stores it: the badge goes, the form empties, one session-change.
    const added = oneEvent(el, 'session-change');
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => writes.length === 2, 'the second write never started');
    writes[1]!.settle();
    const { session: stored } = (await added).detail as { session: Session };
    await el.updateComplete;
    expect(rows(el).map((r) => r.dataset.id)).to.deep.equal([stored.id, kept.id]);
    expect(rows(el)[0]!.querySelector('.badge.pending')).to.equal(null);
    expect(rows(el)[0]!.querySelectorAll('.edit, .delete')).to.have.length(2);
    expect(field<HTMLTextAreaElement>('notes').value).to.equal('');
    expect(stored).to.include({ minutes: 45, notes: 'Paired on the parser' });
    expect((await client.sessions.list()).map((s) => s.id).sort()).to.deep.equal([stored.id, kept.id].sort());
    expect(changes.map((c) => c.kind)).to.deep.equal(['added']);
  });

  it('readonly shows sessions and exports without any way to change them', async () => {
    const client = memoryClient();
    await client.sessions.add({ start: new Date().toISOString(), minutes: 60, activity: 'one-on-one' });
    const el = await mount(client, { readonly: '' });
    expect(rows(el)).to.have.length(1);
    expect(el.shadowRoot!.querySelector('form, .edit, .delete, input[type=file]')).to.equal(null);
    expect($$(el, 'a[data-export]')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('speaks German for de-DE, with Monday weeks and German numbers', async () => {
    const client = memoryClient();
    await client.sessions.add({ start: new Date().toISOString(), minutes: 90, activity: 'code-review' });
    const el = await mount(client, { 'weekly-goal': '5.5' });
    el.locale = 'de-DE';
    await el.updateComplete;
    expect(text($(el, '#add-title'))).to.equal('Sitzung eintragen');
    expect(text($(el, '.week-hours'))).to.equal('1,5 von 5,5 Stunden');
    expect(text(rows(el)[0]!.querySelector('.what'))).to.equal('Code-Review');
    expect(text($(el, '[part=export] h3'))).to.equal('Exportieren');
    for (const english of ['Log a session', 'Sessions', 'Edit', 'Delete', 'This week', 'Week of', 'Show as table', 'Import']) {
      expect(el.shadowRoot!.textContent).to.not.contain(english);
    }
    await expect(el).to.be.accessible();
  });

  it('shows loading, then an error with a retry that recovers', async () => {
    const inner = memoryBackend();
    let fail = true;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const backend: Backend = {
      ...inner,
      async listSessions() {
        await gate;
        if (fail) throw new Error('disk on fire');
        return inner.listSessions();
      },
    };
    const client = createClient({ backend });
    const wrapper = await fixture(html`<mentorship-provider .client=${client}></mentorship-provider>`);
    const el = document.createElement('session-tracker');
    el.locale = 'en-GB';
    const error = oneEvent(el, 'mentorship-error');
    wrapper.append(el);
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('loading');
    expect($(el, '[aria-busy=true]')).to.not.equal(null);
    await expect(el).to.be.accessible();

    release();
    expect((await error).detail).to.include({ source: 'load', code: 'storage' });
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('error');
    expect(text($(el, '.load-error'))).to.equal('Could not load your sessions. disk on fire Try again');
    expect(el.shadowRoot!.querySelectorAll('[role=alert]')).to.have.length(1);
    await expect(el).to.be.accessible();

    fail = false;
    $<HTMLButtonElement>(el, '.load-error button').click();
    await waitUntil(() => el.viewState === 'empty', 'retry did not recover');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=error]')).to.equal(null);
  });
});
