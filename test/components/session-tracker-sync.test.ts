/**
 * <session-tracker> when the server does not take a change (issue 15's client side), on the
 * reference server: an unreachable server is an error with Retry, a write refused for good is
 * shown with the reason, and an edit made on a version changed elsewhere shows the newer version
 * and keeps the edit — never a silent overwrite.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/mentorship-provider.js';
import '../../src/define/session-tracker.js';
import type { SessionTracker } from '../../src/components/session-tracker/session-tracker.js';
import type { MentorshipClient } from '../../src/sdk/client.js';
import { httpClient, menteeToken, SERVER, switchableNetwork } from '../http-helpers.js';

const $ = <T extends Element = HTMLElement>(el: SessionTracker, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const notesOnServer = async (token: string) =>
  ((await (await fetch(`${SERVER}/sessions`, { headers: { Authorization: `Bearer ${token}` } })).json()).items as { notes: string }[]).map((s) => s.notes);

async function mount(client: MentorshipClient): Promise<SessionTracker> {
  const wrapper = await fixture(html`<mentorship-provider .client=${client}><session-tracker locale="en-GB"></session-tracker></mentorship-provider>`);
  const el = wrapper.querySelector('session-tracker')!;
  await waitUntil(() => el.viewState !== 'loading', 'tracker did not load', { timeout: 15_000 });
  await el.updateComplete;
  return el;
}

(SERVER ? describe : describe.skip)('<session-tracker> when the server does not take a change', () => {
  it('an unreachable server is an error with Retry, not "No sessions yet"; Retry loads once it is back', async () => {
    const { token } = await menteeToken();
    const net = switchableNetwork();
    net.offline = true;
    const el = await mount(httpClient({ getToken: () => token, fetch: net.fetch, isOnline: net.isOnline }));
    expect(el.viewState).to.equal('error');
    expect(text($(el, '[role=alert]'))).to.contain('Could not load your sessions.');
    expect(text(el.shadowRoot!.querySelector('[part=base]'))).not.to.contain('No sessions yet');
    await expect(el).to.be.accessible();
    net.offline = false;
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === 'Try again')!.click();
    await waitUntil(() => el.viewState === 'empty', 'Retry did not load', { timeout: 15_000 });
  });

  it('shows a queued write the server refused for good, with the reason, until the mentee discards it', async () => {
    const owner = await menteeToken();
    const taken = await httpClient({ getToken: () => owner.token }).sessions.add({ start: '2026-03-16T09:00:00.000Z', minutes: 60, activity: 'one-on-one', notes: 'not yours' });
    const { token } = await menteeToken();
    const net = switchableNetwork();
    const client = httpClient({ getToken: () => token, fetch: net.fetch, isOnline: net.isOnline });
    const el = await mount(client);
    net.offline = true;
    await client.sessions.import([taken]); // a file holding a session whose id is someone else's
    net.offline = false;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => $(el, '[part=sync-problems]'), 'the refused write is not shown', { timeout: 15_000 });
    const problem = text($(el, '[part=sync-problems]'));
    expect(problem).to.contain('Not saved on the server');
    expect(problem).to.contain('“not yours”');
    expect(problem).to.contain(`A session with id "${taken.id}" already exists.`);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '.discard-write')!.click();
    await waitUntil(() => !$(el, '[part=sync-problems]'), 'still shown after Discard', { timeout: 15_000 });
    expect($(el, `[data-id="${taken.id}"]`)).to.equal(null);
    expect(await client.sync.failed()).to.deep.equal([]);
  });

  it('an edit saved on a version changed elsewhere shows the newer version and keeps the edit to save again', async () => {
    const { token } = await menteeToken();
    const client = httpClient({ getToken: () => token });
    const session = await client.sessions.add({ start: '2026-03-17T09:00:00.000Z', minutes: 60, activity: 'one-on-one', notes: 'first' });
    const el = await mount(client);
    $<HTMLButtonElement>(el, `[data-id="${session.id}"] .edit`)!.click();
    await el.updateComplete;
    const notes = $<HTMLTextAreaElement>(el, '[part=session-form] [name=notes]')!;
    notes.focus();
    notes.select();
    await sendKeys({ type: 'mine' });
    // Meanwhile, on the laptop:
    await httpClient({ getToken: () => token }).sessions.update(session.id, { notes: 'from the laptop' });

    $<HTMLButtonElement>(el, '[part=session-form] button[type=submit]')!.click();
    await waitUntil(() => $(el, '.stale'), 'no conflict shown', { timeout: 15_000 });
    expect(text($(el, '.stale'))).to.contain('changed elsewhere');
    expect(text($(el, '.stale'))).to.contain('“from the laptop”');
    expect($<HTMLTextAreaElement>(el, '[part=session-form] [name=notes]')!.value).to.equal('mine'); // the edit is kept
    expect(await notesOnServer(token)).to.deep.equal(['from the laptop']); // nothing overwritten
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '[part=session-form] button[type=submit]')!.click();
    await waitUntil(() => !$(el, '[part=session-form]'), 'the second save did not go through', { timeout: 15_000 });
    expect(await notesOnServer(token)).to.deep.equal(['mine']);
    expect(text($(el, `[data-id="${session.id}"]`))).to.contain('mine');
  });
});
