/** `GET /v1/config`: methods from the configured providers, mOTP standing, the daily rule. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CARRIERS, LIMITS, VERIFY_METHODS } from '../../src/protocol/index.js';
import { kstDate } from '../../src/server/index.js';
import { config, rig, verifyMotp } from './helpers.js';

const at = (iso: string) => Date.parse(iso);

describe('config', () => {
  test('answers the protocol shape for the session purpose', async () => {
    const r = await rig();
    const { session } = await r.session({ purpose: 'exam' });
    const answer = await config(r.app, session);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('Content-Type'), 'application/json; charset=utf-8');
    assert.deepEqual(answer.body, {
      version: 1,
      purpose: 'exam',
      required: true,
      methods: [...VERIFY_METHODS],
      carriers: [...CARRIERS],
      phoneMethods: ['app', 'qr', 'sms'],
      motp: { available: true, locked: false, attemptsLeft: 5 },
      timers: {
        motpStep: LIMITS.motpStepSeconds,
        smsCodeTtl: LIMITS.smsCodeTtlSeconds,
        smsMaxLife: LIMITS.smsMaxLifeSeconds,
        resendCooldown: LIMITS.smsResendCooldownSeconds,
      },
      captcha: { required: true },
      serverTime: r.now,
      learner: { name: '홍길동', phone: '010-****-5678' },
    });
  });

  test('KST dates turn at 15:00 UTC', () => {
    assert.equal(kstDate(at('2025-03-10T14:59:59.999Z')), '2025-03-10');
    assert.equal(kstDate(at('2025-03-10T15:00:00.000Z')), '2025-03-11');
    assert.equal(kstDate(at('2025-12-31T15:00:00.000Z')), '2026-01-01');
  });

  test('daily: required before, not after a success the same KST day, required again the next day', async () => {
    const r = await rig();
    r.advance(at('2025-03-10T14:50:00Z') - r.now); // 23:50 KST
    const { session } = await r.session({ purpose: 'daily' });
    assert.equal((await config(r.app, session)).body.required, true);
    assert.equal((await verifyMotp(r.app, session, await r.code())).status, 200);
    assert.equal((await config(r.app, session)).body.required, false);
    assert.equal((await config(r.app, session, 'daily')).body.required, false);
    r.advance(at('2025-03-10T14:59:59Z') - r.now);
    assert.equal((await config(r.app, session)).body.required, false, 'still the same KST day');
    r.advance(1_000); // 15:00:00 UTC = 00:00 KST the next day
    assert.equal((await config(r.app, session)).body.required, true);
  });

  test('daily is per learner, and other purposes are always required', async () => {
    const r = await rig();
    const daily = await r.session({ purpose: 'daily' });
    await verifyMotp(r.app, daily.session, await r.code());
    assert.equal((await config(r.app, daily.session)).body.required, false);
    const other = await r.session({ subject: 'learner-002', purpose: 'daily' });
    assert.equal((await config(r.app, other.session)).body.required, true);
    for (const purpose of ['login', 'exam', 'assignment', 'enroll']) {
      assert.equal((await config(r.app, daily.session, purpose)).body.required, true, purpose);
    }
    const exam = await r.session({ purpose: 'exam' });
    r.advance(60_000);
    await verifyMotp(r.app, exam.session, await r.code());
    assert.equal((await config(r.app, exam.session)).body.required, true);
  });
});
