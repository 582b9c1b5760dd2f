/**
 * The client's IP address, for the per-IP send cap (SECURITY 10). By default it is the TCP
 * peer as `@hono/node-server` hands it over — never `X-Forwarded-For`, which any client can
 * write. Behind a trusted proxy, pass `clientIp` to read the address the proxy appends.
 */

/** Finds the client's address for a request; `env` is what the server adapter passed to `fetch`. */
export type ClientIp = (request: Request, env: unknown) => string;

/** Socket shape `@hono/node-server` passes as `env.incoming` (or `env.server.incoming`). */
interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: unknown } };
  server?: NodeBindings;
}

/** The TCP peer's address from `@hono/node-server`'s bindings, or `'unknown'` (in-page, other servers). */
export const socketClientIp: ClientIp = (_request, env) => {
  const bindings = (typeof env === 'object' && env !== null ? env : {}) as NodeBindings;
  const address = (bindings.server ?? bindings).incoming?.socket?.remoteAddress;
  return typeof address === 'string' && address !== '' ? address : 'unknown';
};
