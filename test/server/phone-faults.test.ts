/** Network faults on the phone path: idempotent retries (docs/security.md rule 24), provider down or slow (docs/security.md rule 26). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  createMemoryStore,
  createSimulatorPhoneProvider,
  ProviderUnavailableError,
  type PhoneProvider,
} from '../../src/server/index.js';
import { call, PHONE, rig } from './helpers.js';
import { captcha, GAP_MS, inbox, latestCode, phonePost, start, startBody, startSms, verifySms, wrongOf } from './phone-helpers.js';

const withKey = (key: string) => ({ headers: { 'Idempotency-Key': key } });

/** The simulator with switchable faults per call: `down` rejects, `hang` never answers. */
function faultyProvider() {
  const inner = createSimulatorPhoneProvider({ store: createMemoryStore() });
  const faults: Partial<Record<'start' | 'confirm' | 'resend' | 'status', 'down' | 'hang'>> = {};
  const calls = { start: 0, confirm: 0, resend: 0, status: 0 };
  const guard =
    <A extends unknown[], R>(name: keyof typeof calls, run: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      calls[name]++;
      if (faults[name] === 'down') return Promise.reject(new ProviderUnavailableError('carrier down', 4));
      if (faults[name] === 'hang') return new Promise<R>(() => {});
      return run(...args);
    };
  const provider: PhoneProvider & Pick<typeof inner, 'register' | 'inbox' | 'pending' | 'approve' | 'deny' | 'approveQr'> = {
    ...inner,
    start: guard('start', inner.start),
    confirm: guard('confirm', inner.confirm),
    resend: guard('resend', inner.resend),
    status: guard('status', inner.status),
  };
  return { provider, faults, calls };
}

describe('idempotent retries on the phone path', () => {
  test('verify: the same key twice → the same answer, one attempt charged', async () => {
    const r = await rig();
    const { session } = await r.session();
    const tx = await startSms(r, session);
    const wrong = wrongOf(await latestCode(r));
    const first = await verifySms(r, session, tx, wrong, withKey('v-1'));
    const second = await verifySms(r, session, tx, wrong, withKey('v-1'));
    assert.equal(first.body.error.attemptsLeft, 4);
    assert.equal(second.status, first.status);
    assert.equal(second.text, first.text);
    assert.equal((await verifySms(r, session, tx, wrong, withKey('v-2'))).body.error.attemptsLeft, 3);
    const right = await latestCode(r);
    const twice = () => verifySms(r, session, tx, right, withKey('v-3'));
    const [a, b] = await Promise.all([twice(), twice()]);
    assert.equal(a.status, 200);
    assert.equal(b.text, a.text, 'a retried success gets the same token, not ALREADY_USED');
  });

  test('start: the same key twice → one SMS, the same transaction', async () => {
    const r = await rig();
    const { session } = await r.session();
    const body = startBody(await captcha(r, session));
    const first = await call(r.app, 'POST', '/v1/phone/start', { bearer: session, body, ...withKey('s-1') });
    const again = await call(r.app, 'POST', '/v1/phone/start', { bearer: session, body, ...withKey('s-1') });
    assert.equal(first.status, 200);
    assert.equal(again.text, first.text);
    assert.equal((await inbox(r)).length, 1);
  });

  test('resend: the same key twice → one new SMS; extend and complete accept retries too', async () => {
    const r = await rig();
    const { session } = await r.session();
    const tx = await startSms(r, session);
    r.advance(GAP_MS);
    const first = await phonePost(r, session, tx, 'resend', undefined, withKey('r-1'));
    const again = await phonePost(r, session, tx, 'resend', undefined, withKey('r-1'));
    assert.equal(first.status, 200);
    assert.equal(again.text, first.text);
    assert.equal((await inbox(r)).length, 2);
    const extended = await phonePost(r, session, tx, 'extend', {}, withKey('e-1'));
    assert.equal((await phonePost(r, session, tx, 'extend', {}, withKey('e-1'))).text, extended.text);
  });
});

