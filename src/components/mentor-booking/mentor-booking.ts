import { html, nothing, type CSSResultArray, type PropertyValues } from 'lit';
import type { ChangeEvent, MentorshipClient } from '../../sdk/client.js';
import { MentorshipError } from '../../sdk/errors.js';
import { newId } from '../../sdk/ids.js';
import { addDays, dateInZone, isoWeekday } from '../../sdk/scheduling/zone.js';
import { canChange, isPolicyRefusal } from '../../sdk/scheduling/policies.js';
import { CAREER_LEVELS } from '../../sdk/constants.js';
import { BookingRequest as BookingRequestValidator } from '../../sdk/generated/validators.js';
import type { Booking, BookingRequest, Catalog, Mentor, Slot } from '../../sdk/schemas.js';
import { isValidTimeZone } from '../../sdk/time-zone.js';
import { check } from '../../sdk/validator.js';
import { LazyModule } from '../shared/lazy-module.js';
import { LocalizeController } from '../shared/localize.js';
import { MkElement } from '../shared/mk-element.js';
import { en, type MentorBookingMessages } from './mentor-booking.messages.js';
import { styles } from './mentor-booking.styles.js';

type Step = 'type' | 'mentor' | 'day' | 'time' | 'details' | 'done' | 'cancelled';
type Field = 'name' | 'email' | 'careerLevel' | 'goals' | 'message';
/** The details form's fields, in order. */
const emptyForm = (): Record<Field, string> => ({ name: '', email: '', careerLevel: '', goals: '', message: '' });
const FIELDS = Object.keys(emptyForm()) as Field[];
const DAY = 86_400_000;
/** Internal reactive state: re-renders when it changes, no attribute. */
const state = { state: true };

