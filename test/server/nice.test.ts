/**
 * The NICE standard window (method `window`) against the NICE fake over real HTTP on
 * 127.0.0.1: the launch page's form, the fake's window, the result posted back, and the
 * one-time reference that completes the check — plus every way a result is refused and every
 * way NICE can fail.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createNicePhoneProvider } from '../../src/server/index.js';
import { startNiceFake, type NiceFake, type PostedResult } from '../fakes/nice.js';
import { call, config, ISSUER, ORIGIN, rig, verifyAsLms, type Answer, type Rig } from './helpers.js';

const CLIENT_ID = 'fake-client-id';
const CLIENT_SECRET = 'fake-client-secret-77';
const PRODUCT_ID = '2101979031';
const DEADLINE_MS = 400;

let fake: NiceFake;
before(async () => {
  fake = await startNiceFake({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, productId: PRODUCT_ID });
});
after(() => fake.close());
beforeEach(() => {
  delete fake.faults.token;
  delete fake.faults.crypto;
  fake.tamperResult = false;
});

async function niceRig(): Promise<Rig> {
  let clock = () => 0;
  const r = await rig({
    phone: createNicePhoneProvider({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      productId: PRODUCT_ID,
      apiUrl: fake.url,
      windowUrl: fake.windowUrl,
      clock: () => clock(),
    }),
    devRoutesWithRealProviders: true,
    providerTimeoutMs: DEADLINE_MS,
  });
  clock = () => r.now;
  return r;
}

const unescape = (text: string) =>
  text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** A `data-idv-*` attribute of a window page. */
const dataOf = (page: string, name: string) => {
  const match = new RegExp(`data-idv-${name}="([^"]*)"`).exec(page);
  return match ? unescape(match[1]!) : undefined;
};
/** The hidden inputs of the first form in `html`, and its action. */
function formOf(html: string): { action: string; fields: Record<string, string> } {
  const action = unescape(/<form[^>]*action="([^"]*)"/.exec(html)?.[1] ?? '');
  const fields: Record<string, string> = {};
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) fields[unescape(name!)] = unescape(value!);
  return { action, fields };
}

/** `POST /v1/phone/window/start` from the page at `origin`. */
function startWindow(r: Rig, bearer: string, body: Record<string, unknown> = { consent: true }, origin: string | null = ORIGIN) {
  return call(r.app, 'POST', '/v1/phone/window/start', { bearer, body, headers: origin ? { Origin: origin } : {} });
}

/** Starts a check and opens its launch page; the transaction and the page's form. */
async function launch(r: Rig, bearer: string) {
  const started = await startWindow(r, bearer);
  assert.equal(started.status, 200, started.text);
  const tx: string = started.body.tx;
  const page = await call(r.app, 'GET', `/v1/phone/window/${tx}`);
  assert.equal(page.status, 200, page.text);
  return { tx, page, form: formOf(page.text) };
}

/** The learner in the fake's window: opens it with the launch form, answers, gets the result form. */
async function inWindow(form: { action: string; fields: Record<string, string> }, answer: 'approve' | 'deny', person: Record<string, string> = {}) {
  const opened = await fetch(form.action, { method: 'POST', body: new URLSearchParams(form.fields) });
  const windowHtml = await opened.text();
  const answerPath = /action="(\/__window\/[^"]+\/answer)"/.exec(windowHtml)?.[1];
  assert.ok(answerPath, `the window opened: ${windowHtml}`);
  const body = new URLSearchParams({ mobileco: 'KT', name: '홍길동', birthdate: '19900101', mobileno: '01012345678', ...person, answer });
  await (await fetch(fake.url + answerPath, { method: 'POST', body })).text();
  return fake.lastResult!;
}

