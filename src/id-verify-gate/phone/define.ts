/**
 * The phone path's steps, loaded on demand: a learner who never leaves mOTP never downloads
 * them (or the carrier picker). Registration is guarded: a page may load the bundle twice.
 */
import '../../pass-carrier-picker/define.js';
import { phoneEn } from '../../i18n/phone-en.js';
import { phoneKo } from '../../i18n/phone-ko.js';
import { define } from '../../internal/define.js';
import { CaptchaField } from './captcha-field.js';
import { PhoneIdentityStep } from './identity-step.js';
import { PhoneIntroStep } from './intro-step.js';
import { PhoneMethodStep } from './method-step.js';
import { PhoneSmsStep } from './sms-step.js';
import { PhoneWaitStep } from './wait-step.js';

const steps: [string, CustomElementConstructor][] = [
  ['idv-phone-intro-step', PhoneIntroStep],
  ['idv-phone-method-step', PhoneMethodStep],
  ['idv-phone-identity-step', PhoneIdentityStep],
  ['idv-captcha-field', CaptchaField],
  ['idv-phone-wait-step', PhoneWaitStep],
  ['idv-phone-sms-step', PhoneSmsStep],
];
for (const [name, element] of steps) define(name, element);

/** The phone path's strings, merged into the gate's locale once this module has loaded. */
export const phoneStrings = { ko: phoneKo, en: phoneEn };
export { PHONE_VIEWS as phoneViews } from './views.js';

/** Fetches the provider window's step (NICE), a chunk of its own; rejects when it cannot be fetched. */
export const loadWindowStep = () => import('../window/define.js');

declare global {
  interface HTMLElementTagNameMap {
    'idv-phone-intro-step': PhoneIntroStep;
    'idv-phone-method-step': PhoneMethodStep;
    'idv-phone-identity-step': PhoneIdentityStep;
    'idv-captcha-field': CaptchaField;
    'idv-phone-wait-step': PhoneWaitStep;
    'idv-phone-sms-step': PhoneSmsStep;
  }
}
