import { defineConfig } from 'vite';

// `npm start`: the demo on Vite's dev server, straight from src/ (no build needed).
export default defineConfig({
  root: 'demo',
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: { outDir: '../dist/demo', emptyOutDir: true },
});
