/** `GET /v1/config`: what the gate may offer this learner now (docs/protocol.md). */
import type { Hono, MiddlewareHandler } from 'hono';
import {
  CARRIERS,
  LIMITS,
  PURPOSES,
  VERIFY_METHODS,
  maskPhone,
  type ConfigResponse,
  type Purpose,
  type VerifyMethod,
} from '../../protocol/index.js';
import type { AppEnv } from '../http/env.js';
import { methodNotAllowed } from '../http/hygiene.js';
import { jsonResponse, invalidInput } from '../http/responses.js';
import type { VerificationPolicy } from '../policy/daily.js';
import type { MotpHealth } from '../policy/motp-health.js';
import type { MotpLock } from '../policy/motp-lock.js';
import type { MotpProvider } from '../providers/motp/provider.js';
import type { PhoneProvider } from '../providers/phone/provider.js';

/** What the config route reads. */
export interface ConfigDeps {
  /** Resolves the bearer session. */
  auth: MiddlewareHandler<AppEnv>;
  /** The mOTP provider, when configured. */
  motp: MotpProvider | null;
  /** Whether mOTP is usable right now (configured, and its provider not failing). */
  health: MotpHealth;
  /** The phone provider (what it can do), when configured. */
  phone: Pick<PhoneProvider, 'methods'> | null;
  /** The mOTP lockout. */
  lock: MotpLock;
  /** When a check is required. */
  policy: VerificationPolicy;
  /** Epoch milliseconds. */
  clock: () => number;
}

/** Methods offered, in the protocol's order: only those whose provider is configured. */
function methodsOf(deps: ConfigDeps): VerifyMethod[] {
  const configured: Record<VerifyMethod, boolean> = { motp: deps.motp !== null, phone: deps.phone !== null };
  return VERIFY_METHODS.filter((method) => configured[method]);
}

/** Registers `GET /v1/config`. */
export function registerConfig(app: Hono<AppEnv>, deps: ConfigDeps): void {
  app.get('/v1/config', deps.auth, async (c) => {
    const session = c.get('session');
    const asked = c.req.query('purpose');
    if (asked !== undefined && !(PURPOSES as readonly string[]).includes(asked)) {
      throw invalidInput('purpose', 'Unknown purpose');
    }
    const purpose = (asked as Purpose | undefined) ?? session.purpose;
    const now = deps.clock();
    // Asked all at once: with a shared store that is one round trip instead of four. The prefill
    // shows the learner their own name and masked phone.
    const [learner, required, available, lockState] = await Promise.all([
      session.personal(),
      deps.policy.isRequired(session.subject, purpose, now),
      deps.health.available(),
      deps.lock.state(session.subject),
    ]);
    const methods = methodsOf(deps);
    const ownScreens = deps.phone?.methods.some((method) => method !== 'window') ?? false;
    const body: ConfigResponse = {
      version: 1,
      purpose,
      required,
      methods,
      // The carrier is picked on our screens, unless the provider's own window asks for it.
      carriers: ownScreens ? [...CARRIERS] : [],
      phoneMethods: deps.phone ? [...deps.phone.methods] : [],
      // Unavailable (not configured, or its provider failing): the gate offers the phone check (대체인증).
      motp: { available, ...lockState },
      timers: {
        motpStep: LIMITS.motpStepSeconds,
        smsCodeTtl: LIMITS.smsCodeTtlSeconds,
        smsMaxLife: LIMITS.smsMaxLifeSeconds,
        resendCooldown: LIMITS.smsResendCooldownSeconds,
      },
      // `/v1/phone/start` always asks for one; a provider's own window has its own instead.
      captcha: { required: ownScreens || deps.phone === null },
      serverTime: now,
      // What the forms may show: the name, and the phone masked (docs/security.md rule 31).
      learner: { name: learner.name, phone: maskPhone(learner.phone) },
    };
    return jsonResponse(body);
  });
  app.all('/v1/config', methodNotAllowed('GET'));
}
