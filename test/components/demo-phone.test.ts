/**
 * The demo page on a phone (issue 18): at 360 px the page is no wider than the screen, and the
 * booking's day cells and time buttons are at least 44 × 44 px — the page's padding leaves the
 * element the 308 px seven such cells need. The real demo page, in an iframe of that width.
 */
import { expect, waitUntil } from '@open-wc/testing';

const BUSY = { timeout: 20_000 };

async function demoAt(width: number): Promise<Document> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${width}px; height: 900px; border: 0`;
  frame.src = '/demo/index.html';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const doc = frame.contentDocument!;
  await waitUntil(() => doc.querySelector('mentor-booking')?.shadowRoot?.querySelector('[part=choice]'), 'the demo booking never loaded', BUSY);
  return doc;
}

const small = (elements: Element[]) =>
  elements.map((e) => e.getBoundingClientRect()).filter((r) => r.width < 44 || r.height < 44).map((r) => `${r.width.toFixed(1)}×${r.height.toFixed(1)}`);

describe('the demo page at 360 px', () => {
  it('fits the screen, and the booking keeps 44 × 44 px day cells and time buttons', async () => {
    const doc = await demoAt(360);
    const booking = doc.querySelector('mentor-booking')!;
    const root = booking.shadowRoot!;
    expect(doc.documentElement.scrollWidth).to.be.at.most(doc.documentElement.clientWidth);
    root.querySelector<HTMLButtonElement>('[part=choice]')!.click(); // 1:1 coaching
    await waitUntil(() => root.querySelector('[data-step=mentor] [part=choice]'), 'no mentor step', BUSY);
    root.querySelector<HTMLButtonElement>('[part=choice]')!.click();
    await waitUntil(() => root.querySelector('[part=day][data-free]'), 'no free day', BUSY);
    expect(booking.getBoundingClientRect().width).to.be.at.least(308);
    expect(small([...root.querySelectorAll('[part=day]')])).to.deep.equal([]);
    root.querySelector<HTMLButtonElement>('[part=day][data-free]')!.click();
    await waitUntil(() => root.querySelector('[part=time]'), 'no times', BUSY);
    expect(small([...root.querySelectorAll('[part=time]')])).to.deep.equal([]);
    expect(doc.documentElement.scrollWidth).to.be.at.most(doc.documentElement.clientWidth);
  });
});
