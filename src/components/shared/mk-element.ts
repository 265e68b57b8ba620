import { html, LitElement, nothing, type CSSResultGroup, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { ChangeEvent, MentorshipClient } from '../../sdk/client.js';
import { MentorshipError, toMentorshipError, type ErrorCode, type ValidationIssue } from '../../sdk/errors.js';
import { ClientController } from './client-controller.js';
import { controls, tokens } from './tokens.js';

export interface MentorshipErrorDetail {
  /** Tag of the element that failed. */
  element: string;
  /** What failed: an attribute name ("mentees-per-mentor"), a field, or an operation ("load"). */
  source: string;
  code: ErrorCode;
  message: string;
  issues: ValidationIssue[];
}

/** What each element shows: explicit states, never an implicit mix. */
export type ViewState = 'loading' | 'empty' | 'error' | 'ready';

/** A forced colour scheme; empty follows the system setting. */
export type Theme = '' | 'light' | 'dark';

/**
 * Base of every mentorship-kit element: the shared client (context or default), `locale` and
 * `theme`, attribute/config errors shown in the element and fired as `mentorship-error`, and a
 * typed event helper. Subclasses add their own reactive properties.
 */
export class MkElement extends LitElement {
  static override styles: CSSResultGroup = [tokens, controls];

  /** False for elements that provide the client instead of consuming it. */
  static consumesClient = true;

  static override properties: PropertyDeclarations = {
    locale: { type: String, reflect: true },
    theme: { type: String, reflect: true },
    configErrors: { state: true },
    viewState: { type: String, reflect: true, attribute: 'state' },
  };

  /** BCP 47 locale for text, numbers and dates; defaults to the page's `lang` or the browser's. */
  declare locale: string;
  /** `light`, `dark`, or unset to follow the system setting. */
  declare theme: Theme;
  /**
   * What the element shows now, reflected as the `state` attribute (`loading`, `empty`, `error`,
   * `ready`) so pages, tests and benchmarks can wait for it and CSS can style it.
   */
  declare viewState: ViewState;
  /** Problems with attributes or data, by source, shown above the element's content. */
  declare protected configErrors: Map<string, MentorshipErrorDetail>;

  protected readonly clientController?: ClientController;

  constructor() {
    super();
    this.locale = '';
    this.theme = '';
    this.configErrors = new Map();
    this.viewState = 'loading';
    if ((this.constructor as typeof MkElement).consumesClient) this.clientController = new ClientController(this);
  }

  /** The shared SDK client; set once the element is connected. */
  get client(): MentorshipClient | undefined {
    return this.clientController?.client;
  }

  clientChanged?(client: MentorshipClient): void;
  clientChange?(event: ChangeEvent): void;

  /** Dispatches a `bubbles` + `composed` CustomEvent; returns false when a listener cancelled it. */
  protected emit<T>(name: string, detail: T, options: { cancelable?: boolean } = {}): boolean {
    return this.dispatchEvent(new CustomEvent<T>(name, { bubbles: true, composed: true, detail, ...options }));
  }

  /**
   * Shows a problem with `source` (an attribute, field or operation) in the element and fires
   * `mentorship-error`; with `show` false, only fires it (for a failure the element reports in its
   * own words, such as a failed save). Never throws.
   */
  protected reportError(source: string, error: unknown, code: ErrorCode = 'invalid-input', show = true): MentorshipErrorDetail {
    const { message, issues, code: finalCode } = typeof error === 'string' ? new MentorshipError(code, error) : toMentorshipError(error, code);
    const detail: MentorshipErrorDetail = { element: this.localName, source, code: finalCode, message, issues };
    if (show) this.configErrors = new Map(this.configErrors).set(source, detail);
    this.emit('mentorship-error', detail);
    return detail;
  }

  protected clearError(source: string): void {
    if (!this.configErrors.has(source)) return;
    const next = new Map(this.configErrors);
    next.delete(source);
    this.configErrors = next;
  }

  /** Shows `problem` with `source` (as reportError does), or clears it when there is none. */
  protected setError(source: string, problem: string | false | undefined): void {
    if (problem) this.reportError(source, problem);
    else this.clearError(source);
  }

  /** The configuration problems as an alert list; nothing when there are none. */
  protected renderConfigErrors(): TemplateResult | typeof nothing {
    if (this.configErrors.size === 0) return nothing;
    const issues = (e: MentorshipErrorDetail) => html`<ul>${e.issues.map((i) => html`<li><code>${i.path}</code>: ${i.message}</li>`)}</ul>`;
    return html`<div class="message error" role="alert" part="error"><ul>${[...this.configErrors.values()].map(
      (e) => html`<li><strong>${e.source}</strong>: ${e.message} ${e.issues.length > 1 ? issues(e) : nothing}</li>`,
    )}</ul></div>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mentorship-error': CustomEvent<MentorshipErrorDetail>;
  }
}
