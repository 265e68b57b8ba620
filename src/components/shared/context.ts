/**
 * The client travels from <mentorship-provider> to the elements inside it through the Web
 * Components Community Group's context protocol, with @lit/context's key and request event. The
 * consumer (ClientController) and provider halves are ours: the protocol is a few lines, and
 * @lit/context's general-purpose controllers and ContextRoot cost about 0.5 KB min+gzip more in
 * every bundle. Late upgrades, ContextRoot's job, are handled by the consumer: with no provider
 * above it, it asks again whenever a provider announces itself ("context-provider"). The events
 * are the protocol's, so this works with another copy of the kit on the page.
 */
import { ContextEvent as ContextRequestEvent, createContext, type ContextCallback } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MentorshipClient } from '../../sdk/client.js';

/** One key for every copy of the kit on the page: Symbol.for makes two bundles agree. */
export const clientContext = createContext<MentorshipClient>(Symbol.for('mentorship-kit/client@1'));

type ClientCallback = ContextCallback<MentorshipClient | undefined>;

/**
 * Asks the nearest provider above `host` for the client and to call `callback` again whenever it
 * changes. The provider passes an unsubscribe function along with the client.
 */
export function requestClient(host: Element, callback: ClientCallback): void {
  host.dispatchEvent(new ContextRequestEvent(clientContext, host, callback as ContextCallback<MentorshipClient>, true));
}

/** What a provider announces when it connects, so waiting elements and outer providers re-route requests. */
class ContextProviderEvent extends Event {
  constructor(
    readonly context: typeof clientContext,
    readonly contextTarget: Element,
  ) {
    super('context-provider', { bubbles: true, composed: true });
  }
}

/** Answers the client requests of the elements inside `host` and tells subscribers of a new client. */
export class ClientProvider implements ReactiveController {
  #client?: MentorshipClient;
  /** Subscribed callbacks: the element that asked, and the function that ends the subscription. */
  readonly #subscribers = new Map<ClientCallback, { consumer: Element; unsubscribe: () => void }>();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addEventListener('context-request', this.#answer);
    host.addEventListener('context-provider', this.#handOver);
    host.addController(this);
  }

  hostConnected(): void {
    this.host.dispatchEvent(new ContextProviderEvent(clientContext, this.host));
  }

  set client(client: MentorshipClient | undefined) {
    if (client === this.#client) return;
    this.#client = client;
    for (const [callback, { unsubscribe }] of this.#subscribers) callback(client, unsubscribe);
  }

  readonly #answer = (event: Event) => {
    const { context, contextTarget, subscribe, callback } = event as ContextRequestEvent<typeof clientContext> & { callback: ClientCallback };
    const consumer = contextTarget ?? (event.composedPath()[0] as Element);
    if (context !== clientContext || consumer === this.host) return;
    event.stopPropagation();
    if (!subscribe) return callback(this.#client);
    let subscription = this.#subscribers.get(callback);
    if (!subscription) this.#subscribers.set(callback, (subscription = { consumer, unsubscribe: () => this.#subscribers.delete(callback) }));
    callback(this.#client, subscription.unsubscribe);
  };

  /**
   * A provider connected below this one: every subscriber asks again, so those inside the new
   * provider move to it (they unsubscribe from here when it answers).
   */
  readonly #handOver = (event: Event) => {
    const { context, contextTarget } = event as ContextProviderEvent;
    if (context !== clientContext || (contextTarget ?? event.composedPath()[0]) === this.host) return;
    event.stopPropagation();
    for (const [callback, { consumer }] of this.#subscribers) requestClient(consumer, callback);
  };
}
