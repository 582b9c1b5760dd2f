/** Fixtures of the HRD Korea tests: the app with the real `hrdk` provider pointed at the fake, on the rig's clock. */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { CourseContext, Purpose } from '../../src/protocol/index.js';
import { createHrdkProvider, type VerifyApp, type VerifyAppOptions } from '../../src/server/index.js';
import { startHrdkFake, type HrdkFake } from '../fakes/hrdk.js';
import { PHONE, rig, type Rig } from './helpers.js';

/** The institution's agent id the tests configure. */
export const AGENT_ID = 'test-agent';
/** Deadline of provider calls in these tests: short, so a hang ends quickly. */
export const TEST_TIMEOUT_MS = 400;
/** A course as an LMS would pass it. */
export const COURSE: CourseContext = { coursePk: 'C-52', classPk: '947,3', classTime: '07' };

/** A rig whose mOTP provider is HRD Korea's, talking to a fake over HTTP. */
export interface HrdkRig extends Rig {
  /** The fake upstream. */
  fake: HrdkFake;
  /** The code the learner's HRD Korea app shows, `steps` steps from the rig's now. */
  hrdkCode(steps?: number, phone?: string): Promise<string>;
  /** A well-formed code the fake refuses now. */
  hrdkWrongCode(): Promise<string>;
  /** Mints a session for the demo learner (`course` defaults to {@link COURSE}; `null` for none). */
  hrdkSession(purpose?: Purpose, course?: CourseContext | null, subject?: string): Promise<{ session: string; nonce: string }>;
  /** Stops the fake. */
  close(): Promise<void>;
}

/**
 * Builds the rig; `options` go to `createVerifyApp`. With `enrollFromFake`, `/v1/dev/motp/enroll`
 * hands out the fake's secrets (as the demo does).
 */
export async function hrdkRig(options: Partial<VerifyAppOptions> = {}, { enrollFromFake = false } = {}): Promise<HrdkRig> {
  const clock = { now: () => 0 };
  const fake = await startHrdkFake({ clock: () => clock.now() });
  const provider = createHrdkProvider({ agentId: AGENT_ID, baseUrl: fake.url, logUrl: fake.logUrl, clock: () => clock.now() });
  const base = await rig({
    motp: provider,
    devRoutesWithRealProviders: true,
    providerTimeoutMs: TEST_TIMEOUT_MS,
    ...(enrollFromFake ? { devMotpEnroller: fake } : {}),
    ...options,
  });
  clock.now = () => base.now;
  const hrdkCode = (steps = 0, phone = PHONE) => fake.codeFor(phone, base.now + steps * 60_000);
  return Object.assign(base, {
    fake,
    hrdkCode,
    async hrdkWrongCode() {
      const near = new Set(await Promise.all([-2, -1, 0, 1, 2].map((steps) => hrdkCode(steps))));
      for (let n = 0; ; n++) {
        const candidate = String(n).padStart(6, '0');
        if (!near.has(candidate)) return candidate;
      }
    },
    hrdkSession: (purpose: Purpose = 'exam', course: CourseContext | null = COURSE, subject = 'learner-001') =>
      base.app.createSession({ subject, name: '홍길동', phone: PHONE, birth: '900101-1', purpose, ...(course ? { course } : {}) }),
    close: () => fake.close(),
  });
}

/** The app on a real socket (`@hono/node-server`), so it reads the client's address as in production. */
export async function serveOnSocket(app: VerifyApp): Promise<{ base: string; close(): Promise<void> }> {
  let server!: ServerType;
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
