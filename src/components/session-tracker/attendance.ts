/**
 * The tracker's "Did these take place?" section, loaded on demand (only a mentee with a past
 * booking to decide on needs it): each booking that has ended and is neither logged nor a no-show,
 * with "Attended" (counts it as a session of its length) and "No-show" — one click each. Backends
 * that do not record attendance (`setBookingAttendance`) get "Mark done" instead.
 */
import { html } from 'lit';
import type { Attendance, Booking } from '../../sdk/schemas.js';
import type { LocalizeController } from '../shared/localize.js';
import type { en } from './session-tracker.messages.js';

export interface AttendanceInput {
  l: LocalizeController<typeof en>;
  /** The past bookings waiting for a decision, earliest first. */
  bookings: Booking[];
  /** "Mon 5 Jan, 10:00 Technical review" and the mentor's name, as the booked list shows them. */
  describe: (booking: Booking) => { when: string; what: string; mentor: string | undefined };
  readonly: boolean;
  /** Whether the backend records attendance; without it, "Mark done" logs the session. */
  canMark: boolean;
  mark: (booking: Booking, attendance: Attendance) => void;
  markDone: (booking: Booking) => void;
}

export function renderAttendance({ l, bookings, describe, readonly, canMark, mark, markDone }: AttendanceInput) {
  const item = (b: Booking) => {
    const { when, what, mentor } = describe(b);
    const about = (action: string) => l.t('about', action, `${what}, ${when}`);
    const button = (attendance: Attendance, label: string) => html`<button class=${attendance} aria-label=${about(label)} @click=${() => mark(b, attendance)}>${label}</button>`;
    const actions = canMark
      ? html`<span class="row-actions">${button('attended', l.t('attended'))} ${button('no-show', l.t('noShow'))}</span>`
      : html`<button class="mark-done row-actions" aria-label=${about(l.t('markDone'))} @click=${() => markDone(b)}>${l.t('markDone')}</button>`;
    return html`<li data-booking=${b.id}>${when} <span class="what">${what}</span> ${mentor ? html`<span>${mentor}</span>` : ''} ${readonly ? '' : actions}</li>`;
  };
  return html`<section part="attendance" aria-labelledby="attendance-title"><h3 id="attendance-title">${l.t('attendanceTitle')}</h3>
<p class="muted">${l.t('attendanceHint')}</p><ul class="rows">${bookings.map(item)}</ul></section>`;
}
