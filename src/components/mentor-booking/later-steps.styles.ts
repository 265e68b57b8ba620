import { css } from 'lit';

// The styles of the steps after a time is chosen (later-steps.ts), which join the element's own
// when the chunk loads: the details form, the confirmation's summary and calendar link, and the
// series' Repeat fieldset and occurrences. Below 30rem the summary stacks labels above values.
export const styles = css`
  form, .field { display: grid; gap: var(--_mk-space); max-inline-size: 32rem; }
  .field { gap: 0.25rem; }
  textarea { min-block-size: 4rem; }
  dl { display: grid; grid-template-columns: fit-content(40%) minmax(0, 1fr); gap: calc(var(--_mk-space) / 2) calc(var(--_mk-space) * 2); }
  dt, a { font-weight: 600; }
  dd { margin: 0; }
  a { color: var(--_mk-primary); }
  [part='ics'] { display: inline-flex; align-items: center; }

  /* The series: the Repeat fieldset and the occurrences, before booking and in the confirmation. */
  form, fieldset { grid-template-columns: minmax(0, 1fr); }
  fieldset { margin: 0; padding: var(--_mk-space); min-inline-size: 0; display: grid; gap: var(--_mk-space); border: 1px solid var(--_slot-border); border-radius: var(--_mk-radius); }
  fieldset label:not(.check) { display: grid; gap: 0.25rem; min-inline-size: 0; max-inline-size: 100%; }
  fieldset select { max-inline-size: 100%; }
  legend { font-weight: 600; padding-inline: 0.25rem; }
  .check { display: flex; flex-direction: row; align-items: center; gap: 0.5rem; }
  .check input { margin: 0; }
  [part='occurrences'] { list-style: decimal; padding-inline-start: 1.75rem; gap: calc(var(--_mk-space) / 2); }
  [part='occurrence'] .row { margin-block: 0.25rem 0; }
  [part='occurrence'] button { inline-size: auto; }
  [data-status='conflict'] strong { color: var(--_mk-danger); }

  @container (max-width: 30rem) {
    dl { grid-template-columns: minmax(0, 1fr); gap: 0; }
    dd { margin-block-end: var(--_mk-space); }
  }
`;
