import { html, nothing, type CSSResultArray, type PropertyValues } from 'lit';
import type { ChangeEvent, MentorshipClient } from '../../sdk/client.js';
import { BUILT_IN_MODELS, computeCommitment } from '../../sdk/commitment.js';
import { MentorshipError } from '../../sdk/errors.js';
import { PROGRAM_FORMATS } from '../../sdk/constants.js';
import * as V from '../../sdk/generated/validators.js';
import { check } from '../../sdk/validator.js';
import type { Catalog, Program, Range } from '../../sdk/schemas.js';
import { LocalizeController } from '../shared/localize.js';
import { MkElement } from '../shared/mk-element.js';
import { parseEnumAttribute, parseNumberAttribute } from '../shared/parse-attribute.js';
import { en, type ProgramPickerMessages } from './program-picker.messages.js';
import { styles } from './program-picker.styles.js';

export interface ProgramSelectDetail {
  /** The whole chosen program. */
  program: Program;
}

const LAYOUTS = ['grid', 'list'] as const;
const FORMATS = PROGRAM_FORMATS;
const MONTH_STEPS = [3, 6, 9, 12];
const words = (value: string) => value.split(/[\s,]+/).filter(Boolean);

/**
 * Lists the catalog's programs as cards, filters them by focus area, format, duration and monthly
 * budget, compares two or three side by side and lets the visitor choose one. The choice is stored
 * in the shared client's plan, so `<commitment-calculator>` and `<mentor-booking>` follow it. With
 * a `name` it is a form control (value = the program id) that takes part in submit, reset and
 * validation.
 *
 * @summary Browse, filter, compare and choose a mentorship program.
 *
 * @fires {CustomEvent<ProgramSelectDetail>} program-select - The visitor chose a program (click, Space or Enter); detail `{ program }`.
 * @fires {CustomEvent<MentorshipErrorDetail>} mentorship-error - An attribute, the `src` catalog or the `programs` property was invalid, or loading failed.
 *
 * @csspart base - The element's root wrapper.
 * @csspart filters - The filter bar.
 * @csspart chip - A focus-area toggle button.
 * @csspart count - The announced number of matching programs.
 * @csspart list - The radio group holding the cards.
 * @csspart card - One program card (`card chosen` for the chosen one).
 * @csspart radio - The title of a card, which chooses it.
 * @csspart compare-table - The side-by-side comparison table.
 * @csspart empty - The "no match" message with its clear-filters button.
 * @csspart error - The error message.
 * @csspart retry - The retry button after a failed load.
 *
 * @cssprop --mk-picker-card-bg - Card background (default: the kit surface colour).
 * @cssprop --mk-picker-card-border - Card border colour (default: the kit border colour).
 * @cssprop --mk-picker-chosen-color - Border and radio colour of the chosen card (default: the kit primary colour).
 * @cssprop --mk-picker-chip-bg - Background of an unpressed focus-area chip (default: the kit alternate surface).
 * @cssprop --mk-picker-card-min-width - Narrowest card in the grid layout (default: 18rem).
 */
export class ProgramPicker extends MkElement {
  static formAssociated = true;

  static override styles = [...(MkElement.styles as CSSResultArray), styles];

  static override properties = {
    ...MkElement.properties,
    src: { type: String, reflect: true },
    focusAreas: { type: String, reflect: true, attribute: 'focus' },
    format: { type: String, reflect: true },
    maxPrice: { attribute: 'max-price', reflect: true },
    maxMonths: { attribute: 'max-months', reflect: true },
    compare: { type: Boolean, reflect: true },
    name: { type: String, reflect: true },
    value: { type: String },
    required: { type: Boolean, reflect: true },
    layout: { type: String, reflect: true },
    programs: { attribute: false },
    catalog: { state: true },
    failed: { state: true },
    compared: { state: true },
    focusId: { state: true },
  };

