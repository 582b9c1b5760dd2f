// Finds the Chromium every browser test launches, in one place, so web-test-runner,
// Playwright and the test script agree: $CHROMIUM_PATH, then Debian's package, then a
// browser Playwright installed itself (a developer laptop), and last the Chromium inside the
// `@sparticuz/chromium` devDependency, so that `npm install && npm test` needs nothing else.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const DEBIAN_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Set to 1 to skip every other browser and take the one from `@sparticuz/chromium`: how the
 * test of the fallback runs it on a machine that has Debian's too.
 */
export const BUNDLED_ONLY_SWITCH = 'IDV_BUNDLED_CHROMIUM';

/** Flags for running as root in a container: the Debian wrapper does not add the last two. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Explains how to get a browser; printed when none is found. */
export const HOW_TO_GET_CHROMIUM = [
  'No Chromium found for the browser tests. `npm install` brings one (the @sparticuz/chromium',
  'devDependency); if it was skipped (--omit=dev), any one of these fixes it:',
  '  - Debian/Ubuntu:   sudo apt-get update && sudo apt-get install -y chromium',
  '  - Elsewhere:       npx playwright install chromium',
  '  - Your own build:  export CHROMIUM_PATH=/path/to/chromium',
].join('\n');

function playwrightOwnChromium() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

// Run in a child process: `executablePath()` is asynchronous (it unpacks the browser to
// /tmp/chromium the first time, a few seconds), while the test runners read their configs
// synchronously. The browser links only NSS and expat; where the machine has no NSS (a bare
// container never given a browser), the package's own copies are unpacked beside it and a
// wrapper puts them on the library path.
const BUNDLED_RESOLVER = `
import chromium from '@sparticuz/chromium';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
const binary = await chromium.executablePath();
const missing = spawnSync('ldd', [binary], { encoding: 'utf8' }).stdout.includes('not found');
if (!missing) {
  process.stdout.write(binary);
} else {
  const libs = join(dirname(binary), 'chromium-libs');
  if (!existsSync(join(libs, 'lib'))) {
    mkdirSync(libs, { recursive: true });
    const bin = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', '..', 'bin');
    spawnSync('tar', ['-x', '-C', libs], { input: brotliDecompressSync(readFileSync(join(bin, 'al2023.tar.br'))) });
  }
  const wrapper = binary + '-with-libs';
  writeFileSync(wrapper, '#!/bin/sh\\nLD_LIBRARY_PATH="' + join(libs, 'lib') + '\${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" exec "' + binary + '" "$@"\\n');
  chmodSync(wrapper, 0o755);
  process.stdout.write(wrapper);
}
`;

/** The Chromium inside the `@sparticuz/chromium` devDependency (unpacked on first use), if installed. */
function bundledChromium() {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', BUNDLED_RESOLVER], { encoding: 'utf8' });
  const path = run.status === 0 ? run.stdout.trim() : '';
  return path && existsSync(path) ? path : undefined;
}

/** Path to a Chromium executable, or undefined when this machine has none. */
export function findChromium() {
  if (process.env[BUNDLED_ONLY_SWITCH] === '1') return bundledChromium();
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return DEBIAN_PATHS.find((path) => existsSync(path)) ?? playwrightOwnChromium() ?? bundledChromium();
}

/** Path to a Chromium executable; exits with instructions when there is none. */
export function requireChromium() {
  const path = findChromium();
  if (!path) {
    console.error(HOW_TO_GET_CHROMIUM);
    process.exit(1);
  }
  return path;
}
