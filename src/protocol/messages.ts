/**
 * Request and answer bodies of protocol v1 (docs/protocol.md): the client sends these request
 * types, and the server's readers check an {@link Unchecked} body of the same type.
 */
import type { Carrier, PhoneMethod, Purpose, ResultMethod, VerifyMethod } from './constants.js';

/**
 * A request body as the server receives it, before any check: the request type's fields, each
 * of unknown value. A reader takes this and gives back the checked request (or refuses it).
 */
export type Unchecked<T> = { readonly [K in keyof T]?: unknown };

/**
 * Body of the POSTs that carry nothing (`/v1/captcha`, and a phone check's complete, extend and
 * resend): `{}`, or for the last three no body at all.
 */
export type EmptyRequest = Record<string, never>;

/** `GET /v1/config?purpose=…` → what the gate may offer this learner now. */
export interface ConfigResponse {
  /** Protocol version. */
  version: 1;
  /** The purpose the answer was computed for. */
  purpose: Purpose;
  /** Whether the policy needs a check now (false, e.g., when `daily` is already done today, KST). */
  required: boolean;
  /** Methods the server enables, in its preferred order. */
  methods: VerifyMethod[];
  /** Carriers the phone check accepts, in display order. */
  carriers: Carrier[];
  /** Phone methods the server enables. */
  phoneMethods: PhoneMethod[];
  /** mOTP state of this learner. */
  motp: MotpState;
  /** Timers the widget shows (seconds). */
  timers: {
    /** mOTP step length. */
    motpStep: number;
    /** SMS code life. */
    smsCodeTtl: number;
    /** SMS code may never live past this, from issue. */
    smsMaxLife: number;
    /** Wait between two sends. */
    resendCooldown: number;
  };
  /** Whether the phone check asks for a captcha. */
  captcha: { required: boolean };
  /** Server clock, epoch milliseconds, so the widget's timers can follow it. */
  serverTime: number;
  /**
   * What the forms may show filled in: the learner's name as the LMS registered it, and the
   * registered phone masked (`010-****-5678`). The number itself never leaves the server; the
   * gate names it with `registeredPhone: true` ({@link PhoneChoice}).
   */
  learner: { name: string; phone: string };
}

/** The learner's mOTP standing. */
export interface MotpState {
  /** False when the mOTP provider is down or not configured: offer the phone check (대체인증). */
  available: boolean;
  /** True after too many consecutive failures, until a phone check with purpose `motp-unlock`. */
  locked: boolean;
  /** Wrong codes still allowed before the lock. */
  attemptsLeft: number;
}

/**
 * How a request names the learner's phone: the number as typed, or the one the LMS registered
 * with the session (`registeredPhone: true`), which the page only ever saw masked
 * ({@link ConfigResponse.learner}). Exactly one of the two.
 */
export type PhoneChoice = { phone: string; registeredPhone?: never } | { registeredPhone: true; phone?: never };

/** `POST /v1/motp/verify` body: the code, and the member's phone (typed, or the registered one). */
export type MotpVerifyRequest = PhoneChoice & {
  /** The 6 digits shown by the mOTP app. */
  otp: string;
};

/** Successful answer of every call that completes a verification. */
export interface TokenResponse {
  /** Signed result token (JWS) for the LMS server to verify. */
  token: string;
  /** How the learner was verified. */
  method: ResultMethod;
  /** The purpose the token was issued for. */
  purpose: Purpose;
}

/** Claims of the result token; nothing else is in it (docs/security.md rule 23). */
export interface ResultTokenClaims {
  /** Issuer: the verification server's URL. */
  iss: string;
  /** Audience: the LMS the token is for. */
  aud: string;
  /** The learner's LMS subject id. */
  sub: string;
  /** Issued at (seconds). */
  iat: number;
  /** Expiry (seconds), at most 120 s after `iat`. */
  exp: number;
  /** Unique id; the LMS refuses a second use. */
  jti: string;
  /** The nonce of the session the LMS minted. */
  nonce: string;
  /** Why the check was run. */
  purpose: Purpose;
  /** How the learner was verified. */
  method: ResultMethod;
  /** RFC 8176 authentication method references. */
  amr: string[];
}

