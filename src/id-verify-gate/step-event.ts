/** The one event steps send up to the gate; the gate owns the flow and the public events. */
import type { ErrorCode, TokenResponse, VerifyMethod } from '../protocol/index.js';
import type { ClientErrorCode } from '../client/index.js';

/** What a step asks the gate to do. */
export type StepAction =
  | { kind: 'choose'; method: VerifyMethod }
  | { kind: 'back' }
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
