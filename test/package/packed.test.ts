/**
 * The two packed packages as a user installs them: publint and arethetypeswrong clean, a
 * widget-only install without the server's libraries, each per-element entry defining its
 * element (and the `sideEffects` list not shaking the definitions away), and the server
 * package loading through `import` and `require`.
 */
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser } from '@playwright/test';
import { build, type Rolldown } from 'vite';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/chromium.mjs';
import { installedPackages, installProject, packedTarballs, run, type Tarballs } from './packed.js';

/** What a page's install may bring besides id-verify itself: lit and its parts. */
const WIDGET_ALLOWED = /^(id-verify|lit|lit-html|lit-element|@lit\/[\w-]+|@lit-labs\/[\w-]+|@types\/trusted-types)$/;

describe('the packed packages', () => {
  let tarballs: Tarballs;
  const projects: string[] = [];
  let browser: Browser | undefined;

  /** A project with only the widget installed, shared by the tests that need one. */
  let widgetProject: string;

  before(() => {
    tarballs = packedTarballs();
    widgetProject = installProject({ 'id-verify': `file:${tarballs.widget}` });
    projects.push(widgetProject);
  });
  after(async () => {
    await browser?.close();
    for (const dir of projects) rmSync(dir, { recursive: true, force: true });
  });

  test('publint finds nothing to fix in either package', () => {
    for (const tarball of [tarballs.widget, tarballs.server]) {
      const out = run('npx', ['publint', '--strict', tarball]);
      assert.match(out, /All good!/, out);
    }
  });

  test('arethetypeswrong: every entry resolves with types under node10, node16 and bundlers', () => {
    // `require()` of these ES modules works from Node 20.19 on (the server test below does
    // it); arethetypeswrong still counts it as a problem, so that one rule is set aside.
    for (const tarball of [tarballs.widget, tarballs.server]) {
      const out = run('npx', ['attw', tarball, '--ignore-rules', 'cjs-resolves-to-esm', '--format', 'ascii']);
      assert.doesNotMatch(out, /💀|❌|Resolution failed|No types/, out);
    }
  });

  test('a widget-only install brings lit and nothing of the server', () => {
    const names = [...installedPackages(widgetProject).keys()];
    assert.deepEqual(names.filter((name) => !WIDGET_ALLOWED.test(name)), [], `unexpected: ${names.join(', ')}`);
    for (const server of ['hono', 'jose', 'otplib', '@hono/node-server', 'qrcode', 'yargs', 'pngjs']) assert.ok(!names.includes(server), server);
  });

  test('each per-element entry, bundled by a user with Vite, defines its element and not the others', async () => {
    const dir = widgetProject;
    browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
    const tags = ['id-verify-gate', 'motp-input', 'pass-carrier-picker'];
    const defined: Record<string, string[]> = {};
    for (const tag of tags) {
      writeFileSync(join(dir, 'entry.js'), `import 'id-verify/${tag}';\n`);
      const result = (await build({
        root: dir,
        configFile: false,
        logLevel: 'silent',
        build: { write: false, lib: { entry: join(dir, 'entry.js'), formats: ['es'], fileName: 'bundle' }, rolldownOptions: { output: { codeSplitting: false } } },
      })) as Rolldown.RolldownOutput[];
      const code = result.flatMap((r) => r.output).find((o): o is Rolldown.OutputChunk => o.type === 'chunk' && o.isEntry)!.code;
      const page = await browser.newPage();
      await page.addScriptTag({ content: code, type: 'module' });
      // An inline module runs after the tag is added, not before addScriptTag returns: wait for
      // the entry's own element (a bundle that defines nothing times out here).
      await page.waitForFunction((name) => !!customElements.get(name), tag, { timeout: 5000 }).catch(() => undefined);
      defined[tag] = await page.evaluate((names) => names.filter((name) => customElements.get(name)), tags);
      await page.close();
    }
    // The gate renders <motp-input> in its mOTP step; the carrier picker comes with the phone path, later.
    assert.deepEqual(defined, {
      'id-verify-gate': ['id-verify-gate', 'motp-input'],
      'motp-input': ['motp-input'],
      'pass-carrier-picker': ['pass-carrier-picker'],
    });
  });

  test('the server package brings its libraries and loads through import and require', () => {
    const dir = installProject({ 'id-verify-server': `file:${tarballs.server}` });
    projects.push(dir);
    const names = [...installedPackages(dir).keys()];
    for (const lib of ['hono', 'jose', 'otplib']) assert.ok(names.includes(lib), lib);
    assert.ok(!names.includes('lit'), 'no widget libraries in a server install');
    const probe = `.createVerifyApp({ issuer: 'https://x/api', audience: 'a' }).jwks().then((j) => console.log(j.keys[0].alg))`;
    assert.equal(run('node', ['--input-type=module', '-e', `import * as s from 'id-verify-server'; s${probe}`], { cwd: dir }).trim(), 'ES256');
    assert.equal(run('node', ['-e', `require('id-verify-server')${probe}`], { cwd: dir }).trim(), 'ES256');
  });
});
