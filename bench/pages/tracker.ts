/**
 * <session-tracker> at scale, in one fresh browser context per run:
 * 1. seed N sessions (default 10,000) through the local backend the element uses (the default
 *    client's IndexedDB namespace), all writes in flight at once;
 * 2. define the element: time to `state` ready (list, index, first render) and to the next frame;
 * 3. add one session through the element's own form (click "Add"), `adds` times: time from the
 *    click to the new row being in the shadow DOM;
 * 4. CSV export through the element's own link (the click handler builds the CSV and a Blob URL;
 *    the download itself is cancelled), and the SDK's sessionsToCsv on the same list alone;
 * 5. import N sessions (as a JSON export holds them) into an empty namespace through
 *    `client.sessions.import`: validation, one IndexedDB transaction, one change event.
 */
import { SessionTracker } from '../../src/components/session-tracker/session-tracker.js';
import { localBackend } from '../../src/sdk/backends/local.js';
import { createClient } from '../../src/sdk/client.js';
import { sessionsToCsv } from '../../src/sdk/export/csv.js';
import type { Session } from '../../src/sdk/schemas.js';
import { makeSessions, nextPaint, params, run, waitForState } from './common.js';

function newRow(root: ShadowRoot, before: Set<string | null>, timeoutMs = 5000): Promise<number> {
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      for (const e of root.querySelectorAll('[data-id]')) {
        if (!before.has(e.getAttribute('data-id'))) {
          const t = performance.now();
          observer.disconnect();
          clearTimeout(timer);
          return resolve(t);
        }
      }
    });
    observer.observe(root, { childList: true, subtree: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`no new session row within ${timeoutMs} ms`));
    }, timeoutMs);
  });
}

run(async () => {
  const n = Number(params.get('n') ?? 10_000);
  const adds = Number(params.get('adds') ?? 3);
  const notes: string[] = [];
  const sessions = makeSessions(n) as Session[];

  const backend = localBackend();
  const t0 = performance.now();
  await Promise.all(sessions.map((s) => backend.putSession(s)));
  const seed = performance.now() - t0;
  const stored = (await backend.listSessions()).length;

  const el = document.querySelector('session-tracker') as SessionTracker;
  const interactive = waitForState(el, ['ready', 'empty'], 30_000);
  const t1 = performance.now();
  customElements.define('session-tracker', SessionTracker);
  const ready = await interactive;
  const painted = await nextPaint();
  const root = el.shadowRoot!;
  const rowsShown = root.querySelectorAll('[data-id]').length;

  const add: number[] = [];
  const addPainted: number[] = [];
  for (let i = 0; i < adds; i++) {
    const button = root.querySelector<HTMLButtonElement>('form[part~="add-form"] button[type="submit"], form[part~="add-form"] button:not([type])');
    if (!button) {
      notes.push('no add form button found');
      break;
    }
    const before = new Set([...root.querySelectorAll('[data-id]')].map((e) => e.getAttribute('data-id')));
    const appeared = newRow(root, before);
    const t = performance.now();
    button.click();
    try {
      add.push((await appeared) - t);
      addPainted.push((await nextPaint()) - t);
    } catch (error) {
      notes.push(`add: ${(error as Error).message}`);
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }

  // How much of an add is rendering: the same update with nothing new.
  const rerender: number[] = [];
  for (let i = 0; i < adds; i++) {
    const t = performance.now();
    el.requestUpdate();
    await el.updateComplete;
    rerender.push(performance.now() - t);
  }

  const csvElement: number[] = [];
  let csvBytes = 0;
  const link = root.querySelector<HTMLAnchorElement>('a[data-export="csv"]');
  if (link) {
    const cancel = (e: Event) => e.preventDefault();
    link.addEventListener('click', cancel);
    // The first click loads the export code (its own chunk) and then follows the link itself;
    // the timed clicks are the ones after.
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
    for (let i = 0; i < 1000 && !link.href.startsWith('blob:'); i++) await new Promise((r) => setTimeout(r, 10));
    for (let i = 0; i < adds; i++) {
      const t = performance.now();
      link.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
      csvElement.push(performance.now() - t);
      if (!link.href.startsWith('blob:')) {
        notes.push('csv link has no blob URL after click');
        break;
      }
    }
    link.removeEventListener('click', cancel);
    csvBytes = (await (await fetch(link.href)).blob()).size;
  } else notes.push('no CSV export link ([data-export="csv"])');

  const all = await backend.listSessions();
  const csvSdk: number[] = [];
  for (let i = 0; i < adds; i++) {
    const t = performance.now();
    sessionsToCsv(all);
    csvSdk.push(performance.now() - t);
  }

  const importMs: number[] = [];
  let importEvents = 0;
  for (let i = 0; i < 2; i++) {
    const client = createClient({ backend: localBackend({ namespace: `bench-import-${Date.now()}-${i}` }) });
    client.on('change', () => importEvents++);
    const records = JSON.parse(JSON.stringify(all)) as unknown[];
    const t = performance.now();
    const summary = await client.sessions.import(records);
    importMs.push(performance.now() - t);
    if (summary.imported !== all.length) notes.push(`import stored ${summary.imported} of ${all.length}`);
    client.close();
  }

  return {
    n,
    stored,
    importMs,
    importEvents,
    state: el.getAttribute('state'),
    rowsShown,
    seed,
    defineToReady: ready - t1,
    defineToPaint: painted - t1,
    add,
    addPainted,
    rerender,
    csvElement,
    csvBytes,
    csvSdk,
    notes,
  };
});
