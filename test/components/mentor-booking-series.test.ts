/**
 * <mentor-booking>'s recurring series (issue 16): a visitor in New York books 1:1 coaching with
 * Lena (Berlin) every week × 12 across Berlin's daylight-saving change (New York's came a week before), sees one occurrence taken and
 * resolves it, gets one .ics that ical.js reads back, and cancels the rest — by keyboard alone.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import '../../src/define/mentor-booking.js';
import '../../src/define/mentorship-provider.js';
import '../../src/define/session-tracker.js';
import { bookingChunks, type MentorBooking } from '../../src/components/mentor-booking/mentor-booking.js';
import type { SessionTracker } from '../../src/components/session-tracker/session-tracker.js';
import { memoryBackend } from '../../src/sdk/backends/memory.js';
import { DEMO_CATALOG } from '../../src/sdk/catalog/demo-catalog.js';
import { createClient, type MentorshipClient } from '../../src/sdk/client.js';
import { seriesStarts } from '../../src/sdk/scheduling/series.js';
import type { Booking, Catalog, Series } from '../../src/sdk/schemas.js';
import { dateRangeText } from '../intl.js';
import '../../src/locales/de.js';
import { fillDetails } from './booking-form.js';

const MONDAY = () => '2026-03-02T00:00:00.000Z';
// Lena with a 120-day horizon, so 12 weeks fit.
const catalog: Catalog = structuredClone(DEMO_CATALOG);
catalog.mentors[0]!.rules = { ...catalog.mentors[0]!.rules, horizonDays: 120 };
const FIRST = '2026-03-16T08:00:00.000Z'; // Monday 09:00 CET (Lena's first time that day), 04:00 in New York (EDT since 8 March)
const TAKEN = '2026-04-27T07:00:00.000Z'; // the 7th Monday, 09:00 CEST (Berlin changed on 29 March)
const STARTS = seriesStarts(FIRST, 'Europe/Berlin', 'weekly', 12) as string[];
const NY = 'America/New_York';
const ZONED: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
/** An occurrence as the element writes it, in New York: "Monday, 16 March 2026, 09:00–10:00 GMT-4". */
const when = (start: string, locale = 'en-GB') => dateRangeText(locale, start, Date.parse(start) + 3_600_000, { ...ZONED, timeZone: NY });
const berlin = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const step = (el: MentorBooking) => $(el, '[part=step]')?.dataset['step'];
const active = (el: MentorBooking) => el.shadowRoot!.activeElement as HTMLElement | null;
const BUSY = { timeout: 10_000 };
async function atStep(el: MentorBooking, name: string) {
  await waitUntil(() => step(el) === name, `never reached step ${name} (at ${step(el)})`, BUSY);
  await el.updateComplete;
}
/** The occurrences listed, as [text of the time, status]. */
const occurrences = (el: MentorBooking) => $$(el, '[part=occurrence]').map((li) => [text(li.querySelector('span, s')), li.dataset['status']]);

async function mount(client: MentorshipClient, attrs: Record<string, string> = {}) {
  const wrapper = await fixture<HTMLElement>(html`<mentorship-provider .client=${client}><mentor-booking></mentor-booking></mentorship-provider>`);
  const el = wrapper.querySelector('mentor-booking')!;
  for (const [name, value] of Object.entries({ locale: 'en-GB', timezone: NY, mentor: 'lena-hoffmann', 'session-type': 'one-on-one', name: 'Ada Lovelace', ...attrs })) el.setAttribute(name, value);
  await waitUntil(() => $(el, 'table[role=grid]'), 'no calendar', BUSY);
  await el.updateComplete;
  return el;
}

/** A client whose backend already has Lena's 7th Monday taken by someone else. */
async function clientWithConflict() {
  const client = createClient({ backend: memoryBackend({ catalog, now: MONDAY }) });
  await client.bookings.create({ mentorId: 'lena-hoffmann', sessionTypeId: 'one-on-one', start: TAKEN, timeZone: 'UTC', name: 'Someone', email: 'someone@example.com', careerLevel: 'mid', goals: '', message: '' });
  return client;
}

/** Clicks through to the details of Monday 16 March at 04:00 New York time (09:00 in Berlin). */
async function detailsOfFirst(el: MentorBooking) {
  $(el, '[data-date="2026-03-16"]')!.click();
  await atStep(el, 'time');
  $$<HTMLButtonElement>(el, '[part=time]')[0]!.click();
  await atStep(el, 'details');
}

