/**
 * Shared by the benchmark pages: waiting for an element's `state`, waiting for the next paint,
 * and handing results back to bench/run.mjs through `window.__bench`.
 */
export interface BenchSlot {
  done: boolean;
  result?: unknown;
  error?: string;
}

declare global {
  interface Window {
    __bench: BenchSlot;
  }
}

window.__bench = { done: false };

export function finish(result: unknown): void {
  window.__bench = { done: true, result };
}

export function fail(error: unknown): void {
  window.__bench = { done: true, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
}

/** Runs `main`, reporting its value or its error to the harness. */
export function run(main: () => Promise<unknown>): void {
  main().then(finish, fail);
}

export const params = new URLSearchParams(location.search);

/**
 * Resolves with performance.now() at the moment `el`'s `state` attribute is one of `states`
 * (checked in a MutationObserver callback, i.e. right after the element's update that set it).
 * Rejects at once on a `failOn` state, and with the last state after `timeoutMs`.
 */
export function waitForState(el: Element, states: readonly string[], timeoutMs = 8000, failOn: readonly string[] = ['error']): Promise<number> {
  return new Promise((resolve, reject) => {
    const check = () => states.includes(el.getAttribute('state') ?? '');
    if (check()) return resolve(performance.now());
    const observer = new MutationObserver(() => {
      const state = el.getAttribute('state') ?? '';
      if (failOn.includes(state)) {
        observer.disconnect();
        clearTimeout(timer);
        const message = (el.shadowRoot?.querySelector('[role="alert"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
        return reject(new Error(`<${el.localName}> reached state "${state}"${message ? `: ${message}` : ''}`));
      }
      if (!check()) return;
      const t = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      resolve(t);
    });
    observer.observe(el, { attributes: true, attributeFilter: ['state'] });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`<${el.localName}> did not reach state ${states.join('|')} within ${timeoutMs} ms (state: ${el.getAttribute('state') ?? 'none'})`));
    }, timeoutMs);
  });
}

/** Resolves with performance.now() once the frame after this moment has been produced. */
export function nextPaint(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
}

/** Deterministic pseudo-random numbers (mulberry32), so every run sees the same data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTIVITIES = ['one-on-one', 'weekly-review', 'project-practice', 'code-review', 'technical-review', 'career-planning', 'practice-interview', 'other'];
const MENTORS = ['Lena Hoffmann', 'Marcus Reed', 'Priya Raman', 'Kenji Watanabe'];
const TAGS = ['system-design', 'career', 'interview', 'reading', 'project', 'review', 'feedback', 'planning', 'delivery', 'influence'];

/**
 * `count` valid Session records ending before `now`, spread backwards about 4.3 hours apart
 * (about 39 a week over five years), with mentors, notes and tags like real entries.
 */
export function makeSessions(count: number, now = Date.now(), prefix = 'seed') {
  const next = random(42);
  const sessions = [];
  for (let i = 0; i < count; i++) {
    const start = new Date(now - 3_600_000 - Math.round(i * 4.3 * 3_600_000) - Math.floor(next() * 4) * 900_000).toISOString();
    const tags = next() < 0.6 ? [TAGS[i % TAGS.length]!, ...(next() < 0.3 ? [TAGS[(i * 7) % TAGS.length]!] : [])] : [];
    sessions.push({
      id: `${prefix}-${i.toString(36).padStart(4, '0')}`,
      start,
      minutes: 15 * (2 + Math.floor(next() * 6)),
      activity: ACTIVITIES[i % ACTIVITIES.length]!,
      mentor: MENTORS[i % MENTORS.length]!,
      notes: next() < 0.5 ? `Worked through item ${i}: trade-offs, next steps, and what to read before the next session.` : '',
      tags: [...new Set(tags)],
      source: 'manual' as const,
      createdAt: start,
      updatedAt: start,
    });
  }
  return sessions;
}
