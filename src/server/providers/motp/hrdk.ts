/**
 * HRD Korea's mOTP (EMON API), called from the server as LMSs call it today from the browser:
 *
 * - `POST {baseUrl}/api/v2/otp_accredit` checks a code from the learner's 원격훈련 mOTP app,
 *   with the learner, the course and why (`EVAL_CD`);
 * - `POST {baseUrl}/api/v2/user_reset` lifts HRD Korea's own lock after a phone check;
 * - `POST {logUrl}` (pSubOtpLog.jsp) logs a phone check that stood in for mOTP (대체인증).
 *
 * Every call is form-encoded with a deadline. The answers map onto the app's policy: `200`
 * accepted; `AP001` a wrong code (the app's own counter decides the attempts left); `AP009`
 * HRD Korea's lock (the app locks too); `AP012` a malformed code and `WE005` too many requests
 * (neither charged); anything else — `IE…`, `CE…`, other codes, non-JSON, a non-2xx status, no
 * answer in time — is a fault: 503, nothing charged, no token. A learner's code is sent once,
 * never retried.
 */
import { kstDateTime } from '../../policy/daily.js';
import { ProviderUnavailableError } from '../unavailable.js';
import { courseFields } from './hrdk-eval.js';
import { HRDK_TIMEOUT_MS, postForm, retryAfterSeconds, type HrdkAnswer } from './hrdk-http.js';
import type { MotpProvider, MotpVerdict, MotpVerifyInput, PhoneCheckReport } from './provider.js';

/** HRD Korea's mOTP API, as LMSs call it. */
export const HRDK_DEFAULT_BASE_URL = 'https://emonotp.hrdkorea.or.kr';
/** HRD Korea's 대체인증 (substitute verification) log. */
export const HRDK_DEFAULT_LOG_URL = 'https://emon.hrdkorea.or.kr/EAIServer/SOURCE/ExConn/LMS/pSubOtpLog.jsp';
/** The log's `RetVal` for "recorded". */
export const HRDK_LOG_OK = '101';

/** Seconds to wait after `WE005` (too many requests) when HRD Korea does not say. */
const RATE_LIMITED_RETRY_AFTER = 30;
/** An agent id as HRD Korea issues them: visible ASCII. */
const AGENT_ID_PATTERN = /^[\x21-\x7e]{1,64}$/;

/** Options of {@link createHrdkProvider}. */
export interface HrdkProviderOptions {
  /** The institution's agent id at HRD Korea (`AGTID`). */
  agentId: string;
  /** Base URL of the mOTP API (default {@link HRDK_DEFAULT_BASE_URL}). */
  baseUrl?: string;
  /** URL of the 대체인증 log (default {@link HRDK_DEFAULT_LOG_URL}). */
  logUrl?: string;
  /** Epoch milliseconds (default `Date.now`): `USRDT`, and the step a code is accepted for. */
  clock?: () => number;
  /** Deadline of each call in milliseconds (default 10 s); the app's own deadline may end it sooner. */
  timeoutMs?: number;
}

/**
 * A URL option: `http:` or `https:` without credentials (fetch() refuses those), or a TypeError
 * naming the option — never repeating the value, which may hold a secret.
 */
function httpUrl(option: string, value: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
    throw new TypeError(`${option} must be an absolute http(s) URL without credentials`);
  }
  return url;
}

/** The `code` of a JSON answer (`200`, `"AP001"`…), or a fault when the body is not one. */
function answerCode(answer: HrdkAnswer): string {
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    throw new ProviderUnavailableError('HRD Korea answered something other than JSON');
  }
  const code = typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
  if (typeof code !== 'string' && typeof code !== 'number') throw new ProviderUnavailableError('HRD Korea answered without a code');
  return String(code);
}

/** The `<RetVal>` of the log's XML answer, or `undefined` when there is none. */
function retVal(xml: string): string | undefined {
  return /<RetVal>\s*([^<]*?)\s*<\/RetVal>/i.exec(xml)?.[1];
}