/** The details of Monday 16 March with the visitor's email and level filled in, and Repeat on. */
async function repeatFromFirst(el: MentorBooking) {
  await detailsOfFirst(el);
  await waitUntil(() => $(el, '[part=repeat]'), 'no Repeat control', BUSY);
  fillDetails(el, { email: 'ada@example.com', careerLevel: 'senior' });
  const box = $<HTMLInputElement>(el, '[part=repeat] input[type=checkbox]')!;
  box.click();
  await el.updateComplete;
}

describe('<mentor-booking> recurring series', () => {
  it('books 12 weeks across DST from New York, resolves a conflict, gives one .ics, cancels the rest: keyboard alone, axe clean', async () => {
    const client = await clientWithConflict();
    const el = await mount(client);
    const tabTo = async (predicate: (node: HTMLElement) => boolean, max = 40) => {
      for (let i = 0; i < max && !(active(el) && predicate(active(el)!)); i++) await sendKeys({ press: 'Tab' });
      expect(active(el) && predicate(active(el)!), `focus on ${active(el)?.outerHTML}`).to.equal(true);
    };
    // The calendar opens on 2 March; two weeks down is Monday 16 March.
    await tabTo((n) => n.dataset['date'] !== undefined);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(active(el)!.dataset['date']).to.equal('2026-03-16');
    await sendKeys({ press: 'Enter' });
    await atStep(el, 'time');
    await tabTo((n) => n.getAttribute('part') === 'time');
    expect(n(active(el)!.getAttribute('aria-label'))).to.contain('04:00'); // 09:00 in Berlin
    await sendKeys({ press: 'Enter' });
    await atStep(el, 'details');
    await waitUntil(() => $(el, '[part=repeat]'), 'no Repeat control', BUSY);
    expect($<HTMLInputElement>(el, '[part=repeat] input[type=checkbox]')!.checked).to.equal(false); // off by default
    await tabTo((n) => n.id === 'email');
    await sendKeys({ type: 'ada@example.com' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' }); // Student
    await tabTo((n) => n.getAttribute('type') === 'checkbox');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;

    // Every week (1:1 coaching's own cadence) × 12, listed in New York time with the 7th taken.
    const [frequency, count] = $$<HTMLSelectElement>(el, '[part=repeat] select');
    expect([frequency!.value, count!.value]).to.deep.equal(['weekly', '12']);
    expect(occurrences(el)).to.deep.equal(STARTS.map((s) => [when(s), s === TAKEN ? 'conflict' : 'free']));
    // 04:00 in New York for two weeks, then 03:00 once Berlin has changed too; 09:00 in Berlin throughout.
    expect(STARTS.map(berlin)).to.deep.equal(Array(12).fill('09:00'));
    expect(n(occurrences(el)[1]![0]!)).to.contain('04:00');
    expect(n(occurrences(el)[2]![0]!)).to.contain('03:00');
    expect(text($(el, '#series-conflicts'))).to.equal('One session is not available: leave it out or choose another time for it.');
    expect(text($(el, 'button.primary'))).to.equal('Book 11 sessions');
    await expect(el).to.be.accessible();

    // Booking with the conflict unresolved is refused with the reason; focus goes to the conflict.
    await tabTo((n) => text(n) === 'Book 11 sessions');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text($(el, '[role=alert]'))).to.equal('One session is not available: leave it out or choose another time for it.');
    expect(text(active(el))).to.equal('Leave out');

    // Another time for it, from the free times within three days.
    await sendKeys({ press: 'Tab' });
    const select = active(el) as HTMLSelectElement;
    expect(select.localName).to.equal('select');
    const other = select.options[1]!.value;
    expect(Math.abs(Date.parse(other) - Date.parse(TAKEN))).to.be.at.most(3 * 86_400_000);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(occurrences(el)[6]).to.deep.equal([when(other), 'moved']);
    expect(text(active(el))).to.equal('Undo'); // focus stays on the occurrence
    expect(text($(el, 'button.primary'))).to.equal('Book 12 sessions');
    await expect(el).to.be.accessible();

    const confirmed = oneEvent(el, 'series-confirmed');
    await tabTo((n) => text(n) === 'Book 12 sessions');
    await sendKeys({ press: 'Enter' });
    const series = (await confirmed).detail as Series;
    const expected = STARTS.map((s) => (s === TAKEN ? other : s));
    expect(series.bookings.map((b) => b.start)).to.deep.equal(expected);
    expect(series.bookings.every((b) => b.seriesId === series.id && b.email === 'ada@example.com' && b.timeZone === NY)).to.equal(true);
    await atStep(el, 'series');
    expect(text($(el, 'h3'))).to.equal('Your 12 sessions are booked');
    expect(active(el)?.localName).to.equal('h3');
    expect(occurrences(el)).to.deep.equal(expected.map((s) => [when(s), 'confirmed']));
    await expect(el).to.be.accessible();

    // One .ics with every occurrence, which ical.js reads at the booked instants.
    const link = $<HTMLAnchorElement>(el, '[part=ics]')!;
    expect(link.download).to.equal('mentorship-series.ics');
    const events = new ICAL.Component(ICAL.parse(await (await fetch(link.href)).text())).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).to.deep.equal(expected);
    expect(events.map((e) => e.summary)).to.deep.equal(Array(12).fill('1:1 coaching with Lena Hoffmann'));

    // Cancel the 9th and all later: four booking-cancelled events, one per occurrence.
    const cancelled: Booking[] = [];
    el.addEventListener('booking-cancelled', (e) => cancelled.push(e.detail));
    const ninth = series.bookings[8]!;
    await tabTo((n) => text(n) === 'Cancel this and all later' && n.getAttribute('aria-describedby') === `b-${ninth.id}`, 60);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => cancelled.length === 4, 'not four cancellations', BUSY);
    await el.updateComplete;
    expect(cancelled.map((b) => [b.start, b.status])).to.deep.equal(expected.slice(8).map((s) => [s, 'cancelled']));
    expect(text($(el, 'h3'))).to.equal('Your 8 sessions are booked');
    expect(text($(el, '[role=alert]'))).to.equal('4 sessions cancelled.');
    expect(occurrences(el).map(([, status]) => status)).to.deep.equal([...Array(8).fill('confirmed'), ...Array(4).fill('cancelled')]);
    const stored = (await client.bookings.list()).filter((b) => b.seriesId === series.id);
    expect(stored.filter((b) => b.status === 'confirmed')).to.have.length(8);
    const after = new ICAL.Component(ICAL.parse(await (await fetch($<HTMLAnchorElement>(el, '[part=ics]')!.href)).text())).getAllSubcomponents('vevent');
    expect(after.map((v) => v.getFirstPropertyValue('status'))).to.deep.equal([...Array(8).fill('CONFIRMED'), ...Array(4).fill('CANCELLED')]);
    await expect(el).to.be.accessible();
    client.close();
  });

  it('leaves a conflicting occurrence out (11 booked, the dropped one under skipped), cancels one occurrence alone', async () => {
    const client = await clientWithConflict();
    const el = await mount(client);
    await repeatFromFirst(el);
    $$<HTMLButtonElement>(el, '[data-status=conflict] button').find((b) => text(b) === 'Leave out')!.click();
    await el.updateComplete;
    expect(occurrences(el)[6]).to.deep.equal([when(TAKEN), 'dropped']);
    expect(text(active(el))).to.equal('Undo');
    const confirmed = oneEvent(el, 'series-confirmed');
    $<HTMLButtonElement>(el, 'button.primary')!.click();
    const series = (await confirmed).detail as Series;
    expect(series.bookings).to.have.length(11);
    expect(series.skipped).to.deep.equal([TAKEN]);
    await atStep(el, 'series');
    expect(text($(el, 'h3'))).to.equal('Your 11 sessions are booked');
    const events = new ICAL.Component(ICAL.parse(await (await fetch($<HTMLAnchorElement>(el, '[part=ics]')!.href)).text())).getAllSubcomponents('vevent');
    expect(events.map((v) => new ICAL.Event(v).startDate.toJSDate().toISOString())).to.deep.equal(STARTS.filter((s) => s !== TAKEN));

    const one = oneEvent(el, 'booking-cancelled');
    $$<HTMLButtonElement>(el, '[part=occurrence] button').find((b) => text(b) === 'Cancel' && b.getAttribute('aria-describedby') === `b-${series.bookings[1]!.id}`)!.click();
    const { detail } = await one;
    expect([detail.id, detail.status]).to.deep.equal([series.bookings[1]!.id, 'cancelled']);
    await el.updateComplete;
    expect(occurrences(el).map(([, s]) => s)).to.deep.equal(['confirmed', 'cancelled', ...Array(9).fill('confirmed')]);
    expect(text($(el, '[role=alert]'))).to.equal('One session cancelled.');
    client.close();
  });

  it('marks an occurrence taken between the preview and Book, and books once it is resolved', async () => {
    const client = createClient({ backend: memoryBackend({ catalog, now: MONDAY }) });
    const el = await mount(client);
    await repeatFromFirst(el);
    expect(occurrences(el).every(([, s]) => s === 'free')).to.equal(true);
    // Someone else takes the 4th Monday meanwhile (another tab, through another client).
    await client.bookings.create({ mentorId: 'lena-hoffmann', sessionTypeId: 'one-on-one', start: STARTS[3]!, timeZone: 'UTC', name: 'Tab two', email: 't@example.com', careerLevel: 'mid', goals: '', message: '' });
    await waitUntil(() => occurrences(el)[3]?.[1] === 'conflict', 'the taken occurrence is not marked', BUSY);
    $<HTMLButtonElement>(el, 'button.primary')!.click();
    await el.updateComplete;
    expect(text($(el, '[role=alert]'))).to.equal('One session is not available: leave it out or choose another time for it.');
    $$<HTMLButtonElement>(el, '[data-status=conflict] button')[0]!.click();
    await el.updateComplete;
    const confirmed = oneEvent(el, 'series-confirmed');
    $<HTMLButtonElement>(el, 'button.primary')!.click();
    expect((await confirmed).detail.bookings).to.have.length(11);
    client.close();
  });

  it('shows the booked occurrences in <session-tracker> as upcoming (through the shared client)', async () => {
    const client = createClient({ backend: memoryBackend({ catalog, now: MONDAY }) });
    const wrapper = await fixture<HTMLElement>(html`<mentorship-provider .client=${client}>
<mentor-booking locale="en-GB" timezone=${NY} mentor="lena-hoffmann" session-type="one-on-one" name="Ada"></mentor-booking>
<session-tracker locale="en-GB" .today=${new Date('2026-03-02T12:00:00Z')}></session-tracker></mentorship-provider>`);
    const el = wrapper.querySelector('mentor-booking')!;
    const tracker = wrapper.querySelector<SessionTracker>('session-tracker')!;
    await waitUntil(() => $(el, 'table[role=grid]'), 'no calendar', BUSY);
    await repeatFromFirst(el);
    const count = $$<HTMLSelectElement>(el, '[part=repeat] select')[1]!;
    count.value = '3';
    count.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    const confirmed = oneEvent(el, 'series-confirmed');
    $<HTMLButtonElement>(el, 'button.primary')!.click();
    const series = (await confirmed).detail as Series;
    expect(series.bookings).to.have.length(3);
    await waitUntil(() => $$(tracker, '[part=upcoming] li[data-booking]').length === 3, 'the tracker does not list the three', BUSY);
    expect($$(tracker, '[part=upcoming] li[data-booking]').map((li) => li.dataset['booking'])).to.deep.equal(series.bookings.map((b) => b.id));
    await expect(tracker).to.be.accessible();
    client.close();
  });

  it('offers "until the program ends", monthly and bi-weekly; repeat is on when the page asks for it; German', async () => {
    const client = createClient({ backend: memoryBackend({ catalog, now: MONDAY }) });
    const el = await mount(client, { repeat: '', program: 'individual-mentorship', locale: 'de-DE' });
    await detailsOfFirst(el);
    await waitUntil(() => $(el, '[part=occurrences]'), 'Repeat is not on', BUSY);
    expect(text($(el, '[part=repeat] legend'))).to.equal('Wiederholen');
    const [frequency, count] = $$<HTMLSelectElement>(el, '[part=repeat] select');
    expect(count!.value).to.equal('program');
    // The program runs at most 120 days past the first Monday here (the horizon ends sooner, so the last ones conflict).
    const program = catalog.programs.find((p) => p.id === 'individual-mentorship')!;
    const end = new Date(FIRST);
    end.setUTCMonth(end.getUTCMonth() + program.durationMonths.max);
    const fits = Math.min(52, seriesStarts(FIRST, 'Europe/Berlin', 'weekly', 52).filter((s) => s && Date.parse(s) < end.getTime()).length);
    expect(text(count!.selectedOptions[0])).to.equal(`Bis zum Ende des Programms (${fits})`);
    expect($$(el, '[part=occurrence]')).to.have.length(fits);
    frequency!.value = 'monthly';
    frequency!.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect($$(el, '[part=occurrence]').length).to.equal(Math.min(52, seriesStarts(FIRST, 'Europe/Berlin', 'monthly', 52).filter((s) => s && Date.parse(s) < end.getTime()).length));
    const english = /\b(the|Repeat|Book|sessions|Leave|Other|time|Undo)\b/;
    expect(english.test(text(el.shadowRoot as unknown as Element))).to.equal(false);
    await expect(el).to.be.accessible();
    client.close();
  });

  it("keeps a series within the mentor's cap of upcoming bookings per visitor, and offers none at a cap of one", async () => {
    const capped = structuredClone(catalog);
    capped.mentors[0]!.rules = { ...capped.mentors[0]!.rules, maxActivePerVisitor: 4 };
    const client = createClient({ backend: memoryBackend({ catalog: capped, now: MONDAY }) });
    const el = await mount(client, { program: 'individual-mentorship' });
    await repeatFromFirst(el);
    const count = $$<HTMLSelectElement>(el, '[part=repeat] select')[1]!;
    // "Until the program ends" would be 16 weeks: the cap makes it 4, and 4 is the longest choice.
    expect([...count.options].map((o) => text(o))).to.deep.equal(['Until the program ends (4)', '2', '3', '4']);
    expect(text($(el, '[part=visitor-cap]'))).to.equal('Lena Hoffmann takes at most 4 upcoming sessions per visitor, so a series holds at most 4.');
    expect(occurrences(el).map(([, s]) => s)).to.deep.equal(['free', 'free', 'free', 'free']);
    const confirmed = oneEvent(el, 'series-confirmed');
    $<HTMLButtonElement>(el, 'button.primary')!.click();
    expect(((await confirmed).detail as Series).bookings.map((b) => b.start)).to.deep.equal(STARTS.slice(0, 4));
    await expect(el).to.be.accessible();
    client.close();

    capped.mentors[0]!.rules = { ...capped.mentors[0]!.rules, maxActivePerVisitor: 1 };
    const single = createClient({ backend: memoryBackend({ catalog: capped, now: MONDAY }) });
    const one = await mount(single, { repeat: '' });
    await detailsOfFirst(one);
    await waitUntil(() => $(one, '[part=visitor-cap]'), 'no word on the cap', BUSY);
    expect(text($(one, '[part=visitor-cap]'))).to.equal('Lena Hoffmann takes one upcoming session per visitor at a time, so this time cannot be repeated.');
    expect($(one, '[part=repeat] input[type=checkbox]')).to.equal(null);
    expect(text($(one, 'button.primary'))).to.not.match(/sessions/);
    single.close();
  });

  it('loads the series UI on demand: progress while it comes, the error and Retry when it fails', async () => {
    const real = bookingChunks.series;
    let fail = true;
    bookingChunks.series = () => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : real());
    try {
      const client = createClient({ backend: memoryBackend({ catalog, now: MONDAY }) });
      const el = await mount(client);
      $(el, '[data-date="2026-03-16"]')!.click();
      await atStep(el, 'time');
      $$<HTMLButtonElement>(el, '[part=time]')[0]!.click();
      await atStep(el, 'details');
      await waitUntil(() => $(el, 'form [role=alert]'), 'no error', BUSY);
      expect(text($(el, 'form [role=alert]'))).to.equal('Could not load the Repeat options. Try again');
      await expect(el).to.be.accessible();
      let release!: () => void;
      fail = false;
      bookingChunks.series = () => new Promise<void>((resolve) => (release = resolve)).then(real);
      $$<HTMLButtonElement>(el, 'form button').find((b) => text(b) === 'Try again')!.click();
      await el.updateComplete;
      expect(text($(el, 'form [role=status]'))).to.equal('Loading the Repeat options…');
      release();
      await waitUntil(() => $(el, '[part=repeat]'), 'no Repeat control', BUSY);
      // A single booking still works meanwhile: Repeat is off.
      expect($<HTMLInputElement>(el, '[part=repeat] input[type=checkbox]')!.checked).to.equal(false);
      client.close();
    } finally {
      bookingChunks.series = real;
    }
  });
});

/** Text without the narrow no-break spaces Intl puts in times. */
function n(value: string | null): string {
  return (value ?? '').replace(/[\u202f\u00a0]/g, ' ');
}
