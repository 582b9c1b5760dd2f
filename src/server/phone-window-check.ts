/**
 * The phone check in the provider's own window, wired together: the policy and its routes.
 * `app.ts` calls this instead of `registerPhoneCheck` when the phone provider draws its own
 * window (NICE's standard window): there is no captcha of ours, no SMS code, no send throttle —
 * the provider's window has its own.
 */
import type { Hono } from 'hono';
import type { AppEnv } from './http/env.js';
import type { PhoneCheckDeps } from './phone-check.js';
import { createPhoneAuditor } from './policy/phone-audit.js';
import { createPhoneFinisher } from './policy/phone-finish.js';
import { createPhoneWindows } from './policy/phone-window.js';
import type { PhoneWindowProvider } from './providers/phone/window.js';
import { registerPhoneWindow } from './routes/phone-window.js';

/** What the window check is built from: the phone check's common parts, and its own. */
export interface PhoneWindowCheckDeps
  extends Pick<
    PhoneCheckDeps,
    'guards' | 'store' | 'hash' | 'audit' | 'lock' | 'health' | 'followUps' | 'tokens' | 'policy' | 'providerTimeoutMs' | 'clock'
  > {
  /** The provider that draws the window. */
  provider: PhoneWindowProvider;
  /** This server's public URL (the token issuer): the provider posts results below it. */
  publicUrl: string;
  /** The path the API is mounted under. */
  basePath: string;
  /** Origins allowed to call the API from a browser, besides its own. */
  allowedOrigins: readonly string[];
}

/** Registers the window check's routes on `app`. */
export function registerPhoneWindowCheck(app: Hono<AppEnv>, deps: PhoneWindowCheckDeps): void {
  const { store, hash, lock, clock, providerTimeoutMs } = deps;
  const windows = createPhoneWindows({
    provider: deps.provider,
    store,
    hash,
    audit: createPhoneAuditor(deps.audit, clock),
    finisher: createPhoneFinisher({ lock, health: deps.health, audit: deps.audit, clock, followUps: deps.followUps }),
    lock,
    publicUrl: deps.publicUrl,
    // The API's own origin (public, from the issuer; or as this server sees it), or an allowed one.
    isAllowedOrigin: (origin, request) =>
      origin === new URL(deps.publicUrl).origin || origin === new URL(request.url).origin || deps.allowedOrigins.includes(origin),
    clock,
    ...(providerTimeoutMs === undefined ? {} : { providerTimeoutMs }),
  });
  registerPhoneWindow(app, { guards: deps.guards, windows, basePath: deps.basePath, tokens: deps.tokens, policy: deps.policy, clock });
}
