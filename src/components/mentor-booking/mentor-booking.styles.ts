import { css } from 'lit';

export const styles = css`
  :host {
    --_slot-bg: var(--mk-booking-slot-bg, var(--_mk-surface));
    --_slot-border: var(--mk-booking-slot-border, var(--_mk-border));
    --_free-bg: var(--mk-booking-day-free-bg, var(--_mk-surface-alt));
    --_selected-bg: var(--mk-booking-selected-bg, var(--_mk-primary));
    --_selected-text: var(--mk-booking-selected-text, var(--_mk-on-primary));
    --_cell: var(--mk-booking-day-size, 2.5rem);
    padding: var(--_mk-space);
  }
  h3 {
    margin-block: 0 var(--_mk-space);
    font-size: 1.15em;
  }
  h3:focus {
    outline: none;
  }
  h3:focus-visible {
    outline: 2px solid var(--_mk-focus);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_mk-space);
  }
  .choices {
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
  }
  .times {
    grid-template-columns: repeat(auto-fill, minmax(10.5rem, 1fr));
  }
  .choices button,
  .times button {
    inline-size: 100%;
    text-align: start;
    background: var(--_slot-bg);
    border-color: var(--_slot-border);
  }
  .times button {
    white-space: nowrap;
  }
  .choices small,
  .muted {
    display: block;
    color: var(--_mk-text-muted);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_mk-space);
    margin-block: var(--_mk-space);
  }
  .month {
    flex: 1;
    text-align: center;
    font-weight: 600;
  }
  .cal {
    max-inline-size: calc(var(--_cell) * 7 + 2rem);
  }
  table {
    border-collapse: collapse;
    margin-inline: auto;
  }
  th {
    font-size: 0.8em;
    font-weight: 500;
    color: var(--_mk-text-muted);
    padding-block-end: 0.25rem;
  }
  td {
    padding: 2px;
  }
  td button {
    inline-size: var(--_cell);
    block-size: var(--_cell);
    padding: 0;
    border-color: transparent;
    background: transparent;
  }
  td button[data-free] {
    background: var(--_free-bg);
    border-color: var(--_slot-border);
    font-weight: 600;
  }
  td button[aria-disabled='true'] {
    cursor: default;
    color: var(--_mk-text-muted);
  }
  td[aria-selected='true'] button {
    background: var(--_selected-bg);
    color: var(--_selected-text);
  }
  form {
    display: grid;
    gap: var(--_mk-space);
    max-inline-size: 32rem;
  }
  textarea {
    min-block-size: 4rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: calc(var(--_mk-space) / 2) calc(var(--_mk-space) * 2);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  a[download] {
    color: var(--_mk-primary);
    font-weight: 600;
  }
  .skeleton.calendar {
    block-size: 16rem;
    max-inline-size: 20rem;
  }
`;
