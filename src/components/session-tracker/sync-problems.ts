/**
 * What the tracker shows when the server did not take a change: queued writes it refused for
 * good (with the reason, and Retry / Discard), and edits made on a version that changed elsewhere
 * meanwhile (the newer version, the mentee's edit kept to save again). Never a silent overwrite,
 * never only a console warning.
 *
 * This module keeps the state; what is shown (sync-problems-view.ts) loads on demand when there
 * is something to show, which only happens with the HTTP backend and a server that refused.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FailedSessionWrite } from '../../sdk/backends/backend.js';
import type { ChangeEvent, MentorshipClient } from '../../sdk/client.js';
import { MentorshipError } from '../../sdk/errors.js';
import type { Session } from '../../sdk/schemas.js';
import { LazyModule } from '../shared/lazy-module.js';
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

type View = typeof import('./sync-problems-view.js');

export class SyncProblems {
  #failed: FailedSessionWrite[] = [];
  /** Edits refused as stale: session id → the newer version (null: deleted there). */
  readonly stale = new Map<string, Session | null>();
  readonly #view: LazyModule<View>;

  constructor(
    readonly host: SyncProblemsHost,
    readonly l: LocalizeController<typeof en>,
    readonly helpers: SyncProblemsHelpers,
  ) {
    this.#view = new LazyModule(host, () => import('./sync-problems-view.js'));
  }

  /** Queued writes the server refused for good. */
  get failed(): FailedSessionWrite[] {
    return this.#failed;
  }

  set failed(failed: FailedSessionWrite[]) {
    this.#failed = failed;
    if (failed.length) this.#loadView();
  }

  /** The version an edit of `session` is based on: the newer one, once the mentee has been shown it. */
  baseVersion(session: Session): number | undefined {
    const newer = this.stale.get(session.id);
    return newer === undefined ? session.version : (newer?.version ?? undefined);
  }

  /** Saving an edit of `id`: on a conflict, keeps the newer version to show with the edit form. */
  async saving<T>(id: string, write: Promise<T>): Promise<T> {
    try {
      const saved = await write;
      this.stale.delete(id);
      return saved;
    } catch (error) {
      if (MentorshipError.is(error) && error.code === 'conflict' && error.current !== undefined) {
        this.stale.set(id, error.current as Session | null);
        this.#loadView();
      }
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
    return this.stale.has(id) ? this.#show((view) => view.renderStale(this, id)) : nothing;
  }

  /** The writes the server refused, each with what it was, why, and what to do. */
  render() {
    return this.failed.length ? this.#show((view) => view.renderFailed(this)) : nothing;
  }

  #loadView(): void {
    this.#view.load().catch(() => {}); // a failed load shows Retry in the problems' place
  }

  /** The view once loaded; meanwhile progress, or the failed load and Retry. */
  #show(render: (view: View) => TemplateResult | typeof nothing) {
    const view = this.#view.module;
    if (view) return render(view);
    return this.#view.failed
      ? html`<div class="message error" role="alert"><p>${this.l.t('notSavedTitle')}</p><button class="retry-load" @click=${() => this.#loadView()}>${this.l.t('retry')}</button></div>`
      : html`<div class="message" aria-busy="true">${this.l.t('notSavedTitle')}</div>`;
  }
}
