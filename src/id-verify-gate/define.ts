/** Registers `<id-verify-gate>` (guarded against double definition). */
import { IdVerifyGate } from './id-verify-gate.js';

if (!customElements.get('id-verify-gate')) customElements.define('id-verify-gate', IdVerifyGate);

declare global {
  interface HTMLElementTagNameMap {
    'id-verify-gate': IdVerifyGate;
  }
}
