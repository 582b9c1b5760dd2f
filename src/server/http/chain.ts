/** Runs middlewares in order as one, so a route lists its guards as a single handler. */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

/** One middleware running `handlers` in order; a throw from any of them ends the chain. */
export function chain(...handlers: MiddlewareHandler<AppEnv>[]): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    const run = async (index: number): Promise<void> => {
      const handler = handlers[index];
      if (!handler) return void (await next());
      const response = await handler(c, () => run(index + 1));
      if (response instanceof Response) c.res = response;
    };
    return run(0);
  };
}
