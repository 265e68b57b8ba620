/** Small pieces several steps share: the loading placeholder and the time zone field. */
import { html } from 'lit';
import type { Localize, View } from '../format.js';

/** A placeholder announced as loading. */
export function renderBusy(l: Localize, skeleton: string) {
  return html`<div aria-busy="true"><span class="visually-hidden">${l.t('loading')}</span><span class=${skeleton}></span></div>`;
}

/** The visitor's time zone, which they can switch (the calendar and the times are shown in it). */
export function renderZone(v: View, invalid: boolean, setZone: (event: Event) => void) {
  const t = v.l;
  return html`<p><label part="zone">${t.t('zone')}
<input list="zones" .value=${v.zone} aria-invalid=${invalid} aria-describedby="zone-note" @change=${setZone} /></label>
<span id="zone-note" class=${invalid ? 'field-error' : 'muted'}>${invalid ? t.t('zoneInvalid') : t.t('zoneShown', v.zone)}</span></p>
<datalist id="zones">${Intl.supportedValuesOf('timeZone').map((zone) => html`<option value=${zone}></option>`)}</datalist>`;
}
