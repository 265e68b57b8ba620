import { html } from 'lit';
import { MkElement } from '../shared/mk-element.js';

/**
 * Placeholder until its issue lands.
 *
 * @summary session-tracker
 */
export class SessionTracker extends MkElement {
  override render() {
    return html`${this.renderConfigErrors()}<p>session-tracker</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'session-tracker': SessionTracker;
  }
}
