/** `GET /.well-known/jwks.json`: the public keys LMS servers verify result tokens with. */
import type { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { methodNotAllowed } from '../http/hygiene.js';
import { jsonResponse } from '../http/responses.js';
import type { KeyRing } from '../keys.js';

/** Registers the JWKS route. */
export function registerJwks(app: Hono<AppEnv>, keys: KeyRing): void {
  app.get('/.well-known/jwks.json', async () => jsonResponse(await keys.jwks()));
  app.all('/.well-known/jwks.json', methodNotAllowed('GET'));
}
