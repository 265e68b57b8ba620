// An esbuild plugin for the shipped bundles: collapses the indentation and line breaks inside
// Lit's html``, svg`` and css`` templates (to one space, never to none, so inline text keeps
// its spaces) and drops CSS comments. esbuild keeps template contents verbatim; this is the part
// of minification it leaves to us. No element renders <pre> or white-space: pre.
import { readFile } from 'node:fs/promises';

const TEMPLATE = /\b(html|svg|css)`((?:[^`\\$]|\\.|\$(?!\{)|\$\{(?:[^{}]|\{[^{}]*\})*\})*)`/g;

export function minifyTemplate(tag, body) {
  let out = body;
  if (tag === 'css') out = out.replace(/\/\*[\s\S]*?\*\//g, '');
  out = out.replace(/\s*\n\s*/g, '\n').replace(/\n/g, ' ');
  if (tag === 'css') out = out.replace(/\s*([{};,>])\s*/g, '$1').replace(/;}/g, '}');
  return out;
}

export const minifyTemplatesPlugin = {
  name: 'minify-lit-templates',
  setup(build) {
    build.onLoad({ filter: /src\/components\/.*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replace(TEMPLATE, (_, tag, body) => `${tag}\`${minifyTemplate(tag, body)}\``), loader: 'ts' };
    });
  },
};

/** The same for Vite/Rolldown builds: runs before TypeScript is stripped. */
export const minifyTemplatesVite = {
  name: 'minify-lit-templates',
  enforce: 'pre',
  transform(source, id) {
    if (!/\/src\/components\/.*\.ts$/.test(id)) return null;
    return { code: source.replace(TEMPLATE, (_, tag, body) => `${tag}\`${minifyTemplate(tag, body)}\``), map: null };
  },
};
