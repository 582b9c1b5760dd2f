/** mOTP lockout (docs/security.md rule 1–3): per learner, charge before compare, atomic, lifted by unlock. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createMemoryStore } from '../../src/server/index.js';
import { createMotpLock } from '../../src/server/policy/motp-lock.js';
import { config, rig, verifyMotp } from './helpers.js';

describe('mOTP lockout', () => {
  test('5 wrong codes then the correct one → LOCKED, no token', async () => {
    const r = await rig();
    const { session } = await r.session();
    const wrong = await r.wrongCode();
    for (let i = 1; i <= 5; i++) {
      const answer = await verifyMotp(r.app, session, wrong);
      assert.equal(answer.status, 400);
      assert.equal(answer.body.error.code, 'INVALID_CODE');
      assert.equal(answer.body.error.attemptsLeft, 5 - i);
    }
    const calls = r.verifyCalls;
    const locked = await verifyMotp(r.app, session, await r.code());
    assert.equal(locked.status, 423);
    assert.equal(locked.body.error.code, 'LOCKED');
    assert.equal(locked.body.token, undefined);
    assert.ok(Number(locked.headers.get('Retry-After')) > 0);
    assert.equal(locked.body.error.retryAfter, Number(locked.headers.get('Retry-After')));
    assert.equal(r.verifyCalls, calls, 'a locked attempt is never evaluated');
    const state = await config(r.app, session);
    assert.deepEqual(state.body.motp, { available: true, locked: true, attemptsLeft: 0 });
  });

  test('the lock holds for a new session of the same learner, not for another learner', async () => {
    const r = await rig();
    const first = await r.session();
    const wrong = await r.wrongCode();
    for (let i = 0; i < 5; i++) await verifyMotp(r.app, first.session, wrong);
    const second = await r.session();
    assert.equal((await verifyMotp(r.app, second.session, await r.code())).body.error.code, 'LOCKED');
    const other = await r.session({ subject: 'learner-002' });
    assert.equal((await verifyMotp(r.app, other.session, await r.code())).status, 200);
  });

  test('4 wrong from session A + 1 from session B locks: the counter belongs to the learner', async () => {
    const r = await rig();
    const a = await r.session();
    const b = await r.session();
    const wrong = await r.wrongCode();
    for (let i = 0; i < 4; i++) await verifyMotp(r.app, a.session, wrong);
    const fifth = await verifyMotp(r.app, b.session, wrong);
    assert.equal(fifth.body.error.code, 'INVALID_CODE');
    assert.equal(fifth.body.error.attemptsLeft, 0);
    assert.equal((await verifyMotp(r.app, a.session, await r.code())).body.error.code, 'LOCKED');
    assert.equal((await verifyMotp(r.app, b.session, await r.code())).body.error.code, 'LOCKED');
  });

  test('after unlockMotp a correct code works and the count resets', async () => {
    const r = await rig();
    const { session } = await r.session();
    const wrong = await r.wrongCode();
    for (let i = 0; i < 5; i++) await verifyMotp(r.app, session, wrong);
    assert.equal((await verifyMotp(r.app, session, await r.code())).body.error.code, 'LOCKED');
    await r.app.unlockMotp('learner-001');
    assert.deepEqual((await config(r.app, session)).body.motp, { available: true, locked: false, attemptsLeft: 5 });
    const ok = await verifyMotp(r.app, session, await r.code());
    assert.equal(ok.status, 200);
    assert.equal(typeof ok.body.token, 'string');
    assert.equal(ok.body.method, 'motp');
    assert.equal((await config(r.app, session)).body.motp.attemptsLeft, 5);
  });

  test('a success resets the count of earlier failures', async () => {
    const r = await rig();
    const { session } = await r.session();
    const wrong = await r.wrongCode();
    for (let i = 0; i < 3; i++) await verifyMotp(r.app, session, wrong);
    assert.equal((await verifyMotp(r.app, session, await r.code())).status, 200);
    r.advance(60_000);
    const next = await verifyMotp(r.app, session, await r.wrongCode());
    assert.equal(next.body.error.attemptsLeft, 4);
  });

  test('100 concurrent wrong guesses → exactly 5 evaluated: 5 INVALID_CODE, 95 refused unevaluated, then LOCKED', async () => {
    const r = await rig();
    const { session } = await r.session();
    const wrong = await r.wrongCode();
    const answers = await Promise.all(Array.from({ length: 100 }, () => verifyMotp(r.app, session, wrong)));
    const codes = answers.map((a) => a.body.error.code);
    assert.equal(codes.filter((c) => c === 'INVALID_CODE').length, 5);
    // Refused while the five were being checked (retry shortly), or after they failed (locked).
    assert.equal(codes.filter((c) => c === 'LOCKED' || c === 'RATE_LIMITED').length, 95);
    assert.equal(r.verifyCalls, 5);
    const left = answers.filter((a) => a.body.error.code === 'INVALID_CODE').map((a) => a.body.error.attemptsLeft);
    assert.deepEqual(left.sort(), [0, 1, 2, 3, 4]);
    for (const a of answers.filter((x) => x.status === 423 || x.status === 429)) assert.ok(a.headers.get('Retry-After'));
    const after = await verifyMotp(r.app, session, await r.code());
    assert.equal(after.body.error.code, 'LOCKED', 'even the right code, once the five failed');
    assert.equal(after.status, 423);
  });

  test('50 simultaneous submissions of one right code: one token, and nobody is told they are locked', async () => {
    const r = await rig();
    const { session } = await r.session();
    const code = await r.code();
    const answers = await Promise.all(Array.from({ length: 50 }, () => verifyMotp(r.app, session, code)));
    assert.equal(answers.filter((a) => a.status === 200).length, 1);
    const refused = answers.filter((a) => a.status !== 200).map((a) => a.body.error.code);
    assert.ok(!refused.includes('LOCKED'), `no LOCKED among ${refused.join(', ')}`);
    assert.deepEqual([...new Set(refused)].filter((c) => c !== 'ALREADY_USED' && c !== 'RATE_LIMITED'), []);
    for (const a of answers.filter((x) => x.status === 429)) assert.equal(a.headers.get('Retry-After'), '1');
    assert.deepEqual((await config(r.app, session)).body.motp, { available: true, locked: false, attemptsLeft: 5 });
  });

  test('MISMATCH (phone not the member\'s) costs no attempt and is never evaluated', async () => {
    const r = await rig();
    const { session } = await r.session();
    const answer = await verifyMotp(r.app, session, await r.code(), {
      body: { otp: await r.code(), phone: '010-9999-8888' },
    });
    assert.equal(answer.status, 403);
    assert.equal(answer.body.error.code, 'MISMATCH');
    assert.match(answer.body.error.message, /registered to the member/);
    assert.equal(r.verifyCalls, 0);
    assert.equal((await config(r.app, session)).body.motp.attemptsLeft, 5);
  });

  test('provider down → 503 UPSTREAM_UNAVAILABLE with Retry-After, charge refunded, no token', async () => {
    const { ProviderUnavailableError } = await import('../../src/server/index.js');
    const r = await rig();
    const { session } = await r.session();
    r.failWith = new ProviderUnavailableError('EMON down', 7);
    const answer = await verifyMotp(r.app, session, await r.code());
    assert.equal(answer.status, 503);
    assert.equal(answer.body.error.code, 'UPSTREAM_UNAVAILABLE');
    assert.equal(answer.headers.get('Retry-After'), '7');
    assert.equal(answer.body.error.retryAfter, 7);
    r.failWith = new Error('socket hang up');
    assert.equal((await verifyMotp(r.app, session, await r.code())).status, 503);
    assert.equal((await config(r.app, session)).body.motp.attemptsLeft, 5);
    r.failWith = undefined;
    assert.equal((await verifyMotp(r.app, session, await r.code())).status, 200);
  });

  test('mOTP not configured: config offers no mOTP and the route does not exist', async () => {
    const r = await rig({ motp: null });
    const { session } = await r.session();
    const state = await config(r.app, session);
    assert.deepEqual(state.body.methods, ['phone'], 'the phone check remains, as 대체인증');
    assert.equal(state.body.motp.available, false);
    assert.equal((await verifyMotp(r.app, session, '123456')).status, 404);
  });

  test('lockNow (the upstream says locked) locks at once, whatever the count; unlock lifts it as any lock', async () => {
    const lock = createMotpLock(createMemoryStore());
    assert.deepEqual(await lock.charge('a'), { allowed: true, attempt: 1 });
    assert.equal(await lock.fail('a'), 4);
    assert.deepEqual(await lock.charge('a'), { allowed: true, attempt: 2 }); // still being checked
    await lock.lockNow('a');
    assert.deepEqual(await lock.state('a'), { locked: true, attemptsLeft: 0 });
    assert.deepEqual(await lock.charge('a'), { allowed: false, locked: true });
    await lock.refund('a'); // the attempt in flight gives its slot back: still locked
    assert.deepEqual(await lock.charge('a'), { allowed: false, locked: true });
    assert.deepEqual(await lock.state('b'), { locked: false, attemptsLeft: 5 }, 'another learner is untouched');
    await lock.unlock('a');
    assert.deepEqual(await lock.state('a'), { locked: false, attemptsLeft: 5 });
    assert.deepEqual(await lock.charge('a'), { allowed: true, attempt: 1 });
  });
});
