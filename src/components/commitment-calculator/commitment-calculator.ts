import { html, nothing, svg, type CSSResultArray, type PropertyValues } from 'lit';
import type { ChangeEvent } from '../../sdk/client.js';
import {
  COMMITMENT_LIMITS,
  computeCommitment,
  isValidCommitmentValue,
  parseCommitmentModel,
  THREE_TIER_MODEL,
  type CommitmentField,
  type CommitmentInput,
  type CommitmentResult,
  type RoleCommitment,
} from '../../sdk/commitment.js';
import { MentorshipError } from '../../sdk/errors.js';
import type { CommitmentModel } from '../../sdk/schemas.js';
import { LocalizeController } from '../shared/localize.js';
import { MkElement } from '../shared/mk-element.js';
import { en, type CalculatorMessages } from './commitment-calculator.messages.js';
import { styles } from './commitment-calculator.styles.js';

/** Detail of `commitment-change`: the inputs used and every role's figures. */
export interface CommitmentChangeDetail {
  input: CommitmentInput;
  result: CommitmentResult;
}

/** Number attributes keep a typo visible as NaN (Lit's Number turns "" into 0). */
const numberAttribute = {
  fromAttribute: (value: string | null) => (value === null ? undefined : value.trim() === '' ? Number.NaN : Number(value)),
  toAttribute: (value: number | undefined) => (value === undefined ? null : String(value)),
};

type Label = 'mentees' | 'weeks' | 'available';
/** Field → attribute → label key. */
const FIELDS: [CommitmentField, string, Label][] = [
  ['menteesPerMentor', 'mentees-per-mentor', 'mentees'],
  ['weeks', 'weeks', 'weeks'],
  ['availableHours', 'available-hours', 'available'],
];

