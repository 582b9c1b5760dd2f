/**
 * The storage contract of the reference server. Every policy that must hold across requests
 * (lockouts, replay guards, idempotency, sessions) is built on these few primitives, so that a
 * distributed store (Redis with Lua or MULTI) gives the same guarantees as the memory store.
 *
 * Values are JSON-serialisable: what a shared store would hold is what the memory store holds.
 * A `ttlMs` of `undefined` keeps the entry until it is deleted.
 */
export interface Store {
  /** The value under `key`, or `undefined` when absent or expired. The caller knows its shape. */
  get<T = unknown>(key: string): Promise<T | undefined>;
  /** Stores `value` under `key`, replacing what was there. */
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  /** Removes `key` (no error when absent). */
  delete(key: string): Promise<void>;
  /** Stores `value` only when `key` is absent; true when this call stored it. */
  setIfAbsent(key: string, value: unknown, ttlMs?: number): Promise<boolean>;
  /**
   * Atomically adds one to the counter under `key` when it is below `max`. Charging before
   * comparing is what makes 100 parallel guesses cost exactly `max` evaluations.
   * `ttlMs`, when given, restarts the counter's life on every successful charge.
   */
  chargeAttempt(key: string, max: number, ttlMs?: number): Promise<AttemptCharge>;
  /** Atomically takes one back from the counter under `key`, never below zero. */
  refund(key: string): Promise<void>;
  /**
   * Atomically stores `value` under `key` when it is greater than the number held there (or
   * nothing is held); true when it was stored. Guards "only a later step than the last one".
   */
  raiseTo(key: string, value: number, ttlMs?: number): Promise<boolean>;
  /**
   * Resolves when the store answers, rejects with {@link StoreUnavailableError} when it does
   * not (`GET /readyz`). Absent on stores that live in the process and are always there.
   */
  ping?(): Promise<void>;
}

/**
 * The store could not be reached or did not answer in time. The app answers such a request
 * with 503 `UPSTREAM_UNAVAILABLE` and a `Retry-After`, as for a provider outage: nothing was
 * decided, so the client may retry.
 */
export class StoreUnavailableError extends Error {
  /** Seconds the client should wait before retrying. */
  readonly retryAfter: number;

  constructor(message = 'The store is unavailable', options: { cause?: unknown; retryAfter?: number } = {}) {
    super(message, { cause: options.cause });
    this.name = 'StoreUnavailableError';
    this.retryAfter = options.retryAfter ?? 2;
  }
}

/** Answer of {@link Store.chargeAttempt}. */
export interface AttemptCharge {
  /** True when the attempt was charged and may be evaluated. */
  allowed: boolean;
  /** The counter after this call (unchanged when refused). */
  count: number;
}
