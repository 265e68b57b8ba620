import { html, nothing, svg, type PropertyValues } from 'lit';
import type { ChangeEvent } from '../../sdk/client.js';
import {
  COMMITMENT_LIMITS,
  computeCommitment,
  type CadenceFormula,
  PROGRAM_MODEL_PREFIX,
  programModel,
  THREE_TIER_MODEL,
  type CommitmentField,
  type CommitmentInput,
  type CommitmentResult,
  type RoleCommitment,
} from '../../sdk/commitment.js';
import { fetchJson } from '../../sdk/fetch-json.js';
import { loadValidation } from '../../sdk/load-validation.js';
import type { CommitmentModel } from '../../sdk/schemas.js';
import { LocalizeController } from '../shared/localize.js';
import { MkElement } from '../shared/mk-element.js';
import { parseNumberAttribute } from '../shared/parse-attribute.js';
import { en, type CalculatorMessages } from './commitment-calculator.messages.js';
import { styles } from './commitment-calculator.styles.js';

/** Detail of `commitment-change`: the inputs used and every role's figures. */
export interface CommitmentChangeDetail {
  input: CommitmentInput;
  result: CommitmentResult;
}

/** A reflected number attribute that keeps a typo visible as NaN (Lit's Number turns "" into 0). */
/** Attribute text → number; "" and "lots" become NaN so the element can name the bad value. */
const toNumber = (value: string | null) => (value === null ? undefined : value.trim() === '' ? NaN : Number(value));

/** X = 3 mentees per mentor over a 12-week cycle, with no fit check. */
const DEFAULT_INPUT: CommitmentInput = { menteesPerMentor: 3, weeks: 12 };

/**
 * The number fields: property (also the key of its label and `…Hint` message) and attribute.
 * X comes first: cadence models have no X.
 */
const FIELDS: [CommitmentField, string][] = [
  ['menteesPerMentor', 'mentees-per-mentor'],
  ['weeks', 'weeks'],
  ['availableHours', 'available-hours'],
];

/** A figure that may be a minimum ("2 or more") or an average or estimate. */
interface Qualified {
  atLeast: boolean;
  approximate?: boolean;
}
/** The sign shown before a qualified figure, by the message key of its spoken form. */
const SIGNS = { atLeast: '≥\u00a0', about: '≈\u00a0' } as const;
/**
 * The chart's rows in CSS pixels: a line with the role and its total, then the bar below. The SVG
 * has no viewBox (bars are laid out in percentages of its width), so its text keeps its CSS size
 * on a phone instead of shrinking with the drawing.
 */
const ROW = 56;
const BAR_TOP = 22;

/**
 * Estimates the weekly hours each role of a mentorship program asks for: a per-activity table,
 * an SVG stacked bar chart, hours over the cycle, the size of each tier and everyone reached,
 * and which roles fit the visitor's available hours. Choosing a role saves it as the visitor's
 * plan (`client.plan`), which `<session-tracker>` uses as its weekly goal.
 *
 * The model is data. Precedence: the `model` property, then `model-src`, then `program` (that
 * catalog program's `commitmentModelId`); with none of them the element follows the visitor's
 * plan (the program chosen in `<program-picker>`), else the built-in three-tier model.
 *
 * @summary Weekly hours for every role of a mentorship program, from a data-driven model.
 * @customElement commitment-calculator
 *
 * @fires {CustomEvent<CommitmentChangeDetail>} commitment-change - After every new result: first render, an input, a new model. `detail: { input, result }`.
 * @fires {CustomEvent<MentorshipErrorDetail>} mentorship-error - When an attribute, a typed value or the model is invalid, or the model cannot be loaded; `detail.source` names the attribute.
 *
 * @csspart base - The wrapper of everything.
 * @csspart error - The list of configuration problems.
 * @csspart inputs - The group of number fields.
 * @csspart field - One label with its input and hint.
 * @csspart input - A number input.
 * @csspart summary - The weekly totals, a polite live region.
 * @csspart table - The roles × activities table.
 * @csspart chart - The figure with the SVG stacked bar chart and its legend.
 * @csspart legend - The chart's legend.
 * @csspart reach - How many people one lead reaches (tiered models).
 * @csspart roles - The fieldset of role buttons.
 * @csspart role-button - One role button (`aria-pressed` when it is the plan's role).
 * @csspart status - Confirmation after saving the plan, a live region.
 * @csspart skeleton - Placeholder while the model loads.
 *
 * @cssprop --mk-calculator-gap - Space between the blocks. Default `--mk-space` × 2.
 * @cssprop --mk-calculator-header-bg - Background of the table's column headers. Default `--mk-color-surface-alt`.
 * @cssprop --mk-calculator-chosen-bg - Background of the chosen role's column. Default `--mk-color-surface-alt`.
 * @cssprop --mk-calculator-border - Table and fieldset lines. Default `--mk-color-border`.
 * @cssprop --mk-calculator-fit-color - Text of "fits". Default `--mk-color-success`.
 * @cssprop --mk-calculator-misfit-color - Text of "too many". Default `--mk-color-danger`.
 * @cssprop --mk-calculator-chart-track - The empty part of each bar. Default `--mk-color-surface-alt`.
 * @cssprop --mk-calculator-chart-1 - First activity's colour (…-2 to …-5 likewise). Default `--mk-color-chart-1`.
 */
