// Finds the Chromium every browser test launches, in one place, so web-test-runner,
// Playwright and the test script agree: $CHROMIUM_PATH, then Debian's package, then a
// browser Playwright installed itself (a developer laptop).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const DEBIAN_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

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
  'No Chromium found for the browser tests. Any one of these fixes it:',
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

/** Path to a Chromium executable, or undefined when this machine has none. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return DEBIAN_PATHS.find((path) => existsSync(path)) ?? playwrightOwnChromium();
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
