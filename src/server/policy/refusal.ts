/**
 * How a policy says no: the protocol error code, a message for people (English; the widget
 * shows its own localized text), and the extras the error body carries. Policies return
 * refusals instead of throwing HTTP errors, so they stay free of HTTP; the routes turn them
 * into answers.
 */
import type { ErrorCode } from '../../protocol/index.js';

/** A policy's "no". */
export interface Refusal {
  /** Discriminates refusals from the policies' successful outcomes. */
  ok: false;
  /** Protocol error code. */
  code: ErrorCode;
  /** Human-readable explanation; never holds the learner's input. */
  message: string;
  /** The refused request field, for `INVALID_INPUT`. */
  field?: string;
  /** Tries left after a charged attempt. */
  attemptsLeft?: number;
  /** Seconds before a retry can succeed. */
  retryAfter?: number;
}

/** Builds a {@link Refusal}. */
export function refuse(code: ErrorCode, message: string, extras: Omit<Refusal, 'ok' | 'code' | 'message'> = {}): Refusal {
  return { ok: false, code, message, ...extras };
}
