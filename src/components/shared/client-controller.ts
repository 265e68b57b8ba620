import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChangeEvent, MentorshipClient } from '../../sdk/client.js';
import { attachContextRoot, clientContext } from './context.js';
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
  #stopListening?: (() => void) | undefined;

  constructor(private readonly host: ClientHost) {
    attachContextRoot();
    // Added before this controller, so its request is answered before hostConnected below runs.
    // A provider that has not made its client yet answers with undefined and calls back later.
    new ContextConsumer(host, { context: clientContext, subscribe: true, callback: (client) => client && this.#use(client) });
    host.addController(this);
  }

  hostConnected(): void {
    // No answer means no provider yet: use the default client. ContextRoot replays the request
    // when a provider connects (an ancestor defined later), and the consumer moves to it.
    if (!this.client) this.#use(defaultClient());
    else if (!this.#stopListening) this.#listen(this.client);
  }

  hostDisconnected(): void {
    this.#stopListening?.();
    this.#stopListening = undefined;
  }

  #use(client: MentorshipClient): void {
    if (client === this.client) return;
    this.#stopListening?.();
    this.#stopListening = undefined;
    this.client = client;
    if (this.host.isConnected) this.#listen(client);
    this.host.clientChanged?.(client);
    this.host.requestUpdate();
  }

  #listen(client: MentorshipClient): void {
    this.#stopListening = client.on('change', (event) => this.host.clientChange?.(event));
  }
}
