/**
 * The contract between the app and whoever runs the phone check: the simulator, or PortOne
 * V2's identity-verification API in its server mode (send → confirm / resend → get). As in
 * PortOne, the provider owns the SMS code: it generates it, delivers it and checks it. The app
 * owns the policy around it — captcha, send throttles, the code's life and extensions, the
 * attempt counter, single use, the match against the LMS account, the audit trail.
 *
 * A provider rejects with {@link ProviderUnavailableError} whenever it cannot answer; the app
 * then answers 503 `UPSTREAM_UNAVAILABLE`, charges nothing and issues no token.
 */
import type { Carrier, PhoneMethod } from '../../../protocol/index.js';
import { ProviderUnavailableError } from '../unavailable.js';

// Re-exported so a phone provider finds everything it implements against in this module.
export { ProviderUnavailableError };

/** One phone check to start (PortOne: `send`). */
export interface PhoneStartInput {
  /** The app's transaction id (PortOne: `identityVerificationId`); random, ≥ 128 bits. */
  tx: string;
  /** Carrier the learner picked (PortOne: `operator`). */
  carrier: Carrier;
  /** PASS app push, QR (the learner types or scans a number into PASS), or an SMS code. */
  method: PhoneMethod;
  /** Name as the learner typed it (PortOne: `customer.name`). */
  name: string;
  /** Canonical Korean mobile digits, e.g. `01012345678` (PortOne: `customer.phoneNumber`). */
  phone: string;
  /** `YYMMDD-D`, SMS only: the 7 digits PortOne calls `customer.identityNumber`; never more. */
  birth?: string;
  /** The learner's IP address, for the provider's own rate limits (PortOne: `customer.ipAddress`), when known. */
  ip?: string;
}

/** What a started check gives back. */
export interface PhoneStarted {
  /** QR method only: what the QR code encodes and the 6-digit number to type into PASS instead. */
  qr?: { payload: string; number: string };
}

/**
 * The person the carrier vouched for (PortOne: `verifiedCustomer`), compared by the app with
 * the LMS account. Never stored, never logged.
 */
export interface VerifiedIdentity {
  /** Name on the carrier's record. */
  name: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  /** Canonical mobile digits. */
  phone: string;
}

/**
 * The carrier's outcome for an approved push/QR or a right SMS code. `identity` is `null` when
 * the carrier could not match the name (or birth date) the learner typed to the line's
 * subscriber: the check did not verify anyone, which the app answers as `MISMATCH`.
 */
export interface PhoneVerified {
  /** Who was verified, or `null` when the typed person is not the line's subscriber. */
  identity: VerifiedIdentity | null;
  /** The provider's reference for reconciliation (PortOne: the verification id). */
  providerRef?: string;
  /** The provider's own result code for the check, when it has one (HRD Korea's reports carry it). */
  resultCode?: string;
}

/**
 * `confirm`'s answer: the verified person, or a refused code — wrong, unknown, or (`expired`)
 * one the provider itself has ended, which no further entry can fix.
 */
export type PhoneConfirmation = ({ valid: true } & PhoneVerified) | { valid: false; expired?: boolean };

/** Where a push or QR request stands on the provider's side. */
export type PhoneProviderStatus =
  | { status: 'pending' }
  | { status: 'rejected' }
  | ({ status: 'approved' } & PhoneVerified);

/** Runs phone checks. */
export interface PhoneProvider {
  /** Phone methods this provider supports (PortOne's server mode has no QR). */
  readonly methods: readonly PhoneMethod[];
  /**
   * Sends the PASS push, shows the QR number, or texts a fresh code. Answers the same whether
   * or not the phone is known, and whether or not the name matches (nothing may tell).
   */
  start(input: PhoneStartInput): Promise<PhoneStarted>;
  /** Checks an SMS code against the latest one sent for `tx` (PortOne: `confirm`). */
  confirm(tx: string, code: string): Promise<PhoneConfirmation>;
  /** Texts a new code for `tx`; the previous one dies (PortOne: `resend`). */
  resend(tx: string): Promise<void>;
  /** Where a push or QR request stands (PortOne: `GET /identity-verifications/{id}`). */
  status(tx: string): Promise<PhoneProviderStatus>;
}
