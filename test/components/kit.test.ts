/**
 * Across the kit: every element in German shows no English string from its message table, and
 * every element passes axe (colour contrast included) in the dark theme, and lays out right to left
 * when the page says dir="rtl".
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/index.js';
import '../../src/locales/de.js';
import { en as calculatorEn } from '../../src/components/commitment-calculator/commitment-calculator.messages.js';
import { en as bookingEn } from '../../src/components/mentor-booking/mentor-booking.messages.js';
import { en as pickerEn } from '../../src/components/program-picker/program-picker.messages.js';
import { en as trackerEn } from '../../src/components/session-tracker/session-tracker.messages.js';
import { de as calculatorDe } from '../../src/components/commitment-calculator/commitment-calculator.messages.js';
import { de as bookingDe } from '../../src/components/mentor-booking/mentor-booking.messages.js';
import { de as pickerDe } from '../../src/components/program-picker/program-picker.messages.js';
import { de as trackerDe } from '../../src/components/session-tracker/session-tracker.messages.js';
import type { MkElement } from '../../src/components/shared/mk-element.js';
import { memoryBackend } from '../../src/sdk/backends/memory.js';
import { createClient } from '../../src/sdk/client.js';

const NOW = () => '2026-03-02T08:00:00.000Z';

const elements: { tag: string; en: Record<string, unknown>; de: Record<string, unknown>; render: () => TemplateResult }[] = [
  { tag: 'commitment-calculator', en: calculatorEn, de: calculatorDe, render: () => html`<commitment-calculator available-hours="6"></commitment-calculator>` },
  { tag: 'program-picker', en: pickerEn, de: pickerDe, render: () => html`<program-picker compare></program-picker>` },
  { tag: 'mentor-booking', en: bookingEn, de: bookingDe, render: () => html`<mentor-booking></mentor-booking>` },
  { tag: 'session-tracker', en: trackerEn, de: trackerDe, render: () => html`<session-tracker weekly-goal="5"></session-tracker>` },
];

async function mount(render: () => TemplateResult, setup: (el: MkElement) => void = () => {}): Promise<MkElement> {
  const client = createClient({ backend: memoryBackend({ now: NOW }) });
  await client.sessions.add({ start: '2026-03-01T10:00:00.000Z', minutes: 60, activity: 'one-on-one', notes: 'Design review' });
  const provider = await fixture(html`<mentorship-provider .client=${client}>${render()}</mentorship-provider>`);
  const el = provider.firstElementChild as MkElement;
  setup(el);
  await waitUntil(() => el.getAttribute('state') === 'ready', `${el.localName} never became ready`, { timeout: 5000 });
  await el.updateComplete;
  return el;
}

/**
 * Every piece of text a person sees or hears, one by one: text nodes, accessible names and
 * placeholders. (Whole pieces, not substrings: catalog data such as "Group Mentorship" is the
 * site owner's text, not ours to translate.)
 */
function shownPieces(root: ShadowRoot): Set<string> {
  const pieces = new Set<string>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) pieces.add(node.textContent!.trim());
  for (const el of root.querySelectorAll('*')) {
    for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
      const value = el.getAttribute(name);
      if (value) pieces.add(value.trim());
    }
  }
  return pieces;
}

describe('the whole kit', () => {
  for (const { tag, en, de, render } of elements) {
    it(`<${tag}> in de-DE shows no English string from its table`, async () => {
      const el = await mount(render, (e) => e.setAttribute('locale', 'de-DE'));
      const pieces = shownPieces(el.shadowRoot!);
      const leftovers = Object.entries(en).filter(([key, value]) => typeof value === 'string' && value !== de[key] && pieces.has(value.trim()));
      expect(leftovers.map(([key, value]) => `${key}: ${value}`)).to.deep.equal([]);
      const missing = Object.keys(en).filter((key) => !(key in de));
      expect(missing, `${tag}: keys missing from the German table`).to.deep.equal([]);
    });

    it(`<${tag}> passes axe in the dark theme`, async () => {
      const el = await mount(render, (e) => e.setAttribute('theme', 'dark'));
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      await expect(el).to.be.accessible();
    });

    it(`<${tag}> passes axe right to left`, async () => {
      const el = await mount(render, (e) => e.setAttribute('dir', 'rtl'));
      const root = el.shadowRoot!.querySelector('[dir]') as HTMLElement;
      expect(getComputedStyle(root).direction, 'the page asked for right to left').to.equal('rtl');
      await expect(el).to.be.accessible();
    });
  }
});
