import { html, nothing, svg, type CSSResultArray, type PropertyValues, type TemplateResult } from 'lit';
import type { ChangeEvent, MentorshipClient } from '../../sdk/client.js';
import { readSessionsJson, sessionEnd, sessionsToCsv, sessionsToJson } from '../../sdk/export/csv.js';
import { toIcs } from '../../sdk/export/ics.js';
import { SESSION_ACTIVITIES } from '../../sdk/constants.js';
import type { Booking, CommitmentModel, Mentor, Plan, Session, SessionInput } from '../../sdk/schemas.js';
import { LocalizeController } from '../shared/localize.js';
import { toMentorshipError } from '../../sdk/errors.js';
import { MkElement, type MentorshipErrorDetail } from '../shared/mk-element.js';
import { parseNumberAttribute } from '../shared/parse-attribute.js';
import { addWeeks, firstDayOfWeek, SessionIndex, streakOfWeeks, weekStart } from './session-index.js';
import { en } from './session-tracker.messages.js';
import { styles } from './session-tracker.styles.js';

export interface SessionChangeDetail {
  kind: 'added' | 'updated' | 'removed';
  session: Session;
}

type Field = 'start' | 'minutes' | 'tags';
type FieldErrors = Partial<Record<Field, string>>;
interface Notice {
  text: string;
  error?: boolean;
  /** A removed session the notice offers to put back. */
  undo?: Session;
}
type ExportKind = 'csv' | 'json' | 'ics';

/** Weeks shown at first and added by "Show older weeks". */
const PAGE_WEEKS = 4;
/** Rows shown per week before "Show N more from this week". */
const WEEK_ROWS = 50;
const DAY = 86_400_000;
const DATE_TIME: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' };

/** "2026-01-07T10:30" in local time, the value format of `<input type="datetime-local">`. */
const localInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/**
 * The mentee's panel: log mentorship sessions, see this week's hours against the weekly goal,
 * a streak and a chart of recent weeks, mark booked sessions done, export and import.
 *
 * Sessions are grouped by week (the first day of the week follows the locale) and shown a few
 * weeks at a time, so 10,000 sessions stay fast; changes from other tabs appear at once.
 *
 * @summary Log sessions, track weekly hours against the plan, export and import.
 *
 * @fires {CustomEvent<SessionChangeDetail>} session-change - after a session was added, edited,
 * deleted, restored (undo, `added`), logged from a booking or imported through this element.
 * @fires {CustomEvent<MentorshipErrorDetail>} mentorship-error - an attribute is invalid, an
 * imported file is unusable, or loading or saving failed.
 *
 * @csspart base - the wrapper around everything.
 * @csspart add-form - the quick-add form.
 * @csspart notice - the live region with confirmations, the undo button and import summaries.
 * @csspart progress - this week's hours, the goal meter and the streak.
 * @csspart meter - the `<meter>` of this week's hours against the goal.
 * @csspart chart - the SVG chart of recent weeks.
 * @csspart upcoming - the list of booked sessions.
 * @csspart filters - the activity and tag filters.
 * @csspart week - one week's group of sessions.
 * @csspart session - one session row.
 * @csspart session-form - the inline edit form.
 * @csspart badge - the tag, "Booked" and "Waiting to sync" badges.
 * @csspart more-button - "Show older weeks".
 * @csspart export - the export links and the import control.
 * @csspart error - the list of configuration problems.
 *
 * @cssprop --mk-tracker-row-bg - background of a session row (default: `--mk-color-surface-alt`).
 * @cssprop --mk-tracker-badge-bg - background of badges (default: `--mk-color-surface`).
 * @cssprop --mk-tracker-badge-text - text of badges (default: `--mk-color-text-muted`).
 * @cssprop --mk-tracker-pending-color - the "Waiting to sync" badge (default: `--mk-color-warning`).
 * @cssprop --mk-tracker-goal-color - the chart's goal line (default: `--mk-color-text`).
 * @cssprop --mk-tracker-meter-color - the goal meter (default: `--mk-color-primary`).
 */
export class SessionTracker extends MkElement {
  static override styles = [...(MkElement.styles as CSSResultArray), styles];

