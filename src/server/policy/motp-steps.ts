/**
 * mOTP replay guard (docs/security.md rule 7): once a code for step `s` is accepted for a learner, any
 * code for a step ≤ `s` is refused. "Raise to" is one atomic store operation, so two parallel
 * submissions of the same code cannot both win.
 */
import { LIMITS } from '../../protocol/index.js';
import type { Store } from '../stores/store.js';

/**
 * How long the last accepted step is remembered. Beyond the window (±1 step) an old step's
 * code is refused as wrong anyway, so a few steps' worth is enough.
 */
const REMEMBER_MS = (LIMITS.motpWindowSteps * 2 + 2) * LIMITS.motpStepSeconds * 1000;

/** The per-learner record of the last accepted step. */
export interface MotpSteps {
  /** True when `step` is later than every step accepted before for the learner (and records it). */
  claim(subject: string, step: number): Promise<boolean>;
}

/** Creates the replay guard over `store`. */
export function createMotpSteps(store: Store): MotpSteps {
  return {
    claim: (subject, step) => store.raiseTo(`motp:last-step:${subject}`, step, REMEMBER_MS),
  };
}
