/**
 * One call to HRD Korea: a form-encoded POST with a deadline, its answer read with a size cap.
 * Anything that is not an answer — no connection, the deadline, a redirect, a 5xx or other
 * non-2xx status, an oversized body — becomes a {@link ProviderUnavailableError}, so the app
 * answers 503, charges nothing and issues no token.
 */
import { ProviderUnavailableError } from '../unavailable.js';

/** HRD Korea's own deadline in the calls LMSs make today (`timeout: 10000`). */
export const HRDK_TIMEOUT_MS = 10_000;

/** Longest answer read; HRD Korea's are a few dozen bytes. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** Seconds to wait after a fault when the upstream did not say (and the bounds of what it may say). */
const DEFAULT_RETRY_AFTER = 2;
const MAX_RETRY_AFTER = 300;

/** An answer with a 2xx status. */
export interface HrdkAnswer {
  /** The body as text (UTF-8). */
  text: string;
  /** Its headers (`Retry-After`). */
  headers: Headers;
}

/** Options of {@link postForm}. */
export interface PostFormOptions {
  /** The caller's abort (the app stopped waiting). */
  signal?: AbortSignal;
  /** This call's own deadline in milliseconds. */
  timeoutMs: number;
}

/** `Retry-After` in whole seconds when it is a sensible number, otherwise `fallback`. */
export function retryAfterSeconds(headers: Headers, fallback = DEFAULT_RETRY_AFTER): number {
  const value = Number(headers.get('Retry-After'));
  return Number.isFinite(value) && value > 0 ? Math.min(Math.ceil(value), MAX_RETRY_AFTER) : fallback;
}

/** Reads at most {@link MAX_ANSWER_BYTES} of the body; rejects when there is more. */
async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw new Error('Answer too large');
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** POSTs `fields` form-encoded to `url`; the 2xx answer, or a {@link ProviderUnavailableError}. */
export async function postForm(url: string, fields: Record<string, string>, options: PostFormOptions): Promise<HrdkAnswer> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8', Accept: 'application/json, text/xml' },
      body: new URLSearchParams(fields),
      redirect: 'error',
      signal,
    });
    text = await readCapped(response);
  } catch (error) {
    const reason = deadline.aborted ? 'did not answer in time' : 'could not be reached';
    throw new ProviderUnavailableError(`HRD Korea ${reason}`, DEFAULT_RETRY_AFTER, { cause: error });
  }
  if (!response.ok) {
    throw new ProviderUnavailableError(`HRD Korea answered HTTP ${response.status}`, retryAfterSeconds(response.headers));
  }
  return { text, headers: response.headers };
}
