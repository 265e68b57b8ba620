/**
 * <mentor-booking> sends the visitor's language with the booking, so the reference server's mails
 * (which read the booking's `locale`) speak it: a booking made through the element in German
 * reaches the server with `locale: "de"`. Priya Raman's practice interviews belong to this file.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define/mentor-booking.js';
import '../../src/define/mentorship-provider.js';
import '../../src/locales/de.js';
import type { MentorBooking } from '../../src/components/mentor-booking/mentor-booking.js';
import { createClient } from '../../src/sdk/client.js';
import { memoryBackend } from '../../src/sdk/backends/memory.js';
import type { MentorshipClient } from '../../src/sdk/client.js';
import { httpClient, SERVER } from '../http-helpers.js';
import { fillDetails } from './booking-form.js';

const $ = <T extends Element = HTMLElement>(el: MentorBooking, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: MentorBooking, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const step = (el: MentorBooking) => $(el, '[part=step]')?.dataset['step'];
const atStep = (el: MentorBooking, name: string) => waitUntil(() => step(el) === name, `never reached step ${name} (at ${step(el)})`, { timeout: 10_000 });

/** Books Priya's first free practice interview through the element shown in `locale`. */
async function bookThroughElement(client: MentorshipClient, locale: string) {
  const wrapper = await fixture<HTMLElement>(
    html`<mentorship-provider .client=${client}><mentor-booking locale=${locale} timezone="Europe/Berlin" mentor="priya-raman" session-type="practice-interview"></mentor-booking></mentorship-provider>`,
  );
  const el = wrapper.querySelector('mentor-booking')!;
  await atStep(el, 'day');
  await waitUntil(() => $(el, '[part=day][data-free]'), 'no free day', { timeout: 10_000 });
  $$<HTMLButtonElement>(el, '[part=day][data-free]')[0]!.click();
  await atStep(el, 'time');
  $$<HTMLButtonElement>(el, '[part=time]')[0]!.click();
  await atStep(el, 'details');
  await el.updateComplete;
  fillDetails(el, { name: 'Grete Weber', email: `grete-${Math.random().toString(36).slice(2)}@example.de`, careerLevel: 'senior', goals: '', message: '' });
  const confirmed = oneEvent(el, 'booking-confirmed');
  $<HTMLButtonElement>(el, '[part=form] button.primary')!.click();
  const { detail } = await confirmed;
  return { el, booking: detail };
}

describe('<mentor-booking> sends the visitor’s locale', () => {
  (SERVER ? it : it.skip)('a booking made in German reaches the reference server with locale "de"', async () => {
    const { el, booking } = await bookThroughElement(httpClient(), 'de');
    expect(el.shadowRoot!.textContent).to.contain('Sitzung'); // the element spoke German
    const onServer = await (await fetch(`${SERVER}/bookings/${booking.id}`, { headers: { 'Cancel-Token': booking.cancelToken! } })).json();
    expect([onServer.id, onServer.locale]).to.deep.equal([booking.id, 'de']);
  });

  it('sends the locale as a short tag on any backend (de-DE stays de-DE; extensions are left out)', async () => {
    const client = createClient({ backend: memoryBackend() });
    expect((await bookThroughElement(client, 'de-DE-u-ca-gregory')).booking.locale).to.equal('de-DE');
    expect((await client.bookings.list())[0]!.locale).to.equal('de-DE');
  });
});
