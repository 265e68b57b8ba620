import { html } from 'lit';
import { MkElement } from '../shared/mk-element.js';

/**
 * Placeholder until its issue lands.
 *
 * @summary program-picker
 */
export class ProgramPicker extends MkElement {
  override render() {
    return html`${this.renderConfigErrors()}<p>program-picker</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'program-picker': ProgramPicker;
  }
}
