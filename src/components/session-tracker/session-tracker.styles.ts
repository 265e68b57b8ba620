import { css } from 'lit';

export const styles = css`
  :host {
    --_row-bg: var(--mk-tracker-row-bg, var(--_mk-surface-alt));
    --_badge-bg: var(--mk-tracker-badge-bg, var(--_mk-surface));
    --_badge-text: var(--mk-tracker-badge-text, var(--_mk-text-muted));
    --_pending: var(--mk-tracker-pending-color, var(--_mk-warning));
    --_goal: var(--mk-tracker-goal-color, var(--_mk-text));
    --_meter: var(--mk-tracker-meter-color, var(--_mk-primary));
    --_gap: var(--_mk-space);
  }

  h3,
  h4 {
    margin-block: calc(var(--_gap) * 2) var(--_gap);
    font-size: 1.05em;
  }

  h4 {
    font-size: 1em;
    color: var(--_mk-text-muted);
  }

  form,
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    align-items: flex-end;
  }

  .wide {
    flex: 1 1 16rem;
  }

  textarea {
    resize: vertical;
  }

  form .actions {
    display: flex;
    gap: var(--_gap);
  }

  .progress {
    display: grid;
    gap: var(--_gap);
  }

  meter {
    inline-size: min(100%, 24rem);
    block-size: 1rem;
    accent-color: var(--_meter);
  }

  .muted {
    color: var(--_mk-text-muted);
  }

  svg {
    display: block;
    inline-size: 100%;
    max-inline-size: 40rem;
    block-size: auto;
  }

  svg text {
    fill: var(--_mk-text-muted);
    font-size: 10px;
  }

  .goal-line {
    stroke: var(--_goal);
    stroke-width: 1.5;
    stroke-dasharray: 4 3;
  }

  .axis {
    stroke: var(--_mk-border);
  }

  .c0 { fill: var(--_mk-chart-1); }
  .c1 { fill: var(--_mk-chart-2); }
  .c2 { fill: var(--_mk-chart-3); }
  .c3 { fill: var(--_mk-chart-4); }
  .c4 { fill: var(--_mk-chart-5); }
  .c5 { fill: var(--_mk-chart-1); fill-opacity: 0.5; }
  .c6 { fill: var(--_mk-chart-2); fill-opacity: 0.5; }
  .c7 { fill: var(--_mk-chart-3); fill-opacity: 0.5; }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap) calc(var(--_gap) * 2);
    padding: 0;
    margin: 0;
    list-style: none;
    font-size: 0.875em;
  }

  .legend svg {
    display: inline;
    inline-size: 0.75em;
    vertical-align: baseline;
    margin-inline-end: 0.25em;
  }

  table {
    border-collapse: collapse;
    font-size: 0.875em;
  }

  th,
  td {
    padding: 0.25em 0.5em;
    text-align: end;
    border-block-end: 1px solid var(--_mk-border);
  }

  th:first-child {
    text-align: start;
  }

  ul.rows {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: calc(var(--_gap) / 2);
  }

  ul.rows > li {
    background: var(--_row-bg);
    border-radius: var(--_mk-radius);
    padding: var(--_gap) calc(var(--_gap) * 1.5);
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_gap) / 2) calc(var(--_gap) * 1.5);
    align-items: baseline;
  }

  .what {
    font-weight: 600;
  }

  .notes {
    flex-basis: 100%;
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  .row-actions {
    margin-inline-start: auto;
    display: flex;
    gap: calc(var(--_gap) / 2);
  }

  .badge {
    border: 1px solid var(--_mk-border);
    border-radius: 999px;
    background: var(--_badge-bg);
    color: var(--_badge-text);
    padding-inline: 0.5em;
    font-size: 0.8em;
  }

  .badge.pending {
    color: var(--_pending);
    border-color: currentColor;
  }

  .notice {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    align-items: center;
  }

  .notice:empty {
    display: none;
  }
`;