/** The HRD Korea provider: checks codes, lifts HRD Korea's lock, logs 대체인증. */
export function createHrdkProvider(options: HrdkProviderOptions): MotpProvider &
  Required<Pick<MotpProvider, 'afterPhoneUnlock' | 'reportSubstitute'>> {
  if (typeof options.agentId !== 'string' || !AGENT_ID_PATTERN.test(options.agentId)) {
    throw new TypeError('agentId must be the institution agent id HRD Korea issued (AGTID)');
  }
  // A trailing slash, so that a base with a path (`https://proxy/hrdk`) keeps it.
  const root = httpUrl('baseUrl', options.baseUrl ?? HRDK_DEFAULT_BASE_URL).href.replace(/\/?$/, '/');
  const accreditUrl = new URL('api/v2/otp_accredit', root).href;
  const resetUrl = new URL('api/v2/user_reset', root).href;
  const logUrl = httpUrl('logUrl', options.logUrl ?? HRDK_DEFAULT_LOG_URL).href;
  const clock = options.clock ?? Date.now;
  const timeoutMs = options.timeoutMs ?? HRDK_TIMEOUT_MS;
  const { agentId } = options;
  const post = (url: string, fields: Record<string, string>, signal: AbortSignal | undefined) =>
    postForm(url, fields, { timeoutMs, ...(signal ? { signal } : {}) });

  return {
    async verify(input: MotpVerifyInput): Promise<MotpVerdict> {
      const now = clock();
      const answer = await post(
        accreditUrl,
        {
          USER_NM: input.name,
          USER_TEL: input.phone,
          OTPNO: input.otp,
          AGTID: agentId,
          USRID: input.subject,
          SESSIONID: input.sessionId ?? '',
          EXIP: input.ip ?? '',
          ...courseFields(input.purpose, input.course),
          USRDT: kstDateTime(now),
        },
        input.signal,
      );
      const code = answerCode(answer);
      switch (code) {
        case '200':
          // HRD Korea does not say which step matched: the current one still refuses a replay.
          return { valid: true, step: Math.floor(now / 60_000) };
        case 'AP001':
          return { valid: false };
        case 'AP009':
          return { valid: false, refused: 'LOCKED' };
        case 'AP012':
          return { valid: false, refused: 'INVALID_INPUT' };
        case 'WE005':
          return { valid: false, refused: 'RATE_LIMITED', retryAfter: retryAfterSeconds(answer.headers, RATE_LIMITED_RETRY_AFTER) };
        default:
          throw new ProviderUnavailableError(`HRD Korea answered ${code.slice(0, 16)}`);
      }
    },

    async afterPhoneUnlock(report: PhoneCheckReport) {
      const answer = await post(
        resetUrl,
        {
          USER_NM: report.name,
          USER_TEL: report.phone,
          AGTID: agentId,
          USRID: report.subject,
          M_RET: 'T',
          M_RETCD: report.resultCode,
          M_TRNID: report.tx,
          M_TRNDT: kstDateTime(report.at),
        },
        report.signal,
      );
      const code = answerCode(answer);
      if (code !== '200') throw new ProviderUnavailableError(`HRD Korea did not lift its lock (${code.slice(0, 16)})`);
    },

    async reportSubstitute(report: PhoneCheckReport) {
      const answer = await post(
        logUrl,
        {
          AGTID: agentId,
          USRID: report.subject,
          ...courseFields(report.purpose, report.course),
          m_Ret: 'T',
          m_retCD: report.resultCode,
          m_trnID: report.tx,
          m_trnDT: kstDateTime(report.at),
        },
        report.signal,
      );
      const value = retVal(answer.text);
      if (value !== HRDK_LOG_OK) throw new ProviderUnavailableError(`HRD Korea did not record the 대체인증 (${String(value).slice(0, 16)})`);
    },
  };
}
