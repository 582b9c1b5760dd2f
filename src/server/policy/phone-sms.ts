/**
 * The SMS code's rules (docs/security.md rules 4–6, 8, 10–12, 26), enforced here whatever the
 * provider does:
 *
 * - A code lives 180 s from its issue by the server's clock; at `issuedAt + 180 s` it is
 *   `EXPIRED`. "시간연장" moves the end back to 180 s from now, but never to or past
 *   `issuedAt + 600 s`.
 * - Every entry is charged before it is compared, atomically; the 5th wrong entry kills the
 *   code, and after that even the right one is `EXPIRED` (start again).
 * - Resend makes a new code (the provider forgets the old one), keeps the failure count, and is
 *   a send like any other: throttled per phone and per IP.
 * - The right code yields one success; any later entry, from any session, is `ALREADY_USED`.
 * - Provider down or slow → the charge is refunded, `UPSTREAM_UNAVAILABLE`.
 *
 * A transaction only answers the learner who started it (others get `NOT_FOUND`), and a code
 * only ever checks against its own transaction (docs/security.md rule 8).
 */
import { LIMITS, type PhoneTimerResponse } from '../../protocol/index.js';
import type { KeyedHasher } from '../crypto.js';
import type { PhoneConfirmation, PhoneProvider } from '../providers/phone/provider.js';
import type { Session } from '../sessions.js';
import { PROVIDER_TIMEOUT_MS, upstreamRefusal, withDeadline } from './deadline.js';
import type { PhoneAuditor } from './phone-audit.js';
import type { PhoneFinisher } from './phone-finish.js';
import { PHONE_REQUEST_TTL_SECONDS } from './phone-start.js';
import type { SendThrottle } from './phone-throttle.js';
import type { PhoneTx, PhoneTxs } from './phone-tx.js';
import { refuse, type Refusal } from './refusal.js';

const TTL_MS = PHONE_REQUEST_TTL_SECONDS * 1000;
const MAX_LIFE_MS = LIMITS.smsMaxLifeSeconds * 1000;
const MAX_FAILURES = LIMITS.smsMaxFailures;

/** Dependencies of {@link createSmsCodes}. */
export interface SmsCodesDeps {
  /** Who checks and resends codes. */
  provider: PhoneProvider;
  /** Transaction records, attempt counters and single-use markers. */
  txs: PhoneTxs;
  /** Resends are sends. */
  throttle: SendThrottle;
  /** Identity match, unlock and the success record. */
  finisher: PhoneFinisher;
  /** Audit writer. */
  audit: PhoneAuditor;
  /** Keyed hash for the client IP. */
  hash: KeyedHasher;
  /** Epoch milliseconds. */
  clock: () => number;
  /** Provider deadline in milliseconds (default {@link PROVIDER_TIMEOUT_MS}). */
  providerTimeoutMs?: number;
}

/** The SMS path's three actions on a transaction. */
export interface SmsCodes {
  /** Checks `code` (six digits, already validated); success means the caller may issue the token. */
  verify(session: Session, id: string, code: string): Promise<{ ok: true; tx: PhoneTx } | Refusal>;
  /** "시간연장": more life for the current code, within its 600 s bound. */
  extend(session: Session, id: string): Promise<{ ok: true; answer: PhoneTimerResponse } | Refusal>;
  /** A new code (the old one dies) sent from the client at `ip` (`undefined`: unknown). */
  resend(session: Session, id: string, ip: string | undefined): Promise<{ ok: true; answer: PhoneTimerResponse } | Refusal>;
}

/** Whole seconds left until `expiresAt`, rounded down so the widget never shows time the server will not give. */
const secondsLeft = (expiresAt: number, now: number) => Math.max(0, Math.floor((expiresAt - now) / 1000));

