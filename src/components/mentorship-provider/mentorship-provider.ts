import { css, html, type PropertyValues } from 'lit';
import type { Backend } from '../../sdk/backends/backend.js';
import { httpBackend } from '../../sdk/backends/lazy-http.js';
import { localBackend } from '../../sdk/backends/local.js';
import { memoryBackend } from '../../sdk/backends/memory.js';
import { createClient, type ChangeEvent, type MentorshipClient } from '../../sdk/client.js';
import { ContextProvider } from '@lit/context';
import { clientContext } from '../shared/context.js';
import { MkElement } from '../shared/mk-element.js';

const BACKENDS = ['local', 'memory', 'http'] as const;
/** Where a provider's client keeps data (any other attribute value falls back to `local`, with a message). */
export type BackendKind = (typeof BACKENDS)[number];

/**
 * Shares one SDK client with every mentorship-kit element inside it, so a program chosen in the
 * picker, a booking made and a session logged show everywhere at once. Optional: without it,
 * elements share a default local client.
 *
 * @summary Gives the elements inside it one shared client.
 * @customElement mentorship-provider
 * @slot - The elements (and any other content) that share the client.
 * @fires {CustomEvent<ChangeEvent>} mentorship-change - After every write through the client, here or in another tab.
 * @fires {CustomEvent<MentorshipErrorDetail>} mentorship-error - When the attributes describe no usable backend.
 */
export class MentorshipProvider extends MkElement {
  static override consumesClient = false;

  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties = {
    backend: { type: String, reflect: true },
    namespace: { type: String, reflect: true },
    baseUrl: { type: String, reflect: true, attribute: 'base-url' },
    catalogSrc: { type: String, reflect: true, attribute: 'catalog-src' },
    token: { type: String },
    client: { attribute: false },
  };

  /** Where data lives: `local` (IndexedDB, default), `memory` (this page only) or `http`. */
  declare backend: BackendKind;
  /**
   * Separates data sets on one origin: the local backend's data, and with `backend="http"` this
   * browser's offline queue and cancel tokens (give each signed-in mentee their own).
   */
  declare namespace: string;
  /** The server's base URL, for `backend="http"`, e.g. `http://localhost:8787/v1`. */
  declare baseUrl: string;
  /** URL of a catalog JSON to use instead of the built-in demo catalog (local and memory). */
  declare catalogSrc: string;
  /**
   * The mentee's bearer token for `backend="http"` (sent as `Authorization: Bearer …`); read on
   * every request, so changing it needs no reload. Not reflected. Empty: an anonymous visitor.
   */
  declare token: string;

  readonly #provider = new ContextProvider(this, { context: clientContext });
  #ownClient?: MentorshipClient;
  #handedClient?: MentorshipClient;
  #stopListening?: (() => void) | undefined;

  constructor() {
    super();
    this.backend = 'local';
    this.namespace = 'default';
    this.baseUrl = '';
    this.catalogSrc = '';
    this.token = '';
    this.viewState = 'ready';
  }

  /** The client shared with the elements inside. Set it to hand in one made with `createClient()`. */
  override get client(): MentorshipClient | undefined {
    return this.#handedClient ?? this.#ownClient;
  }

  override set client(value: MentorshipClient | undefined) {
    this.#handedClient = value;
    this.#share();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.client) this.#rebuild();
    else this.#share();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopListening?.();
    this.#stopListening = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const config = ['backend', 'namespace', 'baseUrl', 'catalogSrc'] as const;
    if (this.hasUpdated && config.some((key) => changed.has(key))) this.#rebuild();
  }

  /** The backend the attributes describe; local storage when they describe none usable. */
  #makeBackend(): Backend {
    const { backend, baseUrl } = this;
    const known = (BACKENDS as readonly string[]).includes(backend);
    this.setError('backend', !known && `"${backend}" is not one of ${BACKENDS.join(', ')}; using local storage`);
    this.setError('base-url', backend === 'http' && !baseUrl && 'backend="http" needs a base-url; using local storage');
    if (backend === 'memory') return memoryBackend();
    if (backend === 'http' && baseUrl) {
      const namespace = this.namespace && this.namespace !== 'default' ? `${baseUrl}|${this.namespace}` : undefined;
      return httpBackend({ baseUrl, namespace, getToken: () => this.token || undefined }); // its code loads on first use
    }
    return localBackend({ namespace: this.namespace || 'default', catalogUrl: this.catalogSrc || undefined });
  }

  #rebuild(): void {
    if (this.#handedClient) return;
    this.#ownClient?.close();
    this.#ownClient = createClient({ backend: this.#makeBackend() });
    this.#share();
  }

  #share(): void {
    const client = this.client;
    if (!client) return;
    this.#stopListening?.();
    this.#stopListening = client.on('change', (event) => this.emit<ChangeEvent>('mentorship-change', event));
    this.#provider.setValue(client);
  }

  override render() {
    return html`${this.renderConfigErrors()}<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mentorship-provider': MentorshipProvider;
  }
  interface GlobalEventHandlersEventMap {
    'mentorship-change': CustomEvent<ChangeEvent>;
  }
}
