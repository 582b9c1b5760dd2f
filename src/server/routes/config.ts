/** `GET /v1/config`: what the gate may offer this learner now (DESIGN §4). */
import type { Hono, MiddlewareHandler } from 'hono';
import {
  CARRIERS,
  LIMITS,
  PURPOSES,
  type ConfigResponse,
  type Purpose,
  type VerifyMethod,
} from '../../protocol/index.js';
import type { AppEnv } from '../http/env.js';
import { methodNotAllowed } from '../http/hygiene.js';
import { jsonResponse, invalidInput } from '../http/responses.js';
import type { VerificationPolicy } from '../policy/daily.js';
import type { MotpLock } from '../policy/motp-lock.js';
import type { MotpProvider } from '../providers/motp/provider.js';

/** What the config route reads. */
export interface ConfigDeps {
  /** Resolves the bearer session. */
  auth: MiddlewareHandler<AppEnv>;
  /** The mOTP provider, when configured. */
  motp: MotpProvider | null;
  /** The mOTP lockout. */
  lock: MotpLock;
  /** When a check is required. */
  policy: VerificationPolicy;
  /** Epoch milliseconds. */
  clock: () => number;
}

/** Methods offered, in the preferred order: only those whose provider is configured. */
function methodsOf(deps: ConfigDeps): VerifyMethod[] {
  const methods: VerifyMethod[] = [];
  if (deps.motp) methods.push('motp');
  // 'phone' joins here once a phone provider is configured.
  return methods;
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
    const methods = methodsOf(deps);
    const body: ConfigResponse = {
      version: 1,
      purpose,
      required: await deps.policy.isRequired(session.subject, purpose, now),
      methods,
      carriers: methods.includes('phone') ? [...CARRIERS] : [],
      phoneMethods: [],
      motp: { available: deps.motp !== null, ...(await deps.lock.state(session.subject)) },
      timers: {
        motpStep: LIMITS.motpStepSeconds,
        smsCodeTtl: LIMITS.smsCodeTtlSeconds,
        smsMaxLife: LIMITS.smsMaxLifeSeconds,
        resendCooldown: LIMITS.smsResendCooldownSeconds,
      },
      captcha: { required: false },
      serverTime: now,
    };
    return jsonResponse(body);
  });
  app.all('/v1/config', methodNotAllowed('GET'));
}
