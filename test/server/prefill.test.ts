/**
 * Prefill (docs/security.md rule 31): the config shows the learner's name and the phone masked,
 * never the number in clear; `registeredPhone: true` names the session's phone, with the same
 * checks as a typed one.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { call, config, PHONE, rig } from './helpers.js';
import { captcha, inbox, latestCode, startBody, verifySms } from './phone-helpers.js';

const motp = (r: Awaited<ReturnType<typeof rig>>, bearer: string, body: Record<string, unknown>) =>
  call(r.app, 'POST', '/v1/motp/verify', { bearer, body });

describe('prefill', () => {
  test('prefill: the config names the learner and masks the phone; its digits appear nowhere in the answer', async () => {
    const r = await rig();
    const { session } = await r.app.createSession({ subject: 'learner-002', name: '김하나', phone: '010-2345-6789', purpose: 'login' });
    const answer = await config(r.app, session);
    assert.deepEqual(answer.body.learner, { name: '김하나', phone: '010-****-6789' });
    assert.doesNotMatch(answer.text, /2345/);
  });

  test('mOTP: registeredPhone: true is the session phone — the right code passes, a wrong one costs an attempt', async () => {
    const r = await rig();
    const { session } = await r.session();
    const wrong = await motp(r, session, { otp: await r.wrongCode(), registeredPhone: true });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.code, 'INVALID_CODE');
    assert.equal(wrong.body.error.attemptsLeft, 4);
    const right = await motp(r, session, { otp: await r.code(), registeredPhone: true });
    assert.equal(right.status, 200, right.text);
    assert.equal(right.body.method, 'motp');
  });

  test('mOTP: a typed phone is still checked against the member’s (MISMATCH)', async () => {
    const r = await rig();
    const { session } = await r.session();
    const answer = await motp(r, session, { otp: await r.code(), phone: '010-9999-0000' });
    assert.equal(answer.body.error.code, 'MISMATCH');
  });

  test('both kinds at once, or a marker that is not true → INVALID_INPUT on phone, nothing charged', async () => {
    const r = await rig();
    const { session } = await r.session();
    for (const body of [
      { otp: '000000', registeredPhone: true, phone: PHONE },
      { otp: '000000', registeredPhone: 'yes' },
      { otp: '000000', registeredPhone: false },
      { otp: '000000' },
    ]) {
      const answer = await motp(r, session, body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.deepEqual([answer.body.error.code, answer.body.error.field], ['INVALID_INPUT', 'phone']);
    }
    assert.equal((await config(r.app, session)).body.motp.attemptsLeft, 5);
  });

  test('phone start: registeredPhone: true sends the SMS to the session phone; the code then verifies', async () => {
    const r = await rig();
    const { session } = await r.session();
    const body = startBody(await captcha(r, session), { phone: undefined, registeredPhone: true });
    const started = await call(r.app, 'POST', '/v1/phone/start', { bearer: session, body });
    assert.equal(started.status, 200, started.text);
    assert.equal((await inbox(r)).length, 1);
    const verified = await verifySms(r, session, started.body.tx, await latestCode(r));
    assert.equal(verified.status, 200, verified.text);
    assert.equal(verified.body.method, 'sms');
  });

  test('phone start: both kinds at once → INVALID_INPUT on phone, nothing sent', async () => {
    const r = await rig();
    const { session } = await r.session();
    const body = startBody(await captcha(r, session), { registeredPhone: true });
    const answer = await call(r.app, 'POST', '/v1/phone/start', { bearer: session, body });
    assert.deepEqual([answer.status, answer.body.error.code, answer.body.error.field], [400, 'INVALID_INPUT', 'phone']);
    assert.equal((await inbox(r)).length, 0);
  });
});
