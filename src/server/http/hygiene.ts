/**
 * Request hygiene (docs/security.md rule 18, 21): state changes arrive only as `POST` with a JSON body of
 * bounded size. This also defeats cross-site form posts, which cannot send
 * `application/json` (nor the `Authorization` header) without a CORS preflight.
 */
import type { MiddlewareHandler } from 'hono';
import { LIMITS } from '../../protocol/index.js';
import type { AppEnv } from './env.js';
import { HttpError } from './responses.js';

/** Handler for a known path asked with a method it does not serve: 405 with `Allow`. */
export function methodNotAllowed(allow: string): MiddlewareHandler<AppEnv> {
  return () => {
    throw new HttpError('INVALID_INPUT', `Method not allowed; use ${allow}`, { status: 405, headers: { Allow: allow } });
  };
}

/** True when the `Content-Type` is JSON (`application/json`, charset absent or UTF-8). */
function isJsonType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => !param.startsWith('charset=') || /^charset="?utf-8"?$/.test(param));
}

const notJson = () =>
  new HttpError('INVALID_INPUT', 'Content-Type must be application/json', { status: 415, field: 'Content-Type' });

const tooLarge = () =>
  new HttpError('INVALID_INPUT', `Body larger than ${LIMITS.maxBodyBytes} bytes`, { status: 413, field: 'body' });

/**
 * Refuses, before anything is read, a body that is not JSON (415) or declares more than
 * `LIMITS.maxBodyBytes` (413).
 */
export const requireJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!isJsonType(c.req.header('Content-Type'))) throw notJson();
  const declared = c.req.header('Content-Length');
  if (declared !== undefined) {
    if (!/^\d{1,15}$/.test(declared.trim())) throw new HttpError('INVALID_INPUT', 'Bad Content-Length', { field: 'body' });
    if (Number(declared) > LIMITS.maxBodyBytes) throw tooLarge();
  }
  await next();
};

/**
 * {@link requireJson} for the POSTs whose body carries nothing (extend, resend, complete): the
 * client may send no body and no `Content-Type` at all. A body that has a type must still be
 * JSON (415 otherwise); a body without one is refused after reading by {@link refuseUntypedBody}.
 */
export const requireJsonOrEmpty: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = c.req.header('Content-Type');
  if (type === undefined) {
    const declared = c.req.header('Content-Length');
    if (declared !== undefined && declared.trim() !== '0') throw notJson();
    return next();
  }
  return requireJson(c, next);
};

/** After {@link readBody}: an untyped request must have had an empty body. */
export const refuseUntypedBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.header('Content-Type') === undefined && c.get('rawBody') !== '') throw notJson();
  await next();
};

/**
 * Reads the body as UTF-8 text, stopping at `LIMITS.maxBodyBytes` whatever `Content-Length`
 * claimed (chunked bodies have none).
 */
export const readBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const stream = c.req.raw.body;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (stream) {
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > LIMITS.maxBodyBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError('INVALID_INPUT', 'Body is not UTF-8', { field: 'body' });
  }
  c.set('rawBody', text);
  await next();
};

/** The body parsed as a JSON object; anything else (invalid JSON, array, null, scalar) is 400. */
export function parseJsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError('INVALID_INPUT', 'Body is not valid JSON', { field: 'body' });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError('INVALID_INPUT', 'Body must be a JSON object', { field: 'body' });
  }
  return value as Record<string, unknown>;
}

/** {@link parseJsonObject}, where an empty body stands for `{}`. */
export function parseOptionalJsonObject(text: string): Record<string, unknown> {
  return text === '' ? {} : parseJsonObject(text);
}