export class CommitmentCalculator extends MkElement {
  static override styles = [MkElement.styles, styles];

  // Lit adds MkElement's properties (locale, theme, state) itself. Written out (not built by a
  // helper) so the manifest analyzer sees the attribute names.
  static override properties = {
    menteesPerMentor: { reflect: true, attribute: 'mentees-per-mentor', converter: toNumber },
    weeks: { reflect: true, converter: toNumber },
    availableHours: { reflect: true, attribute: 'available-hours', converter: toNumber },
    selectedRole: { reflect: true, attribute: 'selected-role' },
    program: { reflect: true },
    modelSrc: { reflect: true, attribute: 'model-src' },
    model: { attribute: false },
    active: { state: true },
    result: { attribute: false },
    planRole: { state: true },
    status: { state: true },
  };

  /** X: how many people each mentor takes on, 0–20 (attribute `mentees-per-mentor`). */
  declare menteesPerMentor: number;
  /** Length of the cycle in weeks, 1–104. */
  declare weeks: number;
  /** The visitor's free hours a week, 0–168 (attribute `available-hours`); unset = no fit check. */
  declare availableHours: number | undefined;
  /** Id of the role to highlight (attribute `selected-role`); set when the visitor chooses one. */
  declare selectedRole: string | undefined;
  /** Id of a catalog program whose commitment model to use. */
  declare program: string | undefined;
  /** URL of a commitment model JSON (validated; failing paths are shown). */
  declare modelSrc: string | undefined;
  /** A commitment model object (validated); wins over `model-src` and `program`. */
  declare model: CommitmentModel | undefined;
  /** The model in use. */
  declare protected active: CommitmentModel | undefined;
  /** The figures shown: last valid inputs with the model in use. */
  declare result: CommitmentResult | undefined;
  declare protected planRole: string | undefined;
  declare protected status: string | undefined;

  /** The last valid inputs; a bad value keeps these. */
  input: CommitmentInput = DEFAULT_INPUT;
  #l = new LocalizeController<CalculatorMessages>(this, 'commitment-calculator', { en });
  #token = 0;
  #planProgramId?: string;
  #savedRole?: string;

  constructor() {
    super();
    Object.assign(this, DEFAULT_INPUT);
  }

  override clientChanged(): void {
    if (this.hasUpdated) void this.#resolve();
  }