  /** URL of a catalog JSON (validated with the Catalog schema); without it, the client's catalog. */
  declare src: string;
  /** Attribute `focus`: focus-area ids to show, separated by spaces or commas; a program matches if it has any of them. */
  declare focusAreas: string;
  /** Show only this format: `individual`, `group`, `corporate` or `community`; empty for all. */
  declare format: string;
  /** Highest monthly price (per person where so) in the programs' currency; unpriced programs always match. */
  declare maxPrice: string | number | undefined;
  /** Longest acceptable minimum duration in months. */
  declare maxMonths: string | number | undefined;
  /** Lets the visitor tick two or three programs and compare them in a table. */
  declare compare: boolean;
  /** Form field name: with it, the chosen program id is submitted with the form. */
  declare name: string;
  /** The chosen program id (attribute: the initial choice). Empty until the visitor chooses, unless the client's plan has one. */
  declare value: string;
  /** With `name` in a form: submitting without a choice fails validation. */
  declare required: boolean;
  /** `grid` (cards side by side, default) or `list` (one card per row). */
  declare layout: string;
  /** Programs to show instead of the catalog's (validated); session types and models still come from the catalog. */
  declare programs: Program[] | undefined;
  declare private catalog: Catalog | undefined;
  declare private failed: boolean;
  declare private compared: string[];
  declare private focusId: string;

  private readonly l = new LocalizeController<ProgramPickerMessages>(this, 'program-picker', { en });
  private readonly internals: ElementInternals;
  private loadToken = 0;

  constructor() {
    super();
    this.src = '';
    this.focusAreas = '';
    this.format = '';
    this.compare = false;
    this.name = '';
    this.value = '';
    this.required = false;
    this.layout = 'grid';
    this.failed = false;
    this.compared = [];
    this.focusId = '';
    this.internals = this.attachInternals();
  }

