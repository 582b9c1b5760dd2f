/**
 * CORS for the widget on an LMS page served from another origin (docs/security.md rule 28). Only
 * allow-listed origins are echoed back — never `*` — and no credentials are involved: the
 * session travels in the `Authorization` header, not a cookie.
 */
import { IDEMPOTENCY_HEADER } from '../../protocol/index.js';

const ALLOW_HEADERS = `Authorization, Content-Type, ${IDEMPOTENCY_HEADER}`;
const ALLOW_METHODS = 'GET, POST';

/** CORS decisions for one allow-list. */
export interface Cors {
  /** The answer to a preflight (`OPTIONS`), whether or not its origin is allowed. */
  preflight(request: Request): Response;
  /** `response` with the CORS headers `request`'s origin is entitled to. */
  apply(request: Request, response: Response): Response;
}

/** Creates the CORS policy for `allowedOrigins` (exact `scheme://host[:port]` strings). */
export function createCors(allowedOrigins: readonly string[]): Cors {
  const allowed = new Set(allowedOrigins);
  const originOf = (request: Request) => {
    const origin = request.headers.get('Origin');
    return origin !== null && allowed.has(origin) ? origin : undefined;
  };
  const decorate = (headers: Headers, origin: string | undefined) => {
    // Answers differ by origin whenever an allow-list exists, so caches must key on it.
    if (allowed.size > 0) headers.append('Vary', 'Origin');
    if (origin === undefined) return;
    headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Expose-Headers', 'Retry-After');
  };
  return {
    preflight(request) {
      const headers = new Headers({ 'Cache-Control': 'no-store' });
      const origin = originOf(request);
      decorate(headers, origin);
      if (origin !== undefined) {
        headers.set('Access-Control-Allow-Methods', ALLOW_METHODS);
        headers.set('Access-Control-Allow-Headers', ALLOW_HEADERS);
        headers.set('Access-Control-Max-Age', '600');
      }
      return new Response(null, { status: 204, headers });
    },
    apply(request, response) {
      decorate(response.headers, originOf(request));
      return response;
    },
  };
}
