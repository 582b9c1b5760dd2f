/**
 * Self-hosted mOTP: RFC 6238 TOTP with HRD Korea's timing (a code lives 60 s), ±1 step for
 * clock drift, 160-bit secrets. Works with any authenticator app through `otpauth://`, and
 * drives the demo's phone simulator.
 *
 * Secrets are filed under a keyed hash of the phone, so the store never holds a phone number.
 */
import { generateSecret, generateURI, verify } from 'otplib';
import { LIMITS, maskPhone, normalizeKoreanMobile } from '../../../protocol/index.js';
import { createKeyedHasher, randomBytes, type KeyedHasher } from '../../crypto.js';
import type { Store } from '../../stores/store.js';
import type { MotpProvider, MotpVerdict, MotpVerifyInput } from './provider.js';

/** The otplib options every code is generated and checked with (tests reuse them). */
export const TOTP_OPTIONS = {
  algorithm: 'sha1',
  digits: LIMITS.codeLength,
  period: LIMITS.motpStepSeconds,
  /** Seconds either side of now: one whole step each way. */
  epochTolerance: LIMITS.motpWindowSteps * LIMITS.motpStepSeconds,
} as const;

/** Secret size in bytes (160 bits, RFC 4226 §4's recommendation). */
export const TOTP_SECRET_BYTES = 20;

/** Issuer shown in authenticator apps. */
export const TOTP_ISSUER = 'id-verify';

/** Options of {@link createTotpProvider}. */
export interface TotpProviderOptions {
  /** Where enrolled secrets live. */
  store: Store;
  /** Epoch milliseconds (default `Date.now`). */
  clock?: () => number;
  /** HMAC key for the store keys (random when absent: enrolments then last as long as the process). */
  hashKey?: Uint8Array;
}

/** The TOTP provider: an {@link MotpProvider} that can also enrol phones. */
export interface TotpProvider extends MotpProvider {
  /**
   * The `otpauth://` URI for `phone`, enrolling it on first use. Idempotent: the same phone
   * always gets the same secret, so a simulator and the server agree.
   */
  enroll(phone: string): Promise<string>;
}

/** Creates the TOTP provider. */
export function createTotpProvider(options: TotpProviderOptions): TotpProvider {
  const { store } = options;
  const clock = options.clock ?? Date.now;
  const hash: KeyedHasher = createKeyedHasher(options.hashKey ?? randomBytes(32));
  const keyOf = async (phone: string) => `motp:secret:${await hash('motp-phone', phone)}`;

  return {
    async enroll(rawPhone) {
      const phone = normalizeKoreanMobile(rawPhone);
      if (!phone) throw new TypeError('Not a Korean mobile number');
      const key = await keyOf(phone);
      // Set-if-absent, then read back: two concurrent enrolments end with one secret.
      await store.setIfAbsent(key, generateSecret({ length: TOTP_SECRET_BYTES }));
      const secret = await store.get<string>(key);
      if (!secret) throw new Error('Enrolment was not stored');
      return generateURI({ ...TOTP_OPTIONS, issuer: TOTP_ISSUER, label: maskPhone(phone), secret });
    },
    async verify({ phone, otp }: MotpVerifyInput): Promise<MotpVerdict> {
      const secret = await store.get<string>(await keyOf(phone));
      // An unenrolled phone is answered like a wrong code: nothing tells which phones are enrolled.
      if (!secret) return { valid: false };
      const epoch = Math.floor(clock() / 1000);
      const result = await verify({ ...TOTP_OPTIONS, secret, token: otp, epoch });
      if (!result.valid) return { valid: false };
      return { valid: true, step: Math.floor(epoch / TOTP_OPTIONS.period) + result.delta };
    },
  };
}
