/**
 * The client's IP address, for the per-IP send cap. By default it is the TCP peer as
 * `@hono/node-server` hands it over in `env` — never `X-Forwarded-For`, which any client can
 * write. Behind reverse proxies you run, `trustProxy: n` takes the address the n-th proxy
 * appended; a `clientIp` function decides it any other way.
 *
 * When the address cannot be read (the app was mounted without passing `env` along, or runs
 * where there is no socket), the per-IP cap is skipped for that request — pooling every learner
 * under one "unknown" address would refuse everyone once the cap is reached — and the app warns
 * once, loudly, so the operator fixes the mounting.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * Finds the client's address for a request; `env` is what the server adapter passed to `fetch`.
 * `undefined` means it cannot be told.
 */
export type ClientIp = (request: Request, env: unknown) => string | undefined;

/**
 * The TCP peer's address, read with `@hono/node-server`'s `getConnInfo` from the bindings it
 * passes as `env`; `undefined` without them (mounted without `env`, or no socket at all).
 */
export const socketClientIp: ClientIp = (_request, env) => {
  if (typeof env !== 'object' || env === null) return undefined;
  let address: unknown;
  try {
    // getConnInfo reads nothing from the context but its env.
    address = getConnInfo({ env } as Context).remote.address;
  } catch {
    // Bindings of another shape: no socket to read.
    return undefined;
  }
  return typeof address === 'string' && address !== '' ? address : undefined;
};

/**
 * The client's address behind `hops` reverse proxies you run: each appends the address it
 * received from to `X-Forwarded-For`, so the client is the entry `hops - 1` places from the
 * right once the socket peer (the nearest proxy) is counted. Entries further left were written
 * by the client and are ignored.
 */
export function trustedProxyClientIp(hops: number): ClientIp {
  if (!Number.isSafeInteger(hops) || hops < 0) throw new TypeError('trustProxy must be a whole number of proxies (0 or more)');
  return (request, env) => {
    const socket = socketClientIp(request, env);
    if (hops === 0) return socket;
    const forwarded = (request.headers.get('X-Forwarded-For') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    const chain = socket === undefined ? forwarded : [...forwarded, socket];
    // `chain` ends with the nearest proxy; the client is `hops` places before it.
    return chain[chain.length - 1 - hops];
  };
}

/** Where the warning about an unreadable address goes. */
export interface WarningSink {
  /** Prints one operator-facing warning. */
  warn(message: string): void;
}

/** The warning printed the first time the client's address cannot be read. */
export const UNKNOWN_CLIENT_IP_WARNING =
  "id-verify: the client's IP address cannot be read, so the per-IP send cap is not applied. " +
  'Pass the server adapter\'s env along (`verify.fetch(c.req.raw, c.env)`), or set `trustProxy` / `clientIp`.';

/** `read`, warning once through `sink` the first time it cannot tell the address. */
export function warnWhenUnknown(read: ClientIp, sink: WarningSink): ClientIp {
  let warned = false;
  return (request, env) => {
    const address = read(request, env);
    if (address === undefined && !warned) {
      warned = true;
      sink.warn(UNKNOWN_CLIENT_IP_WARNING);
    }
    return address;
  };
}
