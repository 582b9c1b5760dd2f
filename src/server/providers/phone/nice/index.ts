/**
 * NICE 본인확인 통합형 (standard window) as a {@link PhoneWindowProvider}: for each launch a
 * crypto token, the keys derived from it, and the sealed request the browser posts to NICE's
 * window (`m=service, token_version_id, enc_data, integrity_value`); then the result NICE posts
 * back, checked (HMAC), decrypted (EUC-KR) and read. `ci` and `di` are read past, never kept.
 */
import type { PhoneWindowProvider, WindowResult } from '../window.js';
import { createNiceApi } from './api.js';
import { decodeEucKr, deriveNiceKeys, openNice, sealNice, type NiceKeys } from './crypto.js';

/** NICE's production API origin. */
export const NICE_API_URL = 'https://svc.niceapi.co.kr:22001';
/** NICE's standard window. */
export const NICE_WINDOW_URL = 'https://nice.checkplus.co.kr/CheckPlusSafeModel/service.cb';
/** The popup size NICE's integration guide opens its window with. */
export const NICE_POPUP = { width: 500, height: 800 } as const;

/** Options of {@link createNicePhoneProvider}. */
export interface NicePhoneProviderOptions {
  /** The contract's client id. */
  clientId: string;
  /** The contract's client secret (never logged). */
  clientSecret: string;
  /** The product id of 본인확인 통합형. */
  productId: string;
  /** API origin (default {@link NICE_API_URL}); a local fake in tests. */
  apiUrl?: string;
  /** The window's URL (default {@link NICE_WINDOW_URL}). */
  windowUrl?: string;
  /** Epoch milliseconds (default `Date.now`). */
  clock?: () => number;
  /** Longest wait for one NICE call, in milliseconds (default 8000). */
  timeoutMs?: number;
}

/** `YYYYMMDDHHmmss` in Korean time, as NICE's `req_dtim` wants it. */
export function niceRequestTime(epochMs: number): string {
  return new Date(epochMs + 9 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);
}

/** `YYYYMMDD` → `YYYY-MM-DD`, or null. */
const isoDate = (text: unknown) =>
  typeof text === 'string' && /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` : null;

/** NICE's `utf8_name` is URL-encoded UTF-8; `name` the same in EUC-KR (already decoded here). */
function nameOf(result: Record<string, unknown>): string | null {
  if (typeof result.utf8_name === 'string' && result.utf8_name) {
    try {
      return decodeURIComponent(result.utf8_name.replace(/\+/g, ' '));
    } catch {
      return null;
    }
  }
  return typeof result.name === 'string' && result.name ? result.name : null;
}

/** Creates the provider. */
export function createNicePhoneProvider(options: NicePhoneProviderOptions): PhoneWindowProvider {
  const clock = options.clock ?? Date.now;
  const api = createNiceApi({
    apiUrl: options.apiUrl ?? NICE_API_URL,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    productId: options.productId,
    clock,
    timeoutMs: options.timeoutMs ?? 8_000,
  });
  const action = options.windowUrl ?? NICE_WINDOW_URL;

  return {
    methods: ['window'],
    popup: NICE_POPUP,

    async launch({ requestNo, returnUrl }) {
      const reqDtim = niceRequestTime(clock());
      const token = await api.cryptoToken(reqDtim, requestNo);
      const keys = deriveNiceKeys(reqDtim, requestNo, token.tokenVal);
      const request = {
        requestno: requestNo,
        returnurl: returnUrl,
        sitecode: token.siteCode,
        methodtype: 'post',
        popupyn: 'Y',
        authtype: 'M',
      };
      const sealed = sealNice(keys, Buffer.from(JSON.stringify(request), 'utf8'));
      return {
        action,
        fields: {
          m: 'service',
          token_version_id: token.tokenVersionId,
          enc_data: sealed.encData,
          integrity_value: sealed.integrityValue,
        },
        state: { tokenVersionId: token.tokenVersionId, ...keys },
      };
    },

    readResult(posted, state): WindowResult | null {
      const { token_version_id: tokenVersionId, enc_data: encData, integrity_value: integrityValue } = posted;
      if (!tokenVersionId || !encData || !integrityValue || tokenVersionId !== state.tokenVersionId) return null;
      const keys: NiceKeys = { key: state.key ?? '', iv: state.iv ?? '', hmacKey: state.hmacKey ?? '' };
      const plain = openNice(keys, { encData, integrityValue });
      if (!plain) return null;
      let result: Record<string, unknown>;
      try {
        const parsed: unknown = JSON.parse(decodeEucKr(plain));
        if (!parsed || typeof parsed !== 'object') return null;
        result = parsed as Record<string, unknown>;
      } catch {
        return null;
      }
      const requestNo = result.requestno;
      if (typeof requestNo !== 'string' || !requestNo) return null;
      const code = typeof result.resultcode === 'string' ? result.resultcode : '';
      if (code !== '0000') return { requestNo, verified: false, providerCode: code || 'unknown' };
      const name = nameOf(result);
      const birthDate = isoDate(result.birthdate);
      if (!name || !birthDate) return null;
      return {
        requestNo,
        verified: true,
        identity: { name, birthDate, phone: typeof result.mobileno === 'string' ? result.mobileno : '' },
        ...(typeof result.responseno === 'string' ? { providerRef: result.responseno } : {}),
      };
    },
  };
}