  static override properties = {
    ...MkElement.properties,
    weeklyGoal: { type: Number, attribute: 'weekly-goal', reflect: true },
    weeks: { type: Number, reflect: true },
    mentee: { type: String, reflect: true },
    readonly: { type: Boolean, reflect: true },
    today: { attribute: false },
  };

  /**
   * Hours a week to aim for (0–168). Unset: the weekly hours of the plan chosen in
   * `<commitment-calculator>` (`client.plan`), else no goal. `0` turns the goal off.
   */
  declare weeklyGoal: number | null | undefined;
  /** How many recent weeks the chart shows (1–52, default 8). */
  declare weeks: number;
  /** Whose sessions to show: with the HTTP backend, sessions of other mentees are hidden. */
  declare mentee: string;
  /** Shows sessions, progress and exports only: no adding, editing, deleting or importing. */
  declare readonly: boolean;
  /** The date the tracker treats as now (previews and tests); unset: the real clock. */
  declare today: Date | undefined;

  private readonly l = new LocalizeController(this, 'session-tracker', { en });
  private index = new SessionIndex();
  private loaded = false;
  private queued: ChangeEvent[] | null = null;
  private plan: Plan | null = null;
  private models: CommitmentModel[] = [];
  private mentors: Mentor[] = [];
  private bookings = new Map<string, Booking>();
  private pending = new Set<string>();
  private notice?: Notice;
  private editing?: string;
  private addErrors: FieldErrors = {};
  private editErrors: FieldErrors = {};
  private activityFilter = '';
  private tagFilter = '';
  private shown = PAGE_WEEKS;
  private expanded = new Set<number>();
  private lastActivity?: string;
  private importing = false;
  private loadError = '';
  private urls: Partial<Record<ExportKind, string>> = {};

