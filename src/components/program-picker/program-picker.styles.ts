import { css } from 'lit';

// Buttons, inputs, labels, .message, .skeleton and .visually-hidden come from the shared
// `controls` and `tokens`. A card's title is its radio: `::before` draws the circle, filled when
// chosen.
export const styles = css`
  :host {
    --_pp-card-bg: var(--mk-picker-card-bg, var(--_mk-surface));
    --_pp-chosen: var(--mk-picker-chosen-color, var(--_mk-primary));
  }
  .filters, .chips, .empty { display: flex; flex-wrap: wrap; gap: var(--_mk-space); align-items: end; }
  .chips { inline-size: 100%; align-items: center; }
  [part='chip'] { background: var(--mk-picker-chip-bg, var(--_mk-surface-alt)); border-radius: 2em; padding-block: 0.15em; }
  [aria-pressed='true'] { background: var(--_mk-primary); color: var(--_mk-on-primary); }
  .hint, dt, th[scope='row'] { color: var(--_mk-text-muted); }
  h3, p, dl, dd { margin: 0; }
  dd ul, td ul { margin: 0; padding-inline-start: 1em; }
  [part='count'], table { margin-block: var(--_mk-space); }

  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--mk-picker-card-min-width, 18rem)), 1fr));
    gap: calc(var(--_mk-space) * 2);
  }
  :host([layout='list']) .cards { grid-template-columns: 1fr; }
  article {
    display: flex;
    flex-direction: column;
    gap: var(--_mk-space);
    background: var(--_pp-card-bg);
    border: 1px solid var(--mk-picker-card-border, var(--_mk-border));
    border-radius: var(--_mk-radius);
    padding: calc(var(--_mk-space) * 2);
  }
  [part~='chosen'] { border-color: var(--_pp-chosen); box-shadow: 0 0 0 1px var(--_pp-chosen); }
  [role='radio'] { display: flex; gap: var(--_mk-space); cursor: pointer; }
  [role='radio']::before { content: ''; flex: none; inline-size: 0.7em; block-size: 0.7em; margin-block-start: 0.3em; border: 0.2em solid var(--_mk-field-border); border-radius: 50%; }
  [aria-checked='true']::before { border-color: var(--_pp-chosen); background: var(--_pp-chosen); box-shadow: inset 0 0 0 0.12em var(--_pp-card-bg); }
  dl { display: grid; grid-template-columns: fit-content(45%) minmax(0, 1fr); gap: 0.25em var(--_mk-space); overflow-wrap: anywhere; }
  /* The checkbox and its word as one pill-shaped control. */
  .check {
    flex-direction: row;
    align-items: center;
    align-self: start;
    gap: 0.5em;
    margin-block-start: auto;
    padding: 0.25em 0.875em 0.25em 0.625em;
    border: 1px solid var(--_mk-field-border);
    border-radius: 2em;
    cursor: pointer;
  }
  .check input { min-block-size: 0; margin: 0; inline-size: 1.125em; block-size: 1.125em; }

  table { border-collapse: collapse; }
  caption, th, td { text-align: start; vertical-align: top; padding: var(--_mk-space); }
  th, td { border-block-end: 1px solid var(--_mk-border); }
  /* Programs side by side keep a readable width and scroll; the row names stay in view. */
  tbody td, th[scope='col'] { min-inline-size: 12rem; }
  th[scope='row'] { position: sticky; inset-inline-start: 0; background: var(--_mk-surface); }
  caption { position: sticky; inset-inline-start: 0; max-inline-size: 100cqi; }
`;
