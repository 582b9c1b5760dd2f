/**
 * When a check is required now (docs/architecture.md). `daily` is needed once per Korean calendar day:
 * Korea keeps UTC+9 all year (no daylight saving), so the KST day is the UTC day of
 * `epoch + 9 h`. Every other purpose asks for a check each time the LMS asks.
 */
import type { Purpose } from '../../protocol/index.js';
import type { Store } from '../stores/store.js';

const KST_OFFSET_MS = 9 * 60 * 60 * 1000;
/** Success records outlive their day by a margin, then expire on their own. */
const SUCCESS_TTL_MS = 48 * 60 * 60 * 1000;

/** The KST calendar date (`YYYY-MM-DD`) of an epoch-millisecond instant. */
export function kstDate(epochMs: number): string {
  return new Date(epochMs + KST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The KST wall-clock time (`YYYY-MM-DD HH:mm:ss`) of an epoch-millisecond instant, as HRD Korea's calls write it. */
export function kstDateTime(epochMs: number): string {
  return new Date(epochMs + KST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** Successful verifications per learner, purpose and KST day. */
export interface VerificationPolicy {
  /** Records a success for the learner and purpose at `epochMs`. */
  recordSuccess(subject: string, purpose: Purpose, epochMs: number): Promise<void>;
  /** Whether the learner must verify for `purpose` at `epochMs`. */
  isRequired(subject: string, purpose: Purpose, epochMs: number): Promise<boolean>;
}

/** Creates the policy over `store`. */
export function createVerificationPolicy(store: Store): VerificationPolicy {
  const keyOf = (subject: string, purpose: Purpose, epochMs: number) =>
    `done:${purpose}:${kstDate(epochMs)}:${subject}`;
  return {
    recordSuccess: (subject, purpose, epochMs) => store.set(keyOf(subject, purpose, epochMs), true, SUCCESS_TTL_MS),
    async isRequired(subject, purpose, epochMs) {
      if (purpose !== 'daily') return true;
      return (await store.get(keyOf(subject, purpose, epochMs))) !== true;
    },
  };
}
