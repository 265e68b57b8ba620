import { css, unsafeCSS } from 'lit';

/** `.c0` … `.c4`: the chart's five activity colours, each themable (`--mk-calculator-chart-1` …). */
const chartColours = unsafeCSS(
  [1, 2, 3, 4, 5].map((n) => `.c${n - 1} { --_c: var(--mk-calculator-chart-${n}, var(--_mk-chart-${n})); }`).join('\n'),
);

// Buttons, inputs, labels, messages and skeletons come from the shared `controls`. The chosen
// role's button (`.primary`) changes at once: a fading background under white text fails contrast.
export const styles = css`
  :host {
    --_c-gap: var(--mk-calculator-gap, calc(var(--_mk-space) * 2));
    --_c-border: var(--mk-calculator-border, var(--_mk-border));
  }
  [part='base'] { display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--_c-gap); }
  [part='inputs'], fieldset, [part='legend'] { display: flex; flex-wrap: wrap; gap: var(--_mk-space) var(--_c-gap); }
  label { max-inline-size: 16rem; }
  input { inline-size: 8rem; }
  small { color: var(--_mk-text-muted); font-weight: 400; }
  p, figure { margin: 0; }
  table { border-collapse: collapse; min-inline-size: 100%; }
  caption { text-align: start; padding-block-end: var(--_mk-space); position: sticky; inset-inline-start: 0; max-inline-size: 100cqi; }
  caption, tfoot, legend { font-weight: 600; }
  th, td { border-block-end: 1px solid var(--_c-border); padding: calc(var(--_mk-space) / 2) var(--_mk-space); text-align: end; font-variant-numeric: tabular-nums; }
  th:first-child { text-align: start; font-weight: 500; min-inline-size: 8em; }
  td { white-space: nowrap; }
  thead { background: var(--mk-calculator-header-bg, var(--_mk-surface-alt)); }
  .chosen { background: var(--mk-calculator-chosen-bg, var(--_mk-surface-alt)); }
  .fit { color: var(--mk-calculator-fit-color, var(--_mk-success)); }
  .misfit { color: var(--mk-calculator-misfit-color, var(--_mk-danger)); }
  svg { display: block; max-inline-size: 48rem; direction: ltr; overflow: visible; }
  text { fill: var(--_mk-text); font-size: 14px; }
  .total { text-anchor: end; font-weight: 600; }
  rect { fill: var(--_c); }
  .track { fill: var(--mk-calculator-chart-track, var(--_mk-surface-alt)); }
  .min { stroke: var(--_mk-text); stroke-dasharray: 3 2; }
  ${chartColours}
  [part='legend'] { list-style: none; padding: 0; margin: var(--_mk-space) 0 0; font-size: 0.875em; }
  li { border-inline-start: 0.875em solid var(--_c); padding-inline-start: 0.375em; }
  .primary { transition: none; }
  .formula { display: block; }
  fieldset { border: 1px solid var(--_c-border); border-radius: var(--_mk-radius); padding: var(--_mk-space) var(--_c-gap) var(--_c-gap); margin: 0; }
`;