  constructor() {
    super();
    this.weeks = 8;
    this.mentee = '';
    this.readonly = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const url of Object.values(this.urls)) URL.revokeObjectURL(url);
    this.urls = {};
  }

  override clientChanged(client: MentorshipClient): void {
    void this.load(client);
  }

  private async load(client = this.client): Promise<void> {
    if (!client) return;
    this.loaded = false;
    this.queued = [];
    this.viewState = 'loading';
    const soft = <T>(p: Promise<T>, fallback: T) => p.catch(() => fallback);
    try {
      const [sessions, plan, bookings, pending, catalog] = await Promise.all([
        client.sessions.list(),
        soft(client.plan.get(), null),
        soft(client.bookings.list(), []),
        soft(client.sync.pending(), []),
        soft(client.catalog.get(), null),
      ]);
      if (client !== this.client) return;
      this.index.reset(sessions.filter((s) => this.accepts(s)));
      this.plan = plan;
      this.bookings = new Map(bookings.map((b) => [b.id, b]));
      this.pending = new Set(pending);
      this.models = catalog?.commitmentModels ?? [];
      this.mentors = catalog?.mentors ?? [];
      this.loaded = true;
      for (const event of this.queued.splice(0)) this.clientChange(event);
    } catch (error) {
      this.viewState = 'error';
      this.loadError = this.fail('load', error);
    }
    this.queued = null;
    this.requestUpdate();
  }

  override clientChange(event: ChangeEvent): void {
    if (this.queued) {
      this.queued.push(event);
      return;
    }
    if (event.resource === 'session') {
      const { session } = event;
      if (event.kind !== 'removed' && this.accepts(session)) this.index.put(session);
      else this.index.remove(session.id);
      if (event.kind === 'removed' && this.editing === session.id) this.editing = undefined;
      if (this.importing && !event.remote && event.kind === 'added') this.emit<SessionChangeDetail>('session-change', { kind: 'added', session });
    } else if (event.resource === 'booking') this.bookings.set(event.booking.id, event.booking);
    else if (event.resource === 'plan') this.plan = event.plan;
    else if (event.resource === 'sync') this.pending = new Set(event.pendingSessionIds);
    this.requestUpdate();
  }

  /** Fires `mentorship-error` for a failed operation; returns the message to show. */
  private fail(source: string, error: unknown): string {
    const { code, message, issues } = toMentorshipError(error, 'storage');
    this.emit<MentorshipErrorDetail>('mentorship-error', { element: this.localName, source, code, message, issues });
    return message;
  }

  private accepts(session: Session): boolean {
    return !this.mentee || !session.menteeId || session.menteeId === this.mentee;
  }

  private now(): Date {
    return this.today ?? new Date();
  }

  /** The weekly goal in hours, or undefined for none. */
  private get goal(): number | undefined {
    const own = this.weeklyGoal;
    const goal = own !== null && own !== undefined && !this.configErrors.has('weekly-goal') ? own : this.plan?.weeklyHours;
    return goal && goal > 0 ? goal : undefined;
  }

  private get chartWeeks(): number {
    return this.configErrors.has('weeks') ? 8 : this.weeks;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('weeklyGoal')) this.check('weekly-goal', this.weeklyGoal, 168, false);
    if (changed.has('weeks')) this.check('weeks', this.weeks, 52, true, 1);
    if (changed.has('mentee') && this.loaded) void this.load();
    const firstDay = firstDayOfWeek(this.l.lang);
    if (firstDay !== this.index.firstDay) {
      const all = this.index.byId.values();
      this.index = new SessionIndex(firstDay);
      this.index.reset(all);
    }
    if (this.loaded) this.viewState = this.index.size || this.upcoming().length ? 'ready' : 'empty';
  }

  private check(attribute: string, value: number | null | undefined, max: number, integer: boolean, min = 0): void {
    const parsed = value === null || value === undefined ? null : parseNumberAttribute(this.getAttribute(attribute) ?? String(value), { min, max, integer });
    if (parsed && !parsed.ok) this.reportError(attribute, parsed.message);
    else this.clearError(attribute);
  }

  // ---- labels and formatting -------------------------------------------------------------

  private activityName(id: string): string {
    const key = `activity:${id}` as keyof typeof en;
    if (key in en) return this.l.t(key as 'activity:other');
    for (const model of this.models) {
      const item = model.kind === 'tiered' ? model.activities.find((a) => a.id === id) : model.sessions.find((s) => s.id === id);
      if (item) return item.name;
    }
    return id;
  }

  /** The activities to choose from: the plan's model when it has one, then the built-in list. */
  private activities(): string[] {
    const model = this.models.find((m) => m.id === this.plan?.modelId);
    const fromModel = model ? (model.kind === 'tiered' ? model.activities : model.sessions).map((a) => a.id) : [];
    return [...new Set([...fromModel, ...SESSION_ACTIVITIES])];
  }

  private when(iso: string): string {
    return this.l.date(iso, DATE_TIME);
  }

  private length(minutes: number): string {
    return this.l.number(minutes, { style: 'unit', unit: 'minute', unitDisplay: 'short' });
  }

  // ---- writes ----------------------------------------------------------------------------

  private async write(source: string, kind: SessionChangeDetail['kind'], text: string, operation: (client: MentorshipClient) => Promise<Session>) {
    const client = this.client;
    if (!client) return undefined;
    try {
      const session = await operation(client);
      this.notice = { text };
      this.emit<SessionChangeDetail>('session-change', { kind, session });
      this.requestUpdate();
      return session;
    } catch (error) {
      this.notice = { text: this.l.t('failed', this.fail(source, error)), error: true };
      this.requestUpdate();
      return undefined;
    }
  }

  private read(form: HTMLFormElement): { input?: SessionInput; errors: FieldErrors } {
    const data = new FormData(form);
    const get = (name: string) => String(data.get(name) ?? '').trim();
    const start = new Date(get('start'));
    const minutes = Number(get('minutes'));
    const tags = [...new Set(get('tags').split(',').map((t) => t.trim()).filter(Boolean))];
    const errors: FieldErrors = {};
    if (!get('start') || Number.isNaN(start.getTime())) errors.start = this.l.t('invalidStart');
    if (!Number.isInteger(minutes) || minutes < 15 || minutes > 600 || minutes % 15) errors.minutes = this.l.t('invalidMinutes');
    if (tags.length > 20 || tags.some((t) => t.length > 40)) errors.tags = this.l.t('invalidTags');
    if (Object.keys(errors).length) return { errors };
    const input = { start: start.toISOString(), minutes, activity: get('activity'), mentor: get('mentor'), notes: String(data.get('notes') ?? ''), tags };
    return { input, errors };
  }

  private async focusFirstInvalid(form: HTMLFormElement) {
    await this.updateComplete;
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private async add(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const { input, errors } = this.read(form);
    this.addErrors = errors;
    this.requestUpdate();
    if (!input) return void this.focusFirstInvalid(form);
    const session = await this.write('add', 'added', this.l.t('added'), (c) => c.sessions.add({ ...input, source: 'manual' }));
    if (session) {
      this.lastActivity = session.activity;
      form.reset();
    }
  }

  private async save(event: SubmitEvent, current: Session) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const { input, errors } = this.read(form);
    this.editErrors = errors;
    this.requestUpdate();
    if (!input) return void this.focusFirstInvalid(form);
    // Sends every field (source and booking id too) so nothing falls back to a default.
    const patch = { ...input, source: current.source, ...(current.bookingId ? { bookingId: current.bookingId } : {}) };
    const session = await this.write('edit', 'updated', this.l.t('saved'), (c) => c.sessions.update(current.id, patch));
    if (session) this.stopEditing(session.id);
  }

  private startEditing(session: Session) {
    this.editing = session.id;
    this.editErrors = {};
    this.requestUpdate();
    void this.updateComplete.then(() => this.row(session.id)?.querySelector<HTMLElement>('input')?.focus());
  }

  private stopEditing(id: string) {
    this.editing = undefined;
    this.requestUpdate();
    void this.updateComplete.then(() => this.row(id)?.querySelector<HTMLElement>('.edit')?.focus());
  }

  private row(id: string): HTMLElement | null | undefined {
    return this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`);
  }

  private async deleteSession(session: Session) {
    const removed = await this.write('delete', 'removed', this.l.t('deleted'), (c) => c.sessions.remove(session.id));
    if (!removed) return;
    this.notice = { text: this.l.t('deleted'), undo: removed };
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.undo')?.focus();
  }

  private async undo(session: Session) {
    const restored = await this.write('undo', 'added', this.l.t('restored'), (c) => c.sessions.restore(session));
    if (!restored) return;
    await this.updateComplete;
    (this.row(restored.id)?.querySelector<HTMLElement>('.edit') ?? this.renderRoot.querySelector<HTMLElement>('[part="notice"]'))?.focus();
  }

  private markDone(booking: Booking) {
    const minutes = Math.min(600, Math.max(15, Math.round((Date.parse(booking.end) - Date.parse(booking.start)) / 900_000) * 15));
    const activity = (SESSION_ACTIVITIES as readonly string[]).includes(booking.sessionTypeId) ? booking.sessionTypeId : 'other';
    const mentor = this.mentors.find((m) => m.id === booking.mentorId)?.name ?? '';
    return this.write('mark-done', 'added', this.l.t('added'), (c) =>
      c.sessions.add({ start: booking.start, minutes, activity, mentor, source: 'booking', bookingId: booking.id }),
    );
  }

  private async importFile(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    const client = this.client;
    if (!file || !client) return;
    let records: unknown[];
    try {
      records = readSessionsJson(await file.text());
    } catch (error) {
      this.notice = { text: this.l.t('importFailed', this.fail('import', error)), error: true };
      this.requestUpdate();
      return;
    }
    this.importing = true;
    try {
      const summary = await client.sessions.import(records);
      const invalid = summary.invalid.map((i) => i.message.replace(/^Invalid /, ''));
      this.notice = {
        text:
          this.l.t('importSummary', summary.imported, summary.alreadyThere, invalid.length, (n: number) => this.l.number(n)) +
          (invalid.length ? `: ${invalid.slice(0, 3).join('; ')}${invalid.length > 3 ? ' …' : ''}` : ''),
        error: invalid.length > 0,
      };
    } catch (error) {
      this.notice = { text: this.l.t('importFailed', this.fail('import', error)), error: true };
    } finally {
      this.importing = false;
      input.value = '';
    }
    this.requestUpdate();
  }

  /** Fills the link with a fresh Blob URL just before the browser follows it. */
  private prepareDownload(event: Event, kind: ExportKind) {
    const link = event.currentTarget as HTMLAnchorElement;
    const sessions = this.index.all().reverse();
    const text =
      kind === 'csv'
        ? sessionsToCsv(sessions)
        : kind === 'json'
          ? sessionsToJson(sessions)
          : toIcs(
              sessions.map((s) => ({
                uid: `${s.id}@mentorship-kit`,
                start: s.start,
                end: sessionEnd(s),
                summary: s.mentor ? `${this.activityName(s.activity)} · ${s.mentor}` : this.activityName(s.activity),
                description: s.notes || undefined,
                stamp: s.updatedAt,
              })),
            );
    const type = { csv: 'text/csv', json: 'application/json', ics: 'text/calendar' }[kind];
    if (this.urls[kind]) URL.revokeObjectURL(this.urls[kind]);
    link.href = this.urls[kind] = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
    link.download = `sessions-${localInput(this.now()).slice(0, 10)}.${kind}`;
  }

  /** Confirmed bookings not logged yet that start in the future or ended in the last week. */
  private upcoming(): Booking[] {
    const since = this.now().getTime() - 7 * DAY;
    return [...this.bookings.values()]
      .filter((b) => b.status === 'confirmed' && Date.parse(b.end) > since && !this.index.bookingIds.has(b.id) && (!this.mentee || !b.menteeId || b.menteeId === this.mentee))
      .sort((a, b) => (a.start < b.start ? -1 : 1));
  }

  // ---- rendering -------------------------------------------------------------------------

  override render() {
    const { l } = this;
    let body: TemplateResult;
    if (this.viewState === 'loading') {
      body = html`<div aria-busy="true"><span class="skeleton"></span><span class="skeleton"></span><span class="visually-hidden">${l.t('loading')}</span></div>`;
    } else if (this.viewState === 'error') {
      body = html`<div class="message error load-error" role="alert">
        <p>${l.t('loadFailed')} <span class="muted">${this.loadError}</span></p>
        <button @click=${() => this.load()}>${l.t('retry')}</button>
      </div>`;
    } else {
      body = html`${this.readonly ? nothing : this.renderAddForm()}
        <div class="notice" part="notice" role="status" tabindex="-1">${this.renderNotice()}</div>
        ${this.renderProgress()} ${this.renderUpcoming()} ${this.renderSessions()} ${this.renderExport()}`;
    }
    return html`${this.renderConfigErrors()}<div part="base" dir=${l.dir} lang=${l.lang}>${body}</div>`;
  }

  private renderNotice() {
    const notice = this.notice;
    if (!notice) return nothing;
    return html`<span class=${notice.error ? 'field-error' : ''}>${notice.text}</span>
      ${notice.undo ? html`<button class="undo" @click=${() => this.undo(notice.undo!)}>${this.l.t('undo')}</button>` : nothing}
      <button @click=${() => ((this.notice = undefined), this.requestUpdate())}>${this.l.t('dismiss')}</button>`;
  }

  private renderFields(prefix: string, errors: FieldErrors, session?: Session) {
    const { l } = this;
    const activity = session?.activity ?? this.lastActivity ?? this.index.latest?.activity ?? this.activities()[0];
    const activities = this.activities();
    if (activity && !activities.includes(activity)) activities.push(activity);
    const invalid = (field: Field) => (errors[field] ? 'true' : 'false');
    const describedBy = (field: Field) => (errors[field] ? `${prefix}-${field}-error` : nothing);
    const error = (field: Field) => (errors[field] ? html`<span class="field-error" id="${prefix}-${field}-error">${errors[field]}</span>` : nothing);
    return html`<div>
        <label>${l.t('start')}
          <input name="start" type="datetime-local" required value=${localInput(session ? new Date(session.start) : this.now())} aria-invalid=${invalid('start')} aria-describedby=${describedBy('start')} />
        </label>
        ${error('start')}
      </div>
      <div>
        <label>${l.t('minutes')}
          <input name="minutes" type="number" inputmode="numeric" min="15" max="600" step="15" required value=${session?.minutes ?? 60} aria-invalid=${invalid('minutes')} aria-describedby=${describedBy('minutes')} />
        </label>
        ${error('minutes')}
      </div>
      <label>${l.t('activity')}
        <select name="activity">
          ${activities.map((a) => html`<option value=${a} ?selected=${a === activity}>${this.activityName(a)}</option>`)}
        </select>
      </label>
      <label>${l.t('mentor')}
        <input name="mentor" maxlength="120" autocomplete="off" value=${session?.mentor ?? this.index.latest?.mentor ?? ''} />
      </label>
      <div>
        <label>${l.t('tags')}
          <input name="tags" autocomplete="off" value=${session?.tags.join(', ') ?? ''} aria-invalid=${invalid('tags')} aria-describedby=${describedBy('tags')} />
        </label>
        ${error('tags')}
      </div>
      <label class="wide">${l.t('notes')}
        <textarea name="notes" rows="2" maxlength="2000" .value=${session?.notes ?? ''}></textarea>
      </label>`;
  }

  private renderAddForm() {
    return html`<h3 id="add-title">${this.l.t('addTitle')}</h3>
      <form part="add-form" aria-labelledby="add-title" novalidate @submit=${this.add}>
        ${this.renderFields('add', this.addErrors)}
        <div class="actions"><button class="primary" type="submit">${this.l.t('add')}</button></div>
      </form>`;
  }

  private renderProgress() {
    const { l } = this;
    const goal = this.goal;
    const current = weekStart(this.now(), this.index.firstDay);
    const hours = this.index.hours(current);
    const oldest = this.index.keys.at(-1) ?? current;
    const streak = goal ? streakOfWeeks((k) => this.index.hours(k), goal, current, oldest) : 0;
    return html`<section part="progress" class="progress" aria-labelledby="progress-title">
      <h3 id="progress-title">${l.t('progressTitle')}</h3>
      <div>
        <strong id="week-label">${l.t('thisWeek')}:</strong>
        <span class="week-hours">${goal ? l.t('hoursOfGoal', l.hours(hours), l.hours(goal)) : l.t('hours', l.hours(hours))}</span>
      </div>
      ${goal
        ? html`<meter part="meter" aria-labelledby="week-label" min="0" max=${goal} value=${Math.min(hours, goal)}></meter>
            <p class="streak">${l.t('streak', l.plural(streak), l.number(streak))}</p>`
        : html`<p class="muted">${l.t('noGoal')}</p>`}
      ${this.renderChart(current, goal)}
    </section>`;
  }

  private renderChart(current: number, goal: number | undefined) {
    const { l } = this;
    const n = this.chartWeeks;
    const keys = Array.from({ length: n }, (_, i) => addWeeks(current, i - n + 1));
    const order = this.activities();
    const used = order.filter((a) => keys.some((k) => this.index.minutes.get(k)?.has(a)));
    for (const k of keys) for (const a of this.index.minutes.get(k)?.keys() ?? []) if (!used.includes(a)) used.push(a), order.push(a);
    const totals = keys.map((k) => this.index.hours(k));
    const max = Math.max(goal ?? 0, ...totals, 1) * 1.1;
    const [W, H, top] = [40, 120, 14];
    const y = (h: number) => top + H - (h / max) * H;
    const colour = (a: string) => `c${order.indexOf(a) % 8}`;
    const label = (k: number) => l.date(k, { day: 'numeric', month: 'numeric' });
    const onGoal = goal ? totals.filter((t) => t >= goal).length : 0;
    const title = l.t('chartTitle', n);
    const desc = l.t('chartDesc', l.hours(totals.at(-1)!), l.hours(totals.reduce((a, b) => a + b, 0) / n), goal ? l.t('weeksOnGoal', onGoal, n) : '');
    const bars = keys.map((k, i) => {
      let sum = 0;
      const x = i * W + 8;
      return svg`${used.map((a) => {
        const h = (this.index.minutes.get(k)?.get(a) ?? 0) / 60;
        if (!h) return nothing;
        sum += h;
        return svg`<rect class=${colour(a)} x=${x} width=${W - 12} y=${y(sum)} height=${(h / max) * H}></rect>`;
      })}${sum ? svg`<text x=${x + (W - 12) / 2} y=${y(sum) - 3} text-anchor="middle">${l.hours(sum)}</text>` : nothing}
      <text x=${x + (W - 12) / 2} y=${top + H + 13} text-anchor="middle">${label(k)}</text>`;
    });
    return html`<h4 id="chart-title">${title}</h4>
      <svg part="chart" role="img" aria-label="${title}. ${desc}" viewBox="0 0 ${n * W + 80} ${top + H + 20}">
        <line class="axis" x1="4" x2=${n * W + 4} y1=${top + H} y2=${top + H}></line>
        ${bars}
        ${goal ? svg`<line class="goal-line" x1="4" x2=${n * W + 4} y1=${y(goal)} y2=${y(goal)}></line><text x=${n * W + 8} y=${y(goal) + 3}>${l.t('goal', l.hours(goal))}</text>` : nothing}
      </svg>
      <p class="muted">${desc}</p>
      ${used.length
        ? html`<ul class="legend">
            ${used.map((a) => html`<li><svg viewBox="0 0 10 10" aria-hidden="true"><rect class=${colour(a)} width="10" height="10"></rect></svg>${this.activityName(a)}</li>`)}
          </ul>`
        : nothing}
      <details>
        <summary>${l.t('showTable')}</summary>
        <table>
          <thead>
            <tr><th scope="col">${l.t('week')}</th>${used.map((a) => html`<th scope="col">${this.activityName(a)}</th>`)}<th scope="col">${l.t('total')}</th></tr>
          </thead>
          <tbody>
            ${keys.map(
              (k, i) => html`<tr>
                <th scope="row">${l.date(k)}</th>
                ${used.map((a) => html`<td>${l.hours((this.index.minutes.get(k)?.get(a) ?? 0) / 60)}</td>`)}
                <td>${l.hours(totals[i]!)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </details>`;
  }

  private renderUpcoming() {
    const list = this.upcoming();
    if (!list.length) return nothing;
    return html`<section part="upcoming" aria-labelledby="upcoming-title">
      <h3 id="upcoming-title">${this.l.t('upcomingTitle')}</h3>
      <ul class="rows">
        ${list.map((b) => {
          const what = `${this.activityName(b.sessionTypeId)}, ${this.when(b.start)}`;
          const mentor = this.mentors.find((m) => m.id === b.mentorId)?.name;
          return html`<li data-booking=${b.id}>
            <span class="when">${this.when(b.start)}</span>
            <span class="what">${this.activityName(b.sessionTypeId)}</span>
            ${mentor ? html`<span>${mentor}</span>` : nothing}
            ${this.readonly
              ? nothing
              : html`<span class="row-actions"><button class="mark-done" aria-label=${this.l.t('markDoneLabel', what)} @click=${() => this.markDone(b)}>${this.l.t('markDone')}</button></span>`}
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private renderSessions() {
    const { l, index } = this;
    const filtering = Boolean(this.activityFilter || this.tagFilter);
    const matches = (s: Session) => (!this.activityFilter || s.activity === this.activityFilter) && (!this.tagFilter || s.tags.includes(this.tagFilter));
    const pages: { key: number; rows: Session[] }[] = [];
    let more = false;
    for (const key of index.keys) {
      const all = index.weeks.get(key)!;
      const rows = filtering ? all.filter(matches) : all;
      if (!rows.length) continue;
      if (pages.length === this.shown) {
        more = true;
        break;
      }
      pages.push({ key, rows });
    }
    const activities = [...new Set([...this.activities(), ...[...index.minutes.values()].flatMap((m) => [...m.keys()])])];
    const tags = [...index.tags.keys()].sort((a, b) => a.localeCompare(b, l.lang));
    const filter = (name: string, value: string, options: [string, string][], set: (v: string) => void) =>
      html`<label>${name}
        <select @change=${(e: Event) => (set((e.target as HTMLSelectElement).value), (this.shown = PAGE_WEEKS), this.requestUpdate())}>
          <option value="" ?selected=${!value}>${l.t('all')}</option>
          ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
        </select>
      </label>`;
    return html`<section aria-labelledby="sessions-title">
      <h3 id="sessions-title">${l.t('sessionsTitle')}</h3>
      ${index.size
        ? html`<div class="bar" part="filters">
            ${filter(l.t('filterActivity'), this.activityFilter, activities.map((a) => [a, this.activityName(a)]), (v) => (this.activityFilter = v))}
            ${tags.length ? filter(l.t('filterTag'), this.tagFilter, tags.map((t) => [t, t]), (v) => (this.tagFilter = v)) : nothing}
          </div>`
        : nothing}
      ${pages.length ? pages.map((page) => this.renderWeek(page.key, page.rows)) : html`<p class="message info">${l.t(index.size ? 'noMatches' : 'empty')}</p>`}
      ${more ? html`<button part="more-button" class="more" @click=${this.showOlder}>${l.t('olderWeeks')}</button>` : nothing}
    </section>`;
  }

  private async showOlder() {
    const first = this.shown;
    this.shown += PAGE_WEEKS;
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLElement>('.week h4')[first]?.focus();
  }

  private renderWeek(key: number, rows: Session[]) {
    const { l } = this;
    const open = this.expanded.has(key);
    const shown = open ? rows : rows.slice(0, WEEK_ROWS);
    const minutes = rows.reduce((sum, s) => sum + s.minutes, 0);
    return html`<section part="week" class="week">
      <h4 tabindex="-1">${l.t('weekOf', l.date(key))} · ${l.t('hoursShort', l.hours(minutes / 60))}</h4>
      <ul class="rows">
        ${shown.map((s) => this.renderRow(s))}
      </ul>
      ${rows.length > shown.length
        ? html`<button @click=${() => (this.expanded.add(key), this.requestUpdate())}>${l.t('moreInWeek', rows.length - shown.length)}</button>`
        : nothing}
    </section>`;
  }

  private renderRow(s: Session) {
    const { l } = this;
    if (this.editing === s.id) {
      return html`<li part="session" data-id=${s.id}>
        <form part="session-form" novalidate aria-label=${l.t('editLabel', this.when(s.start))} @submit=${(e: SubmitEvent) => this.save(e, s)}>
          ${this.renderFields('edit', this.editErrors, s)}
          <div class="actions">
            <button class="primary" type="submit">${l.t('save')}</button>
            <button type="button" @click=${() => this.stopEditing(s.id)}>${l.t('cancel')}</button>
          </div>
        </form>
      </li>`;
    }
    const when = this.when(s.start);
    return html`<li part="session" data-id=${s.id}>
      <span class="when">${when}</span>
      <span class="what">${this.activityName(s.activity)}</span>
      <span class="length">${this.length(s.minutes)}</span>
      ${s.mentor ? html`<span class="mentor">${s.mentor}</span>` : nothing}
      ${s.tags.map((t) => html`<span class="badge" part="badge">${t}</span>`)}
      ${s.source === 'booking' ? html`<span class="badge" part="badge">${l.t('booked')}</span>` : nothing}
      ${this.pending.has(s.id) ? html`<span class="badge pending" part="badge">${l.t('pending')}</span>` : nothing}
      ${this.readonly
        ? nothing
        : html`<span class="row-actions">
            <button class="edit" aria-label=${l.t('editLabel', when)} @click=${() => this.startEditing(s)}>${l.t('edit')}</button>
            <button class="delete" aria-label=${l.t('deleteLabel', when)} @click=${() => this.deleteSession(s)}>${l.t('delete')}</button>
          </span>`}
      ${s.notes ? html`<p class="notes">${s.notes}</p>` : nothing}
    </li>`;
  }

  private renderExport() {
    const { l } = this;
    const link = (kind: ExportKind, text: string) => html`<a href="#" download @click=${(e: Event) => this.prepareDownload(e, kind)} data-export=${kind}>${text}</a>`;
    return html`<section part="export" aria-labelledby="export-title">
      <h3 id="export-title">${l.t('exportTitle')}</h3>
      <div class="bar">
        ${link('csv', l.t('exportCsv'))} ${link('json', l.t('exportJson'))} ${link('ics', l.t('exportIcs'))}
        ${this.readonly ? nothing : html`<label>${l.t('importLabel')} <input type="file" accept=".json,application/json" @change=${this.importFile} /></label>`}
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'session-tracker': SessionTracker;
  }
  interface GlobalEventHandlersEventMap {
    'session-change': CustomEvent<SessionChangeDetail>;
  }
}
