import { expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../../src/define/mentorship-provider.js';
import { MentorshipProvider } from '../../src/components/mentorship-provider/mentorship-provider.js';
import { define } from '../../src/components/shared/define.js';
import { defaultClient } from '../../src/components/shared/default-client.js';
import { MkElement } from '../../src/components/shared/mk-element.js';
import { memoryBackend } from '../../src/sdk/backends/memory.js';
import { createClient } from '../../src/sdk/client.js';

/** A tiny consumer: shows how many programs its client sees. */
class ProbeElement extends MkElement {
  static override properties = { ...MkElement.properties, count: { state: true } };
  declare count: number;
  constructor() {
    super();
    this.count = -1;
  }
  override clientChanged() {
    void this.client!.programs.list().then((p) => (this.count = p.length));
  }
  override render() {
    return `${this.count}`;
  }
}
define('mk-probe', ProbeElement);

describe('<mentorship-provider> and context', () => {
  it('gives an element inside it the provider\'s client', async () => {
    const client = createClient({ backend: memoryBackend() });
    const el = await fixture<MentorshipProvider>(html`<mentorship-provider .client=${client}><mk-probe></mk-probe></mentorship-provider>`);
    const probe = el.querySelector<ProbeElement>('mk-probe')!;
    expect(probe.client).to.equal(client);
    await expect(el).to.be.accessible();
  });

  it('reaches an element upgraded before a provider defined later (a late upgrade)', async () => {
    // fixtureSync: fixture() waits a frame for non-Lit roots, and frames stall in background pages.
    const wrapper = fixtureSync(html`<div><late-provider><mk-probe></mk-probe></late-provider></div>`);
    const probe = wrapper.querySelector<ProbeElement>('mk-probe')!;
    await probe.updateComplete;
    expect(probe.client).to.equal(defaultClient()); // no provider yet: the fallback
    const client = createClient({ backend: memoryBackend() });
    class LateProvider extends MentorshipProvider {}
    const late = wrapper.querySelector('late-provider') as MentorshipProvider;
    define('late-provider', LateProvider);
    late.client = client;
    await late.updateComplete;
    expect(probe.client).to.equal(client);
  });

  it('follows a provider that is handed a different client', async () => {
    const [first, second] = [createClient({ backend: memoryBackend() }), createClient({ backend: memoryBackend() })];
    const el = await fixture<MentorshipProvider>(html`<mentorship-provider .client=${first}><mk-probe></mk-probe></mentorship-provider>`);
    const probe = el.querySelector<ProbeElement>('mk-probe')!;
    el.client = second;
    expect(probe.client).to.equal(second);
    // The probe listens to the new client's changes only.
    let changes = 0;
    probe.clientChange = () => changes++;
    await first.plan.update({ roleId: 'mentee' });
    await second.plan.update({ roleId: 'mentee' });
    expect(changes).to.equal(1);
  });

  it('hands the elements inside a provider defined later within another provider to the new one', async () => {
    const [outerClient, innerClient] = [createClient({ backend: memoryBackend() }), createClient({ backend: memoryBackend() })];
    const outer = await fixture<MentorshipProvider>(html`<mentorship-provider .client=${outerClient}><inner-provider><mk-probe></mk-probe></inner-provider><mk-probe></mk-probe></mentorship-provider>`);
    const [inside, beside] = outer.querySelectorAll<ProbeElement>('mk-probe');
    expect(inside!.client).to.equal(outerClient); // the inner provider is not defined yet
    const inner = outer.querySelector('inner-provider') as MentorshipProvider;
    define('inner-provider', class extends MentorshipProvider {});
    inner.client = innerClient;
    expect(inside!.client).to.equal(innerClient);
    expect(beside!.client).to.equal(outerClient);
    // The outer provider no longer updates the element that moved to the inner one.
    outer.client = createClient({ backend: memoryBackend() });
    expect(inside!.client).to.equal(innerClient);
    expect(beside!.client).to.equal(outer.client);
  });

  it('falls back to one shared default local client with no provider', async () => {
    const el = await fixture<ProbeElement>(html`<mk-probe></mk-probe>`);
    const other = await fixture<ProbeElement>(html`<mk-probe></mk-probe>`);
    expect(el.client).to.equal(defaultClient());
    expect(other.client).to.equal(el.client);
    expect(el.client!.backend.kind).to.equal('local');
    await waitUntil(() => el.count >= 0, 'the default client never answered');
    expect(el.count).to.equal(6); // the demo catalog's programs
  });

  it('builds a memory client from backend="memory" and re-emits its changes', async () => {
    const el = await fixture<MentorshipProvider>(html`<mentorship-provider backend="memory"><mk-probe></mk-probe></mentorship-provider>`);
    expect(el.client!.backend.kind).to.equal('memory');
    const change = oneEvent(el, 'mentorship-change');
    await el.client!.plan.update({ roleId: 'mentee' });
    const event = await change;
    expect(event.detail.resource).to.equal('plan');
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('shows a visible message and fires mentorship-error for an unknown backend', async () => {
    const wrapper = document.createElement('div');
    const error = oneEvent(wrapper, 'mentorship-error');
    wrapper.innerHTML = '<mentorship-provider backend="carrier-pigeon"></mentorship-provider>';
    document.body.append(wrapper);
    const event = await error;
    expect(event.detail.source).to.equal('backend');
    const el = wrapper.firstElementChild as MentorshipProvider;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('carrier-pigeon');
    expect(el.client!.backend.kind).to.equal('local');
    wrapper.remove();
  });

  it('says backend="http" needs a base-url, uses local storage meanwhile, and clears the message once it has one', async () => {
    const wrapper = document.createElement('div');
    const error = oneEvent(wrapper, 'mentorship-error');
    wrapper.innerHTML = '<mentorship-provider backend="http"></mentorship-provider>';
    document.body.append(wrapper);
    expect((await error).detail.source).to.equal('base-url');
    const el = wrapper.firstElementChild as MentorshipProvider;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('needs a base-url');
    expect(el.client!.backend.kind).to.equal('local');
    el.baseUrl = 'http://127.0.0.1:9/v1';
    await el.updateComplete;
    await el.updateComplete;
    expect(el.client!.backend.kind).to.equal('http');
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    // A namespace gives this mentee their own offline queue (and change channel) on that server.
    expect(el.client!.backend.channelName).to.equal('mentorship-kit:http:http://127.0.0.1:9/v1');
    el.namespace = 'mentee-42';
    await el.updateComplete;
    expect(el.client!.backend.channelName).to.equal('mentorship-kit:http:http://127.0.0.1:9/v1|mentee-42');
    el.client!.close();
    wrapper.remove();
  });

  it('defining a tag twice does not throw', () => {
    expect(() => define('mentorship-provider', class extends LitElement {})).not.to.throw();
    expect(customElements.get('mentorship-provider')).to.equal(MentorshipProvider);
  });
});
