/**
 * The tracker's chart of recent weeks, loaded on demand (it is not needed for the first paint of
 * the form): stacked bars of each week's hours by activity, the goal line, a legend and a table.
 */
import { html, nothing, svg } from 'lit';
import type { LocalizeController } from '../shared/localize.js';
import { addWeeks, type SessionIndex } from './session-index.js';
import type { en } from './session-tracker.messages.js';

/**
 * The chart's heights in CSS pixels: bars up to HEIGHT tall, TOP free above for their totals.
 * Across, the weeks share the width in percentages: with no viewBox, the text keeps its CSS size
 * at any width. Up to 8 weeks are labelled, so 52 label every 7th; in a narrow element every other
 * date label (`.alt`) hides.
 */
const [HEIGHT, TOP, LABELS] = [120, 18, 8];

export interface ChartInput {
  l: LocalizeController<typeof en>;
  index: SessionIndex;
  /** This week's key (weekStart). */
  current: number;
  goal: number | undefined;
  /** How many weeks to show. */
  count: number;
  /** The activities in colour order, so an activity keeps its colour from week to week. */
  order: string[];
  /** An activity's name. */
  name: (activity: string) => string;
}

/** Stacked bars of recent weeks' hours by activity, the goal line, a legend and a table. */
export function renderChart({ l, index, current, goal, count, order, name }: ChartInput) {
  const keys = Array.from({ length: count }, (_, i) => addWeeks(current, i + 1 - count));
  const hoursOf = (key: number, activity: string) => (index.minutes.get(key)?.get(activity) ?? 0) / 60;
  // Colours follow the activities' order, so an activity keeps its colour from week to week.
  const used = order.filter((a) => keys.some((k) => hoursOf(k, a)));
  const colour = (a: string) => `c${order.indexOf(a) % 8}`;
  const totals = keys.map((k) => index.hours(k));
  const max = Math.max(goal ?? 0, ...totals, 1) * 1.1;
  const y = (hours: number) => TOP + HEIGHT - (hours / max) * HEIGHT;
  const [base, slot, every] = [TOP + HEIGHT, 100 / count, Math.ceil(count / LABELS)];
  const title = l.t('chartTitle', count);
  const onGoal = goal ? ` ${l.t('weeksOnGoal', totals.filter((t) => t >= goal).length, count)}` : '';
  const desc = l.t('chartDesc', l.hours(totals.at(-1)!), l.hours(totals.reduce((a, b) => a + b) / count)) + onGoal;
  const bar = (key: number, i: number) => {
    const [x, middle, total, labelled] = [(i + 0.15) * slot, (i + 0.5) * slot, totals[i]!, (count - 1 - i) % every === 0];
    let stacked = 0;
    const parts = used.map((a) => {
      const hours = hoursOf(key, a);
      stacked += hours;
      return hours ? svg`<rect class=${colour(a)} x="${x}%" width="${slot * 0.7}%" y=${y(stacked)} height=${(hours / max) * HEIGHT}></rect>` : nothing;
    });
    return svg`${parts}${total && labelled ? svg`<text x="${middle}%" y=${y(total) - 4}>${l.hours(total)}</text>` : nothing}${labelled ? svg`<text class=${(count - 1 - i) % (2 * every) ? 'alt' : ''} x="${middle}%" y=${base + 16}>${l.date(key, { day: 'numeric', month: 'numeric' })}</text>` : nothing}`;
  };
  const line = (kind: string, at: number) => svg`<line class=${kind} x2="100%" y1=${at} y2=${at}></line>`;
  return html`<h4>${title}</h4>
<svg part="chart" role="img" aria-label="${title}. ${desc}" width="100%" height=${base + 22}>${line('axis', base)}${keys.map(bar)}${goal ? line('goal-line', y(goal)) : nothing}</svg>
<p class="muted">${desc}</p>
${used.length || goal ? html`<ul class="legend">${used.map((a) => html`<li><span class=${colour(a)}></span>${name(a)}</li>`)}${goal ? html`<li><span class="goal-key"></span>${l.t('goal', l.hours(goal))}</li>` : nothing}</ul>` : nothing}
<details><summary>${l.t('showTable')}</summary><table>
<thead><tr>${[l.t('week'), ...used.map((a) => name(a)), l.t('total')].map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${keys.map((k, i) => html`<tr><th scope="row">${l.date(k)}</th>${[...used.map((a) => hoursOf(k, a)), totals[i]!].map((h) => html`<td>${l.hours(h)}</td>`)}</tr>`)}</tbody>
</table></details>`;
}
