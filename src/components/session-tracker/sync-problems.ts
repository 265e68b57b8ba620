/**
 * What the tracker shows when the server did not take a change: queued writes it refused for
 * good (with the reason, and Retry / Discard), and edits made on a version that changed elsewhere
 * meanwhile (the newer version, the mentee's edit kept to save again). Never a silent overwrite,
 * never only a console warning.
 */
import { html, nothing } from 'lit';
import type { FailedSessionWrite } from '../../sdk/backends/backend.js';
import type { ChangeEvent, MentorshipClient } from '../../sdk/client.js';
import { MentorshipError } from '../../sdk/errors.js';
import type { Session } from '../../sdk/schemas.js';
import type { LocalizeController } from '../shared/localize.js';
import type { en } from './session-tracker.messages.js';

/** The tracker, as this module uses it. */
export interface SyncProblemsHost {
  readonly client?: MentorshipClient | undefined;
  requestUpdate(): void;
  /** Applies a change as if it came from the client (shows the newer version). */
  clientChange(event: ChangeEvent): void;
}

/** The tracker's own helpers this module needs. */
export interface SyncProblemsHelpers {
  /** Fires `mentorship-error` for a failed operation; returns the message to show. */
  fail(source: string, error: unknown): string;
  /** One line about a session a person can recognise: when, how long, what. */
  describe(session: Session): string;
  stopEditing(id: string): void;
}

export class SyncProblems {
  /** Queued writes the server refused for good. */
  failed: FailedSessionWrite[] = [];
  /** Edits refused as stale: session id → the newer version (null: deleted there). */
  readonly #stale = new Map<string, Session | null>();

  constructor(
    private readonly host: SyncProblemsHost,
    private readonly l: LocalizeController<typeof en>,
    private readonly helpers: SyncProblemsHelpers,
  ) {}

  /** The version an edit of `session` is based on: the newer one, once the mentee has been shown it. */
  baseVersion(session: Session): number | undefined {
    const newer = this.#stale.get(session.id);
    return newer === undefined ? session.version : (newer?.version ?? undefined);
  }

  /** Saving an edit of `id`: on a conflict, keeps the newer version to show with the edit form. */
  async saving<T>(id: string, write: Promise<T>): Promise<T> {
    try {
      const saved = await write;
      this.#stale.delete(id);
      return saved;
    } catch (error) {
      if (MentorshipError.is(error) && error.code === 'conflict' && error.current !== undefined) this.#stale.set(id, error.current as Session | null);
      throw error;
    }
  }

  /** Deleting: on a conflict, the newer version replaces the row, to be deleted again knowingly. */
  async deleting<T>(write: Promise<T>): Promise<T> {
    try {
      return await write;
    } catch (error) {
      if (MentorshipError.is(error) && error.code === 'conflict' && error.current) {
        this.host.clientChange({ resource: 'session', kind: 'updated', session: error.current as Session, remote: true });
      }
      throw error;
    }
  }

  /** Inside the edit form of `id`: the newer version that made the last save a conflict. */
  renderStale(id: string) {
    const newer = this.#stale.get(id);
    if (newer === undefined) return nothing;
    const { l } = this;
    const useNewer = () => {
      this.#stale.delete(id);
      if (newer) this.host.clientChange({ resource: 'session', kind: 'updated', session: newer, remote: true });
      this.helpers.stopEditing(id);
    };
    return html`<div class="message error wide stale" role="alert"><p>${newer ? l.t('staleEdit', this.helpers.describe(newer)) : l.t('deletedElsewhere')}</p>
${newer ? html`<button type="button" class="use-newer" @click=${useNewer}>${l.t('useNewer')}</button>` : nothing}</div>`;
  }

  /** The writes the server refused, each with what it was, why, and what to do. */
  render() {
    const { l, failed } = this;
    if (!failed.length) return nothing;
    const item = (f: FailedSessionWrite) => {
      const conflict = f.code === 'conflict' && f.current !== undefined;
      const shown = f.session ?? f.current;
      const what = shown ? this.helpers.describe(shown) : f.sessionId;
      const newer = !conflict ? nothing : html`<p>${f.current ? l.t('newerThere', this.helpers.describe(f.current)) : l.t('deletedElsewhere')}</p>`;
      return html`<li data-failed=${f.key}><p>${l.t(f.session ? 'changeNotSaved' : 'deleteNotDone', what, f.message)}</p>${newer}
<button class="retry-write" @click=${() => this.#resolve(f, 'retry')}>${l.t(conflict ? 'keepMine' : 'retry')}</button>
<button class="discard-write" @click=${() => this.#resolve(f, 'discard')}>${l.t(conflict ? 'keepTheirs' : 'discard')}</button></li>`;
    };
    return html`<section part="sync-problems" class="message error" aria-labelledby="sync-problems-title"><h3 id="sync-problems-title">${l.t('notSavedTitle')}</h3>
<ul class="rows">${failed.map(item)}</ul></section>`;
  }

  async #resolve(f: FailedSessionWrite, action: 'retry' | 'discard') {
    const sync = this.host.client?.sync;
    try {
      await (action === 'retry' ? sync?.retry(f.key) : sync?.discard(f.key));
      // Discarded, the server's version is the one to show: the newer one, or none.
      if (action === 'discard' && f.current) this.host.clientChange({ resource: 'session', kind: 'updated', session: f.current, remote: true });
      else if (action === 'discard' && f.session) this.host.clientChange({ resource: 'session', kind: 'removed', session: f.session, remote: true });
      this.failed = (await sync?.failed()) ?? [];
    } catch (error) {
      this.helpers.fail('sync', error);
    }
    this.host.requestUpdate();
  }
}
