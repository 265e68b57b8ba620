// npm run build: the CDN bundle, per-entry ESM for bundlers, type declarations, the manifest.
import { build as viteBuild } from 'vite';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { bundleForBrowser } from './bundle.mjs';
import { esmEntryPoints } from './entries.mjs';
import { minifyTemplatesVite } from './minify-templates.mjs';

rmSync('dist', { recursive: true, force: true });

// 1. One self-contained file a site owner loads with <script type="module">: dependencies bundled.
//    German too, as its own small self-contained file (translations meet the kit on globalThis).
for (const [entry, outfile] of [['src/index.ts', 'dist/mentorship-kit.js'], ['src/locales/de.ts', 'dist/locales/de.js']]) {
  const { code } = await bundleForBrowser(entry);
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(outfile, code);
}

// 2. For bundler users: dist/esm mirrors src/, one module per source file, dependencies left as
//    imports so they dedupe, not minified (the app's bundler minifies). Only the entries that
//    define elements or register translations have side effects (package.json "sideEffects"), and
//    each keeps its own define() calls: a bundler that drops unused modules keeps the elements.
const dependencies = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies);
await viteBuild({
  configFile: false,
  logLevel: 'warn',
  plugins: [minifyTemplatesVite],
  build: {
    outDir: 'dist/esm',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    target: 'es2022',
    lib: { entry: esmEntryPoints, formats: ['es'] },
    rolldownOptions: {
      external: (id) => dependencies.some((name) => id === name || id.startsWith(`${name}/`)),
      output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
    },
  },
});

// 3. Type declarations and 4. custom-elements.json.
const bin = (name) => `node_modules/.bin/${name}`;
execFileSync(bin('tsc'), ['-p', 'tsconfig.build.json'], { stdio: 'inherit' });
execFileSync(bin('cem'), ['analyze', '--litelement', '--globs', 'src/components/**/*.ts', '--exclude', 'src/components/**/*.styles.ts', '--outdir', '.'], { stdio: 'inherit' });
execFileSync('node', ['scripts/react-types.mjs'], { stdio: 'inherit' }); // 5. React 19 JSX types from the manifest
console.log('Built dist/mentorship-kit.js, dist/locales/de.js, dist/esm (for bundlers), dist/types, custom-elements.json');
