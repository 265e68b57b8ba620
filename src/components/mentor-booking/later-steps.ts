/**
 * <mentor-booking>'s steps after a time is chosen, a chunk loaded on demand while the visitor looks
 * at the calendar: the details form and its checks; booking one session, a series or a place on a
 * waitlist; the confirmation with its calendar file, reschedule and cancel; the booking policy
 * rules and their messages. The element keeps the steps before (session type, mentor, day, time)
 * and which step shows; `BookingFlow` keeps what the visitor typed and booked. A page that only
 * shows free times never downloads it.
 */
import { html, type ReactiveControllerHost } from 'lit';
import type { MentorshipClient } from '../../sdk/client.js';
import { MentorshipError } from '../../sdk/errors.js';
import { newId } from '../../sdk/ids.js';
import { isPolicyRefusal } from '../../sdk/scheduling/policies.js';
import type { Booking, BookingRequest, Mentor, Program, Series, SessionType, Slot, WaitlistEntry } from '../../sdk/schemas.js';
import { check, V } from '../../sdk/validation.js';
import { LazyModule } from '../shared/lazy-module.js';
import type { View } from './format.js';
import { laterEn } from './later-steps.messages.js';
import { styles } from './later-steps.styles.js';
import { en, type MentorBookingMessages } from './mentor-booking.messages.js';
import { repeatChoice, type RepeatChoice } from './repeat-choice.js';
import { renderCancelled, renderConfirmation } from './steps/confirmation.js';
import { renderDetails } from './steps/details.js';
import { emptyForm, type Field } from './steps/fields.js';

// The element's built-in English gains the later steps' strings (a site's own translations still win).
Object.assign(en, laterEn);

export type LaterStep = 'details' | 'done' | 'cancelled' | 'series' | 'waitlisted';

/** The visitor's choices before the details form. */
export interface Choice {
  mentor: Mentor;
  type: SessionType;
  /** The program the session types were narrowed to, if any. */
  program: Program | undefined;
  picked: Slot;
}

/** What the later steps use of the element. */
export interface BookingHost {
  /** Re-renders, takes the later steps' styles; holds the `name`, `email` and `repeat` attributes. */
  readonly element: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment; name: string; email: string; repeat: boolean };
  readonly client: MentorshipClient;
  readonly view: View;
  /** The mentor's free times, as last loaded. */
  readonly slots: readonly Slot[];
  /** A change is under way (the view's `pending`): one at a time. */
  pending: boolean;
  /** The message above the step ('' for none). */
  say(alert: string): void;
  /** Focuses `selector` after the next render. */
  focus(selector: string): void;
  /** Shows a later step: the details form (Back leads to the times), else a fresh start with no way back. */
  show(step: LaterStep): void;
  /** A time just taken: back to fresh times on that day, or the calendar if it is full now. */
  showFreshTimes(): Promise<void>;
  /** Loads the free times again without showing progress. */
  refreshSlots(): void;
  startOver(): void;
  startReschedule(): void;
  typeName(id: string): string;
  emit<T>(name: string, detail: T): void;
  readonly waitlistUi: LazyModule<typeof import('./waitlist.js')>;
  readonly loadSeriesUi: () => Promise<typeof import('./series.js')>;
}

/** The paths of a booking request that fail the SDK's own checks (the validators' shared chunk). */
export function invalidPaths(request: BookingRequest): string[] {
  const result = check(V.BookingRequest, request);
  return result.success ? [] : result.issues.map((i) => i.path);
}

/** From the details form on: what the visitor typed, what they booked, and every change to it. */
export class BookingFlow {
  readonly #host: BookingHost;
  #chosen!: Choice;
  /** Joining the waitlist of the picked (full) session rather than booking it. */
  #joining = false;
  /** What the visitor typed (it survives a taken slot). */
  #form = emptyForm();
  #errors: Partial<Record<Field, string>> = {};
  /** The Repeat choice for the chosen time. */
  #choice: RepeatChoice = repeatChoice(false, undefined, false);
  #idempotencyKey = '';
  #booking?: Booking;
  #series?: Series;
  #entry?: WaitlistEntry;
  #icsUrl = '';
  /** The calendar-file writer, loaded from choosing a time on. */
  readonly #ics: LazyModule<typeof import('../../sdk/export/ics.js')>;
  /** The series UI (Repeat, occurrences, the series confirmation), loaded once a time is chosen. */
  readonly #seriesUi: LazyModule<typeof import('./series.js')>;

