/** The details step: the visitor's name, email, career level, goals and message, checked before booking. */
import { html, nothing } from 'lit';
import { CAREER_LEVELS } from '../../../sdk/constants.js';
import type { Slot } from '../../../sdk/schemas.js';
import { range, ZONED, type View } from '../format.js';

import { emptyForm, type Field } from './fields.js';

const FIELDS = Object.keys(emptyForm()) as Field[];

export interface DetailsProps {
  picked: Slot;
  form: Record<Field, string>;
  errors: Partial<Record<Field, string>>;
  submit: (event: Event) => void;
  /** Hears every control's input and change events (an EventListenerObject with its options). */
  onField: EventListenerObject & AddEventListenerOptions;
  /** More controls before the Book button (the series' Repeat), if any. */
  extra?: unknown;
  /** The Book button's label, when not "Book session". */
  bookLabel?: string;
}

export function renderDetails(v: View, p: DetailsProps) {
  const t = v.l;
  const count = Object.keys(p.errors).length;
  return [
    t.t('stepDetails'),
    html`<p>${t.t('chosen', range(v, p.picked, ZONED))}</p>
<form part="form" novalidate @submit=${p.submit} @input=${p.onField} @change=${p.onField}>
${count ? html`<p class="message error" role="alert">${t.t('fix', t.number(count), t.plural(count))}</p>` : nothing}
${FIELDS.map((field) => renderField(v, p, field))}
${p.extra ?? nothing}
<p><button class="primary" ?disabled=${v.pending}>${v.pending ? t.t('booking') : (p.bookLabel ?? t.t('book'))}</button></p>
</form>`,
  ] as const;
}

/** A labelled form control with its error message tied to it. */
function renderField(v: View, p: DetailsProps, field: Field) {
  const t = v.l;
  const error = p.errors[field];
  const value = p.form[field];
  const describedBy = error ? `${field}-error` : nothing;
  const control =
    field === 'careerLevel'
      ? html`<select id=${field} name=${field} required aria-invalid=${!!error} aria-describedby=${describedBy}>
<option value="" ?selected=${!value}>${t.t('choose')}</option>
${CAREER_LEVELS.map((level) => html`<option value=${level} ?selected=${value === level}>${t.t(`lv:${level}`)}</option>`)}
</select>`
      : field === 'goals' || field === 'message'
        ? html`<textarea id=${field} name=${field} .value=${value} aria-invalid=${!!error} aria-describedby=${describedBy}></textarea>`
        : html`<input id=${field} name=${field} type=${field === 'email' ? 'email' : 'text'} autocomplete=${field} required .value=${value}
aria-invalid=${!!error} aria-describedby=${describedBy} />`;
  return html`<div class="field"><label for=${field}>${t.t(field)}</label>${control}
${error ? html`<span class="field-error" id=${describedBy}>${error}</span>` : nothing}</div>`;
}
