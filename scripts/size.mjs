// npm run size: min+gzip bytes of the whole kit, each element with everything it imports, and
// the SDK, against the budgets in BRIEF.md; exits non-zero over any of them, and when zod would
// reach a browser bundle. 1 KB = 1024 bytes. The table's last column is what is left to spare.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { bundleForBrowser } from './bundle.mjs';
import { minifyTemplatesPlugin } from './minify-templates.mjs';
import { ELEMENT_TAGS } from './entries.mjs';

const KB = 1024;
const cases = [
  { name: 'whole kit (dist/mentorship-kit.js)', entry: 'src/index.ts', budget: 40 * KB },
  ...ELEMENT_TAGS.map((tag) => ({ name: `<${tag}>`, entry: `src/define/${tag}.ts`, budget: 25 * KB })),
  { name: 'SDK (mentorship-kit/sdk)', entry: 'src/sdk/index.ts', budget: 15 * KB },
];

export const zodLeaks = [];

export async function measureSizes() {
  const rows = [];
  for (const c of cases) {
    const result = await bundleForBrowser(c.entry);
    const code = Buffer.from(result.code);
    // zod runs on the server only; the browser validates with the generated validators.
    const zodInputs = Object.keys(result.metafile.inputs).filter((path) => path.includes('node_modules/zod/'));
    if (zodInputs.length) {
      const importers = Object.entries(result.metafile.inputs)
        .filter(([path, input]) => !path.includes('node_modules') && input.imports.some((i) => i.path.includes('zod') || i.path.endsWith('sdk/schemas.ts')))
        .map(([path]) => path);
      zodLeaks.push(`${c.name}: zod is bundled, imported at run time through ${importers.join(', ')} (import types with "import type", validators from src/sdk/generated/validators.ts)`);
    }
    rows.push({ name: c.name, minified: code.length, gzip: gzipSync(code, { level: 9 }).length, budget: c.budget });
  }
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
  console.log('| bundle | minified | min+gzip | budget | |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  const verdict = (r) => (r.gzip <= r.budget ? `ok, ${r.budget - r.gzip} B to spare` : `OVER by ${r.gzip - r.budget} B`);
  for (const r of rows) console.log(`| ${r.name} | ${kb(r.minified)} | ${kb(r.gzip)} | ${kb(r.budget)} | ${verdict(r)} |`);
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/size.json', JSON.stringify(rows, null, 2));
  for (const leak of zodLeaks) console.error(leak);
  const over = rows.filter((r) => r.gzip > r.budget);
  if (zodLeaks.length) process.exitCode = 1;
  if (over.length) {
    console.error(`Over budget: ${over.map((r) => r.name).join(', ')}`);
    process.exit(1);
  }
}
