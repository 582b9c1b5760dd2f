/**
 * The learner's session arrives only as `Authorization: Bearer …` — never in a URL, where it
 * would end up in logs, history and referrers (docs/security.md rule 21).
 */
import type { MiddlewareHandler } from 'hono';
import type { SessionRegistry } from '../sessions.js';
import type { AppEnv } from './env.js';
import { HttpError } from './responses.js';

const unauthorized = () =>
  new HttpError('UNAUTHORIZED', 'A valid session is required', { headers: { 'WWW-Authenticate': 'Bearer' } });

/** Resolves the bearer session or answers 401 `UNAUTHORIZED`. */
export function requireSession(sessions: SessionRegistry): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const match = /^Bearer ([^\s]+)$/i.exec(c.req.header('Authorization')?.trim() ?? '');
    const bearer = match?.[1];
    if (!bearer) throw unauthorized();
    const session = await sessions.load(bearer);
    if (!session) throw unauthorized();
    c.set('session', session);
    c.set('bearer', bearer);
    await next();
  };
}
