/**
 * Registers a custom element once. Two copies of the kit on one page (a CDN script and an npm
 * bundle) both call this; the second call is a no-op instead of a DOMException.
 */
export function define(tag: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(tag)) return;
  customElements.define(tag, constructor);
}
