/**
 * VerifyClient: the widget's only way to the backend. Every call has a deadline (≤ 10 s),
 * can be aborted, sends the learner's session as a bearer token (never in the URL), and turns
 * every failure into a typed {@link VerifyError}.
 */
import {
  IDEMPOTENCY_HEADER,
  LIMITS,
  isErrorCode,
  type ConfigResponse,
  type ErrorBody,
  type MotpVerifyRequest,
  type Purpose,
  type TokenResponse,
} from '../protocol/index.js';
import { VerifyError } from './errors.js';

/** Something that answers a `Request` like `fetch` does (a browser's fetch, or an app's handler). */
export type FetchLike = (request: Request) => Promise<Response>;

/** Options of {@link VerifyClient}. */
export interface VerifyClientOptions {
  /** Base URL of the backend, e.g. `/api` or `https://verify.example.ac.kr`. */
  endpoint: string;
  /** Opaque session the LMS minted for the learner. */
  session: string;
  /** Transport; defaults to the global `fetch`. Storybook and tests pass an in-page app. */
  fetch?: FetchLike;
  /** Per-request deadline in milliseconds (at most 10 000). */
  timeoutMs?: number;
  /** How many times a POST that failed on the network or with 503 is retried with the same key. */
  retries?: number;
  /** Longest `Retry-After` (seconds) the client waits by itself before retrying a 503. */
  maxAutoRetryAfter?: number;
}

/** Options of one call. */
export interface CallOptions {
  /** Aborts the call (and its retries). */
  signal?: AbortSignal;
  /**
   * `false` for a call that hands the learner's code to an outside service (HRD Korea, the
   * identity provider): after a 503 the service may have judged the code already, so it is
   * not sent again by itself — the learner decides.
   */
  retryUnavailable?: boolean;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new VerifyError({ code: 'ABORTED', message: 'Request aborted' }, 0));
      },
      { once: true },
    );
  });

/** Seconds from a `Retry-After` header (delta-seconds or HTTP date). */
function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** Typed client for protocol v1. */
export class VerifyClient {
  /** Base URL without a trailing slash. */
  readonly endpoint: string;
  private readonly session: string;
  private readonly transport: FetchLike;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly maxAutoRetryAfter: number;

  constructor(options: VerifyClientOptions) {
    this.endpoint = options.endpoint.replace(/\/+$/, '');
    this.session = options.session;
    this.transport = options.fetch ?? ((request) => fetch(request));
    this.timeoutMs = Math.min(options.timeoutMs ?? LIMITS.requestTimeoutMs, LIMITS.requestTimeoutMs);
    this.retries = options.retries ?? 1;
    this.maxAutoRetryAfter = options.maxAutoRetryAfter ?? 3;
  }

  /**
   * What the server offers this learner now. The session's purpose (set by the LMS server) is
   * authoritative; `purpose` only asks about another one the session allows.
   */
  config(purpose?: Purpose, options: CallOptions = {}): Promise<ConfigResponse> {
    const query = purpose ? `?purpose=${encodeURIComponent(purpose)}` : '';
    return this.request<ConfigResponse>('GET', `/v1/config${query}`, undefined, options);
  }

  /** Checks an mOTP code; resolves with the result token. */
  verifyMotp(body: MotpVerifyRequest, options: CallOptions = {}): Promise<TokenResponse> {
    return this.request<TokenResponse>('POST', '/v1/motp/verify', body, { ...options, retryUnavailable: false });
  }

  /**
   * A GET whose answer is not JSON (audio, an event stream): the raw response once its
   * headers arrive. The deadline covers the wait for the headers; the body is read at the
   * caller's pace until `signal` aborts. Error answers are thrown as typed errors.
   */
  async open(path: string, options: CallOptions = {}): Promise<Response> {
    const response = await this.withDeadline(options.signal, (combined, deadline) =>
      this.send('GET', path, undefined, undefined, combined, options.signal, deadline),
    );
    return response.ok ? response : this.read<Response>(response);
  }

  /**
   * Sends one call. POSTs carry an `Idempotency-Key` that stays the same across retries, so
   * the server answers a retry with its first answer and charges nothing twice.
   */
  async request<T>(method: 'GET' | 'POST', path: string, body: unknown, options: CallOptions = {}): Promise<T> {
    const key = method === 'POST' ? newIdempotencyKey() : undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once<T>(method, path, body, key, options.signal);
      } catch (error) {
        if (!(error instanceof VerifyError) || attempt >= this.retries) throw error;
        const retryable =
          error.code === 'NETWORK' ||
          (error.code === 'UPSTREAM_UNAVAILABLE' &&
            options.retryUnavailable !== false &&
            (error.retryAfter ?? 0) <= this.maxAutoRetryAfter);
        if (!retryable) throw error;
        await sleep((error.retryAfter ?? 0.5) * 1000, options.signal);
      }
    }
  }

  private once<T>(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    idempotencyKey: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    return this.withDeadline(signal, async (combined, deadline) =>
      this.read<T>(await this.send(method, path, body, idempotencyKey, combined, signal, deadline)),
    );
  }

  /** Runs `work` under the client's deadline (≤ 10 s) joined with the caller's signal. */
  private async withDeadline<T>(
    signal: AbortSignal | undefined,
    work: (combined: AbortSignal, deadline: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.timeoutMs);
    try {
      return await work(signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal, deadline.signal);
    } finally {
      clearTimeout(timer);
    }
  }

  /** One HTTP exchange with the session header; transport failures become typed errors. */
  private async send(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    idempotencyKey: string | undefined,
    combined: AbortSignal,
    signal: AbortSignal | undefined,
    deadline: AbortSignal,
  ): Promise<Response> {
    const headers = new Headers({ Accept: 'application/json', Authorization: `Bearer ${this.session}` });
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    if (idempotencyKey) headers.set(IDEMPOTENCY_HEADER, idempotencyKey);
    const url = new URL(this.endpoint + path, globalThis.location?.href ?? 'http://localhost/');
    try {
      return await this.transport(
        new Request(url, {
          method,
          headers,
          body: body === undefined ? null : JSON.stringify(body),
          signal: combined,
          credentials: 'omit',
          cache: 'no-store',
        }),
      );
    } catch {
      if (signal?.aborted) throw new VerifyError({ code: 'ABORTED', message: 'Request aborted' }, 0);
      if (deadline.aborted) throw new VerifyError({ code: 'TIMEOUT', message: 'The server did not answer in time' }, 0);
      throw new VerifyError({ code: 'NETWORK', message: 'The server could not be reached' }, 0);
    }
  }

  private async read<T>(response: Response): Promise<T> {
    let parsed: unknown;
    try {
      parsed = await response.json();
    } catch {
      parsed = undefined;
    }
    if (response.ok && parsed !== undefined) return parsed as T;
    const detail = (parsed as Partial<ErrorBody> | undefined)?.error;
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After')) ?? detail?.retryAfter;
    if (detail && isErrorCode(detail.code)) {
      throw new VerifyError({ ...detail, retryAfter }, response.status);
    }
    throw new VerifyError(
      { code: 'BAD_RESPONSE', message: `Unexpected answer (HTTP ${response.status})`, retryAfter },
      response.status,
    );
  }
}
