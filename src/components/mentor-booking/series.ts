/**
 * <mentor-booking>'s recurring series (issue 16), a chunk loaded on demand once a time is chosen:
 * the Repeat control, the occurrences in the visitor's zone with each conflict marked (leave it out
 * or choose another time), booking them all at once, and the confirmation listing every occurrence
 * with cancel one / this and all later and one .ics for all. The class keeps the state and fires
 * the events; this module plans, renders and talks to `client.series`.
 */
import { html, nothing } from 'lit';
import type { MentorshipClient } from '../../sdk/client.js';
import { MentorshipError } from '../../sdk/errors.js';
import { seriesToIcs } from '../../sdk/export/series-ics.js';
import { canChange } from '../../sdk/scheduling/policies.js';
import { seriesStarts } from '../../sdk/scheduling/series.js';
import type { Booking, BookingRequest, Mentor, Program, Series, SeriesFrequency, SessionType, Slot } from '../../sdk/schemas.js';
import { range, ZONED, type View } from './format.js';
import { en } from './mentor-booking.messages.js';
import { seriesEn } from './series.messages.js';
import type { RepeatChoice } from './repeat-choice.js';

// The element's built-in English gains the series' strings (a site's own translations still win).
Object.assign(en, seriesEn);

const FREQUENCIES: SeriesFrequency[] = ['weekly', 'biweekly', 'monthly'];
const DAY = 86_400_000;

export interface Occurrence {
  /** The start the series' rule gives it (its key for `drop` and `move`). */
  planned: string;
  /** Where it is booked: the planned start, or the time the visitor chose instead. */
  start: string;
  end: string;
  status: 'free' | 'conflict' | 'dropped' | 'moved';
}

/** How many occurrences fit in the program's longest duration from `first` (2–52). */
export function untilProgramEnds(program: Program, first: string, zone: string, frequency: SeriesFrequency): number {
  const end = new Date(first);
  end.setUTCMonth(end.getUTCMonth() + program.durationMonths.max);
  const fits = seriesStarts(first, zone, frequency, 52).filter((s) => Date.parse(s) < end.getTime()).length;
  return Math.min(52, Math.max(2, fits));
}

/**
 * The most sessions one series may hold with `mentor`: 52, or fewer when the mentor takes only
 * `maxActivePerVisitor` upcoming bookings per visitor (the backend would refuse a longer series).
 */
export const seriesCap = (mentor: Mentor): number => Math.min(52, mentor.rules.maxActivePerVisitor ?? 52);

/** The count the choice stands for (`'program'` counts the program's duration), within the mentor's cap. */
export function countOf(choice: RepeatChoice, first: string, mentor: Mentor, program: Program | undefined): number {
  const wanted = choice.count === 'program' && program ? untilProgramEnds(program, first, mentor.timeZone, choice.frequency) : choice.count === 'program' ? 12 : choice.count;
  return Math.min(wanted, seriesCap(mentor));
}

/**
 * Every occurrence of the series from `first`, each checked against the mentor's free slots (the
 * backend computed them with availability, overrides, buffers, notice, horizon, daily cap and
 * seats) and the starts the backend refused last time; the visitor's drops and moves applied.
 */
export function planOccurrences(first: Slot, mentor: Mentor, type: SessionType, choice: RepeatChoice, count: number, slots: readonly Slot[]): Occurrence[] {
  const free = new Set(slots.map((s) => s.start));
  free.add(first.start);
  const length = type.minutes * 60_000;
  const at = (start: string) => ({ start, end: new Date(Date.parse(start) + length).toISOString() });
  return seriesStarts(first.start, mentor.timeZone, choice.frequency, count).flatMap((planned): Occurrence[] => {
    if (choice.drop.includes(planned)) return [{ planned, ...at(planned), status: 'dropped' }];
    const moved = choice.move[planned];
    if (moved && free.has(moved) && !choice.refused.includes(moved)) return [{ planned, ...at(moved), status: 'moved' }];
    const ok = free.has(planned) && !choice.refused.includes(planned);
    return [{ planned, ...at(planned), status: ok ? 'free' : 'conflict' }];
  });
}

/** Free times within three days of a conflicting occurrence, not already taken by the series. */
function alternatives(occurrence: Occurrence, occurrences: Occurrence[], slots: readonly Slot[], refused: string[]): Slot[] {
  const planned = Date.parse(occurrence.planned);
  const used = new Set(occurrences.filter((o) => o.status !== 'dropped' && o.status !== 'conflict').map((o) => o.start));
  return slots.filter((s) => Math.abs(Date.parse(s.start) - planned) <= 3 * DAY && !used.has(s.start) && !refused.includes(s.start)).slice(0, 12);
}

