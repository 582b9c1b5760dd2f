/** Result tokens (docs/security.md rule 15, 23, 29): what they hold and what `verifyResultToken()` refuses. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import {
  RESULT_TOKEN_CLAIMS,
  TokenVerificationError,
  createMemoryReplayGuard,
  generateSigningKey,
  verifyResultToken,
  type VerifyResultTokenOptions,
} from '../../src/server/index.js';
import { toBase64Url } from '../../src/server/crypto.js';
import { AUDIENCE, ISSUER, rig, verifyMotp, type Rig } from './helpers.js';

/** A fresh token from a real mOTP success, and the options an LMS would verify it with. */
async function issued(): Promise<{ r: Rig; token: string; options: VerifyResultTokenOptions }> {
  const r = await rig();
  const { session, nonce } = await r.session({ purpose: 'exam' });
  const answer = await verifyMotp(r.app, session, await r.code());
  assert.equal(answer.status, 200);
  const options: VerifyResultTokenOptions = {
    jwks: await r.app.jwks(),
    issuer: ISSUER,
    audience: AUDIENCE,
    nonce,
    replay: createMemoryReplayGuard({ clock: () => r.now }),
    clock: () => r.now,
  };
  return { r, token: answer.body.token, options };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof TokenVerificationError, String(error));
    return error.reason;
  }
  assert.fail('the token was accepted');
}

const encode = (value: unknown) => toBase64Url(new TextEncoder().encode(JSON.stringify(value)));

