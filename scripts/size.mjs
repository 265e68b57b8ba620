// npm run size: min+gzip bytes of each browser file as a server sends it, built fresh (as
// `npm run build` builds them) into a temp folder, against the budgets in BRIEF.md; exits non-zero
// over any of them, and when zod would reach a browser file. 1 KB = 1024 bytes. The last column
// is what is left to spare. `--breakdown`: minified bytes of the kit by folder or package.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { bundleForBrowser } from './bundle.mjs';
import { minifyTemplatesPlugin } from './minify-templates.mjs';
import { ELEMENT_TAGS } from './entries.mjs';

const KB = 1024;
export const BUDGETS = {
  entry: 38 * KB, // dist/mentorship-kit.js, the file a four-element page on local storage loads first
  interactive: 42 * KB, // that page until interactive: the entry + the demo catalog + the chart
  chunk: 8 * KB, // each file loaded on demand
  element: 22 * KB, // each standalone dist/components/<tag>.js
  sdk: 12 * KB, // the SDK (mentorship-kit/sdk) in one file
};
/**
 * Budgets missed on purpose, left to the issue owner (issue 14: never drop a named package or a
 * feature to meet one), each held at its latest figure: it still fails if it grows past that.
 * None now: the kit entry and the four-element page met theirs when the booking's steps after a
 * time is chosen moved into their chunk with their English (later-steps.ts, 4 December), the SDK
 * when only the commitment model's validators stayed in its file (generated/commitment-model.ts)
 * and the rest load on demand with the validation chunk.
 */
const KNOWN_MISSES = {};
/** The lazy chunks a four-element page on local storage loads before it is interactive. */
const BEFORE_INTERACTIVE = ['demo-catalog', 'chart'];

const gz = (code) => gzipSync(code, { level: 9 }).length;
const chunkName = (fileName) => fileName.replace(/^chunks\//, '').replace(/-[\w-]{8}\.js$/, '');

export const zodLeaks = [];

/**
 * The chunks `entry` imports statically, however deep: a browser fetches them before the entry
 * runs, so they count as part of it (a bundler may move shared code out into such a chunk).
 */
function staticImports(entry, files) {
  const byName = new Map(files.map((f) => [f.fileName, f]));
  const found = [];
  const walk = (file) => {
    for (const name of file.imports) {
      const chunk = byName.get(name);
      if (chunk && !found.includes(chunk) && chunk !== entry) found.push(chunk), walk(chunk);
    }
  };
  walk(entry);
  return found;
}

/** Rows { name, file, minified, gzip, budget, kind }: every file of the kit, each element and the SDK. */
export async function measureSizes() {
  const rows = [];
  /** `files` counted as one row: an entry with the chunks it imports statically (loaded with it). */
  const add = (name, files, budget, kind) => {
    rows.push({ name, minified: files.reduce((sum, f) => sum + f.bytes, 0), gzip: files.reduce((sum, f) => sum + gz(f.code), 0), budget, kind });
    const zod = files.flatMap((f) => f.modules).filter((m) => m.includes('node_modules/zod/'));
    if (zod.length) zodLeaks.push(`${name}: zod is bundled (import types with "import type", validators from src/sdk/generated/validators.ts)`);
  };
  const measure = (label, files, entryBudget, kind) => {
    const [entry] = files.filter((f) => f.isEntry);
    const upfront = staticImports(entry, files);
    add(label, [entry, ...upfront], entryBudget, kind);
    for (const chunk of files.filter((f) => !f.isEntry)) {
      add(`${label} ↳ ${chunkName(chunk.fileName)} (${upfront.includes(chunk) ? 'loaded with the entry, counted in it' : 'on demand'})`, [chunk], BUDGETS.chunk, 'chunk');
    }
    return { entry, upfront, chunks: files.filter((f) => !f.isEntry) };
  };

  const kit = measure('kit entry (dist/mentorship-kit.js)', await bundleForBrowser('kit'), BUDGETS.entry, 'entry');
  const first = [kit.entry, ...kit.upfront, ...kit.chunks.filter((c) => BEFORE_INTERACTIVE.includes(chunkName(c.fileName)) && !kit.upfront.includes(c))];
  rows.splice(1, 0, {
    name: `four-element page until interactive (entry + ${BEFORE_INTERACTIVE.join(' + ')})`,
    minified: first.reduce((sum, f) => sum + f.bytes, 0),
    gzip: first.reduce((sum, f) => sum + gz(f.code), 0),
    budget: BUDGETS.interactive,
    kind: 'interactive',
  });
  for (const tag of ELEMENT_TAGS) measure(`<${tag}> (dist/components/${tag}.js)`, await bundleForBrowser(`src/define/${tag}.ts`, { name: tag }), BUDGETS.element, 'element');
  measure('SDK (mentorship-kit/sdk)', await bundleForBrowser('src/sdk/index.ts', { name: 'sdk' }), BUDGETS.sdk, 'sdk');
  measure('German (dist/locales/de.js)', await bundleForBrowser('src/locales/de.ts', { name: 'de' }), BUDGETS.chunk, 'chunk');
  return rows;
}

/** Minified bytes of the whole kit by folder or package: where the bytes are. */
export async function breakdown() {
  const result = await build({ entryPoints: ['src/index.ts'], bundle: true, format: 'esm', target: 'es2022', minify: true, write: false, metafile: true, plugins: [minifyTemplatesPlugin] });
  const groups = new Map();
  for (const [path, input] of Object.entries(Object.values(result.metafile.outputs)[0].inputs)) {
    const parts = path.split('node_modules/');
    const group = parts.length > 1 ? parts[1].split('/').slice(0, parts[1].startsWith('@') ? 2 : 1).join('/') : path.replace(/\/[^/]+$/, '');
    groups.set(group, (groups.get(group) ?? 0) + input.bytesInOutput);
  }
  return [...groups].sort((a, b) => b[1] - a[1]);
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes('--breakdown')) {
  for (const [group, bytes] of await breakdown()) console.log(`${(bytes / 1024).toFixed(1).padStart(6)} KB  ${group}`);
  process.exit(0);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await measureSizes();
  const kb = (n) => `${(n / KB).toFixed(1)} KB`;
  console.log('| file | minified | min+gzip | budget | |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  const held = (r) => r.gzip > r.budget && r.gzip <= (KNOWN_MISSES[r.name] ?? 0);
  const verdict = (r) =>
    r.gzip <= r.budget ? `ok, ${r.budget - r.gzip} B to spare` : `OVER by ${r.gzip - r.budget} B${held(r) ? ` (known, held at ${KNOWN_MISSES[r.name]} B)` : ''}`;
  for (const r of rows) console.log(`| ${r.name} | ${kb(r.minified)} | ${kb(r.gzip)} | ${kb(r.budget)} | ${verdict(r)} |`);
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/size.json', JSON.stringify(rows, null, 2));
  for (const leak of zodLeaks) console.error(leak);
  const over = rows.filter((r) => r.gzip > r.budget && !held(r));
  const known = rows.filter(held);
  if (known.length) console.error(`Known misses, for the issue owner to decide: ${known.map((r) => `${r.name} ${(r.gzip / KB).toFixed(1)} KB`).join(', ')}`);
  if (zodLeaks.length) process.exitCode = 1;
  if (over.length) {
    console.error(`Over budget: ${over.map((r) => r.name).join(', ')}`);
    process.exit(1);
  }
}
