/** The SMS code's rules (docs/security.md rule 4–6, 8, 11, 12, 16): attempts, single use, expiry, extension. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LIMITS } from '../../src/protocol/index.js';
import { call, rig, verifyAsLms } from './helpers.js';
import { GAP_MS, inbox, latestCode, phonePost, startSms, verifySms, wrongOf } from './phone-helpers.js';

describe('SMS code', () => {
  test('the right code → a token for the session, method sms, which verifyResultToken accepts', async () => {
    const r = await rig();
    const { session, nonce } = await r.session({ purpose: 'exam' });
    const tx = await startSms(r, session);
    const messages = await inbox(r);
    assert.equal(messages.length, 1);
    const text = /^\[Web발신\]\n\[id-verify\]인증번호 \[\d{6}\]를 입력해주세요\. 사칭 전화사기에 주의하세요\.$/;
    assert.match(messages[0]!.text, text);
    const ok = await verifySms(r, session, tx, await latestCode(r));
    assert.equal(ok.status, 200);
    assert.equal(ok.body.method, 'sms');
    assert.equal(ok.body.purpose, 'exam');
    const claims = await verifyAsLms(r, ok.body.token, nonce);
    assert.equal(claims.sub, 'learner-001');
    assert.equal(claims.method, 'sms');
    assert.deepEqual(claims.amr, ['sms']);
  });

  test('rule 4: five wrong entries kill the code; the right one afterwards → EXPIRED, no token', async () => {
    const r = await rig();
    const { session } = await r.session();
    const tx = await startSms(r, session);
    const right = await latestCode(r);
    for (let i = 1; i <= LIMITS.smsMaxFailures; i++) {
      const wrong = await verifySms(r, session, tx, wrongOf(right));
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.error.code, 'INVALID_CODE');
      assert.equal(wrong.body.error.attemptsLeft, LIMITS.smsMaxFailures - i);
    }
    const after = await verifySms(r, session, tx, right);
    assert.equal(after.status, 410);
    assert.equal(after.body.error.code, 'EXPIRED');
    assert.match(after.body.error.message, /start again/);
    assert.equal(after.body.token, undefined);
    assert.equal((await call(r.app, 'GET', `/v1/phone/${tx}`, { bearer: session })).body.status, 'expired');
  });

  test('rule 5: wrong ×2, resend, wrong ×3 → dead; the new right code is refused too', async () => {
    const r = await rig();
    const { session } = await r.session();
    const tx = await startSms(r, session);
    const first = await latestCode(r);
    for (let i = 0; i < 2; i++) await verifySms(r, session, tx, wrongOf(first));
    r.advance(GAP_MS);
    const resent = await phonePost(r, session, tx, 'resend');
    assert.equal(resent.status, 200);
    const second = await latestCode(r);
    const left = [];
    for (let i = 0; i < 3; i++) left.push((await verifySms(r, session, tx, wrongOf(second))).body.error.attemptsLeft);
    assert.deepEqual(left, [2, 1, 0], 'the count went on from the first code');
    assert.equal((await verifySms(r, session, tx, second)).body.error.code, 'EXPIRED');
    const again = await phonePost(r, session, tx, 'resend');
    assert.equal(again.body.error.code, 'EXPIRED', 'a dead check cannot be revived by a resend');
  });

  test('rule 6: a code works once; again from another session of the learner → ALREADY_USED', async () => {
    const r = await rig();
    const a = await r.session();
    const b = await r.session();
    const tx = await startSms(r, a.session);
    const code = await latestCode(r);
    assert.equal((await verifySms(r, a.session, tx, code)).status, 200);
    const replay = await verifySms(r, b.session, tx, code);
    assert.equal(replay.status, 409);
    assert.equal(replay.body.error.code, 'ALREADY_USED');
    assert.equal((await verifySms(r, a.session, tx, code)).body.error.code, 'ALREADY_USED');
  });

  test('rule 6: only the latest code lives — after a resend the old code is refused', async () => {
    const r = await rig();
    const { session } = await r.session();
    const tx = await startSms(r, session);
    const old = await latestCode(r);
    r.advance(GAP_MS);
    assert.equal((await phonePost(r, session, tx, 'resend')).status, 200);
    const latest = await latestCode(r);
    assert.notEqual(latest, old, 'a new code (a one-in-a-million clash would fail this run)');
    const stale = await verifySms(r, session, tx, old);
    assert.equal(stale.body.error.code, 'INVALID_CODE');
    assert.equal((await verifySms(r, session, tx, latest)).status, 200);
  });

  test('rule 8: a code of transaction A is refused on B; another learner gets NOT_FOUND for A', async () => {
    const r = await rig();
    const { session } = await r.session();
    const a = await startSms(r, session);
    const codeA = await latestCode(r);
    r.advance(GAP_MS);
    const b = await startSms(r, session);
    const codeB = await latestCode(r);
    assert.notEqual(codeA, codeB);
    assert.equal((await verifySms(r, session, b, codeA)).body.error.code, 'INVALID_CODE');
    const other = await r.session({ subject: 'learner-002' });
    for (const action of ['verify', 'extend', 'resend', 'complete']) {
      const answer = await phonePost(r, other.session, a, action, action === 'verify' ? { code: codeA } : {});
      assert.equal(answer.status, 404, action);
      assert.equal(answer.body.error.code, 'NOT_FOUND', action);
    }
    assert.equal((await call(r.app, 'GET', `/v1/phone/${a}`, { bearer: other.session })).status, 404);
    assert.equal((await verifySms(r, session, a, codeA)).status, 200, 'A is untouched by the other learner');
    assert.equal((await verifySms(r, session, b, codeB)).status, 200, "B's own code still works");
  });

  test('rule 11: at issuedAt + 180 s the right code → EXPIRED, whatever the client shows', async () => {
    const r = await rig();
    const { session } = await r.session();
    const tx = await startSms(r, session);
    const code = await latestCode(r);
    r.advance(LIMITS.smsCodeTtlSeconds * 1000 - 1);
    assert.equal((await call(r.app, 'GET', `/v1/phone/${tx}`, { bearer: session })).body.status, 'pending');
    r.advance(1);
    const late = await verifySms(r, session, tx, code);
    assert.equal(late.status, 410);
    assert.equal(late.body.error.code, 'EXPIRED');
    assert.deepEqual((await call(r.app, 'GET', `/v1/phone/${tx}`, { bearer: session })).body, {
      status: 'expired',
      expiresIn: 0,
    });
    assert.equal((await phonePost(r, session, tx, 'extend')).body.error.code, 'EXPIRED', 'too late to extend');
  });

  test('rule 12: extensions never make a code valid at or after issuedAt + 600 s', async () => {
    const r = await rig();
    const { session } = await r.session();
    const tx = await startSms(r, session);
    const code = await latestCode(r);
    const issuedAt = r.now;
    const maxLife = LIMITS.smsMaxLifeSeconds * 1000;
    // Extend every 100 s, then every second near the end: the end never reaches issuedAt + 600 s.
    while (r.now < issuedAt + maxLife - 1000) {
      r.advance(r.now < issuedAt + maxLife - 10_000 ? 100_000 : 1000);
      const answer = await phonePost(r, session, tx, 'extend');
      if (answer.status !== 200) break;
      assert.ok(r.now + answer.body.expiresIn * 1000 <= issuedAt + maxLife, `extended past 600 s at ${r.now - issuedAt} ms`);
    }
    r.advance(issuedAt + maxLife - r.now);
    const atLimit = await verifySms(r, session, tx, code);
    assert.equal(atLimit.body.error.code, 'EXPIRED');
    assert.equal((await phonePost(r, session, tx, 'extend')).body.error.code, 'EXPIRED');
  });

  test('extend: back to 180 s from now (never shorter), with the resend wait', async () => {
    const r = await rig();
    const { session } = await r.session();
    const tx = await startSms(r, session);
    r.advance(100_000);
    const extended = await phonePost(r, session, tx, 'extend');
    assert.equal(extended.status, 200);
    assert.deepEqual(extended.body, { expiresIn: 180, resendIn: 0 });
    r.advance(10_000);
    assert.equal((await phonePost(r, session, tx, 'extend')).body.expiresIn, 180);
    r.advance(179_000);
    assert.equal((await verifySms(r, session, tx, await latestCode(r))).status, 200, 'alive 289 s after issue');
  });

  test('rule 16: letters, wrong lengths, non-strings → INVALID_INPUT, attempts untouched', async () => {
    const r = await rig();
    const { session } = await r.session();
    const tx = await startSms(r, session);
    for (const code of ['12a456', '12345', '1234567', '', '１２３４５６', '123 456', 123456, null]) {
      const answer = await phonePost(r, session, tx, 'verify', { code });
      assert.equal(answer.status, 400, String(code));
      assert.equal(answer.body.error.code, 'INVALID_INPUT', String(code));
      assert.equal(answer.body.error.field, 'code');
    }
    const right = await latestCode(r);
    const wrong = await verifySms(r, session, tx, wrongOf(right));
    assert.equal(wrong.body.error.attemptsLeft, LIMITS.smsMaxFailures - 1, 'no attempt was spent before');
  });

  test('100 parallel wrong entries → exactly 5 judged; the rest EXPIRED unjudged', async () => {
    const r = await rig();
    const { session } = await r.session();
    const tx = await startSms(r, session);
    const wrong = wrongOf(await latestCode(r));
    const answers = await Promise.all(Array.from({ length: 100 }, () => verifySms(r, session, tx, wrong)));
    const codes = answers.map((a) => a.body.error.code);
    assert.equal(codes.filter((c) => c === 'INVALID_CODE').length, 5);
    assert.equal(codes.filter((c) => c === 'EXPIRED').length, 95);
  });

  test('verify on a PASS transaction, complete on an SMS one → INVALID_INPUT; unknown tx → NOT_FOUND', async () => {
    const r = await rig();
    const { session } = await r.session();
    const sms = await startSms(r, session);
    r.advance(GAP_MS);
    const app = await startSms(r, session, { method: 'app' });
    assert.equal((await verifySms(r, session, app, '123456')).body.error.field, 'tx');
    assert.equal((await phonePost(r, session, app, 'extend')).body.error.field, 'tx');
    assert.equal((await phonePost(r, session, sms, 'complete')).body.error.field, 'tx');
    for (const tx of ['nope', 'A'.repeat(22), '../config']) {
      assert.equal((await verifySms(r, session, encodeURIComponent(tx), '123456')).status, 404, tx);
    }
  });
});
