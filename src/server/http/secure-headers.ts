/**
 * Response headers that tell browsers to be strict with what we send, from Hono's
 * `secure-headers` middleware: `X-Content-Type-Options: nosniff` (a JSON answer or a WAV is
 * never re-read as a script or a page), `Referrer-Policy: no-referrer`, framing refused,
 * cross-origin isolation of windows and no-cors reads. The widget reads the API with CORS
 * `fetch`, which none of these restrict.
 *
 * HSTS is left out: it binds a whole host (and with `includeSubDomains` every host under it)
 * to HTTPS for months, a decision for whoever terminates TLS for the LMS's domain, not for an
 * API mounted inside it.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** The options Hono's `secureHeaders` takes (the type itself is not exported). */
type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

/** Hono's defaults without HSTS: what the API and the demo's pages share. */
export const SECURE_HEADERS: SecureHeadersOptions = { strictTransportSecurity: false };

/**
 * For HTML pages: the same, without `Cross-Origin-Opener-Policy`. Pages take part in the window
 * check's popup (the LMS page opens it; the API's window pages are it), which passes through the
 * provider's origin and then hands its result to `window.opener`: an opener policy on either
 * side would cut that link.
 */
export const PAGE_SECURE_HEADERS: SecureHeadersOptions = { ...SECURE_HEADERS, crossOriginOpenerPolicy: false };

/**
 * The API's secure headers: the shared ones, plus a Content-Security-Policy under which an
 * answer opened as a page can load, run and frame nothing.
 */
export const apiSecureHeaders: MiddlewareHandler = secureHeaders({
  ...SECURE_HEADERS,
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
});

/**
 * The secure headers of the HTML pages the API serves (the window check's popup): they keep
 * their own Content-Security-Policy (see {@link PAGE_SECURE_HEADERS}).
 */
export const apiPageSecureHeaders: MiddlewareHandler = secureHeaders(PAGE_SECURE_HEADERS);

/**
 * What {@link apiSecureHeaders} writes, as a plain list. JSON answers are built with it (see
 * `responses.ts`): `@hono/node-server` writes a plain list as it is, while a middleware that
 * touches an answer's headers makes it rebuild them, which costs a small answer a good part of
 * its time. A test holds this list equal to what the middleware writes.
 */
export const API_SECURE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
});
