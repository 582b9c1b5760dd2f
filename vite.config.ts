// Three builds of one source tree (`npm run build` runs them all for the two packages):
//   `vite build`                → packages/widget/dist/: the widget package `id-verify` (ESM, one
//                                 file per module, lit left to the consumer; tsc writes the .d.ts)
//   `vite build --mode script`  → dist/id-verify.js: one self-contained file for a <script> tag
//                                 (the demo serves it from dist/; the package build adds
//                                 `--outDir packages/widget/dist`)
//   `vite build --mode server`  → packages/server/dist/: the server package `id-verify-server`
//                                 (src/server, its `id-verify-server` command and the protocol it
//                                 speaks; its libraries external)
import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/** Entries of the widget package, by output name (package.json's `exports` point at them). */
export const WIDGET_ENTRIES = {
  index: 'src/index.ts',
  'id-verify-gate/define': 'src/id-verify-gate/define.ts',
  'motp-input/define': 'src/motp-input/define.ts',
  'pass-carrier-picker/define': 'src/pass-carrier-picker/define.ts',
  'react/index': 'src/react/index.ts',
};

/**
 * What a widget user installs once and shares with the rest of the page: lit and the optional
 * React peers. Everything else the widget runs is in dist/ (the QR encoder included).
 */
const WIDGET_EXTERNAL = /^(lit|lit-html|lit-element|@lit\/[\w-]+|react)(\/|$)/;

/**
 * The server package copies no library in: every bare import stays an import, and
 * scripts/check-packages.mjs makes sure packages/server/package.json declares it.
 */
const serverExternal = (id: string) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0');

/**
 * `qrcode`'s encoder core is copied into the widget (its package would bring a CLI's
 * dependencies along), so its MIT notices travel with it, beside the copied files.
 */
function vendorNotices(): Plugin {
  const notice = (pkg: string, file: string) => `${pkg}\n\n${readFileSync(`node_modules/${pkg}/${file}`, 'utf8').trim()}\n`;
  return {
    name: 'id-verify:vendor-notices',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'vendor/LICENSES.txt',
        source: `Third-party code copied into this folder, with its licences.\n\n${notice('qrcode', 'license')}\n${notice('dijkstrajs', 'LICENSE.md')}`,
      });
    },
  };
}

const widgetBuild: UserConfig['build'] = {
  outDir: 'packages/widget/dist',
  emptyOutDir: true,
  target: 'es2022',
  minify: false,
  // The output is readable ESM, one file per source module: no source maps to ship.
  sourcemap: false,
  lib: { entry: WIDGET_ENTRIES, formats: ['es'] },
  rolldownOptions: {
    external: (id) => WIDGET_EXTERNAL.test(id),
    output: {
      preserveModules: true,
      preserveModulesRoot: 'src',
      virtualDirname: 'vendor/virtual',
      // Copied third-party modules land under vendor/, not under a node_modules folder of ours.
      entryFileNames: (chunk) => (chunk.name.includes('node_modules/') ? `vendor/${chunk.name.split('node_modules/').pop()}.js` : '[name].js'),
    },
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

const serverBuild: UserConfig['build'] = {
  outDir: 'packages/server/dist',
  emptyOutDir: true,
  target: 'es2022',
  minify: false,
  sourcemap: false,
  lib: { entry: { 'server/index': 'src/server/index.ts', 'server/bin': 'src/server/bin.ts' }, formats: ['es'] },
  rolldownOptions: {
    external: serverExternal,
    output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
  },
};

export default defineConfig(({ mode }) => ({
  build: mode === 'script' ? scriptBuild : mode === 'server' ? serverBuild : widgetBuild,
  plugins: mode === 'script' || mode === 'server' ? [] : [vendorNotices()],
}));
