/**
 * Idempotent POSTs (docs/security.md rule 24): a retry carrying the same `Idempotency-Key` gets the first
 * answer again, without running the handler twice — so a double click or a network retry never
 * charges an mOTP attempt twice or sends a second SMS.
 *
 * The first request claims the key atomically (set-if-absent); a concurrent duplicate waits,
 * within a bound, for its answer. Answers of "try again" kind (503, internal errors) are not
 * kept: the client's same-key retry must really run again. Stored answers can hold a result
 * token, so they are sealed under the key and the caller's bearer, both of which only the
 * client holds.
 */
import { open, seal, type KeyedHasher, type Sealed } from '../crypto.js';
import type { Store } from '../stores/store.js';

/** How long a first answer is replayed. */
export const IDEMPOTENCY_TTL_MS = 10 * 60 * 1000;
/** Longest accepted `Idempotency-Key`. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 100;
/** A claim outlives the client's 10 s deadline, then lapses if its holder died. */
const PENDING_TTL_MS = 15_000;
const SEAL_INFO = 'id-verify/idempotent-answer';

/** An answer as it is replayed. */
export interface StoredAnswer {
  /** HTTP status. */
  status: number;
  /** Body text (JSON). */
  body: string;
  /** `Retry-After` header, when there was one. */
  retryAfter?: string;
}

/** One idempotent request. */
export interface IdempotentRequest {
  /** What the key is scoped to: the session handle (or `public`), method and path. */
  scope: string;
  /** The client's `Idempotency-Key`. */
  key: string;
  /** The caller's bearer (empty on public routes): sealing material the store never sees. */
  bearer: string;
  /** Raw request body; a key reused with another body is refused. */
  body: string;
}

/** Options of {@link createIdempotency}. */
export interface IdempotencyOptions {
  /** Where claims and answers live. */
  store: Store;
  /** Keyed hash for store keys and body fingerprints. */
  hash: KeyedHasher;
  /** Poll interval while a duplicate waits on another process (ms). */
  pollMs?: number;
  /** Longest a duplicate waits for the first answer (ms). */
  maxWaitMs?: number;
}

/** Runs handlers at most once per key. */
export interface Idempotency {
  /** The first answer for this key, running `execute` only when no request has claimed it. */
  run(request: IdempotentRequest, execute: () => Promise<StoredAnswer>): Promise<StoredAnswer>;
}

/**
 * Why a repeated key got no answer: `CONFLICT` — it was used with another body; `BUSY` — the
 * first request is still running after the longest wait.
 */
export class IdempotencyError extends Error {
  /** What went wrong. */
  readonly reason: 'CONFLICT' | 'BUSY';

  constructor(reason: 'CONFLICT' | 'BUSY') {
    super(reason === 'CONFLICT' ? 'Key reused for another request' : 'First request still running');
    this.name = 'IdempotencyError';
    this.reason = reason;
  }
}

type Claim = { state: 'pending'; fp: string } | { state: 'done'; fp: string; answer: Sealed };

/** True for a key the server accepts: 1–100 visible ASCII characters. */
export function isIdempotencyKey(key: string): boolean {
  return key.length > 0 && key.length <= MAX_IDEMPOTENCY_KEY_LENGTH && /^[\x21-\x7e]+$/.test(key);
}

/** Creates the idempotency guard. */
export function createIdempotency(options: IdempotencyOptions): Idempotency {
  const { store, hash } = options;
  const pollMs = options.pollMs ?? 20;
  const rounds = Math.ceil((options.maxWaitMs ?? 10_000) / pollMs);
  // Requests this process is running, so a local duplicate wakes as soon as the first finishes.
  const running = new Map<string, Promise<unknown>>();

  const own = async (storeKey: string, fp: string, secret: string, execute: () => Promise<StoredAnswer>) => {
    try {
      const answer = await execute();
      if (answer.status >= 500) {
        await store.delete(storeKey);
      } else {
        const done: Claim = { state: 'done', fp, answer: await seal(secret, SEAL_INFO, answer) };
        await store.set(storeKey, done, IDEMPOTENCY_TTL_MS);
      }
      return answer;
    } catch (error) {
      await store.delete(storeKey);
      throw error;
    }
  };

  return {
    async run(request, execute) {
      const storeKey = `idem:${await hash('idempotency', `${request.scope}\n${request.key}`)}`;
      const fp = await hash('idempotency-body', request.body);
      const secret = `${request.bearer}\n${request.key}`;
      for (let round = 0; round < rounds; round++) {
        if (await store.setIfAbsent(storeKey, { state: 'pending', fp } satisfies Claim, PENDING_TTL_MS)) {
          // Settles only once the answer is stored (or the claim released), so waiters wake to a result.
          const owned = own(storeKey, fp, secret, execute);
          running.set(storeKey, owned.catch(() => undefined));
          try {
            return await owned;
          } finally {
            running.delete(storeKey);
          }
        }
        const claim = await store.get<Claim>(storeKey);
        if (!claim) continue; // released between our two calls: try to claim it ourselves
        if (claim.fp !== fp) throw new IdempotencyError('CONFLICT');
        if (claim.state === 'done') {
          // Only the caller that stored it can open it; anyone else reused a key that is not theirs.
          return open<StoredAnswer>(secret, SEAL_INFO, claim.answer).catch(() => {
            throw new IdempotencyError('CONFLICT');
          });
        }
        // Wake early when the first request runs in this process; poll otherwise (or if it hangs).
        const tick = new Promise((resolve) => setTimeout(resolve, pollMs));
        const local = running.get(storeKey);
        await (local ? Promise.race([local, tick]) : tick);
      }
      throw new IdempotencyError('BUSY');
    },
  };
}
