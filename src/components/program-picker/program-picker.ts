import { html, nothing, type PropertyValues } from 'lit';
import type { ChangeEvent, MentorshipClient } from '../../sdk/client.js';
import { BUILT_IN_MODELS, computeCommitment, PROGRAM_MODEL_PREFIX, programModel } from '../../sdk/commitment.js';
import { PROGRAM_FORMATS } from '../../sdk/constants.js';
import { MentorshipError } from '../../sdk/errors.js';
import { fetchJson } from '../../sdk/fetch-json.js';
import { loadValidation } from '../../sdk/load-validation.js';
import type { Catalog, CommitmentModel, Program, Range } from '../../sdk/schemas.js';
import { LocalizeController } from '../shared/localize.js';
import { MkElement } from '../shared/mk-element.js';
import { parseEnumAttribute, parseNumberAttribute, type Parsed } from '../shared/parse-attribute.js';
import { en, type ProgramPickerMessages } from './program-picker.messages.js';
import { styles } from './program-picker.styles.js';

export interface ProgramSelectDetail {
  /** The whole chosen program. */
  program: Program;
}

const LAYOUTS = ['grid', 'list'] as const;
/** The duration filter's choices, in months. */
const MONTH_STEPS = [3, 6, 9, 12];
/** The most programs compared side by side. */
const MAX_COMPARED = 3;
/** What a card lists and the compare table has a row for, in this order, keyed by the message that labels it. */
type Facts = Record<'audience' | 'format' | 'duration' | 'price' | 'groupSize' | 'sessions' | 'weeklyHours' | 'includes', unknown>;

