/** The one event steps send up to the gate; the gate owns the flow and the public events. */
import type { ErrorCode, TokenResponse, VerifyMethod } from '../protocol/index.js';
import type { ClientErrorCode } from '../client/index.js';
import type { PhoneFlow } from './phone-flow.js';

/** What a step asks the gate to do. The gate decides which step comes next. */
export type StepAction =
  /** Consent given and a method picked. */
  | { kind: 'choose'; method: VerifyMethod }
  /** Leave mOTP for the phone check: to unlock mOTP, or because the learner prefers it. */
  | { kind: 'phone'; unlock: boolean }
  /** A phone step is done; `patch` is what it learned (carrier, method, tx, …). */
  | { kind: 'next'; patch: Partial<PhoneFlow> }
  /** Back to the previous step. */
  | { kind: 'back' }
  /** Back to the identity step for a new phone request (after a denial or expiry). */
  | { kind: 'restart' }
  | { kind: 'cancel' }
  | { kind: 'verified'; result: TokenResponse }
  | { kind: 'failed'; code: ErrorCode | ClientErrorCode; message: string };

/** Sent by a step to its gate. Bubbles inside the gate's shadow root only (not composed). */
export class StepEvent extends Event {
  /** Event name. */
  static readonly eventName = 'idv-step';
  constructor(
    /** The requested transition. */
    readonly action: StepAction,
  ) {
    super(StepEvent.eventName, { bubbles: true });
  }
}
