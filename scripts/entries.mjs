// The package's entry points, shared by build, size and bench.
export const ELEMENT_TAGS = ['commitment-calculator', 'program-picker', 'mentor-booking', 'session-tracker', 'mentorship-provider'];

export const entryPoints = {
  index: 'src/index.ts',
  sdk: 'src/sdk/index.ts',
  schemas: 'src/sdk/schemas.ts',
  ...Object.fromEntries(ELEMENT_TAGS.map((tag) => [`components/${tag}`, `src/define/${tag}.ts`])),
};

/** The modules for bundlers (dist/esm), named by their path in src/ so dist/esm mirrors it. */
export const esmEntryPoints = {
  index: 'src/index.ts',
  'sdk/index': 'src/sdk/index.ts',
  'sdk/schemas': 'src/sdk/schemas.ts',
  'locales/de': 'src/locales/de.ts',
  ...Object.fromEntries(ELEMENT_TAGS.map((tag) => [`define/${tag}`, `src/define/${tag}.ts`])),
};
