/** The day step: a month grid with the free days marked, keyboard navigation as in the APG date picker. */
import { html, nothing } from 'lit';
import type { Slot } from '../../../sdk/schemas.js';
import { addDays, isoWeekday } from '../../../sdk/scheduling/zone.js';
import { addMonths, day, type View } from '../format.js';
import { renderBusy } from './parts.js';

export interface CalendarProps {
  /** Free slots; undefined while loading. */
  slots: Slot[] | undefined;
  /** The free slots by day ("YYYY-MM-DD") in the visitor's zone, in order (full group sessions too). */
  byDay: Map<string, Slot[]>;
  /** Those of `byDay`'s slots that are full group sessions: the day is open only for their waitlist. */
  full?: Slot[];
  /** The grid's roving focus; its month is the month shown. */
  focusDate: string;
  /** The chosen day. */
  date: string;
  rescheduling: boolean;
  horizonDays: number;
  moveFocus: (date: string) => void;
  pickDay: (date: string) => void;
  zoneField: unknown;
}

/** The grid column of `date`: 0 for the locale's first day of the week. */
function column(v: View, date: string): number {
  return (isoWeekday(date) - v.l.firstDayOfWeek + 7) % 7;
}

/** "YYYY-MM" of every free day, in order: the calendar pages from the first to the last. */
export function freeMonths(byDay: Map<string, Slot[]>): string[] {
  return [...byDay.keys()].map((date) => date.slice(0, 7));
}

/** Where a key press in the grid moves the focus from `date`, or '' for a key the grid ignores. */
export function keyTarget(v: View, key: string, date: string): string {
  const col = column(v, date);
  const forward = v.l.dir === 'rtl' ? -1 : 1;
  const days: Record<string, number> = { ArrowLeft: -forward, ArrowRight: forward, ArrowUp: -7, ArrowDown: 7, Home: -col, End: 6 - col };
  const months: Record<string, number> = { PageUp: -1, PageDown: 1 };
  return key in days ? addDays(date, days[key]!) : key in months ? addMonths(date, months[key]!) : '';
}

export function renderCalendar(v: View, p: CalendarProps, onKey: (event: KeyboardEvent) => void) {
  const t = v.l;
  const title = t.t(p.rescheduling ? 'stepNewDay' : 'stepDay');
  if (!p.slots) return [title, renderBusy(t, 'skeleton calendar')] as const;
  if (!p.slots.length) {
    const days = p.horizonDays;
    return [title, html`<p class="message info">${t.t('empty', t.number(days), t.plural(days))}</p>`] as const;
  }
  const month = p.focusDate.slice(0, 7);
  const first = `${month}-01`;
  const months = freeMonths(p.byDay);
  const next = months.includes(month) ? undefined : [...p.byDay.keys()].find((date) => date > first);
  return [
    title,
    html`<div class="cal"><div class="row">
<button aria-label=${t.t('prev')} ?disabled=${month <= months[0]!} @click=${() => p.moveFocus(addMonths(first, -1))}>‹</button>
<span class="month" id="month" aria-live="polite">${day(v, first, { month: 'long', year: 'numeric' })}</span>
<button aria-label=${t.t('next')} ?disabled=${month >= months.at(-1)!} @click=${() => p.moveFocus(addMonths(first, 1))}>›</button>
</div>${renderGrid(v, p, month, onKey)}</div>
${next ? html`<p class="message info">${t.t('nextFree', day(v, next))} <button @click=${() => p.moveFocus(next)}>${t.t('showNext')}</button></p>` : nothing}
${p.zoneField}`,
  ] as const;
}

/** The month as a grid of weeks, starting on the locale's first day of the week. */
function renderGrid(v: View, p: CalendarProps, month: string, onKey: (event: KeyboardEvent) => void) {
  const first = `${month}-01`;
  const weeks: string[][] = [];
  for (let start = addDays(first, -column(v, first)); start.slice(0, 7) <= month; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
  }
  return html`<table role="grid" aria-labelledby="month" part="calendar" @keydown=${onKey}>
<thead><tr>${weeks[0]!.map((date) => html`<th scope="col" abbr=${day(v, date, { weekday: 'long' })}>${day(v, date, { weekday: 'short' })}</th>`)}</tr></thead>
<tbody>${weeks.map((week) => html`<tr>${week.map((date) => (date.startsWith(month) ? renderDayCell(v, p, date) : html`<td></td>`))}</tr>`)}</tbody>
</table>`;
}

function renderDayCell(v: View, p: CalendarProps, date: string) {
  const t = v.l;
  const slots = p.byDay.get(date) ?? [];
  const count = slots.filter((slot) => !p.full?.includes(slot)).length;
  const onlyFull = !count && slots.length > 0;
  const label = count ? t.t('dayLabel', day(v, date), t.number(count), t.plural(count)) : onlyFull ? t.t('dayFull', day(v, date)) : t.t('dayNone', day(v, date));
  return html`<td aria-selected=${date === p.date}><button part="day" data-date=${date} ?data-free=${count} ?data-full=${onlyFull}
tabindex=${date === p.focusDate ? 0 : -1} aria-disabled=${!slots.length} aria-label=${label} @click=${() => p.pickDay(date)}>${t.number(+date.slice(8))}</button></td>`;
}
