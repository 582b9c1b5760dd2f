/**
 * The phone check wired together: captcha routes, the send throttles, the transaction
 * records, the three policies (start, SMS code, approval) and their routes. `app.ts` calls this
 * once when a phone provider is configured.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import type { AuditSink } from './audit.js';
import type { CaptchaService } from './captcha/index.js';
import type { KeyedHasher } from './crypto.js';
import type { ClientIp } from './http/client-ip.js';
import type { AppEnv } from './http/env.js';
import type { VerificationPolicy } from './policy/daily.js';
import type { MotpFollowUps } from './policy/motp-followups.js';
import type { MotpHealth } from './policy/motp-health.js';
import type { MotpLock } from './policy/motp-lock.js';
import { createCaptchaRate } from './policy/captcha-rate.js';
import { createPhoneApprovals } from './policy/phone-approval.js';
import { createPhoneAuditor } from './policy/phone-audit.js';
import { createPhoneFinisher } from './policy/phone-finish.js';
import { createSmsCodes } from './policy/phone-sms.js';
import { createPhoneStarter } from './policy/phone-start.js';
import { createPhoneStreams } from './policy/phone-streams.js';
import { createSendThrottle } from './policy/phone-throttle.js';
import { createPhoneTxs } from './policy/phone-tx.js';
import type { PhoneProvider } from './providers/phone/provider.js';
import { registerCaptcha } from './routes/captcha.js';
import { registerPhone } from './routes/phone.js';
import type { Store } from './stores/store.js';
import type { TokenIssuer } from './tokens.js';

/** What the phone check is built from. */
export interface PhoneCheckDeps {
  /** Content type, session, body and idempotency guards. */
  guards: MiddlewareHandler<AppEnv>;
  /** The same, for POSTs that may come with no body. */
  bodylessGuards: MiddlewareHandler<AppEnv>;
  /** Resolves the bearer session (GETs). */
  auth: MiddlewareHandler<AppEnv>;
  /** Who sends and checks. */
  provider: PhoneProvider;
  /** The 보안문자. */
  captcha: CaptchaService;
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
  /** The mOTP provider's follow-ups to phone checks (HRD Korea's unlock and 대체인증 log). */
  followUps?: MotpFollowUps;
  /** Signs result tokens. */
  tokens: TokenIssuer;
  /** Records successes for the `daily` rule. */
  policy: VerificationPolicy;
  /** The client's address. */
  clientIp: ClientIp;
  /**
   * The same without the warning, for the captcha limits: the warning is about the send cap,
   * and an address that cannot be read skips both the same way.
   */
  quietClientIp: ClientIp;
  /** Sends per IP per clock hour. */
  ipSendsPerHour?: number;
  /** Captchas (issued or voiced) per session per minute. */
  captchasPerSessionPerMinute?: number;
  /** Captchas (issued or voiced) per client address per minute. */
  captchasPerIpPerMinute?: number;
  /** Provider deadline in milliseconds. */
  providerTimeoutMs?: number;
  /** Epoch milliseconds. */
  clock: () => number;
  /** Aborts when the server drains: open event streams end with a retry hint. */
  shutdown: AbortSignal;
}

/** Registers the captcha and phone routes on `app`. */
export function registerPhoneCheck(app: Hono<AppEnv>, deps: PhoneCheckDeps): void {
  const { provider, captcha, store, hash, lock, clock, providerTimeoutMs } = deps;
  const txs = createPhoneTxs(store, hash);
  const throttle = createSendThrottle({ store, clock, ipSendsPerHour: deps.ipSendsPerHour });
  const audit = createPhoneAuditor(deps.audit, clock);
  const finisher = createPhoneFinisher({ lock, health: deps.health, audit: deps.audit, clock, followUps: deps.followUps });
  const timing = providerTimeoutMs === undefined ? {} : { providerTimeoutMs };

  const rate = createCaptchaRate({
    store,
    hash,
    clock,
    perSession: deps.captchasPerSessionPerMinute,
    perIp: deps.captchasPerIpPerMinute,
  });
  registerCaptcha(app, { guards: deps.guards, auth: deps.auth, captcha, rate, clientIp: deps.quietClientIp });
  registerPhone(app, {
    guards: deps.guards,
    bodylessGuards: deps.bodylessGuards,
    auth: deps.auth,
    provider,
    starter: createPhoneStarter({ provider, captcha, throttle, txs, lock, audit, hash, store, clock, ...timing }),
    sms: createSmsCodes({ provider, txs, throttle, finisher, audit, hash, clock, ...timing }),
    approvals: createPhoneApprovals({ provider, txs, finisher, audit, clock, ...timing }),
    streams: createPhoneStreams(store),
    tokens: deps.tokens,
    policy: deps.policy,
    clientIp: deps.clientIp,
    shutdown: deps.shutdown,
    clock,
  });
}
