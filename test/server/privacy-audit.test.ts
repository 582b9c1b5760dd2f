/** Audit trail and privacy (docs/security.md rule 19): one record per attempt, no PII anywhere. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { call, PHONE, rig, verifyMotp } from './helpers.js';

describe('audit and privacy', () => {
  test('one audit record per attempt, with subject, purpose, method, result and attempt', async () => {
    const r = await rig();
    const { session } = await r.session({ purpose: 'exam' });
    const wrong = await r.wrongCode();
    await verifyMotp(r.app, session, wrong);
    await verifyMotp(r.app, session, wrong);
    await call(r.app, 'POST', '/v1/motp/verify', { bearer: session, body: { otp: wrong, phone: '010-5555-6666' } });
    await verifyMotp(r.app, session, await r.code());
    await verifyMotp(r.app, session, await r.code());
    // Malformed input is not an attempt.
    await verifyMotp(r.app, session, 'abcdef');
    const log = r.app.auditLog();
    assert.deepEqual(
      log.map((record) => record.result),
      ['INVALID_CODE', 'INVALID_CODE', 'MISMATCH', 'success', 'ALREADY_USED'],
    );
    assert.deepEqual(
      log.map((record) => record.attempt),
      [1, 2, undefined, 3, 1],
    );
    for (const record of log) {
      assert.equal(record.subject, 'learner-001');
      assert.equal(record.purpose, 'exam');
      assert.equal(record.method, 'motp');
      assert.equal(record.at, r.now);
    }
    assert.match(log[3]!.providerRef!, /^step:\d+$/);
  });

  test('a custom audit sink receives the records', async () => {
    const { createMemoryAuditSink } = await import('../../src/server/index.js');
    const sink = createMemoryAuditSink();
    const r = await rig({ audit: sink });
    const { session } = await r.session();
    await verifyMotp(r.app, session, await r.code());
    assert.equal(sink.records().length, 1);
    assert.equal(r.app.auditLog().length, 0);
  });

  test('after a full run no store entry or audit record holds a phone, name, birth date, code or session', async () => {
    const r = await rig();
    const codes: string[] = [];
    const sessions: string[] = [];
    const dev = await call(r.app, 'POST', '/v1/dev/session', { body: {} });
    sessions.push(dev.body.session);
    await call(r.app, 'POST', '/v1/dev/motp/enroll', { body: { phone: PHONE } });
    const { session } = await r.session({ purpose: 'daily' });
    sessions.push(session);
    const wrong = await r.wrongCode();
    codes.push(wrong);
    await verifyMotp(r.app, session, wrong, { headers: { 'Idempotency-Key': 'w1' } });
    await call(r.app, 'POST', '/v1/motp/verify', { bearer: session, body: { otp: wrong, phone: '010-9876-5432' } });
    const good = await r.code();
    codes.push(good);
    const ok = await verifyMotp(r.app, session, good, { headers: { 'Idempotency-Key': 'g1' } });
    assert.equal(ok.status, 200);
    await verifyMotp(r.app, session, good);
    await call(r.app, 'GET', '/v1/config', { bearer: session });
    for (let i = 0; i < 5; i++) await verifyMotp(r.app, dev.body.session, wrong);
    await verifyMotp(r.app, dev.body.session, good);

    const everything = JSON.stringify(await r.store.dump()) + JSON.stringify(r.app.auditLog());
    const forbidden = [
      '01012345678',
      '010-1234-5678',
      '1012345678',
      '01098765432',
      '010-9876-5432',
      '홍길동',
      '\\ud64d', // 홍 escaped
      '900101',
      ...codes,
      ...sessions,
      ok.body.token,
    ];
    for (const value of forbidden) assert.ok(!everything.includes(value), `store or audit holds ${value}`);
    assert.ok(r.app.auditLog().length >= 9);
  });
});
