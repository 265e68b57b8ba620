// How the browser files are made, for `build`, `size` and `bench` alike: Vite (library mode,
// Rolldown) bundles each entry with its dependencies into one ES module, and every `import()` in
// the code (the HTTP backend, the demo catalog, exports, the chart, the calendar file, German)
// into a chunk the entry loads from its own folder with a relative URL. Our plugin collapses
// whitespace inside Lit templates; terser minifies each file (about 3 % smaller after gzip than
// the built-in minifier on this code).
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { minify } from 'terser';
import { build } from 'vite';
import { minifyTemplatesVite } from './minify-templates.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const KIT_ENTRY = 'virtual:mentorship-kit-entry';

/**
 * gzip only finds repeats within the last 32 KB. Laid out one element after another, the
 * elements' CSS and English messages sit too far apart to share their vocabulary. So the kit's
 * file starts with Lit's template engine, the shared tokens, every element's styles and every
 * element's messages, then the tracker's session index, the SDK, and the two largest elements
 * (which share form and date code) side by side. Rolldown, like esbuild, lays modules out in the
 * order it first meets them, hence an entry that imports them before `src/kit.ts`. None of these
 * defines an element, and a module still runs before anything that imports it.
 */
function kitEntrySource() {
  const elements = ['commitment-calculator', 'program-picker', 'mentor-booking', 'session-tracker'];
  const modules = [
    'components/shared/tokens',
    ...elements.map((tag) => `components/${tag}/${tag}.styles`),
    ...elements.map((tag) => `components/${tag}/${tag}.messages`),
    'components/session-tracker/session-index',
    'sdk/index',
    'components/session-tracker/session-tracker',
    'components/mentor-booking/mentor-booking',
  ];
  return ["import 'lit-html';", ...modules.map((m) => `import '${ROOT}src/${m}.ts';`), `export * from '${ROOT}src/kit.ts';`].join('\n');
}

const kitEntryPlugin = {
  name: 'mentorship-kit-entry',
  enforce: 'pre',
  resolveId: (id) => (id.endsWith(KIT_ENTRY) ? `\0${KIT_ENTRY}` : null),
  load: (id) => (id === `\0${KIT_ENTRY}` ? kitEntrySource() : null),
};

const terserPlugin = {
  name: 'terser',
  enforce: 'post', // after Vite's own renderChunk steps, which print code
  async renderChunk(code) {
    const result = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false }, sourceMap: true });
    return { code: result.code, map: result.map };
  },
};

/**
 * Bundles `entry` (a path, or 'kit' for the CDN kit) into `outDir/<name>.js` with its lazy
 * chunks in `outDir/chunks/`. Returns every file written: { file, bytes, code, isEntry, imports,
 * dynamicImports, modules }.
 */
export async function bundleForBrowser(entry, { outDir, name, sourcemap = false, emptyOutDir = false } = {}) {
  const kit = entry === 'kit';
  name ??= kit ? 'mentorship-kit' : entry.replace(/^.*\//, '').replace(/\.ts$/, '');
  const temporary = !outDir;
  outDir ??= mkdtempSync(join(os.tmpdir(), 'mk-bundle-'));
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    plugins: [kitEntryPlugin, minifyTemplatesVite, terserPlugin],
    build: {
      outDir,
      emptyOutDir,
      minify: false, // terser, above
      sourcemap,
      // The code is ES2022 already; any other target makes Vite re-print every file after terser.
      target: 'esnext',
      reportCompressedSize: false,
      lib: { entry: { [name]: kit ? KIT_ENTRY : join(ROOT, entry) }, formats: ['es'] },
      rolldownOptions: {
        // Lazy chunks may import what they share with the entry from the entry itself (it gains
        // exports), instead of the shared code being split out into more files to load first.
        preserveEntrySignatures: 'allow-extension',
        // minify: false, not the default 'dce-only', which re-prints the code after terser.
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', minify: false },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result[0] : result).output.filter((o) => o.type === 'chunk');
  const files = outputs.map((o) => ({
    file: join(outDir, o.fileName),
    fileName: o.fileName,
    bytes: Buffer.byteLength(o.code),
    code: o.code,
    isEntry: o.isEntry,
    imports: o.imports,
    dynamicImports: o.dynamicImports,
    modules: Object.keys(o.modules).map((m) => relative(ROOT, m.replace(/^\0/, ''))),
  }));
  if (temporary) rmSync(outDir, { recursive: true, force: true });
  return files;
}

/** Every .js file under `dir`, for checks on what was written. */
export function jsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsFiles(path) : name.endsWith('.js') ? [path] : [];
  });
}

export const readText = (file) => readFileSync(file, 'utf8');
