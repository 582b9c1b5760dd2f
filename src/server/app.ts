/**
 * `createVerifyApp()`: the reference backend as one fetch handler. It wires the store, the
 * policies, the providers and the routes; every rule lives in `policy/`, every HTTP concern
 * in `http/`. Data flows one way: route → policy → provider + store → token.
 */
import { Hono } from 'hono';
import { createMemoryAuditSink } from './audit.js';
import { createKeyedHasher, randomBytes } from './crypto.js';
import { requireSession } from './http/auth.js';
import { chain } from './http/chain.js';
import { createCors } from './http/cors.js';
import type { AppEnv } from './http/env.js';
import { readBody, requireJson } from './http/hygiene.js';
import { idempotent } from './http/idempotent.js';
import { HttpError, internalErrorResponse } from './http/responses.js';
import { createKeyRing } from './keys.js';
import type { VerifyApp, VerifyAppOptions } from './options.js';
import { createVerificationPolicy } from './policy/daily.js';
import { createIdempotency } from './policy/idempotency.js';
import { createMotpLock } from './policy/motp-lock.js';
import { createMotpSteps } from './policy/motp-steps.js';
import { createMotpVerifier } from './policy/motp-verify.js';
import type { MotpProvider } from './providers/motp/provider.js';
import { createTotpProvider, type TotpProvider } from './providers/motp/totp.js';
import { registerConfig } from './routes/config.js';
import { registerDev } from './routes/dev.js';
import { registerJwks } from './routes/jwks.js';
import { registerMotp } from './routes/motp.js';
import { createSessionRegistry } from './sessions.js';
import { createMemoryStore } from './stores/memory.js';
import { createTokenIssuer } from './tokens.js';

const canEnroll = (provider: MotpProvider | null): provider is MotpProvider & Pick<TotpProvider, 'enroll'> =>
  provider !== null && typeof (provider as Partial<TotpProvider>).enroll === 'function';

/** Creates the reference server. */
export function createVerifyApp(options: VerifyAppOptions): VerifyApp {
  const clock = options.clock ?? Date.now;
  const store = options.store ?? createMemoryStore({ clock });
  const hashKey = options.hashKey ?? randomBytes(32);
  const hash = createKeyedHasher(hashKey);
  const memoryAudit = createMemoryAuditSink();
  const audit = options.audit ?? memoryAudit;
  const motp = options.motp === undefined ? createTotpProvider({ store, clock, hashKey }) : options.motp;

  const sessions = createSessionRegistry(store, hash);
  const keys = createKeyRing(options.signingKey);
  const tokens = createTokenIssuer({ issuer: options.issuer, audience: options.audience, keys, clock });
  const lock = createMotpLock(store);
  const policy = createVerificationPolicy(store);
  const idempotency = createIdempotency({ store, hash });
  const cors = createCors(options.allowedOrigins ?? []);

  const auth = requireSession(sessions);
  const sessionPost = chain(requireJson, auth, readBody, idempotent(idempotency));
  const publicPost = chain(requireJson, readBody, idempotent(idempotency));

  const app = new Hono<AppEnv>().basePath((options.basePath ?? '').replace(/\/+$/, ''));
  registerConfig(app, { auth, motp, lock, policy, clock });
  if (motp) {
    const verifier = createMotpVerifier({ provider: motp, lock, steps: createMotpSteps(store), audit, clock });
    registerMotp(app, { guards: sessionPost, verifier, tokens, policy, clock });
  }
  registerJwks(app, keys);
  if (options.simulator) {
    registerDev(app, { guards: publicPost, sessions, enroller: canEnroll(motp) ? motp : null });
  }
  app.notFound(() => new HttpError('NOT_FOUND', 'No such endpoint').toResponse());
  app.onError((error) => (error instanceof HttpError ? error.toResponse() : internalErrorResponse()));

  return {
    async fetch(request) {
      let response: Response;
      try {
        response = request.method === 'OPTIONS' ? cors.preflight(request) : await app.fetch(request);
      } catch {
        response = internalErrorResponse();
      }
      // Re-wrap so headers are mutable whatever produced the response, then enforce no-store.
      response = new Response(response.body, response);
      response.headers.set('Cache-Control', 'no-store');
      return cors.apply(request, response);
    },
    createSession: (input) => sessions.create(input),
    jwks: () => keys.jwks(),
    auditLog: () => (options.audit ? [] : memoryAudit.records()),
    unlockMotp: (subject) => lock.unlock(subject),
  };
}