  constructor(host: BookingHost) {
    this.#host = host;
    // The later steps' styles join the element's: a constructed sheet, as Lit adopts the element's
    // own (no <style>, so a strict CSP allows it), after them so they win ties as before.
    const root = host.element.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet!];
    this.#ics = new LazyModule(host.element, () => import('../../sdk/export/ics.js'));
    this.#seriesUi = new LazyModule(host.element, host.loadSeriesUi);
  }

  get #l() {
    return this.#host.view.l;
  }

  #update(): void {
    this.#host.element.requestUpdate();
  }

  /** A time was chosen (`joining`: a full one, to wait for a seat): shows the details form. */
  choose(chosen: Choice, joining: boolean): void {
    const { element } = this.#host;
    this.#chosen = chosen;
    this.#joining = joining;
    this.#ics.load().catch(() => {}); // wanted on the confirmation; a failure shows Retry there
    this.#idempotencyKey = newId('idem-');
    // A mentor who takes one upcoming session per visitor cannot be booked as a series.
    const canRepeat = (chosen.mentor.rules.maxActivePerVisitor ?? 2) >= 2;
    this.#choice = repeatChoice(element.repeat && !joining && canRepeat, chosen.type.frequency, !!chosen.program);
    this.#seriesUi.load().catch(() => {}); // the Repeat control; a failure shows Retry there
    this.#form.name ||= element.name;
    this.#form.email ||= element.email;
    this.#errors = {};
    this.#host.show('details');
  }

  /** Moves the booking to `slot`, chosen after Reschedule. */
  reschedule(slot: Slot): void {
    void this.#write(async (client) => {
      this.#confirmed(await client.bookings.reschedule(this.#booking!.id, slot.start), 'booking-rescheduled');
      this.#host.say(this.#l.t('rescheduled'));
    });
  }

  /** Starting over: an empty form, no series. */
  reset(): void {
    this.#form = emptyForm();
    this.#series = undefined;
  }

  /** The element left the page: its calendar file goes. */
  disconnect(): void {
    URL.revokeObjectURL(this.#icsUrl);
    this.#icsUrl = '';
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
      if (this.#errors[field]) this.#validate();
    },
  };

  #request(): BookingRequest {
    const { mentor, type, program, picked } = this.#chosen;
    const { zone, l } = this.#host.view;
    return {
      ...this.#form,
      mentorId: mentor.id,
      sessionTypeId: type.id,
      programId: program?.id,
      start: picked.start,
      timeZone: zone,
      // The visitor's language, for the server's mails (without Unicode extensions: a short tag).
      locale: new Intl.Locale(l.lang).baseName,
    } as BookingRequest;
  }

  #validate(): boolean {
    const errors: Partial<Record<Field, string>> = {};
    for (const path of invalidPaths(this.#request())) {
      if (path in this.#form) errors[path as Field] = this.#l.t(`err:${path as Field}`);
    }
    this.#errors = errors;
    this.#update();
    return Object.keys(errors).length === 0;
  }

  #submit(event: Event): void {
    event.preventDefault();
    if (!this.#validate()) {
      this.#host.focus('[aria-invalid="true"]');
      return;
    }
    if (this.#joining) return void this.#joinWaitlist();
    if (this.#choice.on) return void this.#bookSeries();
    void this.#write(async (client) => this.#confirmed(await client.bookings.create(this.#request(), { idempotencyKey: this.#idempotencyKey }), 'booking-confirmed'));
  }

  // ---- changes -----------------------------------------------------------------------------

  /** Runs one booking change at a time. A slot taken meanwhile (create, reschedule) shows fresh times. */
  async #write(change: (client: MentorshipClient) => Promise<void>): Promise<void> {
    const host = this.#host;
    if (host.pending) return;
    host.pending = true;
    try {
      await change(host.client);
    } catch (error) {
      // A booking policy (notice, caps) says why; anything else in conflict is a slot just taken.
      if (isPolicyRefusal(error)) host.say(this.#policyMessage(error as MentorshipError));
      else if (MentorshipError.is(error) && error.code === 'conflict') void this.#freshTimes();
      else host.say(this.#l.t('failed'));
    } finally {
      host.pending = false;
    }
  }

  /** Keeps the form and shows fresh times; the next attempt is a new request. */
  #freshTimes(): Promise<void> {
    this.#idempotencyKey = newId('idem-');
    return this.#host.showFreshTimes();
  }

  /** The refused rule in the visitor's language, else the backend's own words. */
  #policyMessage(error: MentorshipError): string {
    const key = `policy:${error.issues.find((i) => i.path.startsWith('rules.'))!.path.slice(6)}` as keyof MentorBookingMessages;
    const text = this.#l.t(key);
    return text === key ? error.message : (text as string);
  }

  #confirmed(booking: Booking, event: 'booking-confirmed' | 'booking-rescheduled'): void {
    this.#booking = booking;
    this.#host.show('done');
    URL.revokeObjectURL(this.#icsUrl);
    this.#icsUrl = '';
    void this.#calendarFile(booking, event === 'booking-rescheduled' ? 1 : 0);
    this.#host.emit<Booking>(event, booking);
  }

  /** Makes the "Add to calendar" file for `booking` once the ICS writer is loaded. */
  async #calendarFile(booking: Booking, sequence: number): Promise<void> {
    const { toIcs } = await this.#ics.load().catch(() => ({ toIcs: undefined }));
    if (!toIcs || booking !== this.#booking) return;
    const ics = toIcs([
      {
        uid: `${booking.id}@mentorship-kit`,
        start: booking.start,
        end: booking.end,
        stamp: booking.updatedAt,
        summary: this.#l.t('icsSummary', this.#host.typeName(booking.sessionTypeId), this.#chosen.mentor.name),
        description: [booking.goals, booking.message].filter(Boolean).join('\n\n'),
        status: 'CONFIRMED',
        sequence,
      },
    ]);
    this.#icsUrl = URL.createObjectURL(new Blob([ics], { type: 'text/calendar' }));
    this.#update();
  }

  #retryIcs(): void {
    const booking = this.#booking!;
    void this.#calendarFile(booking, booking.updatedAt === booking.createdAt ? 0 : 1);
  }

  #cancel(): void {
    void this.#write(async (client) => {
      this.#booking = await client.bookings.cancel(this.#booking!.id);
      this.#host.show('cancelled');
      this.#host.emit<Booking>('booking-cancelled', this.#booking);
    });
  }

  // ---- the waitlist (its UI in waitlist.ts, loaded on demand) ---------------------------------

  /** Joins the waitlist of the picked (full) session; a seat free again shows the fresh times. */
  #joinWaitlist(): void {
    const host = this.#host;
    void this.#write(async (client) => {
      const ui = await host.waitlistUi.load();
      try {
        this.#entry = await ui.joinWaitlist(client, this.#request(), this.#idempotencyKey);
      } catch (error) {
        const path = MentorshipError.is(error) && error.code === 'conflict' ? error.issues[0]?.path : undefined;
        if (!path?.startsWith('waitlist.')) throw error;
        if (path === 'waitlist.seatsLeft') await this.#freshTimes();
        host.say(path === 'waitlist.seatsLeft' ? this.#l.t('seatFreed') : (error as MentorshipError).message);
        return;
      }
      host.show('waitlisted');
      host.emit<WaitlistEntry>('waitlist-joined', this.#entry);
    });
  }

  #leaveWaitlist(): void {
    void this.#write(async (client) => {
      await client.waitlist.leave(this.#entry!.id);
      this.#host.startOver();
      this.#host.say(this.#l.t('leftWaitlist'));
    });
  }

  // ---- the series (its UI and requests in series.ts, loaded on demand) -----------------------

  /** The planned occurrences of the Repeat choice and how many of them will be booked, once the series UI is here. */
  get #plan() {
    const ui = this.#seriesUi.module;
    if (!ui) return undefined;
    const { picked, mentor, type, program } = this.#chosen;
    const count = ui.countOf(this.#choice, picked.start, mentor, program);
    const occurrences = ui.planOccurrences(picked, mentor, type, this.#choice, count, this.#host.slots);
    return { count, occurrences, booked: occurrences.filter((o) => o.status === 'free' || o.status === 'moved').length, conflicts: occurrences.filter((o) => o.status === 'conflict').length };
  }

  #renderRepeat() {
    const t = this.#l;
    const ui = this.#seriesUi.module;
    if (!ui) {
      return this.#seriesUi.failed
        ? html`<p class="field-error" role="alert">${t.t('seriesFailed')} <button type="button" @click=${() => this.#seriesUi.load().catch(() => {})}>${t.t('retry')}</button></p>`
        : html`<p class="muted" role="status">${t.t('seriesLoading')}</p>`;
    }
    const { picked, mentor, program } = this.#chosen;
    return ui.renderRepeat(this.#host.view, {
      choice: this.#choice,
      occurrences: this.#plan!.occurrences,
      slots: this.#host.slots,
      program,
      first: picked,
      mentor,
      change: (patch, focus) => {
        // A new frequency or count is a new plan: the drops and moves were for the old one.
        const fresh = 'frequency' in patch || 'count' in patch ? { drop: [], move: {} } : {};
        this.#choice = { ...this.#choice, ...fresh, ...patch };
        this.#idempotencyKey = newId('idem-');
        this.#host.say('');
        if (focus) this.#host.focus(focus);
        this.#update();
      },
    });
  }

  /** Books every planned occurrence at once; a conflict the backend finds marks those occurrences. */
  async #bookSeries(): Promise<void> {
    const host = this.#host;
    const ui = this.#seriesUi.module;
    const plan = this.#plan;
    const t = this.#l;
    if (!ui || !plan || host.pending) return;
    if (plan.conflicts) {
      host.say(t.t('conflicts', t.number(plan.conflicts), t.plural(plan.conflicts)));
      host.focus('[data-status=conflict] button');
      return;
    }
    host.pending = true;
    try {
      const series = await ui.bookSeries(host.client, this.#request(), this.#choice, plan.count, plan.occurrences, this.#idempotencyKey);
      this.#series = series;
      host.show('series');
      this.#seriesCalendar();
      host.emit<Series>('series-confirmed', series);
    } catch (error) {
      const refused = ui.refusedStarts(error);
      if (refused) {
        // Taken meanwhile: mark them, refresh the free times, and let the visitor resolve them.
        this.#idempotencyKey = newId('idem-');
        this.#choice = { ...this.#choice, refused: [...this.#choice.refused, ...refused] };
        this.#update();
        host.say(t.t('conflicts', t.number(refused.length), t.plural(refused.length)));
        host.focus('[data-status=conflict] button');
        // Fresh free times for the alternatives, without holding the form busy meanwhile.
        host.refreshSlots();
      } else if (isPolicyRefusal(error)) host.say(this.#policyMessage(error as MentorshipError));
      else host.say(t.t('failed'));
    } finally {
      host.pending = false;
    }
  }

  /** Cancels one occurrence (through the booking) or it and all later ones (through the series). */
  #cancelOccurrences(booking: Booking, later: boolean): void {
    const host = this.#host;
    void this.#write(async (client) => {
      const before = this.#series!;
      const series = later
        ? await client.series.cancel(before.id, { from: booking.start })
        : { ...before, bookings: await Promise.all(before.bookings.map(async (b) => (b.id === booking.id ? client.bookings.cancel(b.id) : b))) };
      this.#series = series;
      const cancelled = series.bookings.filter((b) => b.status === 'cancelled' && before.bookings.find((x) => x.id === b.id)?.status !== 'cancelled');
      const t = this.#l;
      host.say(t.t('cancelledCount', t.number(cancelled.length), t.plural(cancelled.length)));
      host.focus('h3');
      this.#seriesCalendar();
      this.#update();
      for (const b of cancelled) host.emit<Booking>('booking-cancelled', b);
    });
  }

  /** The series' "Add to calendar" file: every occurrence, the cancelled ones marked so. */
  #seriesCalendar(): void {
    URL.revokeObjectURL(this.#icsUrl);
    const series = this.#series!;
    this.#icsUrl = this.#seriesUi.module!.seriesCalendarUrl(series, this.#l.t('icsSummary', this.#host.typeName(series.sessionTypeId), this.#chosen.mentor.name));
  }

  // ---- rendering ---------------------------------------------------------------------------

  /** A later step's [title, content]. */
  render(step: LaterStep): readonly [string, unknown] {
    const host = this.#host;
    const v = host.view;
    const t = v.l;
    const { mentor } = this.#chosen;
    const startOver = () => host.startOver();
    switch (step) {
      case 'details': {
        const plan = this.#choice.on && this.#plan;
        return renderDetails(v, {
          picked: this.#chosen.picked,
          form: this.#form,
          errors: this.#errors,
          submit: (e) => this.#submit(e),
          onField: this.#onField,
          extra: this.#joining ? host.waitlistUi.module?.renderJoinIntro(v) : this.#renderRepeat(),
          bookLabel: this.#joining ? t.t('joinWaitlist') : plan ? t.t('bookSeries', t.number(plan.booked), t.plural(plan.booked)) : undefined,
        });
      }
      case 'done':
        return renderConfirmation(v, {
          booking: this.#booking!,
          mentor,
          typeName: host.typeName(this.#booking!.sessionTypeId),
          ics: { url: this.#icsUrl, failed: this.#ics.failed, retry: () => this.#retryIcs(), fileName: 'mentorship-session.ics' },
          reschedule: () => host.startReschedule(),
          cancel: () => this.#cancel(),
          startOver,
        });
      case 'cancelled':
        return renderCancelled(v, this.#booking!, startOver);
      case 'series':
        return this.#seriesUi.module!.renderSeriesDone(v, {
          series: this.#series!,
          mentor,
          typeName: host.typeName(this.#series!.sessionTypeId),
          icsUrl: this.#icsUrl,
          cancelOne: (b) => this.#cancelOccurrences(b, false),
          cancelFrom: (b) => this.#cancelOccurrences(b, true),
          startOver,
        });
      case 'waitlisted':
        return host.waitlistUi.module!.renderWaitlisted(v, { entry: this.#entry!, leave: () => this.#leaveWaitlist(), startOver });
    }
  }
}
