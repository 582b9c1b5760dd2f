/**
 * The phone simulator's side of the server's `/v1/dev` simulator calls (docs/protocol.md): JSON POSTs
 * with a 10 s timeout, and errors kept whole — the server's code and message travel to the
 * page's alert line instead of being swallowed.
 */
import { LIMITS, isErrorCode, type ErrorBody, type ErrorCode } from '../../src/protocol/index.ts';

const BASE = '/api/v1/dev';

/** Why a call failed: the server's error code, or what went wrong before it could answer. */
export type DevErrorCode = ErrorCode | 'TIMEOUT' | 'NETWORK' | 'BAD_RESPONSE';

/** A call the server refused, or one that never got an answer. */
export class DevApiError extends Error {
  /** The server's error code, or `TIMEOUT` / `NETWORK` / `BAD_RESPONSE`. */
  readonly code: DevErrorCode;
  /** HTTP status (0 when there was no answer). */
  readonly status: number;

  constructor(code: DevErrorCode, message: string, status = 0) {
    super(message);
    this.name = 'DevApiError';
    this.code = code;
    this.status = status;
  }
}

/**
 * POSTs `body` to `/api/v1/dev/{path}` and returns the parsed answer. Throws `DevApiError` for
 * an error answer, a timeout or a network failure; an abort by `signal` rethrows the browser's
 * `AbortError` so callers can tell "cancelled" from "failed".
 */
export async function devPost<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const timeout = AbortSignal.timeout(LIMITS.requestTimeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${BASE}/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
      signal: combined,
    });
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw error;
    if (timeout.aborted) throw new DevApiError('TIMEOUT', `No answer within ${LIMITS.requestTimeoutMs / 1000} s`);
    throw new DevApiError('NETWORK', error instanceof Error ? error.message : String(error));
  }
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    throw new DevApiError('BAD_RESPONSE', `HTTP ${response.status}: the answer is not JSON`, response.status);
  }
  if (!response.ok) {
    const detail = (parsed as Partial<ErrorBody> | null)?.error;
    if (detail && isErrorCode(detail.code)) throw new DevApiError(detail.code, String(detail.message ?? ''), response.status);
    throw new DevApiError('BAD_RESPONSE', `HTTP ${response.status} without an error body`, response.status);
  }
  return parsed as T;
}

/** True when `error` is the caller's own abort (a stopped poll), which is nothing to report. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

const KOREAN: Partial<Record<DevErrorCode, string>> = {
  INVALID_INPUT: '입력값을 확인해 주세요.',
  NOT_FOUND: '요청을 찾을 수 없습니다.',
  EXPIRED: '요청이 만료되었습니다.',
  ALREADY_USED: '이미 처리된 요청입니다.',
  RATE_LIMITED: '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.',
  UPSTREAM_UNAVAILABLE: '서비스를 사용할 수 없습니다. 잠시 후 다시 시도해 주세요.',
  TIMEOUT: '서버가 10초 안에 응답하지 않았습니다.',
  NETWORK: '서버에 연결하지 못했습니다.',
  BAD_RESPONSE: '서버의 응답을 읽지 못했습니다.',
};

/** The alert text for `error`: a Korean sentence followed by the server's code and message. */
export function describeError(error: unknown): string {
  if (!(error instanceof DevApiError)) return `오류가 발생했습니다. (${error instanceof Error ? error.message : String(error)})`;
  const sentence = KOREAN[error.code] ?? '요청을 처리하지 못했습니다.';
  return error.message ? `${sentence} (${error.code}: ${error.message})` : `${sentence} (${error.code})`;
}
