import { html } from 'lit';
import { MkElement } from '../shared/mk-element.js';

/**
 * Placeholder until its issue lands.
 *
 * @summary mentor-booking
 */
export class MentorBooking extends MkElement {
  override render() {
    return html`${this.renderConfigErrors()}<p>mentor-booking</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mentor-booking': MentorBooking;
  }
}
