// The story test: every story of the built Storybook (storybook-static/) in Chromium, served
// from 127.0.0.1 by serve.mjs (docs/storybook.md). `npm run test:storybook` builds Storybook
// first; against a build already there: `E2E_PORT=<port> npx playwright test -c <this file>`.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/chromium.mjs';

const port = Number(process.env.E2E_PORT ?? 8186);
if (!existsSync('storybook-static/index.json')) {
  throw new Error('No built Storybook in storybook-static/: run `npm run build-storybook` first.');
}

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 30_000,
  fullyParallel: true,
  // Two pages at a time: each story runs the whole server in its page.
  workers: Number(process.env.STORYBOOK_WORKERS ?? 2),
  forbidOnly: !!process.env.CI,
  reporter: [['dot']],
  outputDir: '../../test-results/storybook',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: requireChromium(), args: CHROMIUM_ARGS },
    trace: 'off',
  },
  webServer: {
    command: 'node test/storybook/serve.mjs',
    cwd: '../..',
    env: { PORT: String(port) },
    url: `http://127.0.0.1:${port}/index.json`,
    reuseExistingServer: false,
    stdout: 'ignore',
  },
});
