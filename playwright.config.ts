// End-to-end tests on the demo (`npm start`), in Debian's Chromium by default. `E2E_SUITE`
// picks the suite (test/e2e/suites.mjs): its specs, and the environment `npm start` runs with.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, requireChromium } from './scripts/chromium.mjs';
import { redisService } from './test/e2e/redis-service.ts';
import { currentSuite } from './test/e2e/suites.mjs';

const suite = currentSuite();
const port = Number(process.env.E2E_PORT ?? suite.port);
const redis = suite.redis ? await redisService() : undefined;
const demo = {
  command: 'npm start',
  env: { ...suite.env, ...redis?.env, PORT: String(port), HOST: '127.0.0.1' },
  url: `http://127.0.0.1:${port}/api/.well-known/jwks.json`,
  timeout: 120_000,
  reuseExistingServer: false,
  stdout: 'pipe' as const,
  // SIGTERM, as an orchestrator stops it: the demo drains and exits by itself.
  gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 15_000 },
};

export default defineConfig({
  testDir: suite.testDir,
  ...(suite.testIgnore ? { testIgnore: suite.testIgnore } : {}),
  // A suite's final specs run after all the others have passed, in a project of their own.
  ...(suite.finalDir
    ? {
        projects: [
          { name: 'demo', testDir: suite.testDir, ...(suite.testIgnore ? { testIgnore: suite.testIgnore } : {}) },
          { name: 'final', testDir: suite.finalDir, testIgnore: [], dependencies: ['demo'] },
        ],
      }
    : {}),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Every test has a learner of its own (uniqueLearner), so tests run two at a time: much of a
  // run is real waiting (the SMS resend cooldown, the PASS app's approval), not CPU.
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: `test-results/${suite.name}`,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: requireChromium(), args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  webServer: redis ? [redis.webServer, demo] : demo,
});