/**
 * The course a check belongs to, as the LMS knows it: what HRD Korea calls the course and class
 * agent keys, and the lesson (차시) number. Holds no personal data.
 */
export interface CourseContext {
  /** The course's key at the institution (HRD Korea: `COURSE_AGENT_PK`). */
  coursePk: string;
  /** The class (course run) key at the institution (HRD Korea: `CLASS_AGENT_PK`). */
  classPk: string;
  /** The lesson (차시) or evaluation round, two digits: `01`…`99`; `00` for enrolment (입과). */
  classTime: string;
}

/** `POST /v1/dev/session` body (simulator only). Missing fields default to the demo learner. */
export interface DevSessionRequest {
  /** LMS subject id. */
  subject?: string;
  /** Learner's name. */
  name?: string;
  /** Learner's phone. */
  phone?: string;
  /** Birth date and digit, `YYMMDD-D`. */
  birth?: string;
  /** Purpose of the session. */
  purpose?: Purpose;
  /** Course context, as an LMS would pass it to `createSession`. */
  course?: CourseContext;
}

/** `POST /v1/dev/session` answer. */
export interface DevSessionResponse {
  /** Opaque session for `Authorization: Bearer`. */
  session: string;
  /** Nonce the result token will carry. */
  nonce: string;
}

/** `POST /v1/dev/motp/enroll` body. */
export interface DevMotpEnrollRequest {
  /** Phone the mOTP app is registered to. */
  phone: string;
}

/** `POST /v1/dev/motp/enroll` answer. */
export interface DevMotpEnrollResponse {
  /** `otpauth://totp/…` URI any authenticator app (and the phone simulator) reads. */
  otpauth: string;
}

/** `POST /v1/captcha` answer: a 보안문자 drawn as vector paths (CSP-safe: no markup to inject). */
export interface CaptchaResponse {
  /** Captcha id, sent back with the answer in `PhoneStartRequest.captcha`. */
  id: string;
  /** The picture: a `viewBox` of `width` × `height` and SVG path data, glyphs and noise alike. */
  image: { width: number; height: number; paths: string[] };
  /** Digits in the answer (for the input's length). */
  length: number;
  /** Seconds the captcha stays valid. */
  expiresIn: number;
}
/* `GET /v1/captcha/{id}/audio` answers `audio/wav`: the digits spoken in Korean over noise. */

/** `POST /v1/phone/start` body: the learner's mobile (typed, or the registered one) and the rest. */
export type PhoneStartRequest = PhoneChoice & PhoneStartDetails;

/** The fields of {@link PhoneStartRequest} besides the phone. */
export interface PhoneStartDetails {
  /** Carrier code. */
  carrier: Carrier;
  /** PASS app, QR, or SMS. */
  method: PhoneMethod;
  /** Learner's name as typed. */
  name: string;
  /** `YYMMDD-D` (birth date and the one gender/century digit), SMS only; never more digits. */
  birth?: string;
  /** "본인확인 이용 동의(필수)": must be `true`. */
  consent: boolean;
  /** Captcha id and the digits the learner read or heard. */
  captcha: { id: string; answer: string };
  /** `motp-unlock` when the check is run to clear an mOTP lock; otherwise the session's purpose. */
  purpose?: Purpose;
}

/** `POST /v1/phone/start` answer. The same whether or not the phone is known (docs/security.md rule 22). */
export interface PhoneStartResponse {
  /** Transaction id: random, useless without the learner's session. */
  tx: string;
  /** Seconds until the request (or SMS code) expires. */
  expiresIn: number;
  /** Seconds until a resend is allowed (SMS). */
  resendIn: number;
  /** QR method only: what the QR encodes and the 6-digit number to type in the PASS app instead. */
  qr?: { payload: string; number: string };
}

/** Where a phone transaction stands. */
export const PHONE_STATUSES = ['pending', 'approved', 'rejected', 'expired'] as const;
/** Where a phone transaction stands. */
export type PhoneStatus = (typeof PHONE_STATUSES)[number];

/**
 * `GET /v1/phone/{tx}` answer, and each `status` event of `GET /v1/phone/{tx}/events`
 * (`event: status`, `data: <this as JSON>`); the stream ends after a terminal status.
 */
