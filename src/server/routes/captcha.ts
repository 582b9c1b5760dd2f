/**
 * The 보안문자 of the phone check: `POST /v1/captcha` issues one, `GET /v1/captcha/{id}/audio`
 * reads it out (음성듣기). The audio needs the learner's session like every other call, so the
 * widget fetches it and plays the bytes; no URL it could hand to an `<audio>` element carries a
 * secret (docs/security.md rule 21).
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { EmptyRequest } from '../../protocol/index.js';
import type { ClientIp } from '../http/client-ip.js';
import type { AppEnv } from '../http/env.js';
import { methodNotAllowed, parseJsonObject } from '../http/hygiene.js';
import { HttpError, jsonResponse, refusalError } from '../http/responses.js';
import type { CaptchaService } from '../captcha/index.js';
import type { CaptchaRate } from '../policy/captcha-rate.js';

/** What the captcha routes use. */
export interface CaptchaRouteDeps {
  /** Content type, session, body and idempotency guards. */
  guards: MiddlewareHandler<AppEnv>;
  /** Resolves the bearer session (GET). */
  auth: MiddlewareHandler<AppEnv>;
  /** Issues, voices and checks challenges. */
  captcha: CaptchaService;
  /** How often a session and an address may have one issued or voiced. */
  rate: CaptchaRate;
  /** The client's address, for the per-address limit. */
  clientIp: ClientIp;
}

/** Registers the captcha routes. */
export function registerCaptcha(app: Hono<AppEnv>, deps: CaptchaRouteDeps): void {
  /** Counts the work about to be done, or refuses it (429 with `Retry-After`). */
  const claim = async (c: Context<AppEnv>) => {
    const verdict = await deps.rate.claim(c.get('session').handle, deps.clientIp(c.req.raw, c.env as unknown));
    if (!verdict.ok) throw refusalError(verdict);
  };

  app.post('/v1/captcha', deps.guards, async (c) => {
    parseJsonObject<EmptyRequest>(c.get('rawBody'));
    await claim(c);
    return jsonResponse(await deps.captcha.issue());
  });
  app.all('/v1/captcha', methodNotAllowed('POST'));

  app.get('/v1/captcha/:id/audio', deps.auth, async (c) => {
    await claim(c);
    const wav = await deps.captcha.audio(c.req.param('id'));
    if (!wav) throw new HttpError('NOT_FOUND', 'No such captcha, or it expired');
    return new Response(Uint8Array.from(wav), {
      headers: { 'Content-Type': 'audio/wav', 'Cache-Control': 'no-store' },
    });
  });
  app.all('/v1/captcha/:id/audio', methodNotAllowed('GET'));
}
