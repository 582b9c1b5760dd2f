/** The public shape of the reference server: its options and what `createVerifyApp` returns. */
import type { JWK } from 'jose';
import type { AuditRecord, AuditSink } from './audit.js';
import type { CaptchaService } from './captcha/index.js';
import type { ClientIp, WarningSink } from './http/client-ip.js';
import type { SigningKey } from './keys.js';
import type { MotpProvider } from './providers/motp/provider.js';
import type { PhoneProvider } from './providers/phone/provider.js';
import type { PhoneWindowProvider } from './providers/phone/window.js';
import type { MintedSession, SessionInput } from './sessions.js';
import type { Store } from './stores/store.js';

/** Options of `createVerifyApp`. */
export interface VerifyAppOptions {
  /** `iss` of result tokens: this server's public URL, e.g. `https://verify.example.ac.kr/api`. */
  issuer: string;
  /** `aud` of result tokens: the LMS that verifies them. */
  audience: string;
  /** Path the API is mounted under (`''` by default; the demo uses `/api`). */
  basePath?: string;
  /** Where state lives (a memory store by default; share one store across instances). */
  store?: Store;
  /** Epoch milliseconds (default `Date.now`); tests inject one to move time without sleeping. */
  clock?: () => number;
  /**
   * The result-token signing key, or several (see `importSigningKeys`): the first signs, all
   * are published in the JWKS, so an old key keeps verifying during a rotation. Absent: an
   * ES256 key is generated on first use — per process, so instances sharing a store need this.
   */
  signingKey?: SigningKey | readonly SigningKey[];
  /** mOTP provider: the TOTP provider on the same store by default; `null` turns mOTP off. */
  motp?: MotpProvider | null;
  /**
   * Phone provider: one the app drives through its API (PASS app, QR, SMS: the simulator,
   * PortOne), or one that draws its own window (NICE's standard window: method `window`). The
   * simulator on the same store by default when `simulator` is on, none otherwise; `null`
   * turns the phone check off.
   */
  phone?: PhoneProvider | PhoneWindowProvider | null;
  /** The 보안문자 of the phone check: one on the same store by default. */
  captcha?: CaptchaService;
  /**
   * The client's IP address for the per-IP send cap, when neither the socket nor `trustProxy`
   * tells it. Default: the TCP peer from the `env` `@hono/node-server` passes to `fetch`.
   * Return `undefined` when it cannot be told (the cap is then skipped, with a warning).
   */
  clientIp?: ClientIp;
  /**
   * How many reverse proxies you run in front of the app (default 0). With `n`, the client is
   * the address the n-th proxy appended to `X-Forwarded-For`; anything further left is the
   * client's own writing and ignored. Ignored when `clientIp` is given.
   */
  trustProxy?: number;
  /** Where operator warnings go (default `console`), e.g. an unreadable client address. */
  logger?: WarningSink;
  /** Phone-check sends (start, resend) allowed per client IP per clock hour (default 30). */
  ipSendsPerHour?: number;
  /** 보안문자 issued or voiced (about 12 ms of CPU each) per session per clock minute (default 30). */
  captchasPerSessionPerMinute?: number;
  /**
   * 보안문자 issued or voiced per client address per clock minute (default 240: a training room
   * behind one address stays under it).
   */
  captchasPerIpPerMinute?: number;
  /** Longest wait for any provider, in milliseconds (default 8000); past it the answer is 503. */
  providerTimeoutMs?: number;
  /**
   * `true` enables the `/v1/dev/*` simulator calls (never in production): they mint sessions
   * for anyone, reveal captcha answers and mOTP secrets, and drive the simulated phones. Only
   * the boolean `true` turns them on; any other non-boolean value is refused.
   */
  simulator?: boolean;
  /**
   * `true` lets the simulator calls run beside a provider that reaches an outside service (a
   * phone provider other than the simulator, an mOTP provider that cannot enrol): for local
   * testing against a fake only. Without it, that combination is refused at creation.
   */
  devRoutesWithRealProviders?: boolean;
  /**
   * What the simulator's `/v1/dev/motp/enroll` answers from, instead of the mOTP provider: a
   * local fake of HRD Korea hands out its own `otpauth://` secrets, so the phone simulator shows
   * the codes the fake accepts. Only read while the dev routes are on.
   */
  devMotpEnroller?: { enroll(phone: string): Promise<string> };
  /** Origins allowed to call the API from a browser (exact match; none by default). */
  allowedOrigins?: string[];
  /**
   * Where audit records go. Default: an in-memory ring of the newest `MEMORY_AUDIT_CAPACITY`
   * (10 000) records, read with `VerifyApp.auditLog`; older ones are dropped, so give a sink of
   * your own wherever the records are evidence.
   */
  audit?: AuditSink;
  /**
   * HMAC key for hashed store keys (phones, sessions, idempotency keys). Random when absent;
   * instances sharing a store must share it.
   */
  hashKey?: Uint8Array;
}

/** The reference server. */
export interface VerifyApp {
  /**
   * The HTTP handler (standard `Request` in, `Response` out); hand it to any server or call it
   * in-page. `env` is what the server adapter passes along (`@hono/node-server`: the socket).
   */
  fetch(request: Request, env?: unknown): Promise<Response>;
  /**
   * Mints a session for a logged-in learner (for LMS servers written in Node). With the
   * simulator as phone provider, the learner's line (name, phone, birth) joins its directory.
   */
  createSession(input: SessionInput): Promise<MintedSession>;
  /** The public JWKS of result tokens. */
  jwks(): Promise<{ keys: JWK[] }>;
  /** The newest records of the default in-memory audit ring, oldest first (empty when `audit` was given). */
  auditLog(): readonly AuditRecord[];
  /** Lifts the learner's mOTP lock; the phone path calls it after a `motp-unlock` check. */
  unlockMotp(subject: string): Promise<void>;
  /**
   * Starts a graceful shutdown: open event streams end with a retry hint (the widget then
   * polls, reaching an instance that stays up), and new ones end at once. Call it on SIGTERM.
   */
  drain(): void;
  /** Resolves when the store answers; rejects with `StoreUnavailableError` when it does not (`/readyz`). */
  ready(): Promise<void>;
  /** True when the `/v1/dev/*` simulator calls are on (print it loudly at start). */
  readonly devRoutes: boolean;
}
