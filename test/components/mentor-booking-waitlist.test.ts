/**
 * <mentor-booking> and the waitlist of a full group session (issue 16): the full session stays in
 * the time grid as "Full — join the waitlist", the details form joins the line, the visitor's place
 * shows, and a promotion — live, or found on the next visit — is told once with the booking events.
 */
import { expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define/mentor-booking.js';
import '../../src/define/mentorship-provider.js';
import type { MentorBooking } from '../../src/components/mentor-booking/mentor-booking.js';
import { localBackend } from '../../src/sdk/backends/local.js';
import { memoryBackend } from '../../src/sdk/backends/memory.js';
import { createClient, type MentorshipClient } from '../../src/sdk/client.js';
import type { Booking, WaitlistEntry } from '../../src/sdk/schemas.js';
import '../../src/locales/de.js';
import { freshNamespace } from '../helpers.js';
import { fillDetails } from './booking-form.js';

// Monday 2 March 2026, 00:00 UTC: Lena's first group session is 14:00 CET (13:00 UTC).
const MONDAY = () => '2026-03-02T00:00:00.000Z';
const FIRST = '2026-03-02T13:00:00.000Z';

const $ = <T extends Element = HTMLElement>(el: MentorBooking, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: MentorBooking, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const step = (el: MentorBooking) => $(el, '[part=step]')?.dataset['step'];
const button = (el: MentorBooking, label: string) => $$<HTMLButtonElement>(el, 'button').find((b) => text(b) === label);

async function atStep(el: MentorBooking, name: string) {
  await waitUntil(() => step(el) === name, `never reached step ${name} (at ${step(el)})`, { timeout: 10_000 });
  await el.updateComplete;
}

const request = (email: string) => ({
  mentorId: 'lena-hoffmann',
  sessionTypeId: 'group-session',
  start: FIRST,
  timeZone: 'Europe/Berlin',
  name: 'Someone',
  email,
  careerLevel: 'mid' as const,
  goals: '',
  message: '',
});

/** Six visitors hold the six seats of Lena's first group session. */
async function fill(client: MentorshipClient): Promise<Booking[]> {
  const seats: Booking[] = [];
  for (let i = 0; i < 6; i++) seats.push(await client.bookings.create(request(`seat${i}@example.com`)));
  return seats;
}

async function mount(client: MentorshipClient, locale = 'en-GB') {
  const wrapper = await fixture<HTMLElement>(
    html`<mentorship-provider .client=${client}><mentor-booking locale=${locale} timezone="Europe/Berlin" mentor="lena-hoffmann" session-type="group-session"></mentor-booking></mentorship-provider>`,
  );
  const el = wrapper.querySelector('mentor-booking')!;
  await waitUntil(() => $(el, 'table[role=grid]') !== null || $(el, '[part=promoted]') !== null, 'no calendar', { timeout: 10_000 });
  await el.updateComplete;
  return el;
}

/** From the calendar to the full session's details form, filled in. */
async function openFull(el: MentorBooking, email = 'ada@example.com') {
  $(el, '[data-date="2026-03-02"]')!.click();
  await atStep(el, 'time');
  await joinForm(el, email);
}

/** From the times to the full session's details form, filled in. */
async function joinForm(el: MentorBooking, email = 'ada@example.com') {
  $<HTMLButtonElement>(el, '[part~=full]')!.click();
  await atStep(el, 'details');
  fillDetails(el, { name: 'Ada Lovelace', email, careerLevel: 'senior' });
}

describe('<mentor-booking>: the waitlist of a full group session', () => {
  it('shows a full session as "Full — join the waitlist", joins the line from the details form, and shows the place', async () => {
    const client = createClient({ backend: memoryBackend({ now: MONDAY }) });
    await fill(client);
    await client.waitlist.join(request('first-in-line@example.com'));
    const el = await mount(client);
    // A day whose only session is full is open for its waitlist, not counted as free.
    const fullDay = $<HTMLButtonElement>(el, '[data-date="2026-03-02"]')!;
    expect(fullDay.hasAttribute('data-full'), 'marked full').to.be.true;
    expect(fullDay.hasAttribute('data-free'), 'marked free').to.be.false;
    expect(fullDay.getAttribute('aria-label')).to.match(/full: join the waitlist$/);
    expect(fullDay.getAttribute('aria-disabled')).to.equal('false');
    fullDay.click();
    await atStep(el, 'time');
    const full = $<HTMLButtonElement>(el, '[part~=full]')!;
    expect(text(full)).to.contain('Full — join the waitlist');
    expect(full.getAttribute('aria-label')).to.contain('Full — join the waitlist');
    await expect(el).to.be.accessible();

    await joinForm(el);
    expect(text($(el, '[part=waitlist-intro]'))).to.contain('This session is full.');
    const joined = oneEvent(el, 'waitlist-joined');
    button(el, 'Join the waitlist')!.click();
    const entry = ((await joined) as CustomEvent<WaitlistEntry>).detail;
    expect(entry).to.deep.include({ status: 'waiting', position: 2, email: 'ada@example.com', start: FIRST });
    await atStep(el, 'waitlisted');
    expect(text($(el, 'h3'))).to.equal('You are on the waitlist');
    expect(text($(el, '[part=position]'))).to.equal('You are number 2 in line.');
    await expect(el).to.be.accessible();

    button(el, 'Leave the waitlist')!.click();
    await waitUntil(() => (el.shadowRoot!.textContent ?? '').includes('You have left the waitlist.'), 'no left message');
    expect((await client.waitlist.get(entry.id)).status).to.equal('left');
  });

  it('a seat frees while the visitor is on the page: the notice shows, with waitlist-promoted and booking-confirmed', async () => {
    const client = createClient({ backend: memoryBackend({ now: MONDAY }) });
    const seats = await fill(client);
    const el = await mount(client);
    await openFull(el);
    button(el, 'Join the waitlist')!.click();
    await atStep(el, 'waitlisted');

    const promoted = oneEvent(el, 'waitlist-promoted');
    const confirmed = oneEvent(el, 'booking-confirmed');
    await client.bookings.cancel(seats[0]!.id);
    const entry = ((await promoted) as CustomEvent<WaitlistEntry>).detail;
    const booking = ((await confirmed) as CustomEvent<Booking>).detail;
    expect(entry.status).to.equal('promoted');
    expect(booking).to.deep.include({ status: 'confirmed', email: 'ada@example.com', start: FIRST });
    await el.updateComplete;
    const notice = $(el, '[part=promoted]')!;
    expect(text(notice)).to.contain('A seat freed up: you are booked');
    expect(text(notice)).to.contain('Group session with Lena Hoffmann');
    await expect(el).to.be.accessible();
  });

  it('on the next visit (IndexedDB, a new page) the promotion is told once; OK dismisses it for good', async () => {
    const namespace = freshNamespace('waitlist-element');
    const first = createClient({ backend: localBackend({ namespace, now: MONDAY }) });
    const seats = await fill(first);
    const entry = await first.waitlist.join(request('ada@example.com'));
    await first.bookings.cancel(seats[3]!.id);
    first.close();

    const client = createClient({ backend: localBackend({ namespace, now: MONDAY }) });
    // fixtureSync: fixture() of a plain div waits for an animation frame, which a page in a
    // background tab never gets (the test runner runs files side by side).
    const wrapper = fixtureSync<HTMLElement>(html`<div></div>`);
    const promoted = new Promise<CustomEvent<WaitlistEntry>>((resolve) => wrapper.addEventListener('waitlist-promoted', (e) => resolve(e as CustomEvent<WaitlistEntry>), { once: true }));
    const el = await mountInto(wrapper, client);
    expect((await promoted).detail.id).to.equal(entry.id);
    await waitUntil(() => $(el, '[part=promoted]') !== null, 'no notice');
    expect(text($(el, '[part=promoted]'))).to.contain('A seat freed up: you are booked');
    button(el, 'OK')!.click();
    await waitUntil(() => $(el, '[part=promoted]') === null, 'the notice stays');
    expect(await client.waitlist.unseen()).to.deep.equal([]);
    client.close();

    // Another visit: nothing to tell.
    const again = createClient({ backend: localBackend({ namespace, now: MONDAY }) });
    const el2 = await mount(again);
    await new Promise((r) => setTimeout(r, 100));
    expect($(el2, '[part=promoted]')).to.equal(null);
    again.close();
  });

  it('speaks German: "Voll – Warteliste" in the grid and the join button', async () => {
    const client = createClient({ backend: memoryBackend({ now: MONDAY }) });
    await fill(client);
    const el = await mount(client, 'de-DE');
    $(el, '[data-date="2026-03-02"]')!.click();
    await atStep(el, 'time');
    expect(text($(el, '[part~=full]'))).to.contain('Voll – auf die Warteliste');
    await openFullClicked(el);
    expect(button(el, 'Auf die Warteliste setzen')).to.not.equal(undefined);
  });
});

async function mountInto(wrapper: HTMLElement, client: MentorshipClient) {
  const provider = document.createElement('mentorship-provider') as HTMLElement & { client: MentorshipClient };
  provider.client = client;
  const el = document.createElement('mentor-booking') as MentorBooking;
  for (const [name, value] of Object.entries({ locale: 'en-GB', timezone: 'Europe/Berlin', mentor: 'lena-hoffmann', 'session-type': 'group-session' })) el.setAttribute(name, value);
  provider.append(el);
  wrapper.append(provider);
  await el.updateComplete;
  return el;
}

async function openFullClicked(el: MentorBooking) {
  $<HTMLButtonElement>(el, '[part~=full]')!.click();
  await atStep(el, 'details');
}
