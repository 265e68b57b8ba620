// The demo's two brand themes, also checked for contrast by test/components/contrast.test.ts.

/** Two brand themes: kit tokens set once on the page reach every element (and its dark mode). */
export const BRANDS: Record<string, Record<string, string>> = {
  aubergine: {
    '--mk-color-primary': 'light-dark(#6b2a7f, #e2b6f2)',
    '--mk-color-on-primary': 'light-dark(#fff, #2a0f33)',
    '--mk-color-surface-alt': 'light-dark(#f7f1f9, #2a2230)',
    '--mk-color-focus': 'light-dark(#6b2a7f, #e2b6f2)',
    '--mk-color-chart-1': 'light-dark(#6b2a7f, #e2b6f2)',
    '--mk-radius': '1rem',
    '--mk-font-family': 'Georgia, "Times New Roman", serif',
  },
  forest: {
    '--mk-color-primary': 'light-dark(#1f6b45, #86d9ab)',
    '--mk-color-on-primary': 'light-dark(#fff, #0b2417)',
    '--mk-color-surface-alt': 'light-dark(#eef6f1, #1d2a23)',
    '--mk-color-focus': 'light-dark(#1f6b45, #86d9ab)',
    '--mk-color-chart-2': 'light-dark(#2c55c9, #9db7ff)',
    '--mk-radius': '2px',
    '--mk-space': '0.6rem',
  },
};
