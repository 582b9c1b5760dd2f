/**
 * A bound on how long the app waits for any provider. It stays under the client's 10 s
 * deadline and the idempotency claim's life, so a hung upstream ends as a refunded 503, not a
 * stuck request.
 */
import { ProviderRateLimitedError, ProviderUnavailableError } from '../providers/unavailable.js';
import { refuse, type Refusal } from './refusal.js';

/** Longest wait for a provider's answer, in milliseconds. */
export const PROVIDER_TIMEOUT_MS = 8_000;

/** `work`, or a {@link ProviderUnavailableError} once `ms` have passed. */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProviderUnavailableError('Provider timed out')), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Seconds to ask the client to wait after a provider failed with `error`. */
export function retryAfterOf(error: unknown): number {
  return error instanceof ProviderUnavailableError ? error.retryAfter : 2;
}

/**
 * The answer when a provider failed with `error`: `RATE_LIMITED` when it refused for its own
 * rate limit, `UPSTREAM_UNAVAILABLE` otherwise; both say when to come back.
 */
export function upstreamRefusal(error: unknown): Refusal {
  if (error instanceof ProviderRateLimitedError) {
    return refuse('RATE_LIMITED', 'The identity service refused more requests for now; wait and try again', {
      retryAfter: error.retryAfter,
    });
  }
  return refuse('UPSTREAM_UNAVAILABLE', 'The identity service is unavailable; try again shortly', {
    retryAfter: retryAfterOf(error),
  });
}
