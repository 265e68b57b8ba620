/**
 * Page-overhead probe, loaded (as the first module script) by both host pages: host.html without
 * the kit and host-kit.html with the kit's one <script type="module">. Reports first paint, first
 * contentful paint, the load event and, with the kit, when all four elements are interactive
 * with data and when that frame has been painted. All times from navigation start.
 */
import { nextPaint, run, waitForState } from './common.js';

const TAGS = ['commitment-calculator', 'program-picker', 'mentor-booking', 'session-tracker'];

function paints(): Promise<Record<string, number>> {
  return new Promise((resolve) => {
    const found: Record<string, number> = {};
    const take = (list: PerformanceEntryList) => {
      for (const e of list) found[e.name] = e.startTime;
      if (found['first-contentful-paint'] !== undefined) resolve(found);
    };
    take(performance.getEntriesByType('paint'));
    new PerformanceObserver((list) => take(list.getEntries())).observe({ type: 'paint', buffered: true });
    setTimeout(() => resolve(found), 5000);
  });
}

run(async () => {
  const withKit = Boolean(document.querySelector('script[data-kit]'));
  const elements = withKit ? TAGS.map((t) => document.querySelector(t)!) : [];
  const states = elements.map((el) => waitForState(el, ['ready', 'empty'], 15_000).then((t) => ({ tag: el.localName, t }), (e: Error) => ({ tag: el.localName, error: e.message })));
  // The frame after the last element became interactive, measured as soon as that happens.
  const settled = Promise.all(states).then(async (each) => ({ each, painted: each.some((e) => 'error' in e) ? undefined : await nextPaint() }));
  await new Promise<void>((resolve) => (document.readyState === 'complete' ? resolve() : addEventListener('load', () => resolve(), { once: true })));
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const paint = await paints();
  const result: Record<string, unknown> = {
    withKit,
    firstPaint: paint['first-paint'],
    firstContentfulPaint: paint['first-contentful-paint'],
    domContentLoaded: nav?.domContentLoadedEventEnd,
    load: nav?.loadEventEnd || performance.now(),
  };
  if (withKit) {
    const { each, painted } = await settled;
    result.elements = each;
    if (painted !== undefined) {
      result.elementsReady = Math.max(...each.map((e) => (e as { t: number }).t));
      result.elementsPainted = painted;
    }
  }
  return result;
});
