/** Signing keys of the result token and the public JWKS LMS servers verify it with. */
import { calculateJwkThumbprint, exportJWK, type JWK } from 'jose';

/** The key the server signs result tokens with. */
export interface SigningKey {
  /** ES256 (P-256) private key; may be non-extractable. */
  privateKey: CryptoKey;
  /** The matching public key as a JWK (its `kid` is taken from `kid`). */
  publicJwk: JWK;
  /** Key id written into every token header and the JWKS. */
  kid: string;
}

/**
 * Generates an ES256 key pair with a non-extractable private half (it never leaves the
 * process) and the RFC 7638 thumbprint as its key id.
 */
export async function generateSigningKey(): Promise<SigningKey> {
  const pair = await globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  const { kty, crv, x, y } = await exportJWK(pair.publicKey);
  const publicJwk: JWK = { kty, crv, x, y };
  const kid = await calculateJwkThumbprint(publicJwk);
  return { privateKey: pair.privateKey, publicJwk, kid };
}

/** Where the app gets its signing key: the configured one, or one generated once on first use. */
export interface KeyRing {
  /** The key to sign with now. */
  current(): Promise<SigningKey>;
  /** Public keys to publish at `/.well-known/jwks.json`. */
  jwks(): Promise<{ keys: JWK[] }>;
}

/** Creates a key ring around `configured`, generating an ES256 key lazily when absent. */
export function createKeyRing(configured?: SigningKey): KeyRing {
  let pending: Promise<SigningKey> | undefined = configured ? Promise.resolve(configured) : undefined;
  const current = () => (pending ??= generateSigningKey());
  return {
    current,
    async jwks() {
      const key = await current();
      const { kty, crv, x, y } = key.publicJwk;
      return { keys: [{ kty, crv, x, y, kid: key.kid, alg: 'ES256', use: 'sig' }] };
    },
  };
}
