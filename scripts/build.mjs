// npm run build: the CDN bundle, per-entry ESM for bundlers, type declarations, the manifest.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { bundleForBrowser } from './bundle.mjs';
import { entryPoints } from './entries.mjs';

rmSync('dist', { recursive: true, force: true });

const common = { bundle: true, format: 'esm', target: 'es2022', minify: true, sourcemap: true, legalComments: 'none', logLevel: 'warning' };

// 1. One self-contained file a site owner loads with <script type="module">: dependencies bundled.
//    German too, as its own small self-contained file (translations meet the kit on globalThis).
for (const [entry, outfile] of [['src/index.ts', 'dist/mentorship-kit.js'], ['src/locales/de.ts', 'dist/locales/de.js']]) {
  const { code } = await bundleForBrowser(entry);
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(outfile, code);
}

// 2. For bundler users: one file per entry, shared chunks, dependencies left as imports so they dedupe.
await build({ ...common, entryPoints, outdir: 'dist', splitting: true, packages: 'external', chunkNames: 'chunks/[name]-[hash]' });

// 3. Type declarations and 4. custom-elements.json.
const bin = (name) => `node_modules/.bin/${name}`;
execFileSync(bin('tsc'), ['-p', 'tsconfig.build.json'], { stdio: 'inherit' });
execFileSync(bin('cem'), ['analyze', '--litelement', '--globs', 'src/components/**/*.ts', '--exclude', 'src/components/**/*.styles.ts', '--outdir', '.'], { stdio: 'inherit' });
execFileSync('node', ['scripts/react-types.mjs'], { stdio: 'inherit' }); // 5. React 19 JSX types from the manifest
console.log('Built dist/mentorship-kit.js, dist/index.js, dist/sdk.js, dist/components/*.js, dist/types, custom-elements.json');
