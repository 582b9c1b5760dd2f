/**
 * Public events of id-verify. Each is an `Event` subclass the page can type-check against;
 * they bubble and cross shadow roots so a listener on `document` hears them too.
 */
import type { ErrorCode, Purpose, ResultMethod } from './protocol/index.js';
import type { ClientErrorCode } from './client/index.js';
import { ComposedEvent } from './internal/composed-event.js';

export { MotpCompleteEvent } from './motp-input/events.js';

/** The learner is verified: send `token` to the LMS server, which verifies it. */
export class IdVerifySuccessEvent extends ComposedEvent {
  /** Event name. */
  static readonly eventName = 'id-verify-success';
  constructor(
    /** Signed result token (JWS); verify it server-side, never trust it in the page. */
    readonly token: string,
    /** How the learner was verified. */
    readonly method: ResultMethod,
    /** Why the check was run. */
    readonly purpose: Purpose,
  ) {
    super(IdVerifySuccessEvent.eventName);
  }
}

/** The check ended without success and the learner cannot go on in this gate (e.g. locked). */
export class IdVerifyFailureEvent extends ComposedEvent {
  /** Event name. */
  static readonly eventName = 'id-verify-failure';
  constructor(
    /** Error code from the server, or a client-side code (`NETWORK`, `TIMEOUT`…). */
    readonly code: ErrorCode | ClientErrorCode,
    /** Localized explanation, as shown to the learner. */
    readonly message: string,
  ) {
    super(IdVerifyFailureEvent.eventName);
  }
}

/** The learner cancelled the check. */
export class IdVerifyCancelEvent extends ComposedEvent {
  /** Event name. */
  static readonly eventName = 'id-verify-cancel';
  constructor() {
    super(IdVerifyCancelEvent.eventName);
  }
}

/** The server's policy needs no check now (e.g. `daily` already done today, KST). */
export class IdVerifySkipEvent extends ComposedEvent {
  /** Event name. */
  static readonly eventName = 'id-verify-skip';
  constructor(
    /** The purpose that needs no check now. */
    readonly purpose: Purpose,
  ) {
    super(IdVerifySkipEvent.eventName);
  }
}

declare global {
  interface HTMLElementEventMap {
    'id-verify-success': IdVerifySuccessEvent;
    'id-verify-failure': IdVerifyFailureEvent;
    'id-verify-cancel': IdVerifyCancelEvent;
    'id-verify-skip': IdVerifySkipEvent;
  }
}
