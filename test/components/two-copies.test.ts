/**
 * A site may load the kit twice (a CDN script and an npm bundle). The second copy must not crash,
 * and both copies must share the client through the one context key.
 * scripts/test.mjs bundles a second, self-contained copy to test/.tmp/kit-copy.js first.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { MkElement } from '../../src/components/shared/mk-element.js';
import { define } from '../../src/components/shared/define.js';

class CopyOneProbe extends MkElement {}
define('copy-one-probe', CopyOneProbe);

describe('two copies of the kit on one page', () => {
  it('loads a second copy without an exception and keeps the first definitions', async () => {
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    const first = customElements.get('mentor-booking');
    const copy = await import(/* @vite-ignore */ new URL('/test/.tmp/kit-copy.js', location.href).href);
    window.removeEventListener('error', onError);
    expect(errors).to.deep.equal([]);
    expect(customElements.get('mentor-booking')).to.equal(first);
    expect(copy.MentorBooking).to.not.equal(first); // really a second copy of the code
  });

  it('shares the client across copies through the same context key', async () => {
    const copy = await import(/* @vite-ignore */ new URL('/test/.tmp/kit-copy.js', location.href).href);
    copy.define('copy-two-provider', class extends copy.MentorshipProvider {});
    const client = copy.createClient({ backend: copy.memoryBackend() });
    const el = await fixture(html`<copy-two-provider .client=${client}><copy-one-probe></copy-one-probe></copy-two-provider>`);
    const probe = el.querySelector<CopyOneProbe>('copy-one-probe')!;
    expect(probe.client).to.equal(client);
  });
});
