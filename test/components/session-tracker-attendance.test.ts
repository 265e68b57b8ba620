/**
 * <session-tracker>: past bookings to sessions. A booking that has ended (single, a series'
 * occurrence, a group seat) waits under "Did these take place?"; "Attended" counts it toward the
 * week as a session of its length — once, however often it is marked and across a reload —
 * "No-show" does not, and Undo takes either back. The streak forgives `allowed-misses` weeks.
 * Local and memory backends with a clock the test moves (the bookings are made in the past).
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/mentorship-provider.js';
import '../../src/define/session-tracker.js';
import type { SessionChangeDetail, SessionTracker } from '../../src/components/session-tracker/session-tracker.js';
import { addWeeks, streakOfWeeks, weekStart } from '../../src/components/session-tracker/session-index.js';
import type { Backend } from '../../src/sdk/backends/backend.js';
import { localBackend } from '../../src/sdk/backends/local.js';
import { memoryBackend } from '../../src/sdk/backends/memory.js';
import { createClient, type MentorshipClient } from '../../src/sdk/client.js';
import type { Booking, BookingRequest } from '../../src/sdk/schemas.js';
import { freshNamespace } from '../helpers.js';
import '../../src/locales/de.js';

const DAY = 86_400_000;
const $ = <T extends Element = HTMLElement>(el: SessionTracker, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: SessionTracker, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A client whose backend's clock stands `daysAgo` days back until `clock.now()` is called. */
function pastClient(make: (now: () => string) => Backend, daysAgo = 14) {
  let at = Date.now() - daysAgo * DAY;
  const client = createClient({ backend: make(() => new Date(at).toISOString()) });
  return { client, at: () => at, now: () => (at = Date.now()) };
}

const request = (start: string, sessionTypeId = 'technical-review'): BookingRequest => ({
  mentorId: 'lena-hoffmann',
  sessionTypeId,
  start,
  timeZone: 'Europe/Berlin',
  name: 'Ada',
  email: 'ada@example.com',
  careerLevel: 'senior',
  goals: '',
  message: '',
});

/** Books the first free slot of `sessionTypeId` a day or more after the backend's clock. */
async function bookPast(client: MentorshipClient, at: number, sessionTypeId = 'technical-review', afterDays = 1): Promise<Booking> {
  const [slot] = await client.slots.list({ mentorId: 'lena-hoffmann', sessionTypeId, from: new Date(at + afterDays * DAY).toISOString(), to: new Date(at + (afterDays + 3) * DAY).toISOString() });
  return client.bookings.create(request(slot!.start, sessionTypeId));
}

async function mount(client: MentorshipClient, attributes: Record<string, string> = {}): Promise<SessionTracker> {
  const wrapper = await fixture(html`<mentorship-provider .client=${client}></mentorship-provider>`);
  const el = document.createElement('session-tracker');
  el.setAttribute('locale', 'en-GB');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  wrapper.append(el);
  await waitUntil(() => el.viewState !== 'loading', 'tracker did not load');
  await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy=true]'), 'the attendance section did not load');
  await el.updateComplete;
  return el;
}

const awaiting = (el: SessionTracker) => $$(el, '[part=attendance] li').map((li) => li.dataset.booking);
/** The hours in the heading of the week holding `start` ("Week of 5 Jan 2026 · 1.5 h" → 1.5; 0 without one). */
const weekHours = (el: SessionTracker, start: string) => {
  const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(weekStart(start, 1));
  const heading = $$(el, '.week h4').find((h) => text(h).startsWith(`Week of ${date} ·`));
  return heading ? Number(/· ([\d.]+) h/.exec(text(heading))![1]) : 0;
};

async function click(el: SessionTracker, selector: string) {
  const changed = oneEvent(el, 'session-change');
  $<HTMLButtonElement>(el, selector).click();
  return (await changed).detail as SessionChangeDetail & { session: import('../../src/sdk/schemas.js').Session };
}

