/**
 * Phones and narrow columns: each element in a 320 px wide column of a wide page (only container
 * queries help there) and in a wide one. Nothing spills sideways through a whole booking, a
 * comparison of three programs, an empty and a full tracker; chart text renders at 12 px or more;
 * the booking's touch targets are at least 44 × 44 px; the summary stacks when narrow.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { MentorBooking } from '../../src/components/mentor-booking/mentor-booking.js';
import type { MkElement } from '../../src/components/shared/mk-element.js';
import { memoryBackend } from '../../src/sdk/backends/memory.js';
import { createClient, type MentorshipClient } from '../../src/sdk/client.js';
import { findOverflow } from '../../scripts/find-overflow.js';
import { fillDetails, repeatTimes } from './booking-form.js';

const TAGS = ['commitment-calculator', 'program-picker', 'mentor-booking', 'session-tracker'];
// Monday 2 March 2026, 00:00 UTC: Lena Hoffmann has free times that day.
const NOW = () => '2026-03-02T00:00:00.000Z';
const LONG_NAME = 'Maximiliane Alexandra Wolkenstein-Oberhausen';
const LONG_EMAIL = 'maximiliane.alexandra.wolkenstein-oberhausen@mentoring-department.example.com';
const LONG_TEXT = 'https://example.com/a/very/long/path/to/the/system-design-review-notes-for-the-payments-service';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];

/** Mounts `tag` (with `attrs`) in a column `width` px wide, sharing `client`; waits until it has loaded. */
async function mount<T extends MkElement>(tag: string, width: number, client: MentorshipClient, attrs: Record<string, string> = {}): Promise<T> {
  // The fixture's root is a Lit element: a plain <div> would make fixture() wait for an animation
  // frame, which never comes while another test file's page is in front.
  const provider = await fixture<HTMLElement>(html`<mentorship-provider .client=${client}></mentorship-provider>`);
  provider.parentElement!.style.width = `${width}px`;
  const el = document.createElement(tag) as T;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  provider.append(el);
  await waitUntil(() => el.viewState !== 'loading' && (tag !== 'mentor-booking' || $(el, '[part=step]')), `${tag} never loaded`, { timeout: 10_000 });
  await el.updateComplete;
  return el;
}

const memory = () => createClient({ backend: memoryBackend({ now: NOW }) });

function expectFits(where: string) {
  expect(findOverflow(TAGS), where).to.deep.equal([]);
}

/** The size each SVG text is drawn at, in CSS pixels: its font size times the drawing's scale. */
function chartTextSizes(el: Element): number[] {
  return $$<SVGTextElement>(el, 'svg text').map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM()!.a);
}

/** Every button, field and link a finger can tap in the booking, smaller than 44 × 44 px. */
function smallTargets(el: Element): string[] {
  return $$(el, 'button, input, select, textarea, a')
    .map((target) => [target, target.getBoundingClientRect()] as const)
    .filter(([, rect]) => rect.width && (rect.width < 44 || rect.height < 44))
    .map(([target, rect]) => `${target.localName} "${target.textContent!.trim()}" ${Math.round(rect.width)}×${Math.round(rect.height)}`);
}

async function step(el: MentorBooking, name: string) {
  await waitUntil(() => $(el, '[part=step]')?.getAttribute('data-step') === name && !$(el, '[aria-busy=true]'), `never reached ${name}`, { timeout: 10_000 });
  await el.updateComplete;
}

