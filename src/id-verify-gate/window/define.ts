/**
 * The provider-window step, in a chunk of its own: only a learner whose server offers the
 * provider's window (NICE) downloads it. Registration is guarded: a page may load the bundle twice.
 */
import { PhoneWindowStep } from './window-step.js';

if (!customElements.get('idv-phone-window-step')) customElements.define('idv-phone-window-step', PhoneWindowStep);

declare global {
  interface HTMLElementTagNameMap {
    'idv-phone-window-step': PhoneWindowStep;
  }
}
