/** One audit record per phone attempt, with only what the trail may hold (no phone, name, birth, code). */
import type { AuditRecord, AuditSink } from '../audit.js';
import type { PhoneTx } from './phone-tx.js';

/** Who and what an attempt was about: a transaction, or (before one exists) its would-be fields. */
export type PhoneAuditSubject = Pick<PhoneTx, 'subject' | 'purpose' | 'method'> & { id?: string };

/** Writes a phone attempt's record. */
export type PhoneAuditor = (
  about: PhoneAuditSubject,
  stage: 'send' | 'check',
  result: AuditRecord['result'],
  attempt?: number,
) => Promise<void>;

/** Creates the writer over `audit`. */
export function createPhoneAuditor(audit: AuditSink, clock: () => number): PhoneAuditor {
  return async (about, stage, result, attempt) => {
    await audit.write({
      at: clock(),
      subject: about.subject,
      purpose: about.purpose,
      method: about.method,
      result,
      stage,
      ...(attempt !== undefined ? { attempt } : {}),
      ...(about.id !== undefined ? { providerRef: about.id } : {}),
    });
  };
}
