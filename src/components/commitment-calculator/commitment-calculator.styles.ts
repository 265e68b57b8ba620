import { css } from 'lit';

// Kept compact: this text ships as-is (esbuild does not minify CSS inside css``).
export const styles = css`
  :host {
    --_c-gap: var(--mk-calculator-gap, calc(var(--_mk-space) * 2));
    --_c-border: var(--mk-calculator-border, var(--_mk-border));
  }
  [part~='base'] { display: grid; gap: var(--_c-gap); }
  [part~='inputs'] { display: flex; flex-wrap: wrap; gap: var(--_c-gap); align-items: flex-start; }
  [part~='field'] { max-inline-size: 16rem; }
  [part~='input'] { inline-size: 8rem; }
  .hint { color: var(--_mk-text-muted); font-size: 0.875em; font-weight: 400; }
  p { margin: 0; }
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; min-inline-size: 100%; }
  caption { text-align: start; font-weight: 600; padding-block-end: var(--_mk-space); }
  th, td { border-block-end: 1px solid var(--_c-border); padding: calc(var(--_mk-space) / 2) var(--_mk-space); text-align: end; font-variant-numeric: tabular-nums; }
  th[scope='row'], th:first-child { text-align: start; font-weight: 500; }
  thead th { background: var(--mk-calculator-header-bg, var(--_mk-surface-alt)); }
  tfoot { font-weight: 600; }
  .chosen { background: var(--mk-calculator-chosen-bg, var(--_mk-surface-alt)); }
  .fit { color: var(--mk-calculator-fit-color, var(--_mk-success)); }
  .misfit { color: var(--mk-calculator-misfit-color, var(--_mk-danger)); }
  figure { margin: 0; }
  svg { display: block; inline-size: 100%; block-size: auto; max-inline-size: 48rem; }
  text { fill: var(--_mk-text); font-size: 14px; }
  .track { fill: var(--mk-calculator-chart-track, var(--_mk-surface-alt)); }
  rect { fill: var(--_c); }
  .min { stroke: var(--_mk-text); stroke-dasharray: 3 2; }
  .c0 { --_c: var(--mk-calculator-chart-1, var(--_mk-chart-1)); }
  .c1 { --_c: var(--mk-calculator-chart-2, var(--_mk-chart-2)); }
  .c2 { --_c: var(--mk-calculator-chart-3, var(--_mk-chart-3)); }
  .c3 { --_c: var(--mk-calculator-chart-4, var(--_mk-chart-4)); }
  .c4 { --_c: var(--mk-calculator-chart-5, var(--_mk-chart-5)); }
  [part~='legend'] { display: flex; flex-wrap: wrap; gap: var(--_mk-space) var(--_c-gap); list-style: none; padding: 0; margin: var(--_mk-space) 0 0; font-size: 0.875em; }
  .swatch { display: inline-block; inline-size: 0.875em; block-size: 0.875em; border-radius: 2px; margin-inline-end: 0.375em; background: var(--_c); }
  fieldset { border: 1px solid var(--_c-border); border-radius: var(--_mk-radius); padding: var(--_mk-space) var(--_c-gap) var(--_c-gap); margin: 0; display: flex; flex-wrap: wrap; gap: var(--_mk-space); }
  legend { font-weight: 600; padding-inline: 0.25em; }
  [aria-pressed='true'] { background: var(--_mk-primary); border-color: var(--_mk-primary); color: var(--_mk-on-primary); }
`;
