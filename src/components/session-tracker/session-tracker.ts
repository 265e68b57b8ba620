import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ChangeEvent, ImportSummary, MentorshipClient } from '../../sdk/client.js';
import { SESSION_ACTIVITIES } from '../../sdk/constants.js';
import type { Booking, Catalog, CommitmentModel, Plan, Session, SessionInput } from '../../sdk/schemas.js';
import { LazyModule } from '../shared/lazy-module.js';
import { LocalizeController } from '../shared/localize.js';
import { MkElement } from '../shared/mk-element.js';
import { parseNumberAttribute } from '../shared/parse-attribute.js';
import type { ExportKind } from './export.js';
import { SessionIndex, streakOfWeeks, weekStart } from './session-index.js';
import { SyncProblems } from './sync-problems.js';
import { en } from './session-tracker.messages.js';
import { styles } from './session-tracker.styles.js';

export type SessionChangeDetail =
  | { kind: 'added' | 'updated' | 'removed'; session: Session }
  /** One event for a whole import: its summary, with the sessions it stored. */
  | { kind: 'imported'; summary: ImportSummary };

/** The form fields the browser checks (`required`, `min`/`max`/`step`, the tag limits). */
const CHECKED_FIELDS = ['start', 'minutes', 'tags'] as const;
type CheckedField = (typeof CHECKED_FIELDS)[number];
type FormName = 'add' | 'edit';
type Filter = 'activity' | 'tag';
interface Notice {
  text: string;
  error?: boolean;
  /** What the notice's Undo does (put back a deleted session, take back an attendance). */
  undo?: () => unknown;
}

/** Weeks shown at first and added by "Show older weeks". */
const PAGE_WEEKS = 4;
/** Rows shown per week before "Show N more from this week". */
const WEEK_ROWS = 50;
const DATE_TIME: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' };

/** "2026-01-07T10:30" in local time, the value format of `<input type="datetime-local">`. */
const localInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** The selector of a session's row. */
const rowSelector = (id: string) => `[data-id="${CSS.escape(id)}"]`;

/** A commitment model's activities (tiered) or session types (cadence): ids with names. */
const itemsOf = (model: CommitmentModel): { id: string; name: string }[] => (model.kind === 'tiered' ? model.activities : model.sessions);