const words = (value: string) => value.split(/[\s,]+/).filter(Boolean);
const spaced = (id: string) => id.replace(/-/g, ' ');
/** `ids` with `id` taken out if it is there, else added at the end. */
const toggled = (ids: string[], id: string) => (ids.includes(id) ? ids.filter((other) => other !== id) : [...ids, id]);
/** Items as a bulleted list, or a dash when there are none. */
const bullets = (items: string[]) => (items.length ? html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>` : '—');

/**
 * Lists the catalog's programs as cards, filters them by focus area, format, duration and monthly
 * budget, compares two or three side by side and lets the visitor choose one. The choice is stored
 * in the shared client's plan, so `<commitment-calculator>` and `<mentor-booking>` follow it. With
 * a `name` it is a form control (value = the program id) that takes part in submit, reset and
 * validation.
 *
 * @summary Browse, filter, compare and choose a mentorship program.
 * @customElement program-picker
 *
 * @fires {CustomEvent<ProgramSelectDetail>} program-select - The visitor chose a program (click, Space, Enter, or an arrow key, Home or End moving to it); detail `{ program }`.
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

  static override styles = [MkElement.styles, styles];

  // Lit adds MkElement's properties (locale, theme, state) itself. Without a `type`, values are strings.
  static override properties = {
    src: { reflect: true },
    focusAreas: { reflect: true, attribute: 'focus' },
    format: { reflect: true },
    maxPrice: { reflect: true, attribute: 'max-price' },
    maxMonths: { reflect: true, attribute: 'max-months' },
    compare: { type: Boolean, reflect: true },
    name: { reflect: true },
    value: {},
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    inactive: { state: true },
    layout: { reflect: true },
    programs: { attribute: false },
    catalog: { state: true },
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
  /** Programs can be browsed and compared but not chosen (a disabled `<fieldset>` does the same). */
  declare disabled: boolean;
  /** Disabled by the attribute or by a disabled fieldset around it (the browser tells us which). */
  declare private inactive: boolean;
  /** `grid` (cards side by side, default) or `list` (one card per row). */
  declare layout: string;
  /** Programs to show instead of the catalog's (validated); session types and models still come from the catalog. */
  declare programs: Program[] | undefined;
  declare private catalog: Catalog | undefined;
  /** Ids of the programs ticked for comparison, in the order they were ticked. */
  declare private compared: string[];
  /** The card that takes Tab focus in the radio group (roving tabindex). */
  declare private focusId: string;

  #l = new LocalizeController<ProgramPickerMessages>(this, 'program-picker', { en });
  #internals = this.attachInternals();
  #loadToken = 0;
  /** The `programs` property once validated. */
  #validPrograms: Program[] | undefined;
  /** The check of the `programs` property under way (the validators load on demand). */
  #programsCheck: Promise<void> | undefined;
  // The filter attributes, parsed: undefined when empty or invalid (no filter).
  #priceLimit: number | undefined;
  #monthsLimit: number | undefined;
  #formatFilter: string | undefined;
  /** The programs that pass the filters, worked out before each render. */
  #shown: Program[] = [];

  constructor() {
    super();
    this.src = '';
    this.focusAreas = '';
    this.format = '';
    this.compare = false;
    this.name = '';
    this.value = '';
    this.required = false;
    this.disabled = false;
    this.inactive = false;
    this.layout = 'grid';
    this.compared = [];
    this.focusId = '';
  }

  // ---- form control ---------------------------------------------------------------------------

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }
  get validity(): ValidityState {
    return this.#internals.validity;
  }
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.#internals.willValidate;
  }
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }
  formDisabledCallback(disabled: boolean): void {
    this.inactive = disabled;
  }
  formResetCallback(): void {
    this.value = '';
  }
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.value = state;
  }

  /** After each render, so the browser's "please choose" bubble can point at the first card. */
  override updated(): void {
    const missing = this.required && !this.value;
    this.#internals.setFormValue(this.value || null);
    this.#internals.setValidity(
      { valueMissing: missing },
      missing ? this.#l.t('required') : '',
      this.renderRoot.querySelector<HTMLElement>('[role=radio]') ?? undefined,
    );
  }

  // ---- data -----------------------------------------------------------------------------------

  override clientChanged(client: MentorshipClient): void {
    if (!this.src) void this.#load();
    // Start from the visitor's earlier choice unless the page set a value.
    void client.plan
      .get()
      .then((plan) => (this.value ||= plan?.programId ?? ''))
      .catch(() => undefined);
  }

  override clientChange(event: ChangeEvent): void {
    // A choice made in another picker or tab.
    if (event.resource === 'plan' && event.plan.programId) this.value = event.plan.programId;
  }

  /** Loads the catalog again (after a failure): from `src`, else the client's (which forgets a failed load by itself). */
  retry(): Promise<void> {
    return this.#load();
  }

  async #load(): Promise<void> {
    const token = ++this.#loadToken;
    const source = this.src ? 'src' : 'catalog';
    this.clearError('src');
    this.clearError('catalog');
    try {
      const catalog = await (this.src ? this.#fetchCatalog(this.src) : this.client?.catalog.get());
      if (token === this.#loadToken) this.catalog = catalog;
    } catch (error) {
      if (token !== this.#loadToken) return;
      this.catalog = undefined;
      this.reportError(source, error, 'network');
    }
  }

  async #fetchCatalog(url: string): Promise<Catalog> {
    const l = this.#l;
    const [json, { V, check }] = await Promise.all([fetchJson(url, { failed: (status) => l.t('httpFailed', url, status), notJson: l.t('badJson', url) }), loadValidation()]);
    const result = check(V.Catalog, json);
    if (result.success) return result.data;
    const [first] = result.issues;
    throw new MentorshipError('bad-response', `${l.t('badCatalog', url)} (${first!.path}: ${first!.message})`, { issues: result.issues });
  }

  /** The programs on offer: the `programs` property when valid, else the catalog's. */
  get #all(): Program[] | undefined {
    return this.#programsCheck ? undefined : (this.#validPrograms ?? this.catalog?.programs);
  }

  /** Validates the `programs` property (loading the validators first), then renders again. */
  async #checkPrograms(programs: Program[]): Promise<void> {
    try {
      const { V, check } = await loadValidation();
      if (programs !== this.programs) return; // a newer value has its own check
      const result = check(V.ProgramList, programs);
      this.#validPrograms = result.success ? result.data : undefined;
      if (result.success) this.clearError('programs');
      else this.reportError('programs', this.#l.t('badPrograms'));
    } catch (error) {
      if (programs === this.programs) this.reportError('programs', error, 'network');
    } finally {
      if (programs === this.programs) this.#programsCheck = undefined;
      this.requestUpdate();
    }
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    // `await el.updateComplete` after setting `programs` waits for them to be checked and shown.
    while (this.#programsCheck) {
      await this.#programsCheck;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  // ---- attributes and filters -----------------------------------------------------------------

  override willUpdate(changed: PropertyValues<this>): void {
    // A new src loads it; removing src goes back to the client's catalog.
    if (changed.has('src') && (this.src || (changed.get('src') && this.client))) void this.#load();
    if (changed.has('programs')) {
      this.#validPrograms = undefined;
      this.#programsCheck = this.programs ? this.#checkPrograms(this.programs) : undefined;
      if (!this.programs) this.clearError('programs');
    }
    if (changed.has('maxPrice')) this.#priceLimit = this.#parse('max-price', this.maxPrice, (text) => parseNumberAttribute(text, { min: 0, max: 1e9 }));
    if (changed.has('maxMonths')) this.#monthsLimit = this.#parse('max-months', this.maxMonths, (text) => parseNumberAttribute(text, { min: 0, max: 120 }));
    if (changed.has('format')) this.#formatFilter = this.#parse('format', this.format, (text) => parseEnumAttribute(text, PROGRAM_FORMATS));
    if (changed.has('layout')) this.#parse('layout', this.layout, (text) => parseEnumAttribute(text, LAYOUTS));
    this.#shown = this.#matching();
    const loadFailed = this.configErrors.has(this.src ? 'src' : 'catalog');
    this.viewState = loadFailed ? 'error' : !this.#all ? 'loading' : this.#shown.length ? 'ready' : 'empty';
  }

  /** An attribute's parsed value; undefined when empty, or when invalid (then reported). */
  #parse<T>(attribute: string, raw: unknown, parse: (text: string) => Parsed<T>): T | undefined {
    const text = String(raw ?? '');
    const parsed = text ? parse(text) : undefined;
    this.setError(attribute, parsed?.ok === false && parsed.message);
    return parsed?.ok ? parsed.value : undefined;
  }

  #matching(): Program[] {
    const focus = words(this.focusAreas);
    const formatFilter = this.#formatFilter;
    const priceLimit = this.#priceLimit ?? Infinity;
    const monthsLimit = this.#monthsLimit ?? Infinity;
    return (this.#all ?? []).filter(
      (p) =>
        (!focus.length || p.focusAreas.some((f) => focus.includes(f))) &&
        (!formatFilter || p.format === formatFilter) &&
        (p.price?.min ?? 0) <= priceLimit &&
        p.durationMonths.min <= monthsLimit,
    );
  }

  #clearFilters(): void {
    this.focusAreas = '';
    this.format = '';
    this.maxPrice = undefined;
    this.maxMonths = undefined;
  }

  // ---- choosing -------------------------------------------------------------------------------

  #choose(program: Program): void {
    this.focusId = program.id;
    if (this.inactive || this.value === program.id) return;
    this.value = program.id;
    this.emit<ProgramSelectDetail>('program-select', { program });
    this.client?.plan.update({ programId: program.id }).catch((error) => this.reportError('plan', error, 'storage'));
  }

  /**
   * Radio-group keys (WAI-ARIA APG, as native radios): arrows move focus AND choose (wrapping
   * around), Home and End jump and choose; Space and Enter choose the focused card.
   */
  async #onKey(event: KeyboardEvent, index: number): Promise<void> {
    const list = this.#shown;
    const { key } = event;
    const forward = this.#l.dir === 'rtl' ? -1 : 1;
    const moves: Record<string, number> = { ArrowUp: -1, ArrowDown: 1, ArrowLeft: -forward, ArrowRight: forward, Home: -index, End: -index - 1 };
    const choosing = key === ' ' || key === 'Enter';
    if (!choosing && !(key in moves)) return;
    event.preventDefault();
    if (choosing) return this.#choose(list[index]!);
    // at() counts a negative index from the end: -1 is the last card.
    const next = list.at((index + moves[key]!) % list.length)!;
    this.#choose(next);
    await this.updateComplete;
    // The radios are the only elements with a tabindex.
    this.renderRoot.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
  }

  // ---- formatting -----------------------------------------------------------------------------

  /** A catalog id in words: the message `<prefix>-<id>` when the locale has one, else the fallback ("Web development"). */
  #label(prefix: string, id: string, fallback = id[0]!.toUpperCase() + spaced(id.slice(1))): string {
    const key = `${prefix}-${id}`;
    const text = this.#l.t(key as keyof ProgramPickerMessages);
    return text === key ? fallback : text;
  }

  #plural(key: 'months' | 'people' | 'results', n: number, text = this.#l.number(n)): string {
    return this.#l.t(key, text, this.#l.plural(n));
  }

  /** "3–6" (or "6" when both ends are equal), formatted for the locale. */
  #range({ min, max }: Range, options?: Intl.NumberFormatOptions): string {
    const format = new Intl.NumberFormat(this.#l.lang, { maximumFractionDigits: 0, ...options });
    return min === max ? format.format(min) : format.formatRange(min, max);
  }

  #facts(p: Program): Facts {
    const t = this.#l;
    const { price, groupSize, durationMonths } = p;
    const model = programModel(p, { commitmentModels: BUILT_IN_MODELS, sessionTypes: [], ...this.catalog });
    const sessions = p.sessionTypeIds.flatMap((id) => this.catalog?.sessionTypes.find((s) => s.id === id) ?? []);
    return {
      audience: p.audience,
      format: this.#label('format', p.format),
      duration: this.#plural('months', durationMonths.max, this.#range(durationMonths)),
      price: price
        ? t.t(price.unit === 'month' ? 'perMonth' : 'perPersonMonth', this.#range(price, { style: 'currency', currency: price.currency }))
        : t.t(p.format === 'community' ? 'free' : 'onRequest'),
      groupSize: groupSize ? this.#plural('people', groupSize.max, this.#range(groupSize)) : p.format === 'individual' ? t.t('oneToOne') : '—',
      sessions: bullets(
        sessions.map((s) => t.t('session', s.name, this.#label('freq', s.frequency, spaced(s.frequency)), t.number(s.minutes, { style: 'unit', unit: 'minute' }))),
      ),
      weeklyHours: model ? bullets(this.#weeklyHours(model)) : '—',
      includes: bullets(p.includes),
    };
  }

  /** Each role's weekly hours in a program's commitment model, for 3 mentees per mentor. */
  #weeklyHours(model: CommitmentModel): string[] {
    const t = this.#l;
    // Only weekly figures are shown, so the length of the cycle does not matter.
    const { roles } = computeCommitment(model, { menteesPerMentor: 3, weeks: 1 });
    // Models derived from a program's sessions have the coaching cadence's roles.
    const id = model.id.startsWith(PROGRAM_MODEL_PREFIX) ? 'coaching-cadence' : model.id;
    return roles.map(
      (r) => `${this.#label('role', `${id}-${r.id}`, r.name)}: ${t.t(r.atLeast ? 'atLeastHours' : 'hours', t.hours(r.weeklyHours))}`,
    );
  }

  // ---- rendering ------------------------------------------------------------------------------

  override render() {
    const t = this.#l;
    const state = this.viewState;
    return html`<div part="base" dir=${t.dir} aria-busy=${state === 'loading'}>
${this.renderConfigErrors()}
${state === 'error'
  ? html`<button part="retry" @click=${this.retry}>${t.t('retry')}</button>`
  : state === 'loading'
    ? html`<span class="visually-hidden">${t.t('loading')}</span><span class="skeleton"></span><span class="skeleton"></span>`
    : this.#renderReady()}
</div>`;
  }

  #renderReady() {
    const t = this.#l;
    const all = this.#all ?? [];
    const list = this.#shown;
    const focus = words(this.focusAreas);
    const areas = [...new Set(all.flatMap((p) => p.focusAreas))];
    const formats = PROGRAM_FORMATS.filter((f) => all.some((p) => p.format === f));
    const currency = all.find((p) => p.price)?.price?.currency;
    // Roving tabindex: the card focused last, else the chosen one, else the first.
    const tabbable = [this.focusId, this.value].find((id) => list.some((p) => p.id === id)) ?? list[0]?.id;
    const chip = (id: string) =>
      html`<button part="chip" aria-pressed=${focus.includes(id)} @click=${() => (this.focusAreas = toggled(words(this.focusAreas), id).join(' '))}>${this.#label('focus', id)}</button>`;
    return html`<div class="filters" part="filters" role="group" aria-label=${t.t('filters')}>
<div class="chips" role="group" aria-labelledby="focus-label"><span id="focus-label" class="hint">${t.t('focusArea')}</span>${areas.map(chip)}</div>
${this.#renderSelect(t.t('format'), t.t('anyFormat'), this.#formatFilter, formats.map((f) => [f, this.#label('format', f)]), (value) => (this.format = value))}
${this.#renderSelect(
  t.t('duration'),
  t.t('anyDuration'),
  this.#monthsLimit,
  MONTH_STEPS.map((n) => [n, t.t('upTo', this.#plural('months', n))]),
  (value) => (this.maxMonths = value || undefined),
)}
<label>${t.t('budget', currency ?? '')}<input type="number" min="0" step="100" inputmode="numeric" .value=${this.maxPrice ?? ''}
  @input=${(e: Event) => (this.maxPrice = (e.target as HTMLInputElement).value || undefined)}></label>
</div>
<p part="count" role="status">${this.#plural('results', list.length)}</p>
${list.length
  ? html`<div class="cards" part="list" role="radiogroup" aria-label=${t.t('programs')} aria-required=${this.required} aria-disabled=${this.inactive}>
