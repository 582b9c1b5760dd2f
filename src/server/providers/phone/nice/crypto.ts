/**
 * NICE 본인확인 통합형's symmetric crypto, as documented for integrators: from the request
 * time, the request number and the crypto token's `token_val`,
 *
 *   seed = base64(sha256(req_dtim + req_no + token_val))
 *   AES-128-CBC key = seed's first 16 characters, IV = its last 16, HMAC key = its first 32
 *
 * the request is `enc_data = base64(AES(JSON))` with `integrity_value =
 * base64(HMAC-SHA256(enc_data))`, and the result NICE posts back is sealed the same way, its
 * plaintext in EUC-KR. The same functions serve the adapter and the test fake.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, timingSafeEqual } from 'node:crypto';
import iconv from 'iconv-lite';

/** The keys of one crypto token. */
export interface NiceKeys {
  /** AES-128 key (16 bytes). */
  key: string;
  /** AES-CBC IV (16 bytes). */
  iv: string;
  /** HMAC-SHA256 key (32 bytes). */
  hmacKey: string;
}

/** A sealed message: what travels in the form fields. */
export interface NiceSealed {
  /** base64 of the AES-128-CBC ciphertext. */
  encData: string;
  /** base64 of HMAC-SHA256 over `encData`. */
  integrityValue: string;
}

/** The keys for `reqDtim` (YYYYMMDDHHmmss), `reqNo` and the crypto token's `tokenVal`. */
export function deriveNiceKeys(reqDtim: string, reqNo: string, tokenVal: string): NiceKeys {
  const seed = createHash('sha256').update(reqDtim + reqNo + tokenVal, 'utf8').digest('base64');
  return { key: seed.slice(0, 16), iv: seed.slice(-16), hmacKey: seed.slice(0, 32) };
}

const integrityOf = (keys: NiceKeys, encData: string) => createHmac('sha256', Buffer.from(keys.hmacKey, 'utf8')).update(encData, 'utf8').digest();

/** Seals `plaintext` bytes (the request: UTF-8 JSON; a result: EUC-KR JSON). */
export function sealNice(keys: NiceKeys, plaintext: Uint8Array): NiceSealed {
  const cipher = createCipheriv('aes-128-cbc', Buffer.from(keys.key, 'utf8'), Buffer.from(keys.iv, 'utf8'));
  const encData = Buffer.concat([cipher.update(plaintext), cipher.final()]).toString('base64');
  return { encData, integrityValue: integrityOf(keys, encData).toString('base64') };
}

/**
 * The plaintext bytes of `sealed`, or `null` when its integrity value is not the HMAC of its
 * data under `keys` (forged or damaged), or the data does not decrypt.
 */
export function openNice(keys: NiceKeys, sealed: NiceSealed): Buffer | null {
  const expected = integrityOf(keys, sealed.encData);
  const given = Buffer.from(sealed.integrityValue, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const decipher = createDecipheriv('aes-128-cbc', Buffer.from(keys.key, 'utf8'), Buffer.from(keys.iv, 'utf8'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.encData, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** EUC-KR bytes as text (NICE's results). */
export const decodeEucKr = (bytes: Buffer): string => iconv.decode(bytes, 'euc-kr');
/** Text as EUC-KR bytes (what NICE sends; the fake uses it). */
export const encodeEucKr = (text: string): Buffer => iconv.encode(text, 'euc-kr');
