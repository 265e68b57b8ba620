import { html, nothing, type CSSResultArray, type PropertyValues } from 'lit';
import type { ChangeEvent, MentorshipClient } from '../../sdk/client.js';
import { MentorshipError } from '../../sdk/errors.js';
import { newId } from '../../sdk/ids.js';
import { dateInZone } from '../../sdk/scheduling/zone.js';
import type { Booking, BookingRequest, Catalog, Mentor, Series, Slot, WaitlistEntry } from '../../sdk/schemas.js';
import { isValidTimeZone } from '../../sdk/time-zone.js';
import { LazyModule } from '../shared/lazy-module.js';
import { LocalizeController } from '../shared/localize.js';
import { MkElement } from '../shared/mk-element.js';
import type { View } from './format.js';
import { en, type MentorBookingMessages } from './mentor-booking.messages.js';
import { repeatChoice, type RepeatChoice } from './repeat-choice.js';
import { styles } from './mentor-booking.styles.js';
import { freeMonths, keyTarget, renderCalendar } from './steps/calendar.js';
import { renderMentors, renderTypes } from './steps/choices.js';
import { emptyForm, type Field } from './steps/fields.js';
import { renderBusy, renderZone } from './steps/parts.js';
import { renderTimes } from './steps/times.js';
import { PromotionNotices } from './waitlist-notices.js';

/** The chunks the element loads on demand; a test may swap one for a slow or failing loader. */
export const bookingChunks = {
  laterSteps: () => import('./later-steps.js'),
  series: () => import('./series.js'),
  waitlist: () => import('./waitlist.js'),
};

