/**
 * <mentor-booking> end to end on the reference server (started by `npm test`): book through the
 * UI, and lose a race for a slot to another visitor.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define/mentor-booking.js';
import '../../src/define/mentorship-provider.js';
import type { MentorBooking } from '../../src/components/mentor-booking/mentor-booking.js';
import type { MentorshipClient } from '../../src/sdk/client.js';
import { httpClient, SERVER } from '../http-helpers.js';
import { fillDetails } from './booking-form.js';

// Marcus Reed belongs to this file (the httpBackend test books Kenji), so parallel files never race.
const MENTOR_NAME = 'Marcus Reed';

const $ = <T extends Element = HTMLElement>(el: MentorBooking, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: MentorBooking, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const button = (el: MentorBooking, label: string) => {
  const found = $$<HTMLButtonElement>(el, 'button').find((b) => text(b).startsWith(label));
  if (!found) throw new Error(`No button "${label}" in: ${$$(el, 'button').map((b) => text(b)).join(' | ')}`);
  return found;
};
const step = (el: MentorBooking) => $(el, '[part=step]')?.dataset['step'];
async function atStep(el: MentorBooking, name: string) {
  await waitUntil(() => step(el) === name, `never reached step ${name} (at ${step(el)})`, { timeout: 10_000 });
  await el.updateComplete;
}

async function mount(client: MentorshipClient) {
  const wrapper = await fixture<HTMLElement>(html`<mentorship-provider .client=${client}><mentor-booking locale="en-GB" timezone="UTC"></mentor-booking></mentorship-provider>`);
  const el = wrapper.querySelector('mentor-booking')!;
  await waitUntil(() => $(el, '[part=step]') !== null, 'never left loading', { timeout: 10_000 });
  await el.updateComplete;
  return el;
}

/** Session type, mentor, the first free day, the `index`-th time there; returns the slot's start. */
async function chooseTime(el: MentorBooking, index = 0) {
  button(el, '1:1 coaching').click();
  await atStep(el, 'mentor');
  button(el, MENTOR_NAME).click();
  await atStep(el, 'day');
  await waitUntil(() => $(el, '[part=day][data-free]') !== null, 'no free day', { timeout: 10_000 });
  $$<HTMLButtonElement>(el, '[part=day][data-free]')[0]!.click();
  await atStep(el, 'time');
  const times = $$<HTMLButtonElement>(el, '[part=time]');
  const chosen = times[index]!;
  const label = chosen.getAttribute('aria-label');
  chosen.click();
  await atStep(el, 'details');
  return label;
}

const visitor = { name: 'Grace Hopper', email: 'grace@example.org', careerLevel: 'staff', goals: 'Lead a platform team', message: 'Hello' };

(SERVER ? describe : describe.skip)('<mentor-booking> on the reference server', () => {
  it('books a slot through the UI; the server holds the booking and stops offering the time', async () => {
    const client = httpClient();
    const el = await mount(client);
    await chooseTime(el);
    fillDetails(el, visitor);
    const confirmed = oneEvent(el, 'booking-confirmed');
    button(el, 'Book session').click();
    const { detail: booking } = await confirmed;
    await atStep(el, 'done');
    await expect(el).to.be.accessible();

    const onServer = await (await fetch(`${SERVER}/bookings/${booking.id}`, { headers: { 'Cancel-Token': booking.cancelToken! } })).json();
    expect([onServer.id, onServer.start, onServer.status, onServer.name, onServer.mentorId]).to.deep.equal([booking.id, booking.start, 'confirmed', 'Grace Hopper', 'marcus-reed']);
    const { items } = await (await fetch(`${SERVER}/mentors/marcus-reed/slots?sessionType=one-on-one&from=${booking.start}&to=${booking.end}`)).json();
    expect(items).to.deep.equal([]);
  });

  it('loses a race: another visitor books the same time first; the element says so and offers fresh times', async () => {
    const el = await mount(httpClient());
    await chooseTime(el, 0);
    // The time the element offered, taken by someone else while this visitor types.
    const { items } = await (await fetch(`${SERVER}/mentors/marcus-reed/slots?sessionType=one-on-one&from=${new Date().toISOString()}&to=${new Date(Date.now() + 60 * 86_400_000).toISOString()}`)).json();
    const taken = items[0].start as string;
    const rival = await httpClient().bookings.create({ mentorId: 'marcus-reed', sessionTypeId: 'one-on-one', start: taken, timeZone: 'UTC', name: 'Rival', email: 'rival@example.org', careerLevel: 'mid', goals: '', message: '' });
    expect(rival.status).to.equal('confirmed');

    fillDetails(el, visitor);
    button(el, 'Book session').click();
    await waitUntil(() => text($(el, '[role=alert]')) !== '', 'no alert', { timeout: 10_000 });
    expect(text($(el, '[role=alert]'))).to.equal('That time was just taken. Please choose another one.');
    expect(['time', 'day']).to.include(step(el));
    if (step(el) === 'time') {
      const starts = $$(el, '[part=time]').map((b) => b.getAttribute('aria-label'));
      expect(starts.length).to.be.greaterThan(0);
    }
    await expect(el).to.be.accessible();
  });
});