/**
 * The mentee's panel: log mentorship sessions, see this week's hours against the weekly goal,
 * a streak and a chart of recent weeks, mark past bookings attended or no-show, export and import.
 *
 * Sessions are grouped by week (the first day of the week follows the locale) and shown a few
 * weeks at a time, so 10,000 sessions stay fast; changes from other tabs appear at once.
 *
 * @summary Log sessions, track weekly hours against the plan, export and import.
 * @customElement session-tracker
 *
 * @fires {CustomEvent<SessionChangeDetail>} session-change - after a session was added, edited,
 * deleted, restored (undo, `added`), logged from a booking or counted by marking it attended
 * (`removed` when no-show or Undo takes that back); once per import through this
 * element (`imported`, with the summary and the sessions stored).
 * @fires {CustomEvent<MentorshipErrorDetail>} mentorship-error - an attribute is invalid, an
 * imported file is unusable, or loading or saving failed.
 *
 * @csspart base - the wrapper around everything.
 * @csspart add-form - the quick-add form.
 * @csspart notice - the live region with confirmations, the undo button and import summaries.
 * @csspart sync-problems - changes the server did not take (HTTP backend): which, why, and Retry / Discard.
 * @csspart progress - this week's hours, the goal meter and the streak.
 * @csspart meter - the `<meter>` of this week's hours against the goal.
 * @csspart chart - the SVG chart of recent weeks.
 * @csspart upcoming - the list of booked sessions.
 * @csspart attendance - bookings that have ended, each with "Attended" (counts it as a session of
 * its length, once) and "No-show"; the notice then offers Undo.
 * @csspart sessions - the logged sessions with their filters, by week.
 * @csspart filters - the activity and tag filters.
 * @csspart week - one week's group of sessions.
 * @csspart session - one session row.
 * @csspart session-form - the inline edit form.
 * @csspart badge - the tag, "Booked" and "Waiting to sync" badges.
 * @csspart more-button - "Show older weeks".
 * @csspart export - the export links and the import control.
 * @csspart empty - with no sessions yet: the weekly goal and the import control, in place of the
 * progress, the sessions and the export.
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
  static override styles = [MkElement.styles, styles];

  // Lit adds MkElement's properties (locale, theme, state) itself.
  static override properties = {
    weeklyGoal: { type: Number, attribute: 'weekly-goal', reflect: true },
    weeks: { type: Number, reflect: true },
    allowedMisses: { type: Number, attribute: 'allowed-misses', reflect: true },
    mentee: { reflect: true },
    readonly: { type: Boolean, reflect: true },
    today: { attribute: false },
    notice: { state: true },
    editing: { state: true },
    invalid: { state: true },
    filters: { state: true },
    shown: { state: true },
  };

  /**
   * Hours a week to aim for (0–168). Unset: the weekly hours of the plan chosen in
   * `<commitment-calculator>` (`client.plan`), else no goal. `0` turns the goal off.
   */
  declare weeklyGoal: number | null | undefined;
  /** How many recent weeks the chart shows (1–52, default 8). */
  declare weeks: number;
  /**
   * Weeks below the goal the streak forgives, in all (0–52, default 0): with 1, one missed week
   * neither counts nor ends the streak; the second does.
   */
  declare allowedMisses: number;
  /** Whose sessions to show: with the HTTP backend, sessions of other mentees are hidden. */
  declare mentee: string;
  /** Shows sessions, progress and exports only: no adding, editing, deleting or importing. */
  declare readonly: boolean;
  /** The date the tracker treats as now (previews and tests); unset: the real clock. */
  declare today: Date | undefined;

  private readonly l = new LocalizeController(this, 'session-tracker', { en });
  #index = new SessionIndex();
  /** Change events that arrive while loading, applied once the list is in; null when loaded. */
  #queued: ChangeEvent[] | null = [];
  #plan?: Plan | null;
  #catalog?: Catalog | null;
  #bookings = new Map<string, Booking>();
  #pending = new Set<string>();
  /** Sessions shown as soon as they were valid, their write not done yet. */
  #saving = new Set<string>();
  /** Changes the server did not take: refused queued writes, stale edits. */
  readonly #sync = new SyncProblems(this, this.l, {
    fail: (source, error) => this.#fail(source, error),
    describe: (s) => `${this.#when(s.start)}, ${this.l.number(s.minutes, { style: 'unit', unit: 'minute', unitDisplay: 'short' })}, ${this.#activityName(s.activity)}${s.notes ? ` “${s.notes}”` : ''}`,
    stopEditing: (id) => this.#stopEditing(id),
  });
  #loadError?: string;
  private notice?: Notice;
  /** Id of the session shown as the edit form. */
  private editing?: string;
  /** The fields each form's last submit found invalid. */
  private invalid: Partial<Record<FormName, CheckedField[]>> = {};
  private filters: Record<Filter, string> = { activity: '', tag: '' };
  private shown = PAGE_WEEKS;
  /**
   * Each session's row as last rendered, and what else it showed: a re-render (an add, a notice)
   * formats only the rows that changed. Emptied when what every row shows changes (#rowsContext);
   * a load (the only time the catalog changes) brings new session objects, so none is found then.
   */
  #rows = new WeakMap<Session, { saving: boolean; pending: boolean; row: TemplateResult }>();
  #rowsContext = '';
  /** Weeks showing all their rows, not only the first WEEK_ROWS. */
  #expanded = new Set<number>();
  /** The last download's Blob URL, revoked when the next one is made. */
  #downloadUrl = '';
  // Loaded on demand: the chart as the tracker first renders, exports and import on first use.
  #chart = new LazyModule(this, () => import('./chart.js'));
  #exporter = new LazyModule(this, () => import('./export.js'));
  #attendance = new LazyModule(this, () => import('./attendance.js'));

  constructor() {
    super();
    this.weeks = 8;
    this.allowedMisses = 0;
    this.mentee = '';
    this.readonly = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    URL.revokeObjectURL(this.#downloadUrl);
  }

  override clientChanged(client: MentorshipClient): void {
    this.#chart.load().catch(() => {}); // a failed load shows Retry in the chart's place
    void this.#load(client);
  }

  get #loaded(): boolean {
    return !this.#queued && this.viewState !== 'error';
  }

  async #load(client = this.client!): Promise<void> {
    this.#queued = [];
    this.viewState = 'loading';
    const soft = <T>(p: Promise<T>) => p.catch(() => null);
    try {
      const [sessions, plan, bookings, pending, catalog, failed] = await Promise.all([client.sessions.list(), soft(client.plan.get()), soft(client.bookings.list()), soft(client.sync.pending()), soft(client.catalog.get()), soft(client.sync.failed())]);
      if (client !== this.client) return;
      this.#index = new SessionIndex(this.#index.firstDay, sessions.filter((s) => this.#accepts(s)));
      this.#plan = plan;
      this.#catalog = catalog;
      this.#bookings = new Map(bookings?.map((b) => [b.id, b]));
      this.#pending = new Set(pending);
      this.#sync.failed = failed ?? [];
      const queued = this.#queued;
      this.#queued = null;
      queued.forEach((event) => this.clientChange(event));
    } catch (error) {
      this.viewState = 'error';
      this.#loadError = this.#fail('load', error);
      this.#queued = null;
    }
    this.requestUpdate();
  }

  override clientChange(event: ChangeEvent): void {
    if (this.#queued) return void this.#queued.push(event);
    if (event.resource === 'session') {
      const { session, kind } = event;
      this.#saving.delete(session.id);
      if (kind !== 'removed' && this.#accepts(session)) this.#index.put(session);
      else this.#index.remove(session.id);
      if (kind === 'removed' && this.editing === session.id) this.editing = undefined;
    } else if (event.resource === 'import') {
      for (const session of event.sessions) if (this.#accepts(session)) this.#index.put(session);
    } else if (event.resource === 'booking') this.#bookings.set(event.booking.id, event.booking);
    else if (event.resource === 'plan') this.#plan = event.plan;
    else if (event.resource === 'sync') {
      this.#pending = new Set(event.pendingSessionIds);
      this.#sync.failed = event.failed ?? [];
    }
    this.requestUpdate();
  }

  /** Fires `mentorship-error` for a failed operation; returns the message to show. */
  #fail(source: string, error: unknown): string {
    return this.reportError(source, error, 'storage', false).message;
  }

  /** Whether a session or booking belongs to the `mentee` shown (any, when unset). */
  #accepts({ menteeId }: { menteeId?: string | undefined }): boolean {
    return !this.mentee || !menteeId || menteeId === this.mentee;
  }

  #now(): Date {
    return this.today ?? new Date();
  }

  /** The weekly goal in hours, or undefined for none. */
  get #goal(): number | undefined {
    const goal = (this.configErrors.has('weekly-goal') ? null : this.weeklyGoal) ?? this.#plan?.weeklyHours;
    return goal && goal > 0 ? goal : undefined;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('weeklyGoal')) this.#check('weekly-goal', this.weeklyGoal, { min: 0, max: 168 });
    if (changed.has('weeks')) this.#check('weeks', this.weeks, { min: 1, max: 52, integer: true });
    if (changed.has('allowedMisses')) this.#check('allowed-misses', this.allowedMisses, { min: 0, max: 52, integer: true });
    if (changed.has('mentee') && this.client && this.#loaded) void this.#load();
    const firstDay = this.l.firstDayOfWeek;
    if (firstDay !== this.#index.firstDay) this.#index = new SessionIndex(firstDay, this.#index.byId.values());
    if (this.#loaded) this.viewState = this.#index.size || this.#upcoming().length || this.#awaiting().length ? 'ready' : 'empty';
    if (this.#awaiting().length && !this.#attendance.module) this.#attendance.load().catch(() => {}); // Retry shows in its place
  }

  /** Shows a problem with a number attribute, or clears it. */
  #check(attribute: string, value: number | null | undefined, range: Parameters<typeof parseNumberAttribute>[1]): void {
    const parsed = value === null || value === undefined ? null : parseNumberAttribute(this.getAttribute(attribute) ?? String(value), range);
    this.setError(attribute, parsed?.ok === false && parsed.message);
  }

  // ---- labels and formatting -------------------------------------------------------------

  #activityName(id: string): string {
    const key = `activity:${id}`;
    if (key in en) return this.l.t(key as 'activity:other');
    // A model's activity, else a session type (sessions counted from bookings carry its id).
    return [...(this.#catalog?.commitmentModels.flatMap(itemsOf) ?? []), ...(this.#catalog?.sessionTypes ?? [])].find((item) => item.id === id)?.name ?? id;
  }

  /**
   * The activities in a stable order: the plan's model's first when it has one, then the built-in
   * list, then any `extra` ones (from imported or older sessions).
   */
  #activities(...extra: string[]): string[] {
    const model = this.#catalog?.commitmentModels.find((m) => m.id === this.#plan?.modelId);
    return [...new Set([...(model ? itemsOf(model).map((a) => a.id) : []), ...SESSION_ACTIVITIES, ...extra])];
  }

  #mentorName(id: string): string | undefined {
    return this.#catalog?.mentors.find((m) => m.id === id)?.name;
  }

  #when(iso: string): string {
    return this.l.date(iso, DATE_TIME);
  }

  // ---- writes ----------------------------------------------------------------------------

  /**
   * Runs one write; then says `done` and fires `session-change`, or takes back what `failed` undoes
   * (a row shown before its write) and shows why it failed.
   */
  async #write(source: string, kind: 'added' | 'updated' | 'removed', done: 'added' | 'saved' | 'deleted' | 'restored', operation: (client: MentorshipClient) => Promise<Session>, failed?: () => void) {
    try {
      const session = await operation(this.client!);
      this.notice = { text: this.l.t(done) };
      this.emit<SessionChangeDetail>('session-change', { kind, session });
      return session;
    } catch (error) {
      failed?.();
      this.notice = { text: this.l.t('failed', this.#fail(source, error)), error: true };
      return undefined;
    }
  }

  /** Moves the focus after the next render to `selector`, or to the notice when that is gone. */
  async #focusLater(selector: string) {
    await this.updateComplete;
    const find = (selector: string) => this.renderRoot.querySelector<HTMLElement>(selector);
    (find(selector) ?? find('[part=notice]'))?.focus();
  }

  /**
   * The session a form describes, or undefined when the browser finds a field invalid: then the
   * fields say why and the first one gets the focus.
   */
  #read(form: HTMLFormElement, name: FormName): SessionInput | undefined {
    const data = new FormData(form);
    const value = (field: string) => String(data.get(field)).trim();
    const input = (field: CheckedField) => form.elements.namedItem(field) as HTMLInputElement;
    const tags = [...new Set(value('tags').split(',').map((t) => t.trim()).filter(Boolean))];
    input('tags').setCustomValidity(tags.length > 20 || tags.some((t) => t.length > 40) ? this.l.t('tagsInvalid') : '');
    const invalid = CHECKED_FIELDS.filter((field) => !input(field).checkValidity());
    // Set only when it changes: an add then renders once, with its new row, not once before.
    if (String(invalid) !== String(this.invalid[name] ?? [])) this.invalid = { ...this.invalid, [name]: invalid };
    if (invalid.length) return void this.updateComplete.then(() => input(invalid[0]!).focus());
    return { start: new Date(value('start')).toISOString(), minutes: Number(value('minutes')), activity: value('activity'), mentor: value('mentor'), notes: String(data.get('notes')), tags };
  }

  /** Adds a session from the quick-add form, or saves the edit form of `current`. */
  async #submit(event: SubmitEvent, current?: Session) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const input = this.#read(form, current ? 'edit' : 'add');
    if (!input) return;
    if (!current) {
      // The row shows as soon as the session is valid, not after the write: a failed write takes
      // it back and leaves the form as it was, so the mentee loses nothing and can try again.
      let shown: Session | undefined;
      const show = (session: Session) => {
        this.#saving.add((shown = session).id);
        this.#index.put(session);
        this.requestUpdate();
      };
      const takeBack = () => {
        if (shown && this.#saving.delete(shown.id)) this.#index.remove(shown.id);
      };
      if (await this.#write('add', 'added', 'added', (c) => c.sessions.add({ ...input, source: 'manual' }, { beforeWrite: show }), takeBack)) form.reset();
      return;
    }
    // Sends every field (source and booking id too) so nothing falls back to a default.
    const patch = { ...input, source: current.source, ...(current.bookingId ? { bookingId: current.bookingId } : {}) };
    // Based on the version the mentee saw: a newer one elsewhere is shown, never overwritten unseen.
    const version = this.#sync.baseVersion(current);
    if (await this.#write('edit', 'updated', 'saved', (c) => this.#sync.saving(current.id, c.sessions.update(current.id, patch, { version })))) this.#stopEditing(current.id);
  }

  #startEditing(id: string) {
    this.editing = id;
    this.invalid = { ...this.invalid, edit: [] };
    void this.#focusLater(`${rowSelector(id)} input`);
  }

  #stopEditing(id: string) {
    this.editing = undefined;
    void this.#focusLater(`${rowSelector(id)} .edit`);
  }

  async #deleteSession(session: Session) {
    const removed = await this.#write('delete', 'removed', 'deleted', (c) => this.#sync.deleting(c.sessions.remove(session.id, { version: session.version })));
    if (removed) {
      this.notice = { ...this.notice!, undo: () => this.#undo(removed) };
      void this.#focusLater('.undo');
    }
  }

  async #undo(session: Session) {
    const restored = await this.#write('undo', 'added', 'restored', (c) => c.sessions.restore(session));
    if (restored) void this.#focusLater(`${rowSelector(restored.id)} .edit`);
  }

  /** Logs a booked session: its start and length, its session type when that is an activity. */
  #markDone(booking: Booking) {
    const minutes = Math.min(600, Math.max(15, Math.round((Date.parse(booking.end) - Date.parse(booking.start)) / 900_000) * 15));
    const activity = (SESSION_ACTIVITIES as readonly string[]).includes(booking.sessionTypeId) ? booking.sessionTypeId : 'other';
    const mentor = this.#mentorName(booking.mentorId) ?? '';
    return this.#write('mark-done', 'added', 'added', (c) => c.sessions.add({ start: booking.start, minutes, activity, mentor, source: 'booking', bookingId: booking.id }));
  }

  async #importFile(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    const { l } = this;
    if (!file) return;
    try {
      // A broken file throws here, before anything is imported.
      const { readSessionsJson } = await this.#exporter.load();
      const summary = await this.client!.sessions.import(readSessionsJson(await file.text()));
      this.emit<SessionChangeDetail>('session-change', { kind: 'imported', summary });
      const invalid = summary.invalid.map((i) => i.message.replace(/^Invalid /, ''));
      const named = invalid.length ? `: ${invalid.slice(0, 3).join('; ')}${invalid.length > 3 ? ' …' : ''}` : '';
      const counts = l.t('importSummary', l.number(summary.imported), l.number(summary.alreadyThere), l.number(invalid.length));
      this.notice = { text: counts + named, error: !!invalid.length };
    } catch (error) {
      this.notice = { text: l.t('importFailed', this.#fail('import', error)), error: true };
    }
    input.value = '';
  }

  /**
   * Fills the link with a fresh Blob URL of the export just before the browser follows it. The
   * first click loads the export code (progress, or the error and Retry, show in the export
   * section) and then follows the link itself, so the first click still downloads.
   */
  #download(event: Event, kind: ExportKind) {
    const link = event.currentTarget as HTMLAnchorElement;
    const exporter = this.#exporter.module;
    if (!exporter) {
      event.preventDefault();
      this.#exporter.load().then(() => link.click(), () => {});
      return;
    }
    URL.revokeObjectURL(this.#downloadUrl);
    const { type, text } = exporter.exportSessions(kind, this.#index.all().reverse(), (a) => this.#activityName(a));
    link.href = this.#downloadUrl = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
    link.download = `sessions-${localInput(this.#now()).slice(0, 10)}.${kind}`;
  }

  /** Confirmed bookings of the mentee shown, not logged yet, ending after `since` and before `until`, by start. */
  #openBookings(since: number, until = Infinity): Booking[] {
    return [...this.#bookings.values()]
      .filter((b) => b.status === 'confirmed' && Date.parse(b.end) > since && Date.parse(b.end) <= until && !this.#index.bookingIds.has(b.id) && this.#accepts(b))
      .sort((a, b) => (a.start < b.start ? -1 : 1));
  }

  /** Booked sessions still to come. */
  #upcoming(): Booking[] {
    return this.#openBookings(this.#now().getTime());
  }

  /** Bookings that ended in the last four weeks, waiting for attended or no-show. */
  #awaiting(): Booking[] {
    const now = this.#now().getTime();
    return this.#openBookings(now - 28 * 86_400_000, now).filter((b) => b.attendance !== 'no-show');
  }

  // ---- rendering -------------------------------------------------------------------------
  // Lit ships a template's text as written, indentation included, so the lines inside templates
  // start at the margin.

  override render() {
    const { l, viewState } = this;
    let body;
    if (viewState === 'loading') {
      body = html`<div aria-busy="true"><span class="skeleton"></span><span class="skeleton"></span><span class="visually-hidden">${l.t('loading')}</span></div>`;
    } else if (viewState === 'error') {
      body = html`<div class="message error load-error" role="alert"><p>${l.t('loadFailed')} <span class="muted">${this.#loadError}</span></p>
<button @click=${() => this.#load()}>${l.t('retry')}</button></div>`;
    } else {
      body = html`${this.readonly ? nothing : html`<h3 id="add-title">${l.t('addTitle')}</h3>${this.#renderForm()}`}
<div class="notice" part="notice" role="status" tabindex="-1">${this.#renderNotice()}</div>${this.#sync.render()}
${this.#index.size ? this.#renderProgress() : this.#renderEmpty()}${this.#renderAttendance()}${this.#renderUpcoming()}${this.#index.size ? html`${this.#renderSessions()}${this.#renderExport()}` : nothing}`;
    }
    return html`${this.renderConfigErrors()}<div part="base" dir=${l.dir} lang=${l.lang}>${body}</div>`;
  }

  /** A section named by its heading; `name` is also its part. */
  #section(name: 'progress' | 'upcoming' | 'sessions' | 'export', content: unknown) {
    return html`<section part=${name} aria-labelledby="${name}-title"><h3 id="${name}-title">${this.l.t(`${name}Title`)}</h3>${content}</section>`;
  }

  #renderNotice() {
    const { notice, l } = this;
    if (!notice) return nothing;
    return html`<span class=${notice.error ? 'field-error' : ''}>${notice.text}</span>
${notice.undo ? html`<button class="undo" @click=${notice.undo}>${l.t('undo')}</button>` : nothing}
<button @click=${() => (this.notice = undefined)}>${l.t('dismiss')}</button>`;
  }

  /** The quick-add form, or with `session` that session's edit form. */
  #renderForm(session?: Session) {
    const { l } = this;
    const index = this.#index;
    const name: FormName = session ? 'edit' : 'add';
    // The default activity and mentor are the ones logged last.
    const activity = session?.activity ?? index.latest?.activity ?? this.#activities()[0]!;
    // Each checked input is described by its message, which is empty until the field is invalid.
    const invalid = (field: CheckedField) => !!this.invalid[name]?.includes(field);
    const messageId = (field: CheckedField) => `${name}-${field}-error`;
    const checked = (field: CheckedField, input: unknown) =>
      html`<div><label>${l.t(field)} ${input}</label> <span class="field-error" id=${messageId(field)}>${invalid(field) ? l.t(`${field}Invalid`) : ''}</span></div>`;
    return html`<form part=${session ? 'session-form' : 'add-form'} novalidate aria-label=${session ? l.t('about', l.t('edit'), this.#when(session.start)) : l.t('addTitle')} @submit=${(e: SubmitEvent) => this.#submit(e, session)}>
${checked('start', html`<input name="start" type="datetime-local" required value=${localInput(session ? new Date(session.start) : this.#now())} aria-invalid=${invalid('start')} aria-describedby=${messageId('start')}>`)}
${checked('minutes', html`<input name="minutes" type="number" min="15" max="600" step="15" required value=${session?.minutes ?? 60} aria-invalid=${invalid('minutes')} aria-describedby=${messageId('minutes')}>`)}
<label>${l.t('activity')} <select name="activity">${this.#activities(activity).map((a) => html`<option value=${a} ?selected=${a === activity}>${this.#activityName(a)}</option>`)}</select></label>
<label>${l.t('mentor')} <input name="mentor" maxlength="120" autocomplete="off" value=${session?.mentor ?? index.latest?.mentor ?? ''}></label>
${checked('tags', html`<input name="tags" autocomplete="off" value=${session?.tags.join(', ') ?? ''} aria-invalid=${invalid('tags')} aria-describedby=${messageId('tags')}>`)}
<label class="wide">${l.t('notes')} <textarea name="notes" rows="2" maxlength="2000" .value=${session?.notes ?? ''}></textarea></label>
${session ? this.#sync.renderStale(session.id) : nothing}<div class="bar"><button class="primary" type="submit">${l.t(session ? 'save' : 'add')}</button>
${session ? html`<button type="button" @click=${() => this.#stopEditing(session.id)}>${l.t('cancel')}</button>` : nothing}</div>
</form>`;
  }

  /** No sessions yet: the goal and how to begin, instead of an empty chart and nothing to export. */
  #renderEmpty() {
    const { l } = this;
    const goal = this.#goal;
    return html`<div class="message info" part="empty"><p>${l.t('empty')}</p><p>${goal ? l.t('goalIs', l.hours(goal)) : l.t('noGoal')}</p>${this.readonly ? nothing : this.#renderImport()}</div>`;
  }

  #renderImport() {
    return html`<label>${this.l.t('importLabel')} <input type="file" accept=".json,application/json" @change=${this.#importFile}></label>`;
  }

  #renderProgress() {
    const { l } = this;
    const [index, goal] = [this.#index, this.#goal];
    const current = weekStart(this.#now(), index.firstDay);
    const hours = index.hours(current);
    const misses = this.configErrors.has('allowed-misses') ? 0 : this.allowedMisses;
    const streak = goal ? streakOfWeeks((k) => index.hours(k), goal, current, misses) : 0;
    const onGoal = html`<meter part="meter" aria-labelledby="week-label" min="0" max=${goal} value=${Math.min(hours, goal!)}></meter>
<p class="streak">${l.t('streak', l.plural(streak), l.number(streak))}${misses ? ` ${l.t('missesAllowed', misses)}` : ''}</p>`;
    return this.#section(
      'progress',
      html`<div><strong id="week-label">${l.t('thisWeek')}:</strong> <span class="week-hours">${l.t('hours', l.hours(hours), goal ? l.hours(goal) : undefined)}</span></div>
${goal ? onGoal : html`<p class="muted">${l.t('noGoal')}</p>`}
${this.#renderChart(current, goal)}`,
    );
  }

  /** The chart of recent weeks (chart.ts, loaded on demand: a placeholder until it comes). */
  #renderChart(current: number, goal: number | undefined) {
    const chart = this.#chart.module;
    if (!chart) return this.#placeholder(this.#chart, 'chart-loading');
    const count = this.configErrors.has('weeks') ? 8 : this.weeks;
    return chart.renderChart({ l: this.l, index: this.#index, current, goal, count, order: this.#activities(...this.#index.activities.keys()), name: (a) => this.#activityName(a) });
  }

  /** Past bookings to decide on (attendance.ts, loaded on demand). */
  #renderAttendance() {
    const bookings = this.#awaiting();
    const ui = this.#attendance.module;
    if (!bookings.length) return nothing;
    if (!ui) return this.#placeholder(this.#attendance);
    return ui.renderAttendance({
      host: this,
      tracker: this.l,
      client: this.client!,
      bookings,
      describe: (b) => ({ when: this.#when(b.start), what: this.#activityName(b.sessionTypeId), mentor: this.#mentorName(b.mentorId) }),
      readonly: this.readonly,
      notify: (notice, focus) => ((this.notice = notice), this.#focusLater(focus)),
      fail: (error) => this.#fail('attendance', error),
      emit: (detail) => this.emit<SessionChangeDetail>('session-change', detail),
      markDone: (b) => this.#doneButton(b),
    });
  }

  /** In place of a part still loading: progress, or after a failure Retry. */
  #placeholder(part: LazyModule<unknown>, name = '') {
    return html`<div class=${name} aria-busy="true">${part.failed ? html`<button @click=${() => part.load()}>${this.l.t('retry')}</button>` : nothing}</div>`;
  }

  /** "Mark done": logs a booked session as it was booked. */
  #doneButton(b: Booking) {
    const { l } = this;
    return html`<button class="mark-done row-actions" aria-label=${l.t('about', l.t('markDone'), `${this.#activityName(b.sessionTypeId)}, ${this.#when(b.start)}`)} @click=${() => this.#markDone(b)}>${l.t('markDone')}</button>`;
  }

  #renderUpcoming() {
    const list = this.#upcoming();
    const item = (b: Booking) => {
      const [when, what, mentor] = [this.#when(b.start), this.#activityName(b.sessionTypeId), this.#mentorName(b.mentorId)];
      return html`<li data-booking=${b.id}>${when} <span class="what">${what}</span> ${mentor ? html`<span>${mentor}</span>` : nothing} ${this.readonly ? nothing : this.#doneButton(b)}</li>`;
    };
    if (!list.length) return nothing;
    return this.#section('upcoming', html`<ul class="rows">${list.map(item)}</ul>`);
  }

  #renderSessions() {
    const { l, filters } = this;
    const index = this.#index;
    const context = `${l.lang} ${l.revision} ${this.readonly}`;
    if (context !== this.#rowsContext) {
      this.#rows = new WeakMap();
      this.#rowsContext = context;
    }
    const matches = (s: Session) => (!filters.activity || s.activity === filters.activity) && (!filters.tag || s.tags.includes(filters.tag));
    // The weeks with matching sessions, up to one more than `shown` to know whether there are more.
    const weeks: [number, Session[]][] = [];
    for (const key of index.keys) {
      if (weeks.length > this.shown) break;
      const rows = index.weeks.get(key)!.filter(matches);
      if (rows.length) weeks.push([key, rows]);
    }
    const more = weeks.length > this.shown;
    const activities = this.#activities(...index.activities.keys());
    const tags = [...index.tags.keys()].sort((a, b) => a.localeCompare(b, l.lang));
    const filter = (name: Filter, label: string, values: string[], text = (value: string) => value) => {
      const choose = (e: Event) => ((this.filters = { ...filters, [name]: (e.target as HTMLSelectElement).value }), (this.shown = PAGE_WEEKS));
      return html`<label>${label} <select @change=${choose}><option value="">${l.t('all')}</option>
${values.map((value) => html`<option value=${value} ?selected=${value === filters[name]}>${text(value)}</option>`)}</select></label>`;
    };
    const filterBar = html`<div class="bar" part="filters">${filter('activity', l.t('filterActivity'), activities, (a) => this.#activityName(a))}
${tags.length ? filter('tag', l.t('filterTag'), tags) : nothing}</div>`;
    return this.#section(
      'sessions',
      html`${index.size ? filterBar : nothing}
${weeks.length ? weeks.slice(0, this.shown).map(([key, rows]) => this.#renderWeek(key, rows)) : html`<p class="message info">${l.t('noMatches')}</p>`}
${more ? html`<button part="more-button" class="more" @click=${this.#showOlder}>${l.t('olderWeeks')}</button>` : nothing}`,
    );
  }

  /** Shows PAGE_WEEKS more weeks and moves the focus to the first of them. */
  #showOlder() {
    this.shown += PAGE_WEEKS;
    // The weeks are the only <section>s in the sessions section.
    void this.#focusLater(`.week:nth-of-type(${this.shown - PAGE_WEEKS + 1}) h4`);
  }

  #renderWeek(key: number, rows: Session[]) {
    const { l } = this;
    const shown = this.#expanded.has(key) ? rows : rows.slice(0, WEEK_ROWS);
    const minutes = rows.reduce((sum, s) => sum + s.minutes, 0);
    const showAll = () => (this.#expanded.add(key), this.requestUpdate());
    return html`<section part="week" class="week"><h4 tabindex="-1">${l.t('weekOf', l.date(key), l.hours(minutes / 60))}</h4>
<ul class="rows">${shown.map((s) => this.#renderRow(s))}</ul>
${rows.length > shown.length ? html`<button @click=${showAll}>${l.t('moreInWeek', rows.length - shown.length)}</button>` : nothing}</section>`;
  }

  #renderRow(s: Session) {
    if (this.editing === s.id) return html`<li part="session" data-id=${s.id}>${this.#renderForm(s)}</li>`;
    const saving = this.#saving.has(s.id);
    const pending = this.#pending.has(s.id);
    const cached = this.#rows.get(s);
    if (cached?.saving === saving && cached.pending === pending) return cached.row;
    const row = this.#row(s, saving, pending);
    this.#rows.set(s, { saving, pending, row });
    return row;
  }

  #row(s: Session, saving: boolean, pending: boolean) {
    const { l } = this;
    const when = this.#when(s.start);
    const badge = (text: string, kind = '') => html`<span class="badge ${kind}" part="badge">${text}</span>`;
    const actions = html`<span class="row-actions">
<button class="edit" aria-label=${l.t('about', l.t('edit'), when)} @click=${() => this.#startEditing(s.id)}>${l.t('edit')}</button>
<button class="delete" aria-label=${l.t('about', l.t('delete'), when)} @click=${() => this.#deleteSession(s)}>${l.t('delete')}</button></span>`;
    return html`<li part="session" data-id=${s.id}>${when} <span class="what">${this.#activityName(s.activity)}</span>
<span class="length">${l.number(s.minutes, { style: 'unit', unit: 'minute', unitDisplay: 'short' })}</span>
${s.mentor ? html`<span class="mentor">${s.mentor}</span>` : nothing} ${s.tags.map((t) => badge(t))}
${s.source === 'booking' ? badge(l.t('booked')) : nothing} ${pending ? badge(l.t('pending'), 'pending') : saving ? badge(l.t('saving'), 'pending') : nothing}
${this.readonly || saving ? nothing : actions} ${s.notes ? html`<p class="notes">${s.notes}</p>` : nothing}</li>`;
  }

  #renderExport() {
    const { l } = this;
    const exporter = this.#exporter;
    const link = (kind: ExportKind, label: string) => html`<a href="#" download data-export=${kind} @click=${(e: Event) => this.#download(e, kind)}>${label}</a>`;
    const status = exporter.failed
      ? html`<p class="field-error" role="alert">${l.t('exportFailed')} <button @click=${() => exporter.load().catch(() => {})}>${l.t('retry')}</button></p>`
      : exporter.loading
        ? html`<p class="muted" role="status">${l.t('exportLoading')}</p>`
        : nothing;
    // Pointing at or focusing the links starts loading the export code before the click.
    const prefetch = () => exporter.load().catch(() => {});
    return this.#section(
      'export',
      html`<div class="bar" aria-busy=${exporter.loading} @pointerover=${prefetch} @focusin=${prefetch}>${link('csv', 'CSV')} ${link('json', 'JSON')}
${link('ics', l.t('exportIcs'))} ${this.readonly ? nothing : this.#renderImport()}</div>${status}`,
    );
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
