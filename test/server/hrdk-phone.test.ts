/**
 * HRD Korea and the phone check: the unlock path end to end (locked → phone check → user_reset
 * → mOTP accepted), the 대체인증 log, and what happens when either call fails.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { config, PHONE, verifyMotp } from './helpers.js';
import { AGENT_ID, hrdkRig, TEST_TIMEOUT_MS, type HrdkRig } from './hrdk-helpers.js';
import { GAP_MS, latestCode, startSms, verifySms } from './phone-helpers.js';

let r: HrdkRig;
afterEach(() => r?.close());

/** An SMS check of the demo learner, as the gate runs it; its transaction id and the verify answer. */
async function phoneCheck(bearer: string, purpose?: 'motp-unlock') {
  const tx = await startSms(r, bearer, purpose ? { purpose } : {});
  return { tx, answer: await verifySms(r, bearer, tx, await latestCode(r)) };
}

/** Five wrong codes: locked here, and (after five AP001) at the fake too. */
async function lockOut(bearer: string) {
  const wrong = await r.hrdkWrongCode();
  for (let i = 0; i < 5; i++) await verifyMotp(r.app, bearer, wrong);
  assert.equal((await config(r.app, bearer)).body.motp.locked, true);
  assert.equal(r.fake.isLocked(PHONE), true);
}

const reports = () => r.app.auditLog().filter((record) => record.stage === 'report');

describe('HRD Korea unlock by phone', () => {
  test('locked → phone check (motp-unlock) → user_reset with the check\'s transaction id → the right code accepted', async () => {
    r = await hrdkRig();
    const { session } = await r.hrdkSession('exam');
    await lockOut(session);

    r.advance(60_000);
    const { tx, answer } = await phoneCheck(session, 'motp-unlock');
    assert.equal(answer.status, 200);
    assert.equal(answer.body.purpose, 'motp-unlock');

    const resets = r.fake.received('reset');
    assert.equal(resets.length, 1);
    assert.match(resets[0]!.contentType, /^application\/x-www-form-urlencoded/);
    assert.deepEqual(resets[0]!.fields, {
      USER_NM: '홍길동',
      USER_TEL: '01012345678',
      AGTID: AGENT_ID,
      USRID: 'learner-001',
      M_RET: 'T',
      M_RETCD: '0000',
      M_TRNID: tx,
      M_TRNDT: '2025-03-10 12:01:00',
    });
    assert.equal(r.fake.isLocked(PHONE), false);
    assert.equal(r.fake.received('log').length, 0, 'an unlock is no 대체인증');
    assert.deepEqual(reports().map((record) => [record.result, record.providerRef, record.substitute]), [['success', tx, undefined]]);

    const ok = await verifyMotp(r.app, session, await r.hrdkCode());
    assert.equal(ok.status, 200);
    assert.equal(ok.body.purpose, 'exam');
  });

  test('user_reset fails: the phone check still succeeds; the reset is resent before the next code, which waits for it', async () => {
    r = await hrdkRig();
    const { session } = await r.hrdkSession('exam');
    await lockOut(session);
    r.fake.fail('reset', { status: 500 });

    const { tx, answer } = await phoneCheck(session, 'motp-unlock');
    assert.equal(answer.status, 200, 'the learner keeps the phone check');
    assert.ok(answer.body.token);
    assert.equal((await config(r.app, session)).body.motp.locked, false);
    assert.deepEqual(reports().map((record) => [record.result, record.providerRef]), [['UPSTREAM_UNAVAILABLE', tx]]);

    // Still failing: the code is not sent (HRD Korea would refuse it), nothing is charged.
    const accreditsBefore = r.fake.received('accredit').length;
    const waiting = await verifyMotp(r.app, session, await r.hrdkCode());
    assert.equal(waiting.status, 503);
    assert.equal(waiting.body.error.code, 'UPSTREAM_UNAVAILABLE');
    assert.equal(r.fake.received('accredit').length, accreditsBefore);
    assert.equal(r.fake.received('reset').length, 2);
    assert.equal((await config(r.app, session)).body.motp.attemptsLeft, 5);

    // Back: the kept reset goes first (same transaction), then the code.
    r.fake.fail('reset', null);
    const ok = await verifyMotp(r.app, session, await r.hrdkCode());
    assert.equal(ok.status, 200);
    const resets = r.fake.received('reset');
    assert.equal(resets.length, 3);
    assert.equal(resets[2]!.fields.M_TRNID, tx);
    // Sent once: the next attempt goes straight to the code.
    r.advance(60_000);
    assert.equal((await verifyMotp(r.app, session, await r.hrdkCode())).status, 200);
    assert.equal(r.fake.received('reset').length, 3);
  });
});

