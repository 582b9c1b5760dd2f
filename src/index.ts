/**
 * id-verify: importing this module defines every element. Element classes, events, the
 * client and the protocol types are re-exported for typed use.
 */
import './motp-input/define.js';
import './pass-carrier-picker/define.js';
import './id-verify-gate/define.js';

export { MotpInput } from './motp-input/motp-input.js';
export { PassCarrierPicker } from './pass-carrier-picker/pass-carrier-picker.js';
export { IdVerifyGate, type GateStep } from './id-verify-gate/id-verify-gate.js';
export * from './events.js';
export { VerifyClient, VerifyError, type VerifyClientOptions, type ClientErrorCode, type FetchLike } from './client/index.js';
export { ko, loadEnglish, resolveTranslation, type Translation, type Notice, type PhoneStrings } from './i18n/index.js';
export * from './protocol/index.js';
