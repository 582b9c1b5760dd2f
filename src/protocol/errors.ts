/** Error codes of protocol v1 and the HTTP status each one travels with. */

/** Every error code the server can answer with. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'CONSENT_REQUIRED',
  'CAPTCHA_FAILED',
  'INVALID_CODE',
  'EXPIRED',
  'ALREADY_USED',
  'LOCKED',
  'RATE_LIMITED',
  'MISMATCH',
  'NOT_FOUND',
  'UPSTREAM_UNAVAILABLE',
  'UNAUTHORIZED',
] as const;
/** An error code the server can answer with. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status for each error code; 423/429/503 always carry `Retry-After`. */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {
  INVALID_INPUT: 400,
  CONSENT_REQUIRED: 400,
  CAPTCHA_FAILED: 400,
  INVALID_CODE: 400,
  EXPIRED: 410,
  ALREADY_USED: 409,
  LOCKED: 423,
  RATE_LIMITED: 429,
  MISMATCH: 403,
  NOT_FOUND: 404,
  UPSTREAM_UNAVAILABLE: 503,
  UNAUTHORIZED: 401,
};

/** The `error` member of every error answer. */
export interface ErrorDetail {
  /** Machine-readable code. */
  code: ErrorCode;
  /** Human-readable explanation (English; the widget shows its own localized text). */
  message: string;
  /** Tries left before the code dies or mOTP locks, when an attempt was charged. */
  attemptsLeft?: number;
  /** Seconds to wait before trying again (mirrors the `Retry-After` header). */
  retryAfter?: number;
  /** Name of the request field that was refused, for `INVALID_INPUT`. */
  field?: string;
}

/** Body of every error answer. */
export interface ErrorBody {
  /** What went wrong. */
  error: ErrorDetail;
}

/** True when `value` is one of the protocol's error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