describe('<session-tracker> attendance', () => {
  it('counts an attended booking once as a session of its length; Undo takes it back', async () => {
    const namespace = freshNamespace('attend');
    const past = pastClient((now) => localBackend({ namespace, now }));
    const booking = await bookPast(past.client, past.at());
    past.now();
    const el = await mount(past.client);
    expect(awaiting(el)).to.deep.equal([booking.id]);
    expect(text($(el, '[part=attendance] h3'))).to.equal('Did these take place?');
    expect(text($(el, `[data-booking="${booking.id}"] .what`))).to.equal('Technical review');
    await expect(el).to.be.accessible();

    const { kind, session } = await click(el, `[data-booking="${booking.id}"] .attended`);
    expect(kind).to.equal('added');
    expect(session).to.include({ start: booking.start, minutes: 90, activity: 'technical-review', mentor: 'Lena Hoffmann', source: 'booking', bookingId: booking.id });
    await el.updateComplete;
    expect(awaiting(el)).to.deep.equal([]);
    expect(weekHours(el, booking.start)).to.equal(1.5);
    expect(text($(el, '[part=notice]'))).to.contain('counted as attended (90 mins)');
    await expect(el).to.be.accessible();

    // Marked again (another tab, a double click that got through): still one session.
    await past.client.bookings.markAttendance(booking.id, 'attended');
    await past.client.bookings.markAttendance(booking.id, 'attended');
    await el.updateComplete;
    expect($$(el, '.week li[data-id]').length).to.equal(1);
    expect(weekHours(el, booking.start)).to.equal(1.5);

    // A reload: a new client on the same storage counts it once too.
    const reloaded = createClient({ backend: localBackend({ namespace }) });
    const again = await mount(reloaded);
    expect(awaiting(again)).to.deep.equal([]);
    expect($$(again, '.week li[data-id]').length).to.equal(1);
    expect(weekHours(again, booking.start)).to.equal(1.5);

    // Undo: no session, the booking waits again.
    const undone = oneEvent(el, 'session-change');
    $<HTMLButtonElement>(el, '.undo').click();
    expect((await undone).detail.kind).to.equal('removed');
    await el.updateComplete;
    expect(awaiting(el)).to.deep.equal([booking.id]);
    expect($$(el, '.week li[data-id]').length).to.equal(0);
    expect((await past.client.bookings.list())[0]!.attendance).to.equal(undefined);
  });

  it('a no-show does not count and leaves the list; Undo brings it back', async () => {
    const past = pastClient((now) => memoryBackend({ now }));
    const booking = await bookPast(past.client, past.at());
    await past.client.sessions.add({ start: new Date().toISOString(), minutes: 60, activity: 'one-on-one' });
    past.now();
    const el = await mount(past.client, { 'weekly-goal': '1' });
    $<HTMLButtonElement>(el, `[data-booking="${booking.id}"] .no-show`).click();
    await waitUntil(() => !awaiting(el).length, 'the booking stayed');
    expect(text($(el, '[part=notice]'))).to.contain('marked as a no-show');
    expect((await past.client.bookings.list())[0]).to.include({ attendance: 'no-show', attendanceBy: 'mentee' });
    expect((await past.client.sessions.list()).filter((s) => s.bookingId)).to.deep.equal([]);
    $<HTMLButtonElement>(el, '.undo').click();
    await waitUntil(() => awaiting(el).length === 1, 'Undo did not bring it back');
    await expect(el).to.be.accessible();
  });

  it('series occurrences and group seats wait too, each counted by its own length', async () => {
    const past = pastClient((now) => memoryBackend({ now }), 20);
    const [slot] = await past.client.slots.list({ mentorId: 'lena-hoffmann', sessionTypeId: 'one-on-one', from: new Date(past.at() + DAY).toISOString(), to: new Date(past.at() + 4 * DAY).toISOString() });
    const series = await past.client.series.create({ ...request(slot!.start, 'one-on-one'), frequency: 'weekly', count: 2 });
    const seat = await bookPast(past.client, past.at(), 'group-session', 4);
    past.now();
    const el = await mount(past.client);
    expect(awaiting(el)).to.have.members([...series.bookings.map((b) => b.id), seat.id]);
    const occurrence = await click(el, `[data-booking="${series.bookings[1]!.id}"] .attended`);
    expect(occurrence.session).to.include({ minutes: 60, bookingId: series.bookings[1]!.id });
    const group = await click(el, `[data-booking="${seat.id}"] .attended`);
    expect(group.session).to.include({ minutes: 90, bookingId: seat.id });
    await el.updateComplete;
    expect(awaiting(el)).to.deep.equal([series.bookings[0]!.id]);
  });

  it('by keyboard: Tab to "Attended", Enter, and the focus lands on Undo', async () => {
    const past = pastClient((now) => memoryBackend({ now }));
    const booking = await bookPast(past.client, past.at());
    past.now();
    const el = await mount(past.client);
    const button = $<HTMLButtonElement>(el, `[data-booking="${booking.id}"] .attended`);
    expect(button.getAttribute('aria-label')).to.match(/^Attended: Technical review, /);
    button.focus();
    const changed = oneEvent(el, 'session-change');
    await sendKeys({ press: 'Enter' });
    await changed;
    await waitUntil(() => el.shadowRoot!.activeElement?.classList.contains('undo'), 'the focus did not move to Undo');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => awaiting(el).length === 1, 'Undo by keyboard did not work');
    await waitUntil(() => el.shadowRoot!.activeElement?.classList.contains('attended'), 'the focus did not return to the booking');
  });

  it('speaks German', async () => {
    const past = pastClient((now) => memoryBackend({ now }));
    const booking = await bookPast(past.client, past.at());
    past.now();
    const el = await mount(past.client, { locale: 'de-DE' });
    expect(text($(el, '[part=attendance] h3'))).to.equal('Haben diese Sitzungen stattgefunden?');
    expect([text($(el, '.attended')), text($(el, '.no-show'))]).to.deep.equal(['Teilgenommen', 'Nicht erschienen']);
    await click(el, `[data-booking="${booking.id}"] .attended`);
    await el.updateComplete;
    expect(text($(el, '[part=notice]'))).to.contain('als besucht gezählt');
    el.setAttribute('weekly-goal', '1');
    el.setAttribute('allowed-misses', '2');
    await el.updateComplete;
    expect(text($(el, '.streak'))).to.match(/^Serie: \d+ Wochen? in Folge im Ziel \(2 verpasste Wochen erlaubt\)$/);
    await expect(el).to.be.accessible();
  });

  it('readonly shows the past bookings without the buttons; a backend without attendance offers "Mark done"', async () => {
    const past = pastClient((now) => memoryBackend({ now }));
    const booking = await bookPast(past.client, past.at());
    past.now();
    const readonly = await mount(past.client, { readonly: '' });
    expect(awaiting(readonly)).to.deep.equal([booking.id]);
    expect($$(readonly, '[part=attendance] button')).to.have.length(0);

    // A backend of one's own against the interface, without setBookingAttendance.
    const { setBookingAttendance: _none, ...rest } = past.client.backend;
    const plain = createClient({ backend: rest as Backend });
    const el = await mount(plain);
    expect($$(el, '[part=attendance] button').map((b) => text(b))).to.deep.equal(['Mark done']);
    const { session } = await click(el, `[data-booking="${booking.id}"] .mark-done`);
    expect(session).to.include({ bookingId: booking.id, minutes: 90 });
    await el.updateComplete;
    expect(awaiting(el)).to.deep.equal([]);
  });

  it('refuses attendance before the session has ended (SDK, local rules)', async () => {
    const client = createClient({ backend: memoryBackend() });
    const [slot] = await client.slots.list({ mentorId: 'lena-hoffmann', sessionTypeId: 'technical-review', from: new Date(Date.now() + 2 * DAY).toISOString(), to: new Date(Date.now() + 9 * DAY).toISOString() });
    const booking = await client.bookings.create(request(slot!.start));
    const error = await client.bookings.markAttendance(booking.id, 'attended').then(() => null, (e) => e);
    expect([error?.code, error?.message]).to.deep.equal(['conflict', 'This session has not ended yet; mark attendance afterwards.']);
    const el = await mount(client);
    expect(el.shadowRoot!.querySelector('[part=attendance]')).to.equal(null);
    expect($$(el, '[part=upcoming] li').map((li) => li.dataset.booking)).to.deep.equal([booking.id]);
  });
});

