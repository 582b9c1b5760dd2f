// Builds the demo's two pages (the LMS course page and the phone simulator) for `npm start`.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  root,
  base: '/',
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Inline assets would need 'unsafe-inline' or data: under the demo's strict CSP.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: { index: resolve(root, 'index.html'), phone: resolve(root, 'phone.html') },
    },
  },
});
