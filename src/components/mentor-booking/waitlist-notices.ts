/**
 * The promotions <mentor-booking> tells the visitor of: those made since their last visit (found
 * when the element gets its client) and those made while they are on the page (the client's
 * `waitlist` change). Each is announced once (the element fires its events) and shown until the
 * visitor dismisses it, which records it as seen. The notice itself renders in waitlist.ts.
 */
import type { MentorshipClient } from '../../sdk/client.js';
import type { WaitlistEntry } from '../../sdk/schemas.js';

export class PromotionNotices {
  /** The promotions to show now. */
  entries: WaitlistEntry[] = [];
  #told = new Set<string>();

  constructor(
    private readonly host: { requestUpdate(): void },
    /** Called once per promotion, when it is first shown. */
    private readonly announce: (entry: WaitlistEntry) => void,
  ) {}

  /** The promotions this visitor has not seen yet (a backend without a waitlist has none). */
  async check(client: MentorshipClient): Promise<void> {
    for (const entry of await client.waitlist.unseen().catch(() => [])) this.add(entry);
  }

  add(entry: WaitlistEntry): void {
    if (entry.status !== 'promoted' || entry.seenAt || this.#told.has(entry.id)) return;
    this.#told.add(entry.id);
    this.entries = [...this.entries, entry];
    this.announce(entry);
    this.host.requestUpdate();
  }

  dismiss(client: MentorshipClient, entry: WaitlistEntry): void {
    this.entries = this.entries.filter((e) => e.id !== entry.id);
    this.host.requestUpdate();
    void client.waitlist.markSeen(entry.id).catch(() => {});
  }
}
