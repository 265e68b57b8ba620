// npm run size: min+gzip bytes of the whole kit, each element with everything it imports, and
// the SDK; exits non-zero over the budgets in BRIEF.md. 1 KB = 1024 bytes.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { ELEMENT_TAGS } from './entries.mjs';

const KB = 1024;
const cases = [
  { name: 'whole kit (dist/mentorship-kit.js)', entry: 'src/index.ts', budget: 40 * KB },
  ...ELEMENT_TAGS.map((tag) => ({ name: `<${tag}>`, entry: `src/define/${tag}.ts`, budget: 25 * KB })),
  { name: 'SDK (mentorship-kit/sdk)', entry: 'src/sdk/index.ts', budget: 15 * KB },
];

export async function measureSizes() {
  const rows = [];
  for (const c of cases) {
    const result = await build({ entryPoints: [c.entry], bundle: true, format: 'esm', target: 'es2022', minify: true, write: false, legalComments: 'none' });
    const code = result.outputFiles[0].contents;
    rows.push({ name: c.name, minified: code.length, gzip: gzipSync(code, { level: 9 }).length, budget: c.budget });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await measureSizes();
  const kb = (n) => `${(n / KB).toFixed(1)} KB`;
  console.log('| bundle | minified | min+gzip | budget | |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const r of rows) console.log(`| ${r.name} | ${kb(r.minified)} | ${kb(r.gzip)} | ${kb(r.budget)} | ${r.gzip <= r.budget ? 'ok' : 'OVER'} |`);
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/size.json', JSON.stringify(rows, null, 2));
  const over = rows.filter((r) => r.gzip > r.budget);
  if (over.length) {
    console.error(`Over budget: ${over.map((r) => r.name).join(', ')}`);
    process.exit(1);
  }
}
