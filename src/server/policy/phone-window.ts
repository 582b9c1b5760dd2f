/**
 * The phone check in the provider's own window (method `window`, NICE's standard window):
 *
 * 1. start (the learner's session): a transaction with a fresh request number, bound to the
 *    learner, dead after 10 minutes; the calling page's origin is kept, for the result page's
 *    `postMessage` (exact origin, never `'*'`), and so is the page to return to when the
 *    window cannot be a popup;
 * 2. launch (the window's first page, no session: a browser navigation): the provider's
 *    form for that request number, its keys kept until the result comes;
 * 3. receive (NICE posts the result to our return URL): refused unless its HMAC holds, it
 *    answers this transaction's request number, and it is the first result for it (single
 *    use). The verified person is compared with the learner right here, through keyed hashes:
 *    the name, birth date, `ci` and `di` are never stored. What goes back to the page is a
 *    one-time reference, never the result;
 * 4. complete (the learner's session, with the reference): the token, once — or `MISMATCH`,
 *    `rejected` (the learner cancelled in the window), `pending`, `expired`.
 */
import { type PhoneWindowMessage, type PhoneWindowStartResponse, type Purpose, PHONE_WINDOW_MESSAGE } from '../../protocol/index.js';
import { randomBytes, randomToken, timingSafeEqual, type KeyedHasher } from '../crypto.js';
import { normalizeName, parseBirth } from '../identity.js';
import type { PhoneWindowProvider, WindowLaunch } from '../providers/phone/window.js';
import type { Session } from '../sessions.js';
import type { Store } from '../stores/store.js';
import { PROVIDER_TIMEOUT_MS, upstreamRefusal, withDeadline } from './deadline.js';
import type { MotpLock } from './motp-lock.js';
import type { PhoneAuditor } from './phone-audit.js';
import type { PhoneFinisher } from './phone-finish.js';
import { purposeOf } from './phone-start.js';
import { refuse, type Refusal } from './refusal.js';

/** A window check lives 10 minutes from its start. */
export const PHONE_WINDOW_TTL_SECONDS = 600;
/** Records outlive the check a while, so a late call hears `expired`, not "no such check". */
const RECORD_TTL_MS = (PHONE_WINDOW_TTL_SECONDS + 600) * 1000;
const TX_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const REF_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const MAX_RETURN_TO = 2048;

/** How the window was opened: a popup (answers by `postMessage`) or the page itself (answers by redirect). */
export type WindowMode = 'popup' | 'redirect';

/** A window check as the store keeps it: no name, birth date, phone, `ci` or `di`. */
interface WindowTx {
  subject: string;
  purpose: Purpose;
  /** The request number the provider sees (30 hex digits: NICE takes up to 30 characters). */
  requestNo: string;
  /** Keyed hash of the learner's name and (when registered) birth date, matched against the result. */
  learner: string;
  /** Whether the LMS registered a birth date (then the result's must match it). */
  withBirth: boolean;
  /** Origin of the page that started the check. */
  origin: string;
  /** Where the same-window fallback returns to. */
  returnTo?: string;
  issuedAt: number;
  expiresAt: number;
  /** The latest launch: how it was opened and what reads its result. */
  launch?: { mode: WindowMode; state: Record<string, string> };
}

/** The result, once it arrived: the outcome, and the hash of the reference handed to the page. */
interface WindowOutcome {
  outcome: 'verified' | 'mismatch' | 'failed';
  ref: string;
  providerRef?: string;
}

/** What the result page needs to hand the reference over. */
export interface WindowHandover {
  /** The message for the opener (or, redirecting, the fragment's content). */
  message: PhoneWindowMessage;
  /** The exact origin the message may go to. */
  origin: string;
  /** Popup or same window. */
  mode: WindowMode;
  /** The page to return to (redirect mode). */
  returnTo?: string;
}

/** Dependencies of {@link createPhoneWindows}. */
export interface PhoneWindowsDeps {
  /** The provider that draws the window. */
  provider: PhoneWindowProvider;
  /** Where the records live. */
  store: Store;
  /** Keyed hash for keys and the learner match. */
  hash: KeyedHasher;
  /** Audit writer. */
  audit: PhoneAuditor;
  /** Identity match (`MISMATCH`), unlock and the success record. */
  finisher: PhoneFinisher;
  /** The mOTP lock, to allow `motp-unlock` only when locked. */
  lock: MotpLock;
  /** This server's public URL (the `issuer`): the return URL is built on it. */
  publicUrl: string;
  /** Origins allowed to start a check (the API's own, and the CORS allow-list). */
  isAllowedOrigin: (origin: string, request: Request) => boolean;
  /** Epoch milliseconds. */
  clock: () => number;
  /** Provider deadline in milliseconds (default {@link PROVIDER_TIMEOUT_MS}). */
  providerTimeoutMs?: number;
}

