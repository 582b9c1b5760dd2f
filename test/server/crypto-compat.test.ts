/**
 * In Node the server's crypto runs on `node:crypto`; in a browser page on Web Crypto. Both must
 * give the same bytes, so a value sealed by one opens with the other and a store key hashed by
 * one is found by the other. These tests compute the Web Crypto side by hand.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createKeyedHasher, fromBase64Url, open, seal, toBase64Url } from '../../src/server/crypto.js';

const encoder = new TextEncoder();
const subtle = globalThis.crypto.subtle;

/** The AES-GCM key Web Crypto derives from `secret` under `info` (HKDF-SHA-256, empty salt). */
async function webKey(secret: string, info: string) {
  const base = await subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(info) },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

describe('crypto: the Node path and Web Crypto agree', () => {
  test('what Web Crypto sealed opens here, and what is sealed here opens with Web Crypto', async () => {
    const key = await webKey('bearer-secret', 'id-verify/test');
    const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
    const value = { name: '홍길동', phone: '01012345678' };
    const ct = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(JSON.stringify(value))));
    assert.deepEqual(await open('bearer-secret', 'id-verify/test', { iv: toBase64Url(iv), ct: toBase64Url(ct) }), value);

    const sealed = await seal('bearer-secret', 'id-verify/test', value);
    const plain = await subtle.decrypt({ name: 'AES-GCM', iv: fromBase64Url(sealed.iv) }, key, fromBase64Url(sealed.ct));
    assert.deepEqual(JSON.parse(new TextDecoder().decode(plain)), value);
  });

  test('a sealed value opens only with the same secret and info, and not once tampered with', async () => {
    const sealed = await seal('s1', 'info', { a: 1 });
    await assert.rejects(open('s2', 'info', sealed));
    await assert.rejects(open('s1', 'other', sealed));
    const body = fromBase64Url(sealed.ct);
    body[0] ^= 1;
    await assert.rejects(open('s1', 'info', { iv: sealed.iv, ct: toBase64Url(body) }));
    await assert.rejects(open('s1', 'info', { iv: sealed.iv, ct: 'AAAA' }));
  });

  test('the keyed hash is HMAC-SHA-256 of label NUL value, as Web Crypto computes it', async () => {
    const material = new Uint8Array(32).fill(9);
    const key = await subtle.importKey('raw', material, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const mac = new Uint8Array(await subtle.sign('HMAC', key, encoder.encode('phone-line\u000001012345678')));
    assert.equal(await createKeyedHasher(material)('phone-line', '01012345678'), toBase64Url(mac));
  });

  test('base64url round-trips every byte and refuses other alphabets', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    assert.deepEqual(fromBase64Url(toBase64Url(all)), all);
    assert.equal(toBase64Url(new Uint8Array([251, 255])), '-_8');
    assert.throws(() => fromBase64Url('a+b/'), TypeError);
    assert.throws(() => fromBase64Url('abc='), TypeError);
  });
});