export interface RepeatProps {
  choice: RepeatChoice;
  /** The session type's own cadence: the default frequency. */
  occurrences: Occurrence[];
  slots: readonly Slot[];
  program: Program | undefined;
  first: Slot;
  mentor: Mentor;
  /** Applies a change; `focus` is a selector to focus after the render (the occurrence's first button). */
  change: (patch: Partial<RepeatChoice>, focus?: string) => void;
}

/** "Repeat": on or off, how often, how many, and the occurrences with their conflicts. */
export function renderRepeat(v: View, p: RepeatProps) {
  const t = v.l;
  const { choice } = p;
  const conflicts = p.occurrences.filter((o) => o.status === 'conflict').length;
  const cap = seriesCap(p.mentor);
  if (cap < 2) return html`<fieldset part="repeat"><legend>${t.t('repeat')}</legend><p class="muted" part="visitor-cap">${t.t('noSeries', p.mentor.name)}</p></fieldset>`;
  const options = Array.from({ length: cap - 1 }, (_, i) => i + 2);
  const count = Math.min(choice.count === 'program' ? 52 : choice.count, cap);
  const untilEnd = p.program ? Math.min(cap, untilProgramEnds(p.program, p.first.start, p.mentor.timeZone, choice.frequency)) : 0;
  const select = (value: string) => (e: Event) => {
    const chosen = (e.target as HTMLSelectElement).value;
    p.change(value === 'frequency' ? { frequency: chosen as SeriesFrequency } : { count: chosen === 'program' ? 'program' : Number(chosen) });
  };
  return html`<fieldset part="repeat"><legend>${t.t('repeat')}</legend>
<label class="check"><input type="checkbox" .checked=${choice.on} @change=${(e: Event) => p.change({ on: (e.target as HTMLInputElement).checked })} /> ${t.t('repeatOn')}</label>
${choice.on
  ? html`<div class="row">
<label>${t.t('frequency')} <select @change=${select('frequency')}>
${FREQUENCIES.map((f) => html`<option value=${f} ?selected=${f === choice.frequency}>${t.t(`freq:${f}`)}</option>`)}
</select></label>
<label>${t.t('count')} <select @change=${select('count')}>
${p.program ? html`<option value="program" ?selected=${choice.count === 'program'}>${t.t('untilEnd', t.number(untilEnd))}</option>` : nothing}
${options.map((n) => html`<option value=${n} ?selected=${choice.count !== 'program' && n === count}>${t.number(n)}</option>`)}
</select></label>
</div>
${cap < 52 ? html`<p class="muted" part="visitor-cap">${t.t('visitorCap', p.mentor.name, t.number(cap))}</p>` : nothing}
${conflicts ? html`<p class="message error" id="series-conflicts">${t.t('conflicts', t.number(conflicts), t.plural(conflicts))}</p>` : nothing}
<ol part="occurrences" aria-label=${t.t('occurrences')}>
${p.occurrences.map((o) => renderPlanned(v, p, o))}
</ol>`
  : nothing}
</fieldset>`;
}

function renderPlanned(v: View, p: RepeatProps, o: Occurrence) {
  const t = v.l;
  const when = range(v, o, ZONED);
  const plannedWhen = range(v, { start: o.planned, end: o.end }, ZONED);
  // After a change the focus stays on this occurrence (its Undo, or its Leave out again).
  const here = `[data-planned="${o.planned}"] button`;
  const undo = () => {
    const move = { ...p.choice.move };
    delete move[o.planned];
    p.change({ drop: p.choice.drop.filter((d) => d !== o.planned), move }, here);
  };
  const id = `o-${Date.parse(o.planned)}`;
  if (o.status === 'free') return html`<li part="occurrence" data-status="free"><span id=${id}>${when}</span></li>`;
  if (o.status === 'dropped' || o.status === 'moved') {
    return html`<li part="occurrence" data-status=${o.status} data-planned=${o.planned}><span id=${id}>${o.status === 'dropped' ? html`<s>${plannedWhen}</s>` : when}</span>
<small>${o.status === 'dropped' ? t.t('dropped') : t.t('movedFrom', plannedWhen)}</small>
<button type="button" aria-describedby=${id} @click=${undo}>${t.t('undo')}</button></li>`;
  }
  const others = alternatives(o, p.occurrences, p.slots, p.choice.refused);
  return html`<li part="occurrence" data-status="conflict" data-planned=${o.planned}><span id=${id}>${when}</span> <strong>${t.t('conflict')}</strong>
<span class="row"><button type="button" aria-describedby=${id} @click=${() => p.change({ drop: [...p.choice.drop, o.planned] }, here)}>${t.t('drop')}</button>
${others.length
  ? html`<label>${t.t('otherTime')} <select aria-describedby=${id} @change=${(e: Event) => p.change({ move: { ...p.choice.move, [o.planned]: (e.target as HTMLSelectElement).value } }, here)}>
<option value="">${t.t('choose')}</option>
${others.map((s) => html`<option value=${s.start}>${range(v, s, ZONED)}</option>`)}
</select></label>`
  : html`<small>${t.t('noOther')}</small>`}</span></li>`;
}

