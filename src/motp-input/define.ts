/** Registers `<motp-input>` (once, whoever imports it first) and exports its class and events. */
import { MotpInput } from './motp-input.js';

export { MotpInput };
export { MotpCompleteEvent } from './events.js';

if (!customElements.get('motp-input')) customElements.define('motp-input', MotpInput);

declare global {
  interface HTMLElementTagNameMap {
    'motp-input': MotpInput;
  }
}
