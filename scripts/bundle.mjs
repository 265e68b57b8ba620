// How a browser bundle is made, for `build` and `size` alike: esbuild bundles (TypeScript, one
// module graph), our plugin collapses whitespace inside Lit templates, terser minifies (about
// 3 % smaller after gzip than esbuild's minifier on this code).
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { minify } from 'terser';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

/**
 * The whole kit is ~120 KB minified, but gzip only finds repeats within the last 32 KB. Placed
 * one element after another, the elements' CSS and English messages sit too far apart to share
 * their vocabulary; the kit's bundle puts the shared tokens, then every element's styles, then
 * every element's messages first, which makes it ~0.5 KB smaller after gzip. (Single-element
 * bundles are small enough not to gain.) These modules only declare data, so loading them
 * first changes nothing else. esbuild lays modules out in the order it first meets them, so the
 * kit is bundled from an entry that imports them before `src/index.ts`.
 */
function textFirstEntry() {
  const components = readdirSync('src/components', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  const existing = (suffix) => components.flatMap((name) => readdirSync(`src/components/${name}`).filter((f) => f === `${name}.${suffix}.ts`).map((f) => `./src/components/${name}/${f}`));
  const modules = ['./src/components/shared/tokens.ts', ...existing('styles'), ...existing('messages')];
  return { contents: [...modules.map((m) => `import '${m}';`), "export * from './src/index.ts';"].join('\n'), resolveDir: process.cwd(), sourcefile: 'kit-entry.ts', loader: 'ts' };
}

/** One self-contained ES module (dependencies included) for `entry`, minified. */
export async function bundleForBrowser(entry) {
  const kit = entry === 'src/index.ts';
  const result = await build({
    ...(kit ? { stdin: textFirstEntry(), logOverride: { 'ignored-bare-import': 'silent' } } : { entryPoints: [entry] }),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    legalComments: 'none',
    charset: 'utf8', // "…" as 3 bytes, not a 6-byte \u escape
    plugins: [minifyTemplatesPlugin],
  });
  const minified = await minify(result.outputFiles[0].text, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    format: { comments: false },
  });
  return { code: minified.code, metafile: result.metafile };
}
