/**
 * Per-element page: the tag is already in the HTML (not yet upgraded). We mark performance.now()
 * right before customElements.define and stop when the element's `state` attribute says
 * `ready` or `empty` (interactive with data), then once more after the next frame (painted).
 * Storage is whatever the browser context holds: a fresh context means a fresh IndexedDB.
 */
import { nextPaint, run, waitForState } from './common.js';

export function measureDefine(tag: string, constructor: CustomElementConstructor): void {
  run(async () => {
    const el = document.querySelector(tag);
    if (!el) throw new Error(`No <${tag}> in the page`);
    const scriptStart = performance.now();
    const interactive = waitForState(el, ['ready', 'empty']);
    const t0 = performance.now();
    customElements.define(tag, constructor);
    const defined = performance.now();
    const ready = await interactive;
    const painted = await nextPaint();
    return {
      state: el.getAttribute('state'),
      defineCall: defined - t0,
      defineToReady: ready - t0,
      defineToPaint: painted - t0,
      navigationToScript: scriptStart,
      navigationToReady: ready,
    };
  });
}