describe('HRD Korea 대체인증 log', () => {
  test('mOTP upstream down → phone check → the log received with m_Ret=T and the check\'s reference', async () => {
    r = await hrdkRig();
    const { session } = await r.hrdkSession('exam');
    r.fake.fail('accredit', 'hang');
    assert.equal((await verifyMotp(r.app, session, await r.hrdkCode())).status, 503);
    assert.equal((await config(r.app, session)).body.motp.available, false);

    r.advance(5_000);
    const { tx, answer } = await phoneCheck(session);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.purpose, 'exam');
    const logs = r.fake.received('log');
    assert.equal(logs.length, 1);
    assert.match(logs[0]!.contentType, /^application\/x-www-form-urlencoded/);
    assert.deepEqual(logs[0]!.fields, {
      AGTID: AGENT_ID,
      USRID: 'learner-001',
      COURSE_AGENT_PK: 'C-52',
      CLASS_AGENT_PK: '947,3',
      EVAL_CD: '02',
      EVAL_TYPE: '시험',
      CLASS_TME: '07',
      m_Ret: 'T',
      m_retCD: '0000',
      m_trnID: tx,
      m_trnDT: '2025-03-10 12:00:05',
    });
    assert.equal(r.fake.received('reset').length, 0);
    const check = r.app.auditLog().find((record) => record.stage === 'check' && record.result === 'success')!;
    assert.equal(check.substitute, true);
    assert.deepEqual(reports().map((record) => [record.result, record.providerRef, record.substitute]), [['success', tx, true]]);
  });

  test('the learner\'s choice: a phone check while mOTP works is a 대체인증 too', async () => {
    r = await hrdkRig();
    const { session } = await r.hrdkSession('progress-eval');
    const { answer } = await phoneCheck(session);
    assert.equal(answer.status, 200);
    const [log] = r.fake.received('log');
    assert.equal(log!.fields.EVAL_CD, '04');
    assert.equal(log!.fields.EVAL_TYPE, '진행평가');
    assert.equal(r.app.auditLog().find((record) => record.stage === 'check')!.substitute, true);
  });

  test('the log fails or hangs: the phone check still succeeds in time; the log is kept and sent with the next one', async () => {
    r = await hrdkRig();
    const { session } = await r.hrdkSession('daily');
    r.fake.fail('log', 'hang');
    const started = performance.now();
    const first = await phoneCheck(session);
    assert.equal(first.answer.status, 200);
    assert.ok(performance.now() - started < TEST_TIMEOUT_MS + 2000);
    assert.deepEqual(reports().map((record) => record.result), ['UPSTREAM_UNAVAILABLE']);

    r.fake.fail('log', { code: '102' });
    r.advance(GAP_MS);
    const second = await phoneCheck(session);
    assert.equal(second.answer.status, 200);
    // Down: only the new one was tried (one deadline at most), and both are kept.
    assert.deepEqual(r.fake.received('log').map((log) => log.fields.m_trnID), [first.tx, second.tx]);

    r.fake.fail('log', null);
    r.advance(GAP_MS);
    const third = await phoneCheck(session);
    assert.equal(third.answer.status, 200);
    assert.deepEqual(r.fake.received('log').map((log) => log.fields.m_trnID), [first.tx, second.tx, third.tx, first.tx, second.tx]);
    assert.deepEqual(reports().map((record) => record.result), ['UPSTREAM_UNAVAILABLE', 'UPSTREAM_UNAVAILABLE', 'success', 'success', 'success']);
    assert.equal((await r.store.dump()).filter(([key]) => key.startsWith('motp:pending')).length, 0, 'nothing left to send');
  });

  test('a phone check that matches another person reports nothing', async () => {
    r = await hrdkRig();
    const { session } = await r.hrdkSession('exam');
    await r.app.createSession({ subject: 'owner', name: '김철수', phone: '010-7777-0001', birth: '850505-2', purpose: 'login' });
    const tx = await startSms(r, session, { name: '김철수', phone: '010-7777-0001', birth: '850505-2' });
    const answer = await verifySms(r, session, tx, await latestCode(r, '010-7777-0001'));
    assert.equal(answer.body.error.code, 'MISMATCH');
    assert.equal(r.fake.received('log').length, 0);
    assert.equal(r.fake.received('reset').length, 0);
  });
});
