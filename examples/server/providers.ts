// The phone check's provider, in code (the table above says which to pick).
import { createNicePhoneProvider, createPortOnePhoneProvider, createVerifyApp, type VerifyAppOptions } from 'id-verify-server';

// PortOne V2, API mode, through @portone/server-sdk. The secret only ever goes into the
// `Authorization: PortOne <secret>` header; it is never logged.
export const portOne = (secret: string, storeId: string, channelKey: string, baseUrl?: string) =>
  createPortOnePhoneProvider({ secret, storeId, channelKey, baseUrl });

// NICE 본인확인 통합형: access token (cached), crypto token, AES-128-CBC + HMAC-SHA256 request
// and result, EUC-KR result read with iconv-lite. ci and di are read past, never stored.
export const nice = (clientId: string, clientSecret: string, productId: string, apiUrl?: string) =>
  createNicePhoneProvider({ clientId, clientSecret, productId, apiUrl });

// With NICE, `issuer` must be the API's public URL: NICE posts results to
// `{issuer}/v1/phone/window/{tx}/return`.
export const verifyWith = (phone: VerifyAppOptions['phone']) =>
  createVerifyApp({ issuer: 'https://lms.example.ac.kr/api', audience: 'my-lms', basePath: '/api', phone });