  // ---- form control ---------------------------------------------------------------------------

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }
  formResetCallback(): void {
    this.value = '';
    this.syncForm();
  }
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.value = state;
  }

  private syncForm(): void {
    this.internals.setFormValue(this.value || null);
    if (this.required && !this.value) {
      const anchor = this.renderRoot?.querySelector<HTMLElement>('[role=radio]') ?? undefined;
      this.internals.setValidity({ valueMissing: true }, this.l.t('required'), anchor);
    } else this.internals.setValidity({});
  }

  // ---- data -----------------------------------------------------------------------------------

  override clientChanged(client: MentorshipClient): void {
    if (!this.src) void this.load();
    void client.plan
      .get()
      .then((plan) => {
        if (!this.value && plan?.programId) this.value = plan.programId;
      })
      .catch(() => undefined);
  }

  override clientChange(event: ChangeEvent): void {
    if (event.resource === 'plan' && event.plan.programId && event.plan.programId !== this.value) {
      this.value = event.plan.programId;
    }
  }

  /** Loads the catalog again (after a failure): from `src`, else the client's. */
  retry(): Promise<void> {
    if (!this.src) void this.client?.catalog.reload().catch(() => undefined);
    return this.load();
  }

  private async load(): Promise<void> {
    const token = ++this.loadToken;
    const source = this.src ? 'src' : 'catalog';
    this.failed = false;
    this.clearError('src');
    this.clearError('catalog');
    try {
      const catalog = this.src ? await this.fetchCatalog(this.src) : await this.client?.catalog.get();
      if (token !== this.loadToken) return;
      this.catalog = catalog;
    } catch (error) {
      if (token !== this.loadToken) return;
      this.catalog = undefined;
      this.failed = true;
      this.reportError(source, error, 'network');
    }
  }

  private async fetchCatalog(url: string): Promise<Catalog> {
    const t = this.l;
    const response = await fetch(url).catch((cause) => {
      throw new MentorshipError('network', t.t('httpFailed', url, 0), { cause });
    });
    if (!response.ok) throw new MentorshipError('network', t.t('httpFailed', url, response.status));
    const json = await response.json().catch((cause) => {
      throw new MentorshipError('bad-response', t.t('badJson', url), { cause });
    });
    const result = check(V.Catalog, json);
    if (result.success) return result.data;
    const [first] = result.issues;
    throw new MentorshipError('bad-response', `${t.t('badCatalog', url)} (${first!.path}: ${first!.message})`, { issues: result.issues });
  }

  /** The programs on offer: the `programs` property when valid, else the catalog's. */
  private get all(): Program[] | undefined {
    return this.validPrograms ?? this.catalog?.programs;
  }
  private validPrograms: Program[] | undefined;

  // ---- attributes and filters -----------------------------------------------------------------

  /** The valid number in `raw`, else undefined (reported when not empty). */
  private number(attribute: string, raw: unknown, max: number): number | undefined {
    this.clearError(attribute);
    if (raw === undefined || raw === null || raw === '') return undefined;
    const parsed = parseNumberAttribute(String(raw), { min: 0, max });
    if (parsed.ok) return parsed.value;
    this.reportError(attribute, parsed.message);
    return undefined;
  }

  private priceLimit: number | undefined;
  private monthsLimit: number | undefined;

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.src) void this.load();
    if (changed.has('src') && !this.src && changed.get('src') && this.client) void this.load();
    if (changed.has('programs')) {
      this.validPrograms = undefined;
      this.clearError('programs');
      if (this.programs !== undefined && this.programs !== null) {
        const result = check(V.ProgramList, this.programs);
        if (result.success) this.validPrograms = result.data;
        else this.reportError('programs', new MentorshipError('invalid-input', this.l.t('badPrograms')));
      }
    }
    if (changed.has('maxPrice')) {
      this.priceLimit = this.number('max-price', this.maxPrice, 1e9);
    }
    if (changed.has('maxMonths')) {
      this.monthsLimit = this.number('max-months', this.maxMonths, 120);
    }
    if (changed.has('format')) this.checkEnum('format', this.format, FORMATS);
    if (changed.has('layout')) this.checkEnum('layout', this.layout, LAYOUTS);
    if (changed.has('value') || changed.has('required')) this.syncForm();
    const list = this.all;
    this.viewState = this.failed ? 'error' : !list ? 'loading' : this.filtered().length ? 'ready' : 'empty';
  }

  override updated(): void {
    // The anchor for the browser's validation bubble exists only after the first render.
    if (this.required && !this.value) this.syncForm();
  }

  private checkEnum(attribute: string, value: string, allowed: readonly string[]): void {
    const parsed = value ? parseEnumAttribute(value, allowed) : { ok: true as const, value };
    if (parsed.ok) this.clearError(attribute);
    else this.reportError(attribute, parsed.message);
  }

  private filtered(): Program[] {
    const focus = words(this.focusAreas);
    const format = (FORMATS as readonly string[]).includes(this.format) ? this.format : '';
    const price = this.priceLimit;
    const months = this.monthsLimit;
    return (this.all ?? []).filter(
      (p) =>
        (!focus.length || p.focusAreas.some((f) => focus.includes(f))) &&
        (!format || p.format === format) &&
        (price === undefined || !p.price || p.price.min <= price) &&
        (months === undefined || p.durationMonths.min <= months),
    );
  }

  private clearFilters(): void {
    this.focusAreas = '';
    this.format = '';
    this.maxPrice = undefined;
    this.maxMonths = undefined;
  }

  private toggleFocus(id: string): void {
    const current = words(this.focusAreas);
    this.focusAreas = (current.includes(id) ? current.filter((f) => f !== id) : [...current, id]).join(' ');
  }

  // ---- choosing -------------------------------------------------------------------------------

  private choose(program: Program): void {
    this.focusId = program.id;
    if (this.value === program.id) return;
    this.value = program.id;
    this.emit<ProgramSelectDetail>('program-select', { program });
    this.client?.plan.update({ programId: program.id }).catch((error) => this.reportError('plan', error, 'storage'));
  }

  private async onKey(event: KeyboardEvent, list: Program[], index: number): Promise<void> {
    const { key } = event;
    let next: number;
    if (key === ' ' || key === 'Enter') next = index;
    else if (key === 'Home') next = 0;
    else if (key === 'End') next = list.length - 1;
    else if (key === 'ArrowUp' || key === (this.l.dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft')) next = index - 1;
    else if (key.startsWith('Arrow')) next = index + 1;
    else return;
    event.preventDefault();
    const target = list[(next + list.length) % list.length]!;
    if (next === index) return this.choose(target);
    this.focusId = target.id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-id="${target.id}"]`)?.focus();
  }

  private toggleCompare(id: string, on: boolean): void {
    this.compared = on ? [...this.compared.filter((c) => c !== id), id].slice(0, 3) : this.compared.filter((c) => c !== id);
  }

  // ---- formatting -----------------------------------------------------------------------------

  /** A catalog id in words: the kit's translation when it knows the id, else the fallback. */
  private label(prefix: string, id: string, fallback?: string): string {
    const key = `${prefix}-${id}`;
    const text = (this.l.t as (k: string) => string).call(this.l, key);
    if (text !== key) return text;
    return fallback ?? id.replace(/-/g, ' ');
  }

  private plural(key: 'months' | 'people' | 'results' | 'upToMonths', n: number, text = this.l.number(n)): string {
    return this.l.t(key, text, this.l.plural(n));
  }

  private range(r: Range, format = new Intl.NumberFormat(this.l.lang, { maximumFractionDigits: 0 })): string {
    return r.min === r.max ? format.format(r.min) : format.formatRange(r.min, r.max);
  }

  /** Label and value of every fact about a program, in order: the card's list and the compare table's rows. */
  private facts(p: Program): [string, unknown][] {
    const t = this.l;
    const { price, groupSize } = p;
    const types = this.catalog?.sessionTypes ?? [];
    const model = (this.catalog?.commitmentModels ?? BUILT_IN_MODELS).find((m) => m.id === p.commitmentModelId);
    const list = (items: string[]) => (items.length ? html`<ul class="plain">${items.map((i) => html`<li>${i}</li>`)}</ul>` : '—');
    return [
      [t.t('audience'), p.audience],
      [t.t('format'), this.label('format', p.format)],
      [t.t('duration'), this.plural('months', p.durationMonths.max, this.range(p.durationMonths))],
      [
        t.t('price'),
        price
          ? t.t(
              price.unit === 'month' ? 'perMonth' : 'perPersonMonth',
              this.range(price, new Intl.NumberFormat(t.lang, { style: 'currency', currency: price.currency, maximumFractionDigits: 0 })),
            )
          : t.t(p.format === 'community' ? 'free' : 'onRequest'),
      ],
      [
        t.t('groupSize'),
        groupSize ? this.plural('people', groupSize.max, this.range(groupSize)) : p.format === 'individual' ? t.t('oneToOne') : '—',
      ],
      [
        t.t('sessions'),
        list(
          p.sessionTypeIds.flatMap((id) => {
            const type = types.find((s) => s.id === id);
            return type
              ? [t.t('session', type.name, this.label('freq', type.frequency), t.number(type.minutes, { style: 'unit', unit: 'minute' }))]
              : [];
          }),
        ),
      ],
      [
        t.t('weeklyHours'),
        model
          ? list(
              computeCommitment(model, { menteesPerMentor: 3, weeks: Math.round((p.durationMonths.max * 52) / 12) }).roles.map(
                (r) =>
                  `${this.label('role', `${model.id}-${r.id}`, r.name)}: ${t.t(r.atLeast ? 'atLeastHours' : 'hours', t.hours(r.weeklyHours))}`,
              ),
            )
          : '—',
      ],
      [t.t('includes'), list(p.includes)],
    ];
  }

  // ---- rendering ------------------------------------------------------------------------------

  override render() {
    const t = this.l;
    return html`<div part="base" dir=${t.dir} aria-busy=${this.viewState === 'loading' ? 'true' : 'false'}>
      ${this.renderConfigErrors()}
      ${this.viewState === 'error'
        ? html`<button part="retry" @click=${() => this.retry()}>${t.t('retry')}</button>`
        : this.viewState === 'loading'
          ? html`<span class="visually-hidden">${t.t('loading')}</span><span class="skeleton"></span
              ><span class="skeleton"></span>`
          : this.renderReady()}
    </div>`;
  }

  private renderReady() {
    const t = this.l;
    const all = this.all ?? [];
    const list = this.filtered();
    const focus = words(this.focusAreas);
    const areas = [...new Set(all.flatMap((p) => p.focusAreas))];
    const formats = FORMATS.filter((f) => all.some((p) => p.format === f));
    const currency = all.find((p) => p.price)?.price?.currency;
    const tabId = list.some((p) => p.id === this.focusId)
      ? this.focusId
      : list.some((p) => p.id === this.value)
        ? this.value
        : list[0]?.id;
    return html`
      <div class="filters" part="filters" role="group" aria-label=${t.t('filters')}>
        <div class="chips" role="group" aria-labelledby="focus-label">
          <span id="focus-label" class="hint">${t.t('focusArea')}</span>
          ${areas.map(
            (id) =>
              html`<button part="chip" aria-pressed=${focus.includes(id) ? 'true' : 'false'} @click=${() => this.toggleFocus(id)}>
                ${this.label('focus', id)}
              </button>`,
          )}
        </div>
        <label
          >${t.t('format')}
          <select @change=${(e: Event) => (this.format = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!this.format}>${t.t('anyFormat')}</option>
            ${formats.map((f) => html`<option value=${f} ?selected=${this.format === f}>${this.label('format', f)}</option>`)}
          </select>
        </label>
        <label
          >${t.t('duration')}
          <select @change=${(e: Event) => (this.maxMonths = (e.target as HTMLSelectElement).value || undefined)}>
            <option value="" ?selected=${this.monthsLimit === undefined}>${t.t('anyDuration')}</option>
            ${MONTH_STEPS.map(
              (n) => html`<option value=${n} ?selected=${this.monthsLimit === n}>${this.plural('upToMonths', n)}</option>`,
            )}
          </select>
        </label>
        <label
          >${t.t('budget', currency ?? '')}
          <input
            type="number"
            min="0"
            step="100"
            inputmode="numeric"
            .value=${this.maxPrice === undefined ? '' : String(this.maxPrice)}
            @input=${(e: Event) => (this.maxPrice = (e.target as HTMLInputElement).value || undefined)}
          />
        </label>
      </div>
      <p class="count" part="count" role="status">${this.plural('results', list.length)}</p>
      ${list.length
        ? html`<div class="cards" part="list" role="radiogroup" aria-label=${t.t('programs')} aria-required=${this.required ? 'true' : 'false'}>
            ${list.map((p, i) => this.renderCard(p, i, list, p.id === tabId))}
          </div>`
        : html`<div class="empty message info" part="empty">
            <span>${t.t('noMatch')}</span>
            ${all.length ? html`<button @click=${() => this.clearFilters()}>${t.t('clearFilters')}</button>` : nothing}
          </div>`}
      ${this.compare ? this.renderCompare(all) : nothing}
    `;
  }

  private renderCard(p: Program, index: number, list: Program[], tabbable: boolean) {
    const t = this.l;
    const chosen = p.id === this.value;
    const compared = this.compared.includes(p.id);
    return html`<article class="card ${chosen ? 'chosen' : ''}" part=${chosen ? 'card chosen' : 'card'}>
      <h3>
        <span
          role="radio"
          part="radio"
          data-id=${p.id}
          aria-checked=${chosen ? 'true' : 'false'}
          tabindex=${tabbable ? '0' : '-1'}
          @click=${() => this.choose(p)}
          @keydown=${(e: KeyboardEvent) => this.onKey(e, list, index)}
          >${p.title}</span
        >
      </h3>
      <p>${p.summary}</p>
      <dl>${this.facts(p).map(([term, value]) => html`<dt>${term}</dt><dd>${value}</dd>`)}</dl>
      ${this.compare
        ? html`<label class="check"
            ><input
              type="checkbox"
              .checked=${compared}
              ?disabled=${!compared && this.compared.length >= 3}
              @change=${(e: Event) => this.toggleCompare(p.id, (e.target as HTMLInputElement).checked)}
            />${t.t('compare')}<span class="visually-hidden">${p.title}</span></label
          >`
        : nothing}
    </article>`;
  }

  private renderCompare(all: Program[]) {
    const t = this.l;
    const picked = this.compared.map((id) => all.find((p) => p.id === id)).filter((p): p is Program => !!p);
    if (picked.length < 2) return html`<p class="hint">${t.t('compareHint')}</p>`;
    const facts = picked.map((p) => this.facts(p));
    return html`<div class="table-wrap">
      <table part="compare-table">
        <caption>${t.t('compareTitle')}</caption>
        <thead>
          <tr>
            <td></td>
            ${picked.map((p) => html`<th scope="col">${p.title}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${facts[0]!.map(
            ([term], row) => html`<tr><th scope="row">${term}</th>${facts.map((f) => html`<td>${f[row]![1]}</td>`)}</tr>`,
          )}
        </tbody>
      </table>
      <button @click=${() => (this.compared = [])}>${t.t('clearCompare')}</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'program-picker': ProgramPicker;
  }
  interface GlobalEventHandlersEventMap {
    'program-select': CustomEvent<ProgramSelectDetail>;
  }
}
