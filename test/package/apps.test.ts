/**
 * A React 19 app and a Vue 3 app in TypeScript (test/apps/), written as a user writes them
 * around the README's examples (examples/react/, examples/vue/), installed with the packed
 * id-verify from the registry's React, Vue and Vite. Each type-checks (`tsc`, `vue-tsc` with
 * strict templates), a misspelt event fails the type check, and each built app passes mOTP
 * against the demo server in Chromium, its typed handler handing the token to the LMS server.
 */
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser } from '@playwright/test';
import { generate } from 'otplib';
import { createDemoApp, DEMO_LEARNER, type DemoApp } from '../../demo/app.js';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/chromium.mjs';
import { TOTP_OPTIONS } from '../../src/server/index.js';
import { installProject, packedTarballs, ROOT, run, runFailing } from './packed.js';

const apps = JSON.parse(readFileSync(join(ROOT, 'test/apps/package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('React 19 and Vue 3 apps on the packed package', () => {
  let dir: string;
  let browser: Browser;

  before(() => {
    const { widget } = packedTarballs();
    dir = installProject({ ...apps.dependencies, 'id-verify': `file:${widget}` }, apps.devDependencies);
    cpSync(join(ROOT, 'test/apps/react'), join(dir, 'react'), { recursive: true });
    cpSync(join(ROOT, 'test/apps/vue'), join(dir, 'vue'), { recursive: true });
    for (const app of ['react', 'vue']) cpSync(join(ROOT, 'test/apps/index.html'), join(dir, app, 'index.html'));
    for (const file of ['CourseGate.tsx', 'CodeField.tsx']) cpSync(join(ROOT, 'examples/react', file), join(dir, 'react/src', file));
    for (const file of ['CourseGate.vue', 'env.d.ts']) cpSync(join(ROOT, 'examples/vue', file), join(dir, 'vue/src', file));
    cpSync(join(ROOT, 'examples/vue/vite.config.ts'), join(dir, 'vue/vite.config.ts'));
  });
  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Type-checks `app` with `checker` after replacing `from` by `to` in `file`; the checker's output. */
  function misspelt(app: string, checker: string, edits: { file: string; from: string; to: string }[]): string {
    const originals = edits.map(({ file }) => [file, readFileSync(join(dir, app, file), 'utf8')] as const);
    try {
      for (const { file, from, to } of edits) {
        const text = readFileSync(join(dir, app, file), 'utf8');
        assert.ok(text.includes(from), `${file} has no ${from}`);
        writeFileSync(join(dir, app, file), text.replace(from, to));
      }
      return runFailing('npx', [checker, '--noEmit', '-p', app], { cwd: dir });
    } finally {
      for (const [file, text] of originals) writeFileSync(join(dir, app, file), text);
    }
  }

  test('React: tsc passes; a misspelt event prop on the wrapper or on a bare tag fails it', () => {
    run('npx', ['tsc', '--noEmit', '-p', 'react'], { cwd: dir });
    const out = misspelt('react', 'tsc', [
      { file: 'src/CourseGate.tsx', from: 'onIdVerifySuccess=', to: 'onIdVerifySucess=' },
      // What React 19 users wrote before the JSX typings: a camel-cased handler that never fires.
      { file: 'src/CodeField.tsx', from: 'onmotp-complete=', to: 'onMotpComplete=' },
    ]);
    assert.match(out, /CourseGate\.tsx.*error TS2322.*onIdVerifySucess/s, out);
    assert.match(out, /CodeField\.tsx.*error TS2322.*onMotpComplete/s, out);
  });

  test('Vue: vue-tsc with strict templates passes; a misspelt event or attribute fails it', () => {
    run('npx', ['vue-tsc', '--noEmit', '-p', 'vue'], { cwd: dir });
    const out = misspelt('vue', 'vue-tsc', [
      { file: 'src/CourseGate.vue', from: '@id-verify-success=', to: '@id-verify-sucess=' },
      { file: 'src/CourseGate.vue', from: 'endpoint="/api"', to: 'endpiont="/api"' },
    ]);
    assert.match(out, /CourseGate\.vue.*error TS\d+.*(id-verify-sucess|onIdVerifySucess)/s, out);
    assert.match(out, /CourseGate\.vue.*error TS\d+.*endpiont/s, out);
  });

  /** Builds `app` with Vite, serves it from the demo server, and passes mOTP in it; the page's status line. */
  async function passMotpIn(app: string): Promise<{ status: string; extra?: string }> {
    run('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: join(dir, app) });
    let server: ServerType | undefined;
    try {
      // The demo needs its origin, known once the server listens.
      const holder: { demo?: DemoApp } = {};
      // The demo's strict CSP, with Vue's own Trusted Types policy allowed beside Lit's, as a
      // Vue app's CSP must (the README says so).
      const fetch = async (request: Request, env: unknown) => {
        const response = await holder.demo!.fetch(request, env);
        const csp = response.headers.get('Content-Security-Policy');
        if (app === 'vue' && csp) response.headers.set('Content-Security-Policy', csp.replace('trusted-types lit-html', 'trusted-types lit-html vue'));
        return response;
      };
      await new Promise<void>((ready) => {
        server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () => ready());
      });
      const origin = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
      holder.demo = createDemoApp({ origin, distDir: join(dir, app, 'dist'), scriptDir: join(dir, app, 'dist') });
      browser ??= await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      page.on('response', (response) => response.status() >= 400 && errors.push(`${response.status()} ${response.url()}`));
      await page.goto(origin);
      const { phone } = DEMO_LEARNER; // the demo's own learner (each app gets a demo server of its own)
      const enrolled = await page.request.post(`${origin}/api/v1/dev/motp/enroll`, { data: { phone } });
      const secret = new URL(((await enrolled.json()) as { otpauth: string }).otpauth).searchParams.get('secret')!;
      await page.getByRole('checkbox', { name: '동의합니다' }).check();
      await page.getByRole('button', { name: 'MOTP인증하기' }).click();
      await page.getByRole('textbox', { name: 'OTP 번호' }).fill(await generate({ ...TOTP_OPTIONS, secret }));
      await page.getByRole('textbox', { name: '회원 전화번호' }).fill(phone);
      await page.getByRole('button', { name: '인증하기' }).click();
      await page.locator('#lms-status').filter({ hasText: /verified|refused/ }).waitFor();
      const status = (await page.locator('#lms-status').textContent())!;
      let extra: string | undefined;
      if (app === 'react') {
        await page.getByRole('textbox', { name: '확인 코드' }).fill('654321');
        await page.locator('#code').filter({ hasText: '654321' }).waitFor();
        extra = (await page.locator('#code').textContent())!;
      }
      assert.deepEqual(errors, []);
      return { status, extra };
    } finally {
      await new Promise((done) => (server ? server.close(done) : done(undefined)));
    }
  }

  test('React: the built app passes mOTP; onIdVerifySuccess hands the token to the LMS, which accepts it', async () => {
    const { status, extra } = await passMotpIn('react');
    assert.equal(status, 'verified learner-001 by motp');
    assert.equal(extra, '654321', 'the bare <motp-input> tag called its onmotp-complete handler');
  });

  test('Vue: the built app passes mOTP; @id-verify-success hands the token to the LMS, which accepts it', async () => {
    const { status } = await passMotpIn('vue');
    assert.equal(status, 'verified learner-001 by motp');
  });
});