/** The window check's four steps. */
export interface PhoneWindows {
  /** Starts a check for the session's learner from the page at `origin`. */
  start(
    session: Session,
    input: { purpose?: Purpose; returnTo?: string; origin: string | undefined; request: Request },
  ): Promise<{ ok: true; answer: PhoneWindowStartResponse } | Refusal>;
  /** The provider's form for check `id`, opened as `mode`. */
  launch(id: string, mode: WindowMode): Promise<{ ok: true; launch: WindowLaunch } | (Refusal & { handover?: WindowHandover })>;
  /** Takes the provider's result for check `id`; what the page hands over, or a refusal. */
  receive(id: string, posted: Record<string, string>): Promise<{ ok: true; handover: WindowHandover } | Refusal>;
  /** Completes check `id` with the reference `ref` the page received. */
  complete(
    session: Session,
    id: string,
    ref: string,
  ): Promise<{ ok: true; status: 'approved'; purpose: Purpose } | { ok: true; status: 'pending' | 'rejected' | 'expired' } | Refusal>;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The exact origin of `url` when it is an absolute http(s) URL, else undefined. */
function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/** What the page hands to the gate that started `tx`. */
const handoverOf = (tx: WindowTx, mode: WindowMode, message: PhoneWindowMessage): WindowHandover => ({
  message,
  origin: tx.origin,
  mode,
  ...(tx.returnTo !== undefined ? { returnTo: tx.returnTo } : {}),
});

/** Creates the window check. */
export function createPhoneWindows(deps: PhoneWindowsDeps): PhoneWindows {
  const { store, hash, audit, clock } = deps;
  const deadline = deps.providerTimeoutMs ?? PROVIDER_TIMEOUT_MS;
  const keyOf = async (kind: string, id: string) => `phone-window:${kind}:${await hash('phone-window', id)}`;
  const learnerOf = (name: string, birthDate: string | undefined) =>
    hash('phone-window-learner', `${normalizeName(name)}\n${birthDate ?? ''}`);
  const load = async (id: string) => (TX_PATTERN.test(id) ? store.get<WindowTx>(await keyOf('tx', id)) : undefined);
  const about = (tx: WindowTx, id: string) => ({ subject: tx.subject, purpose: tx.purpose, method: 'window' as const, id });
  const gone = () => refuse('NOT_FOUND', 'No such phone check');
  const over = () => refuse('EXPIRED', 'This check has expired; start again');

  return {
    async start(session, input) {
      const purpose = await purposeOf(session, input.purpose, deps.lock);
      if (typeof purpose !== 'string') return purpose;
      if (!input.origin || originOf(input.origin) !== input.origin || !deps.isAllowedOrigin(input.origin, input.request)) {
        return refuse('INVALID_INPUT', 'The calling page must send its Origin, and be allowed to call this server', { field: 'Origin' });
      }
      if (input.returnTo !== undefined && (input.returnTo.length > MAX_RETURN_TO || originOf(input.returnTo) !== input.origin)) {
        return refuse('INVALID_INPUT', 'returnTo must be a URL of the calling page’s own origin', { field: 'returnTo' });
      }
      const id = randomToken(16);
      const now = clock();
      const learner = await session.personal();
      const birthDate = learner.birth === undefined ? undefined : parseBirth(learner.birth)?.date;
      const tx: WindowTx = {
        subject: session.subject,
        purpose,
        requestNo: hex(randomBytes(15)),
        learner: await learnerOf(learner.name, birthDate),
        withBirth: birthDate !== undefined,
        origin: input.origin,
        ...(input.returnTo !== undefined ? { returnTo: input.returnTo.replace(/#.*$/, '') } : {}),
        issuedAt: now,
        expiresAt: now + PHONE_WINDOW_TTL_SECONDS * 1000,
      };
      await store.set(await keyOf('tx', id), tx, RECORD_TTL_MS);
      await audit(about(tx, id), 'send', 'success');
      return {
        ok: true,
        answer: { tx: id, expiresIn: PHONE_WINDOW_TTL_SECONDS, window: { ...deps.provider.popup } },
      };
    },

    async launch(id, mode) {
      const tx = await load(id);
      if (!tx) return gone();
      if (clock() >= tx.expiresAt) return over();
      if ((await store.get(await keyOf('result', id))) !== undefined) {
        return refuse('ALREADY_USED', 'This check already has its result; start again for a new one');
      }
      let launch: WindowLaunch;
      try {
        const returnUrl = `${deps.publicUrl.replace(/\/+$/, '')}/v1/phone/window/${id}/return`;
        launch = await withDeadline(deps.provider.launch({ requestNo: tx.requestNo, returnUrl }), deadline);
      } catch (error) {
        const refusal = upstreamRefusal(error);
        await audit(about(tx, id), 'send', refusal.code);
        // The gate hears of it at once and offers a retry, instead of waiting on a dead window.
        return { ...refusal, handover: handoverOf(tx, mode, { type: PHONE_WINDOW_MESSAGE, tx: id, outcome: 'unavailable' }) };
      }
      await store.set(await keyOf('tx', id), { ...tx, launch: { mode, state: launch.state } }, RECORD_TTL_MS);
      return { ok: true, launch };
    },

    async receive(id, posted) {
      const tx = await load(id);
      if (!tx) return gone();
      if (clock() >= tx.expiresAt) return over();
      const result = tx.launch ? deps.provider.readResult(posted, tx.launch.state) : null;
      // Forged, damaged, for an older launch, or for another check's request number: nothing in it is trusted.
      if (!result || !timingSafeEqual(result.requestNo, tx.requestNo)) {
        await audit(about(tx, id), 'check', 'INVALID_INPUT');
        return refuse('INVALID_INPUT', 'This result is not one the identity service sent for this check', { field: 'result' });
      }
      const ref = randomToken(16);
      let outcome: WindowOutcome['outcome'] = 'failed';
      if (result.verified) {
        const theirs = await learnerOf(result.identity.name, tx.withBirth ? result.identity.birthDate : undefined);
        outcome = timingSafeEqual(theirs, tx.learner) ? 'verified' : 'mismatch';
      }
      const stored: WindowOutcome = {
        outcome,
        ref: await hash('phone-window-ref', ref),
        ...(result.verified && result.providerRef ? { providerRef: result.providerRef } : {}),
      };
      // The request number is single use: a second result for it (a replay) is refused.
      if (!(await store.setIfAbsent(await keyOf('result', id), stored, RECORD_TTL_MS))) {
        await audit(about(tx, id), 'check', 'ALREADY_USED');
        return refuse('ALREADY_USED', 'This check already has its result');
      }
      if (outcome === 'failed') await audit(about(tx, id), 'check', 'rejected');
      const handover = handoverOf(tx, tx.launch?.mode ?? 'popup', { type: PHONE_WINDOW_MESSAGE, tx: id, ref });
      return { ok: true, handover };
    },

    async complete(session, id, ref) {
      const tx = await load(id);
      if (!tx || tx.subject !== session.subject) return gone();
      if (!REF_PATTERN.test(ref)) return refuse('INVALID_INPUT', 'The reference is malformed', { field: 'ref' });
      if (clock() >= tx.expiresAt) return { ok: true, status: 'expired' };
      const outcome = await store.get<WindowOutcome>(await keyOf('result', id));
      if (!outcome) return { ok: true, status: 'pending' };
      if (!timingSafeEqual(await hash('phone-window-ref', ref), outcome.ref)) {
        return refuse('INVALID_INPUT', 'The reference does not belong to this check', { field: 'ref' });
      }
      if (outcome.outcome === 'failed') return { ok: true, status: 'rejected' };
      if (!(await store.setIfAbsent(await keyOf('used', id), true, RECORD_TTL_MS))) {
        return refuse('ALREADY_USED', 'This check is already complete; start again for a new one');
      }
      // The result's person was compared with this learner when it arrived (only hashes are
      // kept): the finisher gets the learner back for a match, or nobody for a mismatch.
      const learner = await session.personal();
      const birthDate = learner.birth === undefined ? undefined : parseBirth(learner.birth)?.date;
      const identity = outcome.outcome === 'verified' ? { name: learner.name, birthDate: birthDate ?? '', phone: learner.phone } : null;
      const finished = await deps.finisher.finish(session, about(tx, id), {
        identity,
        ...(outcome.providerRef ? { providerRef: outcome.providerRef } : {}),
      });
      return finished.ok ? { ok: true, status: 'approved', purpose: tx.purpose } : finished;
    },
  };
}
