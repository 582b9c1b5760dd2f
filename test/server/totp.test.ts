/** The TOTP mOTP provider: otplib configured per RFC 6238, 60 s steps, enrolment. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generate, verify } from 'otplib';
import { createMemoryStore, createTotpProvider, TOTP_OPTIONS } from '../../src/server/index.js';
import { call, PHONE, rig } from './helpers.js';

/** RFC 6238 Appendix B, SHA-1 rows: time (s) → 8-digit TOTP at a 30 s step. */
const RFC6238_SHA1: Array<[number, string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];
const RFC_SECRET = new TextEncoder().encode('12345678901234567890');

describe('TOTP configuration', () => {
  test('the provider options reproduce the RFC 6238 SHA-1 vectors (at the RFC\'s 30 s step)', async () => {
    assert.equal(TOTP_OPTIONS.algorithm, 'sha1');
    assert.equal(TOTP_OPTIONS.digits, 6);
    assert.equal(TOTP_OPTIONS.period, 60);
    assert.equal(TOTP_OPTIONS.epochTolerance, 60);
    for (const [epoch, expected] of RFC6238_SHA1) {
      const eight = await generate({ ...TOTP_OPTIONS, digits: 8, period: 30, secret: RFC_SECRET, epoch });
      assert.equal(eight, expected, `T=${epoch}`);
      // Six digits are the low six of the same value (HOTP truncation is modulo 10^digits).
      const six = await generate({ ...TOTP_OPTIONS, period: 30, secret: RFC_SECRET, epoch });
      assert.equal(six, expected.slice(2), `T=${epoch}`);
      const checked = await verify({ ...TOTP_OPTIONS, period: 30, epochTolerance: 0, secret: RFC_SECRET, token: six, epoch });
      assert.equal(checked.valid, true);
    }
  });

  test('at 60 s with the injected clock: step and ±1 step accepted, ±2 refused, matched step reported', async () => {
    let now = Date.UTC(2025, 0, 1, 0, 0, 30);
    const store = createMemoryStore({ clock: () => now });
    const provider = createTotpProvider({ store, clock: () => now, hashKey: new Uint8Array(32) });
    const secret = new URL(await provider.enroll(PHONE)).searchParams.get('secret')!;
    const step = Math.floor(now / 60_000);
    const input = { phone: '01012345678', name: 'n', subject: 's', purpose: 'login' as const };
    for (const offset of [-1, 0, 1]) {
      const otp = await generate({ ...TOTP_OPTIONS, secret, epoch: (step + offset) * 60 });
      assert.deepEqual(await provider.verify({ ...input, otp }), { valid: true, step: step + offset }, `offset ${offset}`);
    }
    for (const offset of [-2, 2]) {
      const otp = await generate({ ...TOTP_OPTIONS, secret, epoch: (step + offset) * 60 });
      assert.deepEqual(await provider.verify({ ...input, otp }), { valid: false }, `offset ${offset}`);
    }
    // The same code a minute later still matches its own step (now the previous one).
    const otp = await generate({ ...TOTP_OPTIONS, secret, epoch: step * 60 });
    now += 60_000;
    assert.deepEqual(await provider.verify({ ...input, otp }), { valid: true, step });
    now += 60_000;
    assert.deepEqual(await provider.verify({ ...input, otp }), { valid: false });
  });

  test('an unenrolled phone is a wrong code', async () => {
    const store = createMemoryStore();
    const provider = createTotpProvider({ store });
    const verdict = await provider.verify({ phone: '01099998888', name: 'n', otp: '123456', subject: 's', purpose: 'login' });
    assert.deepEqual(verdict, { valid: false });
  });
});

describe('mOTP enrolment (simulator)', () => {
  test('otpauth URI: masked label, issuer, 60 s period, 6 digits, 160-bit base32 secret', async () => {
    const r = await rig();
    const answer = await call(r.app, 'POST', '/v1/dev/motp/enroll', { body: { phone: '+82 10-1234-5678' } });
    assert.equal(answer.status, 200);
    const uri = new URL(answer.body.otpauth);
    assert.equal(uri.protocol, 'otpauth:');
    assert.equal(uri.host, 'totp');
    assert.equal(decodeURIComponent(uri.pathname), '/id-verify:010-****-5678');
    assert.equal(uri.searchParams.get('issuer'), 'id-verify');
    assert.equal(uri.searchParams.get('period'), '60');
    assert.ok([null, '6'].includes(uri.searchParams.get('digits')));
    assert.ok([null, 'SHA1'].includes(uri.searchParams.get('algorithm')));
    const secret = uri.searchParams.get('secret')!;
    assert.match(secret, /^[A-Z2-7]{32}$/, '20 bytes of base32');
    assert.ok(!answer.body.otpauth.includes('12345678'));
  });

  test('idempotent: the same phone always gets the same secret, another phone another', async () => {
    const r = await rig();
    const enroll = async (phone: string) =>
      (await call(r.app, 'POST', '/v1/dev/motp/enroll', { body: { phone } })).body.otpauth as string;
    const a = await enroll('010-1234-5678');
    assert.equal(await enroll('01012345678'), a);
    const concurrent = await Promise.all([enroll('010-2222-3333'), enroll('010-2222-3333'), enroll('01022223333')]);
    assert.equal(new Set(concurrent).size, 1);
    assert.notEqual(concurrent[0], a);
    assert.equal((await call(r.app, 'POST', '/v1/dev/motp/enroll', { body: { phone: '02-123-4567' } })).status, 400);
  });

  test('a dev session defaults to the demo learner and works with the enrolled secret', async () => {
    const r = await rig();
    const dev = await call(r.app, 'POST', '/v1/dev/session', { body: {} });
    assert.equal(dev.status, 200);
    assert.match(dev.body.session, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(typeof dev.body.nonce, 'string');
    const otpauth = (await call(r.app, 'POST', '/v1/dev/motp/enroll', { body: { phone: PHONE } })).body.otpauth;
    const secret = new URL(otpauth).searchParams.get('secret')!;
    const otp = await generate({ ...TOTP_OPTIONS, secret, epoch: Math.floor(r.now / 1000) });
    const ok = await call(r.app, 'POST', '/v1/motp/verify', { bearer: dev.body.session, body: { otp, phone: PHONE } });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.purpose, 'login');
  });

  test('dev session fields are validated', async () => {
    const r = await rig();
    for (const [body, field] of [
      [{ purpose: 'coffee' }, 'purpose'],
      [{ phone: '02-123-4567' }, 'phone'],
      [{ subject: 7 }, 'subject'],
      [{ name: '' }, 'name'],
      [{ birth: '900101-1234567' }, 'birth'],
    ] as const) {
      const answer = await call(r.app, 'POST', '/v1/dev/session', { body });
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.equal(answer.body.error.field, field);
    }
  });
});
