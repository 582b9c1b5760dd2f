/**
 * The one failure every provider shares: it could not give an answer. The app turns it into
 * 503 `UPSTREAM_UNAVAILABLE` with `Retry-After`, charges nothing and issues no token.
 */

/**
 * The provider could not give a verdict (upstream down, timed out, overloaded). The app
 * answers 503 `UPSTREAM_UNAVAILABLE`, refunds the attempt, and the widget offers another path.
 */
export class ProviderUnavailableError extends Error {
  /** Seconds the provider suggests waiting before a retry. */
  readonly retryAfter: number;

  constructor(message = 'Provider unavailable', retryAfter = 2, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProviderUnavailableError';
    this.retryAfter = retryAfter;
  }
}

/**
 * The provider refused to send because its own rate limit for this learner or line is
 * reached. The app answers 429 `RATE_LIMITED` with `Retry-After`, and counts nothing: the
 * provider sent nothing.
 */
export class ProviderRateLimitedError extends ProviderUnavailableError {
  constructor(message = 'Provider rate limit reached', retryAfter = 60, options?: { cause?: unknown }) {
    super(message, retryAfter, options);
    this.name = 'ProviderRateLimitedError';
  }
}
