/** Registers `<motp-input>` (once, whoever imports it first) and exports its class and events. */
import { define } from '../internal/define.js';
import { MotpInput } from './motp-input.js';

export { MotpInput };
export { MotpCompleteEvent } from './events.js';

define('motp-input', MotpInput, 'MotpInput');

declare global {
  interface HTMLElementTagNameMap {
    'motp-input': MotpInput;
  }
}