  override clientChange(event: ChangeEvent): void {
    if (event.resource !== 'plan' || this.model || this.modelSrc || this.program) return;
    if (event.plan.programId !== this.#planProgramId) void this.#resolve();
    else this.planRole = event.plan.modelId === this.active?.id ? event.plan.roleId : undefined;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    let inputChanged = false;
    for (const [field, attr] of FIELDS) {
      const value = this[field] ?? undefined;
      // Only available hours may be unset; the others keep their last valid value.
      if (!changed.has(field) || (value === undefined && field !== 'availableHours')) continue;
      if (!this.#accept(field, attr, value, this.getAttribute(attr) ?? String(value))) continue;
      inputChanged ||= this.input[field] !== value;
      this.input = { ...this.input, [field]: value };
      if (value === undefined) delete this.input.availableHours;
    }
    if (!this.hasUpdated || changed.has('model') || changed.has('modelSrc') || changed.has('program')) void this.#resolve();
    else if (inputChanged) this.#compute(true);
    if (changed.has('selectedRole') || changed.has('result')) {
      const id = this.selectedRole;
      this.setError('selected-role', !!id && this.result?.roles.every((r) => r.id !== id) && this.#l.t('noRole', id));
    }
  }

  /** Shows or clears the error of a field's attribute; true when `value` may be used (unset: available hours only). */
  #accept(field: CommitmentField, attr: string, value: number | undefined, raw: string): boolean {
    const limits = COMMITMENT_LIMITS[field];
    const ok = value === undefined ? field === 'availableHours' : parseNumberAttribute(String(value), limits).ok;
    const { min, max, integer } = limits;
    const l = this.#l;
    this.setError(attr, !ok && l.t('invalid', l.t(field), raw, l.number(min), l.number(max), integer));
    return ok;
  }

  /** Finds and validates the model to use; stale answers (a newer call started) are dropped. */
  async #resolve(): Promise<void> {
    const token = ++this.#token;
    const client = this.client;
    const source = this.model ? 'model' : this.modelSrc ? 'model-src' : this.program ? 'program' : 'plan';
    if (!this.result) this.viewState = 'loading';
    try {
      let model: CommitmentModel | undefined = THREE_TIER_MODEL;
      let planRole: string | undefined;
      if (this.model || this.modelSrc) {
        const [json, { parseCommitmentModel }] = await Promise.all([
          this.model ?? fetchJson(this.modelSrc!, { failed: (status) => this.#l.t('httpError', status, this.modelSrc!), notJson: this.#l.t('notJson', this.modelSrc!) }),
          loadValidation(),
        ]);
        model = parseCommitmentModel(json);
      }
      else if (client) {
        const plan = this.program ? null : await client.plan.get();
        this.#planProgramId = plan?.programId;
        const programId = this.program || plan?.programId;
        // A program stored in the plan that the catalog no longer has: fall back to the default.
        const program = programId ? await client.programs.get(programId).catch((e) => (this.program ? Promise.reject(e) : undefined)) : undefined;
        // A named model that is missing is an error (not-found); otherwise the program's own sessions.
        if (program?.commitmentModelId) model = await client.models.get(program.commitmentModelId);
        else if (program) model = programModel(program, await client.catalog.get()) ?? (this.program ? undefined : model);
        if (model && plan?.modelId === model.id) planRole = plan.roleId;
      }
      if (token !== this.#token) return;
      for (const s of ['model', 'model-src', 'program', 'plan']) this.clearError(s);
      this.planRole = planRole;
      this.active = model;
      if (model) this.#compute(false);
      else this.result = undefined;
      this.viewState = model ? 'ready' : 'empty';
    } catch (error) {
      if (token !== this.#token) return;
      // Errors of the SDK carry their own code; anything else went wrong while loading.
      this.reportError(source, error, 'network');
      if (!this.result) this.viewState = 'error';
    }
  }

  #compute(fromInput: boolean): void {
    const input = { ...this.input };
    this.result = computeCommitment(this.active!, input);
    this.emit<CommitmentChangeDetail>('commitment-change', { input, result: this.result });
    // Keep the saved plan's weekly hours true when the visitor changes X after choosing.
    if (fromInput && this.#savedRole) void this.#save(this.#savedRole, false);
  }

  #onInput(field: CommitmentField, attr: string, event: Event): void {
    const raw = (event.target as HTMLInputElement).value.trim();
    const value = raw === '' ? undefined : Number(raw);
    if (this.#accept(field, attr, value, raw)) (this as Record<CommitmentField, number | undefined>)[field] = value;
  }

  /** The visitor chose a role: highlight it and save it as their plan. */
  #choose(id: string): void {
    this.selectedRole = id;
    void this.#save(id, true);
  }

  async #save(id: string, announce: boolean): Promise<void> {
    const role = this.result?.roles.find((r) => r.id === id);
    const client = this.client;
    if (!role || !client) return;
    const programId = this.program || this.#planProgramId;
    const roleName = this.#name(role);
    try {
      await client.plan.update({
        modelId: this.active!.id,
        roleId: id,
        roleName,
        weeklyHours: role.weeklyHours,
        menteesPerMentor: this.input.menteesPerMentor,
        ...(programId ? { programId } : {}),
      });
      this.clearError('plan');
      this.#savedRole = id;
      if (announce) this.status = this.#l.t('saved', roleName, this.#spoken(role.weeklyHours, role));
    } catch (error) {
      this.reportError('plan', error, 'storage');
    }
  }

  /**
   * The name of the model in use, or of one of its roles or activities, in the visitor's language:
   * the message `n:<model id>` / `n:<model id>:<id>` where the locale has one, else the data's name.
   */
  #name(item: { id: string; name: string }): string {
    const model = this.active!;
    // A model derived from a program's session types shares the coaching cadence's translations.
    const prefix = model.id.startsWith(PROGRAM_MODEL_PREFIX) ? 'coaching-cadence' : model.id;
    const key = item === model ? `n:${model.id}` : `n:${prefix}:${item.id}`;
    const text = this.#l.t(key as `n:${string}`);
    return text === key ? item.name : text; // t() answers the key itself when no table has it
  }

  #hr(value: number): string {
    return this.#l.number(value, { style: 'unit', unit: 'hour', maximumFractionDigits: 2 });
  }

  /**
   * A figure on screen ("≥ 2", "≈ 4") and spoken ("at least 2", "about 4"): `atLeast` marks a
   * minimum ("2 or more"), `approximate` an average or estimate. Exact figures read the same.
   */
  #figure(hours: number, { atLeast, approximate }: Qualified, text = this.#l.hours(hours)): [shown: string, spoken: string] {
    const qualifier = atLeast ? 'atLeast' : approximate && hours > 0 ? 'about' : undefined;
    return qualifier ? [SIGNS[qualifier] + text, this.#l.t(qualifier, text)] : [text, text];
  }

  /** "at least 7 hr", "about 4 hr", "8 hr": for live regions and text alternatives. */
  #spoken(hours: number, figure: Qualified): string {
    return this.#figure(hours, figure, this.#hr(hours))[1];
  }

