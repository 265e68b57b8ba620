/** The last steps: the booking's summary with "Add to calendar", reschedule and cancel; and the cancelled booking. */
import { html, nothing } from 'lit';
import type { Booking, Mentor } from '../../../sdk/schemas.js';
import { canChange } from '../../../sdk/scheduling/policies.js';
import { range, ZONED, type View } from '../format.js';

export interface IcsLinkProps {
  /** The file's object URL once it is made. */
  url: string;
  /** The calendar-file writer failed to load. */
  failed: boolean;
  retry: () => void;
  fileName: string;
}

/** "Add to calendar", or while its file is being made: progress, or the error and Retry. */
export function renderIcsLink(v: View, p: IcsLinkProps) {
  const t = v.l;
  if (p.url) return html`<a part="ics" href=${p.url} download=${p.fileName}>${t.t('ics')}</a>`;
  if (!p.failed) return html`<span class="muted" role="status">${t.t('icsLoading')}</span>`;
  return html`<span class="field-error" role="alert">${t.t('icsFailed')} <button @click=${p.retry}>${t.t('retry')}</button></span>`;
}

export interface ConfirmationProps {
  booking: Booking;
  mentor: Mentor;
  typeName: string;
  ics: IcsLinkProps;
  reschedule: () => void;
  cancel: () => void;
  startOver: () => void;
}

/** Reschedule and cancel, each only while the mentor's notice rules still allow it. */
function renderChanges(v: View, p: ConfirmationProps) {
  const t = v.l;
  const now = Date.now();
  const move = canChange(p.mentor, p.booking, 'reschedule', now);
  const cancel = canChange(p.mentor, p.booking, 'cancel', now);
  return html`${move ? html`<button ?disabled=${v.pending} @click=${p.reschedule}>${t.t('reschedule')}</button>` : nothing}
${cancel ? html`<button ?disabled=${v.pending} @click=${p.cancel}>${t.t('cancel')}</button>` : nothing}
${move && cancel ? nothing : html`<p part="too-late">${t.t(cancel ? 'tooLateToMove' : 'tooLate', p.mentor.name)}</p>`}`;
}

export function renderCancelled(v: View, booking: Booking, startOver: () => void) {
  const t = v.l;
  return [
    t.t('stepCancelled'),
    html`<p><s>${range(v, booking, ZONED)}</s></p>
<p><button @click=${startOver}>${t.t('again')}</button></p>`,
  ] as const;
}

export function renderConfirmation(v: View, p: ConfirmationProps) {
  const t = v.l;
  const { booking, mentor } = p;
  // Times carry the zone they are shown in.
  return [
    t.t('stepDone'),
    html`<dl part="summary">
<dt>${t.t('session')}</dt> <dd>${p.typeName}</dd>
<dt>${t.t('mentor')}</dt> <dd>${mentor.name}</dd>
<dt>${t.t('yourTime')}</dt> <dd data-zone=${v.zone}>${range(v, booking, ZONED)}</dd>
<dt>${t.t('mentorTime', mentor.name)}</dt> <dd data-zone=${mentor.timeZone}>${range(v, booking, ZONED, mentor.timeZone)}</dd>
<dt>${t.t('name')}</dt> <dd>${booking.name}</dd>
<dt>${t.t('email')}</dt> <dd>${booking.email}</dd>
</dl>
<div class="row">
${renderIcsLink(v, p.ics)}
${renderChanges(v, p)}
</div>`,
  ] as const;
}
