/**
 * The tracker's sync problems as shown (the state is in sync-problems.ts): refused writes with
 * Retry / Discard (Keep mine / Keep theirs after a conflict), and the newer version inside an
 * edit form whose save was stale. Loaded on demand: most pages never have one.
 */
import { html, nothing } from 'lit';
import type { FailedSessionWrite } from '../../sdk/backends/backend.js';
import type { SyncProblems } from './sync-problems.js';

/** Inside the edit form of `id`: the newer version that made the last save a conflict. */
export function renderStale(problems: SyncProblems, id: string) {
  const newer = problems.stale.get(id);
  if (newer === undefined) return nothing;
  const { l, helpers, host } = problems;
  const useNewer = () => {
    problems.stale.delete(id);
    if (newer) host.clientChange({ resource: 'session', kind: 'updated', session: newer, remote: true });
    helpers.stopEditing(id);
  };
  return html`<div class="message error wide stale" role="alert"><p>${newer ? l.t('staleEdit', helpers.describe(newer)) : l.t('deletedElsewhere')}</p>
${newer ? html`<button type="button" class="use-newer" @click=${useNewer}>${l.t('useNewer')}</button>` : nothing}</div>`;
}

/** The writes the server refused, each with what it was, why, and what to do. */
export function renderFailed(problems: SyncProblems) {
  const { l, helpers, failed } = problems;
  const item = (f: FailedSessionWrite) => {
    const conflict = f.code === 'conflict' && f.current !== undefined;
    const shown = f.session ?? f.current;
    const what = shown ? helpers.describe(shown) : f.sessionId;
    const newer = !conflict ? nothing : html`<p>${f.current ? l.t('newerThere', helpers.describe(f.current)) : l.t('deletedElsewhere')}</p>`;
    return html`<li data-failed=${f.key}><p>${l.t(f.session ? 'changeNotSaved' : 'deleteNotDone', what, f.message)}</p>${newer}
<button class="retry-write" @click=${() => resolve(problems, f, 'retry')}>${l.t(conflict ? 'keepMine' : 'retry')}</button>
<button class="discard-write" @click=${() => resolve(problems, f, 'discard')}>${l.t(conflict ? 'keepTheirs' : 'discard')}</button></li>`;
  };
  return html`<section part="sync-problems" class="message error" aria-labelledby="sync-problems-title"><h3 id="sync-problems-title">${l.t('notSavedTitle')}</h3>
<ul class="rows">${failed.map(item)}</ul></section>`;
}

async function resolve(problems: SyncProblems, f: FailedSessionWrite, action: 'retry' | 'discard') {
  const { host } = problems;
  const sync = host.client?.sync;
  try {
    await (action === 'retry' ? sync?.retry(f.key) : sync?.discard(f.key));
    // Discarded, the server's version is the one to show: the newer one, or none.
    if (action === 'discard' && f.current) host.clientChange({ resource: 'session', kind: 'updated', session: f.current, remote: true });
    else if (action === 'discard' && f.session) host.clientChange({ resource: 'session', kind: 'removed', session: f.session, remote: true });
    problems.failed = (await sync?.failed()) ?? [];
  } catch (error) {
    problems.helpers.fail('sync', error);
  }
  host.requestUpdate();
}
