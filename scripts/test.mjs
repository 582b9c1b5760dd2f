// `npm test`: every check, in order, stopping at the first failure. Browser suites need a
// Chromium; when there is none this says how to get one instead of failing obscurely.
import { spawnSync } from 'node:child_process';
import { E2E_SUITES } from '../test/e2e/suites.mjs';
import { requireChromium } from './chromium.mjs';

const chromium = requireChromium();
console.log(`Chromium: ${chromium}`);

const steps = [
  ['type-check', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['eslint', '.']],
  ['server tests', 'npm', ['run', '--silent', 'test:server']],
  ['element tests (Chromium)', 'npx', ['wtr']],
  // One after another: each suite's `npm start` builds the demo first.
  ...Object.keys(E2E_SUITES).map((suite) => [
    `end-to-end tests (demo${suite === 'default' ? '' : `, ${suite}`}, Chromium)`,
    'npx',
    ['playwright', 'test'],
    { E2E_SUITE: suite },
  ]),
  ['Storybook: build, then every story in ko/en at desktop and 390 px, axe (Chromium)', 'npm', ['run', '--silent', 'test:storybook']],
];

const results = [];
for (const [name, command, args, env = {}] of steps) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env, CHROMIUM_PATH: chromium } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.push(`${run.status === 0 ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)`);
  if (run.status !== 0) {
    console.log(`\n${results.join('\n')}`);
    console.log(`\n${results.length - 1} passed, 1 failed`);
    process.exit(1);
  }
}
console.log(`\n${results.join('\n')}`);
console.log(`\n${results.length} passed, 0 failed`);
