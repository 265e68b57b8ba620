import { html, nothing, type CSSResultArray, type PropertyValues, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { ChangeEvent, MentorshipClient } from '../../sdk/client.js';
import { MentorshipError } from '../../sdk/errors.js';
import { toIcs } from '../../sdk/export/ics.js';
import { newId } from '../../sdk/ids.js';
import { addDays, dateInZone, isoWeekday } from '../../sdk/scheduling/zone.js';
import { CAREER_LEVELS } from '../../sdk/constants.js';
import { BookingRequest as BookingRequestValidator } from '../../sdk/generated/validators.js';
import type { Booking, BookingRequest, Catalog, Slot } from '../../sdk/schemas.js';
import { isValidTimeZone } from '../../sdk/time-zone.js';
import { check } from '../../sdk/validator.js';
import { LocalizeController } from '../shared/localize.js';
import { MkElement } from '../shared/mk-element.js';
import { en, type MentorBookingMessages } from './mentor-booking.messages.js';
import { styles } from './mentor-booking.styles.js';

type Step = 'type' | 'mentor' | 'day' | 'time' | 'details' | 'done' | 'cancelled';
type Field = 'name' | 'email' | 'careerLevel' | 'goals' | 'message';
const FIELDS: Field[] = ['name', 'email', 'careerLevel', 'goals', 'message'];
const DAY = 86_400_000;

/** Calendar date "YYYY-MM-DD" → a Date at noon UTC, to format a date with no zone. */
const noon = (date: string) => new Date(`${date}T12:00:00Z`);

/**
 * Books a session with a mentor in a few steps: session type (and program), mentor, a day on a
 * month calendar, a time in the visitor's time zone, the visitor's details, and a confirmation with
 * an add-to-calendar download, cancel and reschedule. Free times come from the SDK's scheduling
 * engine; the backend re-checks the slot atomically, so two visitors never get the same time.
 *
 * @summary Book a mentoring session in your own time zone.
 *
 * @fires {CustomEvent<Booking>} booking-confirmed - After a booking is made; detail is the whole booking.
 * @fires {CustomEvent<Booking>} booking-cancelled - After the visitor cancels; detail is the cancelled booking.
 * @fires {CustomEvent<Booking>} booking-rescheduled - After the visitor moves the booking; detail is the moved booking.
 * @fires {CustomEvent<MentorshipErrorDetail>} mentorship-error - When an attribute is invalid or loading fails.
 *
 * @csspart step - The container of the current step.
 * @csspart heading - Each step's heading (receives focus when the step changes).
 * @csspart choice - A session type or mentor button.
 * @csspart calendar - The month grid.
 * @csspart day - A day button in the grid.
 * @csspart time - A time button.
 * @csspart zone - The time zone field.
 * @csspart form - The details form.
 * @csspart summary - The booking summary in the confirmation.
 * @csspart ics - The "Add to calendar" link.
 * @csspart error - Attribute and configuration problems.
 *
 * @cssprop --mk-booking-slot-bg - Background of time and choice buttons (default: surface).
 * @cssprop --mk-booking-slot-border - Border of time, choice and free-day buttons (default: border).
 * @cssprop --mk-booking-day-free-bg - Background of days with free times (default: surface-alt).
 * @cssprop --mk-booking-selected-bg - Background of the chosen day (default: primary).
 * @cssprop --mk-booking-selected-text - Text on the chosen day (default: on-primary).
 * @cssprop --mk-booking-day-size - Size of a day cell (default: 2.5rem).
 */
export class MentorBooking extends MkElement {
  static override styles = [...(MkElement.styles as CSSResultArray), styles];

  static override properties = {
    ...MkElement.properties,
    mentor: { type: String, reflect: true },
    sessionType: { type: String, reflect: true, attribute: 'session-type' },
    program: { type: String, reflect: true },
    timezone: { type: String, reflect: true },
    hourCycle: { type: String, reflect: true, attribute: 'hour-cycle' },
    name: { type: String, reflect: true },
    email: { type: String, reflect: true },
    step: { state: true },
    catalog: { state: true },
    slots: { state: true },
    month: { state: true },
    focusDate: { state: true },
    date: { state: true },
    booking: { state: true },
    alert: { state: true },
    errors: { state: true },
    pending: { state: true },
    planProgram: { state: true },
    chosenProgram: { state: true },
    zoneError: { state: true },
  };

  /** Mentor id: only this mentor's times are offered (the mentor step is skipped). */
  declare mentor: string;
  /** Session type id: skips the first step. */
  declare sessionType: string;
  /** Program id: offers only its session types. Without it, the visitor's plan (from <program-picker>) is followed. */
  declare program: string;
  /** IANA time zone to show times in; defaults to the visitor's detected zone. The visitor can switch it. */
  declare timezone: string;
  /** `h12` or `h23`; defaults to the locale's clock. */
  declare hourCycle: string;
  /** Prefills the visitor's name in the details form. */
  declare name: string;
  /** Prefills the visitor's email in the details form. */
  declare email: string;

  declare private step: Step;
  declare private catalog?: Catalog;
  /** Free slots of the chosen mentor and session type; undefined while loading. */
  declare private slots?: Slot[];
  declare private month: string;
  declare private focusDate: string;
  declare private date: string;
  declare private booking?: Booking;
  declare private alert: string;
  declare private errors: Partial<Record<Field, string>>;
  declare private pending: boolean;
  declare private planProgram: string;
  declare private chosenProgram: string;
  declare private zoneError: boolean;

  private readonly l = new LocalizeController<MentorBookingMessages>(this, 'mentor-booking', { en });
  private typeId = '';
  private mentorId = '';
  private picked?: Slot;
  private form: Record<Field, string> = { name: '', email: '', careerLevel: '', goals: '', message: '' };
  private history: Step[] = [];
  private idempotencyKey = '';
  private rescheduling = false;
  private focusHeading = false;
  private focusDay = false;
  private icsUrl = '';
  private loadError = '';
  private byDay = new Map<string, Slot[]>();

  constructor() {
    super();
    this.mentor = '';
    this.sessionType = '';
    this.program = '';
    this.timezone = '';
    this.hourCycle = '';
    this.name = '';
    this.email = '';
    this.step = 'type';
    this.month = '';
    this.focusDate = '';
    this.date = '';
    this.alert = '';
    this.errors = {};
    this.pending = false;
    this.planProgram = '';
    this.chosenProgram = '';
    this.zoneError = false;
  }

  /** The time zone times are shown in: `timezone` when valid, else the visitor's. */
  get zone(): string {
    return this.timezone && isValidTimeZone(this.timezone) ? this.timezone : Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  override clientChanged(client: MentorshipClient): void {
    this.catalog = undefined;
    this.loadError = '';
    this.viewState = 'loading';
    Promise.all([client.catalog.get(), client.plan.get()]).then(
      ([catalog, plan]) => {
        if (client !== this.client) return;
        this.planProgram = plan?.programId ?? '';
        this.catalog = catalog;
        this.history = [];
      },
      (error) => this.failed(error),
    );
  }

  override clientChange(event: ChangeEvent): void {
    if (event.resource === 'plan') this.planProgram = event.plan.programId ?? '';
    // Someone (maybe in another tab) booked or freed time: refresh the calendar quietly.
    if (event.resource === 'booking' && event.booking.mentorId === this.mentorId && (this.step === 'day' || this.step === 'time')) {
      void this.loadSlots(true);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.icsUrl) URL.revokeObjectURL(this.icsUrl);
    this.icsUrl = '';
  }

  protected override willUpdate(props: PropertyValues<this>): void {
    const changed = props as Map<string, unknown>;
    if (changed.has('timezone')) {
      if (this.timezone && !isValidTimeZone(this.timezone)) this.reportError('timezone', this.l.t('badZone', this.timezone, this.zone));
      else this.clearError('timezone');
    }
    if (changed.has('hourCycle')) {
      if (this.hourCycle && !['h12', 'h23'].includes(this.hourCycle)) this.reportError('hour-cycle', this.l.t('badCycle', this.hourCycle));
      else this.clearError('hour-cycle');
    }
    const catalog = this.catalog;
    if (catalog && (changed.has('catalog') || changed.has('mentor') || changed.has('sessionType') || changed.has('program'))) {
      const check = (attr: string, value: string, list: { id: string }[]) =>
        value && !list.some((x) => x.id === value) ? this.reportError(attr, this.l.t('badAttr', value)) : this.clearError(attr);
      check('mentor', this.mentor, catalog.mentors);
      check('session-type', this.sessionType, catalog.sessionTypes);
      check('program', this.program, catalog.programs);
      const mentor = this.fixedMentor;
      const type = catalog.sessionTypes.find((t) => t.id === this.sessionType);
      if (mentor && type && !mentor.sessionTypeIds.includes(type.id)) {
        this.reportError('session-type', this.l.t('notOffered', mentor.name, this.typeName(type.id)));
      }
      if (changed.has('catalog') || this.step === 'type') this.begin();
    }
    if (changed.has('slots') || changed.has('timezone')) {
      this.byDay = new Map();
      for (const slot of this.slots ?? []) {
        const day = dateInZone(Date.parse(slot.start), this.zone);
        const list = this.byDay.get(day);
        if (list) list.push(slot);
        else this.byDay.set(day, [slot]);
      }
    }
  }

  protected override updated(): void {
    if (this.focusHeading) {
      this.focusHeading = false;
      this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
    }
    if (this.focusDay) {
      this.focusDay = false;
      this.renderRoot.querySelector<HTMLElement>(`[data-date="${this.focusDate}"]`)?.focus();
    }
  }

  // ---- data ------------------------------------------------------------------------------

  private get fixedMentor() {
    return this.catalog?.mentors.find((m) => m.id === this.mentor);
  }

  /** The program narrowing the session types: the attribute, else the visitor's choice here, else their plan. */
  private get programId(): string {
    const valid = (id: string) => (this.catalog?.programs.some((p) => p.id === id) ? id : '');
    return valid(this.program) || (this.chosenProgram ? valid(this.chosenProgram) : valid(this.planProgram));
  }

  private get types() {
    const catalog = this.catalog;
    if (!catalog) return [];
    const program = catalog.programs.find((p) => p.id === this.programId);
    return catalog.sessionTypes.filter((t) => (!program || program.sessionTypeIds.includes(t.id)) && this.mentorsFor(t.id).length > 0);
  }

  private mentorsFor(typeId: string) {
    const fixed = this.fixedMentor;
    return (this.catalog?.mentors ?? []).filter((m) => m.sessionTypeIds.includes(typeId) && (!fixed || fixed === m));
  }

  private get currentMentor() {
    return this.catalog?.mentors.find((m) => m.id === this.mentorId);
  }

  private typeName(id: string): string {
    return this.translated('st:' + id, this.catalog?.sessionTypes.find((t) => t.id === id)?.name ?? id);
  }

  private translated(key: string, fallback: string): string {
    const text = this.l.t(key as keyof MentorBookingMessages);
    return text === key ? fallback : text;
  }

  private failed(error: unknown): void {
    this.loadError = this.l.t('loadFailed');
    this.viewState = 'error';
    this.reportError('load', error, 'storage');
  }

  /** The first step that needs the visitor, given the attributes. */
  private begin(): void {
    const type = this.types.find((t) => t.id === this.sessionType);
    this.viewState = 'ready';
    if (type) this.chooseType(type.id, false);
    else this.step = 'type';
  }

  private go(step: Step, push = true): void {
    if (push) this.history.push(this.step);
    if (step !== 'day') this.viewState = 'ready';
    this.step = step;
    this.alert = '';
    this.focusHeading = true;
  }

  private back(): void {
    const previous = this.history.pop();
    if (!previous) return;
    this.alert = '';
    if (previous !== 'day') this.viewState = 'ready';
    this.step = previous;
    this.focusHeading = true;
    if (previous === 'day' || previous === 'time') void this.loadSlots(true);
    if (previous === 'done') this.rescheduling = false;
  }

  private chooseType(id: string, push = true): void {
    this.typeId = id;
    const mentors = this.mentorsFor(id);
    if (mentors.length === 1) this.chooseMentor(mentors[0]!.id, push);
    else this.go('mentor', push);
  }

  private chooseMentor(id: string, push = true): void {
    this.mentorId = id;
    this.slots = undefined;
    this.month = '';
    this.go('day', push);
    void this.loadSlots();
  }

  private async loadSlots(quiet = false): Promise<void> {
    const client = this.client;
    if (!client || !this.mentorId) return;
    if (!quiet) {
      this.slots = undefined;
      this.viewState = 'loading';
    }
    const now = Date.now();
    try {
      // Every free slot in the mentor's horizon; the backend clamps the range with its own clock.
      const slots = await client.slots.list({
        mentorId: this.mentorId,
        sessionTypeId: this.typeId,
        from: new Date(now - 366 * DAY).toISOString(),
        to: new Date(now + 800 * DAY).toISOString(),
      });
      this.slots = slots;
      this.viewState = slots.length ? 'ready' : 'empty';
      const first = slots[0] && dateInZone(Date.parse(slots[0].start), this.zone);
      if (first && (!this.month || !quiet)) {
        this.month = first.slice(0, 7);
        this.focusDate = first;
      }
    } catch (error) {
      this.failed(error);
    }
  }

  // ---- calendar ----------------------------------------------------------------------------

  private get firstDayOfWeek(): number {
    const locale = new Intl.Locale(this.l.lang) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    return (locale.getWeekInfo?.() ?? locale.weekInfo)?.firstDay ?? 1;
  }

  private moveFocus(date: string): void {
    const days = [...this.byDay.keys()];
    const min = days[0]?.slice(0, 7) + '-01';
    const max = addDays(`${days.at(-1)?.slice(0, 7)}-01`, 40).slice(0, 7) + '-01';
    if (!days.length || date < min || date >= max) return;
    this.focusDate = date;
    this.month = date.slice(0, 7);
    this.focusDay = true;
  }

  private addMonths(date: string, months: number): string {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const target = new Date(Date.UTC(y, m - 1 + months, 1));
    const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
  }

  private onGridKey(event: KeyboardEvent): void {
    const date = this.focusDate;
    const weekday = (isoWeekday(date) - this.firstDayOfWeek + 7) % 7;
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(date, this.l.dir === 'rtl' ? 1 : -1),
      ArrowRight: () => addDays(date, this.l.dir === 'rtl' ? -1 : 1),
      ArrowUp: () => addDays(date, -7),
      ArrowDown: () => addDays(date, 7),
      Home: () => addDays(date, -weekday),
      End: () => addDays(date, 6 - weekday),
      PageUp: () => this.addMonths(date, -1),
      PageDown: () => this.addMonths(date, 1),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    this.moveFocus(move());
  }

  private pickDay(date: string): void {
    this.focusDate = date;
    if (!this.byDay.has(date)) return;
    this.date = date;
    this.go('time');
  }

  // ---- formatting ----------------------------------------------------------------------------

  private formats = new Map<string, Intl.DateTimeFormat>();

  private dt(options: Intl.DateTimeFormatOptions, zone = this.zone): Intl.DateTimeFormat {
    const cycle = ['h12', 'h23'].includes(this.hourCycle) ? (this.hourCycle as 'h12' | 'h23') : undefined;
    const key = [this.l.lang, zone, cycle, JSON.stringify(options)].join('|');
    let format = this.formats.get(key);
    if (!format) this.formats.set(key, (format = new Intl.DateTimeFormat(this.l.lang, { timeZone: zone, hourCycle: cycle, ...options })));
    return format;
  }

  private fullDate(date: string): string {
    return this.dt({ dateStyle: 'full' }, 'UTC').format(noon(date));
  }

  /** "Tuesday, 3 March 2026, 10:00–11:00" in `zone`. */
  private range(slot: Slot, zone = this.zone, zoneName = false): string {
    const options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' };
    if (zoneName) options.timeZoneName = 'short';
    return this.dt(options, zone).formatRange(new Date(slot.start), new Date(slot.end));
  }

  // ---- actions ---------------------------------------------------------------------------

  private pickTime(slot: Slot): void {
    this.picked = slot;
    if (this.rescheduling) {
      void this.reschedule(slot);
      return;
    }
    this.idempotencyKey = newId('idem-');
    for (const field of ['name', 'email'] as const) this.form[field] ||= this[field];
    this.errors = {};
    this.go('details');
  }

  private request(): BookingRequest {
    return {
      ...this.form,
      mentorId: this.mentorId,
      sessionTypeId: this.typeId,
      ...(this.programId ? { programId: this.programId } : {}),
      start: this.picked!.start,
      timeZone: this.zone,
    } as BookingRequest;
  }

  private validate(): boolean {
    const result = check(BookingRequestValidator, this.request());
    const errors: Partial<Record<Field, string>> = {};
    if (!result.success) {
      for (const issue of result.issues) {
        const field = issue.path.split('.')[0] as Field;
        if (FIELDS.includes(field)) errors[field] = this.l.t(`err${field[0]!.toUpperCase()}${field.slice(1)}` as 'errName');
      }
    }
    this.errors = errors;
    return Object.keys(errors).length === 0;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.pending) return;
    if (!this.validate()) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.pending = true;
    try {
      const booking = await this.client!.bookings.create(this.request(), { idempotencyKey: this.idempotencyKey });
      this.confirmed(booking, 'booking-confirmed');
    } catch (error) {
      this.conflictOr(error);
    } finally {
      this.pending = false;
    }
  }

  private conflictOr(error: unknown): void {
    if (MentorshipError.is(error) && error.code === 'conflict') {
      // Keep the form; show fresh times on the same day (or the calendar if that day is full).
      this.idempotencyKey = newId('idem-');
      void this.loadSlots(true).then(() => {
        const target: Step = this.byDay.has(this.date) ? 'time' : 'day';
        const index = this.history.lastIndexOf(target);
        if (index >= 0) this.history = this.history.slice(0, index);
        this.step = target;
        this.alert = this.l.t('taken');
        this.focusHeading = true;
      });
    } else {
      this.alert = this.l.t('failed');
    }
  }

  private async reschedule(slot: Slot): Promise<void> {
    if (this.pending || !this.booking) return;
    this.pending = true;
    try {
      const booking = await this.client!.bookings.reschedule(this.booking.id, slot.start);
      this.confirmed(booking, 'booking-rescheduled');
      this.alert = this.l.t('rescheduled');
    } catch (error) {
      this.conflictOr(error);
    } finally {
      this.pending = false;
    }
  }

  private confirmed(booking: Booking, event: 'booking-confirmed' | 'booking-rescheduled'): void {
    this.booking = booking;
    this.rescheduling = false;
    this.history = [];
    this.go('done', false);
    if (this.icsUrl) URL.revokeObjectURL(this.icsUrl);
    const mentor = this.currentMentor?.name ?? booking.mentorId;
    const ics = toIcs([
      {
        uid: `${booking.id}@mentorship-kit`,
        start: booking.start,
        end: booking.end,
        stamp: booking.updatedAt,
        summary: this.l.t('icsSummary', this.typeName(booking.sessionTypeId), mentor),
        description: [booking.goals, booking.message].filter(Boolean).join('\n\n'),
        status: 'CONFIRMED',
        sequence: event === 'booking-rescheduled' ? 1 : 0,
      },
    ]);
    this.icsUrl = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
    this.emit<Booking>(event, booking);
  }

  private async cancel(): Promise<void> {
    if (this.pending || !this.booking) return;
    this.pending = true;
    try {
      this.booking = await this.client!.bookings.cancel(this.booking.id);
      this.go('cancelled', false);
      this.emit<Booking>('booking-cancelled', this.booking);
    } catch {
      this.alert = this.l.t('failed');
    } finally {
      this.pending = false;
    }
  }

  private startOver(): void {
    this.booking = undefined;
    this.picked = undefined;
    this.date = '';
    this.form = { name: '', email: '', careerLevel: '', goals: '', message: '' };
    this.history = [];
    this.begin();
    this.focusHeading = true;
  }

  private setZone(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.zoneError = !isValidTimeZone(input.value);
    if (!this.zoneError) this.timezone = input.value;
  }

  // ---- rendering ---------------------------------------------------------------------------

  override render() {
    const t = this.l;
    const body = !this.catalog ? this.renderLoading() : this.renderStep();
    return html`<div dir=${t.dir} lang=${t.lang}>
      ${this.renderConfigErrors()} ${body}
    </div>`;
  }

  private renderLoading(): TemplateResult {
    if (this.loadError) {
      return html`<div class="message error" role="alert">${this.loadError}</div>
        <button @click=${() => this.client && this.clientChanged(this.client)}>${this.l.t('retry')}</button>`;
    }
    return html`<div aria-busy="true"><span class="visually-hidden">${this.l.t('loading')}</span><span class="skeleton"></span><span class="skeleton"></span></div>`;
  }

  private backButton() {
    return this.history.length ? html`<p><button @click=${this.back}>${this.l.t('back')}</button></p>` : nothing;
  }

  private renderStep() {
    const step = this.step;
    const [title, content] =
      step === 'type' ? this.renderTypes()
      : step === 'mentor' ? this.renderMentors()
      : step === 'day' ? this.renderDay()
      : step === 'time' ? this.renderTimes()
      : step === 'details' ? this.renderDetails()
      : this.renderDone();
    // A new section per step (keyed), so the heading that gets focus is announced afresh.
    return keyed(
      step,
      html`<section part="step" data-step=${step}>
        <h3 tabindex="-1" part="heading">${title}</h3>
        ${this.alert ? html`<div class="message ${step === 'done' ? 'info' : 'error'}" role="alert">${this.alert}</div>` : nothing}
        ${content} ${this.backButton()}
      </section>`,
    );
  }

  private renderTypes() {
    const t = this.l;
    const programs = this.catalog!.programs;
    const types = this.types;
    return [
      t.t('stepType'),
      html`${this.program
        ? nothing
        : html`<p>
            <label>${t.t('program')}
              <select @change=${(e: Event) => (this.chosenProgram = (e.target as HTMLSelectElement).value || '-')}>
                <option value="" ?selected=${!this.programId}>${t.t('anyProgram')}</option>
                ${programs.map((p) => html`<option value=${p.id} ?selected=${p.id === this.programId}>${this.translated('pt:' + p.id, p.title)}</option>`)}
              </select>
            </label>
          </p>`}
      ${types.length
        ? html`<ul class="choices">
            ${types.map(
              (type) => html`<li>
                <button part="choice" @click=${() => this.chooseType(type.id)}>
                  ${this.typeName(type.id)} <small>${t.number(type.minutes, { style: 'unit', unit: 'minute' })}</small>
                </button>
              </li>`,
            )}
          </ul>`
        : html`<p class="message info">${t.t('noTypes')}</p>`}`,
    ] as const;
  }

  private renderMentors() {
    return [
      this.l.t('stepMentor'),
      html`<ul class="choices">
        ${this.mentorsFor(this.typeId).map(
          (m) => html`<li>
            <button part="choice" @click=${() => this.chooseMentor(m.id)}>
              ${m.name} <small>${this.translated('mt:' + m.id, m.title)}</small>
            </button>
          </li>`,
        )}
      </ul>`,
    ] as const;
  }

  private renderZone() {
    const t = this.l;
    return html`<p>
        <label part="zone"
          >${t.t('zone')}
          <input
            list="zones"
            .value=${this.zone}
            aria-invalid=${this.zoneError ? 'true' : 'false'}
            aria-describedby="zone-note"
            @change=${this.setZone}
          />
        </label>
        <span id="zone-note" class=${this.zoneError ? 'field-error' : 'muted'}>${this.zoneError ? t.t('zoneInvalid') : t.t('zoneShown', this.zone)}</span>
      </p>
      <datalist id="zones">${Intl.supportedValuesOf('timeZone').map((zone) => html`<option value=${zone}></option>`)}</datalist>`;
  }

  private renderDay() {
    const t = this.l;
    const title = t.t(this.rescheduling ? 'stepNewDay' : 'stepDay');
    if (!this.slots) {
      return [title, html`<div aria-busy="true"><span class="visually-hidden">${t.t('loading')}</span><span class="skeleton calendar"></span></div>`] as const;
    }
    if (!this.slots.length) {
      const days = this.currentMentor?.rules.horizonDays ?? 0;
      return [title, html`<p class="message info">${t.t('empty', t.number(days), t.plural(days))}</p>`] as const;
    }
    const month = this.month;
    const first = `${month}-01`;
    const lead = (isoWeekday(first) - this.firstDayOfWeek + 7) % 7;
    const length = new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7), 0)).getUTCDate();
    const cells: (string | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length }, (_, i) => addDays(first, i))];
    const weeks: (string | null)[][] = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    const days = [...this.byDay.keys()];
    const next = days.find((d) => d >= first);
    const hasFree = days.some((d) => d.startsWith(month));
    const weekdays = Array.from({ length: 7 }, (_, i) => noon(addDays('2026-01-05', (this.firstDayOfWeek - 1 + i) % 7)));
    const long = this.dt({ weekday: 'long' }, 'UTC');
    const short = this.dt({ weekday: 'short' }, 'UTC');
    const focus = cells.includes(this.focusDate) ? this.focusDate : (days.find((d) => d.startsWith(month)) ?? first);
    const monthLabel = this.dt({ month: 'long', year: 'numeric' }, 'UTC').format(noon(first));
    return [
      title,
      html`<div class="cal"><div class="row">
        <button aria-label=${t.t('prev')} ?disabled=${!days.length || days[0]! >= first} @click=${() => this.moveFocus(this.addMonths(first, -1))}>‹</button>
        <span class="month" id="month" aria-live="polite">${monthLabel}</span>
        <button aria-label=${t.t('next')} ?disabled=${!days.some((d) => d > `${month}-31`)} @click=${() => this.moveFocus(this.addMonths(first, 1))}>›</button>
      </div>
      <table role="grid" aria-labelledby="month" part="calendar" @keydown=${this.onGridKey}>
        <thead>
          <tr>
            ${weekdays.map((d) => html`<th scope="col" abbr=${long.format(d)}>${short.format(d)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${weeks.map(
            (week) => html`<tr>
              ${week.map((date) => {
                if (!date) return html`<td role="gridcell"></td>`;
                const count = this.byDay.get(date)?.length ?? 0;
                const label = count ? t.t('dayLabel', this.fullDate(date), t.number(count), t.plural(count)) : t.t('dayNone', this.fullDate(date));
                return html`<td role="gridcell" aria-selected=${date === this.date ? 'true' : 'false'}>
                  <button
                    part="day"
                    data-date=${date}
                    ?data-free=${count > 0}
                    tabindex=${date === focus ? 0 : -1}
                    aria-disabled=${count ? 'false' : 'true'}
                    aria-label=${label}
                    @click=${() => this.pickDay(date)}
                  >
                    ${t.number(+date.slice(8))}
                  </button>
                </td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table></div>
      ${hasFree || !next
        ? nothing
        : html`<p class="message info">
            ${t.t('noneThisMonth')} ${t.t('nextFree', this.fullDate(next))}
            <button @click=${() => this.moveFocus(next)}>${t.t('showNext')}</button>
          </p>`}
      ${this.renderZone()}`,
    ] as const;
  }

  private renderTimes() {
    const slots = this.byDay.get(this.date) ?? [];
    const time = this.dt({ hour: 'numeric', minute: '2-digit' });
    return [
      this.l.t('stepTime', this.fullDate(this.date)),
      html`<ul class="times" aria-busy=${this.pending ? 'true' : 'false'}>
        ${slots.map(
          (slot) => html`<li>
            <button part="time" aria-label=${this.range(slot)} ?disabled=${this.pending} @click=${() => this.pickTime(slot)}>
              ${time.formatRange(new Date(slot.start), new Date(slot.end))}
            </button>
          </li>`,
        )}
      </ul>
      ${this.renderZone()}`,
    ] as const;
  }

  private renderDetails() {
    const t = this.l;
    const errors = this.errors;
    const count = Object.keys(errors).length;
    const field = (key: Field, control: TemplateResult) =>
      html`<div class="field">
        <label for=${key}>${t.t(key)}</label>${control}
        ${errors[key] ? html`<span class="field-error" id="${key}-error">${errors[key]}</span>` : nothing}
      </div>`;
    const attrs = (key: Field) => ({ invalid: errors[key] ? 'true' : 'false', described: errors[key] ? `${key}-error` : nothing });
    const input = (key: Field) => (e: Event) => {
      this.form[key] = (e.target as HTMLInputElement).value;
      if (errors[key]) this.validate();
    };
    const a = Object.fromEntries(FIELDS.map((f) => [f, attrs(f)])) as Record<Field, ReturnType<typeof attrs>>;
    return [
      t.t('stepDetails'),
      html`<p>${t.t('chosen', this.range(this.picked!, this.zone, true))}</p>
      <form part="form" novalidate @submit=${this.submit}>
        ${count ? html`<p class="message error" role="alert">${t.t('fix', t.number(count), t.plural(count))}</p>` : nothing}
        ${field(
          'name',
          html`<input id="name" name="name" autocomplete="name" required .value=${this.form.name} aria-invalid=${a.name.invalid} aria-describedby=${a.name.described} @input=${input('name')} />`,
        )}
        ${field(
          'email',
          html`<input id="email" name="email" type="email" autocomplete="email" required .value=${this.form.email} aria-invalid=${a.email.invalid} aria-describedby=${a.email.described} @input=${input('email')} />`,
        )}
        ${field(
          'careerLevel',
          html`<select id="careerLevel" name="careerLevel" required aria-invalid=${a.careerLevel.invalid} aria-describedby=${a.careerLevel.described} @change=${input('careerLevel')}>
            <option value="" ?selected=${!this.form.careerLevel}>${t.t('choose')}</option>
            ${CAREER_LEVELS.map((level) => html`<option value=${level} ?selected=${this.form.careerLevel === level}>${t.t(`lv:${level}`)}</option>`)}
          </select>`,
        )}
        ${field('goals', html`<textarea id="goals" name="goals" .value=${this.form.goals} aria-invalid=${a.goals.invalid} aria-describedby=${a.goals.described} @input=${input('goals')}></textarea>`)}
        ${field('message', html`<textarea id="message" name="message" .value=${this.form.message} aria-invalid=${a.message.invalid} aria-describedby=${a.message.described} @input=${input('message')}></textarea>`)}
        <p><button class="primary" type="submit" ?disabled=${this.pending}>${t.t(this.pending ? 'booking' : 'book')}</button></p>
      </form>`,
    ] as const;
  }

  private renderDone() {
    const t = this.l;
    const booking = this.booking!;
    const mentor = this.catalog!.mentors.find((m) => m.id === booking.mentorId);
    if (this.step === 'cancelled') {
      return [
        t.t('stepCancelled'),
        html`<p><s>${this.range(booking, this.zone, true)}</s></p>
          <p><button @click=${this.startOver}>${t.t('again')}</button></p>`,
      ] as const;
    }
    return [
      t.t('stepDone'),
      html`<dl part="summary">
        <dt>${t.t('session')}</dt>
        <dd>${this.typeName(booking.sessionTypeId)}</dd>
        <dt>${t.t('mentor')}</dt>
        <dd>${mentor?.name ?? booking.mentorId}</dd>
        <dt>${t.t('yourTime')}</dt>
        <dd data-zone=${this.zone}>${this.range(booking, this.zone, true)}</dd>
        ${mentor
          ? html`<dt>${t.t('mentorTime', mentor.name)}</dt>
              <dd data-zone=${mentor.timeZone}>${this.range(booking, mentor.timeZone, true)}</dd>`
          : nothing}
        <dt>${t.t('name')}</dt>
        <dd>${booking.name}</dd>
        <dt>${t.t('email')}</dt>
        <dd>${booking.email}</dd>
      </dl>
      <div class="row">
        <a part="ics" href=${this.icsUrl} download="mentorship-session.ics">${t.t('ics')}</a>
        <button
          ?disabled=${this.pending}
          @click=${() => {
            this.rescheduling = true;
            this.history = [];
            this.date = '';
            this.go('day');
            void this.loadSlots();
          }}
        >
          ${t.t('reschedule')}
        </button>
        <button ?disabled=${this.pending} @click=${this.cancel}>${t.t('cancel')}</button>
      </div>`,
    ] as const;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mentor-booking': MentorBooking;
  }
  interface GlobalEventHandlersEventMap {
    'booking-confirmed': CustomEvent<Booking>;
    'booking-cancelled': CustomEvent<Booking>;
    'booking-rescheduled': CustomEvent<Booking>;
  }
}