export interface PhoneStatusResponse {
  /** Current status. */
  status: PhoneStatus;
  /** Seconds left before expiry (0 once terminal). */
  expiresIn: number;
}

/**
 * `POST /v1/phone/{tx}/complete` ("인증 완료") answer: the token once approved; otherwise the
 * status, so the widget can say "not yet approved", "denied" or "expired".
 */
export type PhoneCompleteResponse =
  | ({ status: 'approved' } & TokenResponse)
  | { status: Exclude<PhoneStatus, 'approved'> };

/** `POST /v1/phone/{tx}/verify` body (SMS); answers `TokenResponse` or an error. */
export interface PhoneVerifyRequest {
  /** The 6 digits from the SMS. */
  code: string;
}

/** `POST /v1/phone/{tx}/extend` and `/resend` answer. */
export interface PhoneTimerResponse {
  /** Seconds the (new) code lives from now; never past 600 s from its first issue. */
  expiresIn: number;
  /** Seconds until the next resend is allowed. */
  resendIn: number;
}

/** `POST /v1/dev/captcha/{id}` answer (simulator only). */
export interface DevCaptchaResponse {
  /** The captcha's digits. */
  answer: string;
}

/** `POST /v1/dev/inbox` body → `DevInboxResponse` (simulator only). */
export interface DevPhoneRequest {
  /** The simulated phone's number. */
  phone: string;
}

/** The simulated phone's SMS inbox, newest last. */
export interface DevInboxResponse {
  /** Messages as the phone shows them ("[Web발신] … 인증번호 [123456]를 입력해주세요."). */
  messages: { text: string; at: number }[];
}

/** `POST /v1/dev/pass/pending` answer: PASS app requests waiting on the phone. */
export interface DevPassPendingResponse {
  /** Requests to approve or deny. */
  requests: { tx: string; carrier: Carrier; requestedAt: number; expiresIn: number }[];
}

/** `POST /v1/dev/qr` body: the number the learner typed into the PASS app's QR screen. */
export interface DevQrRequest {
  /** The phone doing the typing. */
  phone: string;
  /** The 6-digit number shown on the PC. */
  number: string;
}

/** `POST /v1/phone/window/start` body: a check in the provider's own window (method `window`). */
export interface PhoneWindowStartRequest {
  /** "본인확인 이용 동의(필수)": must be `true`. */
  consent: boolean;
  /** `motp-unlock` when the check is run to clear an mOTP lock; otherwise the session's purpose. */
  purpose?: Purpose;
  /**
   * The page to come back to when the window cannot be a popup (same-window fallback): an
   * absolute URL of the calling page's own origin. The result is appended as `#idv-window=…`.
   */
  returnTo?: string;
}

/**
 * `POST /v1/phone/window/start` answer. The window opens at `GET {endpoint}/v1/phone/window/{tx}`
 * (a popup), or `…?mode=redirect` in the same window; both are pages of this server that post
 * the provider's form.
 */
export interface PhoneWindowStartResponse {
  /** Transaction id (random; the request number the provider sees is another). */
  tx: string;
  /** Seconds the check stays open (10 minutes). */
  expiresIn: number;
  /** The popup size the provider asks for, in CSS pixels. */
  window: { width: number; height: number };
}

/** `type` of the message the result page posts to the gate's window. */
export const PHONE_WINDOW_MESSAGE = 'id-verify-window';

/**
 * What the result page posts to its opener (only to the origin that started the check), or
 * appends to `returnTo` as `#idv-window=<tx>.<ref>`: a one-time reference, never the result.
 * `outcome: 'unavailable'` says the provider could not be reached to open the window.
 */
export type PhoneWindowMessage =
  | { type: typeof PHONE_WINDOW_MESSAGE; tx: string; ref: string }
  | { type: typeof PHONE_WINDOW_MESSAGE; tx: string; outcome: 'unavailable' };

/** `POST /v1/phone/window/{tx}/complete` body; answers {@link PhoneCompleteResponse}. */
export interface PhoneWindowCompleteRequest {
  /** The one-time reference the result page handed over. */
  ref: string;
}
