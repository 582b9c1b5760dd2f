/** Identity match, mOTP unlock by phone, 대체인증, and the config that offers the phone check. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CARRIERS, VERIFY_METHODS } from '../../src/protocol/index.js';
import { createSimulatorPhoneProvider, ProviderUnavailableError } from '../../src/server/index.js';
import { call, config, PHONE, rig, verifyMotp, type Rig } from './helpers.js';
import { GAP_MS, latestCode, phonePost, start, startSms, verifySms } from './phone-helpers.js';

/** Puts another subscriber's line into the simulator's directory (as their LMS session would). */
async function registerLine(r: Rig, name: string, phone: string, birth: string) {
  await r.app.createSession({ subject: `owner-${phone}`, name, phone, birth, purpose: 'login' });
}

/** Runs an SMS check for the demo learner's session with the typed fields; the verify answer. */
async function smsCheck(r: Rig, bearer: string, typed: { name?: string; phone?: string; birth?: string; purpose?: string }) {
  const tx = await startSms(r, bearer, typed);
  return verifySms(r, bearer, tx, await latestCode(r, typed.phone ?? PHONE));
}

describe('identity match', () => {
  test('another person verified (name differs) → 403 MISMATCH, clear message, no token, audited', async () => {
    const r = await rig();
    await registerLine(r, '김철수', '010-7777-0001', '850505-2');
    const { session } = await r.session();
    const answer = await smsCheck(r, session, { name: '김철수', phone: '010-7777-0001', birth: '850505-2' });
    assert.equal(answer.status, 403);
    assert.equal(answer.body.error.code, 'MISMATCH');
    assert.equal(answer.body.error.message, 'The verified person is not the member of this account');
    assert.equal(answer.body.token, undefined);
    const record = r.app.auditLog().at(-1)!;
    assert.equal(record.result, 'MISMATCH');
    assert.equal(record.method, 'sms');
    assert.equal(record.stage, 'check');
  });

  test('a namesake born on another day (birth differs) → MISMATCH', async () => {
    const r = await rig();
    await registerLine(r, '홍길동', '010-7777-0002', '950505-1');
    const { session } = await r.session();
    const answer = await smsCheck(r, session, { phone: '010-7777-0002', birth: '950505-1' });
    assert.equal(answer.body.error.code, 'MISMATCH');
  });

  test('PASS app approved by another person\'s phone → MISMATCH at completion', async () => {
    const r = await rig();
    await registerLine(r, '김철수', '010-7777-0003', '850505-2');
    const { session } = await r.session();
    const started = await start(r, session, { method: 'app', name: '김철수', phone: '010-7777-0003' });
    await call(r.app, 'POST', `/v1/dev/pass/${started.body.tx}/approve`, { body: {} });
    const done = await phonePost(r, session, started.body.tx, 'complete');
    assert.equal(done.status, 403);
    assert.equal(done.body.error.code, 'MISMATCH');
    assert.equal((await phonePost(r, session, started.body.tx, 'complete')).body.error.code, 'ALREADY_USED');
  });

  test('typed data the carrier cannot match never shows at start; it shows at completion', async () => {
    const r = await rig();
    const { session } = await r.session();
    const good = await start(r, session);
    r.advance(GAP_MS);
    const typo = await start(r, session, { name: '홍길순' });
    assert.equal(typo.status, good.status);
    assert.deepEqual(Object.keys(typo.body).sort(), Object.keys(good.body).sort());
    assert.equal((await verifySms(r, session, typo.body.tx, await latestCode(r))).body.error.code, 'MISMATCH');
    r.advance(GAP_MS);
    const wrongBirth = await smsCheck(r, session, { birth: '900102-1' });
    assert.equal(wrongBirth.body.error.code, 'MISMATCH');
  });

  test('names compare after Unicode normalisation, spacing and latin case', async () => {
    const r = await rig();
    const { session } = await r.app.createSession({
      subject: 'learner-latin',
      name: 'Hong  Gildong',
      phone: '010-7777-0004',
      birth: '900101-1',
      purpose: 'login',
    });
    const answer = await smsCheck(r, session, { name: 'hong gildong', phone: '010-7777-0004' });
    assert.equal(answer.status, 200);
  });
});

