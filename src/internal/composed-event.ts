/** The base of the events the page hears. */

/** An event that bubbles and crosses shadow roots, so a listener on the page hears it. */
export class ComposedEvent extends Event {
  constructor(type: string) {
    super(type, { bubbles: true, composed: true });
  }
}
