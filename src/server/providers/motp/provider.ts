/**
 * The contract between the app and whoever checks mOTP codes: the self-hosted TOTP provider,
 * or HRD Korea's EMON API. The app owns the policy (lockout, replay, audit); a provider only
 * answers "is this code right for this member, and for which time step" — and, when the
 * upstream keeps state of its own (HRD Korea's lock, its 대체인증 report), hears about the phone
 * checks that concern it.
 */
import type { CourseContext, Purpose } from '../../../protocol/index.js';
import { ProviderUnavailableError } from '../unavailable.js';

/** What the app asks a provider to check. */
export interface MotpVerifyInput {
  /** Canonical phone digits, already matched against the member's registered phone. */
  phone: string;
  /** The member's registered name (HRD Korea matches it). */
  name: string;
  /** Six ASCII digits, already validated. */
  otp: string;
  /** LMS subject id. */
  subject: string;
  /** Why the check is run (HRD Korea derives EVAL_CD from it). */
  purpose: Purpose;
  /** Course context from the session (HRD Korea course and class keys, lesson number). */
  course?: CourseContext;
  /** An opaque id of the learner's session, stable within it (derived one way; never the bearer). */
  sessionId?: string;
  /** The learner's IP address as the app reads it, when known. */
  ip?: string;
  /** Aborted when the app stops waiting (its deadline passed): drop the upstream call. */
  signal?: AbortSignal;
}

/**
 * A provider's verdict. `step` is the 60-second time step the code matched
 * (`floor(epochSeconds / 60)` at the matching time); the app refuses any later code for a step
 * at or before the last accepted one. A provider that cannot tell the matched step (an
 * upstream that only says "ok") reports the current step, which still refuses replays within
 * the code's life.
 *
 * `{ valid: false }` is a wrong code: it counts against the learner. An upstream that refuses
 * without judging the code says why in `refused` (HRD Korea: its own lock, input it rejects,
 * too many requests); the app then maps it without counting a failure of its own, except that
 * an upstream lock locks the learner here too.
 */
export type MotpVerdict =
  | { valid: true; step: number; providerRef?: string }
  | { valid: false; refused?: undefined }
  | { valid: false; refused: 'LOCKED' | 'INVALID_INPUT' }
  | { valid: false; refused: 'RATE_LIMITED'; retryAfter: number };

/**
 * A successful phone check, told to the mOTP provider (provider-neutral: any phone provider's
 * check reads the same). Personal data comes from the LMS session, never from the check.
 */
export interface PhoneCheckReport {
  /** LMS subject id. */
  subject: string;
  /** The member's registered name. */
  name: string;
  /** The member's registered phone, canonical digits. */
  phone: string;
  /** The phone check's transaction id (the phone provider's own reference when it has one). */
  tx: string;
  /** The phone provider's result code for the check (`0000` when it reports none). */
  resultCode: string;
  /** When the check succeeded, epoch milliseconds. */
  at: number;
  /** What the check was for: `motp-unlock`, or the purpose it verified in mOTP's place. */
  purpose: Purpose;
  /** Course context from the session. */
  course?: CourseContext;
  /** Aborted when the app stops waiting. */
  signal?: AbortSignal;
}

/** Checks mOTP codes. */
export interface MotpProvider {
  /** Checks one code; rejects with {@link ProviderUnavailableError} when it cannot answer. */
  verify(input: MotpVerifyInput): Promise<MotpVerdict>;
  /**
   * Called after a phone check with purpose `motp-unlock` lifted the app's lock, to lift the
   * upstream's lock too (HRD Korea: `user_reset`). Rejects when the upstream did not confirm.
   */
  afterPhoneUnlock?(report: PhoneCheckReport): Promise<void>;
  /**
   * Called after a phone check stood in for mOTP (대체인증), to report it upstream (HRD Korea:
   * the substitute log). A provider offering this counts every phone check that is not an
   * unlock as standing in for mOTP. Rejects when the upstream did not confirm.
   */
  reportSubstitute?(report: PhoneCheckReport): Promise<void>;
}

// Re-exported from its shared home (phone providers fail the same way), so imports stay put.
export { ProviderUnavailableError };
