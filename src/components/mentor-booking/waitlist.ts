/**
 * <mentor-booking>'s waitlist (issue 16), a chunk loaded on demand: when the visitor picks a full
 * group session ("Full — join the waitlist" in the time grid), when they join, and when a
 * promotion waits to be told. The class keeps the state and fires the events; this module
 * renders and talks to `client.waitlist`.
 */
import { html, nothing } from 'lit';
import type { MentorshipClient } from '../../sdk/client.js';
import type { BookingRequest, WaitlistEntry } from '../../sdk/schemas.js';
import { range, ZONED, type View } from './format.js';
import { en } from './mentor-booking.messages.js';
import { waitlistEn } from './waitlist.messages.js';

// The element's built-in English gains the waitlist's strings (a site's own translations still win).
Object.assign(en, waitlistEn);

/** Joins the line of the chosen full session (the details form's request). */
export const joinWaitlist = (client: MentorshipClient, request: BookingRequest, idempotencyKey: string): Promise<WaitlistEntry> =>
  client.waitlist.join(request, { idempotencyKey });

/** Above the details form when joining: what the waitlist does. */
export const renderJoinIntro = (v: View) => html`<p part="waitlist-intro">${v.l.t('waitlistIntro')}</p>`;

/** The step after joining: the place in line, what happens next, and Leave. */
export function renderWaitlisted(v: View, p: { entry: WaitlistEntry; leave: () => void; startOver: () => void }) {
  const t = v.l;
  const { entry } = p;
  return [
    t.t('stepWaitlisted'),
    html`<p part="summary">${range(v, entry, ZONED)}</p>
${entry.position ? html`<p part="position">${t.t('position', t.number(entry.position), t.plural(entry.position))}</p>` : nothing}
<p>${t.t('waitlistedNote', entry.email)}</p>
<p class="actions"><button ?disabled=${v.pending} @click=${p.leave}>${t.t('leaveWaitlist')}</button>
<button @click=${p.startOver}>${t.t('again')}</button></p>`,
  ] as const;
}

/** The promotions the visitor has not been told of yet: one notice each, with OK. */
export function renderPromoted(v: View, p: { entries: WaitlistEntry[]; typeName: (id: string) => string; mentorName: (id: string) => string; dismiss: (entry: WaitlistEntry) => void }) {
  const t = v.l;
  return p.entries.map(
    (entry) => html`<div class="message info" part="promoted" role="status">
<strong>${t.t('promotedTitle')}</strong>
<p>${t.t('promoted', p.typeName(entry.sessionTypeId), p.mentorName(entry.mentorId), range(v, entry.booking ?? entry, ZONED))}</p>
<button @click=${() => p.dismiss(entry)}>${t.t('dismiss')}</button>
</div>`,
  );
}
