/** The shape every language provides. Functions take the numbers a message needs. */
import type { Carrier, PhoneMethod, VerifyMethod } from '../protocol/index.js';

/** The default consent notice, as structured text so it renders without innerHTML. */
export interface Notice {
  /** Heading of the notice. */
  title: string;
  /** Opening paragraphs. */
  intro: string[];
  /** Titled lists (course rules, prohibited conduct). */
  sections: { heading: string; items: string[] }[];
  /** The sanction warning, shown emphasised. */
  warning: string;
  /** What ticking the box means. */
  instruction: string;
}

/** Every string the elements show or announce. */
export interface Translation {
  /** BCP 47 tag written to `lang` on the rendered content. */
  lang: string;
  /** Accessible name of the gate. */
  gateLabel: string;
  loading: string;
  retry: string;
  /** Said while the next screen's code (the phone path) downloads. */
  stepLoading: string;
  /** The next screen's code could not be downloaded (offline, or the file is missing). */
  stepLoadFailed: string;
  /** The button that reloads the page, offered once retrying the download has failed too. */
  reload: string;
  back: string;
  cancel: string;
  notice: Notice;
  /** The consent checkbox. */
  agree: string;
  agreeRequired: string;
  /** Heading above the method buttons. */
  methodHeading: string;
  methodLabel: Record<VerifyMethod, string>;
  noMethods: string;
  motpTitle: string;
  motpInstruction: string;
  otpLabel: string;
  memberPhoneLabel: string;
  phonePlaceholder: string;
  verify: string;
  verifying: string;
  /** Help lines under the mOTP form. */
  motpHelp: string[];
  motpHelpPhone: string;
  codeIncomplete: string;
  /** Error shown for a field the member filled wrongly. */
  phoneInvalid: string;
  wrongCode: (attemptsLeft: number) => string;
  lockedTitle: string;
  lockedBody: string;
  lockedContact: string;
  alreadyUsed: string;
  expired: string;
  mismatch: string;
  unavailable: string;
  rateLimited: (seconds: number) => string;
  network: string;
  timeout: string;
  sessionExpired: string;
  genericError: string;
  doneTitle: string;
  doneBody: string;
  notRequired: string;
  /** The button on the locked mOTP screen that starts the unlocking phone check. */
  unlockWithPhone: string;
  /** Said on returning to mOTP after the phone check lifted the lock. */
  unlocked: string;
  /** The mobile mOTP screen's switch to the phone check (사진 1). */
  switchToPhone: string;
  /** Said when mOTP is unavailable and the phone check stands in (대체인증). */
  substitute: string;
  /** Phone path strings; loaded with the phone steps (see `i18n/phone-*.ts`). */
  phone?: PhoneStrings;
}

/** Strings of the phone path (PASS app, QR, SMS), following the seed manual's screens. */
export interface PhoneStrings {
  title: string;
  /** Names of the step indicator's stages. */
  stages: string[];
  /** "단계 2/3" for the indicator's accessible text. */
  stageOf: (current: number, total: number) => string;
  carrierHeading: string;
  /** Carrier names where they differ from the picker's Korean ones. */
  carrierLabels?: Partial<Record<Carrier, string>>;
  mvnoHelp: string;
  methodHeading: string;
  methodLabel: Record<PhoneMethod, string>;
  methodHint: Record<PhoneMethod, string>;
  consent: string;
  consentRequired: string;
  carrierRequired: string;
  next: string;
  confirm: string;
  identityHeading: string;
  name: string;
  number: string;
  birth: string;
  birthDigit: string;
  birthHint: string;
  nameInvalid: string;
  birthInvalid: string;
  captcha: string;
  captchaImage: string;
  captchaRefresh: string;
  captchaAudio: string;
  captchaInput: string;
  captchaFailed: string;
  pushHeading: string;
  pushHint: string;
  qrHeading: string;
  qrHint: string;
  qrImage: string;
  qrNumber: string;
  complete: string;
  waiting: string;
  approved: string;
  notYet: string;
  rejected: string;
  requestExpired: string;
  smsHeading: string;
  smsCode: string;
  remaining: string;
  timer: (minutes: number, seconds: number) => string;
  extend: string;
  extended: string;
  resend: string;
  resendIn: (seconds: number) => string;
  resent: string;
  expiryWarning: (seconds: number) => string;
  codeExpired: string;
  /** The SMS code died after too many wrong entries; only a new request helps. */
  codeDead: string;
  mismatch: string;
  restart: string;
  introHeading: string;
  introBody: string;
  introNote: string;
  start: string;
  /** The provider's own window (NICE): heading, what happens, and its button. */
  windowHeading: string;
  windowHint: string;
  windowOpen: string;
  /** Shown while the window is open, and when it was closed without a result. */
  windowWaiting: string;
  windowClosed: string;
  /** The browser blocked the popup: reopen with a click, or continue in this window. */
  windowBlocked: string;
  windowReopen: string;
  windowHere: string;
  /** The learner cancelled in the window; the provider could not be reached. */
  windowCancelled: string;
  windowUnavailable: string;
}
