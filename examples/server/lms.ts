// The LMS server's part, mounted in a Hono app (any server that speaks fetch works alike).
import { Hono } from 'hono';
import {
  createMemoryReplayGuard,
  createMemoryStore,
  createTotpProvider,
  createVerifyApp,
  verifyResultToken,
} from 'id-verify-server';

const issuer = 'https://lms.example.ac.kr/api';
const audience = 'my-lms';

// Self-hosted mOTP (RFC 6238 codes in any authenticator app); see "Plug in" for the others.
const store = createMemoryStore();
export const motp = createTotpProvider({ store });
export const verify = createVerifyApp({ issuer, audience, basePath: '/api', store, motp });

// Created once, next to the app: a guard made per request would remember nothing, and the
// same token would be accepted twice.
const replay = createMemoryReplayGuard();

export const app = new Hono();
// Pass `c.env` along: it carries the socket, which the per-IP send cap reads. Behind your own
// reverse proxy, add `trustProxy: 1` (one proxy) to createVerifyApp's options.
app.all('/api/*', (c) => verify.fetch(c.req.raw, c.env));

/** A learner enrols once: show the otpauth:// URI as a QR code for their authenticator app. */
export const enrolMotp = (phone: string) => motp.enroll(phone);

/** When rendering the page for a logged-in learner. */
export async function startCheck(user: { id: string; name: string; phone: string; birth: string }) {
  const { session, nonce } = await verify.createSession({
    subject: user.id,
    name: user.name,
    phone: user.phone,
    birth: user.birth, // 'YYMMDD-D' (birth date + the one gender digit): the phone check matches it
    purpose: 'exam',
  });
  // Keep `nonce` in your server-side session; print `session` into the gate's attribute.
  return { session, nonce };
}

/** When the page posts the token back: its claims, or a TokenVerificationError (`reason`). */
export async function acceptToken(token: string, nonce: string) {
  return verifyResultToken(token, {
    jwks: await verify.jwks(), // or new URL('https://…/api/.well-known/jwks.json') on another machine
    issuer,
    audience,
    nonce,
    replay,
  });
  // { sub, purpose, method, amr, iat, nbf, exp, jti, nonce, iss, aud }: nothing else, no PII
}
