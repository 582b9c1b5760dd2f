/**
 * Limits on the 보안문자's work: issuing a challenge (drawing it) and voicing it (mixing a WAV)
 * each cost about 12 ms of CPU, so a session and a client address may ask only so often.
 * Counted per clock minute in the store, so the limits hold across instances; addresses appear
 * in store keys only as keyed hashes. An unknown address skips the per-address count rather
 * than pooling every learner under one (see `http/client-ip.ts`).
 */
import type { KeyedHasher } from '../crypto.js';
import type { Store } from '../stores/store.js';
import { refuse, type Refusal } from './refusal.js';

/**
 * Captchas (issued or voiced) one session may ask for per minute unless configured otherwise:
 * a learner refreshing and replaying stays far below it; a script spends at most 0.4 s of CPU
 * a minute per session.
 */
export const DEFAULT_CAPTCHAS_PER_SESSION_PER_MINUTE = 30;
/**
 * Captchas one client address may ask for per minute unless configured otherwise: generous,
 * since a company's training room shares one address, yet one address cannot hold more than
 * about a twentieth of a core.
 */
export const DEFAULT_CAPTCHAS_PER_IP_PER_MINUTE = 240;

const MINUTE_MS = 60_000;

/** Options of {@link createCaptchaRate}. */
export interface CaptchaRateOptions {
  /** Where the counters live. */
  store: Store;
  /** Keyed hash for the addresses in store keys. */
  hash: KeyedHasher;
  /** Epoch milliseconds. */
  clock: () => number;
  /** Per session per minute (default {@link DEFAULT_CAPTCHAS_PER_SESSION_PER_MINUTE}). */
  perSession?: number;
  /** Per client address per minute (default {@link DEFAULT_CAPTCHAS_PER_IP_PER_MINUTE}). */
  perIp?: number;
}

/** The captcha limits. */
export interface CaptchaRate {
  /**
   * Counts one captcha for the session `handle` from the client at `ip` (`undefined`: unknown);
   * refused with the seconds until the minute is over.
   */
  claim(handle: string, ip: string | undefined): Promise<{ ok: true } | Refusal>;
}

/** Creates the captcha limits. */
export function createCaptchaRate(options: CaptchaRateOptions): CaptchaRate {
  const { store, hash, clock } = options;
  const perSession = options.perSession ?? DEFAULT_CAPTCHAS_PER_SESSION_PER_MINUTE;
  const perIp = options.perIp ?? DEFAULT_CAPTCHAS_PER_IP_PER_MINUTE;
  for (const [name, value] of [['captchasPerSessionPerMinute', perSession], ['captchasPerIpPerMinute', perIp]] as const) {
    if (!Number.isSafeInteger(value) || value < 1) throw new TypeError(`${name} must be a whole number (1 or more)`);
  }
  return {
    async claim(handle, ip) {
      const now = clock();
      const minute = Math.floor(now / MINUTE_MS);
      const left = (minute + 1) * MINUTE_MS - now;
      const refused = () =>
        refuse('RATE_LIMITED', 'Too many captchas; wait a moment', { retryAfter: Math.max(1, Math.ceil(left / 1000)) });
      const sessionKey = `captcha:rate:session:${minute}:${handle}`;
      if (!(await store.chargeAttempt(sessionKey, perSession, left)).allowed) return refused();
      if (ip === undefined) return { ok: true };
      const client = await hash('client-ip', ip);
      if (!(await store.chargeAttempt(`captcha:rate:ip:${minute}:${client}`, perIp, left)).allowed) {
        // Nothing was done for the session: its count is given back.
        await store.refund(sessionKey);
        return refused();
      }
      return { ok: true };
    },
  };
}
