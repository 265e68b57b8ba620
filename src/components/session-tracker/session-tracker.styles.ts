import { css } from 'lit';

// Buttons, inputs, labels, .message, .field-error, .skeleton and .visually-hidden come from the
// shared `tokens` and `controls`. Chart colours: .c0 … .c7 set --_c, the five chart tokens, then
// the first three again as outlines (half transparent fills would fall below 3:1). Form fields
// line up at the top (a textarea is taller); below 30rem each takes the whole width.
export const styles = css`
h3 { margin-block: 1em 0.5em; font-size: 1.05em; }
h4, .muted { color: var(--_mk-text-muted); }
form, .bar, .notice, .legend, .rows li { display: flex; flex-wrap: wrap; gap: var(--_mk-space); align-items: end; }
form { align-items: start; }
[part=progress], .rows { display: grid; gap: var(--_mk-space); }
.wide { flex: 1 1 16rem; }
meter { inline-size: min(100%, 24rem); accent-color: var(--mk-tracker-meter-color, var(--_mk-primary)); }
svg { display: block; max-inline-size: 40rem; overflow: visible; }
text { fill: var(--_mk-text-muted); font-size: 12px; text-anchor: middle; }
.goal-line { stroke: var(--mk-tracker-goal-color, var(--_mk-text)); stroke-dasharray: 4 3; stroke-width: 1.5px; }
.goal-key { border-block-start: 2px dashed var(--mk-tracker-goal-color, var(--_mk-text)); block-size: 0; }
.axis { stroke: var(--_mk-border); }
.c0, .c5 { --_c: var(--_mk-chart-1); }
.c1, .c6 { --_c: var(--_mk-chart-2); }
.c2, .c7 { --_c: var(--_mk-chart-3); }
.c3 { --_c: var(--_mk-chart-4); }
.c4 { --_c: var(--_mk-chart-5); }
rect { fill: var(--_c); }
rect:is(.c5, .c6, .c7) { fill: var(--_mk-surface); stroke: var(--_c); stroke-width: 2px; }
.legend span { display: inline-block; inline-size: 0.75em; block-size: 0.75em; margin-inline-end: 0.25em; background: var(--_c); vertical-align: middle; }
.legend :is(.c5, .c6, .c7) { background: none; border: 2px solid var(--_c); }
.legend, .rows { padding: 0; margin: 0; list-style: none; }
.legend, table { font-size: 0.875em; }
table { border-collapse: collapse; }
details { overflow-x: auto; }
th, td { padding: 0.25em 0.5em; text-align: end; border-block-end: 1px solid var(--_mk-border); }
th:first-child { text-align: start; }
.rows li { padding: var(--_mk-space); border-radius: var(--_mk-radius); background: var(--mk-tracker-row-bg, var(--_mk-surface-alt)); align-items: baseline; }
.what { font-weight: 600; }
.notes { flex-basis: 100%; margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.row-actions { margin-inline-start: auto; }
.badge { padding-inline: 0.5em; border: 1px solid; border-radius: 1em; background: var(--mk-tracker-badge-bg, var(--_mk-surface)); color: var(--mk-tracker-badge-text, var(--_mk-text-muted)); font-size: 0.8em; }
.pending { color: var(--mk-tracker-pending-color, var(--_mk-warning)); }
.notice { align-items: center; }
.notice:empty { display: none; }
[part=empty] p { margin-block: 0 var(--_mk-space); }
@container (max-width: 30rem) {
  form > *, form input, form select, form textarea { flex: 1 1 100%; inline-size: 100%; }
  form label { display: flex; }
  .alt { display: none; }
}
`;
