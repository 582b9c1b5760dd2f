/** Turns a typed client error into the sentence the learner reads. */
import type { VerifyError } from '../client/index.js';
import type { Translation } from '../i18n/index.js';

/** The localized message for `error`; codes without a specific text get the generic one. */
export function errorText(t: Translation, error: VerifyError): string {
  switch (error.code) {
    case 'INVALID_CODE':
      return t.wrongCode(error.attemptsLeft ?? 0);
    case 'LOCKED':
      return t.lockedBody;
    case 'ALREADY_USED':
      return t.alreadyUsed;
    case 'EXPIRED':
      return t.expired;
    case 'MISMATCH':
      return t.mismatch;
    case 'UPSTREAM_UNAVAILABLE':
      return t.unavailable;
    case 'RATE_LIMITED':
      return t.rateLimited(error.retryAfter ?? 30);
    case 'UNAUTHORIZED':
      return t.sessionExpired;
    case 'NETWORK':
    case 'ABORTED':
      return t.network;
    case 'TIMEOUT':
      return t.timeout;
    case 'INVALID_INPUT':
      return error.field === 'phone' ? t.phoneInvalid : t.codeIncomplete;
    default:
      return t.genericError;
  }
}
