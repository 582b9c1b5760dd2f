/** mOTP codes: input validation (docs/security.md rule 16), the ±1 step window (13) and replay (7). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { call, config, rig, verifyMotp } from './helpers.js';

describe('mOTP code checks', () => {
  test('an accepted code is refused afterwards, and so is the previous step\'s code', async () => {
    const r = await rig();
    const { session } = await r.session();
    const current = await r.code();
    const previous = await r.code(-1);
    assert.equal((await verifyMotp(r.app, session, current)).status, 200);
    const again = await verifyMotp(r.app, session, current);
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'ALREADY_USED');
    const older = await verifyMotp(r.app, session, previous);
    assert.equal(older.body.error.code, 'ALREADY_USED');
    // Replays are not failures: no attempt was spent.
    assert.equal((await config(r.app, session)).body.motp.attemptsLeft, 5);
  });

  test('a replay from another session of the same learner is refused too', async () => {
    const r = await rig();
    const a = await r.session();
    const b = await r.session();
    const code = await r.code();
    assert.equal((await verifyMotp(r.app, a.session, code)).status, 200);
    assert.equal((await verifyMotp(r.app, b.session, code)).body.error.code, 'ALREADY_USED');
  });

  test('two parallel submissions of one code: one token, one ALREADY_USED', async () => {
    const r = await rig();
    const { session } = await r.session();
    const code = await r.code();
    const answers = await Promise.all([verifyMotp(r.app, session, code), verifyMotp(r.app, session, code)]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409]);
  });

  test('±1 step accepted (clock injected)', async () => {
    const r = await rig();
    const { session } = await r.session();
    assert.equal((await verifyMotp(r.app, session, await r.code(-1))).status, 200, 'previous step');
    assert.equal((await verifyMotp(r.app, session, await r.code(0))).status, 200, 'current step');
    assert.equal((await verifyMotp(r.app, session, await r.code(1))).status, 200, 'next step');
  });

  test('±2 steps refused as wrong codes', async () => {
    const r = await rig();
    const { session } = await r.session();
    const late = await verifyMotp(r.app, session, await r.code(-2));
    assert.equal(late.body.error.code, 'INVALID_CODE');
    const early = await verifyMotp(r.app, session, await r.code(2));
    assert.equal(early.body.error.code, 'INVALID_CODE');
    assert.equal(early.body.error.attemptsLeft, 3);
  });

  test('a code stays valid one step after its own and dies after that', async () => {
    const r = await rig();
    const a = await r.session({ subject: 'learner-a' });
    const b = await r.session({ subject: 'learner-b' });
    const code = await r.code();
    r.advance(60_000);
    assert.equal((await verifyMotp(r.app, a.session, code)).status, 200);
    r.advance(60_000);
    assert.equal((await verifyMotp(r.app, b.session, code)).body.error.code, 'INVALID_CODE');
  });

  test('letters or wrong lengths → INVALID_INPUT without costing an attempt', async () => {
    const r = await rig();
    const { session } = await r.session();
    for (const otp of ['12a456', '12345', '1234567', '', '12 456', '１２３４５６', 123456, null, ['123456']]) {
      const answer = await call(r.app, 'POST', '/v1/motp/verify', { bearer: session, body: { otp, phone: '010-1234-5678' } });
      assert.equal(answer.status, 400, String(otp));
      assert.equal(answer.body.error.code, 'INVALID_INPUT');
      assert.equal(answer.body.error.field, 'otp');
    }
    for (const phone of ['02-123-4567', '+1 555 0100', '', 1012345678, undefined]) {
      const answer = await call(r.app, 'POST', '/v1/motp/verify', { bearer: session, body: { otp: '123456', phone } });
      assert.equal(answer.status, 400);
      assert.equal(answer.body.error.field, 'phone');
    }
    assert.equal(r.verifyCalls, 0);
    assert.deepEqual((await config(r.app, session)).body.motp, { available: true, locked: false, attemptsLeft: 5 });
    // Any spelling of the member's phone is the same phone.
    const ok = await call(r.app, 'POST', '/v1/motp/verify', {
      bearer: session,
      body: { otp: await r.code(), phone: '+82 10 1234 5678' },
    });
    assert.equal(ok.status, 200);
  });

  test('the code is never taken from the URL', async () => {
    const r = await rig();
    const { session } = await r.session();
    const code = await r.code();
    const answer = await call(r.app, 'POST', `/v1/motp/verify?otp=${code}&phone=01012345678`, {
      bearer: session,
      body: {},
    });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.field, 'otp');
    assert.equal(r.verifyCalls, 0);
  });
});
