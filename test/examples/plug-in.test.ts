/**
 * The README's plug-in example (examples/server/plug-in.ts): an app built from the LMS's own
 * store and mOTP provider signs with the key from the environment, and a restarted instance
 * publishes the same key.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { calculateJwkThumbprint, decodeProtectedHeader, exportJWK, generateKeyPair, type JWK } from 'jose';
import { builtInParts, createVerifyServer, keysFromEnv } from '../../examples/server/plug-in.js';
import {
  createMemoryReplayGuard,
  createMemoryStore,
  verifyResultToken,
  type MotpProvider,
  type MotpVerifyInput,
  type Store,
} from '../../src/server/index.js';

const GOOD_CODE = '246810';

/** A store that counts the calls it gets, around the memory store. */
function countingStore(): { store: Store; calls: () => number } {
  const inner = createMemoryStore();
  let calls = 0;
  const store = new Proxy(inner, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (...args: unknown[]) => (calls++, value.apply(target, args)) : value;
    },
  });
  return { store, calls: () => calls };
}

describe('README: plugging in providers, a store and fixed keys', () => {
  let publicJwk: JWK;

  before(async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    process.env.IDV_SIGNING_JWK = JSON.stringify(await exportJWK(privateKey));
    process.env.IDV_HASH_KEY = randomBytes(32).toString('base64');
    publicJwk = await exportJWK(publicKey);
  });

  test('the app checks codes with the given provider, keeps state in the given store, signs with the key from the env', async () => {
    const checked: MotpVerifyInput[] = [];
    const motp: MotpProvider = {
      async verify(input) {
        checked.push(input);
        return input.otp === GOOD_CODE ? { valid: true, step: Math.floor(Date.now() / 60_000) } : { valid: false };
      },
    };
    const { store, calls } = countingStore();
    const verify = await createVerifyServer({ store, motp, phone: null });

    const { session, nonce } = await verify.createSession({ subject: 's-1', name: '홍길동', phone: '010-1234-5678', purpose: 'login' });
    const post = (otp: string) =>
      verify.fetch(
        new Request('https://lms.example.ac.kr/api/v1/motp/verify', {
          method: 'POST',
          headers: { Authorization: `Bearer ${session}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ otp, phone: '010-1234-5678' }),
        }),
      );
    assert.equal((await post('135790')).status, 400);
    const ok = await post(GOOD_CODE);
    assert.equal(ok.status, 200);
    const { token } = (await ok.json()) as { token: string };

    assert.deepEqual(
      checked.map((input) => [input.otp, input.phone, input.name, input.subject]),
      [
        ['135790', '01012345678', '홍길동', 's-1'],
        [GOOD_CODE, '01012345678', '홍길동', 's-1'],
      ],
    );
    assert.ok(calls() > 0, 'the app kept its state in the given store');

    const kid = await calculateJwkThumbprint(publicJwk);
    assert.equal(decodeProtectedHeader(token).kid, kid);
    // Verified against the public half of the env key alone, not the app's JWKS.
    const claims = await verifyResultToken(token, {
      jwks: { keys: [{ ...publicJwk, kid, alg: 'ES256' }] },
      issuer: 'https://lms.example.ac.kr/api',
      audience: 'my-lms',
      nonce,
      replay: createMemoryReplayGuard(),
    });
    assert.equal(claims.sub, 's-1');
  });

  test('a restarted instance publishes the same key; the built-in parts work too', async () => {
    const first = await createVerifyServer(builtInParts());
    const second = await createVerifyServer(builtInParts());
    assert.deepEqual(await second.jwks(), await first.jwks());
  });

  test('bad keys in the environment stop the start with a clear error', async () => {
    await assert.rejects(keysFromEnv({}), /IDV_SIGNING_JWK must be an ES256/);
    await assert.rejects(keysFromEnv({ IDV_SIGNING_JWK: process.env.IDV_SIGNING_JWK, IDV_HASH_KEY: 'c2hvcnQ=' }), /IDV_HASH_KEY must be at least 32 bytes/);
  });
});
