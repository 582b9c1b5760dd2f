/**
 * The calls of the phone check in the provider's own window (method `window`). They live apart
 * from {@link VerifyClient} so that only a learner who takes that path downloads them.
 */
import type { PhoneCompleteResponse, PhoneWindowStartRequest, PhoneWindowStartResponse } from '../protocol/index.js';
import type { CallOptions, VerifyClient } from './verify-client.js';

const path = (tx: string) => `/v1/phone/window/${encodeURIComponent(tx)}`;

/** Starts a window check; the server remembers the calling page's origin. */
export const windowStart = (client: VerifyClient, body: PhoneWindowStartRequest, options?: CallOptions) =>
  client.request<PhoneWindowStartResponse>('POST', '/v1/phone/window/start', body, options);

/** Completes a window check with the one-time reference its result page handed over. */
export const windowComplete = (client: VerifyClient, tx: string, ref: string, options?: CallOptions) =>
  client.request<PhoneCompleteResponse>('POST', `${path(tx)}/complete`, { ref }, options);

/** The absolute URL of the page that opens the provider's window (`redirect`: in this very window). */
export const windowLaunchUrl = (client: VerifyClient, tx: string, redirect = false) =>
  new URL(`${client.endpoint}${path(tx)}${redirect ? '?mode=redirect' : ''}`, location.href).href;
