// `npm test`: every check, in order, stopping at the first failure. Browser suites need a
// Chromium (scripts/chromium.mjs finds one, or unpacks the one npm installed); it is resolved
// once here and handed to every step.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_SUITES } from '../test/e2e/suites.mjs';
import { requireChromium } from './chromium.mjs';

const chromium = requireChromium();
console.log(`Chromium: ${chromium}`);
// Both packages are built and packed once; the package tests install them from here.
const packed = mkdtempSync(join(tmpdir(), 'idv-packed-'));
process.on('exit', () => rmSync(packed, { recursive: true, force: true }));

const steps = [
  ['type-check', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['eslint', '.']],
  ['server tests', 'npm', ['run', '--silent', 'test:server']],
  ['README examples (server, Express, plug-ins; the page in Chromium)', 'npm', ['run', '--silent', 'test:examples']],
  ['element tests (Chromium)', 'npx', ['wtr']],
  // One after another: each suite's `npm start` builds the demo first.
  ...Object.keys(E2E_SUITES).map((suite) => [
    `end-to-end tests (demo${suite === 'default' ? '' : `, ${suite}`}, Chromium)`,
    'npx',
    ['playwright', 'test'],
    { E2E_SUITE: suite },
  ]),
  ['Storybook: build, then every story in ko/en at desktop and 390 px, axe (Chromium)', 'npm', ['run', '--silent', 'test:storybook']],
  ['build and pack id-verify and id-verify-server', 'npm', ['run', '--silent', 'pack:all', '--', '--pack-destination', packed]],
  [
    'packages (manifest, publint, attw, installs, React and Vue apps, the bundled Chromium)',
    'npm',
    ['run', '--silent', 'test:package'],
    { IDV_PACKED: packed },
  ],
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
