/**
 * Enumerations and numbers of protocol v1. Each `as const` array is the single source: the
 * union types are derived from it, and stories, tests and validators loop over it.
 */

/** Verification methods the gate can offer, in the seed manual's order (휴대폰인증하기, MOTP인증하기). */
export const VERIFY_METHODS = ['phone', 'motp'] as const;
/** A verification method the gate can offer. */
export type VerifyMethod = (typeof VERIFY_METHODS)[number];

/**
 * How a phone check reaches the learner: PASS app push, QR (desktop only), an SMS code — or
 * `window`, the provider's own 본인확인 window (NICE's standard window), which asks for the
 * carrier, the method and the learner's details itself.
 */
export const PHONE_METHODS = ['app', 'qr', 'sms', 'window'] as const;
/** One way to run the phone check. */
export type PhoneMethod = (typeof PHONE_METHODS)[number];

/** The method recorded in a result token: mOTP or one of the phone methods. */
export type ResultMethod = 'motp' | PhoneMethod;

/** Mobile carriers in the order of the seed manual (MNOs first, then their MVNOs). */
export const CARRIERS = ['SKT', 'KT', 'LGU', 'SKT_MVNO', 'KT_MVNO', 'LGU_MVNO'] as const;
/** A mobile carrier code as PortOne names it. */
export type Carrier = (typeof CARRIERS)[number];

/**
 * Why the check is run. The server policy decides whether it is needed now
 * (e.g. `daily` once per KST day). `progress-eval` is a progress evaluation (진행평가), the
 * mid-course assessment HRD Korea counts apart from the final exam.
 */
export const PURPOSES = [
  'login',
  'enroll',
  'course-start',
  'daily',
  'exam',
  'assignment',
  'progress-eval',
  'motp-unlock',
] as const;
/** Why a check is run. */
export type Purpose = (typeof PURPOSES)[number];

/** Authentication method references (RFC 8176) written into the token per method. */
export const AMR_BY_METHOD: Readonly<Record<ResultMethod, readonly string[]>> = {
  motp: ['otp'],
  app: ['mca', 'user'],
  qr: ['mca', 'user'],
  sms: ['sms'],
  // The provider's window ran PASS or SMS on the carrier's side: a check over the phone channel.
  window: ['mca'],
};

/** Numbers the server enforces (docs/security.md). */
export const LIMITS = {
  /** Digits in every code (mOTP and SMS). */
  codeLength: 6,
  /** mOTP time step in seconds (HRD Korea: a code lives 60 s). */
  motpStepSeconds: 60,
  /** mOTP steps accepted either side of the current one. */
  motpWindowSteps: 1,
  /** Consecutive wrong mOTP codes that lock mOTP for the learner. */
  motpMaxFailures: 5,
  /** SMS code life in seconds. */
  smsCodeTtlSeconds: 180,
  /** No extension makes an SMS code live past this many seconds from issue. */
  smsMaxLifeSeconds: 600,
  /** Wrong SMS entries that kill a code. */
  smsMaxFailures: 5,
  /** Seconds between two sends to one phone. */
  smsResendCooldownSeconds: 30,
  /** Sends per phone per 10 minutes. */
  smsSendsPer10Min: 5,
  /** Result token lifetime in seconds. */
  tokenTtlSeconds: 120,
  /** Largest request body the server reads, in bytes. */
  maxBodyBytes: 8192,
  /** Client gives up on a request after this many milliseconds. */
  requestTimeoutMs: 10_000,
} as const;

/** Header carrying the retry key of a state-changing request. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
