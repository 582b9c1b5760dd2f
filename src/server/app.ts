/**
 * `createVerifyApp()`: the reference backend as one fetch handler. It wires the store, the
 * policies, the providers and the routes; every rule lives in `policy/`, every HTTP concern
 * in `http/`. Data flows one way: route → policy → provider + store → token.
 */
import { Hono } from 'hono';
import { every } from 'hono/combine';
import { createMemoryAuditSink } from './audit.js';
import { createCaptchaService } from './captcha/index.js';
import { createKeyedHasher, randomBytes } from './crypto.js';
import { requireSession } from './http/auth.js';
import { socketClientIp, trustedProxyClientIp, warnWhenUnknown } from './http/client-ip.js';
import { allowListCors } from './http/cors.js';
import type { AppEnv } from './http/env.js';
import { limitBody, readBody, refuseUntypedBody, requireJson, requireJsonOrEmpty } from './http/hygiene.js';
import { idempotent } from './http/idempotent.js';
import { answerHeaders, HttpError, unexpectedErrorResponse } from './http/responses.js';
import { canEnroll, devRoutesEnabled, isSimulator } from './dev-routes.js';
import { createKeyRing } from './keys.js';
import type { VerifyApp, VerifyAppOptions } from './options.js';
import { createVerificationPolicy } from './policy/daily.js';
import { createIdempotency } from './policy/idempotency.js';
import { createMotpFollowUps } from './policy/motp-followups.js';
import { createMotpHealth } from './policy/motp-health.js';
import { createMotpLock } from './policy/motp-lock.js';
import { createMotpSteps } from './policy/motp-steps.js';
import { createMotpVerifier } from './policy/motp-verify.js';
import { createTotpProvider } from './providers/motp/totp.js';
import { createSimulatorPhoneProvider, type SimulatorPhoneProvider } from './providers/phone/simulator.js';
import { registerPhoneCheck } from './phone-check.js';
import { registerPhoneWindowCheck } from './phone-window-check.js';
import { isWindowProvider } from './providers/phone/window.js';
import { registerConfig } from './routes/config.js';
import { registerDev } from './routes/dev.js';
import { registerJwks } from './routes/jwks.js';
import { registerMotp } from './routes/motp.js';
import { createSessionRegistry, type SessionRegistry } from './sessions.js';
import { createMemoryStore } from './stores/memory.js';
import { createTokenIssuer } from './tokens.js';

/**
 * Sessions that also put the learner's line into the simulator's directory, so the simulated
 * carrier knows who owns the phone the LMS registered. Without a birth date there is no full
 * line to register; such a learner's phone stays unknown to the simulator.
 */
function withDirectory(registry: SessionRegistry, simulator: SimulatorPhoneProvider | null): SessionRegistry {
  if (!simulator) return registry;
  return {
    ...registry,
    async create(input) {
      const minted = await registry.create(input);
      if (input.birth !== undefined) await simulator.register({ name: input.name, phone: input.phone, birth: input.birth });
      return minted;
    },
  };
}

