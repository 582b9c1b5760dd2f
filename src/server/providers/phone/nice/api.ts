/**
 * NICE 본인확인 통합형's two server calls, as documented for integrators:
 *
 * - access token: `POST {api}/digital/niceid/oauth/oauth/token`, `Authorization: Basic
 *   base64(client_id:client_secret)`, form `grant_type=client_credentials&scope=default` →
 *   `dataHeader.GW_RSLT_CD == "1200"`, `dataBody.access_token`, `expires_in` (seconds). It is
 *   cached until shortly before it expires, and one fetch serves every caller meanwhile;
 * - crypto token: `POST {api}/digital/niceid/api/v1.0/common/crypto/token` with `Authorization:
 *   bearer base64(access_token:unix_seconds:client_id)`, `client_id`, `ProductID` and
 *   `{ dataHeader: { CNTY_CD: "ko" }, dataBody: { req_dtim, req_no, enc_mode: "1" } }` →
 *   `dataBody.rsp_cd == "P000"`, `result_cd == "0000"`, `token_val`, `site_code`,
 *   `token_version_id`.
 *
 * Every failure — refused, malformed, slow, down — is a {@link ProviderUnavailableError}
 * (HTTP 429 a {@link ProviderRateLimitedError}); the client secret never leaves the header.
 */
import { ProviderRateLimitedError, ProviderUnavailableError } from '../../unavailable.js';

/** Options of {@link createNiceApi}. */
export interface NiceApiOptions {
  /** API origin, e.g. `https://svc.niceapi.co.kr:22001`. */
  apiUrl: string;
  /** The client id of the contract. */
  clientId: string;
  /** The client secret (only ever in the token call's `Authorization` header). */
  clientSecret: string;
  /** The product id of 본인확인 통합형. */
  productId: string;
  /** Epoch milliseconds. */
  clock: () => number;
  /** Longest wait for one call, in milliseconds. */
  timeoutMs: number;
}

/** A crypto token: what the request's keys are derived from. */
export interface NiceCryptoToken {
  /** `token_val`. */
  tokenVal: string;
  /** `site_code`. */
  siteCode: string;
  /** `token_version_id`, posted with the form and echoed with the result. */
  tokenVersionId: string;
}

/** The two calls. */
export interface NiceApi {
  /** A crypto token for a request made at `reqDtim` (YYYYMMDDHHmmss) numbered `reqNo`. */
  cryptoToken(reqDtim: string, reqNo: string): Promise<NiceCryptoToken>;
}

/** The access token is renewed this long before NICE says it expires. */
const RENEW_EARLY_MS = 60_000;
/** Retry-After when NICE is down (seconds). */
const RETRY_SECONDS = 2;

const string = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** Creates the client. */
export function createNiceApi(options: NiceApiOptions): NiceApi {
  const base = options.apiUrl.replace(/\/+$/, '');
  let cached: { token: string; renewAt: number } | undefined;
  let inFlight: Promise<string> | undefined;

  /** POSTs and reads a JSON object; anything else is NICE being unavailable. */
  const post = async (path: string, headers: Record<string, string>, body: string, what: string) => {
    let response: Response;
    try {
      response = await fetch(base + path, { method: 'POST', headers, body, signal: AbortSignal.timeout(options.timeoutMs) });
    } catch (error) {
      throw new ProviderUnavailableError(`NICE ${what}: no answer`, RETRY_SECONDS, { cause: error });
    }
    if (response.status === 429) throw new ProviderRateLimitedError(`NICE ${what}: rate limited`);
    if (response.status === 401) cached = undefined;
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new ProviderUnavailableError(`NICE ${what}: answer is not JSON (HTTP ${response.status})`, RETRY_SECONDS);
    }
    const header = (json as { dataHeader?: { GW_RSLT_CD?: unknown } } | null)?.dataHeader;
    const data = (json as { dataBody?: Record<string, unknown> } | null)?.dataBody;
    if (!response.ok || header?.GW_RSLT_CD !== '1200' || !data || typeof data !== 'object') {
      throw new ProviderUnavailableError(`NICE ${what}: refused (HTTP ${response.status}, ${String(header?.GW_RSLT_CD)})`, RETRY_SECONDS);
    }
    return data;
  };

  const fetchAccessToken = async (): Promise<string> => {
    const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64');
    const data = await post(
      '/digital/niceid/oauth/oauth/token',
      { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      'grant_type=client_credentials&scope=default',
      'access token',
    );
    const expiresIn = Number(data.expires_in);
    if (!string(data.access_token) || !Number.isFinite(expiresIn) || expiresIn <= 0) {
      throw new ProviderUnavailableError('NICE access token: malformed answer', RETRY_SECONDS);
    }
    cached = { token: data.access_token, renewAt: options.clock() + expiresIn * 1000 - RENEW_EARLY_MS };
    return data.access_token;
  };

  const accessToken = (): Promise<string> => {
    if (cached && options.clock() < cached.renewAt) return Promise.resolve(cached.token);
    inFlight ??= fetchAccessToken().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  return {
    async cryptoToken(reqDtim, reqNo) {
      const token = await accessToken();
      const now = Math.floor(options.clock() / 1000);
      const bearer = Buffer.from(`${token}:${now}:${options.clientId}`).toString('base64');
      const data = await post(
        '/digital/niceid/api/v1.0/common/crypto/token',
        {
          Authorization: `bearer ${bearer}`,
          client_id: options.clientId,
          ProductID: options.productId,
          'Content-Type': 'application/json',
        },
        JSON.stringify({ dataHeader: { CNTY_CD: 'ko' }, dataBody: { req_dtim: reqDtim, req_no: reqNo, enc_mode: '1' } }),
        'crypto token',
      );
      if (data.rsp_cd !== 'P000' || data.result_cd !== '0000') {
        throw new ProviderUnavailableError(`NICE crypto token: refused (${String(data.rsp_cd)}/${String(data.result_cd)})`, RETRY_SECONDS);
      }
      if (!string(data.token_val) || !string(data.site_code) || !string(data.token_version_id)) {
        throw new ProviderUnavailableError('NICE crypto token: malformed answer', RETRY_SECONDS);
      }
      return { tokenVal: data.token_val, siteCode: data.site_code, tokenVersionId: data.token_version_id };
    },
  };
}
