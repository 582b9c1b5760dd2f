/**
 * The provider-window step, in a chunk of its own: only a learner whose server offers the
 * provider's window (NICE) downloads it. Registration is guarded: a page may load the bundle twice.
 */
import { PhoneWindowStep } from './window-step.js';

// A plain guard, not internal/define.ts: importing that helper from this chunk (which the phone
// chunk loads) makes the bundler split a common chunk off the script-tag file, +1.2 kB up front
// (`npm run size`). This internal step's name is ours alone; the public tags get the warning.
if (!customElements.get('idv-phone-window-step')) customElements.define('idv-phone-window-step', PhoneWindowStep);

declare global {
  interface HTMLElementTagNameMap {
    'idv-phone-window-step': PhoneWindowStep;
  }
}
