/**
 * The phone check in the provider's own window, wired together: the policy and its routes.
 * `app.ts` calls this instead of `registerPhoneCheck` when the phone provider draws its own
 * window (NICE's standard window): there is no captcha of ours, no SMS code, no send throttle —
 * the provider's window has its own.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import type { AuditSink } from './audit.js';
import type { KeyedHasher } from './crypto.js';
import type { AppEnv } from './http/env.js';
import type { VerificationPolicy } from './policy/daily.js';
import type { MotpHealth } from './policy/motp-health.js';
import type { MotpLock } from './policy/motp-lock.js';
import { createPhoneAuditor } from './policy/phone-audit.js';
import { createPhoneFinisher } from './policy/phone-finish.js';
import { createPhoneWindows } from './policy/phone-window.js';
import type { PhoneWindowProvider } from './providers/phone/window.js';
import { registerPhoneWindow } from './routes/phone-window.js';
import type { Store } from './stores/store.js';
import type { TokenIssuer } from './tokens.js';

/** What the window check is built from. */
export interface PhoneWindowCheckDeps {
  /** Content type, session, body and idempotency guards. */
  guards: MiddlewareHandler<AppEnv>;
  /** The provider that draws the window. */
  provider: PhoneWindowProvider;
  /** Where state lives. */
  store: Store;
  /** Keyed hash for store keys. */
  hash: KeyedHasher;
  /** Where attempts are recorded. */
  audit: AuditSink;
  /** The mOTP lock a `motp-unlock` check lifts. */
  lock: MotpLock;
  /** Whether mOTP is usable (for 대체인증 records). */
  health: MotpHealth;
  /** Signs result tokens. */
  tokens: TokenIssuer;
  /** Records successes for the `daily` rule. */
  policy: VerificationPolicy;
  /** This server's public URL (the token issuer): the provider posts results below it. */
  publicUrl: string;
  /** The path the API is mounted under. */
  basePath: string;
  /** Origins allowed to call the API from a browser, besides its own. */
  allowedOrigins: readonly string[];
  /** Provider deadline in milliseconds. */
  providerTimeoutMs?: number;
  /** Epoch milliseconds. */
  clock: () => number;
}

/** Registers the window check's routes on `app`. */
export function registerPhoneWindowCheck(app: Hono<AppEnv>, deps: PhoneWindowCheckDeps): void {
  const { store, hash, lock, clock, providerTimeoutMs } = deps;
  const windows = createPhoneWindows({
    provider: deps.provider,
    store,
    hash,
    audit: createPhoneAuditor(deps.audit, clock),
    finisher: createPhoneFinisher({ lock, health: deps.health, audit: deps.audit, clock }),
    lock,
    publicUrl: deps.publicUrl,
    isAllowedOrigin: (origin, request) => origin === new URL(request.url).origin || deps.allowedOrigins.includes(origin),
    clock,
    ...(providerTimeoutMs === undefined ? {} : { providerTimeoutMs }),
  });
  registerPhoneWindow(app, { guards: deps.guards, windows, basePath: deps.basePath, tokens: deps.tokens, policy: deps.policy, clock });
}
