/** Events of `<motp-input>`; `src/events.ts` re-exports them for the package's users. */

// A plain Event, not the gate's ComposedEvent: <motp-input> ships alone within a size budget.

/** Every digit of the code has been entered by the learner (typed, pasted or autofilled). */
export class MotpCompleteEvent extends Event {
  /** Event name. */
  static readonly eventName = 'motp-complete';
  constructor(
    /** The complete code, ASCII digits only. */
    readonly value: string,
  ) {
    super(MotpCompleteEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'motp-complete': MotpCompleteEvent;
  }
}