/** Books the series in one request: the visitor's drops and moves go with it, so it is all or nothing. */
export function bookSeries(client: MentorshipClient, request: BookingRequest, choice: RepeatChoice, count: number, occurrences: Occurrence[], idempotencyKey: string): Promise<Series> {
  const drop = occurrences.filter((o) => o.status === 'dropped').map((o) => o.planned);
  const move = occurrences.filter((o) => o.status === 'moved').map((o) => ({ from: o.planned, to: o.start }));
  return client.series.create(
    { ...request, frequency: choice.frequency, count, ...(drop.length ? { drop } : {}), ...(move.length ? { move } : {}) },
    { idempotencyKey },
  );
}

/** The starts a refused series names (`conflicts.<n>`), or undefined for any other error. */
export function refusedStarts(error: unknown): string[] | undefined {
  if (!MentorshipError.is(error) || error.code !== 'conflict') return undefined;
  const starts = error.issues.filter((i) => i.path.startsWith('conflicts.')).map((i) => i.message);
  return starts.length ? starts : undefined;
}

/** The .ics for every occurrence (one VEVENT each; a cancelled one as CANCELLED). */
export function seriesCalendarUrl(series: Series, summary: string): string {
  return URL.createObjectURL(new Blob([seriesToIcs(series, summary)], { type: 'text/calendar' }));
}

export interface SeriesDoneProps {
  series: Series;
  mentor: Mentor;
  typeName: string;
  icsUrl: string;
  cancelOne: (booking: Booking) => void;
  cancelFrom: (booking: Booking) => void;
  startOver: () => void;
}

/** The confirmation: what, with whom, every occurrence (cancel one or this and all later), one .ics. */
export function renderSeriesDone(v: View, p: SeriesDoneProps) {
  const t = v.l;
  const { series, mentor } = p;
  const booked = series.bookings.filter((b) => b.status === 'confirmed').length;
  const now = Date.now();
  const first = series.bookings[0]!;
  return [
    t.t('stepSeriesDone', t.number(booked), t.plural(booked)),
    html`<dl part="summary">
<dt>${t.t('session')}</dt> <dd>${p.typeName}</dd>
<dt>${t.t('mentor')}</dt> <dd>${mentor.name}</dd>
<dt>${t.t('name')}</dt> <dd>${first.name}</dd>
<dt>${t.t('email')}</dt> <dd>${first.email}</dd>
</dl>
<div class="row">
${booked && p.icsUrl ? html`<a part="ics" href=${p.icsUrl} download="mentorship-series.ics">${t.t('ics')}</a>` : nothing}
<button @click=${p.startOver}>${t.t('again')}</button>
</div>
<ol part="occurrences" aria-label=${t.t('occurrences')}>
${series.bookings.map((b) => {
  const when = range(v, b, ZONED);
  const id = `b-${b.id}`;
  if (b.status === 'cancelled') return html`<li part="occurrence" data-status="cancelled"><s id=${id}>${when}</s> <small>${t.t('cancelled')}</small></li>`;
  const cancel = canChange(mentor, b, 'cancel', now);
  return html`<li part="occurrence" data-status="confirmed"><span id=${id}>${when}</span>
${cancel
  ? html`<span class="row"><button ?disabled=${v.pending} aria-describedby=${id} @click=${() => p.cancelOne(b)}>${t.t('cancelOne')}</button>
<button ?disabled=${v.pending} aria-describedby=${id} @click=${() => p.cancelFrom(b)}>${t.t('cancelRest')}</button></span>`
  : html`<small part="too-late">${t.t('tooLate', mentor.name)}</small>`}</li>`;
})}
</ol>`,
  ] as const;
}
