/** The mOTP attempt policy on its own: provider deadline and malformed verdicts. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createMemoryAuditSink, type MotpProvider } from '../../src/server/index.js';
import { createMotpLock } from '../../src/server/policy/motp-lock.js';
import { createMotpSteps } from '../../src/server/policy/motp-steps.js';
import { createMotpVerifier } from '../../src/server/policy/motp-verify.js';
import type { Session } from '../../src/server/sessions.js';
import { testStore } from './stores.js';

const PHONE_DIGITS = '01012345678';
const session: Session = {
  handle: 'h',
  subject: 'learner-001',
  purpose: 'login',
  nonce: 'n',
  personal: async () => ({ name: '홍길동', phone: PHONE_DIGITS }),
};

async function verifierWith(provider: MotpProvider) {
  const store = await testStore(() => 0);
  const lock = createMotpLock(store);
  const audit = createMemoryAuditSink();
  const verifier = createMotpVerifier({
    provider,
    lock,
    steps: createMotpSteps(store),
    audit,
    clock: () => 0,
    // Long enough for a busy machine to run a real verdict, short enough to wait out a hung one.
    providerTimeoutMs: 250,
  });
  return { verifier, lock, audit };
}

describe('mOTP verifier', () => {
  test('a provider that never answers ends as UPSTREAM_UNAVAILABLE with the attempt refunded', async () => {
    const { verifier, lock, audit } = await verifierWith({ verify: () => new Promise(() => {}) });
    const outcome = await verifier.verify(session, '123456', PHONE_DIGITS);
    assert.equal(outcome.result, 'UPSTREAM_UNAVAILABLE');
    assert.deepEqual(await lock.state(session.subject), { locked: false, attemptsLeft: 5 });
    assert.equal(audit.records()[0]!.result, 'UPSTREAM_UNAVAILABLE');
  });

  test('a "valid" verdict without a usable step is not trusted', async () => {
    const { verifier, lock } = await verifierWith({ verify: async () => ({ valid: true, step: Number.NaN }) });
    assert.equal((await verifier.verify(session, '123456', PHONE_DIGITS)).result, 'UPSTREAM_UNAVAILABLE');
    assert.equal((await lock.state(session.subject)).attemptsLeft, 5);
  });

  test('a provider reference is kept in the audit record', async () => {
    const { verifier, audit } = await verifierWith({ verify: async () => ({ valid: true, step: 7, providerRef: 'EMON-42' }) });
    assert.deepEqual(await verifier.verify(session, '123456', PHONE_DIGITS), { result: 'success', step: 7 });
    assert.equal(audit.records()[0]!.providerRef, 'EMON-42');
    assert.equal((await verifier.verify(session, '123456', PHONE_DIGITS)).result, 'ALREADY_USED');
  });
});
