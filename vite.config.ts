// Two builds of one source:
//   `vite build`                → dist/: the npm ESM output (lit and server deps external;
//                                 tsc writes the .d.ts files beside it)
//   `vite build --mode script`  → dist/id-verify.js: one self-contained file for a <script> tag
import { defineConfig, type UserConfig } from 'vite';

/** Packages an npm consumer installs once, so the ESM output must not copy them in. */
const EXTERNAL = /^(lit|@lit\/|hono|@hono\/|jose|otplib|qrcode|@portone\/server-sdk|iconv-lite|ioredis)(\/|$)/;

const npmBuild: UserConfig['build'] = {
  outDir: 'dist',
  emptyOutDir: true,
  target: 'es2022',
  minify: false,
  sourcemap: true,
  lib: {
    entry: { index: 'src/index.ts', 'server/index': 'src/server/index.ts', 'server/bin': 'src/server/bin.ts' },
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
  lib: { entry: 'src/script.ts', formats: ['es'], fileName: () => 'id-verify.js' },
  rolldownOptions: {
    // Let the entry export what its on-demand chunks (phone path, QR) share with it, instead of
    // splitting that shared code into a third file the page would have to fetch up front.
    preserveEntrySignatures: 'allow-extension',
    // Library mode keeps whitespace in `es` output unless minification is asked of the bundler.
    output: { minify: true, comments: false, chunkFileNames: 'id-verify-[name]-[hash].js' },
  },
};

export default defineConfig(({ mode }) => ({
  build: mode === 'script' ? scriptBuild : npmBuild,
}));
