import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/mentor-booking.js';
import '../../src/define/mentorship-provider.js';
import { bookingChunks, type MentorBooking } from '../../src/components/mentor-booking/mentor-booking.js';
import { memoryBackend } from '../../src/sdk/backends/memory.js';
import { localBackend } from '../../src/sdk/backends/local.js';
import { createClient, type MentorshipClient } from '../../src/sdk/client.js';
import { DEMO_CATALOG } from '../../src/sdk/catalog/demo-catalog.js';
import type { Backend } from '../../src/sdk/backends/backend.js';
import type { Catalog } from '../../src/sdk/schemas.js';
import { freshNamespace } from '../helpers.js';
import { dateRangeText, dateText, plain, unitText } from '../intl.js';
import '../../src/locales/de.js';
import { fillDetails } from './booking-form.js';

// Monday 2 March 2026, 00:00 UTC. Lena (Europe/Berlin) needs 12 h notice: her first slot is 14:00 CET.
const MONDAY = () => '2026-03-02T00:00:00.000Z';

const $ = <T extends Element = HTMLElement>(el: MentorBooking, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: MentorBooking, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const button = (el: MentorBooking, label: string) => {
  const found = $$<HTMLButtonElement>(el, 'button').find((b) => text(b).startsWith(label) || b.getAttribute('aria-label') === label);
  if (!found) throw new Error(`No button "${label}" in: ${$$(el, 'button').map((b) => text(b)).join(' | ')}`);
  return found;
};
const heading = (el: MentorBooking) => text($(el, 'h3'));
const step = (el: MentorBooking) => $(el, '[part=step]')?.dataset['step'];
const active = (el: MentorBooking) => el.shadowRoot!.activeElement as HTMLElement | null;
const label = (node: Element | null | undefined) => plain(node?.getAttribute('aria-label'));

// Dates, times and lengths as the element formats them, through the same Intl calls (see ../intl.ts).
const WHEN: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' };
const ZONED: Intl.DateTimeFormatOptions = { ...WHEN, timeZoneName: 'short' };
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
/** A calendar day "YYYY-MM-DD": "Monday, 2 March 2026". */
const day = (date: string, locale = 'en-GB') => dateText(locale, date, { dateStyle: 'full', timeZone: 'UTC' });
/** The month heading: "March 2026". */
const month = (date: string, locale = 'en-GB') => dateText(locale, date, { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** The hour from `start` (UTC) in `zone`: "Monday, 2 March 2026, 08:00–09:00" (WHEN), "08:00–09:00" (TIME). */
const hour = (start: string, zone: string, options = WHEN, locale = 'en-GB') =>
  dateRangeText(locale, start, Date.parse(start) + 3_600_000, { ...options, timeZone: zone });
/** The times offered on `date` in Berlin, from their UTC starts: ["10:30–11:30", …]. */
const berlinTimes = (date: string, ...utc: string[]) => utc.map((t) => hour(`${date}T${t}:00Z`, 'Europe/Berlin', TIME));
const mins = (n: number, locale = 'en-GB') => unitText(locale, n, 'minute');

/** waitUntil gives up after 1 s by default: too soon for a month of slots on a busy machine (tests never assert on time). */
const BUSY = { timeout: 10_000 };

async function atStep(el: MentorBooking, name: string) {
  await waitUntil(() => step(el) === name, `never reached step ${name} (at ${step(el)})`, BUSY);
  await el.updateComplete;
}
async function calendarReady(el: MentorBooking) {
  await waitUntil(() => $(el, 'table[role=grid]') !== null || el.viewState === 'empty', 'no calendar', BUSY);
  await el.updateComplete;
}

async function mount(options: { backend?: Backend; client?: MentorshipClient; attrs?: Record<string, string> } = {}) {
  const client = options.client ?? createClient({ backend: options.backend ?? memoryBackend({ now: MONDAY }) });
  const attrs = { locale: 'en-GB', timezone: 'Europe/Berlin', ...options.attrs };
  const wrapper = await fixture<HTMLElement>(html`<mentorship-provider .client=${client}><mentor-booking></mentor-booking></mentorship-provider>`);
  const el = wrapper.querySelector('mentor-booking')!;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  await waitUntil(() => $(el, '[part=step]') !== null, 'never left loading', BUSY);
  await el.updateComplete;
  return { el, client };
}

/** From the calendar: picks `date`, then its first free time, and waits for the details form. */
async function firstTimeOn(el: MentorBooking, date: string) {
  await calendarReady(el);
  $(el, `[data-date="${date}"]`)!.click();
  await atStep(el, 'time');
  $$<HTMLButtonElement>(el, '[part=time]')[0]!.click();
  await atStep(el, 'details');
}

describe('<mentor-booking>', () => {
  it('opens at the step its attributes leave without taking the focus from the page', async () => {
    const before = document.createElement('button');
    document.body.append(before);
    before.focus();
    const { el } = await mount({ attrs: { 'session-type': 'technical-review', mentor: 'lena-hoffmann' } });
    await calendarReady(el);
    expect(step(el)).to.equal('day');
    expect(document.activeElement).to.equal(before);
    before.remove();
  });

  it('books a session by clicks, showing times in the visitor zone and the mentor zone', async () => {
    const { el, client } = await mount({ attrs: { timezone: 'America/New_York' } });
    expect(heading(el)).to.equal('Choose a session');
    expect($$(el, '[part=choice]').map(text)).to.deep.equal([`1:1 coaching ${mins(60)}`, `Technical review ${mins(90)}`, `Career planning ${mins(60)}`, `Practice interview ${mins(60)}`, `Group session ${mins(90)}`]);
    expect(el.getAttribute('state')).to.equal('ready');
    await expect(el).to.be.accessible();

    button(el, '1:1 coaching').click();
    await atStep(el, 'mentor');
    expect(heading(el)).to.equal('Choose a mentor');
    expect(active(el)?.localName).to.equal('h3');
    expect($$(el, '[part=choice]').map((b) => text(b).split(' ').slice(0, 2).join(' '))).to.deep.equal(['Lena Hoffmann', 'Marcus Reed', 'Priya Raman', 'Kenji Watanabe']);
    await expect(el).to.be.accessible();

    button(el, 'Lena Hoffmann').click();
    await atStep(el, 'day');
    await calendarReady(el);
    expect(text($(el, '#month'))).to.equal(month('2026-03-01'));
    expect(label($(el, '[data-date="2026-03-02"]'))).to.equal(`${day('2026-03-02')}, 5 free times`);
    expect(label($(el, '[data-date="2026-03-03"]'))).to.equal(`${day('2026-03-03')}, 5 free times`);
    expect(label($(el, '[data-date="2026-03-07"]'))).to.equal(`${day('2026-03-07')}, no free times`);
    expect($(el, '[data-date="2026-03-07"]')!.getAttribute('aria-disabled')).to.equal('true');
    expect(el.getAttribute('state')).to.equal('ready');
    await expect(el).to.be.accessible();

    // A day without free times does nothing.
    $(el, '[data-date="2026-03-07"]')!.click();
    await el.updateComplete;
    expect(step(el)).to.equal('day');

    $(el, '[data-date="2026-03-02"]')!.click();
    await atStep(el, 'time');
    expect(heading(el)).to.equal(`Choose a time on ${day('2026-03-02')}`);
    // Lena's 14:00–17:00 CET is 08:00–11:00 in New York.
    expect($$(el, '[part=time]').map(label)).to.deep.equal(
      ['13:00', '13:30', '14:00', '14:30', '15:00'].map((utc) => hour(`2026-03-02T${utc}:00Z`, 'America/New_York')),
    );
    expect(text($$(el, '[part=time]')[0])).to.equal(hour('2026-03-02T13:00:00Z', 'America/New_York', TIME));
    await expect(el).to.be.accessible();

    $$<HTMLButtonElement>(el, '[part=time]')[0]!.click();
    await atStep(el, 'details');
    expect(heading(el)).to.equal('Your details');
    await expect(el).to.be.accessible();
    fillDetails(el, { name: 'Ada Lovelace', email: 'ada@example.com', careerLevel: 'senior', goals: 'Staff, soon; really', message: 'Hi' });
    const confirmed = oneEvent(el, 'booking-confirmed');
    button(el, 'Book session').click();
    const { detail } = await confirmed;
    expect(detail).to.include({ start: '2026-03-02T13:00:00.000Z', end: '2026-03-02T14:00:00.000Z', status: 'confirmed', name: 'Ada Lovelace', email: 'ada@example.com', careerLevel: 'senior', mentorId: 'lena-hoffmann', sessionTypeId: 'one-on-one', timeZone: 'America/New_York' });
    expect(detail.id).to.be.a('string');
    await atStep(el, 'done');
    expect(heading(el)).to.equal('Your session is booked');
    expect(active(el)?.localName).to.equal('h3');
    expect(text($(el, '[part=summary]'))).to.equal(
      `Session 1:1 coaching Mentor Lena Hoffmann Your time ${hour('2026-03-02T13:00:00Z', 'America/New_York', ZONED)} ` + // …, 08:00–09:00 GMT-5
        `Lena Hoffmann’s time ${hour('2026-03-02T13:00:00Z', 'Europe/Berlin', ZONED)} Name Ada Lovelace Email ada@example.com`, // …, 14:00–15:00 CET
    );
    await expect(el).to.be.accessible();
    await waitUntil(() => $(el, '[part=ics]'), 'no calendar file');
    const link = $<HTMLAnchorElement>(el, '[part=ics]')!;
    expect(link.download).to.equal('mentorship-session.ics');
    expect(link.href.startsWith('blob:')).to.equal(true);
    const ics = await (await fetch(link.href)).text();
    expect(ics).to.contain('\r\nDTSTART:20260302T130000Z\r\nDTEND:20260302T140000Z\r\nSUMMARY:1:1 coaching with Lena Hoffmann\r\n');
    expect(ics).to.contain(`\r\nUID:${detail.id}@mentorship-kit\r\n`);
    expect(ics).to.contain('\r\nDESCRIPTION:Staff\\, soon\\; really\\n\\nHi\r\n');
    expect((await client.bookings.list()).map((b) => b.id)).to.deep.equal([detail.id]);
  });

  it('books a session by keyboard alone', async () => {
    const { el, client } = await mount({ attrs: { mentor: 'lena-hoffmann', name: 'Grace Hopper' } });
    // Into the element: the program select, then the first session type.
    const tabTo = async (predicate: (node: HTMLElement) => boolean, max = 12) => {
      for (let i = 0; i < max && !(active(el) && predicate(active(el)!)); i++) await sendKeys({ press: 'Tab' });
      expect(active(el) && predicate(active(el)!), `focus on ${active(el)?.outerHTML}`).to.equal(true);
    };
    await tabTo((n) => text(n).startsWith('1:1 coaching'));
    await sendKeys({ press: 'Enter' });
    // One mentor (attribute): straight to the calendar, focus on its heading.
    await atStep(el, 'day');
    await calendarReady(el);
    expect(active(el)?.localName).to.equal('h3');
    await tabTo((n) => n.dataset['date'] !== undefined);
    expect(active(el)!.dataset['date']).to.equal('2026-03-02');
    await sendKeys({ press: 'ArrowRight' });
    expect(active(el)!.dataset['date']).to.equal('2026-03-03');
    await sendKeys({ press: 'ArrowDown' });
    expect(active(el)!.dataset['date']).to.equal('2026-03-10');
    await sendKeys({ press: 'End' });
    expect(active(el)!.dataset['date']).to.equal('2026-03-15');
    await sendKeys({ press: 'Home' });
    expect(active(el)!.dataset['date']).to.equal('2026-03-09');
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    expect(active(el)!.dataset['date']).to.equal('2026-04-09');
    expect(text($(el, '#month'))).to.equal(month('2026-04-01'));
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect(active(el)!.dataset['date']).to.equal('2026-03-09');
    await sendKeys({ press: 'ArrowUp' });
    expect(active(el)!.dataset['date']).to.equal('2026-03-02');
    await sendKeys({ press: 'ArrowLeft' }); // 1 March: before the first free day's month? no, same month
    expect(active(el)!.dataset['date']).to.equal('2026-03-01');
    await sendKeys({ press: 'Enter' }); // Sunday: no times, nothing happens
    expect(step(el)).to.equal('day');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' }); // Tuesday 3 March
    await atStep(el, 'time');
    expect(heading(el)).to.equal(`Choose a time on ${day('2026-03-03')}`);
    await tabTo((n) => n.getAttribute('part') === 'time');
    await sendKeys({ press: 'Tab' });
    expect(label(active(el))).to.equal(hour('2026-03-03T08:30:00Z', 'Europe/Berlin')); // …, 09:30–10:30
    await sendKeys({ press: 'Enter' });
    await atStep(el, 'details');
    await tabTo((n) => n.id === 'name');
    expect((active(el) as HTMLInputElement).value).to.equal('Grace Hopper');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'grace@example.com' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' }); // Student
    await sendKeys({ press: 'ArrowDown' }); // Junior engineer
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Compilers' });
    await sendKeys({ press: 'Tab' }); // the message
    await sendKeys({ press: 'Tab' }); // Repeat, off
    expect((active(el) as HTMLInputElement).checked).to.equal(false);
    await sendKeys({ press: 'Tab' });
    expect(text(active(el))).to.equal('Book session');
    const confirmed = oneEvent(el, 'booking-confirmed');
    await sendKeys({ press: 'Enter' });
    const { detail } = await confirmed;
    expect(detail).to.include({ start: '2026-03-03T08:30:00.000Z', name: 'Grace Hopper', email: 'grace@example.com', careerLevel: 'junior', goals: 'Compilers' });
    await atStep(el, 'done');
    expect(active(el)?.localName).to.equal('h3');
    expect(await client.bookings.list()).to.have.length(1);
  });

  it('builds a new section for each step, so the heading that gets the focus is announced afresh', async () => {
    const { el } = await mount({ attrs: { 'session-type': 'one-on-one' } });
    await atStep(el, 'mentor');
    const mentorHeading = $(el, 'h3');
    button(el, 'Lena Hoffmann').click();
    await atStep(el, 'day');
    const dayHeading = $(el, 'h3');
    expect(dayHeading).to.not.equal(mentorHeading);
    // Within a step the section stays: the focused heading is kept while the times load.
    await calendarReady(el);
    expect($(el, 'h3')).to.equal(dayHeading);
    expect(active(el)).to.equal(dayHeading);
    button(el, 'Back').click();
    await atStep(el, 'mentor');
    expect($(el, 'h3')).to.not.equal(mentorHeading);
    expect(active(el)).to.equal($(el, 'h3'));
    expect($$(el, '[part=step]')).to.have.length(1);
  });

  it('validates the form inline, ties errors to the fields and keeps focus on the first invalid one', async () => {
    const { el, client } = await mount({ attrs: { mentor: 'lena-hoffmann', 'session-type': 'one-on-one' } });
    await calendarReady(el);
    $(el, '[data-date="2026-03-02"]')!.click();
    await atStep(el, 'time');
    $$<HTMLButtonElement>(el, '[part=time]')[0]!.click();
    await atStep(el, 'details');
    fillDetails(el, { email: 'not-an-email' });
    button(el, 'Book session').click();
    await el.updateComplete;
    await aTimeout(0);
    expect(text($(el, 'form [role=alert]'))).to.equal('Please correct 3 fields.');
    const name = $<HTMLInputElement>(el, '#name')!;
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, `#${name.getAttribute('aria-describedby')}`))).to.equal('Enter your name.');
    expect(text($(el, `#${$(el, '#email')!.getAttribute('aria-describedby')}`))).to.equal('Enter a valid email address, like name@example.com.');
    expect(text($(el, `#${$(el, '#careerLevel')!.getAttribute('aria-describedby')}`))).to.equal('Choose your career level.');
    expect($(el, '#goals')!.getAttribute('aria-invalid')).to.equal('false');
    expect(active(el)).to.equal(name);
    await expect(el).to.be.accessible();
    fillDetails(el, { name: 'Ada' });
    await el.updateComplete;
    expect(name.getAttribute('aria-invalid')).to.equal('false');
    expect(text($(el, 'form [role=alert]'))).to.equal('Please correct 2 fields.');
    expect(await client.bookings.list()).to.deep.equal([]);
  });

  it('makes one booking when the submit button is clicked twice', async () => {
    const { el, client } = await mount({ attrs: { mentor: 'lena-hoffmann', 'session-type': 'one-on-one' } });
    await firstTimeOn(el, '2026-03-03');
    fillDetails(el, { name: 'Ada', email: 'ada@example.com', careerLevel: 'mid' });
    let events = 0;
    el.addEventListener('booking-confirmed', () => events++);
    const submit = button(el, 'Book session');
    submit.click();
    submit.click();
    await atStep(el, 'done');
    await aTimeout(50);
    expect(events).to.equal(1);
    expect(await client.bookings.list()).to.have.length(1);
  });

  it('keeps the form and shows fresh times when someone else took the slot first', async () => {
    const backend = memoryBackend({ now: MONDAY });
    const { el } = await mount({ backend, attrs: { mentor: 'lena-hoffmann', 'session-type': 'one-on-one' } });
    await calendarReady(el);
    $(el, '[data-date="2026-03-03"]')!.click();
    await atStep(el, 'time');
    expect($$(el, '[part=time]')).to.have.length(5);
    $$<HTMLButtonElement>(el, '[part=time]')[0]!.click();
    await atStep(el, 'details');
    fillDetails(el, { name: 'Ada', email: 'ada@example.com', careerLevel: 'mid', goals: 'Lead', message: 'Hello' });
    // Another visitor (another client on the same backend) books 09:00 CET first.
    const rival = createClient({ backend });
    await rival.bookings.create({ mentorId: 'lena-hoffmann', sessionTypeId: 'one-on-one', start: '2026-03-03T08:00:00.000Z', timeZone: 'UTC', name: 'Rival', email: 'r@example.com', careerLevel: 'mid', goals: '', message: '' });
    let confirmed = 0;
    el.addEventListener('booking-confirmed', () => confirmed++);
    button(el, 'Book session').click();
    await waitUntil(() => text($(el, '[role=alert]')) === 'That time was just taken. Please choose another one.', 'no conflict message');
    await atStep(el, 'time');
    expect(confirmed).to.equal(0);
    // 09:00 and 09:30 (overlap) and 10:00 (Lena's 15-minute buffer after) are gone: 10:30 and 11:00 CET are left.
    expect($$(el, '[part=time]').map((b) => text(b))).to.deep.equal(berlinTimes('2026-03-03', '09:30', '10:00'));
    expect(active(el)?.localName).to.equal('h3');
    await expect(el).to.be.accessible();
    $$<HTMLButtonElement>(el, '[part=time]')[0]!.click();
    await atStep(el, 'details');
    expect($<HTMLInputElement>(el, '#name')!.value).to.equal('Ada');
    expect($<HTMLSelectElement>(el, '#careerLevel')!.value).to.equal('mid');
    expect($<HTMLTextAreaElement>(el, '#message')!.value).to.equal('Hello');
    const done = oneEvent(el, 'booking-confirmed');
    button(el, 'Book session').click();
    expect((await done).detail.start).to.equal('2026-03-03T09:30:00.000Z');
  });

  it('goes back to the calendar when the chosen day filled up, and keeps a reschedule on fresh times', async () => {
    const backend = memoryBackend({ now: MONDAY });
    const { el } = await mount({ backend, attrs: { mentor: 'lena-hoffmann', 'session-type': 'one-on-one' } });
    await firstTimeOn(el, '2026-03-03');
    fillDetails(el, { name: 'Ada', email: 'ada@example.com', careerLevel: 'mid' });
    // A rival takes 09:00 and 10:30 CET: with Lena's buffer, nothing is left on Tuesday.
    const rival = createClient({ backend });
    const request = { mentorId: 'lena-hoffmann', sessionTypeId: 'one-on-one', timeZone: 'UTC', name: 'Rival', email: 'r@example.com', careerLevel: 'mid', goals: '', message: '' } as const;
    await rival.bookings.create({ ...request, start: '2026-03-03T08:00:00.000Z' });
    await rival.bookings.create({ ...request, start: '2026-03-03T09:30:00.000Z' });
    button(el, 'Book session').click();
    await waitUntil(() => text($(el, '[role=alert]')) === 'That time was just taken. Please choose another one.', 'no conflict message');
    await atStep(el, 'day');
    await el.updateComplete;
    expect(active(el)?.localName).to.equal('h3');
    expect($(el, '[data-date="2026-03-03"]')!.hasAttribute('data-free')).to.equal(false);
    await firstTimeOn(el, '2026-03-04');
    expect($<HTMLInputElement>(el, '#name')!.value).to.equal('Ada');
    const confirmed = oneEvent(el, 'booking-confirmed');
    button(el, 'Book session').click();
    expect((await confirmed).detail.start).to.equal('2026-03-04T08:00:00.000Z');
    await atStep(el, 'done');

    // Rescheduling: the rival takes the new time first; the visitor stays on that day's fresh times.
    button(el, 'Reschedule').click();
    await calendarReady(el);
    $(el, '[data-date="2026-03-05"]')!.click();
    await atStep(el, 'time');
    await rival.bookings.create({ ...request, start: '2026-03-05T08:00:00.000Z' });
    $$<HTMLButtonElement>(el, '[part=time]')[0]!.click();
    await waitUntil(() => text($(el, '[role=alert]')) === 'That time was just taken. Please choose another one.', 'no conflict message');
    await el.updateComplete;
    expect(step(el)).to.equal('time');
    expect(heading(el)).to.equal(`Choose a time on ${day('2026-03-05')}`);
    expect($$(el, '[part=time]').map((b) => text(b))).to.deep.equal(berlinTimes('2026-03-05', '09:30', '10:00'));
    button(el, 'Back').click();
    await atStep(el, 'day');
    expect(heading(el)).to.equal('Choose a new day');
    button(el, 'Back').click();
    await atStep(el, 'done');
  });

  it('reschedules and cancels, freeing and taking slots', async () => {
    const { el, client } = await mount({ attrs: { mentor: 'lena-hoffmann', 'session-type': 'one-on-one' } });
    await firstTimeOn(el, '2026-03-03');
    fillDetails(el, { name: 'Ada', email: 'ada@example.com', careerLevel: 'mid' });
    const confirmed = oneEvent(el, 'booking-confirmed');
    button(el, 'Book session').click();
    const original = (await confirmed).detail;
    await atStep(el, 'done');

    button(el, 'Reschedule').click();
    await atStep(el, 'day');
    await calendarReady(el);
    expect(heading(el)).to.equal('Choose a new day');
    // Back returns to the confirmation without changing anything.
    button(el, 'Back').click();
    await atStep(el, 'done');
    button(el, 'Reschedule').click();
    await calendarReady(el);
    $(el, '[data-date="2026-03-04"]')!.click();
    await atStep(el, 'time');
    const moved = oneEvent(el, 'booking-rescheduled');
    $$<HTMLButtonElement>(el, '[part=time]')[2]!.click();
    const { detail } = await moved;
    expect(detail.id).to.equal(original.id);
    expect([detail.start, detail.end]).to.deep.equal(['2026-03-04T09:00:00.000Z', '2026-03-04T10:00:00.000Z']);
    await atStep(el, 'done');
    expect(text($(el, '.message.info'))).to.equal('Your session has moved to the new time.');
    expect(text($(el, '[part=summary] dd[data-zone]'))).to.equal(hour('2026-03-04T09:00:00Z', 'Europe/Berlin', ZONED)); // …, 10:00–11:00 CET
    const range = { mentorId: 'lena-hoffmann', sessionTypeId: 'one-on-one', from: '2026-03-03T00:00:00.000Z', to: '2026-03-05T00:00:00.000Z' };
    let free = (await client.slots.list(range)).map((s) => s.start);
    expect(free).to.include(original.start);
    expect(free).not.to.include(detail.start);

    const cancelled = oneEvent(el, 'booking-cancelled');
    button(el, 'Cancel booking').click();
    expect((await cancelled).detail).to.include({ id: original.id, status: 'cancelled' });
    await atStep(el, 'cancelled');
    expect(heading(el)).to.equal('Your booking is cancelled');
    await expect(el).to.be.accessible();
    free = (await client.slots.list(range)).map((s) => s.start);
    expect(free).to.include(detail.start);
    button(el, 'Book another session').click();
    await atStep(el, 'day');
  });

  it('shows a Tokyo mentor’s Monday 09:00 as Sunday 17:00 for a visitor in Los Angeles', async () => {
    const { el } = await mount({
      backend: memoryBackend({ now: () => '2026-03-09T00:00:00.000Z' }),
      attrs: { mentor: 'kenji-watanabe', 'session-type': 'one-on-one', timezone: 'America/Los_Angeles' },
    });
    await calendarReady(el);
    // Kenji works Mon/Wed/Fri in Tokyo: Sun/Tue/Thu in Los Angeles.
    expect(label($(el, '[data-date="2026-03-15"]'))).to.equal(`${day('2026-03-15')}, 5 free times`);
    expect($(el, '[data-date="2026-03-16"]')!.getAttribute('aria-disabled')).to.equal('true');
    $(el, '[data-date="2026-03-15"]')!.click();
    await atStep(el, 'time');
    expect(label($$(el, '[part=time]')[0])).to.equal(hour('2026-03-16T00:00:00Z', 'America/Los_Angeles')); // Sunday, …, 17:00–18:00
    // 12-hour clock on request.
    el.hourCycle = 'h12';
    await el.updateComplete;
    expect(label($$(el, '[part=time]')[0])).to.equal(hour('2026-03-16T00:00:00Z', 'America/Los_Angeles', { ...WHEN, hourCycle: 'h12' })); // …, 5:00 – 6:00 pm
    // Switching the zone through the searchable list re-renders the times.
    const zone = $<HTMLInputElement>(el, '[part=zone] input')!;
    expect(zone.getAttribute('list')).to.equal('zones');
    expect($$(el, '#zones option').length).to.equal(Intl.supportedValuesOf('timeZone').length);
    zone.value = 'Asia/Tokyo';
    zone.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.timezone).to.equal('Asia/Tokyo');
    button(el, 'Back').click();
    await atStep(el, 'day');
    await calendarReady(el);
    expect(label($(el, '[data-date="2026-03-16"]'))).to.equal(`${day('2026-03-16')}, 5 free times`);
    zone.value = 'Nowhere/Special';
    const input = $<HTMLInputElement>(el, '[part=zone] input')!;
    input.value = 'Nowhere/Special';
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#zone-note'))).to.equal('Choose a time zone from the list.');
    expect(el.timezone).to.equal('Asia/Tokyo');
  });

  it('reports invalid attributes by name and keeps working', async () => {
    const client = createClient({ backend: memoryBackend({ now: MONDAY }) });
    const errors: string[] = [];
    const wrapper = await fixture<HTMLElement>(html`<mentorship-provider .client=${client} @mentorship-error=${(e: CustomEvent) => errors.push(e.detail.source)}>
      <mentor-booking locale="en-GB" mentor="nobody" session-type="tea" program="nope" timezone="Mars/Olympus" hour-cycle="h7"></mentor-booking>
    </mentorship-provider>`);
    const el = wrapper.querySelector('mentor-booking')!;
    await waitUntil(() => step(el) === 'type', 'no first step');
    await el.updateComplete;
    expect([...new Set(errors)].sort()).to.deep.equal(['hour-cycle', 'mentor', 'program', 'session-type', 'timezone']);
    const shown = text($(el, '[part=error]'));
    expect(shown).to.contain('mentor: There is no “nobody” in the catalog; ignoring it.');
    expect(shown).to.contain('timezone: “Mars/Olympus” is not an IANA time zone; using');
    expect(shown).to.contain('hour-cycle: “h7” is neither h12 nor h23');
    expect($$(el, '[part=choice]')).to.have.length(5);
    await expect(el).to.be.accessible();
    // A mentor who does not offer the session type.
    el.setAttribute('mentor', 'kenji-watanabe');
    el.setAttribute('session-type', 'career-planning');
    await el.updateComplete;
    expect(text($(el, '[part=error]'))).to.contain('session-type: Kenji Watanabe does not offer “Career planning”; ignoring it.');
    expect($$(el, '[part=choice]').map((b) => text(b).split(' ')[0])).to.deep.equal(['1:1', 'Technical', 'Group']);
  });

  it('follows the visitor’s plan program when there is no program attribute', async () => {
    const client = createClient({ backend: memoryBackend({ now: MONDAY }) });
    await client.plan.update({ programId: 'group-mentorship' });
    const { el } = await mount({ client });
    expect($$(el, '[part=choice]').map(text)).to.deep.equal([`Group session ${mins(90)}`]);
    await client.plan.update({ programId: 'management-transition' });
    await el.updateComplete;
    expect($$(el, '[part=choice]').map((b) => text(b).split(' ')[0])).to.deep.equal(['1:1', 'Technical', 'Career']);
    // The attribute wins over the plan.
    el.program = 'three-tier-community';
    await el.updateComplete;
    expect($$(el, '[part=choice]').map(text)).to.deep.equal([`1:1 coaching ${mins(60)}`]);
  });

  it('shows a loading skeleton, then an empty state when the mentor has no free time', async () => {
    const catalog: Catalog = structuredClone(DEMO_CATALOG);
    catalog.mentors = [{ ...catalog.mentors[0]!, weekly: [] }];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const inner = memoryBackend({ now: MONDAY, catalog });
    const backend: Backend = { ...inner, listSlots: async (r) => (await gate, inner.listSlots(r)) };
    const { el } = await mount({ backend, attrs: { 'session-type': 'one-on-one' } });
    await atStep(el, 'day');
    expect($(el, '[aria-busy=true]')).to.not.equal(null);
    expect(el.getAttribute('state')).to.equal('loading');
    await expect(el).to.be.accessible();
    release();
    await calendarReady(el);
    expect(el.getAttribute('state')).to.equal('empty');
    expect(text($(el, '.message.info'))).to.equal('No free times in the next 60 days.');
    await expect(el).to.be.accessible();
  });

  it('says once that free times could not be loaded, and Retry starts over', async () => {
    const inner = memoryBackend({ now: MONDAY });
    let fail = true;
    const backend: Backend = { ...inner, listSlots: async (r) => (fail ? Promise.reject(new Error('disk on fire')) : inner.listSlots(r)) };
    const client = createClient({ backend });
    const wrapper = await fixture<HTMLElement>(
      html`<mentorship-provider .client=${client}><mentor-booking locale="en-GB" session-type="one-on-one" mentor="lena-hoffmann"></mentor-booking></mentorship-provider>`,
    );
    const el = wrapper.querySelector('mentor-booking')!;
    await waitUntil(() => el.getAttribute('state') === 'error', 'the failed slot load was not shown');
    await el.updateComplete;
    // One message with a retry, no skeleton left spinning, no second copy in the error list.
    expect($$(el, '[role=alert]').map(text)).to.deep.equal(['Could not load free times.']);
    expect($(el, '[aria-busy=true]')).to.equal(null);
    await expect(el).to.be.accessible();
    fail = false;
    button(el, 'Try again').click();
    await calendarReady(el);
    expect(el.getAttribute('state')).to.equal('ready');
  });

  it('points to the next free day from a month without free times', async () => {
    const catalog: Catalog = structuredClone(DEMO_CATALOG);
    const lena = catalog.mentors[0]!;
    // Away for all of April; free again on 4 May.
    const april = Array.from({ length: 30 }, (_, i) => ({ date: `2026-04-${String(i + 1).padStart(2, '0')}`, windows: [] }));
    const may = Array.from({ length: 3 }, (_, i) => ({ date: `2026-05-0${i + 1}`, windows: [] }));
    catalog.mentors = [{ ...lena, overrides: [...april, ...may], rules: { ...lena.rules, horizonDays: 90 } }];
    const { el } = await mount({ backend: memoryBackend({ now: MONDAY, catalog }), attrs: { 'session-type': 'one-on-one' } });
    await calendarReady(el);
    button(el, 'Next month').click();
    await el.updateComplete;
    expect(text($(el, '#month'))).to.equal(month('2026-04-01'));
    expect(text($(el, '.message.info'))).to.equal(`No free times this month. Next free day: ${day('2026-05-04')}. Go to that day`);
    await expect(el).to.be.accessible();
    button(el, 'Go to that day').click();
    await el.updateComplete;
    expect(text($(el, '#month'))).to.equal(month('2026-05-01'));
    expect(active(el)!.dataset['date']).to.equal('2026-05-04');
  });

  it('renders in German with no English text', async () => {
    const { el } = await mount({ attrs: { locale: 'de-DE', mentor: 'lena-hoffmann' } });
    expect(heading(el)).to.equal('Sitzung wählen');
    expect($$(el, '[part=choice]').map(text)).to.deep.equal([`1:1-Coaching ${mins(60, 'de-DE')}`, `Technisches Review ${mins(90, 'de-DE')}`, `Karriereplanung ${mins(60, 'de-DE')}`, `Probe-Interview ${mins(60, 'de-DE')}`, `Gruppensitzung ${mins(90, 'de-DE')}`]);
    button(el, '1:1-Coaching').click();
    await calendarReady(el);
    expect(heading(el)).to.equal('Tag wählen');
    expect(text($(el, '#month'))).to.equal(month('2026-03-01', 'de-DE'));
    expect(label($(el, '[data-date="2026-03-02"]'))).to.equal(`${day('2026-03-02', 'de-DE')}, 5 freie Termine`);
    $(el, '[data-date="2026-03-02"]')!.click();
    await atStep(el, 'time');
    expect(label($$(el, '[part=time]')[0])).to.equal(hour('2026-03-02T13:00:00Z', 'Europe/Berlin', WHEN, 'de-DE')); // …, 14:00–15:00 Uhr
    const english = /\b(the|Choose|Back|free|time|Your|Book|session)\b/;
    expect(english.test(text(el.shadowRoot as unknown as Element))).to.equal(false);
    $$<HTMLButtonElement>(el, '[part=time]')[0]!.click();
    await atStep(el, 'details');
    expect(english.test(text(el.shadowRoot as unknown as Element))).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('works on the local backend and sees a booking made in another tab', async () => {
    const namespace = freshNamespace('booking-el');
    const { el } = await mount({ client: createClient({ backend: localBackend({ namespace, now: MONDAY }) }), attrs: { mentor: 'lena-hoffmann', 'session-type': 'one-on-one' } });
    await calendarReady(el);
    $(el, '[data-date="2026-03-03"]')!.click();
    await atStep(el, 'time');
    expect($$(el, '[part=time]')).to.have.length(5);
    const other = createClient({ backend: localBackend({ namespace, now: MONDAY }) });
    await other.bookings.create({ mentorId: 'lena-hoffmann', sessionTypeId: 'one-on-one', start: '2026-03-03T10:00:00.000Z', timeZone: 'UTC', name: 'Tab two', email: 't@example.com', careerLevel: 'mid', goals: '', message: '' });
    await waitUntil(() => $$(el, '[part=time]').length === 2, 'times did not refresh');
    expect($$(el, '[part=time]').map((b) => text(b))).to.deep.equal(berlinTimes('2026-03-03', '08:00', '08:30')); // 09:00, 09:30 CET
    other.close();
  });

  it('loads the steps after the times on demand: a slow chunk shows progress, a failed one the error and Retry', async () => {
    const real = bookingChunks.laterSteps;
    let release!: () => void;
    let attempts = 0;
    bookingChunks.laterSteps = () => {
      attempts++;
      if (attempts === 1) return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      return new Promise<void>((resolve) => (release = resolve)).then(real);
    };
    try {
      const { el } = await mount({ attrs: { mentor: 'lena-hoffmann', 'session-type': 'one-on-one' } });
      await calendarReady(el);
      $(el, '[data-date="2026-03-02"]')!.click();
      await atStep(el, 'time');
      $$<HTMLButtonElement>(el, '[part=time]')[0]!.click(); // the prefetch failed: this load is the second, slow one
      await waitUntil(() => text($(el, '[role=status]')) === 'Loading the next step…', 'no progress', BUSY);
      expect(step(el)).to.equal('time');
      await expect(el).to.be.accessible();
      release();
      await atStep(el, 'details');
      expect($(el, '[name=email]')).to.not.equal(null);
    } finally {
      bookingChunks.laterSteps = real;
    }
  });

  it('shows the error and Retry when the next step cannot load, and Retry goes on', async () => {
    const real = bookingChunks.laterSteps;
    let fail = true;
    bookingChunks.laterSteps = () => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : real());
    try {
      const { el } = await mount({ attrs: { mentor: 'lena-hoffmann', 'session-type': 'one-on-one' } });
      await calendarReady(el);
      $(el, '[data-date="2026-03-02"]')!.click();
      await atStep(el, 'time');
      $$<HTMLButtonElement>(el, '[part=time]')[0]!.click();
      await waitUntil(() => $(el, '[role=alert]'), 'no error', BUSY);
      expect(text($(el, '[role=alert]'))).to.equal('Could not load the next step. Try again');
      expect(step(el)).to.equal('time');
      await expect(el).to.be.accessible();
      fail = false;
      button(el, 'Try again').click();
      await atStep(el, 'details');
      expect(heading(el)).to.equal('Your details');
    } finally {
      bookingChunks.laterSteps = real;
    }
  });
});
