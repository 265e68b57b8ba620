/** The time step: the chosen day's free times in the visitor's zone, with seats left for group sessions. */
import { html, nothing } from 'lit';
import type { Slot } from '../../../sdk/schemas.js';
import { day, range, TIME, type View } from '../format.js';

export interface TimesProps {
  date: string;
  slots: Slot[];
  /** Seats in one occurrence of the session type (1 unless a group session). */
  capacity: number;
  pick: (slot: Slot) => void;
  /** Those of `slots` that are full group sessions: "Full — join the waitlist" (issue 16). */
  full?: Slot[];
  joinFull?: (slot: Slot) => void;
  /** Below the times: progress or an error while the next step's code loads. */
  next: unknown;
  zoneField: unknown;
}

export function renderTimes(v: View, p: TimesProps) {
  const t = v.l;
  return [
    t.t('stepTime', day(v, p.date)),
    html`<ul class="times" aria-busy=${v.pending}>
${p.slots.map((slot) => {
  if (p.full?.includes(slot)) {
    const full = t.t('full');
    return html`<li><button part="time full" aria-label=${`${range(v, slot)}: ${full}`} ?disabled=${v.pending} @click=${() => p.joinFull?.(slot)}>${range(v, slot, TIME)} <small>${full}</small></button></li>`;
  }
  // Group sessions: "3 of 6 seats left" under the time, the button's description.
  const seats = slot.seatsLeft ? t.t('seatsLeft', t.number(slot.seatsLeft), t.number(p.capacity), t.plural(slot.seatsLeft)) : '';
  const id = `seats-${Date.parse(slot.start)}`;
  return html`<li><button part="time" aria-label=${range(v, slot)} aria-describedby=${seats ? id : nothing} ?disabled=${v.pending} @click=${() => p.pick(slot)}>${range(v, slot, TIME)}</button>${seats ? html`<small part="seats" id=${id}>${seats}</small>` : nothing}</li>`;
})}
</ul>
${p.next}
${p.zoneField}`,
  ] as const;
}