/** Creates the SMS rules. */
export function createSmsCodes(deps: SmsCodesDeps): SmsCodes {
  const { provider, txs, throttle, audit, clock } = deps;
  const deadline = deps.providerTimeoutMs ?? PROVIDER_TIMEOUT_MS;
  const expired = () => refuse('EXPIRED', 'The code has expired; send a new one or start again');
  const dead = () => refuse('EXPIRED', 'The code was entered wrong too many times; start again');

  /** The learner's live SMS transaction, or why there is none to act on. */
  const open = async (session: Session, id: string): Promise<PhoneTx | Refusal> => {
    const tx = await txs.load(id, session.subject);
    if (!tx) return refuse('NOT_FOUND', 'No such phone check');
    if (tx.method !== 'sms') return refuse('INVALID_INPUT', 'Only an SMS check has a code', { field: 'tx' });
    if (await txs.used(id)) return refuse('ALREADY_USED', 'This check is already complete; start again for a new one');
    if ((await txs.failures(id)) >= MAX_FAILURES) return dead();
    return tx;
  };

  const timers = async (tx: PhoneTx, now: number): Promise<PhoneTimerResponse> => ({
    expiresIn: secondsLeft(tx.expiresAt, now),
    resendIn: await throttle.waitFor(tx.line),
  });

  return {
    async verify(session, id, code) {
      const tx = await open(session, id);
      if ('ok' in tx) return tx;
      if (clock() >= tx.expiresAt) {
        await audit(tx, 'check', 'EXPIRED');
        return expired();
      }
      const charge = await txs.charge(id);
      if (!charge.allowed) {
        await audit(tx, 'check', 'EXPIRED');
        return dead();
      }
      let verdict: PhoneConfirmation;
      try {
        verdict = await withDeadline(provider.confirm(id, code), deadline);
      } catch (error) {
        // The code was never judged: the attempt is given back.
        await txs.refund(id);
        const refusal = upstreamRefusal(error);
        await audit(tx, 'check', refusal.code, charge.count);
        return refusal;
      }
      if (!verdict.valid && verdict.expired) {
        // The provider ended the code before our clock did: nothing the learner types now can work.
        await audit(tx, 'check', 'EXPIRED', charge.count);
        return expired();
      }
      if (!verdict.valid || !(await txs.claimUse(id))) {
        // A parallel entry of the right code may have just won: that is a replay, not a wrong code.
        if (await txs.used(id)) {
          await txs.refund(id);
          await audit(tx, 'check', 'ALREADY_USED', charge.count);
          return refuse('ALREADY_USED', 'This check is already complete; start again for a new one');
        }
        const attemptsLeft = MAX_FAILURES - charge.count;
        await audit(tx, 'check', 'INVALID_CODE', charge.count);
        return refuse(
          'INVALID_CODE',
          attemptsLeft > 0 ? 'The code is not correct' : 'The code is not correct, and it is no longer valid; start again',
          { attemptsLeft },
        );
      }
      const finished = await deps.finisher.finish(session, tx, verdict);
      return finished.ok ? { ok: true, tx } : finished;
    },

    async extend(session, id) {
      const tx = await open(session, id);
      if ('ok' in tx) return tx;
      const now = clock();
      if (now >= tx.expiresAt) return expired();
      // Back to a full life from now, but never to issuedAt + 600 s or beyond (a code is live while now < expiresAt).
      const expiresAt = Math.max(tx.expiresAt, Math.min(now + TTL_MS, tx.issuedAt + MAX_LIFE_MS));
      const extended = { ...tx, expiresAt };
      if (expiresAt !== tx.expiresAt) await txs.save(extended);
      return { ok: true, answer: await timers(extended, now) };
    },

    async resend(session, id, ip) {
      const tx = await open(session, id);
      if ('ok' in tx) return tx;
      const ticket = await throttle.claim(tx.line, ip === undefined ? undefined : await deps.hash('client-ip', ip));
      if (!ticket.allowed) {
        await audit(tx, 'send', 'RATE_LIMITED');
        return refuse('RATE_LIMITED', 'A new code cannot be sent yet; wait and try again', {
          retryAfter: ticket.retryAfter,
        });
      }
      try {
        await withDeadline(provider.resend(id), deadline);
      } catch (error) {
        await ticket.release();
        const refusal = upstreamRefusal(error);
        await audit(tx, 'send', refusal.code);
        return refusal;
      }
      const now = clock();
      const renewed: PhoneTx = { ...tx, issuedAt: now, expiresAt: now + TTL_MS };
      await txs.save(renewed);
      await ticket.commit();
      await audit(renewed, 'send', 'success');
      return { ok: true, answer: await timers(renewed, now) };
    },
  };
}