/** Creates the reference server. */
export function createVerifyApp(options: VerifyAppOptions): VerifyApp {
  const clock = options.clock ?? Date.now;
  const store = options.store ?? createMemoryStore({ clock });
  const hashKey = options.hashKey ?? randomBytes(32);
  const hash = createKeyedHasher(hashKey);
  const memoryAudit = createMemoryAuditSink();
  const audit = options.audit ?? memoryAudit;
  const motp = options.motp === undefined ? createTotpProvider({ store, clock, hashKey }) : options.motp;
  const defaultPhone = () => (options.simulator === true ? createSimulatorPhoneProvider({ store, clock, hashKey }) : null);
  const phone = options.phone === undefined ? defaultPhone() : options.phone;
  const simulatorPhone = isSimulator(phone) ? phone : null;
  const devRoutes = devRoutesEnabled({
    simulator: options.simulator,
    devRoutesWithRealProviders: options.devRoutesWithRealProviders,
    motp,
    phone,
  });
  const readClientIp = options.clientIp ?? (options.trustProxy ? trustedProxyClientIp(options.trustProxy) : socketClientIp);
  const clientIp = warnWhenUnknown(readClientIp, options.logger ?? console);
  const captcha = options.captcha ?? createCaptchaService({ store, clock });
  const timing = options.providerTimeoutMs === undefined ? {} : { providerTimeoutMs: options.providerTimeoutMs };

  const sessions = withDirectory(createSessionRegistry(store, hash), simulatorPhone);
  const keys = createKeyRing(options.signingKey);
  const tokens = createTokenIssuer({ issuer: options.issuer, audience: options.audience, keys, clock });
  const lock = createMotpLock(store);
  const health = createMotpHealth(store, motp !== null);
  const followUps = motp ? createMotpFollowUps({ provider: motp, store, audit, clock, ...timing }) : undefined;
  const policy = createVerificationPolicy(store);
  const idempotency = createIdempotency({ store, hash });
  const shutdown = new AbortController();

  const auth = requireSession(sessions);
  // Size and type are refused before the session is looked up; the body is read after it.
  const sessionPost = every(requireJson, limitBody, auth, readBody, idempotent(idempotency));
  const publicPost = every(requireJson, limitBody, readBody, idempotent(idempotency));
  // Extend, resend, complete and the simulator's approvals may arrive with no body and no type.
  const bodylessPost = every(requireJsonOrEmpty, limitBody, auth, readBody, refuseUntypedBody, idempotent(idempotency));
  const publicBodylessPost = every(requireJsonOrEmpty, limitBody, readBody, refuseUntypedBody, idempotent(idempotency));

  // Middleware on the root sees every request, including those outside `basePath` (404s).
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const root = new Hono<AppEnv>();
  root.use(answerHeaders, allowListCors(options.allowedOrigins ?? []));
  const app = root.basePath(basePath);
  registerConfig(app, { auth, motp, health, phone, lock, policy, clock });
  if (motp) {
    const steps = createMotpSteps(store);
    const verifier = createMotpVerifier({ provider: motp, lock, steps, audit, clock, health, followUps, ...timing });
    // The address only travels to the provider (HRD Korea's EXIP); the unknown-address warning is about the send cap.
    registerMotp(app, { guards: sessionPost, verifier, tokens, policy, clock, clientIp: readClientIp });
  }
  // What both kinds of phone check are built from.
  const phoneCommon = { guards: sessionPost, store, hash, audit, lock, health, followUps, tokens, policy, ...timing, clock };
  if (isWindowProvider(phone)) {
    registerPhoneWindowCheck(app, {
      ...phoneCommon,
      provider: phone,
      publicUrl: options.issuer,
      basePath,
      allowedOrigins: options.allowedOrigins ?? [],
    });
  } else if (phone) {
    registerPhoneCheck(app, {
      ...phoneCommon,
      bodylessGuards: bodylessPost,
      auth,
      provider: phone,
      captcha,
      clientIp,
      quietClientIp: readClientIp,
      shutdown: shutdown.signal,
      ...(options.ipSendsPerHour === undefined ? {} : { ipSendsPerHour: options.ipSendsPerHour }),
      captchasPerSessionPerMinute: options.captchasPerSessionPerMinute,
      captchasPerIpPerMinute: options.captchasPerIpPerMinute,
    });
  }
  registerJwks(app, keys);
  if (devRoutes) {
    registerDev(app, {
      guards: publicPost,
      sessions,
      enroller: options.devMotpEnroller ?? (canEnroll(motp) ? motp : null),
      phone: { bodylessGuards: publicBodylessPost, captcha, simulator: simulatorPhone },
    });
  }
  root.notFound(() => new HttpError('NOT_FOUND', 'No such endpoint').getResponse());
  root.onError((error) => (error instanceof HttpError ? error.getResponse() : unexpectedErrorResponse(error)));

  return {
    async fetch(request, env) {
      try {
        return await root.fetch(request, env);
      } catch (error) {
        return unexpectedErrorResponse(error);
      }
    },
    createSession: (input) => sessions.create(input),
    jwks: () => keys.jwks(),
    auditLog: () => (options.audit ? [] : memoryAudit.records()),
    unlockMotp: (subject) => lock.unlock(subject),
    drain: () => shutdown.abort(),
    ready: async () => {
      await store.ping?.();
    },
    devRoutes,
  };
}