  /** A table figure: "≥ 2" on screen with "at least 2" for screen readers. */
  #value(hours: number, figure: Qualified) {
    const [shown, spoken] = this.#figure(hours, figure);
    return shown === spoken ? shown : this.#alt(shown, spoken);
  }

  /** The arithmetic behind a cadence figure: "90 min × 26 a year ÷ 52 weeks · up to 6 people". */
  #formula(formula: CadenceFormula | undefined) {
    if (!formula) return nothing;
    const l = this.#l;
    const { minutes, perYear, frequency, capacity } = formula;
    const text = frequency === 'as-needed' && !perYear ? l.t('formulaAsNeeded', l.number(minutes)) : l.t('formula', l.number(minutes), l.number(perYear));
    return html`<small class="formula">${text}${capacity && capacity > 1 ? ` · ${l.t('formulaGroup', l.number(capacity))}` : ''}</small>`;
  }

  /** `shown` on screen, `spoken` for screen readers. */
  #alt(shown: string, spoken: string) {
    return html`<span aria-hidden="true">${shown}</span><span class="visually-hidden">${spoken}</span>`;
  }

  override render() {
    return html`<div part="base" dir=${this.#l.dir} aria-busy=${this.viewState === 'loading'}>
      ${this.renderConfigErrors()}
      ${this.viewState === 'ready' ? this.#renderReady(this.result!, this.active!) : this.#renderPlaceholder()}
    </div>`;
  }

  /** What shows instead of the figures: loading, error (with retry) or empty. */
  #renderPlaceholder() {
    const l = this.#l;
    if (this.viewState === 'loading') {
      return html`<p class="visually-hidden">${l.t('loading')}</p>
        <span class="skeleton" part="skeleton"></span><span class="skeleton" part="skeleton"></span>`;
    }
    if (this.viewState === 'empty') return html`<p class="message info">${l.t('empty')}</p>`;
    return html`<div class="message error"><p>${l.t('failed')}</p><button @click=${this.#resolve}>${l.t('retry')}</button></div>`;
  }

  #renderField([field, attr]: [CommitmentField, string]) {
    const { min, max, integer } = COMMITMENT_LIMITS[field];
    const l = this.#l;
    const hint = l.t(`${field}Hint` as 'weeksHint', l.number(min), l.number(max));
    // The hint is inside the label, so it is part of the input's accessible name.
    return html`<label part="field">
      ${l.t(field)}
      <input part="input" type="number" name=${attr} min=${min} max=${max} step=${integer ? 1 : 0.5}
        .value=${this.input[field] ?? ''} aria-invalid=${this.configErrors.has(attr)}
        @input=${(e: Event) => this.#onInput(field, attr, e)}>
      <small>${hint}</small>
    </label>`;
  }

  #renderReady(result: CommitmentResult, model: CommitmentModel) {
    const l = this.#l;
    const t = l.t.bind(l);
    const tiered = model.kind === 'tiered';
    const activities = tiered ? model.activities : model.sessions;
    const { roles } = result;
    const names = roles.map((role) => this.#name(role));
    const totals = roles.map((role, i) => `${names[i]}: ${this.#spoken(role.weeklyHours, role)}`);
    const chosen = this.selectedRole ?? this.planRole;
    const available = this.input.availableHours;
    /** A row of the table: its header, then one cell per role. */
    const row = (head: unknown, cell: (role: RoleCommitment) => unknown, name?: string) => html`<tr data-row=${name ?? nothing}>
      <th scope="row">${head}</th>
      ${roles.map((role) => html`<td>${cell(role)}</td>`)}
    </tr>`;
    const fit = (role: RoleCommitment) =>
      html`<span class=${role.fits ? 'fit' : 'misfit'}>${role.fits ? t('fits') : t('over', this.#hr(role.weeklyHours - available!))}</span>`;

    let summary = t('summary', l.list(totals));
    if (available !== undefined) summary += ` ${t('fitSummary', l.list(names.filter((_, i) => roles[i]!.fits)))}`;

    return html`<div part="inputs">${FIELDS.slice(tiered ? 0 : 1).map((f) => this.#renderField(f))}</div>
      <p part="summary" aria-live="polite">${summary}</p>
      <div class="table-wrap">
        <table part="table">
          <caption>${t('caption', this.#name(model))}</caption>
          <colgroup><col>${roles.map((role) => html`<col class=${role.id === chosen ? 'chosen' : ''}>`)}</colgroup>
          <thead>
            <tr><th scope="col">${t('activity')}</th>${names.map((name) => html`<th scope="col">${name}</th>`)}</tr>
          </thead>
          <tbody>
            ${activities.map((activity) =>
              row(html`${this.#name(activity)}${this.#formula(result.roles[0]?.activities.find((a) => a.id === activity.id)?.formula)}`, (role) => {
                const a = role.activities.find((x) => x.id === activity.id);
                return !a ? this.#alt('—', t('none')) : a.atLeast && !a.hours ? t('asNeeded') : this.#value(a.hours, a);
              }),
            )}
          </tbody>
          <tfoot>
            ${row(t('total'), (role) => this.#value(role.weeklyHours, role), 'total')}
            ${row(t('cycle', l.number(this.input.weeks), l.plural(this.input.weeks)), (role) => this.#value(role.cycleHours, role), 'cycle')}
            ${tiered ? row(t('people'), (role) => l.number(role.people), 'people') : nothing}
            ${available === undefined ? nothing : row(t('fitHead', this.#hr(available)), fit, 'fit')}
          </tfoot>
        </table>
      </div>
      ${this.#renderChart(result, activities, names, totals)}
      ${tiered ? html`<p part="reach">${t('reach', l.number(result.reach), l.plural(result.reach))}</p>` : nothing}
      <fieldset part="roles">
        <legend>${t('choose')}</legend>
        ${roles.map(
          (role, i) => html`<button part="role-button" class=${role.id === chosen ? 'primary' : ''} data-role=${role.id}
            aria-pressed=${role.id === chosen} @click=${() => this.#choose(role.id)}>${names[i]}</button>`,
        )}
      </fieldset>
      <p part="status" role="status">${this.status}</p>`;
  }

  /** Stacked bars, one per role and one segment per activity, with a text alternative and a legend. */
  #renderChart(result: CommitmentResult, activities: { id: string; name: string }[], names: string[], totals: string[]) {
    const l = this.#l;
    const max = Math.max(1, ...result.roles.map((role) => role.weeklyHours));
    const colour = (id: string) => `c${activities.findIndex((a) => a.id === id) % 5}`;
    const desc = l.list(
      result.roles.map((role, i) => `${totals[i]} (${l.list(role.activities.map((a) => `${this.#name(a)} ${this.#spoken(a.hours, a)}`))})`),
    );
    const bar = (role: RoleCommitment, i: number) => {
      const y = i * ROW;
      let x = 0;
      const segments = role.activities.map((a) => {
        const width = (a.hours / max) * 100;
        x += width;
        return svg`<rect class="${colour(a.id)} ${a.atLeast ? 'min' : ''}" x="${x - width}%" y=${y + BAR_TOP} width="${width}%" height="22"></rect>`;
      });
      return svg`<text y=${y + 16}>${names[i]}</text>
        <text class="total" x="100%" y=${y + 16}>${this.#figure(role.weeklyHours, role, this.#hr(role.weeklyHours))[0]}</text>
        <rect class="track" x="0" y=${y + BAR_TOP} width="100%" height="22"></rect>
        ${segments}`;
    };
    return html`<figure part="chart">
      <svg width="100%" height=${result.roles.length * ROW} role="img" aria-labelledby="chart-title chart-desc">
        <title id="chart-title">${l.t('chart')}</title>
        <desc id="chart-desc">${desc}</desc>
        ${result.roles.map(bar)}
      </svg>
      <ul part="legend">${activities.map((a) => html`<li class=${colour(a.id)}>${this.#name(a)}</li>`)}</ul>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'commitment-calculator': CommitmentCalculator;
  }
  interface GlobalEventHandlersEventMap {
    'commitment-change': CustomEvent<CommitmentChangeDetail>;
  }
}
