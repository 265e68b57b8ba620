/**
 * <session-tracker> end to end on the reference server (started by `npm test`): a mentee logs a
 * session through the UI, and one logged while offline waits ("Waiting to sync") and is sent
 * once the browser is back online.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/mentorship-provider.js';
import '../../src/define/session-tracker.js';
import type { SessionTracker } from '../../src/components/session-tracker/session-tracker.js';
import type { MentorshipClient } from '../../src/sdk/client.js';
import type { Session } from '../../src/sdk/schemas.js';
import { httpClient, menteeToken, SERVER, switchableNetwork } from '../http-helpers.js';

const $ = <T extends Element = HTMLElement>(el: SessionTracker, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: SessionTracker, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function mount(client: MentorshipClient): Promise<SessionTracker> {
  const wrapper = await fixture(html`<mentorship-provider .client=${client}><session-tracker locale="en-GB"></session-tracker></mentorship-provider>`);
  const el = wrapper.querySelector('session-tracker')!;
  await waitUntil(() => el.viewState !== 'loading', 'tracker did not load', { timeout: 10_000 });
  await el.updateComplete;
  return el;
}

/** Types notes and minutes into the add form and submits it with a click. */
async function logSession(el: SessionTracker, notes: string, minutes = '45') {
  const form = $<HTMLFormElement>(el, 'form[part="add-form"]');
  const minutesInput = form.querySelector<HTMLInputElement>('[name=minutes]')!;
  minutesInput.focus();
  minutesInput.select();
  await sendKeys({ type: minutes });
  form.querySelector<HTMLTextAreaElement>('[name=notes]')!.focus();
  await sendKeys({ type: notes });
  const changed = oneEvent(el, 'session-change');
  form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  return (await changed).detail.session as Session;
}

const serverSessions = async (token: string): Promise<Session[]> =>
  (await (await fetch(`${SERVER}/sessions`, { headers: { Authorization: `Bearer ${token}` } })).json()).items;

(SERVER ? describe : describe.skip)('<session-tracker> on the reference server', () => {
  it('logs a session through the UI; the server stores it for this mentee only', async () => {
    const { sub, token } = await menteeToken();
    const el = await mount(httpClient({ getToken: () => token }));
    await expect(el).to.be.accessible();
    const session = await logSession(el, 'Pairing on the parser');
    await el.updateComplete;
    expect($$(el, '.week li[data-id]').map((li) => li.dataset['id'])).to.deep.equal([session.id]);
    const stored = await serverSessions(token);
    expect(stored.map((s) => [s.id, s.minutes, s.notes, s.menteeId])).to.deep.equal([[session.id, 45, 'Pairing on the parser', sub]]);
    const other = await menteeToken();
    expect(await serverSessions(other.token)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('offline: the new session shows "Waiting to sync" and reaches the server once back online', async () => {
    const { token } = await menteeToken();
    const net = switchableNetwork();
    const el = await mount(httpClient({ getToken: () => token, fetch: net.fetch, isOnline: net.isOnline }));
    net.offline = true;
    const session = await logSession(el, 'Written on a train', '30');
    await waitUntil(() => text($(el, `li[data-id="${session.id}"]`)).includes('Waiting to sync'), 'no pending badge');
    await expect(el).to.be.accessible();
    expect(await serverSessions(token)).to.deep.equal([]);

    net.offline = false;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => !text($(el, `li[data-id="${session.id}"]`)).includes('Waiting to sync'), 'still pending', { timeout: 10_000 });
    const stored = await serverSessions(token);
    expect(stored.map((s) => [s.id, s.minutes, s.notes])).to.deep.equal([[session.id, 30, 'Written on a train']]);
  });
});
