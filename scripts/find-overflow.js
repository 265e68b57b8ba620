// Runs in the page (the screenshot script passes it to page.evaluate, the layout tests call it):
// self-contained, no imports, no closures over module scope.

/**
 * What spills sideways: the page when it is wider than the window, each element (its outermost
 * one only) that reaches past the window or past the kit element (`tags`) it renders in, unless a
 * scrolling box holds it; and any box that hides part of its content. Empty when all fits.
 */
export function findOverflow(tags) {
  const viewport = document.documentElement.clientWidth;
  const problems = [];
  if (document.documentElement.scrollWidth > viewport) problems.push(`the page is ${document.documentElement.scrollWidth} px wide`);
  const parentOf = (el) => el.parentElement ?? el.getRootNode().host ?? null;
  const name = (el) => `${el.localName}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
  const path = (el) => {
    const names = [];
    for (let e = el; e && names.length < 4; e = parentOf(e)) names.unshift(name(e));
    return names.join(' > ');
  };
  /** A scrolling or clipping box between `el` and the element's host: it contains the overflow. */
  const contained = (el, host) => {
    for (let e = parentOf(el); e && e !== host; e = parentOf(e)) if (getComputedStyle(e).overflowX !== 'visible') return true;
    return false;
  };
  // Page coordinates: a page wider than the screen may be scrolled sideways.
  const box = (el) => {
    const rect = el.getBoundingClientRect();
    return { left: rect.left + scrollX, right: rect.right + scrollX, width: rect.width };
  };
  const spilling = new Set();
  const walk = (root, host) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) walk(el.shadowRoot, tags.includes(el.localName) ? el : host);
      const rect = box(el);
      if (!rect.width || el.closest('.visually-hidden') || getComputedStyle(el).visibility === 'hidden') continue;
      const bound = host ? box(host) : { left: 0, right: viewport };
      const [left, right] = [Math.max(bound.left, 0), Math.min(bound.right, viewport)];
      if ((rect.right > right + 1 || rect.left < left - 1) && !contained(el, host)) {
        spilling.add(el);
        // Only where it starts: not every ancestor of something too wide.
        if (!spilling.has(parentOf(el))) problems.push(`${host ? `<${host.localName}> ` : ''}${path(el)} spills out (${Math.round(rect.left)}–${Math.round(rect.right)} px of ${Math.round(left)}–${Math.round(right)})`);
      }
      const overflowX = getComputedStyle(el).overflowX;
      // Fields scroll their own text; anything else that hides overflow cuts it off.
      if ((overflowX === 'hidden' || overflowX === 'clip') && el.scrollWidth > el.clientWidth + 1 && !el.matches('input, textarea, select, .visually-hidden')) problems.push(`${host ? `<${host.localName}> ` : ''}${path(el)} cuts off its content`);
    }
  };
  walk(document, null);
  return [...new Set(problems)].slice(0, 12);
}
