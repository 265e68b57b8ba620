import { css } from 'lit';

// Buttons, inputs, labels, .message, .field-error, .skeleton and .visually-hidden come from the
// shared `controls` and `tokens`. In the month grid, days with free times are filled and bold;
// the chosen day takes the primary colour.
export const styles = css`
  :host {
    --_slot-border: var(--mk-booking-slot-border, var(--_mk-border));
    --_cell: var(--mk-booking-day-size, 2.5rem);
    padding: var(--_mk-space);
  }
  h3 { margin-block: 0 var(--_mk-space); font-size: 1.15em; }
  ul { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--_mk-space); }
  .choices, .times { grid-template-columns: repeat(auto-fill, minmax(var(--_min, 14rem), 1fr)); }
  .times { --_min: 10.5rem; white-space: nowrap; }
  li button { inline-size: 100%; text-align: start; background: var(--mk-booking-slot-bg, var(--_mk-surface)); border-color: var(--_slot-border); }
  small, .muted { display: block; color: var(--_mk-text-muted); }
  .row { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_mk-space); margin-block: var(--_mk-space); }
  .month { flex: 1; text-align: center; font-weight: 600; }

  .cal { max-inline-size: calc(var(--_cell) * 7 + 2rem); }
  table { margin-inline: auto; }
  th { font-size: 0.8em; font-weight: 500; color: var(--_mk-text-muted); }
  td button {
    inline-size: var(--_cell);
    block-size: var(--_cell);
    padding: 0;
    border-color: transparent;
    background: none;
    cursor: default;
    color: var(--_mk-text-muted);
  }
  [data-free] {
    background: var(--mk-booking-day-free-bg, var(--_mk-surface-alt));
    border-color: var(--_slot-border);
    font-weight: 600;
    cursor: pointer;
    color: inherit;
  }
  td[aria-selected='true'] button {
    background: var(--mk-booking-selected-bg, var(--_mk-primary));
    color: var(--mk-booking-selected-text, var(--_mk-on-primary));
  }

  form, .field { display: grid; gap: var(--_mk-space); max-inline-size: 32rem; }
  .field { gap: 0.25rem; }
  textarea { min-block-size: 4rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: calc(var(--_mk-space) / 2) calc(var(--_mk-space) * 2); }
  dt, a { font-weight: 600; }
  dd { margin: 0; }
  a { color: var(--_mk-primary); }
  .calendar { block-size: 16rem; max-inline-size: 20rem; }
`;