describe('<session-tracker> allowed-misses', () => {
  it('forgives up to N missed weeks in all (pure)', () => {
    const current = weekStart(new Date(2026, 0, 7), 1);
    // On goal: this week, 1, 3, 4 and 6 weeks ago; 2 and 5 weeks ago missed.
    const hours = new Map([0, -1, -3, -4, -6].map((n) => [addWeeks(current, n), 2]));
    const streak = (misses: number) => streakOfWeeks((k) => hours.get(k) ?? 0, 2, current, misses);
    expect(streak(0)).to.equal(2);
    expect(streak(1)).to.equal(4);
    expect(streak(2)).to.equal(5);
    // Before the first session every week is a miss: more forgiveness adds nothing.
    expect(streak(10)).to.equal(5);
    // This week not on goal yet is no miss: the streak runs from last week.
    hours.delete(current);
    expect(streak(0)).to.equal(1);
    expect(streak(1)).to.equal(3);
    expect(streakOfWeeks(() => 5, 0, current, 3)).to.equal(0);
  });

  it('shows the forgiving streak, and a clear message for a bad allowed-misses', async () => {
    const client = createClient({ backend: memoryBackend() });
    const now = new Date();
    for (const weeksAgo of [0, 2]) await client.sessions.add({ start: new Date(now.getTime() - weeksAgo * 7 * DAY).toISOString(), minutes: 120, activity: 'one-on-one' });
    const el = await mount(client, { 'weekly-goal': '2' });
    expect(text($(el, '.streak'))).to.equal('Streak: 1 week in a row on goal');
    el.setAttribute('allowed-misses', '1');
    await el.updateComplete;
    expect(text($(el, '.streak'))).to.equal('Streak: 2 weeks in a row on goal (1 missed week allowed)');

    const error = oneEvent(el, 'mentorship-error');
    el.setAttribute('allowed-misses', '-1');
    expect((await error).detail).to.include({ source: 'allowed-misses', element: 'session-tracker' });
    await el.updateComplete;
    expect(text($(el, '[role=alert]'))).to.contain('allowed-misses');
    expect(text($(el, '.streak'))).to.equal('Streak: 1 week in a row on goal');
    await expect(el).to.be.accessible();
    el.setAttribute('allowed-misses', '1.5');
    await el.updateComplete;
    expect(text($(el, '[role=alert]'))).to.contain('allowed-misses');
    el.removeAttribute('allowed-misses');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=error]')).to.equal(null);
  });
});