describe('mOTP unlock and 대체인증', () => {
  test('5 wrong mOTP codes lock; a phone check with purpose motp-unlock lifts it; the next right mOTP works', async () => {
    const r = await rig();
    const { session } = await r.session({ purpose: 'exam' });
    const wrong = await r.wrongCode();
    for (let i = 0; i < 5; i++) await verifyMotp(r.app, session, wrong);
    assert.equal((await verifyMotp(r.app, session, await r.code())).body.error.code, 'LOCKED');
    assert.equal((await config(r.app, session)).body.motp.locked, true);

    const unlocked = await smsCheck(r, session, { purpose: 'motp-unlock' });
    assert.equal(unlocked.status, 200);
    assert.equal(unlocked.body.purpose, 'motp-unlock', 'the token says what it is for');
    assert.deepEqual((await config(r.app, session)).body.motp, { available: true, locked: false, attemptsLeft: 5 });
    const record = r.app.auditLog().at(-1)!;
    assert.equal(record.purpose, 'motp-unlock');
    assert.equal(record.result, 'success');
    assert.equal(record.substitute, undefined);

    const ok = await verifyMotp(r.app, session, await r.code());
    assert.equal(ok.status, 200);
    assert.equal(ok.body.purpose, 'exam');
  });

  test('motp-unlock is refused while mOTP is not locked, and a mismatch unlocks nothing', async () => {
    const r = await rig();
    const { session } = await r.session();
    const refused = await start(r, session, { purpose: 'motp-unlock' });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.code, 'INVALID_INPUT');
    assert.equal(refused.body.error.field, 'purpose');

    const wrong = await r.wrongCode();
    for (let i = 0; i < 5; i++) await verifyMotp(r.app, session, wrong);
    await registerLine(r, '김철수', '010-7777-0005', '850505-2');
    const someoneElse = { name: '김철수', phone: '010-7777-0005', birth: '850505-2' };
    const mismatch = await smsCheck(r, session, { purpose: 'motp-unlock', ...someoneElse });
    assert.equal(mismatch.body.error.code, 'MISMATCH');
    assert.equal((await config(r.app, session)).body.motp.locked, true);
  });

  test('phone success while mOTP is off → audit substitute: true (대체인증)', async () => {
    const r = await rig({ motp: null });
    const { session } = await r.session();
    const state = await config(r.app, session);
    assert.equal(state.body.motp.available, false);
    assert.deepEqual(state.body.methods, ['phone']);
    assert.equal((await smsCheck(r, session, {})).status, 200);
    assert.equal(r.app.auditLog().at(-1)!.substitute, true);
  });

  test('mOTP provider down → config says unavailable, a phone success is 대체인증; back up → normal again', async () => {
    const r = await rig();
    const { session } = await r.session();
    assert.equal((await smsCheck(r, session, {})).status, 200);
    assert.equal(r.app.auditLog().at(-1)!.substitute, undefined, 'mOTP was fine');
    r.failWith = new ProviderUnavailableError('EMON down', 5);
    assert.equal((await verifyMotp(r.app, session, await r.code())).status, 503);
    assert.equal((await config(r.app, session)).body.motp.available, false);
    r.advance(GAP_MS);
    assert.equal((await smsCheck(r, session, {})).status, 200);
    assert.equal(r.app.auditLog().at(-1)!.substitute, true);
    r.failWith = undefined;
    r.advance(60_000);
    assert.equal((await config(r.app, session)).body.motp.available, true, 'the outage window passed');
  });
});

describe('config with and without a phone provider', () => {
  test('simulator on: phone offered with every carrier and method, captcha required', async () => {
    const r = await rig();
    const { session } = await r.session();
    const body = (await config(r.app, session)).body;
    assert.deepEqual(body.methods, [...VERIFY_METHODS]);
    assert.deepEqual(body.carriers, [...CARRIERS]);
    assert.deepEqual(body.phoneMethods, ['app', 'qr', 'sms']);
    assert.deepEqual(body.captcha, { required: true });
  });

  test('phone: null → no phone method, and the phone and captcha routes do not exist', async () => {
    const r = await rig({ phone: null });
    const { session } = await r.session();
    const body = (await config(r.app, session)).body;
    assert.deepEqual(body.methods, ['motp']);
    assert.deepEqual(body.phoneMethods, []);
    assert.deepEqual(body.carriers, []);
    assert.equal((await call(r.app, 'POST', '/v1/captcha', { bearer: session, body: {} })).status, 404);
    assert.equal((await call(r.app, 'POST', '/v1/phone/start', { bearer: session, body: {} })).status, 404);
  });

  test('simulator off: no phone by default; a phone provider passed in is offered, without dev routes', async () => {
    const off = await rig({ simulator: false });
    const { session } = await off.session();
    assert.deepEqual((await config(off.app, session)).body.methods, ['motp']);
    const given = await rig({ simulator: false, phone: createSimulatorPhoneProvider() });
    const mine = await given.session();
    assert.deepEqual((await config(given.app, mine.session)).body.methods, [...VERIFY_METHODS]);
    assert.equal((await call(given.app, 'POST', '/v1/dev/inbox', { body: { phone: PHONE } })).status, 404);
  });
});
