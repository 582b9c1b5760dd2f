/**
 * The 보안문자 of the phone check: `POST /v1/captcha` issues one, `GET /v1/captcha/{id}/audio`
 * reads it out (음성듣기). The audio needs the learner's session like every other call, so the
 * widget fetches it and plays the bytes; no URL it could hand to an `<audio>` element carries a
 * secret (docs/security.md rule 21).
 */
import type { Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/env.js';
import { methodNotAllowed, parseJsonObject } from '../http/hygiene.js';
import { HttpError, jsonResponse } from '../http/responses.js';
import type { CaptchaService } from '../captcha/index.js';

/** What the captcha routes use. */
export interface CaptchaRouteDeps {
  /** Content type, session, body and idempotency guards. */
  guards: MiddlewareHandler<AppEnv>;
  /** Resolves the bearer session (GET). */
  auth: MiddlewareHandler<AppEnv>;
  /** Issues, voices and checks challenges. */
  captcha: CaptchaService;
}

/** Registers the captcha routes. */
export function registerCaptcha(app: Hono<AppEnv>, deps: CaptchaRouteDeps): void {
  app.post('/v1/captcha', deps.guards, async (c) => {
    parseJsonObject(c.get('rawBody'));
    return jsonResponse(await deps.captcha.issue());
  });
  app.all('/v1/captcha', methodNotAllowed('POST'));

  app.get('/v1/captcha/:id/audio', deps.auth, async (c) => {
    const wav = await deps.captcha.audio(c.req.param('id'));
    if (!wav) throw new HttpError('NOT_FOUND', 'No such captcha, or it expired');
    return new Response(Uint8Array.from(wav), {
      headers: { 'Content-Type': 'audio/wav', 'Cache-Control': 'no-store' },
    });
  });
  app.all('/v1/captcha/:id/audio', methodNotAllowed('GET'));
}
