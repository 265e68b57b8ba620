/**
 * An unreachable server (nothing listens on the port) is an error with Retry in every element
 * that needs it, never "empty". The calculator is not here: without a chosen program it needs no
 * server (its built-in model and the plan in this browser).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/mentorship-provider.js';
import '../../src/define/mentor-booking.js';
import '../../src/define/program-picker.js';
import '../../src/define/session-tracker.js';
import type { MkElement } from '../../src/components/shared/mk-element.js';
import { freshNamespace } from '../helpers.js';

describe('an unreachable server', () => {
  it('shows an error with Retry in the picker, the booking and the tracker, not an empty state', async () => {
    const provider = await fixture(html`<mentorship-provider backend="http" base-url="http://127.0.0.1:9/v1" namespace=${freshNamespace('down')}>
<program-picker></program-picker><mentor-booking></mentor-booking><session-tracker></session-tracker></mentorship-provider>`);
    for (const tag of ['program-picker', 'mentor-booking', 'session-tracker']) {
      const el = provider.querySelector<MkElement>(tag)!;
      await waitUntil(() => el.viewState !== 'loading', `${tag} kept loading`, { timeout: 20_000 });
      await el.updateComplete;
      expect(el.viewState, tag).to.equal('error');
      const buttons = [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.trim());
      expect(buttons.some((b) => b === 'Try again' || b === 'Retry'), `${tag}: ${buttons.join(', ')}`).to.equal(true);
      expect(el.shadowRoot!.querySelector('[role=alert]'), tag).not.to.equal(null);
      await expect(el).to.be.accessible();
    }
    (provider as MkElement & { client?: { close(): void } }).client?.close();
  });
});