describe('layout at phone widths', function () {
  // Whole flows on a machine other test runs share: room to finish (nothing here measures time).
  this.timeout(60_000);
  for (const width of [320, 640]) {
    it(`books a session in a ${width} px column: nothing spills, targets are 44 px, the summary fits`, async () => {
      const el = await mount<MentorBooking>('mentor-booking', width, memory(), { locale: 'en-GB', timezone: 'Europe/Berlin' });
      const check = (where: string) => {
        expectFits(`${width} px, ${where}`);
        expect(smallTargets(el), `${width} px, ${where}`).to.deep.equal([]);
      };
      check('session types');
      $$(el, '[part=choice]')[0]!.click();
      await step(el, 'mentor');
      check('mentors');
      $$(el, '[part=choice]')[0]!.click();
      await step(el, 'day');
      await waitUntil(() => $(el, '[data-free]'), 'no free day', { timeout: 10_000 });
      check('calendar');
      $(el, '[data-date="2026-03-02"]')!.click();
      await step(el, 'time');
      check('times');
      $$(el, '[part=time]')[0]!.click();
      await step(el, 'details');
      $<HTMLButtonElement>(el, 'button.primary')!.click();
      await el.updateComplete;
      check('details with errors');
      const values: Record<string, string> = { name: LONG_NAME, email: LONG_EMAIL, careerLevel: 'senior', goals: LONG_TEXT };
      fillDetails(el, values);
      const confirmed = oneEvent(el, 'booking-confirmed');
      $<HTMLButtonElement>(el, 'button.primary')!.click();
      await confirmed;
      await step(el, 'done');
      check('confirmation');
      // Narrow: each label above its value; wide: side by side.
      const [dt, dd] = [$(el, 'dt:nth-of-type(6)')!.getBoundingClientRect(), $(el, 'dd:nth-of-type(6)')!.getBoundingClientRect()];
      expect($(el, 'dd:nth-of-type(6)')!.textContent).to.equal(LONG_EMAIL);
      if (width < 480) expect([dd.left, dd.top >= dt.bottom]).to.deep.equal([dt.left, true]);
      else expect(dd.left).to.be.above(dt.right);
    });
  }

  for (const width of [320, 360, 390]) {
    it(`books a weekly series in a ${width} px column: the Repeat control, the occurrences with a conflict and the confirmation fit`, async () => {
      const client = memory();
      // The 4th Monday (23 March, 14:00 CET, the first free time on 2 March) is taken: one occurrence shows as a conflict.
      await client.bookings.create({ mentorId: 'lena-hoffmann', sessionTypeId: 'one-on-one', start: '2026-03-23T13:00:00.000Z', timeZone: 'UTC', name: 'X', email: 'x@example.com', careerLevel: 'mid', goals: '', message: '' });
      const el = await mount<MentorBooking>('mentor-booking', width, client, { locale: 'en-GB', timezone: 'America/Los_Angeles', 'session-type': 'one-on-one', mentor: 'lena-hoffmann' });
      const check = (where: string) => {
        expectFits(`${width} px, ${where}`);
        expect(smallTargets(el), `${width} px, ${where}`).to.deep.equal([]);
      };
      await waitUntil(() => $(el, '[data-free]'), 'no free day', { timeout: 10_000 });
      $(el, '[data-date="2026-03-02"]')!.click();
      await step(el, 'time');
      $$(el, '[part=time]')[0]!.click();
      await step(el, 'details');
      await waitUntil(() => $(el, '[part=repeat]'), 'no Repeat', { timeout: 10_000 });
      fillDetails(el, { name: LONG_NAME, email: LONG_EMAIL, careerLevel: 'senior' });
      await repeatTimes(el, 4);
      expect($$(el, '[part=occurrence]').map((li) => li.dataset['status'])).to.deep.equal(['free', 'free', 'free', 'conflict']);
      check('occurrences with a conflict');
      $$<HTMLButtonElement>(el, '[data-status=conflict] button')[0]!.click();
      await el.updateComplete;
      check('a left-out occurrence');
      const confirmed = oneEvent(el, 'series-confirmed');
      $<HTMLButtonElement>(el, 'button.primary')!.click();
      await confirmed;
      await step(el, 'series');
      check('the series confirmation');
    });
  }

  it('keeps the calendar days 44 px square in a 320 px column', async () => {
    const el = await mount<MentorBooking>('mentor-booking', 320, memory(), { 'session-type': 'one-on-one', mentor: 'lena-hoffmann' });
    await waitUntil(() => $(el, '[data-free]'), 'no calendar', { timeout: 10_000 });
    const days = $$(el, '[part=day]').map((b) => b.getBoundingClientRect());
    expect(days.length).to.be.above(27);
    for (const day of days) expect([day.width >= 44, day.height >= 44], `${day.width}×${day.height}`).to.deep.equal([true, true]);
  });

  it('compares three programs in a 320 px column: the table scrolls in its own box, with shadows as the hint', async () => {
    const el = await mount('program-picker', 320, memory(), { compare: '' });
    for (const box of $$<HTMLInputElement>(el, '.check input').slice(0, 3)) box.click();
    await el.updateComplete;
    expectFits('comparing three');
    const wrap = $(el, '.table-wrap')!;
    expect(wrap.scrollWidth).to.be.above(wrap.clientWidth);
    expect(getComputedStyle(wrap).backgroundImage.match(/radial-gradient/g)).to.have.length(2);
    // The compare checkbox sits on its word's line, inside the one bordered control.
    const check = $(el, '.check')!;
    const [box, label] = [check.querySelector('input')!.getBoundingClientRect(), check.getBoundingClientRect()];
    expect(Math.abs(box.top + box.height / 2 - (label.top + label.height / 2))).to.be.below(2);
    expect(getComputedStyle(check).borderTopStyle).to.equal('solid');
  });

  for (const width of [320, 760]) {
    it(`draws chart text at 12 px or more in a ${width} px column`, async () => {
      const client = memory();
      for (let i = 0; i < 10; i++) {
        await client.sessions.add({ start: new Date(Date.parse('2026-03-01T10:00:00Z') - i * 3 * 86_400_000).toISOString(), minutes: 90, activity: i % 2 ? 'code-review' : 'one-on-one' });
      }
      const calculator = await mount('commitment-calculator', width, client);
      const tracker = await mount('session-tracker', width, client, { 'weekly-goal': '3' });
      (tracker as unknown as { today: Date }).today = new Date('2026-03-02T12:00:00Z');
      await waitUntil(() => $(tracker, 'svg[part=chart]'), 'the chart never loaded', { timeout: 10_000 });
      for (const el of [calculator, tracker]) {
        const sizes = chartTextSizes(el);
        expect(sizes.length, el.localName).to.be.above(3);
        expect(Math.min(...sizes), el.localName).to.be.at.least(12);
      }
      expectFits(`${width} px, calculator and tracker`);
    });
  }

  it('shows an empty tracker and a full one in a 320 px column without spilling', async () => {
    const client = memory();
    const tracker = await mount('session-tracker', 320, client, { 'weekly-goal': '5.5' });
    expectFits('empty tracker');
    // Each form field takes the whole width: labels line up.
    const lefts = new Set($$(tracker, 'form[part=add-form] :is(input, select, textarea)').map((f) => Math.round(f.getBoundingClientRect().left)));
    expect(lefts.size).to.equal(1);
    await client.sessions.add({ start: '2026-03-01T10:00:00.000Z', minutes: 60, activity: 'one-on-one', mentor: LONG_NAME, notes: LONG_TEXT, tags: ['architecture-decision-records'] });
    await waitUntil(() => $(tracker, '.rows li'), 'no row', { timeout: 10_000 });
    expectFits('tracker with a session');
  });
});