/** Message-key prefixes for the built-in models, whose data carries English names. */
const BUILT_IN: Record<string, string> = { 'three-tier': 'n:t:', 'coaching-cadence': 'n:c:' };
const NBSP = '\u00a0';

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
  static override styles = [...(MkElement.styles as CSSResultArray), styles];

  static override properties = {
    ...MkElement.properties,
    menteesPerMentor: { type: Number, attribute: 'mentees-per-mentor', reflect: true, converter: numberAttribute },
    weeks: { type: Number, reflect: true, converter: numberAttribute },
    availableHours: { type: Number, attribute: 'available-hours', reflect: true, converter: numberAttribute },
    selectedRole: { type: String, attribute: 'selected-role', reflect: true },
    program: { type: String, reflect: true },
    modelSrc: { type: String, attribute: 'model-src', reflect: true },
    model: { attribute: false },
    active: { state: true },
    result: { state: true },
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
  declare protected status: string;

  /** The last valid inputs; a bad value keeps these. */
  input: CommitmentInput = { menteesPerMentor: 3, weeks: 12 };
  private readonly l = new LocalizeController<CalculatorMessages>(this, 'commitment-calculator', { en });
  private token = 0;
  private planProgramId?: string;
  private savedRole?: string;

  constructor() {
    super();
    this.menteesPerMentor = 3;
    this.weeks = 12;
    this.status = '';
  }

  override clientChanged(): void {
    if (this.hasUpdated) void this.resolve();
  }

  override clientChange(event: ChangeEvent): void {
    if (event.resource !== 'plan' || this.model || this.modelSrc || this.program) return;
    if (event.plan.programId !== this.planProgramId) void this.resolve();
    else this.planRole = event.plan.modelId === this.active?.id ? event.plan.roleId : undefined;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    let inputChanged = false;
    for (const [field, attr, label] of FIELDS) {
      if (!changed.has(field)) continue;
      const value = this[field];
      if (value === undefined || value === null) {
        // Only available-hours may be unset; the others keep their last valid value.
        if (field === 'availableHours') {
          this.clearError(attr);
          inputChanged ||= this.input.availableHours !== undefined;
          const { availableHours: _, ...rest } = this.input;
          this.input = rest;
        }
      } else if (isValidCommitmentValue(field, value)) {
        this.clearError(attr);
        inputChanged ||= this.input[field] !== value;
        this.input = { ...this.input, [field]: value };
      } else {
        this.fieldError(field, attr, label, this.getAttribute(attr) ?? String(value));
      }
    }
    if (!this.hasUpdated || changed.has('model') || changed.has('modelSrc') || changed.has('program')) void this.resolve();
    else if (inputChanged) this.compute(true);
    if (changed.has('selectedRole') || changed.has('result')) {
      const id = this.selectedRole;
      if (id && this.result && !this.result.roles.some((r) => r.id === id)) this.reportError('selected-role', this.l.t('noRole', id));
      else this.clearError('selected-role');
    }
  }

  private fieldError(field: CommitmentField, attr: string, label: Label, raw: string): void {
    const { min, max, integer } = COMMITMENT_LIMITS[field];
    this.reportError(attr, this.l.t('invalid', this.l.t(label), raw, this.l.number(min), this.l.number(max), integer));
  }

  /** Finds and validates the model to use; stale answers (a newer call started) are dropped. */
  private async resolve(): Promise<void> {
    const token = ++this.token;
    const client = this.client;
    const source = this.model ? 'model' : this.modelSrc ? 'model-src' : this.program ? 'program' : 'plan';
    if (!this.result) this.viewState = 'loading';
    try {
      let model: CommitmentModel | undefined = THREE_TIER_MODEL;
      let planRole: string | undefined;
      if (this.model) model = parseCommitmentModel(this.model);
      else if (this.modelSrc) model = parseCommitmentModel(await this.fetchJson(this.modelSrc));
      else if (client) {
        const plan = this.program ? null : await client.plan.get();
        this.planProgramId = plan?.programId;
        const programId = this.program || plan?.programId;
        // A program stored in the plan that the catalog no longer has: fall back to the default.
        const program = programId ? await client.programs.get(programId).catch((e) => (this.program ? Promise.reject(e) : undefined)) : undefined;
        if (program) model = program.commitmentModelId ? await client.models.get(program.commitmentModelId) : this.program ? undefined : model;
        if (model && plan?.modelId === model.id) planRole = plan.roleId;
      }
      if (token !== this.token) return;
      for (const s of ['model', 'model-src', 'program', 'plan']) this.clearError(s);
      this.planRole = planRole;
      this.active = model;
      if (!model) {
        this.result = undefined;
        this.viewState = 'empty';
        return;
      }
      this.compute(false);
      this.viewState = 'ready';
    } catch (error) {
      if (token !== this.token) return;
      this.reportError(source, error, source === 'model-src' ? 'network' : 'invalid-input');
      if (!this.result) this.viewState = 'error';
    }
  }

  private async fetchJson(src: string): Promise<unknown> {
    const response = await fetch(new URL(src, document.baseURI));
    if (!response.ok) throw new MentorshipError('network', this.l.t('httpError', String(response.status), src));
    try {
      return await response.json();
    } catch (cause) {
      throw new MentorshipError('bad-response', this.l.t('notJson', src), { cause });
    }
  }

  private compute(fromInput: boolean): void {
    if (!this.active) return;
    const input = { ...this.input };
    this.result = computeCommitment(this.active, input);
    this.emit<CommitmentChangeDetail>('commitment-change', { input, result: this.result });
    // Keep the saved plan's weekly hours true when the visitor changes X after choosing.
    if (fromInput && this.savedRole) void this.save(this.savedRole, false);
  }

  private onInput(field: CommitmentField, attr: string, label: Label, event: Event): void {
    const raw = (event.target as HTMLInputElement).value.trim();
    const value = raw === '' ? (field === 'availableHours' ? undefined : Number.NaN) : Number(raw);
    if (value !== undefined && !isValidCommitmentValue(field, value)) return this.fieldError(field, attr, label, raw);
    this.clearError(attr);
    (this as Record<CommitmentField, number | undefined>)[field] = value;
  }

  private choose(role: RoleCommitment): void {
    this.selectedRole = role.id;
    void this.save(role.id, true);
  }

  private async save(id: string, announce: boolean): Promise<void> {
    const role = this.result?.roles.find((r) => r.id === id);
    const client = this.client;
    if (!role || !client || !this.active) return;
    const programId = this.program || this.planProgramId;
    const roleName = this.name(role.id, role.name);
    try {
      await client.plan.update({
        modelId: this.active.id,
        roleId: role.id,
        roleName,
        weeklyHours: role.weeklyHours,
        menteesPerMentor: this.input.menteesPerMentor,
        ...(programId ? { programId } : {}),
      });
      this.clearError('plan');
      this.savedRole = id;
      if (announce) this.status = this.l.t('saved', roleName, this.spoken(role.weeklyHours, role.atLeast));
    } catch (error) {
      this.reportError('plan', error, 'storage');
    }
  }

  /** Localized name of a built-in model's role or activity; a custom model's own name. */
  private name(id: string, fallback: string): string {
    const key = `${BUILT_IN[this.active?.id ?? ''] ?? '-'}${id}`;
    return key in en ? this.l.t(key as keyof CalculatorMessages) : fallback;
  }

  private hr(value: number): string {
    return this.l.number(value, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 2 });
  }

  /** "at least 7 hr", "about 4 hr", "8 hr": for live regions and text alternatives. */
  private spoken(value: number, atLeast: boolean, approximate = false): string {
    const text = this.hr(value);
    return atLeast ? this.l.t('atLeast', text) : approximate && value > 0 ? this.l.t('about', text) : text;
  }

  /** "≥ 2" / "≈ 4" on screen, "at least 2" / "about 4" for screen readers. */
  private value(value: number, atLeast: boolean, approximate = false) {
    const text = this.l.hours(value);
    if (!atLeast && !(approximate && value > 0)) return text;
    return html`<span aria-hidden="true">${atLeast ? '≥' : '≈'}${NBSP}${text}</span><span class="visually-hidden"
        >${this.l.t(atLeast ? 'atLeast' : 'about', text)}</span
      >`;
  }

  override render() {
    const t = this.l.t.bind(this.l);
    return html`<div part="base" dir=${this.l.dir} aria-busy=${this.viewState === 'loading' ? 'true' : 'false'}>
      ${this.renderConfigErrors()}
      ${this.viewState === 'loading'
        ? html`<p class="visually-hidden">${t('loading')}</p>
            <span class="skeleton" part="skeleton"></span><span class="skeleton" part="skeleton"></span>`
        : this.viewState === 'error'
          ? html`<div class="message error">
              <p>${t('failed')}</p>
              <button type="button" @click=${() => void this.resolve()}>${t('retry')}</button>
            </div>`
          : this.viewState === 'empty' || !this.result || !this.active
            ? html`<p class="message info">${t('empty')}</p>`
            : this.renderReady(this.result, this.active)}
    </div>`;
  }

  private field(field: CommitmentField, attr: string, label: Label, hint: string, step: string) {
    const { min, max } = COMMITMENT_LIMITS[field];
    return html`<label part="field"
      >${this.l.t(label)}
      <input
        part="input"
        type="number"
        inputmode="decimal"
        name=${attr}
        min=${min}
        max=${max}
        step=${step}
        .value=${String(this.input[field] ?? '')}
        aria-invalid=${this.configErrors.has(attr) ? 'true' : 'false'}
        aria-describedby="${attr}-hint"
        @input=${(e: Event) => this.onInput(field, attr, label, e)}
      />
      <span class="hint" id="${attr}-hint">${hint}</span>
    </label>`;
  }

  private renderReady(r: CommitmentResult, model: CommitmentModel) {
    const l = this.l;
    const t = l.t.bind(l);
    const tiered = model.kind === 'tiered';
    const activities = (tiered ? model.activities : model.sessions).map((a) => [a.id, this.name(a.id, a.name)] as const);
    const roleNames = r.roles.map((role) => this.name(role.id, role.name));
    const chosen = this.selectedRole ?? this.planRole;
    const available = this.input.availableHours;
    const cls = (role: RoleCommitment) => (role.id === chosen ? 'chosen' : '');
    const lim = COMMITMENT_LIMITS;

    let summary = t('summary', l.list(r.roles.map((role, i) => `${roleNames[i]}: ${this.spoken(role.weeklyHours, role.atLeast)}`)));
    if (available !== undefined) {
      const fit = r.roles.flatMap((role, i) => (role.fits ? [roleNames[i]!] : []));
      summary += ` ${fit.length ? t('fitSummary', l.list(fit)) : t('noFit')}`;
    }

    return html`
      <div part="inputs">
        ${tiered
          ? this.field('menteesPerMentor', 'mentees-per-mentor', 'mentees', t('menteesHint', l.number(lim.menteesPerMentor.min), l.number(lim.menteesPerMentor.max)), '1')
          : nothing}
        ${this.field('weeks', 'weeks', 'weeks', t('weeksHint', l.number(lim.weeks.min), l.number(lim.weeks.max)), '1')}
        ${this.field('availableHours', 'available-hours', 'available', t('availableHint'), '0.5')}
      </div>

      <p part="summary" aria-live="polite">${summary}</p>

      <div class="table-wrap">
        <table part="table">
          <caption>
            ${t('caption', this.modelName(model))}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t('activity')}</th>
              ${r.roles.map((role, i) => html`<th scope="col" class=${cls(role)}>${roleNames[i]}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${activities.map(
              ([id, name]) => html`<tr>
                <th scope="row">${name}</th>
                ${r.roles.map((role) => {
                  const a = role.activities.find((x) => x.id === id);
                  return html`<td class=${cls(role)}>
                    ${a
                      ? this.value(a.hours, a.atLeast, a.approximate)
                      : html`<span aria-hidden="true">—</span><span class="visually-hidden">${t('none')}</span>`}
                  </td>`;
                })}
              </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr data-row="total">
              <th scope="row">${t('total')}</th>
              ${r.roles.map((role) => html`<td class=${cls(role)}>${this.value(role.weeklyHours, role.atLeast)}</td>`)}
            </tr>
            <tr data-row="cycle">
              <th scope="row">${t('cycle', l.number(this.input.weeks), l.plural(this.input.weeks))}</th>
              ${r.roles.map((role) => html`<td class=${cls(role)}>${this.value(role.cycleHours, role.atLeast)}</td>`)}
            </tr>
            ${tiered
              ? html`<tr data-row="people">
                  <th scope="row">${t('people')}</th>
                  ${r.roles.map((role) => html`<td class=${cls(role)}>${l.number(role.people)}</td>`)}
                </tr>`
              : nothing}
            ${available !== undefined
              ? html`<tr data-row="fit">
                  <th scope="row">${t('fitHead', this.hr(available))}</th>
                  ${r.roles.map(
                    (role) => html`<td class="${cls(role)} ${role.fits ? 'fit' : 'misfit'}">
                      ${role.fits ? t('fits') : t('over', this.hr(role.weeklyHours - available))}
                    </td>`,
                  )}
                </tr>`
              : nothing}
          </tfoot>
        </table>
      </div>

      ${this.renderChart(r, activities, roleNames)}
      ${tiered ? html`<p part="reach">${t('reach', l.number(r.reach), l.plural(r.reach))}</p>` : nothing}

      <fieldset part="roles">
        <legend>${t('choose')}</legend>
        ${r.roles.map(
          (role, i) => html`<button
            type="button"
            part="role-button"
            data-role=${role.id}
            aria-pressed=${role.id === chosen ? 'true' : 'false'}
            @click=${() => this.choose(role)}
          >
            ${roleNames[i]}
          </button>`,
        )}
      </fieldset>
      <p part="status" role="status">${this.status}</p>
    `;
  }

  private modelName(model: CommitmentModel): string {
    const key = `n:${model.id}`;
    return model.id in BUILT_IN && key in en ? this.l.t(key as keyof CalculatorMessages) : model.name;
  }

  private renderChart(r: CommitmentResult, activities: (readonly [string, string])[], roleNames: string[]) {
    const t = this.l.t.bind(this.l);
    const max = Math.max(1, ...r.roles.map((role) => role.weeklyHours));
    const left = 190;
    const width = 340;
    const color = (id: string) => `c${activities.findIndex(([a]) => a === id) % 5}`;
    const desc = this.l.list(
      r.roles.map((role, i) => {
        const parts = role.activities.map((a) => `${this.name(a.id, a.name)} ${this.spoken(a.hours, a.atLeast, a.approximate)}`);
        return `${roleNames[i]}: ${this.spoken(role.weeklyHours, role.atLeast)} (${this.l.list(parts)})`;
      }),
    );
    return html`<figure part="chart">
      <svg viewBox="0 0 640 ${r.roles.length * 40}" role="img" aria-labelledby="chart-title chart-desc">
        <title id="chart-title">${t('chart')}</title>
        <desc id="chart-desc">${desc}</desc>
        ${r.roles.map((role, i) => {
          const y = i * 40 + 8;
          let x = left;
          return svg`<text x="0" y=${y + 17}>${roleNames[i]}</text>
            <rect class="track" x=${left} y=${y} width=${width} height="24" rx="3"></rect>
            ${role.activities.map((a) => {
              const w = (a.hours / max) * width;
              const segment = svg`<rect class="${color(a.id)} ${a.atLeast ? 'min' : ''}" x=${x} y=${y} width=${w} height="24"></rect>`;
              x += w;
              return segment;
            })}
            <text x=${x + 8} y=${y + 17}>${role.atLeast ? `≥${NBSP}` : ''}${this.hr(role.weeklyHours)}</text>`;
        })}
      </svg>
      <ul part="legend">
        ${activities.map(([id, name]) => html`<li><span class="swatch ${color(id)}"></span>${name}</li>`)}
      </ul>
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
