// Two builds of one source:
//   `vite build`                → dist/: the npm ESM output (lit and server deps external;
//                                 tsc writes the .d.ts files beside it)
//   `vite build --mode script`  → dist/id-verify.js: one self-contained file for a <script> tag
import { defineConfig, type UserConfig } from 'vite';

/** Packages an npm consumer installs once, so the ESM output must not copy them in. */
const EXTERNAL = /^(lit|@lit\/|hono|@hono\/|jose|otplib|qrcode)(\/|$)/;

const npmBuild: UserConfig['build'] = {
  outDir: 'dist',
  emptyOutDir: true,
  target: 'es2022',
  minify: false,
  sourcemap: true,
  lib: {
    entry: { index: 'src/index.ts', 'server/index': 'src/server/index.ts' },
    formats: ['es'],
  },
  rolldownOptions: {
    external: (id) => EXTERNAL.test(id) || id.startsWith('node:'),
    output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
  },
};

const scriptBuild: UserConfig['build'] = {
  outDir: 'dist',
  emptyOutDir: false,
  target: 'es2022',
  lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'id-verify.js' },
  // Library mode keeps whitespace in `es` output unless minification is asked of the bundler.
  rolldownOptions: { output: { minify: true, comments: false } },
};

export default defineConfig(({ mode }) => ({
  build: mode === 'script' ? scriptBuild : npmBuild,
}));
