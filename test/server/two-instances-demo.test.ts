/**
 * Two demo processes on one Redis with the same keys answer as one site: a page rendered by A
 * sends its token back through B, the token cannot be used twice on either, a learner keeps
 * one phone whichever process renders their page, and the simulated phone sees what the other
 * process sent.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generate } from 'otplib';
import { createDemoApp, type DemoApp } from '../../demo/app.js';
import { generateSigningJwk, importSigningKeys, TOTP_OPTIONS } from '../../src/server/index.js';
import { testRedisStore, uniquePrefix } from './stores.js';

const ORIGIN = 'http://127.0.0.1:8080';
const TEMPLATE = '<p data-session="__SESSION__" data-page="__PAGE_ID__" data-phone="__PHONE__">__PURPOSE__ __LANG__</p>';

describe('two demo processes on one Redis', () => {
  let dir: string;
  let a: DemoApp;
  let b: DemoApp;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'idv-demo-'));
    await writeFile(join(dir, 'index.html'), TEMPLATE);
    const prefix = uniquePrefix();
    const keys = { keys: [await generateSigningJwk()] };
    const hashKey = new Uint8Array(32).fill(9);
    const demo = async () =>
      createDemoApp({
        origin: ORIGIN,
        distDir: dir,
        scriptDir: dir,
        verify: { store: await testRedisStore(undefined, { prefix, ownClient: true }), signingKey: await importSigningKeys(keys), hashKey },
      });
    [a, b] = [await demo(), await demo()];
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const get = async (app: DemoApp, path: string) => (await app.fetch(new Request(`${ORIGIN}${path}`))).text();
  const post = async (app: DemoApp, path: string, body: unknown, bearer?: string) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    const response = await app.fetch(new Request(`${ORIGIN}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }));
    return { status: response.status, body: (await response.json()) as Record<string, string & unknown[]> & { ok?: boolean } };
  };
  const page = async (app: DemoApp, query = '') => {
    const html = await get(app, `/${query}`);
    const [, session, pageId, phone] = /data-session="([^"]+)" data-page="([^"]+)" data-phone="([^"]+)"/.exec(html)!;
    return { session: session!, pageId: pageId!, phone: phone! };
  };

  test('a page rendered by A sends its token back through B; the second use is refused on A', async () => {
    const { session, pageId, phone } = await page(a);
    const { body: enrolled } = await post(b, '/api/v1/dev/motp/enroll', { phone });
    const secret = new URL(enrolled.otpauth).searchParams.get('secret')!;
    const otp = await generate({ ...TOTP_OPTIONS, secret });
    const verified = await post(b, '/api/v1/motp/verify', { otp, phone }, session);
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    const first = await post(b, '/lms/verify-token', { pageId, token: verified.body.token });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.ok, true);
    const again = await post(a, '/lms/verify-token', { pageId, token: verified.body.token });
    assert.equal(again.status, 400);
    assert.equal(again.body.reason, 'REPLAYED');
  });

  test('a learner keeps one phone whichever process renders the page; two learners never share one', async () => {
    await page(a, '?learner=choi-16');
    const [onA, onB, other] = [await page(a, '?learner=kim-17'), await page(b, '?learner=kim-17'), await page(b, '?learner=lee-18')];
    assert.equal(onA.phone, onB.phone);
    assert.notEqual(onA.phone, other.phone);
    assert.equal((await page(b)).phone, '010-1234-5678', 'the default learner is 홍길동');
  });

  test('the simulated phone reads through B the code sent through A', async () => {
    const { session, phone } = await page(a, '?learner=park-19');
    const { body: issued } = await post(a, '/api/v1/captcha', {}, session);
    const { body: solved } = await post(b, `/api/v1/dev/captcha/${issued.id}`, {});
    const start = { carrier: 'KT', method: 'sms', name: '홍길동', phone, birth: '900101-1', consent: true, captcha: { id: issued.id, answer: solved.answer } };
    assert.equal((await post(a, '/api/v1/phone/start', start, session)).status, 200);
    const { body: inbox } = await post(b, '/api/v1/dev/inbox', { phone });
    assert.equal(inbox.messages!.length, 1);
  });
});
