/** `POST /v1/motp/verify`: one mOTP attempt, answered with a result token or an error. */
import type { Hono, MiddlewareHandler } from 'hono';
import { isCode, type MotpVerifyRequest, type TokenResponse } from '../../protocol/index.js';
import type { ClientIp } from '../http/client-ip.js';
import type { AppEnv } from '../http/env.js';
import { methodNotAllowed, parseJsonObject } from '../http/hygiene.js';
import { HttpError, invalidInput, jsonResponse } from '../http/responses.js';
import type { VerificationPolicy } from '../policy/daily.js';
import type { MotpVerifier } from '../policy/motp-verify.js';
import { requestedPhone } from '../policy/registered-phone.js';
import type { TokenIssuer } from '../tokens.js';

/** What the mOTP route uses. */
export interface MotpRouteDeps {
  /** Content type, session, body and idempotency guards. */
  guards: MiddlewareHandler<AppEnv>;
  /** The attempt policy. */
  verifier: MotpVerifier;
  /** Signs result tokens. */
  tokens: TokenIssuer;
  /** Records successes for the `daily` rule. */
  policy: VerificationPolicy;
  /** Epoch milliseconds. */
  clock: () => number;
  /** The client's address (HRD Korea wants the learner's IP with every code). */
  clientIp?: ClientIp;
}

/** Registers `POST /v1/motp/verify`. */
export function registerMotp(app: Hono<AppEnv>, deps: MotpRouteDeps): void {
  app.post('/v1/motp/verify', deps.guards, async (c) => {
    const session = c.get('session');
    const body = parseJsonObject<MotpVerifyRequest>(c.get('rawBody'));
    // Malformed input is refused before the attempt is charged (docs/security.md rule 16).
    if (!isCode(body.otp)) throw invalidInput('otp', 'The code must be exactly 6 digits');
    const phone = requestedPhone(body, (await session.personal()).phone);
    if (!phone) throw invalidInput('phone', 'The phone must be a Korean mobile number');

    const ip = deps.clientIp?.(c.req.raw, c.env);
    const outcome = await deps.verifier.verify(session, body.otp, phone, ip === undefined ? {} : { ip });
    switch (outcome.result) {
      case 'success': {
        const token = await deps.tokens.issue({
          subject: session.subject,
          nonce: session.nonce,
          purpose: session.purpose,
          method: 'motp',
        });
        await deps.policy.recordSuccess(session.subject, session.purpose, deps.clock());
        const answer: TokenResponse = { token, method: 'motp', purpose: session.purpose };
        return jsonResponse(answer);
      }
      case 'MISMATCH':
        throw new HttpError('MISMATCH', 'The phone number must be the one registered to the member', { field: 'phone' });
      case 'LOCKED':
        throw new HttpError('LOCKED', 'mOTP is locked after too many wrong codes; verify by phone to unlock it', {
          retryAfter: outcome.retryAfter,
          attemptsLeft: 0,
        });
      case 'RATE_LIMITED': {
        const message = outcome.upstream
          ? 'The mOTP service refused more requests for now; wait and try again'
          : 'Another code of this learner is being checked; try again in a moment';
        throw new HttpError('RATE_LIMITED', message, { retryAfter: outcome.retryAfter });
      }
      case 'INVALID_INPUT':
        // The upstream refused the code's form (HRD Korea AP012) without judging it: nothing charged.
        throw invalidInput('otp', 'The mOTP service refused the code as malformed');
      case 'INVALID_CODE':
        throw new HttpError('INVALID_CODE', 'The code is not correct', { attemptsLeft: outcome.attemptsLeft });
      case 'ALREADY_USED':
        throw new HttpError('ALREADY_USED', 'This code was already used; wait for the next one');
      case 'UPSTREAM_UNAVAILABLE':
        throw new HttpError('UPSTREAM_UNAVAILABLE', 'The mOTP service is unavailable; try again or verify by phone', {
          retryAfter: outcome.retryAfter,
        });
    }
  });
  app.all('/v1/motp/verify', methodNotAllowed('POST'));
}
