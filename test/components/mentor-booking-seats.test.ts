/** <mentor-booking> with group sessions (seats) and booking policies (issue 16). */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/mentor-booking.js';
import '../../src/define/mentorship-provider.js';
import type { MentorBooking } from '../../src/components/mentor-booking/mentor-booking.js';
import { memoryBackend } from '../../src/sdk/backends/memory.js';
import { DEMO_CATALOG } from '../../src/sdk/catalog/demo-catalog.js';
import { createClient, type MentorshipClient } from '../../src/sdk/client.js';
import type { BookingRules, Catalog } from '../../src/sdk/schemas.js';
import { dateRangeText } from '../intl.js';
import { fillDetails } from './booking-form.js';

// Monday 2 March 2026, 00:00 UTC: Lena's first free time is 14:00 CET (13:00 UTC).
const MONDAY = () => '2026-03-02T00:00:00.000Z';
const FIRST = '2026-03-02T13:00:00.000Z';

const $ = <T extends Element = HTMLElement>(el: MentorBooking, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: MentorBooking, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const step = (el: MentorBooking) => $(el, '[part=step]')?.dataset['step'];
const buttons = (el: MentorBooking) => $$<HTMLButtonElement>(el, 'button').map(text);

async function atStep(el: MentorBooking, name: string) {
  await waitUntil(() => step(el) === name, `never reached step ${name} (at ${step(el)})`, { timeout: 10_000 });
  await el.updateComplete;
}

function withRules(rules: Partial<BookingRules>): Catalog {
  const catalog = structuredClone(DEMO_CATALOG);
  catalog.mentors[0]!.rules = { ...catalog.mentors[0]!.rules, ...rules };
  return catalog;
}

async function mount(client: MentorshipClient, sessionType: string) {
  const wrapper = await fixture<HTMLElement>(html`<mentorship-provider .client=${client}><mentor-booking locale="en-GB" timezone="Europe/Berlin" mentor="lena-hoffmann" session-type=${sessionType}></mentor-booking></mentorship-provider>`);
  const el = wrapper.querySelector('mentor-booking')!;
  await waitUntil(() => $(el, 'table[role=grid]') !== null, 'no calendar', { timeout: 10_000 });
  await el.updateComplete;
  return el;
}

async function bookFirst(el: MentorBooking, email = 'ada@example.com') {
  $(el, '[data-date="2026-03-02"]')!.click();
  await atStep(el, 'time');
  $$<HTMLButtonElement>(el, '[part=time]')[0]!.click();
  await atStep(el, 'details');
  fillDetails(el, { name: 'Ada Lovelace', email, careerLevel: 'senior' });
  $$<HTMLButtonElement>(el, 'button').find((b) => text(b) === 'Book session')!.click();
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

describe('<mentor-booking>: seats and policies', () => {
  it('shows "4 of 6 seats left" on a group session two visitors already joined, and books a seat', async () => {
    const client = createClient({ backend: memoryBackend({ now: MONDAY }) });
    await client.bookings.create(request('one@example.com'));
    await client.bookings.create(request('two@example.com'));
    const el = await mount(client, 'group-session');
    $(el, '[data-date="2026-03-02"]')!.click();
    await atStep(el, 'time');
    const [first] = $$(el, '[part=time]');
    // 14:00–15:30 CET, through the same Intl call as the element (see ../intl.ts).
    expect(text(first)).to.equal(dateRangeText('en-GB', '2026-03-02T13:00:00Z', '2026-03-02T14:30:00Z', { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Berlin' }));
    const described = $(el, `#${first!.getAttribute('aria-describedby')}`);
    expect(text(described)).to.equal('4 of 6 seats left');
    expect(described!.getAttribute('part')).to.equal('seats');
    await expect(el).to.be.accessible();
    // Back to the calendar and through the whole flow: the visitor takes the third seat.
    $$<HTMLButtonElement>(el, 'button').find((b) => text(b) === 'Back')!.click();
    await atStep(el, 'day');
    await bookFirst(el);
    await atStep(el, 'done');
    const seats = (await client.bookings.list()).filter((b) => b.start === FIRST && b.status === 'confirmed');
    expect(seats.map((b) => b.email).sort()).to.deep.equal(['ada@example.com', 'one@example.com', 'two@example.com']);
    expect((await client.slots.list({ mentorId: 'lena-hoffmann', sessionTypeId: 'group-session', from: FIRST, to: '2026-03-02T13:30:00.000Z' }))[0]!.seatsLeft).to.equal(3);
  });

  it('hides reschedule and cancel once the notice has passed, and says why', async () => {
    // A year's notice to cancel or move: too late the moment it is booked.
    const client = createClient({ backend: memoryBackend({ now: MONDAY, catalog: withRules({ cancelNoticeMinutes: 525_600, rescheduleNoticeMinutes: 525_600 }) }) });
    const el = await mount(client, 'one-on-one');
    await bookFirst(el);
    await atStep(el, 'done');
    expect(buttons(el)).not.to.include('Reschedule');
    expect(buttons(el)).not.to.include('Cancel booking');
    expect(text($(el, '[part=too-late]'))).to.equal('It is too late to change this booking online. Please contact Lena Hoffmann.');
    await expect(el).to.be.accessible();
  });

  it('says why a booking over the visitor cap is refused, and keeps the form', async () => {
    const client = createClient({ backend: memoryBackend({ now: MONDAY, catalog: withRules({ maxActivePerVisitor: 1 }) }) });
    await client.bookings.create({ ...request('ada@example.com'), sessionTypeId: 'one-on-one', start: '2026-03-03T08:00:00.000Z' });
    const el = await mount(client, 'one-on-one');
    await bookFirst(el);
    await waitUntil(() => text($(el, '[role=alert]')) !== '', 'no message', { timeout: 10_000 });
    expect(text($(el, '[role=alert]'))).to.equal('You already hold as many upcoming bookings with this mentor as one visitor may. Cancel one, or book again after your next session.');
    expect(step(el)).to.equal('details');
    expect($<HTMLInputElement>(el, '[name=email]')!.value).to.equal('ada@example.com');
    expect((await client.bookings.list()).length).to.equal(1);
    await expect(el).to.be.accessible();
  });
});
