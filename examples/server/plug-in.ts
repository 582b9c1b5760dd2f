// Plugging in your own parts: where state lives (`store`), who checks mOTP codes (`motp`) and
// who runs the phone check (`phone`), and keys that outlive a restart. Instances behind a load
// balancer share all three: the store, the signing key and the hash key.
import { calculateJwkThumbprint, importJWK, type JWK } from 'jose';
import {
  createMemoryStore,
  createTotpProvider,
  createVerifyApp,
  type MotpProvider,
  type PhoneProvider,
  type SigningKey,
  type Store,
} from 'id-verify-server';

/** The parts an LMS chooses. */
export interface Parts {
  /** Sessions, attempts, locks, used codes: one store for every instance (any `Store`). */
  store: Store;
  /** Checks mOTP codes (any `MotpProvider`: one `verify()` method); `null` turns mOTP off. */
  motp: MotpProvider | null;
  /** Runs the phone check, PASS / QR / SMS (any `PhoneProvider`); `null` turns it off. */
  phone: PhoneProvider | null;
}

/**
 * Keys from the environment, so tokens signed before a restart (or by another instance) still
 * verify. IDV_SIGNING_JWK: an ES256 (P-256) private key as a JWK; IDV_HASH_KEY: 32 random bytes,
 * base64. Make them once, e.g. with `openssl rand -base64 32` and jose's `generateKeyPair`.
 */
export async function keysFromEnv(env: Record<string, string | undefined> = process.env) {
  const { kty, crv, x, y, d } = JSON.parse(env.IDV_SIGNING_JWK ?? '{}') as JWK;
  if (kty !== 'EC' || crv !== 'P-256' || !d) throw new Error('IDV_SIGNING_JWK must be an ES256 (P-256) private JWK');
  const hashKey = Buffer.from(env.IDV_HASH_KEY ?? '', 'base64');
  if (hashKey.length < 32) throw new Error('IDV_HASH_KEY must be at least 32 bytes, base64');
  const publicJwk = { kty, crv, x, y };
  const signingKey: SigningKey = {
    privateKey: (await importJWK({ kty, crv, x, y, d }, 'ES256')) as CryptoKey,
    publicJwk,
    kid: await calculateJwkThumbprint(publicJwk),
  };
  return { signingKey, hashKey };
}

/** The verification API with your parts and keys. */
export async function createVerifyServer(parts: Parts) {
  const { signingKey, hashKey } = await keysFromEnv();
  return createVerifyApp({
    issuer: 'https://lms.example.ac.kr/api',
    audience: 'my-lms',
    basePath: '/api',
    ...parts,
    signingKey,
    hashKey,
  });
}

/** The built-in parts: a memory store (one instance only) and self-hosted TOTP mOTP, no phone check. */
export function builtInParts(): Parts {
  const store = createMemoryStore();
  return { store, motp: createTotpProvider({ store }), phone: null };
}
