import { css, unsafeCSS } from 'lit';

/**
 * The colour tokens: `--mk-color-<name>`, light default, dark default. `border` draws decorative
 * lines (tables, cards); `field-border` outlines what a person can type in or choose, so it keeps
 * 3:1 against `surface` and `surface-alt` (WCAG 1.4.11), as do the chart colours; text keeps 4.5:1.
 */
const COLOURS = [
  ['primary', '#2c55c9', '#9db7ff'],
  ['on-primary', '#fff', '#0c1330'],
  ['surface', '#fff', '#15181e'],
  ['surface-alt', '#f3f5f9', '#222731'],
  ['text', '#1b1f27', '#eceef3'],
  ['text-muted', '#4f5867', '#b1b8c6'],
  ['border', '#c9cfda', '#4a5262'],
  ['field-border', '#767f8f', '#7d8798'],
  ['danger', '#b3261e', '#ffb4ab'],
  ['success', '#1d6b35', '#8fd9a4'],
  ['warning', '#8a5300', '#f5c26b'],
  ['chart-2', '#1d8a6b', '#6fd3b2'],
  ['chart-3', '#b06a00', '#f5b35c'],
  ['chart-4', '#9b3fb5', '#d69be8'],
  ['chart-5', '#c2414b', '#f28b93'],
] as const;
const colourTokens = unsafeCSS(COLOURS.map(([name, light, dark]) => `--_mk-${name}: var(--mk-color-${name}, light-dark(${light}, ${dark}));`).join(''));

/**
 * Kit-level design tokens. Site owners set the public `--mk-*` properties anywhere above the
 * element (or on it); elements read the private `--_mk-*` ones, which fall back to the defaults
 * below. Each colour default is `light-dark(light, dark)`: dark applies with `theme="dark"`, or
 * with the system setting unless `theme="light"` (through `color-scheme`). Element tokens
 * (`--mk-booking-slot-bg`, …) default to these. The focus ring and the first chart colour
 * follow the primary colour unless set, so a brand colour carries over to them.
 */
export const tokens = css`
  :host {
    --_mk-font: var(--mk-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_mk-font-size: var(--mk-font-size, 1rem);
    --_mk-radius: var(--mk-radius, 0.5rem);
    --_mk-space: var(--mk-space, 0.5rem);
    ${colourTokens}
    --_mk-focus: var(--mk-color-focus, var(--_mk-primary));
    --_mk-chart-1: var(--mk-color-chart-1, var(--_mk-primary));
    --_mk-duration: var(--mk-transition-duration, 150ms);

    display: block;
    /* A size container: each element lays itself out for its own width (a sidebar column too),
       not the window's. Where a page sizes it by its content (a float, a flex item), it takes
       40rem and shrinks from there, since a container's width no longer follows its content. */
    container-type: inline-size;
    contain-intrinsic-inline-size: 40rem;
    min-inline-size: 0;
    box-sizing: border-box;
    font-family: var(--_mk-font);
    font-size: var(--_mk-font-size);
    line-height: 1.5;
    color: var(--_mk-text);
    background: var(--_mk-surface);
    color-scheme: light dark;
  }

  :host([hidden]) {
    display: none;
  }

  :host([theme='light']) {
    color-scheme: light;
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  @media (prefers-reduced-motion: reduce) {
    :host {
      --_mk-duration: 0ms;
    }
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :focus-visible {
    outline: 2px solid var(--_mk-focus);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/** Buttons, inputs, messages and skeletons every element uses. */
export const controls = css`
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }

  button {
    cursor: pointer;
    border: 1px solid var(--_mk-field-border);
    border-radius: var(--_mk-radius);
    background: var(--_mk-surface);
    padding: calc(var(--_mk-space) * 0.75) calc(var(--_mk-space) * 1.5);
    /* Border only: a fading background would briefly fail contrast with text that changes at once. */
    transition: border-color var(--_mk-duration);
  }

  button:hover:not(:disabled) {
    border-color: var(--_mk-primary);
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  button.primary {
    background: var(--_mk-primary);
    border-color: var(--_mk-primary);
    color: var(--_mk-on-primary);
  }

  input,
  select,
  textarea {
    border: 1px solid var(--_mk-field-border);
    border-radius: calc(var(--_mk-radius) * 0.75);
    background: var(--_mk-surface);
    padding: calc(var(--_mk-space) * 0.5) var(--_mk-space);
    min-block-size: 2.25rem;
    max-inline-size: 100%;
  }

  input[aria-invalid='true'],
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--_mk-danger);
  }

  label {
    display: inline-flex;
    flex-direction: column;
    gap: 0.25rem;
    font-weight: 500;
    max-inline-size: 100%;
  }

  .field-error {
    color: var(--_mk-danger);
    font-size: 0.875em;
    font-weight: 400;
  }

  /* A table wider than the element scrolls in its own box; shadows at the edges with more
     to see are the hint (covers in the surface colour slide over them as it scrolls). */
  .table-wrap {
    overflow-x: auto;
    /* Holds the cells' visually hidden text, which would otherwise widen the page. */
    position: relative;
    --_shade: color-mix(in srgb, var(--_mk-text) 30%, transparent);
    background:
      linear-gradient(to right, var(--_mk-surface) 40%, transparent) left / 2rem 100% no-repeat local,
      linear-gradient(to left, var(--_mk-surface) 40%, transparent) right / 2rem 100% no-repeat local,
      radial-gradient(farthest-side at 0 50%, var(--_shade), transparent) left / 0.75rem 100% no-repeat scroll,
      radial-gradient(farthest-side at 100% 50%, var(--_shade), transparent) right / 0.75rem 100% no-repeat scroll;
  }

  .message {
    border-radius: var(--_mk-radius);
    padding: var(--_mk-space) calc(var(--_mk-space) * 1.5);
    margin-block: var(--_mk-space);
    border: 1px solid currentColor;
  }

  .message.error {
    color: var(--_mk-danger);
  }

  .message.info {
    color: var(--_mk-text-muted);
  }

  .skeleton {
    display: block;
    border-radius: var(--_mk-radius);
    background: var(--_mk-surface-alt);
    min-block-size: 1.5rem;
    margin-block: var(--_mk-space);
    animation: mk-pulse 1.2s ease-in-out infinite;
  }

  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }

  @keyframes mk-pulse {
    50% {
      opacity: 0.5;
    }
  }
`;
