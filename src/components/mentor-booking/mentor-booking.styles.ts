import { css } from 'lit';

// Buttons, inputs, labels, .message, .field-error, .skeleton and .visually-hidden come from the
// shared `controls` and `tokens`. In the month grid, days with free times are filled and bold;
// the chosen day takes the primary colour. Everything a finger taps is at least 44 px tall (and
// day cells 44 px wide from a 308 px wide calendar up: seven columns fill the width below that).
// The element is a size container (tokens): below 30rem the padding goes. The details form, the
// confirmation and the series have their styles in later-steps.styles.ts, loaded with their chunk.
export const styles = css`
  :host {
    --_slot-border: var(--mk-booking-slot-border, var(--_mk-field-border));
    --_cell: var(--mk-booking-day-size, 2.75rem);
    --_target: 2.75rem;
  }
  :host > div { padding: var(--_mk-space); overflow-wrap: anywhere; }
  h3 { margin-block: 0 var(--_mk-space); font-size: 1.15em; }
  ul { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--_mk-space); }
  .choices, .times { grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_min, 14rem)), 1fr)); }
  .times { --_min: 10.5rem; }
  button, input, select, [part='ics'] { min-block-size: var(--_target); min-inline-size: var(--_target); }
  li button { inline-size: 100%; text-align: start; background: var(--mk-booking-slot-bg, var(--_mk-surface)); border-color: var(--_slot-border); }
  small, .muted { display: block; color: var(--_mk-text-muted); }
  .row { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_mk-space); margin-block: var(--_mk-space); }
  .month { flex: 1; text-align: center; font-weight: 600; }

  .cal { max-inline-size: calc(var(--_cell) * 7 + 1rem); }
  table { inline-size: 100%; table-layout: fixed; border-collapse: collapse; }
  td { padding: 1px; }
  th { font-size: 0.8em; font-weight: 500; color: var(--_mk-text-muted); overflow-wrap: normal; }
  td button {
    inline-size: 100%;
    min-inline-size: 0;
    block-size: max(var(--_cell), var(--_target));
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
  [data-full] {
    border-style: dashed;
    border-color: var(--_slot-border);
    cursor: pointer;
    color: inherit;
  }
  td[aria-selected='true'] button {
    background: var(--mk-booking-selected-bg, var(--_mk-primary));
    color: var(--mk-booking-selected-text, var(--_mk-on-primary));
  }
  label[part='zone'] { display: flex; max-inline-size: 20rem; }

  .calendar { block-size: 16rem; max-inline-size: 20rem; }

  @container (max-width: 30rem) {
    :host > div { padding-inline: 0; }
    td { padding: 0; }
  }
`;
