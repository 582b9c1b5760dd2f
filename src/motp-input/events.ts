/** Events of `<motp-input>`; `src/events.ts` re-exports them for the package's users. */

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
