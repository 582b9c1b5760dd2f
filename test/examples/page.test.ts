/**
 * The README's page examples in Chromium, under the strict CSP the README promises: the page
 * (examples/page/index.html) with its listener file (course-verify.js) and the script-tag
 * build, the LMS server of examples/server/lms.ts behind it. The learner passes mOTP and the
 * listener's POST reaches the LMS, which accepts the token. A control page with the listener
 * inline shows the CSP blocking it, as it did the old README's. The two form snippets submit
 * their values.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from '@playwright/test';
import { Hono } from 'hono';
import { generate } from 'otplib';
import { build } from 'vite';
import { STRICT_CSP } from '../../demo/csp.js';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/chromium.mjs';
import { TOTP_OPTIONS } from '../../src/server/index.js';
import { acceptToken, app as lmsApi, enrolMotp, startCheck } from '../../examples/server/lms.js';

const root = resolve(import.meta.dirname, '../..');
const example = (file: string) => readFileSync(join(root, 'examples', file), 'utf8');
const learner = { id: 'page-learner', name: '홍길동', phone: '010-3456-7890', birth: '900101-1' };

/** What the LMS server saw on POST /lms/verified: the claims it accepted, or why it refused. */
const received: { ok: boolean; sub?: string; reason?: string }[] = [];

describe('README: the page examples in Chromium, under the strict CSP', () => {
  let scriptDir: string;
  let server: ServerType;
  let base: string;
  let browser: Browser;
  /** The nonce of the page session the LMS minted last (what it keeps server-side). */
  let nonce = '';

  before(async () => {
    scriptDir = mkdtempSync(join(tmpdir(), 'idv-script-'));
    await build({ configFile: join(root, 'vite.config.ts'), root, mode: 'script', logLevel: 'silent', build: { outDir: scriptDir } });

    const lms = new Hono();
    const html = { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': STRICT_CSP };
    const page = async (template: string) => {
      const minted = await startCheck(learner);
      nonce = minted.nonce;
      return template.replace('<?= $verifySession ?>', minted.session);
    };
    lms.get('/', async (c) => c.body(await page(example('page/index.html')), 200, html));
    // The old README's mistake: the same listener, inline.
    lms.get('/inline', async (c) => {
      const inline = example('page/index.html').replace(
        /<script type="module" src="\/static\/course-verify.js"><\/script>/,
        `<script type="module">${example('page/course-verify.js')}</script>`,
      );
      return c.body(await page(inline), 200, html);
    });
    lms.get('/forms', (c) =>
      c.body(`<!doctype html><meta charset="utf-8"><script type="module" src="/static/id-verify.js"></script>
${example('forms/motp-input.html')}${example('forms/pass-carrier-picker.html')}`, 200, html),
    );
    lms.get('/static/course-verify.js', (c) => c.body(example('page/course-verify.js'), 200, { 'Content-Type': 'text/javascript' }));
    lms.get('/static/:file{id-verify[\\w-]*\\.js}', (c) =>
      c.body(readFileSync(join(scriptDir, c.req.param('file'))), 200, { 'Content-Type': 'text/javascript' }),
    );
    lms.post('/lms/verified', async (c) => {
      const { token } = await c.req.json<{ token: string }>();
      try {
        received.push({ ok: true, sub: (await acceptToken(token, nonce)).sub });
        return c.body(null, 204);
      } catch (error) {
        received.push({ ok: false, reason: (error as { reason?: string }).reason });
        return c.body(null, 400);
      }
    });
    lms.route('/', lmsApi);
    await new Promise<void>((ready) => {
      server = serve({ fetch: lms.fetch, hostname: '127.0.0.1', port: 0 }, () => ready());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
    rmSync(scriptDir, { recursive: true, force: true });
  });

  /** A page that records the CSP violations it reports. */
  async function open(path: string): Promise<{ page: Page; violations: string[] }> {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(base + path);
    return { page, violations };
  }

  /** Consent, mOTP with the learner's current code. */
  async function passMotp(page: Page) {
    const secret = new URL(await enrolMotp(learner.phone)).searchParams.get('secret')!;
    await page.getByRole('checkbox', { name: '동의합니다' }).check();
    await page.getByRole('button', { name: 'MOTP인증하기' }).click();
    await page.getByRole('textbox', { name: 'OTP 번호' }).fill(await generate({ ...TOTP_OPTIONS, secret }));
    await page.getByRole('textbox', { name: '회원 전화번호' }).fill(learner.phone);
    await page.getByRole('button', { name: '인증하기' }).click();
    await page.getByRole('heading', { name: '인증 완료' }).waitFor();
  }

  /** Waits until the LMS has received `count` POSTs, or gives up after `ms`. */
  async function postsReceived(count: number, ms: number) {
    for (const end = Date.now() + ms; received.length < count && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
    return received.length;
  }

  test('the listener file posts the token, the LMS accepts it; no CSP violation', async () => {
    const { page, violations } = await open('/');
    await passMotp(page);
    assert.equal(await postsReceived(1, 5000), 1);
    assert.deepEqual(received[0], { ok: true, sub: learner.id });
    assert.deepEqual(violations, []);
    await page.close();
  });

  test('control: the same listener inline is refused by the CSP, and the token never arrives', async () => {
    const before = received.length;
    const { page, violations } = await open('/inline');
    await page.getByRole('checkbox', { name: '동의합니다' }).waitFor();
    assert.ok(violations.some((v) => /script-src/.test(v)), `expected a script-src violation, saw ${violations.join(' | ')}`);
    assert.equal(await postsReceived(before + 1, 500), before);
    await page.close();
  });

  test('the form snippets submit the code and the carrier with their form', async () => {
    const { page, violations } = await open('/forms');
    await page.getByRole('textbox', { name: '인증번호' }).fill('１２３ ４５６');
    await page.getByRole('button', { name: '확인' }).click();
    await page.waitForURL(/otp=/);
    assert.equal(new URL(page.url()).searchParams.get('otp'), '123456');

    await page.goto(`${base}/forms`);
    await page.getByRole('radio', { name: 'KT', exact: true }).click();
    await page.getByRole('button', { name: '다음' }).click();
    await page.waitForURL(/carrier=/);
    assert.equal(new URL(page.url()).searchParams.get('carrier'), 'KT');
    assert.deepEqual(violations, []);
    await page.close();
  });
});
