/** Registers `<pass-carrier-picker>` (once, whoever imports it first) and exports its class. */
import { define } from '../internal/define.js';
import { PassCarrierPicker } from './pass-carrier-picker.js';

export { PassCarrierPicker };

define('pass-carrier-picker', PassCarrierPicker, 'PassCarrierPicker');

declare global {
  interface HTMLElementTagNameMap {
    'pass-carrier-picker': PassCarrierPicker;
  }
}
