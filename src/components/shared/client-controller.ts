import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChangeEvent, MentorshipClient } from '../../sdk/client.js';
import { clientContext, ensureContextRoot } from './context.js';
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
  private unsubscribe?: () => void;
  private readonly consumer: ContextConsumer<typeof clientContext, ClientHost>;

  constructor(private readonly host: ClientHost) {
    ensureContextRoot();
    this.consumer = new ContextConsumer(host, {
      context: clientContext,
      subscribe: true,
      callback: (client) => this.use(client),
    });
    host.addController(this);
  }

  hostConnected(): void {
    // The consumer asked during its own hostConnected (it was added first); no answer means
    // no provider is above us yet.
    if (!this.client) this.use(this.consumer.value ?? defaultClient());
    else if (this.client && !this.unsubscribe) this.listen(this.client);
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private use(client: MentorshipClient | undefined): void {
    // A provider that has not made its client yet answers with undefined; it calls back later.
    if (!client || client === this.client) return;
    this.unsubscribe?.();
    this.client = client;
    if (this.host.isConnected) this.listen(client);
    this.host.clientChanged?.(client);
    this.host.requestUpdate();
  }

  private listen(client: MentorshipClient): void {
    this.unsubscribe = client.on('change', (event) => this.host.clientChange?.(event));
  }
}
