import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChangeEvent, MentorshipClient } from '../../sdk/client.js';
import { clientContext, requestClient } from './context.js';
import { defaultClient } from './default-client.js';

export interface ClientHost extends ReactiveControllerHost, HTMLElement {
  /** Called when the element gets a client (first, or a different one from a provider). */
  clientChanged?(client: MentorshipClient): void;
  /** Called for every change made through the client, here or in another tab. */
  clientChange?(event: ChangeEvent): void;
}

/**
 * Gives an element its client: from the nearest <mentorship-provider> through context
 * (subscribed, so a provider that swaps clients is followed), else the shared default client.
 */
export class ClientController implements ReactiveController {
  client?: MentorshipClient;
  /** Ends the subscription to the provider that answered last. */
  #leaveProvider?: (() => void) | undefined;
  #stopListening?: (() => void) | undefined;

  constructor(private readonly host: ClientHost) {
    host.addController(this);
  }

  hostConnected(): void {
    // A provider above answers during the request. No answer means there is none yet: use the
    // default client, and ask again whenever a provider connects (it may be an ancestor defined
    // later, a "late upgrade"), until one answers.
    requestClient(this.host, this.#fromProvider);
    if (!this.#leaveProvider) document.addEventListener('context-provider', this.#askAgain);
    if (!this.client) this.#use(defaultClient());
    else if (!this.#stopListening) this.#listen(this.client);
  }

  hostDisconnected(): void {
    document.removeEventListener('context-provider', this.#askAgain);
    this.#leaveProvider?.();
    this.#leaveProvider = undefined;
    this.#stopListening?.();
    this.#stopListening = undefined;
  }

  readonly #askAgain = (event: Event) => {
    if ((event as Event & { context?: unknown }).context === clientContext) requestClient(this.host, this.#fromProvider);
  };

  readonly #fromProvider = (client: MentorshipClient | undefined, unsubscribe?: () => void) => {
    document.removeEventListener('context-provider', this.#askAgain);
    if (unsubscribe !== this.#leaveProvider) this.#leaveProvider?.();
    this.#leaveProvider = unsubscribe;
    // A provider that has not made its client yet answers with undefined; it calls back later.
    if (client) this.#use(client);
  };

  #use(client: MentorshipClient): void {
    if (client === this.client) return;
    this.#stopListening?.();
    this.client = client;
    if (this.host.isConnected) this.#listen(client);
    this.host.clientChanged?.(client);
    this.host.requestUpdate();
  }

  #listen(client: MentorshipClient): void {
    this.#stopListening = client.on('change', (event) => this.host.clientChange?.(event));
  }
}
