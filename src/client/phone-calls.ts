/**
 * The phone path's calls of protocol v1. They live apart from {@link VerifyClient} so that
 * only a learner who takes the phone path downloads them.
 */
import type {
  CaptchaResponse,
  EmptyRequest,
  PhoneCompleteResponse,
  PhoneStartRequest,
  PhoneStartResponse,
  PhoneStatusResponse,
  PhoneTimerResponse,
  PhoneVerifyRequest,
  TokenResponse,
} from '../protocol/index.js';
import type { CallOptions, VerifyClient } from './verify-client.js';

const tx = (id: string) => `/v1/phone/${encodeURIComponent(id)}`;
/** What the calls that carry nothing send. */
const EMPTY: EmptyRequest = {};

/** A new 보안문자 challenge. */
export const captcha = (client: VerifyClient, options?: CallOptions) =>
  client.request<CaptchaResponse>('POST', '/v1/captcha', EMPTY, options);

/** The challenge spoken (WAV bytes), fetched with the session so no secret sits in a URL. */
export const captchaAudio = async (client: VerifyClient, id: string, options?: CallOptions) =>
  (await client.open(`/v1/captcha/${encodeURIComponent(id)}/audio`, options)).arrayBuffer();

/** Starts a phone check (PASS app push, QR, or SMS code). */
export const phoneStart = (client: VerifyClient, body: PhoneStartRequest, options?: CallOptions) =>
  client.request<PhoneStartResponse>('POST', '/v1/phone/start', body, options);

/** Where a phone check stands (the polling fallback of {@link phoneEvents}). */
export const phoneStatus = (client: VerifyClient, id: string, options?: CallOptions) =>
  client.request<PhoneStatusResponse>('GET', tx(id), undefined, options);

/** "인증 완료": the token once the phone approved, else where it stands. */
export const phoneComplete = (client: VerifyClient, id: string, options?: CallOptions) =>
  client.request<PhoneCompleteResponse>('POST', `${tx(id)}/complete`, EMPTY, options);

/** Checks the SMS code (never resent by itself after a 503: the provider may have judged it). */
export const phoneVerify = (client: VerifyClient, id: string, code: string, options?: CallOptions) =>
  client.request<TokenResponse>('POST', `${tx(id)}/verify`, { code } satisfies PhoneVerifyRequest, { ...options, retryUnavailable: false });

/** "시간연장": gives the SMS code more time (never past 10 min from its issue). */
export const phoneExtend = (client: VerifyClient, id: string, options?: CallOptions) =>
  client.request<PhoneTimerResponse>('POST', `${tx(id)}/extend`, EMPTY, options);

/** Sends a new SMS code; the old one dies, the failure count stays. */
export const phoneResend = (client: VerifyClient, id: string, options?: CallOptions) =>
  client.request<PhoneTimerResponse>('POST', `${tx(id)}/resend`, EMPTY, options);

/**
 * Live status of a phone check, from the server-sent event stream. Read with `fetch`
 * streaming because `EventSource` cannot send the `Authorization` header. Ends after the
 * server closes the stream or when `signal` aborts.
 */
export async function* phoneEvents(client: VerifyClient, id: string, signal: AbortSignal): AsyncGenerator<PhoneStatusResponse> {
  const response = await client.open(`${tx(id)}/events`, { signal });
  if (!response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const data = buffer
          .slice(0, end)
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trim())
          .join('\n');
        buffer = buffer.slice(end + 2);
        if (data) yield JSON.parse(data) as PhoneStatusResponse;
      }
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}
