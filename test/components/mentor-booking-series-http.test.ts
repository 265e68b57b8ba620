/**
 * <mentor-booking>'s recurring series on the reference server (started by `npm test`): another
 * visitor takes the third week in the meantime, so Book comes back 409 naming it; the element
 * marks it, the visitor moves it to another free time, books all four in one request, gets one
 * .ics, and cancels this and all later from the second — with the series' cancel token.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import ICAL from 'ical.js';
import '../../src/define/mentor-booking.js';
import '../../src/define/mentorship-provider.js';
import type { MentorBooking } from '../../src/components/mentor-booking/mentor-booking.js';
import type { Booking, Series } from '../../src/sdk/schemas.js';
import { httpClient, SERVER } from '../http-helpers.js';
import { fillDetails, repeatTimes } from './booking-form.js';

// Priya Raman (Asia/Kolkata, a 30-day horizon) belongs to this file: no other HTTP test books her.
const MENTOR = 'priya-raman';
const WEEK = 7 * 86_400_000;
const BUSY = { timeout: 15_000 };

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const step = (el: MentorBooking) => $(el, '[part=step]')?.dataset['step'];
const statuses = (el: MentorBooking) => $$(el, '[part=occurrence]').map((li) => li.dataset['status']);

(SERVER ? describe : describe.skip)('<mentor-booking> series over HTTP', function () {
  // A whole flow against a server the other test files share (nothing here measures time).
  this.timeout(120_000);
  it('books four weeks with one moved after a 409, gives one .ics, and cancels the rest', async () => {
    const client = httpClient();
    const other = httpClient();
    const wrapper = await fixture<HTMLElement>(html`<mentorship-provider .client=${client}>
<mentor-booking locale="en-GB" timezone="America/New_York" mentor=${MENTOR} session-type="one-on-one"></mentor-booking></mentorship-provider>`);
    const el = wrapper.querySelector('mentor-booking')!;
    await waitUntil(() => $(el, '[part=day][data-free]'), 'no free day', BUSY);
    $(el, '[part=day][data-free]')!.click();
    await waitUntil(() => step(el) === 'time', 'no times', BUSY);
    const first = $$<HTMLButtonElement>(el, '[part=time]')[0]!;
    first.click();
    await waitUntil(() => $(el, '[part=repeat]'), 'no Repeat control', BUSY);
    const email = `ada-${Date.now()}@example.org`;
    fillDetails(el, { name: 'Ada Lovelace', email, careerLevel: 'senior' });
    await repeatTimes(el, 4);
    expect(statuses(el)).to.deep.equal(['free', 'free', 'free', 'free']);
    await expect(el).to.be.accessible();

    // Meanwhile another visitor, in another browser, books the third week.
    const planned = $$(el, '[part=occurrence]').map((li) => li.querySelector('span')!.id);
    expect(planned).to.have.length(4);
    const [slot] = await client.slots.list({ mentorId: MENTOR, sessionTypeId: 'one-on-one', from: new Date(Date.now()).toISOString(), to: new Date(Date.now() + 30 * 86_400_000).toISOString() });
    const third = new Date(Date.parse(slot!.start) + 2 * WEEK).toISOString();
    await other.bookings.create({ mentorId: MENTOR, sessionTypeId: 'one-on-one', start: third, timeZone: 'UTC', name: 'Grace', email: `grace-${Date.now()}@example.org`, careerLevel: 'staff', goals: '', message: '' });

    $<HTMLButtonElement>(el, 'button.primary')!.click(); // Book 4 sessions: the server refuses, naming the third
    await waitUntil(() => statuses(el)[2] === 'conflict', 'the taken week is not marked', BUSY);
    expect(statuses(el)).to.deep.equal(['free', 'free', 'conflict', 'free']);
    expect($(el, '[role=alert]')!.textContent).to.contain('One session is not available');
    await expect(el).to.be.accessible();

    const select = $<HTMLSelectElement>(el, '[data-status=conflict] select')!;
    const moved = select.options[1]!.value;
    select.value = moved;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(statuses(el)).to.deep.equal(['free', 'free', 'moved', 'free']);

    const confirmed = oneEvent(el, 'series-confirmed');
    await waitUntil(() => !$<HTMLButtonElement>(el, 'button.primary')!.disabled, 'Book stays busy', BUSY);
    $<HTMLButtonElement>(el, 'button.primary')!.click();
    await waitUntil(() => step(el) === 'series' || $(el, '[role=alert]'), 'Book did nothing', BUSY);
    expect($(el, '[role=alert]')?.textContent ?? '', `moved to ${moved}; ${statuses(el)}`).to.equal('');
    const series = (await confirmed).detail as Series;
    const starts = [0, 1, 3].map((w) => new Date(Date.parse(slot!.start) + w * WEEK).toISOString());
    expect(series.bookings.map((b) => b.start).sort()).to.deep.equal([...starts, moved].sort());
    expect(series.cancelToken).to.be.a('string');
    await waitUntil(() => step(el) === 'series', 'no confirmation', BUSY);
    await expect(el).to.be.accessible();

    const link = $<HTMLAnchorElement>(el, '[part=ics]')!;
    const events = new ICAL.Component(ICAL.parse(await (await fetch(link.href)).text())).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).to.deep.equal(series.bookings.map((b) => b.start));

    const cancelled: Booking[] = [];
    el.addEventListener('booking-cancelled', (e) => cancelled.push(e.detail));
    const second = series.bookings[1]!;
    $$<HTMLButtonElement>(el, '[part=occurrence] button').find((b) => b.textContent!.trim() === 'Cancel this and all later' && b.getAttribute('aria-describedby') === `b-${second.id}`)!.click();
    await waitUntil(() => cancelled.length === 3, 'not three cancellations', BUSY);
    expect(cancelled.map((b) => b.id)).to.deep.equal(series.bookings.slice(1).map((b) => b.id));
    const stored = await client.series.get(series.id);
    expect(stored.bookings.map((b) => b.status)).to.deep.equal(['confirmed', 'cancelled', 'cancelled', 'cancelled']);
    client.close();
    other.close();
  });
});
