/** Request and answer bodies of protocol v1 (DESIGN §4). */
import type { Carrier, PhoneMethod, Purpose, ResultMethod, VerifyMethod } from './constants.js';

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

/** `POST /v1/motp/verify` body. */
export interface MotpVerifyRequest {
  /** The 6 digits shown by the mOTP app. */
  otp: string;
  /** The member's phone number as typed (`010-1234-5678` or digits). */
  phone: string;
}

/** Successful answer of every call that completes a verification. */
export interface TokenResponse {
  /** Signed result token (JWS) for the LMS server to verify. */
  token: string;
  /** How the learner was verified. */
  method: ResultMethod;
  /** The purpose the token was issued for. */
  purpose: Purpose;
}

/** Claims of the result token; nothing else is in it (SECURITY 23). */
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

/** Phone-check request body (`POST /v1/phone/start`), for the phone issue. */
export interface PhoneStartRequest {
  /** Carrier code. */
  carrier: Carrier;
  /** PASS app, QR, or SMS. */
  method: PhoneMethod;
  /** Learner's name. */
  name: string;
  /** Learner's phone. */
  phone: string;
  /** `YYMMDD-D`, SMS only. */
  birth?: string;
  /** "본인확인 이용 동의(필수)". */
  consent: boolean;
  /** Captcha id and answer. */
  captcha: { id: string; answer: string };
}
