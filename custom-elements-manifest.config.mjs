// custom-elements.json describes what ships, for tools (IDEs, Storybook, the React types in
// scripts/react-types.mjs, README's API tables) to trust: the public API of each element, at the
// path a consumer imports it from. The analyzer alone lists private reactive state as attributes,
// invents a `name` event from the base class's `emit(name, …)`, and points at `src/`.
import { ELEMENT_TAGS } from './scripts/entries.mjs';

/** Where a source module ships for bundlers: dist/esm mirrors src/ (its types: dist/types, the same path). */
const shipped = (path) => path.replace(/^\/?src\//, 'dist/esm/').replace(/\.ts$/, '.js');
const BASE = 'dist/esm/components/shared/mk-element.js';

const isPublic = (member) => (member.privacy ?? 'public') === 'public' && !member.name.startsWith('#');
const fromBase = (item) => (item.inheritedFrom ? { ...item, inheritedFrom: { name: item.inheritedFrom.name, module: BASE } } : item);

export function cleanManifest(manifest) {
  const modules = [];
  for (const mod of manifest.modules) {
    const element = (mod.declarations ?? []).find((d) => d.customElement && ELEMENT_TAGS.includes(d.tagName));
    if (!element) continue; // shared helpers, message tables: internal modules
    const path = shipped(mod.path);
    const members = (element.members ?? []).filter(isPublic).map(fromBase);
    const fields = new Set(members.filter((m) => m.kind === 'field').map((m) => m.name));
    // Only attributes of public properties (the analyzer also lists private reactive state).
    const attributes = (element.attributes ?? []).filter((a) => fields.has(a.fieldName)).map(fromBase);
    // Only the events the class documents with @fires (they have a description).
    const events = (element.events ?? []).filter((e) => e.description).map(fromBase);
    const superclass = element.superclass && { name: element.superclass.name, module: BASE };
    const declaration = { name: element.name, module: path };
    modules.push({
      ...mod,
      path,
      declarations: [{ ...element, members, attributes, events, ...(superclass ? { superclass } : {}) }],
      exports: [{ kind: 'js', name: element.name, declaration }],
    });
    // The module a consumer imports to define the tag: mentorship-kit/components/<tag>.
    modules.push({
      kind: 'javascript-module',
      path: `dist/esm/define/${element.tagName}.js`,
      declarations: [],
      exports: [
        { kind: 'custom-element-definition', name: element.tagName, declaration },
        { kind: 'js', name: element.name, declaration },
      ],
    });
  }
  const order = (mod) => ELEMENT_TAGS.findIndex((tag) => mod.path.includes(`/${tag}`));
  modules.sort((a, b) => order(a) - order(b) || a.path.localeCompare(b.path));
  return { ...manifest, modules };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  litelement: true,
  outdir: '.',
  packagejson: false, // package.json names custom-elements.json itself
  plugins: [
    {
      name: 'mentorship-kit:ship',
      packageLinkPhase({ customElementsManifest }) {
        Object.assign(customElementsManifest, cleanManifest(customElementsManifest));
      },
    },
  ],
};
