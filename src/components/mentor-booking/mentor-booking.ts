import { html, nothing, type CSSResultArray, type PropertyValues } from 'lit';
import type { ChangeEvent, MentorshipClient } from '../../sdk/client.js';
import { dateInZone } from '../../sdk/scheduling/zone.js';
import type { Booking, Catalog, Mentor, Series, Slot, WaitlistEntry } from '../../sdk/schemas.js';
import { isValidTimeZone } from '../../sdk/time-zone.js';
import { LazyModule } from '../shared/lazy-module.js';
import { LocalizeController } from '../shared/localize.js';
import { MkElement } from '../shared/mk-element.js';
import type { View } from './format.js';
import type { BookingFlow, BookingHost, LaterStep } from './later-steps.js';
import { en, type MentorBookingMessages } from './mentor-booking.messages.js';
import { styles } from './mentor-booking.styles.js';
import { freeMonths, keyTarget, renderCalendar } from './steps/calendar.js';
import { renderMentors, renderTypes } from './steps/choices.js';
import { renderBusy, renderZone } from './steps/parts.js';
import { renderTimes } from './steps/times.js';
import { PromotionNotices } from './waitlist-notices.js';

/** The chunks the element loads on demand; a test may swap one for a slow or failing loader. */
export const bookingChunks = {
  laterSteps: () => import('./later-steps.js'),
  series: () => import('./series.js'),
  waitlist: () => import('./waitlist.js'),
};

