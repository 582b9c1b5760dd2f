/** The shape every language provides. Functions take the numbers a message needs. */
import type { VerifyMethod } from '../protocol/index.js';

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
}
