/** Registers `<pass-carrier-picker>` (once, whoever imports it first) and exports its class. */
import { PassCarrierPicker } from './pass-carrier-picker.js';

export { PassCarrierPicker };

if (!customElements.get('pass-carrier-picker')) customElements.define('pass-carrier-picker', PassCarrierPicker);

declare global {
  interface HTMLElementTagNameMap {
    'pass-carrier-picker': PassCarrierPicker;
  }
}
