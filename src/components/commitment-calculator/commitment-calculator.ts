import { html } from 'lit';
import { MkElement } from '../shared/mk-element.js';

/**
 * Placeholder until its issue lands.
 *
 * @summary commitment-calculator
 */
export class CommitmentCalculator extends MkElement {
  override render() {
    return html`${this.renderConfigErrors()}<p>commitment-calculator</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'commitment-calculator': CommitmentCalculator;
  }
}