/** NICE's post back to our return URL. */
function postReturn(r: Rig, tx: string, fields: PostedResult['fields'] | Record<string, string>): Promise<Answer> {
  return call(r.app, 'POST', `/v1/phone/window/${tx}/return`, {
    raw: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
}

/** The reference a result page hands over, if any. */
const refOf = (page: Answer): string | undefined => {
  const message = dataOf(page.text, 'message');
  return message ? (JSON.parse(message) as { ref?: string }).ref : undefined;
};

const complete = (r: Rig, bearer: string, tx: string, ref: string) =>
  call(r.app, 'POST', `/v1/phone/window/${tx}/complete`, { bearer, body: { ref } });

describe('NICE window: success', () => {
  test('approve → the result page hands a reference to the exact origin; complete gives a token', async () => {
    const r = await niceRig();
    const { session, nonce } = await r.session();
    const { tx, page, form } = await launch(r, session);
    assert.equal(form.action, fake.windowUrl);
    assert.deepEqual(Object.keys(form.fields).sort(), ['enc_data', 'integrity_value', 'm', 'token_version_id']);
    assert.equal(form.fields.m, 'service');
    const csp = page.headers.get('Content-Security-Policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, new RegExp(`form-action ${fake.url}`));
    assert.ok(!csp.includes('unsafe-inline'));
    assert.ok(!/<script>/.test(page.text), 'no inline script');
    // The popup hands its result to window.opener: secure headers, but no opener policy.
    assert.equal(page.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.equal(page.headers.get('Cross-Origin-Opener-Policy'), null);

    const result = await inWindow(form, 'approve');
    assert.equal(result.returnUrl, `${ISSUER}/v1/phone/window/${tx}/return`);
    const returned = await postReturn(r, tx, result.fields);
    assert.equal(returned.status, 200, returned.text);
    assert.equal(dataOf(returned.text, 'origin'), ORIGIN);
    assert.equal(dataOf(returned.text, 'mode'), 'popup');
    assert.ok(!/홍길동|19900101|01012345678/.test(returned.text), 'no personal data on the page');
    const ref = refOf(returned)!;
    assert.match(ref, /^[\w-]{22}$/);

    const done = await complete(r, session, tx, ref);
    assert.equal(done.status, 200, done.text);
    assert.equal(done.body.status, 'approved');
    assert.equal(done.body.method, 'window');
    const claims = await verifyAsLms(r, done.body.token, nonce);
    assert.equal(claims.method, 'window');
    assert.deepEqual(claims.amr, ['mca']);
  });

  test('NICE receives the documented calls: Basic token, bearer crypto token, the sealed request', async () => {
    const r = await niceRig();
    const { session } = await r.session();
    const before = fake.received.length;
    const { tx, form } = await launch(r, session);
    const calls = fake.received.slice(before);
    const tokenCall = calls.find((c) => c.url === '/digital/niceid/oauth/oauth/token');
    const cryptoCall = calls.find((c) => c.url === '/digital/niceid/api/v1.0/common/crypto/token')!;
    if (tokenCall) {
      assert.equal(tokenCall.headers.authorization, `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`);
      assert.equal(tokenCall.body, 'grant_type=client_credentials&scope=default');
    }
    assert.equal(cryptoCall.headers.client_id, CLIENT_ID);
    assert.equal(cryptoCall.headers.productid, PRODUCT_ID);
    const [, seconds, clientId] = Buffer.from(cryptoCall.headers.authorization!.replace(/^bearer /, ''), 'base64').toString().split(':');
    assert.equal(clientId, CLIENT_ID);
    assert.equal(Number(seconds), Math.floor(r.now / 1000));
    const body = JSON.parse(cryptoCall.body);
    assert.deepEqual(body.dataHeader, { CNTY_CD: 'ko' });
    assert.match(body.dataBody.req_dtim, /^\d{14}$/);
    assert.equal(body.dataBody.enc_mode, '1');
    await inWindow(form, 'deny');
    const request = fake.requestOf(form.fields.token_version_id!)!;
    assert.equal(request.requestno, body.dataBody.req_no);
    assert.match(request.requestno!, /^[0-9a-f]{30}$/);
    assert.equal(request.returnurl, `${ISSUER}/v1/phone/window/${tx}/return`);
    assert.equal(request.methodtype, 'post');
    assert.equal(request.popupyn, 'Y');
    assert.equal(request.authtype, 'M');
  });

  test('the access token is cached across launches', async () => {
    const r = await niceRig();
    const { session } = await r.session();
    await launch(r, session);
    const issued = fake.accessTokensIssued;
    await launch(r, session);
    await launch(r, session);
    assert.equal(fake.accessTokensIssued, issued);
  });

  test('/v1/config offers exactly the window: no carriers or captcha of ours', async () => {
    const r = await niceRig();
    const { session } = await r.session();
    const body = (await config(r.app, session)).body;
    assert.deepEqual(body.phoneMethods, ['window']);
    assert.deepEqual(body.carriers, []);
    assert.equal(body.captcha.required, false);
    assert.equal((await call(r.app, 'POST', '/v1/phone/start', { bearer: session, body: {} })).status, 404, 'no API-driven start');
  });

  test('the same-window fallback: the result page returns to the page with the reference', async () => {
    const r = await niceRig();
    const { session } = await r.session();
    const started = await startWindow(r, session, { consent: true, returnTo: `${ORIGIN}/course?learner=a#top` });
    const tx: string = started.body.tx;
    const form = formOf((await call(r.app, 'GET', `/v1/phone/window/${tx}?mode=redirect`)).text);
    const returned = await postReturn(r, tx, (await inWindow(form, 'approve')).fields);
    assert.equal(dataOf(returned.text, 'mode'), 'redirect');
    assert.equal(dataOf(returned.text, 'return-to'), `${ORIGIN}/course?learner=a`);
    assert.equal((await complete(r, session, tx, refOf(returned)!)).body.status, 'approved');
  });
});

describe('NICE window: refusals', () => {
  test('deny in the window → rejected, no token', async () => {
    const r = await niceRig();
    const { session } = await r.session();
    const { tx, form } = await launch(r, session);
    const returned = await postReturn(r, tx, (await inWindow(form, 'deny')).fields);
    assert.equal(returned.status, 200);
    const done = await complete(r, session, tx, refOf(returned)!);
    assert.equal(done.body.status, 'rejected');
    assert.equal(done.body.token, undefined);
  });

  test('a forged result (bad HMAC) → refused, no reference; the check stays pending', async () => {
    const r = await niceRig();
    const { session } = await r.session();
    const { tx, form } = await launch(r, session);
    fake.tamperResult = true;
    const returned = await postReturn(r, tx, (await inWindow(form, 'approve')).fields);
    assert.equal(returned.status, 400);
    assert.equal(refOf(returned), undefined);
    assert.equal(dataOf(returned.text, 'role'), 'refusal');
    const forgedRef = 'A'.repeat(22);
    assert.equal((await complete(r, session, tx, forgedRef)).body.status, 'pending');
  });

  test('a replayed result (the same requestno twice) → refused; the token comes once', async () => {
    const r = await niceRig();
    const { session } = await r.session();
    const { tx, form } = await launch(r, session);
    const result = await inWindow(form, 'approve');
    const first = await postReturn(r, tx, result.fields);
    const again = await postReturn(r, tx, result.fields);
    assert.equal(again.status, 409, again.text);
    assert.equal(refOf(again), undefined);
    const ref = refOf(first)!;
    assert.equal((await complete(r, session, tx, ref)).status, 200);
    const twice = await complete(r, session, tx, ref);
    assert.equal(twice.body.error.code, 'ALREADY_USED');
  });

  test("another check's result or requestno → refused", async () => {
    const r = await niceRig();
    const { session } = await r.session();
    const a = await launch(r, session);
    const b = await launch(r, session);
    const resultA = await inWindow(a.form, 'approve');
    assert.equal((await postReturn(r, b.tx, resultA.fields)).status, 400, "A's result at B's return URL");
    // Sealed with B's own keys, but answering A's request number.
    await inWindow(b.form, 'deny');
    const requestA = fake.requestOf(a.form.fields.token_version_id!)!;
    const forged = fake.sealResult(b.form.fields.token_version_id!, {
      resultcode: '0000',
      requestno: requestA.requestno!,
      name: '홍길동',
      utf8_name: encodeURIComponent('홍길동'),
      birthdate: '19900101',
      mobileno: '01012345678',
    });
    assert.equal((await postReturn(r, b.tx, forged)).status, 400, "A's requestno inside B's result");
  });

  test("another learner's session cannot complete the check", async () => {
    const r = await niceRig();
    const { session } = await r.session();
    const other = await r.session({ subject: 'learner-002' });
    const { tx, form } = await launch(r, session);
    const ref = refOf(await postReturn(r, tx, (await inWindow(form, 'approve')).fields))!;
    const stolen = await complete(r, other.session, tx, ref);
    assert.equal(stolen.status, 404);
    assert.equal(stolen.body.error.code, 'NOT_FOUND');
    assert.equal((await complete(r, session, tx, ref)).status, 200, 'the owner still can');
  });

  test('someone other than the learner verified in the window → MISMATCH, no token', async () => {
    const r = await niceRig();
    const { session } = await r.session();
    const { tx, form } = await launch(r, session);
    const returned = await postReturn(r, tx, (await inWindow(form, 'approve', { name: '김철수' })).fields);
    const done = await complete(r, session, tx, refOf(returned)!);
    assert.equal(done.status, 403, done.text);
    assert.equal(done.body.error.code, 'MISMATCH');
    const r2 = await niceRig();
    const s2 = await r2.session();
    const l2 = await launch(r2, s2.session);
    const born = await postReturn(r2, l2.tx, (await inWindow(l2.form, 'approve', { birthdate: '19910101' })).fields);
    assert.equal((await complete(r2, s2.session, l2.tx, refOf(born)!)).body.error.code, 'MISMATCH', 'another birth date');
  });

  test('a check is dead after 10 minutes: no launch, no result, no token', async () => {
    const r = await niceRig();
    const { session } = await r.session();
    const { tx, form } = await launch(r, session);
    const result = await inWindow(form, 'approve');
    r.advance(600_000);
    assert.equal((await call(r.app, 'GET', `/v1/phone/window/${tx}`)).status, 410);
    assert.equal((await postReturn(r, tx, result.fields)).status, 410);
    assert.equal((await complete(r, session, tx, 'A'.repeat(22))).body.status, 'expired');
  });

  test('start: the Origin must be sent and allowed; returnTo must be of that origin', async () => {
    const r = await niceRig();
    const { session } = await r.session();
    assert.equal((await startWindow(r, session, { consent: true }, null)).body.error.field, 'Origin');
    assert.equal((await startWindow(r, session, { consent: true }, 'https://evil.example')).status, 400);
    const elsewhere = await startWindow(r, session, { consent: true, returnTo: 'https://evil.example/x' });
    assert.equal(elsewhere.body.error.field, 'returnTo');
    assert.equal((await startWindow(r, session, { consent: false })).body.error.code, 'CONSENT_REQUIRED');
  });

  test('no name, birth date, phone, ci or di in the store or the audit trail after a run', async () => {
    const r = await niceRig();
    const { session } = await r.session();
    const { tx, form } = await launch(r, session);
    const result = await inWindow(form, 'approve');
    const ref = refOf(await postReturn(r, tx, result.fields))!;
    await complete(r, session, tx, ref);
    const everything = JSON.stringify(r.store.dump()) + JSON.stringify(r.app.auditLog());
    for (const secret of ['홍길동', '1990-01-01', '19900101', '01012345678', ref]) assert.ok(!everything.includes(secret), secret);
  });
});

describe('NICE unavailable', () => {
  for (const [call_, fault] of [
    ['crypto', 'server-error'],
    ['crypto', 'malformed'],
    ['crypto', 'refused'],
    ['token', 'server-error'],
  ] as const) {
    test(`the ${call_ === 'token' ? 'access' : 'crypto'} token call answers ${fault} → the launch page says so (503, Retry-After) and tells the gate`, async () => {
      const r = await niceRig();
      const { session } = await r.session();
      fake.faults[call_] = fault;
      // Each rig's provider is new, so its first launch asks for an access token too.
      const tx: string = (await startWindow(r, session)).body.tx;
      const page = await call(r.app, 'GET', `/v1/phone/window/${tx}`);
      assert.equal(page.status, 503, page.text);
      assert.ok(Number(page.headers.get('Retry-After')) > 0);
      assert.deepEqual(JSON.parse(dataOf(page.text, 'message')!), { type: 'id-verify-window', tx, outcome: 'unavailable' });
      delete fake.faults[call_];
      assert.equal((await call(r.app, 'GET', `/v1/phone/window/${tx}`)).status, 200, 'a retry opens the window');
    });
  }

  test('NICE rate limit → 429 page', async () => {
    const r = await niceRig();
    const { session } = await r.session();
    fake.faults.crypto = 'rate-limit';
    const tx: string = (await startWindow(r, session)).body.tx;
    assert.equal((await call(r.app, 'GET', `/v1/phone/window/${tx}`)).status, 429);
  });

  test('NICE hangs → 503 inside the deadline, no window, no token', async () => {
    const r = await niceRig();
    const { session } = await r.session();
    fake.faults.crypto = 'hang';
    const tx: string = (await startWindow(r, session)).body.tx;
    const started = Date.now();
    const page = await call(r.app, 'GET', `/v1/phone/window/${tx}`);
    const took = Date.now() - started;
    assert.equal(page.status, 503);
    assert.ok(Number(page.headers.get('Retry-After')) > 0);
    assert.ok(took >= DEADLINE_MS - 20 && took < DEADLINE_MS + 1_500, `answered after ${took} ms`);
    assert.equal((await complete(r, session, tx, 'A'.repeat(22))).body.status, 'pending');
  });

  test('garbage at the return URL → a refusal page, never 500', async () => {
    const r = await niceRig();
    const { session } = await r.session();
    const { tx } = await launch(r, session);
    const garbage: Record<string, string>[] = [{}, { token_version_id: 'x', enc_data: '%%%', integrity_value: '' }, { enc_data: 'a'.repeat(5000) }];
    for (const fields of garbage) {
      const answer = await postReturn(r, tx, fields);
      assert.ok(answer.status >= 400 && answer.status < 500, `${answer.status}`);
    }
    const json = await call(r.app, 'POST', `/v1/phone/window/${tx}/return`, { body: { enc_data: 'x' } });
    assert.equal(json.status, 400);
    assert.equal((await postReturn(r, 'not-a-tx', {})).status, 404);
  });
});
