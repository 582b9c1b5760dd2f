/**
 * The contract between the app and whoever checks mOTP codes: the self-hosted TOTP provider,
 * or HRD Korea's EMON API. The app owns the policy (lockout, replay, audit); a provider only
 * answers "is this code right for this member, and for which time step".
 */
import type { Purpose } from '../../../protocol/index.js';
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
  /** Course context from the session (HRD Korea course and class keys). */
  context?: Record<string, string>;
}

/**
 * A provider's verdict. `step` is the 60-second time step the code matched
 * (`floor(epochSeconds / 60)` at the matching time); the app refuses any later code for a step
 * at or before the last accepted one. A provider that cannot tell the matched step (an
 * upstream that only says "ok") reports the current step, which still refuses replays within
 * the code's life.
 */
export type MotpVerdict = { valid: true; step: number; providerRef?: string } | { valid: false };

/** Checks mOTP codes. */
export interface MotpProvider {
  /** Checks one code; rejects with {@link ProviderUnavailableError} when it cannot answer. */
  verify(input: MotpVerifyInput): Promise<MotpVerdict>;
}

// Re-exported from its shared home (phone providers fail the same way), so imports stay put.
export { ProviderUnavailableError };
