/**
 * CORS for the widget on an LMS page served from another origin (docs/security.md rule 28), with
 * Hono's `cors` middleware. Only allow-listed origins are echoed back — never `*` — and no
 * credentials are involved: the session travels in the `Authorization` header, not a cookie.
 * Every `OPTIONS` request is answered here as a preflight (204).
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { IDEMPOTENCY_HEADER } from '../../protocol/index.js';

// Each written as one pre-joined value: Hono joins list items with a bare comma, and clients
// have always been sent these exact spellings.
const ALLOW_HEADERS = `Authorization, Content-Type, ${IDEMPOTENCY_HEADER}`;
const ALLOW_METHODS = 'GET, POST';

/**
 * The CORS middleware for `allowedOrigins` (exact `scheme://host[:port]` strings). A request
 * other than `OPTIONS` without an `Origin` is not a cross-origin browser call (browsers send one
 * with every CORS request), so it skips the middleware: nothing to allow, and its answer stays
 * as the route built it, which `@hono/node-server` then writes without copying.
 */
export function allowListCors(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  const isAllowed = (origin: string) => allowed.has(origin);
  const honoCors = cors({
    origin: (origin) => (isAllowed(origin) ? origin : null),
    allowMethods: (origin) => (isAllowed(origin) ? [ALLOW_METHODS] : []),
    allowHeaders: [ALLOW_HEADERS],
    exposeHeaders: ['Retry-After'],
    maxAge: 600,
  });
  return (c, next) => (c.req.method !== 'OPTIONS' && c.req.header('Origin') === undefined ? next() : honoCors(c, next));
}
