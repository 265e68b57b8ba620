/**
 * The tracker's "Did these take place?" section, loaded on demand (only a mentee with a past
 * booking to decide on needs it): each booking that has ended and is neither logged nor a no-show,
 * with "Attended" (counts it as a session of its length, once) and "No-show" — one click each —
 * then a notice with Undo. Backends that do not record attendance get "Mark done" instead.
 */
import { html } from 'lit';
import type { MentorshipClient } from '../../sdk/client.js';
import type { Attendance, Booking } from '../../sdk/schemas.js';
import { LocalizeController, type LocalizeHost } from '../shared/localize.js';
import { en } from './attendance.messages.js';
import type { en as trackerEn } from './session-tracker.messages.js';
import type { SessionChangeDetail } from './session-tracker.js';

export interface AttendanceInput {
  host: LocalizeHost;
  /** The tracker's own strings ("That did not work: …") and formats. */
  tracker: LocalizeController<typeof trackerEn>;
  client: MentorshipClient;
  /** The past bookings waiting for a decision, earliest first. */
  bookings: Booking[];
  /** When, what and with whom, as the booked list shows them. */
  describe: (booking: Booking) => { when: string; what: string; mentor: string | undefined };
  readonly: boolean;
  /** Shows a notice (with Undo) and then moves the focus to `focus` (else to the notice). */
  notify: (notice: { text: string; error?: boolean; undo?: () => unknown }, focus: string) => void;
  /** Reports a failure (`mentorship-error`) and returns the message to show. */
  fail: (error: unknown) => string;
  emit: (detail: SessionChangeDetail) => void;
  /** The "Mark done" button, for backends that do not record attendance. */
  markDone: (booking: Booking) => unknown;
}

const controllers = new WeakMap<LocalizeHost, LocalizeController<typeof en>>();

/** Marks `booking`; the notice says what happened and offers Undo (attendance `null`). */
async function mark(input: AttendanceInput, booking: Booking, attendance: Attendance | null) {
  const l = controllers.get(input.host)!;
  const { when, what } = input.describe(booking);
  try {
    const { booking: marked, session, removed } = await input.client.bookings.markAttendance(booking.id, attendance);
    if (session && attendance) input.emit({ kind: 'added', session });
    if (removed) input.emit({ kind: 'removed', session: removed });
    const text =
      attendance === 'attended' ? l.t('markedAttended', `${what}, ${when}`, input.tracker.number(session!.minutes, { style: 'unit', unit: 'minute', unitDisplay: 'short' })) : attendance ? l.t('markedNoShow', `${what}, ${when}`) : l.t('attendanceUndone');
    input.notify({ text, ...(attendance ? { undo: () => mark(input, marked, null) } : {}) }, attendance ? '.undo' : `[data-booking="${CSS.escape(booking.id)}"] .attended`);
  } catch (error) {
    input.notify({ text: input.tracker.t('failed', input.fail(error)), error: true }, '[part=notice]');
  }
}

export function renderAttendance(input: AttendanceInput) {
  const { host, bookings, describe, readonly } = input;
  let l = controllers.get(host);
  if (!l) controllers.set(host, (l = new LocalizeController(host, 'session-tracker', { en })));
  const canMark = !!input.client.backend.setBookingAttendance;
  const item = (b: Booking) => {
    const { when, what, mentor } = describe(b);
    const button = (attendance: Attendance, text: string) => html`<button class=${attendance} aria-label=${input.tracker.t('about', text, `${what}, ${when}`)} @click=${() => mark(input, b, attendance)}>${text}</button>`;
    const actions = canMark ? html`<span class="row-actions">${button('attended', l.t('attended'))} ${button('no-show', l.t('noShow'))}</span>` : input.markDone(b);
    return html`<li data-booking=${b.id}>${when} <span class="what">${what}</span> ${mentor ? html`<span>${mentor}</span>` : ''} ${readonly ? '' : actions}</li>`;
  };
  return html`<section part="attendance" aria-labelledby="attendance-title"><h3 id="attendance-title">${l.t('attendanceTitle')}</h3>
<p class="muted">${l.t('attendanceHint')}</p><ul class="rows">${bookings.map(item)}</ul></section>`;
}
