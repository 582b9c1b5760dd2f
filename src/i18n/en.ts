/** English. */
import type { Translation } from './translation.js';

/** English strings. */
export const en: Translation = {
  lang: 'en',
  gateLabel: 'Identity verification',
  loading: 'Loading identity verification…',
  retry: 'Try again',
  stepLoading: 'Loading the next screen…',
  stepLoadFailed: 'The next screen could not be loaded. Check your connection and try again; if it keeps failing, reload the page.',
  reload: 'Reload page',
  back: 'Back',
  cancel: 'Cancel',
  notice: {
    title: 'Notice',
    intro: [
      'This online course is approved by HRD Korea under Article 27 of the Employment Insurance Act and Article 41-2 of its Enforcement Decree, and its cost is subsidised by the Ministry of Employment and Labor.',
      'Please observe the following while you train.',
    ],
    sections: [
      {
        heading: '[Course rules]',
        items: [
          'Lessons are taken in order, at most 6 hours a day.',
          'Evaluations and assignments can be taken once only; the final evaluation is timed.',
          'Evaluations open at 50 % (midterm) or 80 % (final, assignment) progress.',
          'Completion requires 80 % progress and 60 points in total; only then is the course subsidised.',
        ],
      },
      {
        heading: '[Prohibited conduct]',
        items: [
          'I will not share my account (ID, password) or let anyone take the course in my place.',
          'I will not let anyone sit an evaluation in my place, nor copy another person’s answers.',
        ],
      },
    ],
    warning:
      'Completing the course by fraud (proxy study or evaluation, false statements or other dishonest means) voids the completion and may lead to administrative sanctions.',
    instruction: 'If you have read and agree to the above, tick the box. Without your agreement you cannot take the course.',
  },
  agree: 'I agree',
  agreeRequired: 'Tick “I agree” to continue with verification.',
  methodHeading: 'Verify your identity',
  methodLabel: { phone: 'Verify with phone', motp: 'Verify with mOTP' },
  noMethods: 'No verification method is available right now. Please contact your training institution.',
  motpTitle: 'mOTP verification',
  motpInstruction: 'Open the training mOTP app and enter the 6-digit code it shows.',
  otpLabel: 'OTP code',
  memberPhoneLabel: 'Member phone number',
  phonePlaceholder: '010-1234-5678',
  verify: 'Verify',
  verifying: 'Checking…',
  motpHelp: [
    'No app yet? Search for “HRD Korea mOTP” in your app store and install it first.',
    'A code is valid for 60 seconds. If little time is left, wait for the next code.',
  ],
  motpHelpPhone: 'If you cannot use mOTP, verify with your phone instead.',
  codeIncomplete: 'Enter the 6-digit code.',
  phoneInvalid: 'Enter your mobile number, e.g. 010-1234-5678.',
  wrongCode: (n) => `Wrong code. ${n} ${n === 1 ? 'try' : 'tries'} left.`,
  lockedTitle: 'mOTP is locked',
  lockedBody:
    'mOTP was locked after 5 wrong codes in a row. Verify with your phone to unlock it, then you can use mOTP again.',
  lockedContact: 'If you cannot verify by phone, please contact your training institution.',
  alreadyUsed: 'This code was already used. Enter the next code your mOTP app shows.',
  expired: 'Time ran out. Please start again.',
  mismatch: 'This number does not match the one registered to your account. Enter your own mobile number.',
  unavailable: 'The mOTP service cannot be reached. Please try again shortly.',
  rateLimited: (s) => `Too many requests. Try again in ${s} s.`,
  network: 'The server cannot be reached. Check your connection and try again.',
  timeout: 'The server is taking too long. Please try again.',
  sessionExpired: 'Your verification session has expired. Reload the page and try again.',
  genericError: 'Verification could not be completed. Please try again.',
  doneTitle: 'Verified',
  doneBody: 'Your identity has been verified.',
  notRequired: 'You have already verified your identity today.',
  unlockWithPhone: 'Unlock with phone verification',
  unlocked: 'mOTP is unlocked. Enter the new code from your mOTP app.',
  switchToPhone: 'Use phone',
  substitute: 'mOTP is unavailable, so please verify with your phone instead.',
};
