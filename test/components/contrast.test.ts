/**
 * Contrast from the rendered styles, which axe does not check for non-text parts (WCAG 1.4.11):
 * the border (or fill) of every field and choice, the focus ring and the chart colours reach 3:1
 * against what is behind them, and text 4.5:1 (3:1 when large), in light and dark, with the kit's
 * colours and with both brand themes of the demo page.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { BRANDS } from '../../demo/brands.js';
import type { MkElement } from '../../src/components/shared/mk-element.js';
import { memoryBackend } from '../../src/sdk/backends/memory.js';
import { createClient } from '../../src/sdk/client.js';

type RGBA = [number, number, number, number];

const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
/** Any CSS colour as sRGB 0–255 and alpha 0–1, read back through a canvas. */
function rgba(colour: string): RGBA {
  canvas.clearRect(0, 0, 1, 1);
  canvas.fillStyle = colour;
  canvas.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!, a! / 255];
}
const over = ([r, g, b, a]: RGBA, [R, G, B]: RGBA): RGBA => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a), 1];
const luminance = ([r, g, b]: RGBA) => {
  const [R, G, B] = [r, g, b].map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
};
/** WCAG contrast ratio of `a` (composited over `b` when translucent) against `b`. */
function ratio(a: RGBA, b: RGBA): number {
  const [x, y] = [luminance(over(a, b)), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
/** The colour behind `el`: the first ancestor background that is not transparent, over white. */
function background(el: Element | null): RGBA {
  const layers: RGBA[] = [];
  for (let e = el; e; e = parentOf(e)) {
    const colour = rgba(getComputedStyle(e).backgroundColor);
    if (colour[3] > 0) layers.push(colour);
    if (colour[3] === 1) break;
  }
  return layers.reduceRight<RGBA>((below, layer) => over(layer, below), [255, 255, 255, 1]);
}
/** Disabled or faded on purpose (WCAG exempts inactive parts). */
const inactive = (el: Element) => {
  for (let e: Element | null = el; e; e = parentOf(e)) if ((e as HTMLButtonElement).disabled || Number(getComputedStyle(e).opacity) < 1) return true;
  return false;
};
const label = (el: Element) => `<${(el.getRootNode() as ShadowRoot).host?.localName}> ${el.localName}${el.className && typeof el.className === 'string' ? `.${el.className}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
const shown = (el: Element) => el.getBoundingClientRect().width > 0 && !el.closest('.visually-hidden');

/** Every problem in `root`'s elements, as "what: ratio < needed". */
function problems(hosts: Element[]): string[] {
  const found: string[] = [];
  const need = (what: string, value: number, min: number) => value < min && found.push(`${what}: ${value.toFixed(2)} < ${min}`);
  for (const host of hosts) {
    const root = host.shadowRoot!;
    // Fields and choices: their border, or their own fill where they have one, against what is around them.
    for (const field of root.querySelectorAll('input:not([type=checkbox], [type=file]), select, textarea, button:not([aria-disabled=true])')) {
      if (!shown(field) || inactive(field)) continue;
      const style = getComputedStyle(field);
      const around = background(parentOf(field));
      need(`border of ${label(field)}`, Math.max(ratio(rgba(style.borderTopColor), around), ratio(rgba(style.backgroundColor), around)), 3);
    }
    for (const radio of root.querySelectorAll('[role=radio]')) {
      need(`radio ring of ${label(radio)}`, ratio(rgba(getComputedStyle(radio, '::before').borderTopColor), background(radio)), 3);
    }
    for (const check of root.querySelectorAll('.check')) need(`border of ${label(check)}`, ratio(rgba(getComputedStyle(check).borderTopColor), background(parentOf(check))), 3);
    // Chart marks: filled bars, or the outline of outlined ones; legend keys likewise.
    for (const mark of root.querySelectorAll('svg rect:not(.track), [part=legend] li, .legend span')) {
      const style = getComputedStyle(mark);
      const colour = mark.localName === 'rect' ? (style.strokeWidth !== '0px' && style.stroke !== 'none' ? style.stroke : style.fill) : mark.localName === 'li' ? style.borderInlineStartColor : style.backgroundColor !== 'rgba(0, 0, 0, 0)' ? style.backgroundColor : style.borderTopColor;
      need(`chart colour of ${label(mark)} (${mark.getAttribute('class')})`, ratio(rgba(colour), background(mark.closest('svg') ?? parentOf(mark))), 3);
    }
    // Text: each element with its own text.
    for (const el of root.querySelectorAll('*')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (!own || !shown(el) || inactive(el) || el.closest('option, title, desc, style')) continue;
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const colour = el instanceof SVGElement ? style.fill : style.color;
      need(`text of ${label(el)}`, ratio(rgba(colour), background(el instanceof SVGElement ? el.closest('svg') : el)), large ? 3 : 4.5);
    }
  }
  return [...new Set(found)];
}

/** The focus ring of whatever has the focus inside `host`, against what is behind it. */
function focusRing(host: Element): string[] {
  const focused = host.shadowRoot!.activeElement;
  if (!focused) return [`nothing focused in <${host.localName}>`];
  const style = getComputedStyle(focused);
  if (style.outlineStyle === 'none') return [`no focus ring on ${label(focused)}`];
  const value = ratio(rgba(style.outlineColor), background(parentOf(focused)));
  return value < 3 ? [`focus ring of ${label(focused)}: ${value.toFixed(2)} < 3`] : [];
}

async function page(theme: string, brand: string) {
  const client = createClient({ backend: memoryBackend({ now: () => '2026-03-02T00:00:00.000Z' }) });
  const activities = ['one-on-one', 'weekly-review', 'project-practice', 'code-review', 'technical-review', 'career-planning', 'practice-interview', 'other'];
  for (const [i, activity] of activities.entries()) {
    await client.sessions.add({ start: new Date(Date.parse('2026-03-01T10:00:00Z') - i * 86_400_000).toISOString(), minutes: 60, activity, tags: ['review'] });
  }
  // A Lit element as the fixture's root: fixture() would wait for an animation frame for a <div>.
  const wrapper = await fixture<HTMLElement>(html`<mentorship-provider .client=${client}>
    <commitment-calculator available-hours="6" theme=${theme}></commitment-calculator>
    <program-picker compare theme=${theme}></program-picker>
    <mentor-booking session-type="one-on-one" mentor="lena-hoffmann" theme=${theme}></mentor-booking>
    <session-tracker weekly-goal="5" theme=${theme}></session-tracker>
  </mentorship-provider>`);
  for (const [name, value] of Object.entries(BRANDS[brand] ?? {})) wrapper.style.setProperty(name, value);
  const hosts = [...wrapper.querySelectorAll<MkElement>('commitment-calculator, program-picker, mentor-booking, session-tracker')];
  await waitUntil(() => hosts.every((el) => el.viewState === 'ready'), 'not ready', { timeout: 10_000 });
  const [, picker, booking, tracker] = hosts;
  (tracker as unknown as { today: Date }).today = new Date('2026-03-02T12:00:00Z');
  await waitUntil(() => booking!.shadowRoot!.querySelector('[data-free]') && tracker!.shadowRoot!.querySelector('svg[part=chart]'), 'no calendar or chart', { timeout: 10_000 });
  for (const box of [...picker!.shadowRoot!.querySelectorAll<HTMLInputElement>('.check input')].slice(0, 2)) box.click();
  for (const el of hosts) await el.updateComplete;
  return hosts;
}

describe('contrast', function () {
  // Whole flows on a machine other test runs share: room to finish (nothing here measures time).
  this.timeout(60_000);
  for (const brand of ['', 'aubergine', 'forest']) {
    for (const theme of ['light', 'dark']) {
      it(`fields, choices, focus ring and charts reach 3:1 and text 4.5:1: ${theme}${brand ? `, ${brand}` : ''}`, async () => {
        const hosts = await page(theme, brand);
        expect(problems(hosts)).to.deep.equal([]);
        // The focus ring on a field, and on the control next to it, reached by keyboard (:focus-visible).
        const rings: string[] = [];
        const checked = new Set<string>();
        for (const host of hosts) {
          host.shadowRoot!.querySelector<HTMLInputElement>('input:not([type=checkbox], [type=file])')!.focus();
          rings.push(...focusRing(host));
          await sendKeys({ press: 'Tab' });
          // Focus moved on by keyboard keeps :focus-visible for a button focused next.
          if (!host.shadowRoot!.activeElement) host.shadowRoot!.querySelector<HTMLButtonElement>('button:not([tabindex="-1"], :disabled)')!.focus();
          rings.push(...focusRing(host));
          checked.add(host.shadowRoot!.activeElement!.localName);
        }
        expect(rings).to.deep.equal([]);
        expect([...checked]).to.include('button');
      });
    }
  }

  it('finds a field border below 3:1 (the old #c9cfda on white)', async () => {
    const [calculator] = await page('light', '');
    calculator!.style.setProperty('--mk-color-field-border', '#c9cfda');
    expect(problems([calculator!]).filter((p) => p.startsWith('border of'))).to.not.deep.equal([]);
  });
});
