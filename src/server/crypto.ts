/**
 * Crypto helpers shared by the server: random identifiers, keyed hashes for store keys, and
 * sealing of values that only the holder of a client-side secret (a session id, an idempotency
 * key) can open again.
 *
 * They run in Node and in a browser page (Storybook and the element tests run the server
 * in-page). In Node the hot ones — HMAC, HKDF, AES-GCM, base64url — go through `node:crypto`
 * and `Buffer`, synchronously: Node's Web Crypto hands every operation to a worker thread and
 * back, which cost more than the rest of a request together. Both paths produce the same bytes
 * (HMAC-SHA-256; HKDF-SHA-256 with an empty salt; AES-256-GCM with a 96-bit nonce and the
 * 16-byte tag after the ciphertext), so what one sealed the other opens.
 */
import type * as NodeCrypto from 'node:crypto';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * `node:crypto` when running in Node, read through `process.getBuiltinModule` so that browser
 * bundles see no import of it; `undefined` in a browser.
 */
const node = (
  globalThis as { process?: { getBuiltinModule?: (id: 'node:crypto') => typeof NodeCrypto } }
).process?.getBuiltinModule?.('node:crypto');

/** Node's Buffer, when present. */
const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Encodes bytes as unpadded base64url. */
export function toBase64Url(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes unpadded base64url; throws on anything else. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!BASE64URL.test(text)) throw new TypeError('Not base64url');
  if (NodeBuffer) return Uint8Array.from(NodeBuffer.from(text, 'base64url'));
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

/** `length` bytes from the platform CSPRNG. */
export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** A random base64url string carrying `bytes` bytes of entropy. */
export function randomToken(bytes: number): string {
  return toBase64Url(randomBytes(bytes));
}

/**
 * Keyed hash (HMAC-SHA-256, base64url) of `value` under a purpose `label`. Store keys are built
 * from it so that a store dump shows neither phones nor bearer sessions, and a guessable value
 * (a phone number, a six-digit code) cannot be recovered from it without the key.
 */
export type KeyedHasher = (label: string, value: string) => Promise<string>;

/** Creates a {@link KeyedHasher} over `key` (at least 32 bytes recommended). */
export function createKeyedHasher(key: Uint8Array): KeyedHasher {
  const material = Uint8Array.from(key);
  if (node) {
    const nodeKey = node.createSecretKey(material);
    return async (label, value) => node.createHmac('sha256', nodeKey).update(`${label}\u0000${value}`).digest('base64url');
  }
  let imported: Promise<CryptoKey> | undefined;
  return async (label, value) => {
    imported ??= globalThis.crypto.subtle.importKey('raw', material, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    const mac = await globalThis.crypto.subtle.sign('HMAC', await imported, encoder.encode(`${label}\u0000${value}`));
    return toBase64Url(new Uint8Array(mac));
  };
}

/** A value sealed with AES-GCM: what the store holds instead of the plaintext. */
export interface Sealed {
  /** 96-bit nonce, base64url. */
  iv: string;
  /** Ciphertext with its tag, base64url. */
  ct: string;
}

/** An AES-256-GCM key from {@link sealingKey}: Node's key object, or a Web Crypto key in a browser. */
export type SealingKey = NodeCrypto.KeyObject | CryptoKey;

/** Bytes of the AES-GCM tag appended to the ciphertext (Web Crypto's default). */
const TAG_BYTES = 16;

/**
 * The AES-GCM key that {@link seal} derives from `secret` (HKDF-SHA-256 under `info`); for
 * callers that keep it to seal and open several times without deriving it again.
 */
export async function sealingKey(secret: string, info: string): Promise<SealingKey> {
  if (node) {
    const raw = node.hkdfSync('sha256', encoder.encode(secret), new Uint8Array(0), encoder.encode(info), 32);
    return node.createSecretKey(new Uint8Array(raw));
  }
  const base = await globalThis.crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey']);
  return globalThis.crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(info) },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** True for a key made by `node:crypto` (the Node path of {@link sealingKey}). */
const isNodeKey = (key: SealingKey): key is NodeCrypto.KeyObject => node !== undefined && key instanceof node.KeyObject;

/**
 * Encrypts `value` (JSON) under a key derived from `secret`, a high-entropy string the client
 * holds and the store never sees in clear. Whoever reads the store cannot open it.
 */
export async function seal(secret: string, info: string, value: unknown): Promise<Sealed> {
  return sealWith(await sealingKey(secret, info), value);
}

/** {@link seal} with a key from {@link sealingKey}. */
export async function sealWith(key: SealingKey, value: unknown): Promise<Sealed> {
  const iv = randomBytes(12);
  if (isNodeKey(key)) {
    const cipher = node!.createCipheriv('aes-256-gcm', key, iv);
    const body = NodeBuffer!.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return { iv: toBase64Url(iv), ct: body.toString('base64url') };
  }
  const ct = await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(JSON.stringify(value)));
  return { iv: toBase64Url(iv), ct: toBase64Url(new Uint8Array(ct)) };
}

/** Opens what {@link seal} produced with the same `secret` and `info`; throws when it does not match. */
export async function open<T>(secret: string, info: string, sealed: Sealed): Promise<T> {
  return openWith<T>(await sealingKey(secret, info), sealed);
}

/** {@link open} with a key from {@link sealingKey}. */
export async function openWith<T>(key: SealingKey, sealed: Sealed): Promise<T> {
  if (isNodeKey(key)) {
    const body = fromBase64Url(sealed.ct);
    if (body.length < TAG_BYTES) throw new TypeError('Sealed value too short');
    const decipher = node!.createDecipheriv('aes-256-gcm', key, fromBase64Url(sealed.iv));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    const plain = decipher.update(body.subarray(0, body.length - TAG_BYTES), undefined, 'utf8') + decipher.final('utf8');
    return JSON.parse(plain) as T;
  }
  const plain = await globalThis.crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64Url(sealed.iv) },
    key,
    fromBase64Url(sealed.ct),
  );
  return JSON.parse(decoder.decode(plain)) as T;
}

const UINT32_RANGE = 0x1_0000_0000;

/**
 * `length` decimal digits from the CSPRNG (leading zeros kept), drawn as one uniform number
 * below 10^length by rejection sampling: draws past the largest multiple of 10^length that
 * fits in 32 bits are redrawn, so no code is likelier than another (docs/security.md rule 9).
 */
export function randomNumericCode(length: number): string {
  if (!Number.isInteger(length) || length < 1 || length > 9) throw new RangeError('randomNumericCode: 1–9 digits');
  const range = 10 ** length;
  const limit = UINT32_RANGE - (UINT32_RANGE % range);
  const word = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(word);
    if (word[0]! < limit) return String(word[0]! % range).padStart(length, '0');
  }
}

/** String equality whose time depends only on the lengths (for comparing keyed hashes). */
export function timingSafeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}
