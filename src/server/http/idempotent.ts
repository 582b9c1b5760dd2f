/** Middleware applying the idempotency policy to a POST route that carries `Idempotency-Key`. */
import type { MiddlewareHandler } from 'hono';
import { IDEMPOTENCY_HEADER } from '../../protocol/index.js';
import { IdempotencyError, isIdempotencyKey, type Idempotency, type StoredAnswer } from '../policy/idempotency.js';
import type { AppEnv } from './env.js';
import { HttpError, JSON_TYPE } from './responses.js';

/** Replays the first answer for a repeated key; runs the route once otherwise. Must follow `readBody`. */
export function idempotent(idempotency: Idempotency): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header(IDEMPOTENCY_HEADER);
    if (key === undefined) return next();
    if (!isIdempotencyKey(key)) {
      throw new HttpError('INVALID_INPUT', `${IDEMPOTENCY_HEADER} must be 1–100 visible ASCII characters`, {
        field: IDEMPOTENCY_HEADER,
      });
    }
    const session = c.get('session') as AppEnv['Variables']['session'] | undefined;
    const request = {
      scope: `${session?.handle ?? 'public'} ${c.req.method} ${c.req.path}`,
      key,
      bearer: (c.get('bearer') as string | undefined) ?? '',
      body: c.get('rawBody'),
    };
    let answer: StoredAnswer;
    try {
      answer = await idempotency.run(request, async () => {
        await next();
        const response = c.res;
        const retryAfter = response.headers.get('Retry-After');
        return { status: response.status, body: await response.text(), ...(retryAfter ? { retryAfter } : {}) };
      });
    } catch (error) {
      if (!(error instanceof IdempotencyError)) throw error;
      if (error.reason === 'CONFLICT') {
        throw new HttpError('INVALID_INPUT', `${IDEMPOTENCY_HEADER} was already used for another request`, {
          field: IDEMPOTENCY_HEADER,
        });
      }
      // The client retries a 503 with the same key, by which time the first answer is stored.
      throw new HttpError('UPSTREAM_UNAVAILABLE', 'The first request with this key is still running', {
        retryAfter: 1,
      });
    }
    const headers: Record<string, string> = { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store' };
    if (answer.retryAfter) headers['Retry-After'] = answer.retryAfter;
    c.res = new Response(answer.body, { status: answer.status, headers });
  };
}
