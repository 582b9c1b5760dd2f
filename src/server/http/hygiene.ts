/**
 * Request hygiene (docs/security.md rule 18, 21): state changes arrive only as `POST` with a JSON body of
 * bounded size. This also defeats cross-site form posts, which cannot send
 * `application/json` (nor the `Authorization` header) without a CORS preflight.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LIMITS, type Unchecked } from '../../protocol/index.js';
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
  // What every client sends, recognised without taking the header apart.
  if (header === 'application/json') return true;
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => !param.startsWith('charset=') || /^charset="?utf-8"?$/.test(param));
}

const notJson = () =>
  new HttpError('INVALID_INPUT', 'Content-Type must be application/json', { status: 415, field: 'Content-Type' });

const tooLarge = () =>
  new HttpError('INVALID_INPUT', `Body larger than ${LIMITS.maxBodyBytes} bytes`, { status: 413, field: 'body' });

/** Refuses, before anything is read, a body that is not JSON (415) or has a malformed `Content-Length`. */
export const requireJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!isJsonType(c.req.header('Content-Type'))) throw notJson();
  const declared = c.req.header('Content-Length');
  if (declared !== undefined && !/^\d{1,15}$/.test(declared.trim())) {
    throw new HttpError('INVALID_INPUT', 'Bad Content-Length', { field: 'body' });
  }
  await next();
};

const honoBodyLimit: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: LIMITS.maxBodyBytes,
  onError: () => {
    throw tooLarge();
  },
});

/**
 * Hono's `bodyLimit` for what comes over a socket: a body declaring more than
 * `LIMITS.maxBodyBytes` is refused (413) unread, and a chunked one is read only up to the
 * limit. A body declaring a length within the limit goes straight on (`bodyLimit` would only
 * let it pass, and looking at the body stream first takes `@hono/node-server` off its direct
 * read of the socket). A request with neither header was built in-process (a test, the in-page
 * app) and may wrap its headers, which `bodyLimit`'s rebuilt request would lose: {@link readBody}
 * caps it while reading.
 */
export const limitBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const declared = c.req.header('Content-Length');
  const chunked = c.req.header('Transfer-Encoding') !== undefined;
  if (!chunked && (declared === undefined || Number(declared) <= LIMITS.maxBodyBytes)) return next();
  return honoBodyLimit(c, next);
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

/** Refuses bytes that are not UTF-8 rather than replacing them; one call per body, so one decoder serves all. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The body's bytes, read no further than one byte past `LIMITS.maxBodyBytes` (then 413). */
async function readCapped(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
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
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads the body (after {@link limitBody}) as UTF-8 text. A body with a declared length is read
 * whole (`@hono/node-server` reads it straight from the socket, which ends it at that length)
 * and its size checked once more, since an in-process caller can declare less than it hands
 * over; one without is read through {@link readCapped}.
 */
export const readBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const sized = c.req.header('Content-Length') !== undefined || c.req.header('Transfer-Encoding') !== undefined;
  // The stream is only looked at when needed: touching it takes a socket's body off its fast read.
  const stream = sized ? null : c.req.raw.body;
  const bytes = stream ? await readCapped(stream) : new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength > LIMITS.maxBodyBytes) throw tooLarge();
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw new HttpError('INVALID_INPUT', 'Body is not UTF-8', { field: 'body' });
  }
  c.set('rawBody', text);
  await next();
};

/**
 * The body parsed as a JSON object, to be read as request type `T` (its fields still
 * unchecked); anything else (invalid JSON, array, null, scalar) is 400.
 */
export function parseJsonObject<T>(text: string): Unchecked<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError('INVALID_INPUT', 'Body is not valid JSON', { field: 'body' });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError('INVALID_INPUT', 'Body must be a JSON object', { field: 'body' });
  }
  return value as Unchecked<T>;
}

/** {@link parseJsonObject}, where an empty body stands for `{}`. */
export function parseOptionalJsonObject<T>(text: string): Unchecked<T> {
  return text === '' ? {} : parseJsonObject<T>(text);
}
