// npm run build: the CDN bundle, per-entry ESM for bundlers, type declarations, the manifest.
import { build as viteBuild } from 'vite';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { bundleForBrowser } from './bundle.mjs';
import { ELEMENT_TAGS, esmEntryPoints } from './entries.mjs';
import { minifyTemplatesVite } from './minify-templates.mjs';

rmSync('dist', { recursive: true, force: true });

// 1. For pages without a bundler, each an ES module with its dependencies, minified, loading its
//    lazy chunks (HTTP backend, demo catalog, exports, chart, calendar file) from chunks/ next to it:
//    the kit a site owner pastes (dist/mentorship-kit.js), one standalone file per element
//    (dist/components/<tag>.js, with its own chunks), and German (dist/locales/de.js;
//    translations meet the elements on globalThis).
const t0 = performance.now();
await bundleForBrowser('kit', { outDir: 'dist', sourcemap: true });
for (const tag of ELEMENT_TAGS) await bundleForBrowser(`src/define/${tag}.ts`, { outDir: 'dist/components', name: tag, sourcemap: true });
await bundleForBrowser('src/locales/de.ts', { outDir: 'dist/locales', name: 'de', sourcemap: true });
console.log(`Browser files built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

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
console.log('Built dist/mentorship-kit.js, dist/components/*.js, dist/locales/de.js (each with chunks/), dist/esm (for bundlers), dist/types, custom-elements.json');
