/**
 * Every answer the server gives is built here, so that each one is JSON with a charset, is
 * never cached (`no-store`: answers carry tokens and learner state), carries the secure
 * headers, and every 423/429/503 tells the client when to come back.
 */
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERROR_STATUS, type ErrorCode, type ErrorDetail } from '../../protocol/index.js';
import { StoreUnavailableError } from '../stores/store.js';
import { API_SECURE_HEADERS, apiPageSecureHeaders, apiSecureHeaders } from './secure-headers.js';

/** Media type of every body the server writes. */
export const JSON_TYPE = 'application/json; charset=utf-8';

/** Statuses that must carry `Retry-After` (docs/security.md rule 25). */
const RETRY_STATUSES = new Set([423, 429, 503]);

/** Answers built by {@link jsonResponse}: they already carry every header an answer needs. */
const complete = new WeakSet<Response>();

/** The headers of every JSON answer; shared (read-only) by answers that add none of their own. */
const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Type': JSON_TYPE,
  'Cache-Control': 'no-store',
  ...API_SECURE_HEADERS,
});

/** A JSON answer with the headers every answer needs, written as one plain list. */
export function jsonResponse(body: unknown, status = 200, headers?: Record<string, string>): Response {
  const response = new Response(JSON.stringify(body), {
    status,
    headers: headers === undefined ? JSON_HEADERS : { ...JSON_HEADERS, ...headers },
  });
  complete.add(response);
  return response;
}

/**
 * Gives every answer, whatever produced it (a route, a refusal, a preflight, a stream, the
 * WAV, a window page), `Cache-Control: no-store` (answers carry tokens and learner state) and
 * Hono's secure headers; HTML pages keep their own CSP. A {@link jsonResponse} that reaches
 * the client as it was built has them already and is left untouched.
 */
export const answerHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (complete.has(c.res)) return;
  c.res.headers.set('Cache-Control', 'no-store');
  const page = c.res.headers.get('Content-Type')?.startsWith('text/html') === true;
  await (page ? apiPageSecureHeaders : apiSecureHeaders)(c, async () => undefined);
};

/** Optional members of an error answer, plus a status when it differs from the code's own. */
export interface ErrorExtras {
  /** Tries left after this one was charged. */
  attemptsLeft?: number;
  /** Seconds before a retry can succeed; also sent as `Retry-After`. */
  retryAfter?: number;
  /** The refused request field. */
  field?: string;
  /** HTTP status when it is not `ERROR_STATUS[code]` (405, 413, 415 travel as `INVALID_INPUT`). */
  status?: number;
  /** Extra headers (`Allow`, `WWW-Authenticate`). */
  headers?: Record<string, string>;
}

/**
 * A refusal that any layer can throw: Hono's {@link HTTPException}, whose response is the
 * protocol's JSON error answer.
 */
export class HttpError extends HTTPException {
  /** The body's `error` member. */
  readonly detail: ErrorDetail;
  /** Extra headers of the answer. */
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, extras: ErrorExtras = {}) {
    const status = extras.status ?? ERROR_STATUS[code];
    // A refusal is an answer, not a bug: capturing its stack trace would cost a refused
    // request almost a tenth of its time, and nobody reads it.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(status as ContentfulStatusCode, { message });
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    this.name = 'HttpError';
    this.headers = extras.headers ?? {};
    this.detail = { code, message };
    if (extras.attemptsLeft !== undefined) this.detail.attemptsLeft = extras.attemptsLeft;
    if (extras.field !== undefined) this.detail.field = extras.field;
    const retryAfter = extras.retryAfter ?? (RETRY_STATUSES.has(status) ? 1 : undefined);
    if (retryAfter !== undefined) this.detail.retryAfter = Math.max(0, Math.ceil(retryAfter));
  }

  /** The error answer. */
  override getResponse(): Response {
    const headers = { ...this.headers };
    if (this.detail.retryAfter !== undefined) headers['Retry-After'] = String(this.detail.retryAfter);
    return jsonResponse({ error: this.detail }, this.status, headers);
  }
}

/** `INVALID_INPUT` naming the refused field. */
export function invalidInput(field: string, message: string): HttpError {
  return new HttpError('INVALID_INPUT', message, { field });
}

/**
 * The answer to anything unexpected: generic on purpose, so no stack, store key or input
 * leaks. Reaching it is a bug; garbage input is refused long before.
 */
export function internalErrorResponse(): Response {
  return jsonResponse({ error: { code: 'UPSTREAM_UNAVAILABLE', message: 'Internal error' } }, 500);
}

/**
 * The answer to an error no layer turned into an answer: 503 with `Retry-After` when the store
 * is unreachable (nothing was decided, the client retries), the generic 500 otherwise.
 */
export function unexpectedErrorResponse(error: unknown): Response {
  if (error instanceof StoreUnavailableError) {
    return new HttpError('UPSTREAM_UNAVAILABLE', 'The service is briefly unavailable; try again', {
      retryAfter: error.retryAfter,
    }).getResponse();
  }
  return internalErrorResponse();
}

/** The error answer for a policy's refusal (see `policy/refusal.ts`). */
export function refusalError(
  refusal: { code: ErrorCode; message: string } & Pick<ErrorExtras, 'attemptsLeft' | 'retryAfter' | 'field'>,
): HttpError {
  const { attemptsLeft, retryAfter, field } = refusal;
  return new HttpError(refusal.code, refusal.message, { attemptsLeft, retryAfter, field });
}
