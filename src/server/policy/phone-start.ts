/**
 * Starting a phone check, once its input passed {@link readPhoneStart}:
 *
 * 1. The purpose: the session's own, or `motp-unlock` while (and only while) mOTP is locked.
 * 2. The captcha, single use: a wrong answer costs it, and nothing is sent.
 * 3. The send throttles (per phone, per IP); a refusal says when to come back.
 * 4. The provider sends (push, QR number, SMS). Down or slow → the throttle slot is given back,
 *    and the solved captcha stays good for one retry of the same session within a minute (the
 *    failure was ours, not the learner's), `UPSTREAM_UNAVAILABLE` (`RATE_LIMITED` when the
 *    provider refused for its own rate limit).
 * 5. The transaction is recorded for the learner, and the answer is the same whether or not
 *    the phone is known or the name fits it (docs/security.md rule 22): the carrier's verdict shows only at
 *    completion.
 *
 * Every outcome after step 1 writes an audit record.
 */
import { LIMITS, type PhoneStartResponse, type Purpose } from '../../protocol/index.js';
import type { KeyedHasher } from '../crypto.js';
import type { PhoneProvider, PhoneStarted } from '../providers/phone/provider.js';
import type { Session } from '../sessions.js';
import type { Store } from '../stores/store.js';
import { PROVIDER_TIMEOUT_MS, upstreamRefusal, withDeadline } from './deadline.js';
import type { MotpLock } from './motp-lock.js';
import type { PhoneAuditor } from './phone-audit.js';
import type { PhoneStartFields } from './phone-input.js';
import type { SendThrottle } from './phone-throttle.js';
import type { PhoneTx, PhoneTxs } from './phone-tx.js';
import { refuse, type Refusal } from './refusal.js';

/** Life of a PASS request or a fresh SMS code, in seconds. */
export const PHONE_REQUEST_TTL_SECONDS = LIMITS.smsCodeTtlSeconds;
/** How long a captcha solved for a send that failed upstream stays good for the retry. */
const CAPTCHA_PASS_TTL_MS = 60_000;

/** What checks a captcha answer (single use: consumed either way). */
export interface CaptchaChecker {
  /** True when `answer` is right for `id`. */
  check(id: string, answer: string): Promise<boolean>;
}

/** Dependencies of {@link createPhoneStarter}. */
export interface PhoneStarterDeps {
  /** Who sends. */
  provider: PhoneProvider;
  /** The 보안문자. */
  captcha: CaptchaChecker;
  /** Per-phone and per-IP limits. */
  throttle: SendThrottle;
  /** Transaction records. */
  txs: PhoneTxs;
  /** The mOTP lock, to allow `motp-unlock` only when locked. */
  lock: MotpLock;
  /** Audit writer. */
  audit: PhoneAuditor;
  /** Keyed hash for the phone, IP and captcha passes in store keys. */
  hash: KeyedHasher;
  /** Where a captcha pass waits for the retry of a failed send. */
  store: Store;
  /** Epoch milliseconds. */
  clock: () => number;
  /** Provider deadline in milliseconds (default {@link PROVIDER_TIMEOUT_MS}). */
  providerTimeoutMs?: number;
}

/** Starts phone checks. */
export interface PhoneStarter {
  /** Starts a check for the session's learner from the client at `ip` (`undefined`: unknown). */
  start(session: Session, fields: PhoneStartFields, ip: string | undefined): Promise<{ ok: true; answer: PhoneStartResponse } | Refusal>;
}

/** The purpose the check runs for, or a refusal when the asked one is not allowed now. */
export async function purposeOf(session: Session, asked: Purpose | undefined, lock: MotpLock): Promise<Purpose | Refusal> {
  if (asked === undefined || asked === session.purpose) return session.purpose;
  if (asked !== 'motp-unlock') return refuse('INVALID_INPUT', 'The purpose is set by the session', { field: 'purpose' });
  if (!(await lock.state(session.subject)).locked) {
    return refuse('INVALID_INPUT', 'mOTP is not locked, so there is nothing to unlock', { field: 'purpose' });
  }
  return 'motp-unlock';
}

/** Creates the starter. */
export function createPhoneStarter(deps: PhoneStarterDeps): PhoneStarter {
  const { provider, throttle, txs, audit, clock } = deps;
  return {
    async start(session, fields, ip) {
      const purpose = await purposeOf(session, fields.purpose, deps.lock);
      if (typeof purpose !== 'string') return purpose;
      const about = { subject: session.subject, purpose, method: fields.method };

      const { captcha } = fields;
      const passId = await deps.hash('captcha-pass', `${session.handle}\n${captcha.id}\n${captcha.answer}`);
      const pass = `phone:captcha-pass:${passId}`;
      const passed = (await deps.store.get(pass)) !== undefined;
      if (passed) await deps.store.delete(pass);
      if (!passed && !(await deps.captcha.check(captcha.id, captcha.answer))) {
        await audit(about, 'send', 'CAPTCHA_FAILED');
        return refuse('CAPTCHA_FAILED', 'The security characters do not match; ask for a new picture', { field: 'captcha' });
      }

      const line = await deps.hash('phone-line', fields.phone);
      const ticket = await throttle.claim(line, ip === undefined ? undefined : await deps.hash('client-ip', ip));
      if (!ticket.allowed) {
        await audit(about, 'send', 'RATE_LIMITED');
        return refuse('RATE_LIMITED', 'Too many codes sent to this phone or from this network; wait and try again', {
          retryAfter: ticket.retryAfter,
        });
      }

      const id = txs.newId();
      let started: PhoneStarted;
      try {
        const work = provider.start({
          tx: id,
          carrier: fields.carrier,
          method: fields.method,
          name: fields.name,
          phone: fields.phone,
          ...(fields.birth !== undefined ? { birth: fields.birth } : {}),
          ...(ip !== undefined ? { ip } : {}),
        });
        started = await withDeadline(work, deps.providerTimeoutMs ?? PROVIDER_TIMEOUT_MS);
      } catch (error) {
        // Nothing went out, so nothing is counted against the phone or the network, and the
        // learner's retry needs no new captcha.
        await ticket.release();
        await deps.store.set(pass, true, CAPTCHA_PASS_TTL_MS);
        const refusal = upstreamRefusal(error);
        await audit({ ...about, id }, 'send', refusal.code);
        return refusal;
      }

      const now = clock();
      const tx: PhoneTx = {
        id,
        ...about,
        carrier: fields.carrier,
        line,
        issuedAt: now,
        expiresAt: now + PHONE_REQUEST_TTL_SECONDS * 1000,
      };
      await txs.save(tx);
      await ticket.commit();
      await audit(tx, 'send', 'success');
      const answer: PhoneStartResponse = {
        tx: id,
        expiresIn: PHONE_REQUEST_TTL_SECONDS,
        resendIn: await throttle.waitFor(line),
        ...(started.qr ? { qr: { payload: started.qr.payload, number: started.qr.number } } : {}),
      };
      return { ok: true, answer };
    },
  };
}
