/**
 * Where a phone check stands, and "인증 완료" for the PASS app and QR methods:
 *
 * - status: `pending` until the phone answers (or, for SMS, until the code is used or dies),
 *   then `approved`, `rejected` or `expired` — the events the widget waits on;
 * - complete: the phone's approval, once, turned into a success (after the identity match);
 *   before the approval it says `pending`, after a denial `rejected`, after the request's
 *   life `expired`; a second completion is `ALREADY_USED`.
 *
 * The request's life is the server's clock, whatever the provider still thinks.
 */
import { LIMITS, type PhoneStatusResponse } from '../../protocol/index.js';
import type { PhoneProvider, PhoneProviderStatus } from '../providers/phone/provider.js';
import type { Session } from '../sessions.js';
import { PROVIDER_TIMEOUT_MS, upstreamRefusal, withDeadline } from './deadline.js';
import type { PhoneAuditor } from './phone-audit.js';
import type { PhoneFinisher } from './phone-finish.js';
import type { PhoneTx, PhoneTxs } from './phone-tx.js';
import { refuse, type Refusal } from './refusal.js';

/** Dependencies of {@link createPhoneApprovals}. */
export interface PhoneApprovalsDeps {
  /** Who knows whether the phone approved. */
  provider: PhoneProvider;
  /** Transaction records. */
  txs: PhoneTxs;
  /** Identity match, unlock and the success record. */
  finisher: PhoneFinisher;
  /** Audit writer. */
  audit: PhoneAuditor;
  /** Epoch milliseconds. */
  clock: () => number;
  /** Provider deadline in milliseconds (default {@link PROVIDER_TIMEOUT_MS}). */
  providerTimeoutMs?: number;
}

/** What "인증 완료" can answer without a token. */
export type NotYet = { ok: true; status: 'pending' | 'rejected' | 'expired' };

/** Status and completion of phone checks. */
export interface PhoneApprovals {
  /**
   * Whether the learner's check `id` exists, and its seconds left (0 once over), without
   * asking the provider: what an event stream needs to open.
   */
  find(session: Session, id: string): Promise<{ ok: true; expiresIn: number } | Refusal>;
  /** Where the learner's check `id` stands. */
  status(session: Session, id: string): Promise<{ ok: true; answer: PhoneStatusResponse } | Refusal>;
  /** Completes an approved PASS app or QR check; success means the caller may issue the token. */
  complete(session: Session, id: string): Promise<{ ok: true; status: 'approved'; tx: PhoneTx } | NotYet | Refusal>;
}

/** Creates the status and completion rules. */
export function createPhoneApprovals(deps: PhoneApprovalsDeps): PhoneApprovals {
  const { provider, txs, audit, clock } = deps;
  const deadline = deps.providerTimeoutMs ?? PROVIDER_TIMEOUT_MS;
  const ask = (tx: PhoneTx): Promise<PhoneProviderStatus> => withDeadline(provider.status(tx.id), deadline);
  const terminal = (status: 'approved' | 'rejected' | 'expired') => ({
    ok: true as const,
    answer: { status, expiresIn: 0 },
  });

  return {
    async find(session, id) {
      const tx = await txs.load(id, session.subject);
      if (!tx) return refuse('NOT_FOUND', 'No such phone check');
      return { ok: true, expiresIn: Math.max(0, Math.floor((tx.expiresAt - clock()) / 1000)) };
    },

    async status(session, id) {
      const tx = await txs.load(id, session.subject);
      if (!tx) return refuse('NOT_FOUND', 'No such phone check');
      if (await txs.used(id)) return terminal('approved');
      const now = clock();
      if (now >= tx.expiresAt) return terminal('expired');
      const expiresIn = Math.floor((tx.expiresAt - now) / 1000);
      const pending = { ok: true as const, answer: { status: 'pending' as const, expiresIn } };
      if (tx.method === 'sms') {
        return (await txs.failures(id)) >= LIMITS.smsMaxFailures ? terminal('expired') : pending;
      }
      let answer: PhoneProviderStatus;
      try {
        answer = await ask(tx);
      } catch (error) {
        return upstreamRefusal(error);
      }
      return answer.status === 'pending' ? pending : terminal(answer.status);
    },

    async complete(session, id) {
      const tx = await txs.load(id, session.subject);
      if (!tx) return refuse('NOT_FOUND', 'No such phone check');
      if (tx.method === 'sms') return refuse('INVALID_INPUT', 'An SMS check is completed with its code', { field: 'tx' });
      if (await txs.used(id)) return refuse('ALREADY_USED', 'This check is already complete; start again for a new one');
      if (clock() >= tx.expiresAt) {
        await audit(tx, 'check', 'EXPIRED');
        return { ok: true, status: 'expired' };
      }
      let answer: PhoneProviderStatus;
      try {
        answer = await ask(tx);
      } catch (error) {
        const refusal = upstreamRefusal(error);
        await audit(tx, 'check', refusal.code);
        return refusal;
      }
      if (answer.status === 'pending') return { ok: true, status: 'pending' };
      if (answer.status === 'rejected') {
        await audit(tx, 'check', 'rejected');
        return { ok: true, status: 'rejected' };
      }
      if (!(await txs.claimUse(id))) {
        return refuse('ALREADY_USED', 'This check is already complete; start again for a new one');
      }
      const finished = await deps.finisher.finish(session, tx, answer);
      return finished.ok ? { ok: true, status: 'approved', tx } : finished;
    },
  };
}