describe('result tokens', () => {
  test('a fresh token verifies and yields the typed claims', async () => {
    const { token, options, r } = await issued();
    const claims = await verifyResultToken(token, options);
    assert.equal(claims.sub, 'learner-001');
    assert.equal(claims.purpose, 'exam');
    assert.equal(claims.method, 'motp');
    assert.deepEqual(claims.amr, ['otp']);
    assert.equal(claims.iss, ISSUER);
    assert.equal(claims.aud, AUDIENCE);
    assert.equal(claims.nonce, options.nonce);
    assert.equal(claims.iat, Math.floor(r.now / 1000));
  });

  test('the claim set is exactly the allowed list, ES256 with a kid, and lives ≤ 120 s', async () => {
    const { token, r } = await issued();
    const payload = decodeJwt(token);
    assert.deepEqual(Object.keys(payload).sort(), [...RESULT_TOKEN_CLAIMS].sort());
    assert.deepEqual(
      [...RESULT_TOKEN_CLAIMS].sort(),
      ['amr', 'aud', 'exp', 'iat', 'iss', 'jti', 'method', 'nbf', 'nonce', 'purpose', 'sub'],
    );
    assert.ok(payload.exp! - payload.iat! <= 120);
    assert.ok(payload.exp! - payload.iat! > 0);
    assert.equal(payload.nbf, payload.iat);
    const header = decodeProtectedHeader(token);
    assert.equal(header.alg, 'ES256');
    assert.equal(header.kid, (await r.app.jwks()).keys[0]!.kid);
    // Nothing personal.
    const text = JSON.stringify(payload);
    for (const pii of ['홍길동', '01012345678', '5678', '900101']) assert.ok(!text.includes(pii), pii);
  });

  test('wrong audience and wrong issuer are refused', async () => {
    const { token, options } = await issued();
    assert.equal(await refusal(verifyResultToken(token, { ...options, audience: 'other-lms' })), 'BAD_AUDIENCE');
    assert.equal(await refusal(verifyResultToken(token, { ...options, issuer: 'https://evil.example' })), 'BAD_ISSUER');
  });

  test('wrong nonce is refused, and the refusal does not burn the jti', async () => {
    const { token, options } = await issued();
    assert.equal(await refusal(verifyResultToken(token, { ...options, nonce: 'another-session' })), 'BAD_NONCE');
    await verifyResultToken(token, options);
  });

  test('alg: none is refused', async () => {
    const { token, options } = await issued();
    const payload = decodeJwt(token);
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
    assert.equal(await refusal(verifyResultToken(unsigned, options)), 'BAD_ALGORITHM');
    const header = decodeProtectedHeader(token);
    const noneWithKid = `${encode({ alg: 'none', kid: header.kid })}.${encode(payload)}.`;
    assert.equal(await refusal(verifyResultToken(noneWithKid, options)), 'BAD_ALGORITHM');
  });

  test('HS256 signed with the public key as secret is refused', async () => {
    const { token, options } = await issued();
    const jwk = (options.jwks as { keys: Array<Record<string, string>> }).keys[0]!;
    const forged = await new SignJWT(decodeJwt(token))
      .setProtectedHeader({ alg: 'HS256', kid: jwk.kid! })
      .sign(new TextEncoder().encode(JSON.stringify(jwk)));
    assert.equal(await refusal(verifyResultToken(forged, options)), 'BAD_ALGORITHM');
  });

  test('a token signed by an unknown key is refused, with our kid or another', async () => {
    const { token, options } = await issued();
    const payload = decodeJwt(token);
    const stranger = await generateSigningKey();
    const ourKid = decodeProtectedHeader(token).kid!;
    const sameKid = await new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: ourKid }).sign(stranger.privateKey);
    assert.equal(await refusal(verifyResultToken(sameKid, options)), 'BAD_SIGNATURE');
    const otherKid = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'ES256', kid: stranger.kid })
      .sign(stranger.privateKey);
    assert.equal(await refusal(verifyResultToken(otherKid, options)), 'UNKNOWN_KEY');
  });

  test('a tampered payload is refused', async () => {
    const { token, options } = await issued();
    const [header, , signature] = token.split('.');
    const tampered = `${header}.${encode({ ...decodeJwt(token), sub: 'someone-else' })}.${signature}`;
    assert.equal(await refusal(verifyResultToken(tampered, options)), 'BAD_SIGNATURE');
  });

  test('expired after exp (clock injected), valid just before', async () => {
    const { token, options, r } = await issued();
    const exp = decodeJwt(token).exp! * 1000;
    assert.equal(await refusal(verifyResultToken(token, { ...options, clock: () => exp + 6_000 })), 'EXPIRED');
    assert.equal(
      await refusal(verifyResultToken(token, { ...options, clock: () => exp, clockToleranceSeconds: 0 })),
      'EXPIRED',
    );
    await verifyResultToken(token, { ...options, clock: () => r.now + 119_000 });
  });

  test('refused before nbf', async () => {
    const { token, options, r } = await issued();
    const early = { ...options, clock: () => r.now - 10_000 };
    assert.equal(await refusal(verifyResultToken(token, early)), 'NOT_YET_VALID');
  });

  test('a second use of the same jti is refused', async () => {
    const { token, options } = await issued();
    await verifyResultToken(token, options);
    assert.equal(await refusal(verifyResultToken(token, options)), 'REPLAYED');
  });

  test('a token lasting longer than 120 s is refused even when correctly signed', async () => {
    const key = await generateSigningKey();
    const jwks = { keys: [{ ...key.publicJwk, kid: key.kid, alg: 'ES256' }] };
    const now = 1_700_000_000;
    const long = await new SignJWT({ nonce: 'n', purpose: 'login', method: 'motp', amr: ['otp'] })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('s')
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .setJti('j')
      .sign(key.privateKey);
    const options = {
      jwks,
      issuer: ISSUER,
      audience: AUDIENCE,
      nonce: 'n',
      replay: createMemoryReplayGuard(),
      clock: () => now * 1000,
    };
    assert.equal(await refusal(verifyResultToken(long, options)), 'MALFORMED');
  });

  test('garbage is refused as MALFORMED', async () => {
    const { options } = await issued();
    for (const junk of ['', 'a.b.c', 'not a token', '...', 'eyJ.eyJ.eyJ']) {
      assert.equal(await refusal(verifyResultToken(junk, options)), 'MALFORMED', junk);
    }
  });

  test('the JWKS is served at the base path, with no-store', async () => {
    const r = await rig({ basePath: '/api' });
    const { call } = await import('./helpers.js');
    const answer = await call(r.app, 'GET', '/api/.well-known/jwks.json');
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, await r.app.jwks());
    assert.equal(answer.headers.get('Cache-Control'), 'no-store');
    assert.equal(answer.body.keys[0].d, undefined, 'no private part');
  });
});
