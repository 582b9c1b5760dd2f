/**
 * Send throttles of the phone check (docs/security.md rule 10), checked before anything is sent:
 *
 * - per phone, 30 s between two sends (start or resend) and at most 5 sends in any 10 minutes;
 * - per client IP, a cap per clock hour (30 by default, as Firebase does per IP), when the
 *   address is known (see `http/client-ip.ts` for why an unknown one is not pooled).
 *
 * A refusal says exactly when the next send would be allowed (`Retry-After`).
 *
 * The 30 s gap is one atomic set-if-absent, and whoever holds it is the only one who may add to
 * the phone's 10-minute log — so parallel sends to one phone cannot slip past either limit.
 * The IP cap is an atomic counter. A send that then fails upstream is given back entirely.
 * Phones and IPs appear in store keys only as keyed hashes.
 */
import { LIMITS } from '../../protocol/index.js';
import type { Store } from '../stores/store.js';

/** Sends per IP per clock hour unless configured otherwise. */
export const DEFAULT_IP_SENDS_PER_HOUR = 30;

const GAP_MS = LIMITS.smsResendCooldownSeconds * 1000;
const WINDOW_MS = 10 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** A granted send: record it once it went out, or give it back when it did not. */
export interface SendTicket {
  /** The send went out: log it against the phone's 10-minute limit. */
  commit(): Promise<void>;
  /** The send never happened (provider down): free the phone's gap and the IP's slot. */
  release(): Promise<void>;
}

/** A send request's verdict. */
export type SendVerdict = ({ allowed: true } & SendTicket) | { allowed: false; retryAfter: number };

/** The send throttles. */
export interface SendThrottle {
  /**
   * Asks to send to the line `line` (a keyed hash) from the client `ip` (a keyed hash;
   * `undefined` when the address is unknown, which skips the per-IP cap).
   */
  claim(line: string, ip: string | undefined): Promise<SendVerdict>;
  /** Seconds until the next send to `line` would be allowed (0 when it would be now). */
  waitFor(line: string): Promise<number>;
}

/** Options of {@link createSendThrottle}. */
export interface SendThrottleOptions {
  /** Where the counters live. */
  store: Store;
  /** Epoch milliseconds. */
  clock: () => number;
  /** Sends per IP per clock hour (default {@link DEFAULT_IP_SENDS_PER_HOUR}). */
  ipSendsPerHour?: number;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Creates the throttles over `store`. */
export function createSendThrottle(options: SendThrottleOptions): SendThrottle {
  const { store, clock } = options;
  const ipCap = options.ipSendsPerHour ?? DEFAULT_IP_SENDS_PER_HOUR;
  const gapKey = (line: string) => `phone:gap:${line}`;
  const logKey = (line: string) => `phone:sends:${line}`;

  /** Send times of the last 10 minutes, oldest first. */
  const recent = async (line: string, now: number) =>
    ((await store.get<number[]>(logKey(line))) ?? []).filter((at) => at > now - WINDOW_MS);

  /** Milliseconds until the 10-minute log has room (0 when it has). */
  const windowWait = (log: number[], now: number) => {
    const limit = LIMITS.smsSendsPer10Min;
    return log.length < limit ? 0 : log[log.length - limit]! + WINDOW_MS - now;
  };

  /** Milliseconds until the 30 s gap since the last send is over (0 when it is). */
  const gapWait = async (line: string, now: number) => {
    const last = await store.get<number>(gapKey(line));
    return typeof last === 'number' ? Math.max(0, last + GAP_MS - now) : 0;
  };

  return {
    async claim(line, ip) {
      const now = clock();
      const full = windowWait(await recent(line, now), now);
      if (full > 0) return { allowed: false, retryAfter: seconds(full) };
      if (!(await store.setIfAbsent(gapKey(line), now, GAP_MS))) {
        return { allowed: false, retryAfter: seconds(await gapWait(line, now)) };
      }
      const hour = Math.floor(now / HOUR_MS);
      const hourEnd = (hour + 1) * HOUR_MS;
      const ipKey = ip === undefined ? undefined : `phone:ip:${hour}:${ip}`;
      if (ipKey !== undefined && !(await store.chargeAttempt(ipKey, ipCap, hourEnd - now)).allowed) {
        await store.delete(gapKey(line));
        return { allowed: false, retryAfter: seconds(hourEnd - now) };
      }
      return {
        allowed: true,
        async commit() {
          // Only the holder of the gap writes the log, so this read-modify-write cannot race.
          const log = await recent(line, now);
          log.push(now);
          await store.set(logKey(line), log, WINDOW_MS);
        },
        async release() {
          await store.delete(gapKey(line));
          if (ipKey !== undefined) await store.refund(ipKey);
        },
      };
    },

    async waitFor(line) {
      const now = clock();
      const wait = Math.max(windowWait(await recent(line, now), now), await gapWait(line, now));
      return wait > 0 ? seconds(wait) : 0;
    },
  };
}
