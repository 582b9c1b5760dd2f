/**
 * A configured set of signing keys shared by every instance: the first signs, all are
 * published, so tokens from any instance verify against any instance's JWKS, and a key being
 * rotated out keeps verifying what it signed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeProtectedHeader } from 'jose';
import { generateSigningJwk, importSigningKeys, SigningKeyError } from '../../src/server/index.js';
import { rig, verifyAsLms, verifyMotp, type Rig } from './helpers.js';

/** A result token from `r` for a fresh session, with the session's nonce. */
async function tokenFrom(r: Rig): Promise<{ token: string; nonce: string }> {
  const { session, nonce } = await r.session({ subject: `learner-${Math.random()}` });
  const answer = await verifyMotp(r.app, session, await r.code());
  assert.equal(answer.status, 200, answer.text);
  return { token: answer.body.token, nonce };
}

describe('configured signing keys', () => {
  test('two instances with one key set: a token from A verifies against B’s JWKS, signed by the first key', async () => {
    const [current, previous] = [await generateSigningJwk(), await generateSigningJwk()];
    const set = { keys: [current, previous] };
    const a = await rig({ signingKey: await importSigningKeys(set) });
    const b = await rig({ signingKey: await importSigningKeys(set) });
    const { token, nonce } = await tokenFrom(a);
    assert.equal(decodeProtectedHeader(token).kid, current.kid);
    const jwksB = await b.app.jwks();
    assert.deepEqual(
      jwksB.keys.map((key) => key.kid),
      [current.kid, previous.kid],
    );
    for (const key of jwksB.keys) assert.equal(key.d, undefined, 'no private part is published');
    const claims = await verifyAsLms(b, token, nonce);
    assert.equal(claims.method, 'motp');
  });

  test('rotation: a token signed with the old key still verifies once the new key signs', async () => {
    const [oldKey, newKey] = [await generateSigningJwk(), await generateSigningJwk()];
    const before = await rig({ signingKey: await importSigningKeys({ keys: [oldKey] }) });
    const { token, nonce } = await tokenFrom(before);
    const rotated = await rig({ signingKey: await importSigningKeys({ keys: [newKey, oldKey] }) });
    await verifyAsLms(rotated, token, nonce);
    const fresh = await tokenFrom(rotated);
    assert.equal(decodeProtectedHeader(fresh.token).kid, newKey.kid);
    // Once the old key leaves the set, its tokens no longer verify.
    const after = await rig({ signingKey: await importSigningKeys({ keys: [newKey] }) });
    await assert.rejects(verifyAsLms(after, token, nonce), /key/i);
  });

  test('a set that cannot be used is refused with the key’s place and the reason, never its content', async () => {
    const good = await generateSigningJwk();
    const { d: _private, ...publicOnly } = good;
    const cases: Array<[unknown, RegExp]> = [
      [{}, /JWK set/],
      [{ keys: [] }, /JWK set/],
      [null, /JWK set/],
      [{ keys: ['text'] }, /key 0 is not a JWK object/],
      [{ keys: [publicOnly] }, /key 0 is a public key/],
      [{ keys: [{ ...good, crv: 'P-384' }] }, /key 0 is not an ES256 key/],
      [{ keys: [{ kty: 'RSA', n: 'x', e: 'AQAB', d: 'y' }] }, /key 0 is not an ES256 key/],
      [{ keys: [{ ...good, alg: 'ES384' }] }, /only ES256/],
      [{ keys: [{ ...good, d: 'AAAA' }] }, /key 0 is not a valid P-256 private key/],
      [{ keys: [good, { ...(await generateSigningJwk()), kid: good.kid }] }, /key 1 repeats the kid/],
    ];
    for (const [set, reason] of cases) {
      const error = await importSigningKeys(set).then(
        () => assert.fail(`accepted ${JSON.stringify(set)}`),
        (e: unknown) => e,
      );
      assert.ok(error instanceof SigningKeyError, String(error));
      assert.match(error.message, reason);
      assert.ok(!error.message.includes(good.d!), 'the private key is never in a message');
    }
  });
});
