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

/** An {@link AuditSink} that keeps records in memory, readable for tests and the demo. */
export interface MemoryAuditSink extends AuditSink {
  /** Every record written so far, oldest first. */
  records(): readonly AuditRecord[];
}

/** Creates a {@link MemoryAuditSink}. */
export function createMemoryAuditSink(): MemoryAuditSink {
  const list: AuditRecord[] = [];
  return {
    write(record) {
      list.push(Object.freeze({ ...record }));
    },
    records: () => [...list],
  };
}
