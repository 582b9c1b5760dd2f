/**
 * The last fallback of scripts/chromium.mjs, forced on (it would otherwise take Debian's): the
 * Chromium inside the `@sparticuz/chromium` devDependency is unpacked, launched through
 * Playwright with the flags every suite uses, and runs a custom element. This is what lets
 * `npm install && npm test` pass on a machine with no browser at all.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { chromium } from '@playwright/test';
import { BUNDLED_ONLY_SWITCH, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';
import { ROOT } from './packed.js';

test('the Chromium from @sparticuz/chromium launches under Playwright and runs custom elements', async () => {
  // In a child process, as the test runners resolve it: the switch skips $CHROMIUM_PATH and Debian's.
  const resolved = spawnSync(
    process.execPath,
    ['--input-type=module', '-e', "import('./scripts/chromium.mjs').then((m) => process.stdout.write(m.findChromium() ?? ''))"],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, [BUNDLED_ONLY_SWITCH]: '1' } },
  );
  const path = resolved.stdout;
  // @sparticuz/chromium unpacks its browser into the temporary folder.
  assert.ok(path.startsWith(join(tmpdir(), 'chromium')), `resolved ${path || 'nothing'} (${resolved.stderr})`);

  const browser = await chromium.launch({ executablePath: path, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent('<x-probe></x-probe>');
    await page.addScriptTag({ type: 'module', content: "customElements.define('x-probe', class extends HTMLElement { connectedCallback() { this.textContent = 'defined'; } });" });
    await page.waitForFunction(() => document.querySelector('x-probe')?.textContent === 'defined', undefined, { timeout: 5000 });
    assert.match(browser.version(), /^\d+\./);
  } finally {
    await browser.close();
  }
});
