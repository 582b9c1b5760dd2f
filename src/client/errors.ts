/** Typed errors the client throws. */
import type { ErrorCode, ErrorDetail } from '../protocol/index.js';

/** Client-side failures that never reached a server answer. */
export type ClientErrorCode = 'NETWORK' | 'TIMEOUT' | 'ABORTED' | 'BAD_RESPONSE';

/** Error thrown by {@link VerifyClient}: a server error code or a client-side failure. */
export class VerifyError extends Error {
  /** Server error code, or a client-side code when no usable answer arrived. */
  readonly code: ErrorCode | ClientErrorCode;
  /** HTTP status, 0 when no answer arrived. */
  readonly status: number;
  /** Tries left, when the server charged an attempt. */
  readonly attemptsLeft: number | undefined;
  /** Seconds to wait before trying again (from `Retry-After` or the body). */
  readonly retryAfter: number | undefined;
  /** The refused request field, for `INVALID_INPUT`. */
  readonly field: string | undefined;

  constructor(detail: Omit<ErrorDetail, 'code'> & { code: ErrorCode | ClientErrorCode }, status: number) {
    super(detail.message);
    this.name = 'VerifyError';
    this.code = detail.code;
    this.status = status;
    this.attemptsLeft = detail.attemptsLeft;
    this.retryAfter = detail.retryAfter;
    this.field = detail.field;
  }

  /** `error` itself when it is one, else a `NETWORK` error: whatever else was thrown, nothing usable arrived. */
  static from(error: unknown): VerifyError {
    return error instanceof VerifyError ? error : new VerifyError({ code: 'NETWORK', message: String(error) }, 0);
  }
}
