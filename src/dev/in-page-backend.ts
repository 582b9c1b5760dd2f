/**
 * The reference server running inside the page, with the simulator on: Storybook stories and
 * element tests use it to drive the real protocol without a network. Not part of the
 * script-tag bundle.
 */
import { generate } from 'otplib';
import { VerifyClient } from '../client/index.js';
import type { Purpose } from '../protocol/index.js';
// Not the server's index: that one also exports Node-only parts (the providers that reach
// outside services, the Redis store, the audit file).
import { createVerifyApp } from '../server/app.js';
import type { MotpProvider } from '../server/providers/motp/provider.js';
import { ProviderUnavailableError } from '../server/providers/unavailable.js';

/** The member the in-page backend signs in by default (the seed manual's example). */
export const DEMO_MEMBER = { name: '홍길동', phone: '010-1234-5678' } as const;

const ORIGIN = 'http://in-page.invalid';
let learners = 0;

/** Options of {@link createInPageBackend}. */
export interface InPageBackendOptions {
  /** Purpose the sessions are minted for. */
  purpose?: Purpose;
  /** Mints no mOTP provider, as when HRD Korea's service is unavailable. */
  withoutMotp?: boolean;
  /** An mOTP provider whose upstream is down (every check fails with 503). */
  motpDown?: boolean;
  /**
   * An mOTP provider whose upstream refuses every check for now (HRD Korea's own rate limit),
   * asking for this many seconds' wait: the app answers 429 `RATE_LIMITED` with `Retry-After`.
   */
  motpRateLimitedFor?: number;
  /** Configures no phone provider (mOTP only). */
  withoutPhone?: boolean;
  /** Moves the server's clock ahead by this many milliseconds (read on every call). */
  skewMs?: () => number;
}

/** A fresh server app, one learner, a client for the learner, and the learner's mOTP app. */
export async function createInPageBackend({
  purpose = 'exam',
  withoutMotp = false,
  withoutPhone = false,
  motpDown = false,
  motpRateLimitedFor,
  skewMs,
}: InPageBackendOptions = {}) {
  // A stand-in for HRD Korea's service being down or refusing: a real provider's shape (it
  // cannot enrol) beside the simulator.
  const upstream: MotpProvider | undefined = motpDown
    ? { verify: () => Promise.reject(new ProviderUnavailableError('HRD Korea is down', 30)) }
    : motpRateLimitedFor !== undefined
      ? { verify: async () => ({ valid: false, refused: 'RATE_LIMITED', retryAfter: motpRateLimitedFor }) }
      : undefined;
  const app = createVerifyApp({
    issuer: ORIGIN,
    audience: 'in-page-lms',
    simulator: true,
    // One page, one learner: the per-IP cap has no socket to read here.
    clientIp: () => 'in-page',
    ...(withoutMotp ? { motp: null } : {}),
    ...(upstream ? { motp: upstream, devRoutesWithRealProviders: true } : {}),
    ...(withoutPhone ? { phone: null } : {}),
    ...(skewMs ? { clock: () => Date.now() + skewMs() } : {}),
  });
  const subject = `learner-${++learners}-${crypto.randomUUID().slice(0, 8)}`;
  const fetchInPage = (request: Request) => app.fetch(request);

  /** A new session (another page load) for the same learner, and a client using it. */
  async function newClient() {
    const { session, nonce } = await app.createSession({ subject, ...DEMO_MEMBER, purpose });
    return { client: new VerifyClient({ endpoint: ORIGIN, session, fetch: fetchInPage }), session, nonce };
  }

  let secret = '';
  if (!withoutMotp && !upstream) {
    const enrolled = await app.fetch(
      new Request(`${ORIGIN}/v1/dev/motp/enroll`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ phone: DEMO_MEMBER.phone }),
      }),
    );
    const { otpauth } = (await enrolled.json()) as { otpauth: string };
    secret = new URL(otpauth).searchParams.get('secret') ?? '';
  }

  /** The code the learner's mOTP app shows now. */
  const currentCode = () => generate({ secret, period: 60, epoch: Math.floor(Date.now() / 1000) });

  /** Calls one of the simulator's `/v1/dev` endpoints, as the phone simulator page does. */
  async function dev<T>(path: string, body: unknown = {}): Promise<T> {
    const response = await app.fetch(
      new Request(`${ORIGIN}/v1/dev/${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
    return (await response.json()) as T;
  }

  /** The newest SMS code in the member's inbox, if any. */
  async function lastSmsCode(): Promise<string | undefined> {
    const { messages } = await dev<{ messages: { text: string }[] }>('inbox', { phone: DEMO_MEMBER.phone });
    return messages.at(-1)?.text.match(/\[(\d{6})\]/)?.[1];
  }

  const first = await newClient();
  return { app, subject, ...first, newClient, currentCode, dev, lastSmsCode };
}

/** A code that is surely wrong: every digit of `code` shifted by 5. */
export const shifted = (code: string) => [...code].map((c) => (/\d/.test(c) ? String((Number(c) + 5) % 10) : c)).join('');

/** A code that is surely wrong now: every digit of the current one shifted by 5. */
export async function wrongCode(backend: { currentCode(): Promise<string> }) {
  return shifted(await backend.currentCode());
}
