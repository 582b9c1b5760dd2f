/** Registers `<id-verify-gate>` (guarded against double definition). */
import { define } from '../internal/define.js';
import { IdVerifyGate } from './id-verify-gate.js';

define('id-verify-gate', IdVerifyGate, 'IdVerifyGate');

declare global {
  interface HTMLElementTagNameMap {
    'id-verify-gate': IdVerifyGate;
  }
}
