/**
 * How many status streams one session may hold open at once. A stream is cheap to poll now
 * that streams on one transaction share their poll, but each still holds a connection, timers
 * and a follower: past the cap a new one is refused (`RATE_LIMITED`), and the widget falls back
 * to polling `GET /v1/phone/{tx}`. The count lives in the store, so it holds across instances.
 */
import { LIMITS } from '../../protocol/index.js';
import type { Store } from '../stores/store.js';
import { refuse, type Refusal } from './refusal.js';

/** Streams one session may hold open at once (a learner with a few tabs stays under it). */
export const PHONE_STREAMS_PER_SESSION = 4;
/** Seconds a refused stream is told to wait: about the time a closed tab takes to free its slot. */
export const PHONE_STREAMS_RETRY_AFTER = 5;
/**
 * A slot's count outlives the longest stream (an SMS code's whole life and a grace period),
 * so a process that dies with streams open leaks their slots for that long at most.
 */
const SLOT_TTL_MS = (LIMITS.smsMaxLifeSeconds + 60) * 1000;

/** The per-session stream cap. */
export interface PhoneStreams {
  /** Takes a slot for one more stream of the session `handle`; its release, or a refusal. */
  open(handle: string): Promise<{ ok: true; release: () => Promise<void> } | Refusal>;
}

/** Creates the cap over `store`, `max` streams per session. */
export function createPhoneStreams(store: Store, max = PHONE_STREAMS_PER_SESSION): PhoneStreams {
  return {
    async open(handle) {
      const key = `phone:streams:${handle}`;
      const { allowed } = await store.chargeAttempt(key, max, SLOT_TTL_MS);
      if (!allowed) {
        return refuse('RATE_LIMITED', `At most ${max} event streams per session; close one or poll the status`, {
          retryAfter: PHONE_STREAMS_RETRY_AFTER,
        });
      }
      let released = false;
      return {
        ok: true,
        async release() {
          if (released) return;
          released = true;
          await store.refund(key);
        },
      };
    },
  };
}