${list.map((p, i) => this.#renderCard(p, i, p.id === tabbable))}
</div>`
  : html`<div class="empty message info" part="empty">${t.t('noMatch')}
${all.length ? html`<button @click=${this.#clearFilters}>${t.t('clearFilters')}</button>` : nothing}</div>`}
${this.compare ? this.#renderCompare(all) : nothing}`;
  }

  /** A labelled filter `<select>`: "any" first, then the options as [value, text]. */
  #renderSelect<T>(label: string, any: string, current: T | undefined, options: [T, string][], onChange: (value: string) => void) {
    return html`<label>${label}<select @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
<option value="" .selected=${current === undefined}>${any}</option>
${options.map(([value, text]) => html`<option value=${value} .selected=${value === current}>${text}</option>`)}
</select></label>`;
  }

  #renderCard(p: Program, index: number, tabbable: boolean) {
    const t = this.#l;
    const chosen = p.id === this.value;
    const compared = this.compared.includes(p.id);
    const facts = this.#facts(p);
    return html`<article part=${chosen ? 'card chosen' : 'card'}>
<h3><span role="radio" part="radio" aria-checked=${chosen} tabindex=${tabbable ? 0 : -1}
  @click=${() => this.#choose(p)} @keydown=${(e: KeyboardEvent) => this.#onKey(e, index)}>${p.title}</span></h3>
<p>${p.summary}</p>
<dl>${Object.entries(facts).map(([key, value]) => html`<dt>${t.t(key as keyof Facts)}</dt><dd>${value}</dd>`)}</dl>
${this.compare
  ? html`<label class="check"><input type="checkbox" .checked=${compared} ?disabled=${!compared && this.compared.length >= MAX_COMPARED}
  @change=${() => (this.compared = toggled(this.compared, p.id))}>${t.t('compare')}<span class="visually-hidden">${p.title}</span></label>`
  : nothing}
</article>`;
  }

  #renderCompare(all: Program[]) {
    const t = this.#l;
    const picked = this.compared.flatMap((id) => all.find((p) => p.id === id) ?? []);
    if (picked.length < 2) return html`<p class="hint">${t.t('compareHint')}</p>`;
    const columns = picked.map((p) => this.#facts(p));
    const rows = Object.keys(columns[0]!) as (keyof Facts)[];
    return html`<div class="table-wrap"><table part="compare-table">
<caption>${t.t('compareTitle')}</caption>
<thead><tr><td></td>${picked.map((p) => html`<th scope="col">${p.title}</th>`)}</tr></thead>
<tbody>${rows.map((key) => html`<tr><th scope="row">${t.t(key)}</th>${columns.map((facts) => html`<td>${facts[key]}</td>`)}</tr>`)}</tbody>
</table>
<button @click=${() => (this.compared = [])}>${t.t('clearCompare')}</button></div>`;
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
