/**
 * The audit trail: one record per verification attempt, the institution's evidence for HRD
 * Korea monitoring. It says who (LMS subject id), when, why, how and with what result — and
 * never a name, phone, birth date or code (a phone check is referred to by its random
 * transaction id).
 */
import type { ErrorCode, Purpose, ResultMethod } from '../protocol/index.js';

/** One verification attempt. */
export interface AuditRecord {
  /** Epoch milliseconds, server clock. */
  at: number;
  /** LMS subject id of the learner. */
  subject: string;
  /** Why the check was run. */
  purpose: Purpose;
  /** How the learner tried to verify. */
  method: ResultMethod;
  /**
   * `success`, the error code the learner was answered with, or `rejected` when the phone's
   * owner denied a PASS request.
   */
  result: 'success' | ErrorCode | 'rejected';
  /**
   * Phone checks only: `send` for a start or resend, `check` for a code, approval or completion,
   * `report` for telling the mOTP upstream about a successful check (HRD Korea: lifting its
   * lock, or the 대체인증 log).
   */
  stage?: 'send' | 'check' | 'report';
  /**
   * True on a phone check that succeeded while mOTP was unavailable: a 대체인증 (substitute
   * verification) that the institution reports to HRD Korea.
   */
  substitute?: boolean;
  /** Which charged attempt this was in the learner's current run of failures (1-based). */
  attempt?: number;
  /** The provider's own reference (a transaction id, a matched step), for reconciliation. */
  providerRef?: string;
}

/** Where audit records go (a database table, a log pipeline). */
export interface AuditSink {
  /** Persists one record; a rejection fails the request, since evidence must not be lost. */
  write(record: AuditRecord): void | Promise<void>;
}

/**
 * Records the default in-memory sink keeps: the newest 10 000 (about 3 MB), enough for the demo
 * and tests to read back. Production keeps its evidence in a sink of its own (a file, a table).
 */
export const MEMORY_AUDIT_CAPACITY = 10_000;

/**
 * An {@link AuditSink} that keeps the latest records in memory, readable for tests and the
 * demo. It is a ring: past its capacity the oldest record makes room for the newest, so a
 * long-running process never grows with its traffic.
 */
export interface MemoryAuditSink extends AuditSink {
  /** The records kept (at most the capacity, the newest ones), oldest first. */
  records(): readonly AuditRecord[];
}

/** Options of {@link createMemoryAuditSink}. */
export interface MemoryAuditSinkOptions {
  /** Records kept (default {@link MEMORY_AUDIT_CAPACITY}); older ones are dropped. */
  capacity?: number;
}

/** Creates a {@link MemoryAuditSink}. */
export function createMemoryAuditSink(options: MemoryAuditSinkOptions = {}): MemoryAuditSink {
  const capacity = options.capacity ?? MEMORY_AUDIT_CAPACITY;
  if (!Number.isSafeInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a whole number of records (1 or more)');
  const ring: AuditRecord[] = [];
  /** Where the next record goes once the ring is full (the oldest one's slot). */
  let next = 0;
  return {
    write(record) {
      const frozen = Object.freeze({ ...record });
      if (ring.length < capacity) ring.push(frozen);
      else ring[next] = frozen;
      next = (next + 1) % capacity;
    },
    records: () => (ring.length < capacity ? [...ring] : [...ring.slice(next), ...ring.slice(0, next)]),
  };
}
