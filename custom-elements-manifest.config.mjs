// custom-elements.json describes what ships, for tools (IDEs, Storybook, the React types in
// scripts/react-types.mjs, README's API tables) to trust: the public API of each element, at the
// path a consumer imports it from. The analyzer alone lists private reactive state as attributes,
// invents a `name` event from the base class's `emit(name, …)`, and points at `src/`.
import { ELEMENT_TAGS } from './scripts/entries.mjs';

/** The module a consumer imports an element from (it defines the tag and exports the class). */
const shippedPath = (tag) => `dist/components/${tag}.js`;
const KIT = 'dist/index.js';

const isPublic = (member) => (member.privacy ?? 'public') === 'public' && !member.name.startsWith('#');

export function cleanManifest(manifest) {
  const modules = [];
  for (const mod of manifest.modules) {
    const element = (mod.declarations ?? []).find((d) => d.customElement && ELEMENT_TAGS.includes(d.tagName));
    if (!element) continue; // shared helpers, message tables: internal modules
    const path = shippedPath(element.tagName);
    const members = (element.members ?? []).filter(isPublic);
    const fields = new Set(members.filter((m) => m.kind === 'field').map((m) => m.name));
    for (const member of members) if (member.inheritedFrom) member.inheritedFrom = { name: member.inheritedFrom.name, module: KIT };
    const attributes = (element.attributes ?? []).filter((a) => fields.has(a.fieldName));
    for (const attribute of attributes) if (attribute.inheritedFrom) attribute.inheritedFrom = { name: attribute.inheritedFrom.name, module: KIT };
    // Only the events the class documents with @fires (they have a description).
    const events = (element.events ?? []).filter((e) => e.description);
    for (const event of events) if (event.inheritedFrom) event.inheritedFrom = { name: event.inheritedFrom.name, module: KIT };
    const superclass = element.superclass && { name: element.superclass.name, module: KIT };
    modules.push({
      ...mod,
      path,
      declarations: [{ ...element, members, attributes, events, ...(superclass ? { superclass } : {}) }],
      exports: [
        { kind: 'js', name: element.name, declaration: { name: element.name, module: path } },
        { kind: 'custom-element-definition', name: element.tagName, declaration: { name: element.name, module: path } },
      ],
    });
  }
  modules.sort((a, b) => ELEMENT_TAGS.indexOf(a.declarations[0].tagName) - ELEMENT_TAGS.indexOf(b.declarations[0].tagName));
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
