/**
 * The last step of every successful phone check, whatever the method: match the verified
 * person against the LMS account, then
 *
 * - for purpose `motp-unlock`, lift the learner's mOTP lock (docs/security.md rule 1);
 * - while mOTP is unavailable — or always, when the mOTP provider reports phone checks upstream
 *   (HRD Korea) — record the check as 대체인증 (substitute verification);
 *
 * write the audit record, and tell the mOTP provider (HRD Korea: lift its lock, or log the
 * 대체인증; see `motp-followups.ts` for what happens when it cannot be reached). A mismatch
 * issues no token, unlocks nothing and reports nothing.
 */
import type { AuditSink } from '../audit.js';
import type { PhoneVerified } from '../providers/phone/provider.js';
import type { Session } from '../sessions.js';
import { isSamePerson } from './identity-match.js';
import type { MotpFollowUps } from './motp-followups.js';
import type { MotpHealth } from './motp-health.js';
import type { MotpLock } from './motp-lock.js';
import type { PhoneTx } from './phone-tx.js';
import { refuse, type Refusal } from './refusal.js';

/** Dependencies of {@link createPhoneFinisher}. */
export interface PhoneFinisherDeps {
  /** The mOTP lock a `motp-unlock` check lifts. */
  lock: MotpLock;
  /** Whether mOTP is usable (otherwise a success is a substitute verification). */
  health: MotpHealth;
  /** Where attempts are recorded. */
  audit: AuditSink;
  /** Epoch milliseconds. */
  clock: () => number;
  /** The mOTP provider's follow-ups to phone checks, when it has any. */
  followUps?: MotpFollowUps;
}

/** The result code reported upstream when the phone provider has none of its own: success. */
export const DEFAULT_PHONE_RESULT_CODE = '0000';

/** Finishes successful phone checks. */
export interface PhoneFinisher {
  /** The token's purpose when `verified` is the session's learner; `MISMATCH` otherwise. */
  finish(session: Session, tx: Pick<PhoneTx, 'id' | 'subject' | 'purpose' | 'method'>, verified: PhoneVerified): Promise<{ ok: true } | Refusal>;
}

/** Creates the finisher. */
export function createPhoneFinisher(deps: PhoneFinisherDeps): PhoneFinisher {
  return {
    async finish(session, tx, verified) {
      const base = {
        at: deps.clock(),
        subject: tx.subject,
        purpose: tx.purpose,
        method: tx.method,
        stage: 'check' as const,
        providerRef: verified.providerRef ?? tx.id,
      };
      if (!isSamePerson(await session.personal(), verified.identity)) {
        await deps.audit.write({ ...base, result: 'MISMATCH' });
        return refuse('MISMATCH', 'The verified person is not the member of this account');
      }
      if (tx.purpose === 'motp-unlock') await deps.lock.unlock(tx.subject);
      const substitute =
        tx.purpose !== 'motp-unlock' && (deps.followUps?.reportsSubstitutes === true || !(await deps.health.available()));
      await deps.audit.write({ ...base, result: 'success', ...(substitute ? { substitute } : {}) });
      await deps.followUps?.afterPhoneCheck(session, {
        tx: base.providerRef,
        resultCode: verified.resultCode ?? DEFAULT_PHONE_RESULT_CODE,
        at: base.at,
        purpose: tx.purpose,
        method: tx.method,
      });
      return { ok: true };
    },
  };
}
