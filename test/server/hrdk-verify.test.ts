/** HRD Korea mOTP through the app: every upstream answer, against the fake over real HTTP. */
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import type { HrdkFault } from '../fakes/hrdk.js';
import { config, verifyAsLms, verifyMotp, call } from './helpers.js';
import { hrdkRig, TEST_TIMEOUT_MS, type HrdkRig } from './hrdk-helpers.js';

let r: HrdkRig;
afterEach(() => r?.close());

const accredits = () => r.fake.received('accredit').length;

describe('HRD Korea mOTP: verdicts', () => {
  test('the right code → a token the LMS verifies, after exactly one upstream call', async () => {
    r = await hrdkRig();
    const { session, nonce } = await r.hrdkSession('exam');
    const ok = await verifyMotp(r.app, session, await r.hrdkCode());
    assert.equal(ok.status, 200);
    const claims = await verifyAsLms(r, ok.body.token, nonce);
    assert.equal(claims.method, 'motp');
    assert.equal(claims.purpose, 'exam');
    assert.equal(accredits(), 1);
    assert.equal(r.app.auditLog().at(-1)!.result, 'success');
  });

  test('a wrong code → INVALID_CODE with the attempts our own counter leaves', async () => {
    r = await hrdkRig();
    const { session } = await r.hrdkSession();
    const wrong = await verifyMotp(r.app, session, await r.hrdkWrongCode());
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.code, 'INVALID_CODE');
    assert.equal(wrong.body.error.attemptsLeft, 4);
    assert.equal((await verifyMotp(r.app, session, await r.hrdkWrongCode())).body.error.attemptsLeft, 3);
  });

  test('5 wrong codes → LOCKED, and HRD Korea is not called again while locked', async () => {
    r = await hrdkRig();
    const { session } = await r.hrdkSession();
    const wrong = await r.hrdkWrongCode();
    const left = [];
    for (let i = 0; i < 5; i++) left.push((await verifyMotp(r.app, session, wrong)).body.error.attemptsLeft);
    assert.deepEqual(left, [4, 3, 2, 1, 0]);
    assert.equal(accredits(), 5);

    for (const otp of [await r.hrdkCode(), wrong]) {
      const locked = await verifyMotp(r.app, session, otp);
      assert.equal(locked.status, 423);
      assert.equal(locked.body.error.code, 'LOCKED');
      assert.ok(Number(locked.headers.get('Retry-After')) > 0);
    }
    // Another session of the same learner is locked too, still without a call.
    const again = await r.hrdkSession('daily');
    assert.equal((await verifyMotp(r.app, again.session, await r.hrdkCode())).body.error.code, 'LOCKED');
    assert.equal(accredits(), 5);
  });

  test('AP009 alone (locked at HRD Korea) → LOCKED here too, and no further call', async () => {
    r = await hrdkRig();
    const { session } = await r.hrdkSession();
    r.fake.fail('accredit', { code: 'AP009' });
    const answer = await verifyMotp(r.app, session, await r.hrdkCode());
    assert.equal(answer.status, 423);
    assert.equal(answer.body.error.code, 'LOCKED');
    assert.deepEqual((await config(r.app, session)).body.motp, { available: true, locked: true, attemptsLeft: 0 });
    r.fake.fail('accredit', null);
    assert.equal((await verifyMotp(r.app, session, await r.hrdkCode())).body.error.code, 'LOCKED');
    assert.equal(accredits(), 1);
  });

  /** Six answers under `fault` charge nothing: the right code still gets through afterwards. */
  async function chargesNothing(session: string, fault: HrdkFault) {
    r.fake.fail('accredit', fault);
    for (let i = 0; i < 6; i++) await verifyMotp(r.app, session, await r.hrdkWrongCode());
    r.fake.fail('accredit', null);
    const { locked, attemptsLeft } = (await config(r.app, session)).body.motp;
    assert.deepEqual({ locked, attemptsLeft }, { locked: false, attemptsLeft: 5 });
    assert.equal((await verifyMotp(r.app, session, await r.hrdkCode())).status, 200);
  }

  test('AP012 → 400 INVALID_INPUT on the code, nothing charged', async () => {
    r = await hrdkRig();
    const { session } = await r.hrdkSession();
    r.fake.fail('accredit', { code: 'AP012' });
    const answer = await verifyMotp(r.app, session, await r.hrdkCode());
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.code, 'INVALID_INPUT');
    assert.equal(answer.body.error.field, 'otp');
    await chargesNothing(session, { code: 'AP012' });
  });

  test('WE005 → 429 RATE_LIMITED with Retry-After, nothing charged, mOTP still offered', async () => {
    r = await hrdkRig();
    const { session } = await r.hrdkSession();
    r.fake.fail('accredit', { code: 'WE005' });
    const answer = await verifyMotp(r.app, session, await r.hrdkCode());
    assert.equal(answer.status, 429);
    assert.equal(answer.body.error.code, 'RATE_LIMITED');
    // HRD Korea's limit, not our "another code is being checked" (which asks for a retry in 1 s).
    assert.match(answer.body.error.message, /mOTP service/);
    assert.doesNotMatch(answer.body.error.message, /being checked/);
    assert.equal(answer.headers.get('Retry-After'), '30');
    assert.deepEqual((await config(r.app, session)).body.motp, { available: true, locked: false, attemptsLeft: 5 });
    await chargesNothing(session, { code: 'WE005' });
  });

  test('faults charge nothing either: six 5xx answers, then the right code gets through', async () => {
    r = await hrdkRig();
    const { session } = await r.hrdkSession();
    await chargesNothing(session, { status: 500 });
  });

  const faults: Array<[string, HrdkFault]> = [
    ['HTTP 500', { status: 500 }],
    ['HTTP 502', { status: 502 }],
    ['a page that is not JSON', 'non-json'],
    ['IE001 (internal error)', { code: 'IE001' }],
    ['CE002', { code: 'CE002' }],
    ['an undocumented code', { code: 'AP005' }],
    ['a hang', 'hang'],
  ];
  for (const [name, fault] of faults) {
    test(`${name} → 503 UPSTREAM_UNAVAILABLE within the deadline, nothing charged, no token, phone offered`, async () => {
      r = await hrdkRig();
      const { session } = await r.hrdkSession();
      r.fake.fail('accredit', fault);
      const started = performance.now();
      const answer = await verifyMotp(r.app, session, await r.hrdkCode());
      const elapsed = performance.now() - started;
      assert.equal(answer.status, 503);
      assert.equal(answer.body.error.code, 'UPSTREAM_UNAVAILABLE');
      assert.equal(answer.body.token, undefined);
      assert.ok(Number(answer.headers.get('Retry-After')) >= 1);
      assert.ok(elapsed < TEST_TIMEOUT_MS + 1000, `answered after ${Math.round(elapsed)} ms`);
      assert.deepEqual((await config(r.app, session)).body.motp, { available: false, locked: false, attemptsLeft: 5 });
      // The learner's code was sent once: a fault is never retried upstream.
      assert.equal(accredits(), 1);
      assert.equal(r.app.auditLog().at(-1)!.result, 'UPSTREAM_UNAVAILABLE');
    });
  }

  test('the upstream back after a fault: the same learner verifies', async () => {
    r = await hrdkRig();
    const { session } = await r.hrdkSession();
    r.fake.fail('accredit', { status: 503 });
    assert.equal((await verifyMotp(r.app, session, await r.hrdkCode())).status, 503);
    r.fake.fail('accredit', null);
    assert.equal((await verifyMotp(r.app, session, await r.hrdkCode())).status, 200);
  });

  test('a phone other than the member\'s is refused before HRD Korea is called', async () => {
    r = await hrdkRig();
    const { session } = await r.hrdkSession();
    const answer = await call(r.app, 'POST', '/v1/motp/verify', { bearer: session, body: { otp: await r.hrdkCode(), phone: '010-9999-0000' } });
    assert.equal(answer.body.error.code, 'MISMATCH');
    assert.equal(accredits(), 0);
  });

  test('the same code twice → ALREADY_USED, nothing charged', async () => {
    r = await hrdkRig();
    const { session } = await r.hrdkSession();
    const code = await r.hrdkCode();
    assert.equal((await verifyMotp(r.app, session, code)).status, 200);
    const again = await verifyMotp(r.app, session, code);
    assert.equal(again.body.error.code, 'ALREADY_USED');
    assert.equal((await config(r.app, session)).body.motp.attemptsLeft, 5);
  });

  test('no upstream answer, whatever it is, becomes a 500', async () => {
    r = await hrdkRig();
    const { session } = await r.hrdkSession();
    for (const fault of [{ status: 500 }, { status: 404 }, { code: '' }, 'non-json', { code: '<script>' }] as HrdkFault[]) {
      r.fake.fail('accredit', fault);
      const answer = await verifyMotp(r.app, session, await r.hrdkCode());
      assert.ok(answer.status < 500 || answer.status === 503, `${JSON.stringify(fault)} → ${answer.status}`);
    }
  });
});
