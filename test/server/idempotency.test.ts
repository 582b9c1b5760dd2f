/** Idempotent retries (docs/security.md rule 24): same key → the first answer, one charge, one token. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { call, config, PHONE, rig, verifyMotp } from './helpers.js';

const withKey = (key: string) => ({ headers: { 'Idempotency-Key': key } });

describe('Idempotency-Key', () => {
  test('the same key twice → identical answers, one attempt charged', async () => {
    const r = await rig();
    const { session } = await r.session();
    const wrong = await r.wrongCode();
    const first = await verifyMotp(r.app, session, wrong, withKey('retry-1'));
    const second = await verifyMotp(r.app, session, wrong, withKey('retry-1'));
    assert.equal(first.status, 400);
    assert.equal(second.status, first.status);
    assert.equal(second.text, first.text);
    assert.equal(first.body.error.attemptsLeft, 4);
    assert.equal(r.verifyCalls, 1);
    assert.equal((await config(r.app, session)).body.motp.attemptsLeft, 4);
    // A new key is a new attempt.
    assert.equal((await verifyMotp(r.app, session, wrong, withKey('retry-2'))).body.error.attemptsLeft, 3);
  });

  test('concurrent duplicates wait for the first and get its answer', async () => {
    const r = await rig();
    const { session } = await r.session();
    const wrong = await r.wrongCode();
    const answers = await Promise.all(Array.from({ length: 10 }, () => verifyMotp(r.app, session, wrong, withKey('dup'))));
    assert.equal(new Set(answers.map((a) => a.text)).size, 1);
    assert.equal(answers[0]!.body.error.attemptsLeft, 4);
    assert.equal(r.verifyCalls, 1);
    assert.equal((await config(r.app, session)).body.motp.attemptsLeft, 4);
  });

  test('a retried success returns the same token instead of ALREADY_USED', async () => {
    const r = await rig();
    const { session } = await r.session();
    const code = await r.code();
    const [a, b] = await Promise.all([
      verifyMotp(r.app, session, code, withKey('ok-1')),
      verifyMotp(r.app, session, code, withKey('ok-1')),
    ]);
    assert.equal(a.status, 200);
    assert.equal(b.text, a.text);
    const later = await verifyMotp(r.app, session, code, withKey('ok-1'));
    assert.equal(later.body.token, a.body.token);
    assert.equal(r.verifyCalls, 1);
  });

  test('Retry-After is replayed with a stored LOCKED answer', async () => {
    const r = await rig();
    const { session } = await r.session();
    const wrong = await r.wrongCode();
    for (let i = 0; i < 5; i++) await verifyMotp(r.app, session, wrong);
    const first = await verifyMotp(r.app, session, wrong, withKey('locked'));
    const again = await verifyMotp(r.app, session, wrong, withKey('locked'));
    assert.equal(again.status, 423);
    assert.equal(again.headers.get('Retry-After'), first.headers.get('Retry-After'));
    assert.equal(again.text, first.text);
  });

  test('a 503 is not kept: the same-key retry runs again once the provider is back', async () => {
    const r = await rig();
    const { session } = await r.session();
    const code = await r.code();
    r.failWith = new Error('down');
    assert.equal((await verifyMotp(r.app, session, code, withKey('flaky'))).status, 503);
    r.failWith = undefined;
    const retry = await verifyMotp(r.app, session, code, withKey('flaky'));
    assert.equal(retry.status, 200);
    assert.equal((await config(r.app, session)).body.motp.attemptsLeft, 5);
  });

  test('keys are scoped to the session', async () => {
    const r = await rig();
    const a = await r.session();
    const b = await r.session();
    const wrong = await r.wrongCode();
    await verifyMotp(r.app, a.session, wrong, withKey('shared'));
    const other = await verifyMotp(r.app, b.session, wrong, withKey('shared'));
    assert.equal(other.body.error.attemptsLeft, 3, 'ran again for the other session');
  });

  test('expires after 10 minutes', async () => {
    const r = await rig();
    const { session } = await r.session();
    const wrong = await r.wrongCode();
    await verifyMotp(r.app, session, wrong, withKey('old'));
    r.advance(10 * 60_000 + 1);
    const after = await verifyMotp(r.app, session, await r.wrongCode(), withKey('old'));
    assert.equal(after.body.error.attemptsLeft, 3);
  });

  test('a key over 100 characters, empty, or reused with another body → 400', async () => {
    const r = await rig();
    const { session } = await r.session();
    const wrong = await r.wrongCode();
    const long = await verifyMotp(r.app, session, wrong, withKey('k'.repeat(101)));
    assert.equal(long.status, 400);
    assert.equal(long.body.error.field, 'Idempotency-Key');
    assert.equal((await verifyMotp(r.app, session, wrong, withKey(''))).status, 400);
    assert.equal((await verifyMotp(r.app, session, wrong, withKey('k'.repeat(100)))).status, 400);
    assert.equal((await verifyMotp(r.app, session, wrong, withKey('k'.repeat(100)))).body.error.code, 'INVALID_CODE');
    const reused = await call(r.app, 'POST', '/v1/motp/verify', {
      bearer: session,
      body: { otp: '000001', phone: PHONE },
      ...withKey('k'.repeat(100)),
    });
    assert.equal(reused.status, 400);
    assert.equal(reused.body.error.field, 'Idempotency-Key');
    assert.equal((await config(r.app, session)).body.motp.attemptsLeft, 4);
  });

  test('stored answers are sealed: the store holds no token', async () => {
    const r = await rig();
    const { session } = await r.session();
    const ok = await verifyMotp(r.app, session, await r.code(), withKey('sealed'));
    const dump = JSON.stringify(await r.store.dump());
    assert.ok(!dump.includes(ok.body.token));
    assert.ok(!dump.includes(ok.body.token.split('.')[1]));
    assert.ok(!dump.includes(session));
  });
});