/** The steps in order; from the details form on, later-steps.ts renders them. */
type Step = 'type' | 'mentor' | 'day' | 'time' | LaterStep;
const DAY = 86_400_000;
/** Internal reactive state: re-renders when it changes, no attribute. */
const state = { state: true };

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
 * @fires {CustomEvent<Series>} series-confirmed - After a recurring series is booked; detail is the whole series (every occurrence). Cancelling occurrences fires `booking-cancelled` for each.
 * @fires {CustomEvent<WaitlistEntry>} waitlist-joined - After the visitor joins the waitlist of a full group session; detail is the whole entry (`position` is their place in line).
 * @fires {CustomEvent<WaitlistEntry>} waitlist-promoted - When the element tells the visitor a seat freed and was booked for them (on the page, or on their next visit); detail is the entry with its `booking`. `booking-confirmed` follows with that booking.
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
 * @csspart repeat - The Repeat fieldset in the details form (book a recurring series).
 * @csspart occurrences - The list of a series' occurrences (before booking and in the confirmation).
 * @csspart occurrence - One occurrence; `data-status` is free, conflict, dropped or moved (before booking), confirmed or cancelled (after).
 * @csspart full - A full group session's time button ("Full — join the waitlist"); it also has part `time`.
 * @csspart waitlist-intro - What the waitlist does, above the details form when joining.
 * @csspart position - "You are number 2 in line." after joining.
 * @csspart promoted - The notice that a seat freed up and is booked for the visitor.
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
    repeat: { type: Boolean, reflect: true },
    step: state,
    full: state,
    catalog: state,
    slots: state,
    focusDate: state,
    date: state,
    alert: state,
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
  /** Offers a chosen time as a recurring series with Repeat switched on (for a program that asks for one); off by default. */
  declare repeat: boolean;

  declare private step: Step;
  /** Full group sessions of the chosen mentor and session type (their waitlist can be joined). */
  declare private full?: Slot[];
  declare private catalog?: Catalog;
  /** Free slots of the chosen mentor and session type; undefined while loading. */
  declare private slots?: Slot[];
  /** The calendar's roving focus; its month is the month shown. */
  declare private focusDate: string;
  /** The day the visitor picked. */
  declare private date: string;
  declare private alert: string;
  declare private pending: boolean;
  declare private planProgram: string;
  declare private chosenProgram: string;
  declare private zoneError: boolean;

  private readonly l = new LocalizeController<MentorBookingMessages>(this, 'mentor-booking', { en: en as MentorBookingMessages }); // the series' strings join en with their chunk
  #typeId = '';
  /** The chosen mentor. */
  #mentor?: Mentor;
  #picked?: Slot;
  #history: Step[] = [];
  /** A selector to focus after the next render: the new step's heading, a calendar day, an invalid field. */
  #focusTarget = '';
  /** The steps after choosing a time, loaded while the visitor looks at the calendar. */
  #steps = new LazyModule(this, () => bookingChunks.laterSteps());
  /** The details form and everything after it (later-steps.ts), from the first time chosen on. */
  #flow?: BookingFlow;
  #byDay = new Map<string, Slot[]>();
  /** The waitlist UI (joining, the place in line, promotion notices), loaded when one is wanted. */
  #waitlistUi = new LazyModule(this, () => bookingChunks.waitlist());
  #notices = new PromotionNotices(this, (entry) => {
    this.#waitlistUi.load().catch(() => {});
    this.emit<WaitlistEntry>('waitlist-promoted', entry);
    if (entry.booking) this.emit<Booking>('booking-confirmed', entry.booking);
  });

  constructor() {
    super();
    this.mentor = '';
    this.sessionType = '';
    this.program = '';
    this.timezone = '';
    this.hourCycle = '';
    this.name = '';
    this.email = '';
    this.repeat = false;
    this.step = 'type';
    this.focusDate = '';
    this.date = '';
    this.alert = '';
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
        // A seat that freed since the last visit and went to this visitor: tell them.
        void this.#notices.check(client);
      },
      (error) => this.#failed(error),
    );
  }

  override clientChange(event: ChangeEvent): void {
    if (event.resource === 'plan') this.planProgram = event.plan.programId ?? '';
    if (event.resource === 'waitlist') this.#notices.add(event.entry);
    // Someone (maybe in another tab) booked or freed time: refresh the calendar quietly.
    if (event.resource === 'booking' && event.booking.mentorId === this.#mentor?.id && ['day', 'time', 'details'].includes(this.step) && !this.pending) {
      void this.#loadSlots(true);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#flow?.disconnect();
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
    if (changed('slots') || changed('full') || changed('timezone')) {
      this.#byDay = new Map();
      for (const slot of [...(this.slots ?? []), ...this.#gridFull].sort((a, b) => a.start.localeCompare(b.start))) {
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

  get #program() {
    return this.catalog?.programs.find((p) => p.id === this.#programId);
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
    this.#steps.load().catch(() => {}); // the details form, wanted after the calendar; a failure shows Retry there
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
      const range = { mentorId: this.#mentor!.id, sessionTypeId: this.#typeId, from: new Date(now - 366 * DAY).toISOString(), to: new Date(now + 800 * DAY).toISOString() };
      const slots = await this.client!.slots.list(range);
      // A group session's full times stay in the grid, to join their waitlist.
      this.full = this.#capacity > 1 ? await this.client!.waitlist.fullSessions(range).catch(() => []) : [];
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

  async #pickTime(slot: Slot, joining = false): Promise<void> {
    this.#picked = slot;
    // The next steps' code: usually here already; while it comes the times show progress, and if
    // it fails, the error and Retry.
    const loaded = await Promise.all([this.#steps.load(), joining && this.#waitlistUi.load()]).then(
      () => true,
      () => false,
    );
    if (!loaded || this.step !== 'time' || this.#picked !== slot) return;
    const flow = (this.#flow ??= new this.#steps.module!.BookingFlow(this.#flowHost()));
    if (this.#rescheduling) return flow.reschedule(slot);
    const type = this.catalog!.sessionTypes.find((t) => t.id === this.#typeId)!;
    flow.choose({ mentor: this.#mentor!, type, program: this.#program, picked: slot }, joining);
  }

  /** A group session's full times are in the grid too (to join their waitlist), not when moving a booking. */
  get #gridFull(): Slot[] {
    return this.#rescheduling ? [] : (this.full ?? []);
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

  #startOver(): void {
    this.date = '';
    this.#flow?.reset();
    this.#begin();
    this.#focusTarget = 'h3';
  }

  #setZone(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.zoneError = !isValidTimeZone(input.value);
    if (!this.zoneError) this.timezone = input.value;
  }

  /** Keeps the form; shows fresh times on the same day (or the calendar if that day is now full). */
  async #showFreshTimes(): Promise<void> {
    // Back from the form to the times (a reschedule is there already), with fresh slots…
    await (this.step === 'details' ? this.#back() : this.#loadSlots(true));
    // …and on to the calendar if that day is now full.
    if (!this.#byDay.has(this.date)) void this.#back();
    this.#focusTarget = 'h3';
    this.alert = this.l.t('taken');
  }

  /** What the later steps (later-steps.ts) use of the element. */
  #flowHost(): BookingHost {
    const el = this;
    return {
      element: this,
      get client() {
        return el.client!;
      },
      get view() {
        return el.#view;
      },
      get slots() {
        return el.slots ?? [];
      },
      get pending() {
        return el.pending;
      },
      set pending(pending) {
        el.pending = pending;
      },
      say: (alert) => (this.alert = alert),
      focus: (selector) => (this.#focusTarget = selector),
      show: (step) => {
        // Only the details form has a way back (to the times); a booking made starts afresh.
        if (step !== 'details') this.#history = [];
        this.#go(step, step === 'details');
      },
      showFreshTimes: () => this.#showFreshTimes(),
      refreshSlots: () => void this.#loadSlots(true),
      startOver: () => this.#startOver(),
      startReschedule: () => this.#startReschedule(),
      typeName: (id) => this.#typeName(id),
      emit: (name, detail) => this.emit(name, detail),
      waitlistUi: this.#waitlistUi,
      loadSeriesUi: () => bookingChunks.series(),
    };
  }

  // ---- calendar ----------------------------------------------------------------------------

  /** Moves the calendar's focus to `date`, turning the page, but not past the months with free days. */
  #moveFocus(date: string): void {
    const months = freeMonths(this.#byDay);
    const month = date.slice(0, 7);
    if (!(months[0]! <= month && month <= months.at(-1)!)) return;
    this.focusDate = date;
    this.#focusTarget = `[data-date="${date}"]`;
  }

  #onGridKey(event: KeyboardEvent): void {
    const target = keyTarget(this.#view, event.key, this.focusDate);
    if (!target) return;
    event.preventDefault();
    this.#moveFocus(target);
  }

  /** `hourCycle` when valid. */
  get #cycle() {
    return this.hourCycle === 'h12' || this.hourCycle === 'h23' ? this.hourCycle : undefined;
  }

  // ---- rendering: the flow here, each step in steps/ -----------------------------------------

  get #view(): View {
    return { l: this.l, zone: this.zone, cycle: this.#cycle, pending: this.pending };
  }

  override render() {
    const t = this.l;
    // A failed load (the catalog, or the slots later on) offers a retry, which starts over.
    const content =
      this.viewState === 'error'
        ? html`<div class="message error" role="alert">${t.t('loadFailed')}</div>
<button @click=${() => this.clientChanged(this.client!)}>${t.t('retry')}</button>`
        : this.catalog
          ? this.#renderStep()
          : renderBusy(t, 'skeleton');
    const notices = this.#notices.entries.length && this.#waitlistUi.module;
    return html`<div dir=${t.dir} lang=${t.lang}>${this.renderConfigErrors()} ${notices ? this.#renderNotices(notices) : nothing} ${content}</div>`;
  }

  #renderNotices(ui: typeof import('./waitlist.js')) {
    return ui.renderPromoted(this.#view, {
      entries: this.#notices.entries,
      typeName: (id) => this.#typeName(id),
      mentorName: (id) => this.catalog?.mentors.find((m) => m.id === id)?.name ?? id,
      dismiss: (entry) => this.#notices.dismiss(this.client!, entry),
    });
  }

  #renderStep() {
    const step = this.step;
    const v = this.#view;
    const t = this.l;
    // The later steps are only reached once their code is here (#pickTime waits for it).
    const later = () => this.#flow?.render(step as LaterStep) ?? (['', renderBusy(t, 'skeleton')] as const);
    const zoneField = () => renderZone(v, this.zoneError, (e) => this.#setZone(e));
    // Each step's [title, content], in the order of the steps.
    const renderers: Record<Step, () => readonly [string, unknown]> = {
      type: () =>
        renderTypes(v, {
          programs: this.program ? undefined : this.catalog!.programs,
          programId: this.#programId,
          programTitle: (p) => this.#translated('pt:' + p.id, p.title),
          chooseProgram: (id) => (this.chosenProgram = id || '-'),
          types: this.#types,
          typeName: (id) => this.#typeName(id),
          chooseType: (id) => this.#chooseType(id),
        }),
      mentor: () => renderMentors(v, this.#mentorsFor(this.#typeId), (m) => this.#translated('mt:' + m.id, m.title), (m) => this.#chooseMentor(m)),
      day: () =>
        renderCalendar(
          v,
          {
            slots: this.slots,
            byDay: this.#byDay,
            full: this.#gridFull,
            focusDate: this.focusDate,
            date: this.date,
            rescheduling: this.#rescheduling,
            horizonDays: this.#mentor!.rules.horizonDays,
            moveFocus: (date) => this.#moveFocus(date),
            pickDay: (date) => this.#pickDay(date),
            zoneField: zoneField(),
          },
          (e) => this.#onGridKey(e),
        ),
      time: () =>
        renderTimes(v, {
          date: this.date,
          slots: this.#byDay.get(this.date) ?? [],
          capacity: this.#capacity,
          pick: (slot) => void this.#pickTime(slot),
          full: this.full,
          joinFull: (slot) => void this.#pickTime(slot, true),
          next: this.#steps.loading
            ? html`<p class="muted" role="status">${t.t('stepLoading')}</p>`
            : this.#steps.failed
              ? html`<p class="field-error" role="alert">${t.t('stepFailed')} <button @click=${() => this.#pickTime(this.#picked!)}>${t.t('retry')}</button></p>`
              : nothing,
          zoneField: zoneField(),
        }),
      details: later,
      done: later,
      cancelled: later,
      series: later,
      waitlisted: later,
    };
    const [title, content] = renderers[step]();
    // One place per step: Lit reuses DOM by position, so entering a step builds a new section and
    // the heading that gets focus is announced afresh (as the `keyed` directive would, for less code).
    return Object.keys(renderers).map((name) =>
      name === step
        ? html`<section part="step" data-step=${step}>
<h3 tabindex="-1" part="heading">${title}</h3>
${this.alert ? html`<div class="message ${step === 'done' || step === 'series' ? 'info' : 'error'}" role="alert">${this.alert}</div>` : nothing}
${content}
${this.#history.length ? html`<p><button @click=${this.#back}>${this.l.t('back')}</button></p>` : nothing}
</section>`
        : nothing,
    );
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
    'series-confirmed': CustomEvent<Series>;
    'waitlist-joined': CustomEvent<WaitlistEntry>;
    'waitlist-promoted': CustomEvent<WaitlistEntry>;
  }
}