describe('provider down or slow', () => {
  test('start: down → 503 with Retry-After, nothing sent, nothing counted; the retry goes through', async () => {
    const { provider, faults } = faultyProvider();
    const r = await rig({ phone: provider });
    const { session } = await r.session();
    faults.start = 'down';
    const body = startBody(await captcha(r, session));
    const failed = await call(r.app, 'POST', '/v1/phone/start', { bearer: session, body, ...withKey('k') });
    assert.equal(failed.status, 503);
    assert.equal(failed.body.error.code, 'UPSTREAM_UNAVAILABLE');
    assert.equal(failed.headers.get('Retry-After'), '4');
    assert.equal(failed.body.tx, undefined);
    assert.deepEqual(await provider.inbox(PHONE), []);
    delete faults.start;
    // The client's same-key retry: no 30 s wait (nothing was counted) and no new captcha (the
    // failure was the server's, not the learner's).
    const retried = await call(r.app, 'POST', '/v1/phone/start', { bearer: session, body, ...withKey('k') });
    assert.equal(retried.status, 200, retried.text);
    assert.equal((await provider.inbox(PHONE)).length, 1);
    r.advance(GAP_MS);
    const reused = await call(r.app, 'POST', '/v1/phone/start', { bearer: session, body });
    assert.equal(reused.body.error.code, 'CAPTCHA_FAILED', 'the pass was good for one send');
    const other = await r.session();
    faults.start = 'down';
    const solved = startBody(await captcha(r, other.session));
    await call(r.app, 'POST', '/v1/phone/start', { bearer: other.session, body: solved });
    delete faults.start;
    const elsewhere = await call(r.app, 'POST', '/v1/phone/start', { bearer: session, body: solved });
    assert.equal(elsewhere.body.error.code, 'CAPTCHA_FAILED', 'the pass belongs to the session that solved it');
  });

  test('verify: down → 503, no token, no attempt consumed; slow → 503 after the deadline', async () => {
    const { provider, faults, calls } = faultyProvider();
    const r = await rig({ phone: provider, providerTimeoutMs: 50 });
    const { session } = await r.session();
    const tx = await startSms(r, session);
    const code = (/\[(\d{6})\]/.exec((await provider.inbox(PHONE)).at(-1)!.text) ?? [])[1]!;
    faults.confirm = 'down';
    const down = await verifySms(r, session, tx, code, withKey('same'));
    assert.equal(down.status, 503);
    assert.equal(down.body.token, undefined);
    assert.ok(Number(down.headers.get('Retry-After')) > 0);
    faults.confirm = 'hang';
    const slow = await verifySms(r, session, tx, code);
    assert.equal(slow.status, 503);
    assert.equal(slow.body.error.code, 'UPSTREAM_UNAVAILABLE');
    assert.equal(calls.confirm, 2);
    delete faults.confirm;
    assert.equal((await verifySms(r, session, tx, wrongOf(code))).body.error.attemptsLeft, 4, 'the failed tries cost nothing');
    // A 503 is not kept for its key: the client's same-key retry runs again, and now succeeds.
    const retried = await verifySms(r, session, tx, code, withKey('same'));
    assert.equal(retried.status, 200);
    assert.equal(typeof retried.body.token, 'string');
  });

  test('resend: down → 503 and the 30 s gap is given back', async () => {
    const { provider, faults } = faultyProvider();
    const r = await rig({ phone: provider });
    const { session } = await r.session();
    const tx = await startSms(r, session);
    r.advance(GAP_MS);
    faults.resend = 'down';
    assert.equal((await phonePost(r, session, tx, 'resend')).status, 503);
    delete faults.resend;
    assert.equal((await phonePost(r, session, tx, 'resend')).status, 200);
    assert.equal((await provider.inbox(PHONE)).length, 2);
  });

  test('complete and status: provider down or slow → 503, no token; the approval still counts afterwards', async () => {
    const { provider, faults } = faultyProvider();
    const r = await rig({ phone: provider, providerTimeoutMs: 50 });
    const { session } = await r.session();
    const started = await start(r, session, { method: 'app' });
    await provider.approve(started.body.tx);
    faults.status = 'down';
    const down = await phonePost(r, session, started.body.tx, 'complete');
    assert.equal(down.status, 503);
    assert.equal(down.body.token, undefined);
    assert.equal((await call(r.app, 'GET', `/v1/phone/${started.body.tx}`, { bearer: session })).status, 503);
    faults.status = 'hang';
    assert.equal((await phonePost(r, session, started.body.tx, 'complete')).status, 503);
    delete faults.status;
    const done = await phonePost(r, session, started.body.tx, 'complete');
    assert.equal(done.status, 200);
    assert.equal(done.body.method, 'app');
  });
});