/** "Tuesday, 3 March 2026, 10:00–11:00"; ZONED adds the zone's short name ("CET"). */
const WHEN: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' };
const ZONED: Intl.DateTimeFormatOptions = { ...WHEN, timeZoneName: 'short' };
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** The same day `months` later, clamped to the month's length (31 January + 1 → 28 February). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m + months, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/**
 * Books a session with a mentor in a few steps: session type (and program), mentor, a day on a
 * month calendar, a time in the visitor's time zone, the visitor's details, and a confirmation with
 * an add-to-calendar download, cancel and reschedule. Free times come from the SDK's scheduling
 * engine; the backend re-checks the slot atomically, so two visitors never get the same time.
 *
 * @summary Book a mentoring session in your own time zone.
 * @customElement mentor-booking
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
 * @csspart seats - "3 of 6 seats left" under a group session's time.
 * @csspart too-late - Why reschedule or cancel is gone once the mentor's notice has passed.
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

  // MkElement's properties (locale, theme, state) are inherited: Lit finalizes the base class first.
  static override properties = {
    mentor: { type: String, reflect: true },
    sessionType: { type: String, reflect: true, attribute: 'session-type' },
    program: { type: String, reflect: true },
    timezone: { type: String, reflect: true },
    hourCycle: { type: String, reflect: true, attribute: 'hour-cycle' },
    name: { type: String, reflect: true },
    email: { type: String, reflect: true },
    step: state,
    catalog: state,
    slots: state,
    focusDate: state,
    date: state,
    booking: state,
    alert: state,
    errors: state,
    pending: state,
    planProgram: state,
    chosenProgram: state,
    zoneError: state,
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
  /** The calendar's roving focus; its month is the month shown. */
  declare private focusDate: string;
  /** The day the visitor picked. */
  declare private date: string;
  declare private booking?: Booking;
  declare private alert: string;
  declare private errors: Partial<Record<Field, string>>;
  declare private pending: boolean;
  declare private planProgram: string;
  declare private chosenProgram: string;
  declare private zoneError: boolean;

  private readonly l = new LocalizeController<MentorBookingMessages>(this, 'mentor-booking', { en });
  #typeId = '';
  /** The chosen mentor. */
  #mentor?: Mentor;
  #picked?: Slot;
  #form = emptyForm();
  #history: Step[] = [];
  #idempotencyKey = '';
  /** A selector to focus after the next render: the new step's heading, a calendar day, an invalid field. */
  #focusTarget = '';
  #icsUrl = '';
  /** The calendar-file writer, loaded on demand (from choosing a time on). */
  #ics = new LazyModule(this, () => import('../../sdk/export/ics.js'));
  #byDay = new Map<string, Slot[]>();

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
    this.viewState = 'loading';
    Promise.all([client.catalog.get(), client.plan.get()]).then(
      ([catalog, plan]) => {
        if (client !== this.client) return;
        this.planProgram = plan?.programId ?? '';
        this.catalog = catalog;
      },
      (error) => this.#failed(error),
    );
  }

  override clientChange(event: ChangeEvent): void {
    if (event.resource === 'plan') this.planProgram = event.plan.programId ?? '';
    // Someone (maybe in another tab) booked or freed time: refresh the calendar quietly.
    if (event.resource === 'booking' && event.booking.mentorId === this.#mentor?.id && (this.step === 'day' || this.step === 'time')) {
      void this.#loadSlots(true);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    URL.revokeObjectURL(this.#icsUrl);
    this.#icsUrl = '';
  }

  protected override willUpdate(props: PropertyValues<this>): void {
    const changed = (name: string) => (props as Map<string, unknown>).has(name);
    if (changed('timezone')) this.setError('timezone', this.timezone && this.timezone !== this.zone && this.l.t('badZone', this.timezone, this.zone));
    if (changed('hourCycle')) this.setError('hour-cycle', this.hourCycle && !this.#cycle && this.l.t('badCycle', this.hourCycle));
    const catalog = this.catalog;
    if (catalog && ['catalog', 'mentor', 'sessionType', 'program'].some(changed)) {
      const unknown = (value: string, list: { id: string }[]) => value && !list.some((x) => x.id === value) && this.l.t('badAttr', value);
      const mentor = this.#fixedMentor;
      const notOffered = mentor && this.sessionType && !mentor.sessionTypeIds.includes(this.sessionType) && this.l.t('notOffered', mentor.name, this.#typeName(this.sessionType));
      this.setError('mentor', unknown(this.mentor, catalog.mentors));
      this.setError('session-type', unknown(this.sessionType, catalog.sessionTypes) || notOffered);
      this.setError('program', unknown(this.program, catalog.programs));
      if (changed('catalog') || this.step === 'type') this.#begin();
    }
    if (changed('slots') || changed('timezone')) {
      this.#byDay = new Map();
      for (const slot of this.slots ?? []) {
        const day = dateInZone(Date.parse(slot.start), this.zone);
        const list = this.#byDay.get(day);
        if (list) list.push(slot);
        else this.#byDay.set(day, [slot]);
      }
      // Show the month of the first free day, unless a quiet refresh keeps the visitor's page.
      this.focusDate ||= this.#byDay.keys().next().value ?? '';
    }
  }

  protected override updated(): void {
    if (!this.#focusTarget) return;
    this.renderRoot.querySelector<HTMLElement>(this.#focusTarget)?.focus();
    this.#focusTarget = '';
  }

  // ---- data ------------------------------------------------------------------------------

  get #fixedMentor() {
    return this.catalog?.mentors.find((m) => m.id === this.mentor);
  }

  /** The program narrowing the session types: the attribute, else the visitor's choice here, else their plan. */
  get #programId(): string {
    const valid = (id: string) => (this.catalog?.programs.some((p) => p.id === id) ? id : '');
    return valid(this.program) || valid(this.chosenProgram || this.planProgram);
  }

  get #types() {
    const program = this.catalog?.programs.find((p) => p.id === this.#programId);
    return (this.catalog?.sessionTypes ?? []).filter((t) => (!program || program.sessionTypeIds.includes(t.id)) && this.#mentorsFor(t.id).length);
  }

  #mentorsFor(typeId: string) {
    const fixed = this.#fixedMentor;
    return (this.catalog?.mentors ?? []).filter((m) => m.sessionTypeIds.includes(typeId) && (!fixed || fixed === m));
  }

  /** Seats in one occurrence of the chosen session type (1 unless it is a group session). */
  get #capacity(): number {
    return this.catalog?.sessionTypes.find((t) => t.id === this.#typeId)?.capacity ?? 1;
  }

  #typeName(id: string): string {
    return this.#translated('st:' + id, this.catalog?.sessionTypes.find((t) => t.id === id)?.name ?? id);
  }

  /** The demo catalog's text in the visitor's language (`st:`, `pt:`, `mt:` keys), else the catalog's own. */
  #translated(key: string, fallback: string): string {
    const text = this.l.t(key as keyof MentorBookingMessages);
    return text === key ? fallback : text;
  }

  #failed(error: unknown): void {
    this.viewState = 'error';
    // The element says it in its own words (loadFailed), so the event only.
    this.reportError('load', error, 'storage', false);
  }

  // ---- steps -------------------------------------------------------------------------------

  /** The first step that needs the visitor, given the attributes; the steps they answered leave no way back. */
  #begin(): void {
    const type = this.#types.find((t) => t.id === this.sessionType);
    this.viewState = 'ready';
    if (type) this.#chooseType(type.id);
    else this.step = 'type';
    this.#history = [];
    this.#focusTarget = ''; // skipping steps the attributes answered must not pull focus on load
  }

  #go(step: Step, push = true): void {
    if (push) this.#history.push(this.step);
    if (step !== 'day') this.viewState = 'ready';
    this.step = step;
    this.alert = '';
    this.#focusTarget = 'h3';
  }

  /** Returns to the previous step; the calendar and the times are refreshed on the way. */
  async #back(): Promise<void> {
    const previous = this.#history.pop();
    if (!previous) return;
    this.#go(previous, false);
    if (previous === 'day' || previous === 'time') await this.#loadSlots(true);
  }

  #chooseType(id: string): void {
    this.#typeId = id;
    const mentors = this.#mentorsFor(id);
    if (mentors.length === 1) this.#chooseMentor(mentors[0]!);
    else this.#go('mentor');
  }

  #chooseMentor(mentor: Mentor): void {
    this.#mentor = mentor;
    this.#go('day');
    void this.#loadSlots();
  }

  async #loadSlots(quiet = false): Promise<void> {
    if (!quiet) {
      this.slots = undefined;
      this.focusDate = '';
      this.viewState = 'loading';
    }
    const now = Date.now();
    try {
      // Every free slot in the mentor's horizon; the backend clamps the range with its own clock.
      const slots = await this.client!.slots.list({
        mentorId: this.#mentor!.id,
        sessionTypeId: this.#typeId,
        from: new Date(now - 366 * DAY).toISOString(),
        to: new Date(now + 800 * DAY).toISOString(),
      });
      this.slots = slots;
      this.viewState = slots.length ? 'ready' : 'empty';
    } catch (error) {
      this.#failed(error);
    }
  }

  #pickDay(date: string): void {
    this.focusDate = date;
    if (!this.#byDay.has(date)) return;
    this.date = date;
    this.#go('time');
  }

  #pickTime(slot: Slot): void {
    this.#picked = slot;
    this.#ics.load().catch(() => {}); // wanted on the confirmation; a failure shows Retry there
    if (this.#rescheduling) {
      void this.#write(async (client) => {
        this.#confirmed(await client.bookings.reschedule(this.booking!.id, slot.start), 'booking-rescheduled');
        this.alert = this.l.t('rescheduled');
      });
      return;
    }
    this.#idempotencyKey = newId('idem-');
    this.#form.name ||= this.name;
    this.#form.email ||= this.email;
    this.errors = {};
    this.#go('details');
  }

  /** Moving a booking: its steps come after the confirmation, so Back leads there. */
  get #rescheduling(): boolean {
    return this.#history[0] === 'done';
  }

  #startReschedule(): void {
    this.#history = ['done'];
    this.date = '';
    this.#go('day', false);
    void this.#loadSlots();
  }

  #cancel(): void {
    void this.#write(async (client) => {
      this.booking = await client.bookings.cancel(this.booking!.id);
      this.#go('cancelled', false);
      this.emit<Booking>('booking-cancelled', this.booking);
    });
  }

  #startOver(): void {
    this.date = '';
    this.#form = emptyForm();
    this.#begin();
    this.#focusTarget = 'h3';
  }

  #setZone(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.zoneError = !isValidTimeZone(input.value);
    if (!this.zoneError) this.timezone = input.value;
  }

  // ---- the form ----------------------------------------------------------------------------

  /**
   * Keeps what the visitor types (it survives a taken slot) and re-checks a field already flagged.
   * On the form in the capture phase, so it hears every control's input and change events.
   */
  #onField = {
    capture: true,
    handleEvent: (event: Event) => {
      const control = event.target as HTMLInputElement;
      const field = control.name as Field;
      this.#form[field] = control.value;
      if (this.errors[field]) this.#validate();
    },
  };

  #request(): BookingRequest {
    return {
      ...this.#form,
      mentorId: this.#mentor!.id,
      sessionTypeId: this.#typeId,
      programId: this.#programId || undefined,
      start: this.#picked!.start,
      timeZone: this.zone,
      // The visitor's language, for the server's mails (without Unicode extensions: a short tag).
      locale: new Intl.Locale(this.l.lang).baseName,
    } as BookingRequest;
  }

  #validate(): boolean {
    const result = check(BookingRequestValidator, this.#request());
    const errors: Partial<Record<Field, string>> = {};
    for (const { path } of result.success ? [] : result.issues) {
      if (path in this.#form) errors[path as Field] = this.l.t(`err:${path as Field}`);
    }
    this.errors = errors;
    return Object.keys(errors).length === 0;
  }

  #submit(event: Event): void {
    event.preventDefault();
    if (!this.#validate()) {
      this.#focusTarget = '[aria-invalid="true"]';
      return;
    }
    void this.#write(async (client) => this.#confirmed(await client.bookings.create(this.#request(), { idempotencyKey: this.#idempotencyKey }), 'booking-confirmed'));
  }

  /** Runs one booking change at a time. A slot taken meanwhile (create, reschedule) shows fresh times. */
  async #write(change: (client: MentorshipClient) => Promise<void>): Promise<void> {
    if (this.pending) return;
    this.pending = true;
    try {
      await change(this.client!);
    } catch (error) {
      // A booking policy (notice, caps) says why; anything else in conflict is a slot just taken.
      if (isPolicyRefusal(error)) this.alert = this.#policyMessage(error as MentorshipError);
      else if (MentorshipError.is(error) && error.code === 'conflict') void this.#showFreshTimes();
      else this.alert = this.l.t('failed');
    } finally {
      this.pending = false;
    }
  }

  /** The refused rule in the visitor's language, else the backend's own words. */
  #policyMessage(error: MentorshipError): string {
    const key = `policy:${error.issues.find((i) => i.path.startsWith('rules.'))!.path.slice(6)}` as keyof MentorBookingMessages;
    const text = this.l.t(key);
    return text === key ? error.message : (text as string);
  }

  /** Keeps the form; shows fresh times on the same day (or the calendar if that day is now full). */
  async #showFreshTimes(): Promise<void> {
    this.#idempotencyKey = newId('idem-');
    // Back from the form to the times (a reschedule is there already), with fresh slots…
    await (this.step === 'details' ? this.#back() : this.#loadSlots(true));
    // …and on to the calendar if that day is now full.
    if (!this.#byDay.has(this.date)) void this.#back();
    this.#focusTarget = 'h3';
    this.alert = this.l.t('taken');
  }

  #confirmed(booking: Booking, event: 'booking-confirmed' | 'booking-rescheduled'): void {
    this.booking = booking;
    this.#history = [];
    this.#go('done', false);
    URL.revokeObjectURL(this.#icsUrl);
    this.#icsUrl = '';
    void this.#calendarFile(booking, event === 'booking-rescheduled' ? 1 : 0);
    this.emit<Booking>(event, booking);
  }

  /** Makes the "Add to calendar" file for `booking` once the ICS writer is loaded. */
  async #calendarFile(booking: Booking, sequence: number): Promise<void> {
    const { toIcs } = await this.#ics.load().catch(() => ({ toIcs: undefined }));
    if (!toIcs || booking !== this.booking) return;
    const ics = toIcs([
      {
        uid: `${booking.id}@mentorship-kit`,
        start: booking.start,
        end: booking.end,
        stamp: booking.updatedAt,
        summary: this.l.t('icsSummary', this.#typeName(booking.sessionTypeId), this.#mentor!.name),
        description: [booking.goals, booking.message].filter(Boolean).join('\n\n'),
        status: 'CONFIRMED',
        sequence,
      },
    ]);
    this.#icsUrl = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
    this.requestUpdate();
  }

  // ---- calendar ----------------------------------------------------------------------------

  /** The grid column of `date`: 0 for the locale's first day of the week. */
  #column(date: string): number {
    return (isoWeekday(date) - this.l.firstDayOfWeek + 7) % 7;
  }

  /** "YYYY-MM" of every free day, in order: the calendar pages from the first to the last. */
  get #freeMonths(): string[] {
    return [...this.#byDay.keys()].map((day) => day.slice(0, 7));
  }

  /** Moves the calendar's focus to `date`, turning the page, but not past the months with free days. */
  #moveFocus(date: string): void {
    const months = this.#freeMonths;
    const month = date.slice(0, 7);
    if (!(months[0]! <= month && month <= months.at(-1)!)) return;
    this.focusDate = date;
    this.#focusTarget = `[data-date="${date}"]`;
  }

  #onGridKey(event: KeyboardEvent): void {
    const date = this.focusDate;
    const column = this.#column(date);
    const forward = this.l.dir === 'rtl' ? -1 : 1;
    const days: Record<string, number> = { ArrowLeft: -forward, ArrowRight: forward, ArrowUp: -7, ArrowDown: 7, Home: -column, End: 6 - column };
    const months: Record<string, number> = { PageUp: -1, PageDown: 1 };
    const key = event.key;
    const target = key in days ? addDays(date, days[key]!) : key in months ? addMonths(date, months[key]!) : '';
    if (!target) return;
    event.preventDefault();
    this.#moveFocus(target);
  }

  // ---- formatting ----------------------------------------------------------------------------

  /** `hourCycle` when valid. */
  get #cycle() {
    return this.hourCycle === 'h12' || this.hourCycle === 'h23' ? this.hourCycle : undefined;
  }

  /** A calendar date "YYYY-MM-DD", which has no zone: read as UTC midnight and shown in UTC. */
  #day(date: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'full' }): string {
    return this.l.date(date, { ...options, timeZone: 'UTC' });
  }

  /** A slot's or booking's time range in `zone`, with the hour cycle. */
  #range(slot: Slot, options = WHEN, zone = this.zone): string {
    return this.l.dateFormat({ ...options, timeZone: zone, hourCycle: this.#cycle }).formatRange(new Date(slot.start), new Date(slot.end));
  }

  // ---- rendering ---------------------------------------------------------------------------

  override render() {
    const t = this.l;
    // A failed load (the catalog, or the slots later on) offers a retry, which starts over.
    const content =
      this.viewState === 'error'
        ? html`<div class="message error" role="alert">${t.t('loadFailed')}</div>
<button @click=${() => this.clientChanged(this.client!)}>${t.t('retry')}</button>`
        : this.catalog
          ? this.#renderStep()
          : this.#renderBusy('skeleton');
    return html`<div dir=${t.dir} lang=${t.lang}>${this.renderConfigErrors()} ${content}</div>`;
  }

  /** A placeholder announced as loading. */
  #renderBusy(skeleton: string) {
    return html`<div aria-busy="true"><span class="visually-hidden">${this.l.t('loading')}</span><span class=${skeleton}></span></div>`;
  }

  #renderStep() {
    const step = this.step;
    // Each step's [title, content], in the order of the steps.
    const renderers: Record<Step, () => readonly [string, unknown]> = {
      type: this.#renderTypes,
      mentor: this.#renderMentors,
      day: this.#renderDay,
      time: this.#renderTimes,
      details: this.#renderDetails,
      done: this.#renderDone,
      cancelled: this.#renderDone,
    };
    const [title, content] = renderers[step].call(this);
    // One place per step: Lit reuses DOM by position, so entering a step builds a new section and
    // the heading that gets focus is announced afresh (as the `keyed` directive would, for less code).
    return Object.keys(renderers).map((name) =>
      name === step
        ? html`<section part="step" data-step=${step}>
<h3 tabindex="-1" part="heading">${title}</h3>
${this.alert ? html`<div class="message ${step === 'done' ? 'info' : 'error'}" role="alert">${this.alert}</div>` : nothing}
${content}
${this.#history.length ? html`<p><button @click=${this.#back}>${this.l.t('back')}</button></p>` : nothing}
</section>`
        : nothing,
    );
  }

  /** Big buttons for session types and mentors: a name and a detail below it. */
  #renderChoices(choices: [name: string, detail: string, choose: () => void][]) {
    return html`<ul class="choices">
${choices.map(([name, detail, choose]) => html`<li><button part="choice" @click=${choose}>${name} <small>${detail}</small></button></li>`)}
</ul>`;
  }

  #renderTypes() {
    const t = this.l;
    const types = this.#types;
    const programSelect = html`<p><label>${t.t('program')}
<select @change=${(e: Event) => (this.chosenProgram = (e.target as HTMLSelectElement).value || '-')}>
<option value="" ?selected=${!this.#programId}>${t.t('anyProgram')}</option>
${this.catalog!.programs.map((p) => html`<option value=${p.id} ?selected=${p.id === this.#programId}>${this.#translated('pt:' + p.id, p.title)}</option>`)}
</select></label></p>`;
    return [
      t.t('stepType'),
      html`${this.program ? nothing : programSelect}
${types.length
  ? this.#renderChoices(types.map((type) => [this.#typeName(type.id), t.number(type.minutes, { style: 'unit', unit: 'minute' }), () => this.#chooseType(type.id)]))
  : html`<p class="message info">${t.t('noTypes')}</p>`}`,
    ] as const;
  }

  #renderMentors() {
    const mentors = this.#mentorsFor(this.#typeId);
    return [this.l.t('stepMentor'), this.#renderChoices(mentors.map((m) => [m.name, this.#translated('mt:' + m.id, m.title), () => this.#chooseMentor(m)]))] as const;
  }

  /** "Add to calendar", or while its file is being made: progress, or the error and Retry. */
  #renderIcsLink(booking: Booking) {
    const t = this.l;
    if (this.#icsUrl) return html`<a part="ics" href=${this.#icsUrl} download="mentorship-session.ics">${t.t('ics')}</a>`;
    if (!this.#ics.failed) return html`<span class="muted" role="status">${t.t('icsLoading')}</span>`;
    const retry = () => void this.#calendarFile(booking, booking.updatedAt === booking.createdAt ? 0 : 1);
    return html`<span class="field-error" role="alert">${t.t('icsFailed')} <button @click=${retry}>${t.t('retry')}</button></span>`;
  }

  #renderZone() {
    const t = this.l;
    const invalid = this.zoneError;
    return html`<p><label part="zone">${t.t('zone')}
<input list="zones" .value=${this.zone} aria-invalid=${invalid} aria-describedby="zone-note" @change=${this.#setZone} /></label>
<span id="zone-note" class=${invalid ? 'field-error' : 'muted'}>${invalid ? t.t('zoneInvalid') : t.t('zoneShown', this.zone)}</span></p>
<datalist id="zones">${Intl.supportedValuesOf('timeZone').map((zone) => html`<option value=${zone}></option>`)}</datalist>`;
  }

  #renderDay() {
    const t = this.l;
    const title = t.t(this.#rescheduling ? 'stepNewDay' : 'stepDay');
    if (!this.slots) return [title, this.#renderBusy('skeleton calendar')] as const;
    if (!this.slots.length) {
      const days = this.#mentor!.rules.horizonDays;
      return [title, html`<p class="message info">${t.t('empty', t.number(days), t.plural(days))}</p>`] as const;
    }
    const month = this.focusDate.slice(0, 7);
    const first = `${month}-01`;
    const months = this.#freeMonths;
    const next = months.includes(month) ? undefined : [...this.#byDay.keys()].find((day) => day > first);
    return [
      title,
      html`<div class="cal"><div class="row">
<button aria-label=${t.t('prev')} ?disabled=${month <= months[0]!} @click=${() => this.#moveFocus(addMonths(first, -1))}>‹</button>
<span class="month" id="month" aria-live="polite">${this.#day(first, { month: 'long', year: 'numeric' })}</span>
<button aria-label=${t.t('next')} ?disabled=${month >= months.at(-1)!} @click=${() => this.#moveFocus(addMonths(first, 1))}>›</button>
</div>${this.#renderGrid(month)}</div>
${next ? html`<p class="message info">${t.t('nextFree', this.#day(next))} <button @click=${() => this.#moveFocus(next)}>${t.t('showNext')}</button></p>` : nothing}
${this.#renderZone()}`,
    ] as const;
  }

  /** The month as a grid of weeks, starting on the locale's first day of the week. */
  #renderGrid(month: string) {
    const first = `${month}-01`;
    const weeks: string[][] = [];
    for (let start = addDays(first, -this.#column(first)); start.slice(0, 7) <= month; start = addDays(start, 7)) {
      weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
    }
    return html`<table role="grid" aria-labelledby="month" part="calendar" @keydown=${this.#onGridKey}>
<thead><tr>${weeks[0]!.map((day) => html`<th scope="col" abbr=${this.#day(day, { weekday: 'long' })}>${this.#day(day, { weekday: 'short' })}</th>`)}</tr></thead>
<tbody>${weeks.map((week) => html`<tr>${week.map((day) => (day.startsWith(month) ? this.#renderDayCell(day) : html`<td></td>`))}</tr>`)}</tbody>
</table>`;
  }

  #renderDayCell(date: string) {
    const t = this.l;
    const count = this.#byDay.get(date)?.length ?? 0;
    const label = count ? t.t('dayLabel', this.#day(date), t.number(count), t.plural(count)) : t.t('dayNone', this.#day(date));
    return html`<td aria-selected=${date === this.date}><button part="day" data-date=${date} ?data-free=${count}
tabindex=${date === this.focusDate ? 0 : -1} aria-disabled=${!count} aria-label=${label} @click=${() => this.#pickDay(date)}>${t.number(+date.slice(8))}</button></td>`;
  }

  #renderTimes() {
    const slots = this.#byDay.get(this.date) ?? [];
    return [
      this.l.t('stepTime', this.#day(this.date)),
      html`<ul class="times" aria-busy=${this.pending}>
${slots.map((slot) => {
  // Group sessions: "3 of 6 seats left" under the time, the button's description.
  const seats = slot.seatsLeft ? this.l.t('seatsLeft', this.l.number(slot.seatsLeft), this.l.number(this.#capacity), this.l.plural(slot.seatsLeft)) : '';
  const id = `seats-${Date.parse(slot.start)}`;
  return html`<li><button part="time" aria-label=${this.#range(slot)} aria-describedby=${seats ? id : nothing} ?disabled=${this.pending} @click=${() => this.#pickTime(slot)}>${this.#range(slot, TIME)}</button>${seats ? html`<small part="seats" id=${id}>${seats}</small>` : nothing}</li>`;
})}
</ul>
${this.#renderZone()}`,
    ] as const;
  }

  #renderDetails() {
    const t = this.l;
    const count = Object.keys(this.errors).length;
    return [
      t.t('stepDetails'),
      html`<p>${t.t('chosen', this.#range(this.#picked!, ZONED))}</p>
<form part="form" novalidate @submit=${this.#submit} @input=${this.#onField} @change=${this.#onField}>
${count ? html`<p class="message error" role="alert">${t.t('fix', t.number(count), t.plural(count))}</p>` : nothing}
${FIELDS.map((field) => this.#renderField(field))}
<p><button class="primary" ?disabled=${this.pending}>${t.t(this.pending ? 'booking' : 'book')}</button></p>
</form>`,
    ] as const;
  }

  /** A labelled form control with its error message tied to it. */
  #renderField(field: Field) {
    const t = this.l;
    const error = this.errors[field];
    const value = this.#form[field];
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

  /** Reschedule and cancel, each only while the mentor's notice rules still allow it. */
  #renderChanges(mentor: Mentor, booking: Booking) {
    const t = this.l;
    const now = Date.now();
    const move = canChange(mentor, booking, 'reschedule', now);
    const cancel = canChange(mentor, booking, 'cancel', now);
    return html`${move ? html`<button ?disabled=${this.pending} @click=${this.#startReschedule}>${t.t('reschedule')}</button>` : nothing}
${cancel ? html`<button ?disabled=${this.pending} @click=${this.#cancel}>${t.t('cancel')}</button>` : nothing}
${move && cancel ? nothing : html`<p part="too-late">${t.t(cancel ? 'tooLateToMove' : 'tooLate', mentor.name)}</p>`}`;
  }

  #renderDone() {
    const t = this.l;
    const booking = this.booking!;
    if (this.step === 'cancelled') {
      return [
        t.t('stepCancelled'),
        html`<p><s>${this.#range(booking, ZONED)}</s></p>
<p><button @click=${this.#startOver}>${t.t('again')}</button></p>`,
      ] as const;
    }
    const mentor = this.#mentor!;
    // Times carry the zone they are shown in.
    return [
      t.t('stepDone'),
      html`<dl part="summary">
<dt>${t.t('session')}</dt> <dd>${this.#typeName(booking.sessionTypeId)}</dd>
<dt>${t.t('mentor')}</dt> <dd>${mentor.name}</dd>
<dt>${t.t('yourTime')}</dt> <dd data-zone=${this.zone}>${this.#range(booking, ZONED)}</dd>
<dt>${t.t('mentorTime', mentor.name)}</dt> <dd data-zone=${mentor.timeZone}>${this.#range(booking, ZONED, mentor.timeZone)}</dd>
<dt>${t.t('name')}</dt> <dd>${booking.name}</dd>
<dt>${t.t('email')}</dt> <dd>${booking.email}</dd>
</dl>
<div class="row">
${this.#renderIcsLink(booking)}
${this.#renderChanges(mentor, booking)}
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