type Step = 'type' | 'mentor' | 'day' | 'time' | 'details' | 'done' | 'cancelled' | 'series' | 'waitlisted';
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
    choice: state,
    series: state,
    entry: state,
    full: state,
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
  /** Offers a chosen time as a recurring series with Repeat switched on (for a program that asks for one); off by default. */
  declare repeat: boolean;

  declare private step: Step;
  /** The Repeat choice for the chosen time. */
  declare private choice: RepeatChoice;
  /** The booked series, in its confirmation. */
  declare private series?: Series;
  /** The visitor's place on a waitlist, after joining. */
  declare private entry?: WaitlistEntry;
  /** Full group sessions of the chosen mentor and session type (their waitlist can be joined). */
  declare private full?: Slot[];
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

  private readonly l = new LocalizeController<MentorBookingMessages>(this, 'mentor-booking', { en: en as MentorBookingMessages }); // the series' strings join en with their chunk
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
  /** The steps after choosing a time, loaded while the visitor looks at the calendar. */
  #steps = new LazyModule(this, () => bookingChunks.laterSteps());
  /** The series UI (Repeat, occurrences, the series confirmation), loaded once a time is chosen. */
  #seriesUi = new LazyModule(this, () => bookingChunks.series());
  #byDay = new Map<string, Slot[]>();
  /** The waitlist UI (joining, the place in line, promotion notices), loaded when one is wanted. */
  #waitlistUi = new LazyModule(this, () => bookingChunks.waitlist());
  /** Joining the waitlist of the picked (full) session rather than booking it. */
  #joining = false;
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
    this.choice = repeatChoice(false, undefined, false);
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
    this.#joining = joining;
    this.#ics.load().catch(() => {}); // wanted on the confirmation; a failure shows Retry there
    // The next steps' code: usually here already; while it comes the times show progress, and if
    // it fails, the error and Retry.
    const loaded = await Promise.all([this.#steps.load(), joining && this.#waitlistUi.load()]).then(
      () => true,
      () => false,
    );
    if (!loaded || this.step !== 'time' || this.#picked !== slot) return;
    if (this.#rescheduling) {
      void this.#write(async (client) => {
        this.#confirmed(await client.bookings.reschedule(this.booking!.id, slot.start), 'booking-rescheduled');
        this.alert = this.l.t('rescheduled');
      });
      return;
    }
    this.#idempotencyKey = newId('idem-');
    const type = this.catalog!.sessionTypes.find((t) => t.id === this.#typeId);
    // A mentor who takes one upcoming session per visitor cannot be booked as a series.
    const canRepeat = (this.#mentor?.rules.maxActivePerVisitor ?? 2) >= 2;
    this.choice = repeatChoice(this.repeat && !joining && canRepeat, type?.frequency, !!this.#program);
    this.#seriesUi.load().catch(() => {}); // the Repeat control; a failure shows Retry there
    this.#form.name ||= this.name;
    this.#form.email ||= this.email;
    this.errors = {};
    this.#go('details');
  }

  /** Moving a booking: its steps come after the confirmation, so Back leads there. */
  /** A group session's full times are in the grid too (to join their waitlist), not when moving a booking. */
  get #gridFull(): Slot[] {
    return this.#rescheduling ? [] : (this.full ?? []);
  }

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
    this.series = undefined;
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
      if (!(field in this.#form)) return; // the Repeat controls keep their own state
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
    const errors: Partial<Record<Field, string>> = {};
    for (const path of this.#steps.module!.invalidPaths(this.#request())) {
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
    if (this.#joining) return void this.#joinWaitlist();
    if (this.choice.on) return void this.#bookSeries();
    void this.#write(async (client) => this.#confirmed(await client.bookings.create(this.#request(), { idempotencyKey: this.#idempotencyKey }), 'booking-confirmed'));
  }

  /** Joins the waitlist of the picked full session; a seat free again shows the fresh times. */
  #joinWaitlist(): void {
    void this.#write(async (client) => {
      const ui = await this.#waitlistUi.load();
      try {
        this.entry = await ui.joinWaitlist(client, this.#request(), this.#idempotencyKey);
      } catch (error) {
        const path = MentorshipError.is(error) && error.code === 'conflict' ? error.issues[0]?.path : undefined;
        if (!path?.startsWith('waitlist.')) throw error;
        if (path === 'waitlist.seatsLeft') await this.#showFreshTimes();
        this.alert = path === 'waitlist.seatsLeft' ? this.l.t('seatFreed') : (error as MentorshipError).message;
        return;
      }
      this.#history = [];
      this.#go('waitlisted', false);
      this.emit<WaitlistEntry>('waitlist-joined', this.entry);
    });
  }

  #leaveWaitlist(): void {
    void this.#write(async (client) => {
      await client.waitlist.leave(this.entry!.id);
      this.#startOver();
      this.alert = this.l.t('leftWaitlist');
    });
  }

  /** Runs one booking change at a time. A slot taken meanwhile (create, reschedule) shows fresh times. */
  async #write(change: (client: MentorshipClient) => Promise<void>): Promise<void> {
    if (this.pending) return;
    this.pending = true;
    try {
      await change(this.client!);
    } catch (error) {
      // A booking policy (notice, caps) says why; anything else in conflict is a slot just taken.
      if (this.#steps.module?.isPolicyRefusal(error)) this.alert = this.#policyMessage(error as MentorshipError);
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
    const later = this.#steps.module;
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
      details: () =>
        later!.renderDetails(v, {
          picked: this.#picked!,
          form: this.#form,
          errors: this.errors,
          submit: (e) => this.#submit(e),
          onField: this.#onField,
          extra: this.#joining ? this.#waitlistUi.module?.renderJoinIntro(v) : this.#renderRepeat(),
          bookLabel: this.#joining ? t.t('joinWaitlist') : this.choice.on && this.#plan ? t.t('bookSeries', t.number(this.#plan.booked), t.plural(this.#plan.booked)) : undefined,
        }),
      done: () =>
        later!.renderConfirmation(v, {
          booking: this.booking!,
          mentor: this.#mentor!,
          typeName: this.#typeName(this.booking!.sessionTypeId),
          ics: { url: this.#icsUrl, failed: this.#ics.failed, retry: () => this.#retryIcs(), fileName: 'mentorship-session.ics' },
          reschedule: () => this.#startReschedule(),
          cancel: () => this.#cancel(),
          startOver: () => this.#startOver(),
        }),
      cancelled: () => later!.renderCancelled(v, this.booking!, () => this.#startOver()),
      series: () =>
        this.#seriesUi.module!.renderSeriesDone(v, {
          series: this.series!,
          mentor: this.#mentor!,
          typeName: this.#typeName(this.series!.sessionTypeId),
          icsUrl: this.#icsUrl,
          cancelOne: (b) => this.#cancelOccurrences(b, false),
          cancelFrom: (b) => this.#cancelOccurrences(b, true),
          startOver: () => this.#startOver(),
        }),
      waitlisted: () => this.#waitlistUi.module!.renderWaitlisted(v, { entry: this.entry!, leave: () => this.#leaveWaitlist(), startOver: () => this.#startOver() }),
    };
    // The later steps are only reached once their code is here (#pickTime waits for it).
    const [title, content] = ['details', 'done', 'cancelled', 'series'].includes(step) && !later ? (['', renderBusy(t, 'skeleton')] as const) : renderers[step]();
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

  // ---- the series (its UI and requests in series.ts, loaded on demand) -----------------------

  get #program() {
    return this.catalog?.programs.find((p) => p.id === this.#programId);
  }

  /** The planned occurrences of the Repeat choice and how many of them will be booked, once the series UI is here. */
  get #plan() {
    const ui = this.#seriesUi.module;
    const type = this.catalog?.sessionTypes.find((t) => t.id === this.#typeId);
    if (!ui || !type || !this.#picked) return undefined;
    const count = ui.countOf(this.choice, this.#picked.start, this.#mentor!, this.#program);
    const occurrences = ui.planOccurrences(this.#picked, this.#mentor!, type, this.choice, count, this.slots ?? []);
    return { count, occurrences, booked: occurrences.filter((o) => o.status === 'free' || o.status === 'moved').length, conflicts: occurrences.filter((o) => o.status === 'conflict').length };
  }

  #renderRepeat() {
    const t = this.l;
    const ui = this.#seriesUi.module;
    if (!ui) {
      return this.#seriesUi.failed
        ? html`<p class="field-error" role="alert">${t.t('seriesFailed')} <button type="button" @click=${() => this.#seriesUi.load().catch(() => {})}>${t.t('retry')}</button></p>`
        : html`<p class="muted" role="status">${t.t('seriesLoading')}</p>`;
    }
    return ui.renderRepeat(this.#view, {
      choice: this.choice,
      occurrences: this.#plan!.occurrences,
      slots: this.slots ?? [],
      program: this.#program,
      first: this.#picked!,
      mentor: this.#mentor!,
      change: (patch, focus) => {
        // A new frequency or count is a new plan: the drops and moves were for the old one.
        const fresh = 'frequency' in patch || 'count' in patch ? { drop: [], move: {} } : {};
        this.choice = { ...this.choice, ...fresh, ...patch };
        this.#idempotencyKey = newId('idem-');
        this.alert = '';
        if (focus) this.#focusTarget = focus;
      },
    });
  }

  /** Books every planned occurrence at once; a conflict the backend finds marks those occurrences. */
  async #bookSeries(): Promise<void> {
    const ui = this.#seriesUi.module;
    const plan = this.#plan;
    if (!ui || !plan || this.pending) return;
    if (plan.conflicts) {
      this.alert = this.l.t('conflicts', this.l.number(plan.conflicts), this.l.plural(plan.conflicts));
      this.#focusTarget = '[data-status=conflict] button';
      return;
    }
    this.pending = true;
    try {
      const series = await ui.bookSeries(this.client!, this.#request(), this.choice, plan.count, plan.occurrences, this.#idempotencyKey);
      this.series = series;
      this.#history = [];
      this.#go('series', false);
      this.#seriesCalendar();
      this.emit<Series>('series-confirmed', series);
    } catch (error) {
      const refused = ui.refusedStarts(error);
      if (refused) {
        // Taken meanwhile: mark them, refresh the free times, and let the visitor resolve them.
        this.#idempotencyKey = newId('idem-');
        this.choice = { ...this.choice, refused: [...this.choice.refused, ...refused] };
        this.alert = this.l.t('conflicts', this.l.number(refused.length), this.l.plural(refused.length));
        this.#focusTarget = '[data-status=conflict] button';
        // Fresh free times for the alternatives, without holding the form busy meanwhile.
        void this.#loadSlots(true);
      } else if (this.#steps.module?.isPolicyRefusal(error)) this.alert = this.#policyMessage(error as MentorshipError);
      else this.alert = this.l.t('failed');
    } finally {
      this.pending = false;
    }
  }

  /** Cancels one occurrence (through the booking) or it and all later ones (through the series). */
  #cancelOccurrences(booking: Booking, later: boolean): void {
    void this.#write(async (client) => {
      const before = this.series!;
      const series = later
        ? await client.series.cancel(before.id, { from: booking.start })
        : { ...before, bookings: await Promise.all(before.bookings.map(async (b) => (b.id === booking.id ? client.bookings.cancel(b.id) : b))) };
      this.series = series;
      const cancelled = series.bookings.filter((b) => b.status === 'cancelled' && before.bookings.find((x) => x.id === b.id)?.status !== 'cancelled');
      this.alert = this.l.t('cancelledCount', this.l.number(cancelled.length), this.l.plural(cancelled.length));
      this.#focusTarget = 'h3';
      this.#seriesCalendar();
      for (const b of cancelled) this.emit<Booking>('booking-cancelled', b);
    });
  }

  /** The series' "Add to calendar" file: every occurrence, the cancelled ones marked so. */
  #seriesCalendar(): void {
    URL.revokeObjectURL(this.#icsUrl);
    const series = this.series!;
    this.#icsUrl = this.#seriesUi.module!.seriesCalendarUrl(series, this.l.t('icsSummary', this.#typeName(series.sessionTypeId), this.#mentor!.name));
  }

  #retryIcs(): void {
    const booking = this.booking!;
    void this.#calendarFile(booking, booking.updatedAt === booking.createdAt ? 0 : 1);
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
