/**
 * Signing keys of the result token and the public JWKS LMS servers verify it with. Instances
 * behind one load balancer share a configured set of private keys: the first signs, every one
 * is published, so a key being rotated out still verifies the tokens it signed.
 */
import { calculateJwkThumbprint, exportJWK, importJWK, type JWK } from 'jose';

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

/**
 * A new ES256 private key as a JWK (with its thumbprint as `kid`), for a configured key set:
 * `{ "keys": [ <this> ] }` is what `IDV_SIGNING_KEYS` holds. Keep it secret.
 */
export async function generateSigningJwk(): Promise<JWK> {
  const pair = await globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const { kty, crv, x, y, d } = await exportJWK(pair.privateKey);
  const kid = await calculateJwkThumbprint({ kty, crv, x, y } as JWK);
  return { kty, crv, x, y, d, kid, alg: 'ES256', use: 'sig' };
}

/** A configured key set that cannot be used; the message says which key and why, never the key. */
export class SigningKeyError extends TypeError {
  constructor(message: string) {
    super(message);
    this.name = 'SigningKeyError';
  }
}

/**
 * Imports a JSON Web Key Set of ES256 private keys (P-256, with `d`), in order: the first is
 * the one to sign with. The private halves are imported non-extractable. Each key's `kid` is
 * kept when given, otherwise its RFC 7638 thumbprint; two keys with one `kid` are refused.
 */
export async function importSigningKeys(jwks: unknown): Promise<SigningKey[]> {
  const list = (jwks as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list) || list.length === 0) throw new SigningKeyError('expected a JWK set: { "keys": [ … ] } with one key or more');
  const keys: SigningKey[] = [];
  for (const [index, entry] of list.entries()) {
    const jwk = entry as JWK;
    const where = `key ${index}`;
    if (typeof jwk !== 'object' || jwk === null) throw new SigningKeyError(`${where} is not a JWK object`);
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256') throw new SigningKeyError(`${where} is not an ES256 key (kty EC, crv P-256)`);
    if (jwk.alg !== undefined && jwk.alg !== 'ES256') throw new SigningKeyError(`${where} has alg ${jwk.alg}; only ES256 is used`);
    if (typeof jwk.d !== 'string') throw new SigningKeyError(`${where} is a public key; the set must hold private keys (with "d")`);
    const { kty, crv, x, y } = jwk;
    let privateKey: CryptoKey;
    try {
      privateKey = (await importJWK({ kty, crv, x, y, d: jwk.d }, 'ES256', { extractable: false })) as CryptoKey;
    } catch {
      throw new SigningKeyError(`${where} is not a valid P-256 private key`);
    }
    const publicJwk: JWK = { kty, crv, x, y };
    const kid = typeof jwk.kid === 'string' && jwk.kid !== '' ? jwk.kid : await calculateJwkThumbprint(publicJwk);
    if (keys.some((key) => key.kid === kid)) throw new SigningKeyError(`${where} repeats the kid ${kid}`);
    keys.push({ privateKey, publicJwk, kid });
  }
  return keys;
}

/** Where the app gets its signing key: the configured ones, or one generated once on first use. */
export interface KeyRing {
  /** The key to sign with now. */
  current(): Promise<SigningKey>;
  /** Public keys to publish at `/.well-known/jwks.json`: the current one first. */
  jwks(): Promise<{ keys: JWK[] }>;
}

/**
 * Creates a key ring: `configured[0]` signs and every configured key is published; with none,
 * an ES256 key is generated lazily (fine for one process, not for several).
 */
export function createKeyRing(configured?: SigningKey | readonly SigningKey[]): KeyRing {
  const given = configured === undefined ? [] : Array.isArray(configured) ? [...configured] : [configured as SigningKey];
  let all: Promise<SigningKey[]> | undefined = given.length > 0 ? Promise.resolve(given) : undefined;
  const keys = () => (all ??= generateSigningKey().then((key) => [key]));
  return {
    current: async () => (await keys())[0]!,
    async jwks() {
      return {
        keys: (await keys()).map(({ publicJwk: { kty, crv, x, y }, kid }) => ({ kty, crv, x, y, kid, alg: 'ES256', use: 'sig' })),
      };
    },
  };
}
