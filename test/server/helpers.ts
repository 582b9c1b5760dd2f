/** Shared fixtures for the server tests: an app on an injected clock, a counting provider, codes. */
import { generate } from 'otplib';
import {
  createTotpProvider,
  createMemoryReplayGuard,
  createVerifyApp,
  verifyResultToken,
  TOTP_OPTIONS,
  type MotpProvider,
  type TotpProvider,
  type VerifyApp,
  type VerifyAppOptions,
} from '../../src/server/index.js';
import { testStore, type TestStore } from './stores.js';

/** 2025-03-10 12:00 KST. */
export const T0 = Date.UTC(2025, 2, 10, 3, 0, 0);
/** The demo learner's phone, as typed. */
export const PHONE = '010-1234-5678';
/** Issuer of the test app's tokens. */
export const ISSUER = 'http://127.0.0.1:8080/api';
/** Audience of the test app's tokens. */
export const AUDIENCE = 'demo-lms';
/** Base URL the tests address the in-process handler with. */
export const ORIGIN = 'http://127.0.0.1';

/** A test rig: the app, its store, the clock, and a provider that counts evaluations. */
export interface Rig {
  app: VerifyApp;
  /** Memory, or Redis when `IDV_TEST_STORE=redis` (see stores.ts). */
  store: TestStore;
  totp: TotpProvider;
  /** Current injected time (epoch ms). */
  now: number;
  /** Moves the injected clock. */
  advance(ms: number): void;
  /** How many times the provider evaluated a code. */
  readonly verifyCalls: number;
  /** Makes the provider throw the given error until cleared. */
  failWith: Error | undefined;
  /** Mints a session for `subject` (demo learner otherwise). */
  session(overrides?: Partial<{ subject: string; purpose: VerifyAppOptionsPurpose; phone: string }>): Promise<{
    session: string;
    nonce: string;
  }>;
  /** The current code for the enrolled demo phone, `steps` steps away from now. */
  code(steps?: number): Promise<string>;
  /** A well-formed code that is not valid in the ±2-step neighbourhood. */
  wrongCode(): Promise<string>;
}

type VerifyAppOptionsPurpose = Parameters<VerifyApp['createSession']>[0]['purpose'];

/** How a rig gets its store. */
export interface RigStore {
  /** The rig's store on its clock (default: this run's kind, see stores.ts). */
  store?: (clock: () => number) => Promise<TestStore>;
}

/** Builds a rig with the demo phone enrolled, on this run's store unless `using` gives one. */
export async function rig(options: Partial<VerifyAppOptions> = {}, using: RigStore = {}): Promise<Rig> {
  let now = T0;
  const clock = () => now;
  const store = await (using.store ?? testStore)(clock);
  const hashKey = new Uint8Array(32).fill(7);
  const totp = createTotpProvider({ store, clock, hashKey });
  const state = { calls: 0, failWith: undefined as Error | undefined };
  const counted: MotpProvider & Pick<TotpProvider, 'enroll'> = {
    async verify(input) {
      state.calls++;
      if (state.failWith) throw state.failWith;
      return totp.verify(input);
    },
    enroll: (phone) => totp.enroll(phone),
  };
  const app = createVerifyApp({
    issuer: ISSUER,
    audience: AUDIENCE,
    clock,
    store,
    hashKey,
    motp: counted,
    simulator: true,
    ...options,
  });
  const secret = new URL(await totp.enroll(PHONE)).searchParams.get('secret')!;
  const codeAt = (epochSeconds: number) => generate({ ...TOTP_OPTIONS, secret, epoch: epochSeconds });
  const result: Rig = {
    app,
    store,
    totp,
    get now() {
      return now;
    },
    advance(ms) {
      now += ms;
    },
    get verifyCalls() {
      return state.calls;
    },
    get failWith() {
      return state.failWith;
    },
    set failWith(error) {
      state.failWith = error;
    },
    session: (overrides = {}) =>
      app.createSession({
        subject: overrides.subject ?? 'learner-001',
        name: '홍길동',
        phone: overrides.phone ?? PHONE,
        birth: '900101-1',
        purpose: overrides.purpose ?? 'login',
      }),
    code: (steps = 0) => codeAt(Math.floor(now / 1000) + steps * 60),
    async wrongCode() {
      const near = new Set(await Promise.all([-2, -1, 0, 1, 2].map((s) => codeAt(Math.floor(now / 1000) + s * 60))));
      for (let n = 0; ; n++) {
        const candidate = String(n).padStart(6, '0');
        if (!near.has(candidate)) return candidate;
      }
    },
  };
  return result;
}

/** An answer, read once. */
export interface Answer {
  status: number;
  headers: Headers;
  // Parsed JSON of any shape: tests read deep into it and assert on what they find.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
}

/** Options of {@link call}. */
export interface CallInit {
  bearer?: string;
  body?: unknown;
  /** Sent verbatim instead of JSON-encoding `body`. */
  raw?: BodyInit;
  headers?: Record<string, string>;
}

/** Sends one request through the app's real handler. */
export async function call(app: VerifyApp, method: string, path: string, init: CallInit = {}): Promise<Answer> {
  const headers = new Headers(init.headers);
  if (init.bearer !== undefined) headers.set('Authorization', `Bearer ${init.bearer}`);
  let body: BodyInit | undefined = init.raw;
  if (body === undefined && init.body !== undefined) {
    body = JSON.stringify(init.body);
    if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  }
  const request = new Request(ORIGIN + path, { method, headers, body: body ?? null, duplex: 'half' } as RequestInit);
  const response = await app.fetch(request);
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** `POST /v1/motp/verify` with the demo phone. */
export function verifyMotp(app: VerifyApp, bearer: string, otp: string, extra: CallInit = {}): Promise<Answer> {
  return call(app, 'POST', '/v1/motp/verify', { bearer, body: { otp, phone: PHONE }, ...extra });
}

/** `GET /v1/config`. */
export function config(app: VerifyApp, bearer: string, purpose?: string): Promise<Answer> {
  return call(app, 'GET', `/v1/config${purpose ? `?purpose=${purpose}` : ''}`, { bearer });
}

/** Verifies a result token as the LMS would: this rig's issuer and audience, a fresh replay guard, the rig's clock. */
export async function verifyAsLms(r: Rig, token: string, nonce: string, jwks?: URL) {
  return verifyResultToken(token, {
    jwks: jwks ?? (await r.app.jwks()),
    issuer: ISSUER,
    audience: AUDIENCE,
    nonce,
    replay: createMemoryReplayGuard(),
    clock: () => r.now,
  });
}
